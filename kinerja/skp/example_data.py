"""Invented but plausible SKP for 2022 (issue 21, item 7): so that a new user sees the chain from the agency's
objectives to each civil servant working, and the distribution check with something real in it.

- every structural position without a holder in 2022 gets an example official holding it through 2022 (the people
  service: `create_official`, `assign_position`, from 3 January to 31 December 2022, so today's holders and pages
  stay as they are);
- a few staff positions below some heads of section (`organisation.staff_positions.add_staff_position`), each with
  an example holder;
- the SKP of every holder of the year (`services.prepare_year`): a structural position's work results are its IKI;
- each staff member's work results given by their head of section from the head's own (`add_staff_result`), with
  indicators of quantity, quality and time (`add_indicator`);
- ratings for most of them (`rate_skp`), fixed so that the distribution page shows a unit or two that break the rule;
  the head of agency's SKP stays unrated (the regent rates it, outside Kinerja), and so does one staff member's.

Everything goes through the one door with the system as actor; the SKP are `is_example`, and the officials, staff
positions and assignments created are remembered in `ExampleRecord` (the organisation's models carry no flag).
Loaded and removed with the other example figures (`load_example_performance`, `clear_example_performance`):
`apps.SkpConfig.ready` registers both. Deterministic: fixed names, numbers and ratings, no randomness.
"""

import datetime
from decimal import Decimal

from django.db import transaction
from django.db.models import Q

from kinerja.core import audit
from kinerja.core.actors import Actor
from kinerja.core.models import AuditRecord
from kinerja.organisation import people
from kinerja.organisation.models import Agency, Assignment, Official, Position, Unit
from kinerja.organisation.staff_positions import add_staff_position
from kinerja.strategy.selectors import find_current_plan

from . import services
from .models import ExampleRecord, Rhk, RhkIndicator, Skp

EXAMPLE_YEAR = 2022
START, END = datetime.date(EXAMPLE_YEAR, 1, 3), datetime.date(EXAMPLE_YEAR, 12, 31)
NOTE_CLEARED = "Data contoh dihapus (clear_example_performance)."

# The example officials, in the order of the positions they fill: (front title, name, back title, sex 1/2, grade).
NAMES = (
    ("", "Yulianti Tjandra", "S.E., M.M.", "2", "IV/a"),
    ("", "Hendrik Lolowang", "S.Kom.", "1", "III/d"),
    ("", "Maria Goreti Kiriwenno", "S.E.", "2", "III/d"),
    ("", "Rahmat Hi. Djafar", "S.Sos.", "1", "III/c"),
    ("Ir.", "Frangky Tumbelaka", "M.T.", "1", "IV/a"),
    ("", "Nurhayati Abdullah", "S.I.Kom.", "2", "III/d"),
    ("", "Stevanus Maitimu", "S.H.", "1", "III/c"),
    ("", "Fitriani Ode", "S.Kom.", "2", "III/c"),
    ("", "Ronald Pangemanan", "S.T., M.Kom.", "1", "IV/a"),
    ("", "Christin Luhukay", "S.Kom.", "2", "III/d"),
    ("", "Arief Sangaji", "S.T.", "1", "III/c"),
    ("", "Jefri Baura", "S.Kom.", "1", "III/d"),
    ("", "Marlina Tarusu", "A.Md.", "2", "III/b"),
    ("", "Abdul Kadir Tuanany", "S.E.", "1", "III/c"),
    ("", "Lidya Wuisan", "S.Sos.", "2", "III/c"),
    ("", "Yosep Bataragoa", "S.T.", "1", "III/b"),
    ("", "Sarah Hukom", "S.Kom.", "2", "III/b"),
    ("", "Muhammad Rizal Umasangaji", "", "1", "II/d"),
    ("", "Ventje Manoppo", "A.Md.", "1", "III/a"),
    ("", "Grace Tumiwa", "S.I.Kom.", "2", "III/a"),
    ("", "Ismail Hi. Usman", "", "1", "II/c"),
    ("", "Oktaviani Kalengkongan", "A.Md.Kom.", "2", "II/d"),
    ("", "Rudi Haryanto Bobby", "S.Kom.", "1", "III/a"),
)

# Staff positions below some heads of section: head's code → (code, title, [(work result, indicators)]), each
# indicator (aspect, name, target, unit). Only heads of section the agency has are used.
STAFF: dict[str, list[tuple[str, str, list[tuple[str, list[tuple[str, str, str, str]]]]]]] = {
    "kasi-aplikasi": [
        (
            "pranata-komputer-aplikasi",
            "Pranata Komputer Ahli Pertama",
            [
                (
                    "Tersedianya modul aplikasi layanan publik perangkat daerah yang siap dipakai",
                    [
                        ("kuantitas", "Jumlah modul aplikasi yang dikembangkan", "4", "modul"),
                        ("kualitas", "Persentase modul yang lolos uji fungsi", "90", "%"),
                        ("waktu", "Waktu penyelesaian pengembangan", "10", "bulan"),
                    ],
                ),
            ],
        ),
        (
            "pengelola-sistem-informasi",
            "Pengelola Sistem Informasi",
            [
                (
                    "Terpeliharanya basis data aplikasi pemerintahan",
                    [
                        ("kuantitas", "Jumlah basis data yang dipelihara", "12", "basis data"),
                        ("waktu", "Waktu pemeliharaan", "12", "bulan"),
                    ],
                ),
            ],
        ),
        (
            "operator-layanan-daring",
            "Operator Layanan Operasional",
            [
                (
                    "Terlayaninya permintaan dukungan teknis operator aplikasi perangkat daerah",
                    [
                        ("kuantitas", "Jumlah permintaan dukungan yang ditangani", "120", "permintaan"),
                        ("kualitas", "Persentase permintaan yang selesai tanpa keluhan", "85", "%"),
                    ],
                ),
            ],
        ),
    ],
    "kasi-media": [
        (
            "pranata-humas",
            "Pranata Hubungan Masyarakat Ahli Pertama",
            [
                (
                    "Tersebarnya informasi kebijakan daerah melalui kanal media pemerintah",
                    [
                        ("kuantitas", "Jumlah konten informasi yang diterbitkan", "96", "konten"),
                        ("waktu", "Waktu penerbitan", "12", "bulan"),
                    ],
                ),
            ],
        ),
        (
            "pengelola-media-sosial",
            "Pengelola Media Sosial",
            [
                (
                    "Terkelolanya akun media sosial resmi pemerintah daerah",
                    [
                        ("kuantitas", "Jumlah akun media sosial yang dikelola", "4", "akun"),
                        ("kualitas", "Persentase pertanyaan warganet yang dijawab", "80", "%"),
                    ],
                ),
            ],
        ),
    ],
    "kasubag-umum": [
        (
            "pengadministrasi-kepegawaian",
            "Pengadministrasi Kepegawaian",
            [
                (
                    "Tertibnya administrasi kepegawaian perangkat daerah",
                    [
                        ("kuantitas", "Jumlah berkas kepegawaian yang dimutakhirkan", "60", "berkas"),
                        ("waktu", "Waktu pemutakhiran", "12", "bulan"),
                    ],
                ),
            ],
        ),
        (
            "pengelola-barang-milik-daerah",
            "Pengelola Barang Milik Daerah",
            [
                (
                    "Tersusunnya laporan barang milik daerah",
                    [
                        ("kuantitas", "Jumlah laporan barang milik daerah", "2", "laporan"),
                        ("waktu", "Waktu penyusunan", "12", "bulan"),
                    ],
                ),
            ],
        ),
    ],
}

# The ratings of the example, by position code: (work, behaviour). Most units keep the distribution their
# achievement allows; the staff of "kasi-aplikasi" are all rated above (a unit all "Sangat Baik": the check flags
# it), and "kasi-kompub" alone cannot keep its rule. The section head of "kasi-tata-kelola" and one staff member
# of "kasubag-umum" are left unrated (the page lists them as waiting).
ABOVE, AS_EXPECTED, BELOW = "di_atas", "sesuai", "di_bawah"
RATINGS: dict[str, tuple[str, str]] = {
    "sekretaris": (BELOW, AS_EXPECTED),
    "kasubag-perencanaan": (AS_EXPECTED, ABOVE),
    "kasubag-keuangan": (AS_EXPECTED, AS_EXPECTED),
    "kasubag-umum": (AS_EXPECTED, AS_EXPECTED),
    "kabid-opini": (BELOW, AS_EXPECTED),
    "kasi-opini": (AS_EXPECTED, AS_EXPECTED),
    "kasi-kompub": (AS_EXPECTED, BELOW),
    "kasi-media": (BELOW, AS_EXPECTED),
    "kabid-infra": (BELOW, AS_EXPECTED),
    "kasi-datacenter": (BELOW, AS_EXPECTED),
    "kasi-aplikasi": (ABOVE, ABOVE),
    "kasi-keamanan": (AS_EXPECTED, BELOW),
    "kabid-persandian": (BELOW, AS_EXPECTED),
    "kasi-operasional": (BELOW, AS_EXPECTED),
    "kasi-pengawasan": (AS_EXPECTED, AS_EXPECTED),
    "pranata-komputer-aplikasi": (ABOVE, ABOVE),
    "pengelola-sistem-informasi": (ABOVE, ABOVE),
    "operator-layanan-daring": (ABOVE, ABOVE),
    "pranata-humas": (BELOW, AS_EXPECTED),
    "pengelola-media-sosial": (AS_EXPECTED, AS_EXPECTED),
    "pengadministrasi-kepegawaian": (BELOW, AS_EXPECTED),
}
BEHAVIOURS = ("berorientasi_pelayanan", "akuntabel", "kompeten", "harmonis", "loyal", "adaptif", "kolaboratif")
HEADS_OF_SECTION = (Unit.Kind.SECTION, Unit.Kind.SUB_DIVISION)


def _nip(index: int, sex: str) -> str:
    """A valid, unused NIP for the `index`-th example official: born 1975–1997, appointed at 25."""
    born = datetime.date(1975 + index % 23, 1 + index % 12, 1 + (index * 7) % 28)
    for sequence in range(index + 1, 1000):
        nip = f"{born:%Y%m%d}{born.year + 25}{born.month:02d}{sex}{sequence:03d}"
        if not Official.objects.filter(nip=nip).exists():
            return nip
    raise RuntimeError("no free example NIP")  # pragma: no cover (a thousand taken numbers)


def _example_holder(actor: Actor, agency: Agency, position: Position, index: int) -> None:
    front, name, back, sex, grade = NAMES[index % len(NAMES)]
    official = people.create_official(
        actor=actor,
        agency=agency,
        nip=_nip(index, sex),
        # "(contoh)" in the name: the agreements and SKP of 2022 print these people, never taken for real ones
        name=f"{name} (contoh)" if index < len(NAMES) else f"{name} {index // len(NAMES) + 1} (contoh)",
        front_title=front,
        back_title=back,
        grade=grade,
    )
    assignment = people.assign_position(actor=actor, official=official, position=position, start=START, end=END)
    ExampleRecord.objects.create(agency=agency, official=official)
    ExampleRecord.objects.create(agency=agency, assignment=assignment)


def _held_in_year(agency: Agency) -> set[int]:
    in_year = Assignment.objects.filter(position__agency=agency, start__lte=END).filter(
        Q(end__isnull=True) | Q(end__gte=START)
    )
    return set(in_year.values_list("position_id", flat=True))


def _people(actor: Actor, agency: Agency) -> dict[str, list[tuple[str, list]]]:
    """The example holders and staff positions; the staff work results to give, by the staff position's code."""
    held = _held_in_year(agency)
    index = 0
    for position in agency.positions.structural().order_by("order", "code"):
        if position.pk not in held:
            _example_holder(actor, agency, position, index)
            index += 1
    heads = {
        position.code: position
        for position in agency.positions.structural()
        .filter(code__in=STAFF, unit__kind__in=HEADS_OF_SECTION)
        .select_related("agency", "unit")
    }
    results = {}
    taken = set(agency.positions.values_list("code", flat=True))
    for head_code, staff in STAFF.items():
        if head_code not in heads:
            continue
        for code, title, work in staff:
            if code in taken:
                continue
            position = add_staff_position(actor=actor, superior=heads[head_code], code=code, title=title)
            ExampleRecord.objects.create(agency=agency, position=position)
            _example_holder(actor, agency, position, index)
            index += 1
            results[code] = work
    return results


def _staff_results(actor: Actor, skps: list[Skp], work: dict[str, list]) -> None:
    own = {skp.position_id: skp for skp in skps}
    for skp in skps:
        if skp.position.code not in work:
            continue
        head = own.get(skp.position.superior_id)
        parents = list(head.results.order_by("order", "pk")) if head else []
        if not parents:
            continue
        for number, (text, indicators) in enumerate(work[skp.position.code]):
            result = services.add_staff_result(actor=actor, skp=skp, parent=parents[number % len(parents)], text=text)
            for aspect, name, target, unit in indicators:
                services.add_indicator(
                    actor=actor, result=result, aspect=aspect, name=name, target=Decimal(target), unit=unit
                )


@transaction.atomic
def load_example_skp(*, actor: Actor, agency: Agency) -> int:
    """The example SKP of 2022 of the agency, with their holders, staff and ratings; returns how many SKP."""
    plan = find_current_plan(agency)
    if plan is None or EXAMPLE_YEAR not in plan.years:
        return 0
    if Skp.objects.filter(position__agency=agency, is_example=True).exists():
        return 0
    work = _people(actor, agency)
    services.prepare_year(actor=actor, agency=agency, year=EXAMPLE_YEAR, is_example=True)
    skps = list(
        Skp.objects.filter(position__agency=agency, year=EXAMPLE_YEAR, is_example=True)
        .select_related("position__agency", "official")
        .order_by("position__order", "official__name")
    )
    _staff_results(actor, skps, work)
    for skp in skps:
        if skp.position.code in RATINGS and skp.rated_in_kinerja:
            rating, behaviour = RATINGS[skp.position.code]
            services.rate_skp(
                actor=actor,
                skp=skp,
                work=rating,
                behaviours=dict.fromkeys(BEHAVIOURS, behaviour),
                note="Penilaian contoh akhir tahun 2022.",
            )
    return len(skps)


def _removed(actor: Actor, agency: Agency, items: list, about: object = None) -> None:
    AuditRecord.objects.bulk_create(
        [
            audit.build(
                actor=actor,
                action=AuditRecord.Action.DELETED,
                obj=item,
                before=audit.snapshot(item),
                after=None,
                agency=agency,
                about=about(item) if callable(about) else item,
                note=NOTE_CLEARED,
            )
            for item in items
        ],
        batch_size=500,
    )


@transaction.atomic
def clear_example_skp(*, actor: Actor, agency: Agency) -> int:
    """Remove the example SKP (their work results and indicators), then the example staff positions, assignments
    and officials; every removal in the audit trail. Returns how many rows were removed."""
    skps = list(Skp.objects.filter(position__agency=agency, is_example=True).select_related("official"))
    results = list(Rhk.objects.filter(skp__in=skps).select_related("skp"))
    indicators = list(RhkIndicator.objects.filter(result__in=results).select_related("result__skp"))
    _removed(actor, agency, indicators, lambda item: item.result.skp)
    _removed(actor, agency, results, lambda item: item.skp)
    _removed(actor, agency, skps)
    RhkIndicator.objects.filter(pk__in=[item.pk for item in indicators]).delete()
    # the work results that hang on others go first (Rhk.parent protects its interventions)
    Rhk.objects.filter(pk__in=[item.pk for item in results], parent__isnull=False).delete()
    Rhk.objects.filter(pk__in=[item.pk for item in results]).delete()
    Skp.objects.filter(pk__in=[item.pk for item in skps]).delete()
    records = ExampleRecord.objects.filter(agency=agency)
    assignments = list(Assignment.objects.filter(pk__in=records.values("assignment")).select_related("official"))
    _removed(actor, agency, assignments, lambda item: item.official)
    Assignment.objects.filter(pk__in=[item.pk for item in assignments]).delete()
    positions = list(Position.objects.filter(pk__in=records.values("position")))
    _removed(actor, agency, positions)
    Position.objects.filter(pk__in=[item.pk for item in positions]).delete()
    officials = list(Official.objects.filter(pk__in=records.values("official"), assignments__isnull=True))
    _removed(actor, agency, officials)
    Official.objects.filter(pk__in=[item.pk for item in officials]).delete()
    records.delete()  # what is left: officials someone has given a real post since (they stay)
    # the rows removed, each with its audit record (the example records go with them, unrecorded)
    removed = len(indicators) + len(results) + len(skps) + len(assignments) + len(positions) + len(officials)
    return removed
