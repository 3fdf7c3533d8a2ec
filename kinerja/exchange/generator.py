"""A synthetic regency shaped on the seed agency, for benchmarks and for the measurements of docs/scale.md.

`generate_region(code, agencies=40, seed=1)` writes one region with `agencies` agencies: units and positions in
a tree of four levels (head of agency → secretary / division heads → sub-division and section heads → staff),
an official with a user account on every position, a strategic plan 2021–2026 with goals, strategic and
performance objectives, 40–120 indicators per agency (every formula, polarity and quarter rule; some names
shared across agencies), the IKU table and the IKI pages, programmes with activities, sub-activities and
budgets, a decree, targets for the six plan years (baseline, end of plan, every year, the quarters of the last
year), the actuals of every quarter up to the third quarter of 2026 with numerator and denominator and their
workflow state (verified, submitted, draft), small evidence files, audit records and closed periods.

Deterministic: agency number i draws from its own random generator seeded with (seed, i), so agency 1 of a
region of 40 is the same agency as agency 1 of a region of 1 (what the benchmark compares). Fast: every table
is written with `bulk_create`, one statement per batch across the whole region (never one per row, never one
per agency); tables whose rows point at rows of the same table are written one tree level at a time.
"""

import datetime
import hashlib
import random
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from kinerja.accounts.models import RoleGrant, User
from kinerja.core.models import AuditRecord
from kinerja.organisation.models import (
    Agency,
    AgencyFunction,
    Assignment,
    Official,
    Position,
    PositionFunction,
    Region,
    Unit,
)
from kinerja.performance import achievement
from kinerja.performance.models import Actual, Evidence, PeriodLock, Target
from kinerja.strategy.models import (
    Activity,
    Budget,
    Decree,
    DecreeChapter,
    DecreeClause,
    Goal,
    Indicator,
    KeyIndicatorRow,
    Objective,
    PageIndicator,
    Programme,
    StrategicPlan,
    SubActivity,
)

FIRST_YEAR, LAST_YEAR = 2021, 2026
# The last quarter with actuals: the plan's last year up to its third quarter (the fourth is still open).
LAST_ACTUAL = (2026, 3)
DEFAULT_PASSWORD = "kinerja-sintetis-2026"  # noqa: S105 (synthetic users of a benchmark database)
BATCH = 2000
START = datetime.date(2021, 1, 4)
PDF_HEAD = b"%PDF-1.4\n1 0 obj<<>>endobj\n"

AGENCY_NAMES = [
    ("Dinas Pendidikan", "Disdik"), ("Dinas Kesehatan", "Dinkes"),
    ("Dinas Pekerjaan Umum dan Penataan Ruang", "DPUPR"), ("Dinas Sosial", "Dinsos"),
    ("Dinas Perumahan dan Kawasan Permukiman", "Disperkim"), ("Satuan Polisi Pamong Praja", "Satpol PP"),
    ("Dinas Tenaga Kerja", "Disnaker"), ("Dinas Pemberdayaan Perempuan dan Perlindungan Anak", "DP3A"),
    ("Dinas Ketahanan Pangan", "Disketapang"), ("Dinas Lingkungan Hidup", "DLH"),
    ("Dinas Kependudukan dan Pencatatan Sipil", "Disdukcapil"),
    ("Dinas Pemberdayaan Masyarakat dan Desa", "DPMD"), ("Dinas Pengendalian Penduduk dan Keluarga Berencana",
                                                         "DPPKB"),
    ("Dinas Perhubungan", "Dishub"), ("Dinas Komunikasi dan Informatika", "Diskominfo"),
    ("Dinas Koperasi dan Usaha Kecil Menengah", "Diskop UKM"),
    ("Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "DPMPTSP"), ("Dinas Kepemudaan dan Olahraga",
                                                                         "Dispora"),
    ("Dinas Perpustakaan dan Kearsipan", "Dispusip"), ("Dinas Perikanan", "Diskan"),
    ("Dinas Pariwisata", "Dispar"), ("Dinas Pertanian", "Distan"), ("Dinas Perindustrian dan Perdagangan",
                                                                  "Disperindag"),
    ("Dinas Kebudayaan", "Disbud"), ("Dinas Pemadam Kebakaran", "Damkar"),
    ("Badan Perencanaan Pembangunan Daerah", "Bappeda"), ("Badan Pengelolaan Keuangan dan Aset Daerah", "BPKAD"),
    ("Badan Pendapatan Daerah", "Bapenda"), ("Badan Kepegawaian dan Pengembangan SDM", "BKPSDM"),
    ("Badan Penanggulangan Bencana Daerah", "BPBD"), ("Badan Kesatuan Bangsa dan Politik", "Kesbangpol"),
    ("Inspektorat Daerah", "Inspektorat"), ("Sekretariat Daerah", "Setda"), ("Sekretariat DPRD", "Setwan"),
    ("Rumah Sakit Umum Daerah", "RSUD"), ("Kecamatan Kota", "Kec. Kota"), ("Kecamatan Utara", "Kec. Utara"),
    ("Kecamatan Selatan", "Kec. Selatan"), ("Kecamatan Timur", "Kec. Timur"), ("Kecamatan Barat", "Kec. Barat"),
]
TOPICS = [
    "layanan perizinan", "dokumen perencanaan", "kegiatan sosialisasi", "sarana dan prasarana", "aduan masyarakat",
    "data statistik sektoral", "pelatihan aparatur", "kerja sama daerah", "inovasi daerah", "pengawasan lapangan",
    "laporan keuangan", "aset daerah", "kelompok masyarakat", "desa binaan", "usaha mikro", "sekolah", "puskesmas",
    "ruas jalan", "jaringan irigasi", "rumah tidak layak huni", "peserta pelatihan", "arsip daerah", "sampah terkelola",
    "kawasan wisata", "produk unggulan", "layanan daring", "pegawai", "regulasi daerah", "kejadian bencana",
    "penerima bantuan", "kunjungan perpustakaan", "nelayan", "petani", "pasar daerah", "atlet berprestasi",
]
# (name, formula, unit, polarity, quarter rule, numerator, denominator): names every agency may share
SHARED = [
    ("Nilai SAKIP perangkat daerah", "value", "Nilai", "higher", "last", "", ""),
    ("Persentase realisasi anggaran", "ratio", "Persen", "higher", "last", "Realisasi anggaran", "Pagu anggaran"),
    ("Indeks kepuasan masyarakat", "value", "Indeks", "higher", "average", "", ""),
    ("Persentase temuan pemeriksaan yang ditindaklanjuti", "ratio", "Persen", "higher", "last",
     "Jumlah temuan yang ditindaklanjuti", "Jumlah temuan"),
    ("Jumlah dokumen perencanaan dan pelaporan", "count", "Dokumen", "higher", "sum", "", ""),
    ("Persentase pegawai yang mengikuti pengembangan kompetensi", "ratio", "Persen", "higher", "last",
     "Jumlah pegawai yang mengikuti pengembangan kompetensi", "Jumlah pegawai"),
    ("Rata-rata waktu penyelesaian layanan", "value", "Hari", "lower", "average", "", ""),
    ("Jumlah pengaduan yang belum diselesaikan", "count", "Aduan", "lower", "sum", "", ""),
    ("Nilai indeks reformasi birokrasi", "value", "Nilai", "range", "last", "", ""),
    ("Persentase aset yang tercatat", "ratio", "Persen", "higher", "average", "Jumlah aset tercatat",
     "Jumlah aset"),
]
COUNT_VERBS = ["Jumlah", "Banyaknya"]
RATIO_WORDS = ["Persentase", "Rasio"]
VALUE_WORDS = ["Indeks", "Nilai", "Rata-rata"]
FUNCTIONS = [
    "Penyusunan rencana kerja dan anggaran {unit}", "Pelaksanaan kebijakan teknis di lingkup {unit}",
    "Pemantauan, evaluasi dan pelaporan pelaksanaan tugas {unit}", "Pembinaan dan pengawasan pegawai {unit}",
    "Koordinasi dengan unit kerja lain terkait fungsi {unit}",
]
CHAPTERS = [("foreword", "KATA PENGANTAR"), ("chapter_1", "BAB I PENDAHULUAN"),
            ("chapter_2", "BAB II INDIKATOR KINERJA"), ("chapter_3", "BAB III PENUTUP")]


class RegionExists(Exception):
    pass


@dataclass
class Counts:
    """How many rows of each kind were written, and how long each step took."""

    rows: dict[str, int] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.rows.values())


def _slug(text: str) -> str:
    return "".join(ch if ch.isalnum() else "-" for ch in text.lower()).strip("-").replace("--", "-")


def _q(value: float, places: int) -> Decimal:
    return Decimal(str(round(value, places))).quantize(Decimal(1).scaleb(-places))


@dataclass
class _Agency:
    index: int
    rng: random.Random
    agency: Agency
    units: dict[str, Unit] = field(default_factory=dict)
    positions: dict[str, Position] = field(default_factory=dict)
    levels: list[list[str]] = field(default_factory=lambda: [[], [], [], []])
    superior: dict[str, str | None] = field(default_factory=dict)
    unit_of: dict[str, str] = field(default_factory=dict)
    users: dict[str, User] = field(default_factory=dict)
    plan: StrategicPlan | None = None
    strategic: list[Objective] = field(default_factory=list)
    objectives: dict[str, list[Objective]] = field(default_factory=dict)
    indicators: list[Indicator] = field(default_factory=list)
    pages: dict[str, list[tuple[Objective, Indicator]]] = field(default_factory=dict)
    owner: dict[str, str] = field(default_factory=dict)  # indicator code → position code that enters it


class _Writer:
    """bulk_create in batches, counting rows and time per kind."""

    def __init__(self, progress: Callable[[str], None]) -> None:
        self.counts = Counts()
        self.progress = progress
        self.started = time.monotonic()

    def __call__(self, model: type, rows: list, label: str | None = None) -> list:
        label = label or model._meta.label_lower
        began = time.monotonic()
        created = model.objects.bulk_create(rows, batch_size=BATCH) if rows else []
        self.counts.rows[label] = self.counts.rows.get(label, 0) + len(rows)
        self.counts.seconds[label] = self.counts.seconds.get(label, 0.0) + time.monotonic() - began
        self.progress(f"  {label}: {len(rows)} ({time.monotonic() - self.started:.1f} s)")
        return created


def _nip(code: str, index: int) -> str:
    """An 18-digit NIP, unique within the region and (by the region code's checksum) across regions."""
    salt = zlib.crc32(code.encode())
    birth = datetime.date(1966, 1, 1) + datetime.timedelta(days=index)
    appointed = birth.year + 24 + (index % 6)
    month = salt % 12 + 1
    sex = 1 + (salt >> 4) % 2
    return f"{birth:%Y%m%d}{appointed}{month:02d}{sex}{(salt >> 8) % 1000:03d}"


def generate_region(code: str, *, agencies: int = 40, seed: int = 1, password: str = DEFAULT_PASSWORD,
                    evidence_every: int = 20, progress: Callable[[str], None] | None = None) -> Counts:
    """Write a synthetic region `code` with `agencies` agencies (see the module docstring). RegionExists when a
    region with that code is there already."""
    progress = progress or (lambda message: None)
    if Region.objects.filter(code=code).exists():
        raise RegionExists(f"Wilayah {code} sudah ada.")
    write = _Writer(progress)
    with transaction.atomic():
        _generate(code, agencies, seed, make_password(password), evidence_every, write)
    return write.counts


def _generate(code: str, n_agencies: int, seed: int, password_hash: str, evidence_every: int,
              write: _Writer) -> None:
    region = Region.objects.create(code=code, name=f"Kabupaten {code.upper()}", province="Provinsi Sintetis",
                                   seat=f"Kota {code.upper()}")
    progress = write.progress
    progress(f"Wilayah {region.code}: {n_agencies} perangkat daerah, seed {seed}")
    items = []
    for index in range(n_agencies):
        name, short = AGENCY_NAMES[index % len(AGENCY_NAMES)]
        if index >= len(AGENCY_NAMES):
            name, short = f"{name} {index // len(AGENCY_NAMES) + 1}", f"{short} {index // len(AGENCY_NAMES) + 1}"
        agency = Agency(region=region, code=f"{code}-{index + 1:02d}-{_slug(short)}"[:50], name=name,
                        short_name=short, city=region.seat, postcode=f"{97000 + index:05d}",
                        duty=f"Melaksanakan urusan pemerintahan daerah di bidang {name.lower()}")
        rng = random.Random(f"{seed}/{index}")  # noqa: S311 (synthetic data, not secrets)
        items.append(_Agency(index, rng, agency))
    write(Agency, [item.agency for item in items])
    write(AgencyFunction, [
        AgencyFunction(agency=item.agency, order=order + 1, text=text.format(unit=item.agency.name))
        for item in items for order, text in enumerate(FUNCTIONS)
    ])
    for item in items:
        _shape(item)
    _write_units(items, write)
    _write_positions(items, write)
    _write_people(region, items, password_hash, write)
    _write_plans(items, write)
    _write_budget_tree(items, write)
    _write_decrees(items, write)
    actuals = _write_figures(items, write)
    _write_evidence(code, actuals, evidence_every, write)
    _write_audit(items, actuals, write)
    write(PeriodLock, [
        PeriodLock(agency=item.agency, year=year, quarter=quarter, closed=(year, quarter) <= (2026, 2),
                   deadline=datetime.date(year, 3 * quarter, 28) + datetime.timedelta(days=75)
                   if (year, quarter) > (2026, 2) else None)
        for item in items for year in range(FIRST_YEAR, LAST_YEAR + 1) for quarter in (1, 2, 3, 4)
        if (year, quarter) <= LAST_ACTUAL
    ])
    progress(f"Selesai: {write.counts.total} baris dalam {time.monotonic() - write.started:.1f} s")


# -- organisation --------------------------------------------------------------------------------------------

def _shape(item: _Agency) -> None:
    """Units and positions of one agency: 10–40 positions in four levels."""
    rng = item.rng
    size = rng.randint(10, 40)
    divisions = max(1, min(5, (size - 4) // 7))
    sub_divisions = rng.randint(2, 3)
    sections = [rng.randint(2, 3) for _ in range(divisions)]
    units = [("dinas", "dinas", item.agency.name, None), ("sekretariat", "sekretariat", "Sekretariat", "dinas")]
    units += [(f"subbag-{k + 1}", "sub_bagian", f"Sub Bagian {TOPICS[rng.randrange(len(TOPICS))].title()}",
               "sekretariat") for k in range(sub_divisions)]
    for d in range(divisions):
        units.append((f"bidang-{d + 1}", "bidang", f"Bidang {TOPICS[rng.randrange(len(TOPICS))].title()}", "dinas"))
        units += [(f"seksi-{d + 1}-{s + 1}", "seksi", f"Seksi {TOPICS[rng.randrange(len(TOPICS))].title()}",
                   f"bidang-{d + 1}") for s in range(sections[d])]
    for order, (unit_code, kind, name, parent) in enumerate(units):
        item.units[unit_code] = Unit(agency=item.agency, code=unit_code, kind=kind, name=name, order=order + 1)
        item.units[unit_code]._parent_code = parent

    def post(level: int, position_code: str, unit_code: str, title: str, superior: str | None) -> None:
        item.levels[level].append(position_code)
        item.superior[position_code], item.unit_of[position_code] = superior, unit_code
        item.positions[position_code] = Position(
            agency=item.agency, code=position_code, title=title, order=len(item.positions) + 1,
            duty=f"{title} melaksanakan tugas di bidang {item.units[unit_code].name.lower()}",
        )

    post(0, "kadis", "dinas", "Kepala Dinas", None)
    post(1, "sekretaris", "sekretariat", "Sekretaris", "kadis")
    for k in range(sub_divisions):
        post(2, f"kasubbag-{k + 1}", f"subbag-{k + 1}", f"Kepala {item.units[f'subbag-{k + 1}'].name}", "sekretaris")
    for d in range(divisions):
        post(1, f"kabid-{d + 1}", f"bidang-{d + 1}", f"Kepala {item.units[f'bidang-{d + 1}'].name}", "kadis")
        for s in range(sections[d]):
            unit_code = f"seksi-{d + 1}-{s + 1}"
            post(2, f"kasi-{d + 1}-{s + 1}", unit_code, f"Kepala {item.units[unit_code].name}", f"kabid-{d + 1}")
    third = list(item.levels[2])
    for n in range(max(1, size - len(item.positions))):
        above = third[n % len(third)]
        post(3, f"staf-{n + 1}", item.unit_of[above], f"Pelaksana {item.units[item.unit_of[above]].name}", above)


def _write_units(items: list[_Agency], write: _Writer) -> None:
    for parents in ({None}, {"dinas"}, {"sekretariat"} | {f"bidang-{d}" for d in range(1, 6)}):
        level = []
        for item in items:
            for unit in item.units.values():
                if unit._parent_code in parents:
                    unit.parent = item.units[unit._parent_code] if unit._parent_code else None
                    level.append(unit)
        write(Unit, level, "organisation.unit")


def _write_positions(items: list[_Agency], write: _Writer) -> None:
    for level in range(4):
        rows = []
        for item in items:
            for position_code in item.levels[level]:
                position = item.positions[position_code]
                position.unit = item.units[item.unit_of[position_code]]
                superior = item.superior[position_code]
                position.superior = item.positions[superior] if superior else None
                rows.append(position)
        write(Position, rows, "organisation.position")
    write(PositionFunction, [
        PositionFunction(position=position, order=order + 1, text=text.format(unit=position.unit.name.lower()))
        for item in items for position in item.positions.values() for order, text in enumerate(FUNCTIONS[:3])
    ])


def _write_people(region: Region, items: list[_Agency], password_hash: str, write: _Writer) -> None:
    """A user and an official on every position, a planner per agency, the regent, the inspectorate and
    Bappeda of the region."""
    users, officials, assignments, grants = [], [], [], []
    index = 0
    for item in items:
        for position_code in item.positions:
            user = User(username=f"{item.agency.code}.{position_code}"[:150], password=password_hash,
                        first_name=f"Pejabat {index + 1}")
            item.users[position_code] = user
            users.append(user)
        planner = User(username=f"{item.agency.code}.perencana"[:150], password=password_hash,
                       first_name=f"Perencana {item.agency.short_name}")
        item.users["perencana"] = planner
        users.append(planner)
    region_users = {role: User(username=f"{region.code}.{role}", password=password_hash, first_name=role.title())
                    for role in ("inspektorat", "bappeda")}
    write(User, users + list(region_users.values()), "accounts.user")
    for item in items:
        for position_code, position in item.positions.items():
            user = item.users[position_code]
            official = Official(region=region, nip=_nip(region.code, index), name=f"Pejabat {index + 1}, S.E.",
                                rank="Penata", grade="III/c", user=user)
            officials.append(official)
            assignments.append(Assignment(official=official, position=position, start=START,
                                          acting=item.rng.random() < 0.05))
            index += 1
        grants.append(RoleGrant(user=item.users["perencana"], role=RoleGrant.Role.PLANNER, agency=item.agency))
    regent = Official(region=region, name=f"Bupati {region.code.upper()}")
    write(Official, [*officials, regent])
    Region.objects.filter(pk=region.pk).update(head=regent)
    write(Assignment, assignments)
    grants += [RoleGrant(user=region_users["inspektorat"], role=RoleGrant.Role.INSPECTORATE, region=region),
               RoleGrant(user=region_users["bappeda"], role=RoleGrant.Role.REGIONAL_PLANNING, region=region)]
    write(RoleGrant, grants)


# -- plan ----------------------------------------------------------------------------------------------------

def _indicator(item: _Agency, code: str, order: int, objective: Objective | None) -> Indicator:
    rng = item.rng
    if rng.random() < 0.2:
        name, formula, unit, polarity, rule, numerator, denominator = SHARED[rng.randrange(len(SHARED))]
    else:
        formula = rng.choice(["ratio", "ratio", "count", "count", "value"])
        topic = TOPICS[rng.randrange(len(TOPICS))]
        polarity = rng.choices(["higher", "lower", "range"], [8, 1, 1])[0]
        numerator = denominator = ""
        if formula == "ratio":
            name, unit = f"{rng.choice(RATIO_WORDS)} {topic} yang memenuhi standar", "Persen"
            numerator, denominator = f"Jumlah {topic} yang memenuhi standar", f"Jumlah {topic}"
            rule = rng.choice(["last", "average", "sum"])
        elif formula == "count":
            name, unit, rule = f"{rng.choice(COUNT_VERBS)} {topic}", "Unit", rng.choice(["sum", "sum", "last"])
        else:
            name, unit, rule = f"{rng.choice(VALUE_WORDS)} {topic}", "Nilai", rng.choice(["last", "average"])
    return Indicator(
        plan=item.plan, code=code, name=name, objective=objective, formula=formula, numerator=numerator,
        denominator=denominator, factor=Decimal(100) if formula == "ratio" else None,
        definition=f"{name} ({unit.lower()})", unit=unit, data_source=f"Laporan {item.agency.short_name}",
        polarity=polarity, quarter_rule=rule, decimals=0 if formula == "count" else 2, order=order,
    )


def _write_plans(items: list[_Agency], write: _Writer) -> None:
    for item in items:
        item.plan = StrategicPlan(agency=item.agency, name=f"Renstra {FIRST_YEAR}–{LAST_YEAR}",
                                  first_year=FIRST_YEAR, last_year=LAST_YEAR)
    write(StrategicPlan, [item.plan for item in items])
    goals = {item.index: Goal(plan=item.plan, code="T1", order=1, text=f"Meningkatnya kinerja {item.agency.name}")
             for item in items}
    write(Goal, list(goals.values()))
    for item in items:
        item.strategic = [
            Objective(plan=item.plan, code=f"S{k + 1}", level="strategic", goal=goals[item.index], order=k + 1,
                      text=f"Meningkatnya {TOPICS[item.rng.randrange(len(TOPICS))]} yang berkualitas")
            for k in range(item.rng.randint(2, 4))
        ]
    write(Objective, [objective for item in items for objective in item.strategic], "strategy.objective")
    for level in range(4):  # a position's objective contributes to its superior's (or a strategic one)
        rows = []
        for item in items:
            for position_code in item.levels[level]:
                superior = item.superior[position_code]
                above = item.objectives[superior] if superior else item.strategic
                objectives = [
                    Objective(plan=item.plan, code=f"{position_code}.O{k + 1}", level="performance",
                              position=item.positions[position_code], contributes_to=above[k % len(above)],
                              order=k + 1, text=f"Terlaksananya {TOPICS[item.rng.randrange(len(TOPICS))]}")
                    for k in range(1 if level == 3 else item.rng.randint(1, 2))
                ]
                item.objectives[position_code] = objectives
                rows += objectives
        write(Objective, rows, "strategy.objective")
    key_rows, page_rows = [], []
    for item in items:
        rng = item.rng
        total = rng.randint(40, 120)
        iku = [_indicator(item, f"IKU.{k + 1}", k + 1, item.strategic[k % len(item.strategic)])
               for k in range(rng.randint(4, 8))]
        for number, indicator in enumerate(iku):
            indicator.is_key = number % 4 != 3
            indicator.responsible_position = item.positions[item.levels[1][number % len(item.levels[1])]]
        item.indicators = list(iku)
        item.pages["kadis"] = [(item.objectives["kadis"][k % len(item.objectives["kadis"])], indicator)
                               for k, indicator in enumerate(iku)]
        item.owner.update((indicator.code, "kadis") for indicator in iku)
        others = [code for level in item.levels[1:] for code in level]
        for k in range(total - len(iku)):
            position_code = others[k % len(others)]
            objectives = item.objectives[position_code]
            objective = objectives[k // len(others) % len(objectives)]
            number = sum(1 for o, _ in item.pages.get(position_code, []) if o is objective) + 1
            indicator = _indicator(item, f"{objective.code}.I{number}", len(iku) + k + 1, None)
            item.indicators.append(indicator)
            item.pages.setdefault(position_code, []).append((objective, indicator))
            item.owner[indicator.code] = position_code
        key_rows += [KeyIndicatorRow(plan=item.plan, indicator=indicator, order=k + 1)
                     for k, indicator in enumerate(i for i in iku if i.is_key)]
    write(Indicator, [indicator for item in items for indicator in item.indicators])
    for item in items:
        # the secretary's page also prints the first indicator of each sub-division head (printed twice)
        for position_code in item.levels[2]:
            if item.superior[position_code] == "sekretaris" and item.pages.get(position_code):
                item.pages.setdefault("sekretaris", []).append(
                    (item.objectives["sekretaris"][0], item.pages[position_code][0][1]))
        for position_code, rows in item.pages.items():
            orders: dict[int, int] = {}
            for objective, indicator in rows:
                orders[id(objective)] = orders.get(id(objective), 0) + 1
                page_rows.append(PageIndicator(position=item.positions[position_code], objective=objective,
                                               indicator=indicator, order=orders[id(objective)]))
    write(KeyIndicatorRow, key_rows)
    write(PageIndicator, page_rows)


def _write_budget_tree(items: list[_Agency], write: _Writer) -> None:
    programmes, activities, subs = [], [], []
    for item in items:
        for d, kabid in enumerate(item.levels[1]):
            programme = Programme(plan=item.plan, code=f"1.{item.index + 1:02d}.{d + 1:02d}", order=d + 1,
                                  name=f"Program {item.units[item.unit_of[kabid]].name}")
            programme._agency, programme._kabid = item, kabid
            programmes.append(programme)
    write(Programme, programmes)
    for programme in programmes:
        item = programme._agency
        below = [code for code in item.levels[2] if item.superior[code] == programme._kabid]
        for a, position_code in enumerate(below):
            activity = Activity(programme=programme, code=f"{programme.code}.{a + 1}", order=a + 1,
                                name=f"Kegiatan {item.units[item.unit_of[position_code]].name}",
                                responsible_position=item.positions[position_code])
            activity._agency, activity._owner = item, position_code
            activities.append(activity)
    write(Activity, activities)
    for activity in activities:
        for s in range(2):
            sub = SubActivity(activity=activity, code=f"{activity.code}.{s + 1:02d}", order=s + 1,
                              name=f"Sub kegiatan {s + 1} {activity.name.lower()}",
                              responsible_position=activity.responsible_position)
            sub._activity = activity
            subs.append(sub)
    write(SubActivity, subs)
    links: dict[str, list] = {"programme": [], "objective": [], "activity": [], "sub": []}
    for programme in programmes:
        item = programme._agency
        iku = [indicator for indicator in item.indicators if indicator.code.startswith("IKU.")]
        links["programme"] += [Programme.indicators.through(programme=programme, indicator=indicator)
                               for indicator in iku[programme.order - 1::max(1, len(item.levels[1]))]]
        links["objective"] += [Programme.objectives.through(programme=programme, objective=objective)
                               for objective in item.strategic[:1]]
    for activity in activities:
        rows = activity._agency.pages.get(activity._owner, [])
        links["activity"] += [Activity.indicators.through(activity=activity, indicator=indicator)
                              for _, indicator in rows[:2]]
    for sub in subs:
        rows = sub._activity._agency.pages.get(sub._activity._owner, [])
        links["sub"] += [SubActivity.indicators.through(subactivity=sub, indicator=indicator)
                         for _, indicator in rows[2:4]]
    write(Programme.indicators.through, links["programme"], "strategy.programme_indicators")
    write(Programme.objectives.through, links["objective"], "strategy.programme_objectives")
    write(Activity.indicators.through, links["activity"], "strategy.activity_indicators")
    write(SubActivity.indicators.through, links["sub"], "strategy.subactivity_indicators")
    budgets = []
    for year in (2025, 2026):
        budgets += [Budget(sub_activity=sub, year=year, amount=Decimal(50_000_000 + 1_000_000 * (n % 97)))
                    for n, sub in enumerate(subs)]
        budgets += [Budget(activity=activity, year=year, amount=Decimal(120_000_000 + 1_000_000 * (n % 53)))
                    for n, activity in enumerate(activities)]
        budgets += [Budget(programme=programme, year=year, amount=Decimal(400_000_000 + 5_000_000 * (n % 31)))
                    for n, programme in enumerate(programmes)]
    write(Budget, budgets)


def _write_decrees(items: list[_Agency], write: _Writer) -> None:
    decrees = [
        Decree(plan=item.plan, year=year, number=f"800/{item.index + 1}/{year}", date=datetime.date(year, 2, 1),
               place=item.agency.city, title=f"KEPUTUSAN KEPALA {item.agency.name.upper()}",
               subject=f"INDIKATOR KINERJA UTAMA (IKU) DAN INDIKATOR KINERJA INDIVIDU (IKI) TAHUN {year}",
               signatory=item.positions["kadis"])
        for item in items for year in (2025, 2026)
    ]
    write(Decree, decrees)
    clauses, chapters = [], []
    for decree in decrees:
        for kind, texts in (
            ("consideration", ["Bahwa untuk mengukur kinerja diperlukan Indikator Kinerja Utama dan Individu;",
                               "Bahwa berdasarkan pertimbangan tersebut perlu ditetapkan Keputusan;"]),
            ("legal_basis", ["Undang-Undang Nomor 17 Tahun 2003 tentang Keuangan Negara;",
                             "Peraturan Presiden Nomor 29 Tahun 2014 tentang SAKIP;",
                             "Peraturan Menteri PANRB Nomor 53 Tahun 2014;"]),
            ("dictum", ["IKU dan IKI sebagaimana tersebut dalam Lampiran Keputusan ini.",
                        "Keputusan ini mulai berlaku sejak tanggal ditetapkan."]),
        ):
            labels = ["KESATU", "KEDUA", "KETIGA"] if kind == "dictum" else [""] * 3
            clauses += [DecreeClause(decree=decree, kind=kind, order=k + 1, number=labels[k], text=text)
                        for k, text in enumerate(texts)]
        chapters += [DecreeChapter(decree=decree, kind=kind, order=k + 1, title=title,
                                   body=f"{title.title()} keputusan tahun {decree.year}.")
                     for k, (kind, title) in enumerate(CHAPTERS)]
    write(DecreeClause, clauses)
    write(DecreeChapter, chapters)


# -- figures -------------------------------------------------------------------------------------------------

def _level(indicator: Indicator, rng: random.Random) -> float:
    if indicator.unit == "Persen":
        return rng.uniform(55, 90)
    if indicator.formula == "count":
        return float(rng.randint(4, 60))
    return rng.uniform(60, 90)


def _write_figures(items: list[_Agency], write: _Writer) -> list[tuple[_Agency, Actual]]:
    targets, actuals = [], []
    verified_at = timezone.make_aware(datetime.datetime(2026, 10, 15, 9, 0))
    for item in items:
        rng = item.rng
        for indicator in item.indicators:
            base, places = _level(indicator, rng), indicator.decimals
            growth = rng.uniform(0.0, 0.03) * (-1 if indicator.polarity == "lower" else 1)
            width = base * 0.1 if indicator.polarity == "range" else None

            def target(kind: str, year: int, value: float, quarter: int = 0, indicator: Indicator = indicator,
                       places: int = places, width: float | None = width) -> Target:
                upper = _q(value + width, places) if width is not None and kind != "baseline" else None
                return Target(indicator=indicator, kind=kind, year=year, quarter=quarter, value=_q(value, places),
                              value_upper=upper)

            targets.append(target("baseline", FIRST_YEAR - 1, base))
            targets.append(target("end", LAST_YEAR, base * (1 + growth * 6)))
            for year in range(FIRST_YEAR, LAST_YEAR + 1):
                value = base * (1 + growth * (year - FIRST_YEAR + 1))
                targets.append(target("year", year, value))
                if year == LAST_YEAR:
                    for quarter in (1, 2, 3, 4):
                        part = value / 4 * quarter if indicator.quarter_rule == "sum" else value
                        if indicator.quarter_rule == "sum" and indicator.formula == "count":
                            part = round(value) * quarter // 4
                        targets.append(target("quarter", year, part, quarter))
            owner = item.owner[indicator.code]
            superior = item.superior[owner] or owner
            for year in range(FIRST_YEAR, LAST_YEAR + 1):
                for quarter in (1, 2, 3, 4):
                    if (year, quarter) > LAST_ACTUAL or rng.random() < 0.03:
                        continue
                    level = base * (1 + growth * (year - FIRST_YEAR + 1)) * rng.uniform(0.8, 1.15)
                    actual = Actual(indicator=indicator, year=year, quarter=quarter,
                                    entered_by=item.users[owner])
                    if indicator.formula == "ratio":
                        denominator = Decimal(rng.randint(20, 400))
                        numerator = min(denominator, Decimal(round(float(denominator) * level / 100)))
                        actual.numerator, actual.denominator = numerator, denominator
                        actual.value = achievement.ratio_value(numerator, denominator, indicator.factor)
                        actual.value = actual.value.quantize(Decimal("0.0001")) if actual.value is not None else None
                    elif indicator.formula == "count":
                        actual.value = Decimal(max(0, round(level / 4 if indicator.quarter_rule == "sum" else level)))
                    else:
                        actual.value = _q(level, 2)
                    if (year, quarter) <= (2025, 4) or rng.random() < (0.7 if quarter <= 2 else 0.2):
                        actual.status = Actual.Status.VERIFIED
                        actual.verified_by, actual.verified_at = item.users[superior], verified_at
                    elif quarter <= 2 or rng.random() < 0.5:
                        actual.status = Actual.Status.SUBMITTED
                    if rng.random() < 0.3:
                        actual.supporting_factors = "Dukungan anggaran dan koordinasi lintas bidang."
                        actual.hindering_factors = "Keterbatasan sumber daya manusia."
                    actuals.append((item, actual))
    write(Target, targets)
    write(Actual, [actual for _, actual in actuals])
    return actuals


def _write_evidence(code: str, actuals: list[tuple[_Agency, Actual]], every: int, write: _Writer) -> None:
    root = Path(settings.MEDIA_ROOT)
    rows = []
    for number, (_item, actual) in enumerate(actuals):
        if not every or number % every:
            continue
        stored = f"gen-{code}-{number:07d}.pdf"
        content = PDF_HEAD + f"% {code} {actual.indicator.code} {actual.year} TW{actual.quarter}\n%%EOF\n".encode()
        name = f"evidence/{actual.year}/{stored}"
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        rows.append(Evidence(actual=actual, file=name, stored_name=stored,
                             original_name=f"bukti-{actual.indicator.code}-tw{actual.quarter}.pdf", kind="pdf",
                             content_type="application/pdf", size=len(content),
                             sha256=hashlib.sha256(content).hexdigest(), uploaded_by=actual.entered_by))
    write(Evidence, rows)


def _write_audit(items: list[_Agency], actuals: list[tuple[_Agency, Actual]], write: _Writer) -> None:
    """A record per actual (created) and per workflow step of the last year's actuals."""
    records = []
    when = timezone.make_aware(datetime.datetime(2026, 10, 1, 8, 0))
    for item, actual in actuals:
        indicator = actual.indicator
        common = {"agency_id": item.agency.pk, "object_label": "performance.actual", "object_pk": str(actual.pk),
                  "object_repr": f"{indicator.pk} {actual.year} TW{actual.quarter}: {actual.value}"[:300],
                  "about_label": "strategy.indicator", "about_pk": str(indicator.pk)}
        user = actual.entered_by
        after = {"indicator": indicator.pk, "year": actual.year, "quarter": actual.quarter,
                 "value": None if actual.value is None else format(actual.value, "f"), "status": "draft"}
        at = when - datetime.timedelta(days=(LAST_YEAR - actual.year) * 365 + (4 - actual.quarter) * 91)
        records.append(AuditRecord(at=at, user=user, actor_name=user.first_name, action="created",
                                   description=f"Realisasi {actual.year} TW {actual.quarter} indikator "
                                               f"{indicator.code} dibuat", before=None, after=after, **common))
        if actual.year == LAST_YEAR and actual.status != Actual.Status.DRAFT:
            steps = ["submitted"] + (["verified"] if actual.status == Actual.Status.VERIFIED else [])
            for step in steps:
                by = user if step == "submitted" else actual.verified_by
                status = {"submitted": "submitted", "verified": "verified"}[step]
                records.append(AuditRecord(
                    at=at + datetime.timedelta(days=3 if step == "submitted" else 7), user=by,
                    actor_name=by.first_name, action=step, before={"status": after["status"]},
                    after={"status": status}, description=f"Realisasi {actual.year} TW {actual.quarter} "
                                                          f"indikator {indicator.code} {step}", **common))
    write(AuditRecord, records)


# -- digest --------------------------------------------------------------------------------------------------

def region_digest(code: str) -> str:
    """A SHA-256 of what the generator decided for region `code` (codes, names, figures, states; not the
    database keys nor the timestamps): equal for two runs with one seed."""
    digest = hashlib.sha256()
    region = Region.objects.get(code=code)
    queries = [
        Agency.objects.filter(region=region).order_by("code").values_list("code", "name"),
        Unit.objects.filter(agency__region=region).order_by("agency__code", "code")
        .values_list("agency__code", "code", "kind", "name", "parent__code"),
        Position.objects.filter(agency__region=region).order_by("agency__code", "code")
        .values_list("agency__code", "code", "title", "unit__code", "superior__code"),
        Official.objects.filter(region=region).order_by("name").values_list("nip", "name", "user__username"),
        Indicator.objects.filter(plan__agency__region=region).order_by("plan__agency__code", "code")
        .values_list("plan__agency__code", "code", "name", "formula", "polarity", "quarter_rule", "is_key"),
        PageIndicator.objects.filter(position__agency__region=region)
        .order_by("position__agency__code", "position__code", "indicator__code")
        .values_list("position__agency__code", "position__code", "objective__code", "indicator__code", "order"),
        Target.objects.filter(indicator__plan__agency__region=region)
        .order_by("indicator__plan__agency__code", "indicator__code", "kind", "year", "quarter")
        .values_list("indicator__plan__agency__code", "indicator__code", "kind", "year", "quarter", "value",
                     "value_upper"),
        Actual.objects.filter(indicator__plan__agency__region=region)
        .order_by("indicator__plan__agency__code", "indicator__code", "year", "quarter")
        .values_list("indicator__plan__agency__code", "indicator__code", "year", "quarter", "numerator",
                     "denominator", "value", "status", "entered_by__username"),
        Evidence.objects.filter(actual__indicator__plan__agency__region=region).order_by("stored_name")
        .values_list("stored_name", "sha256"),
        AuditRecord.objects.filter(agency__region=region).order_by("description", "action")
        .values_list("description", "action"),
    ]
    for query in queries:
        for row in query.iterator(chunk_size=5000):
            digest.update(repr(tuple(str(value) if isinstance(value, Decimal) else value
                                     for value in row)).encode())
    return digest.hexdigest()
