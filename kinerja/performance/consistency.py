"""The consistency check of an agency's plan: what would make the IKU/IKI decree wrong, before it is signed.

`check_agency(agency, year=None)` reads the whole plan in a fixed number of queries (`load_plan_data`: 7, however
many positions, objectives and indicators) and runs every check on the data in memory (`run_checks`), so the
checks can also be run on objects built in a test. Each finding has a level — `error`: the decree would be wrong
or an indicator could not be measured; `warning`: wording that differs or looks mistyped — a code, a message in
Bahasa Indonesia, the places involved (with the page's address where one exists) and a suggested fix.

Names and texts are compared after `normalise` (lower case, punctuation and runs of spaces dropped), so a
difference of capitals, punctuation or spacing alone is never reported. Two normalised texts are "almost the
same" when `difflib.SequenceMatcher(...).ratio()` is at least `SIMILAR` (0.9): a probable typo or a second
wording of one text. Between two *different* indicators a name counts as almost the same only when, moreover,
both names have the same number of words, at most two of them differ, and every word that differs is itself a
near spelling of the other (ratio at least `WORD_SIMILAR`, 0.75): "Dokumen RKA-SKPD" and "Dokumen DPA-SKPD" are
two indicators, not a typo.
The quarterly targets are checked by the rule the target pages use (`services.quarter_target_warnings`).
"""

import difflib
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.urls import reverse

from kinerja.core.text import normalise
from kinerja.organisation.models import Agency, Position
from kinerja.strategy.models import Indicator, KeyIndicatorRow, Objective, PageIndicator, StrategicPlan
from kinerja.strategy.selectors import find_current_plan

from . import services
from .models import QUARTERS, Target

ERROR = "error"
WARNING = "warning"
LEVEL_NAMES = {ERROR: "Kesalahan", WARNING: "Peringatan"}

SIMILAR = 0.9  # two normalised texts whose difflib ratio is at least this are "almost the same"
WORD_SIMILAR = 0.75  # between two indicators, each differing word must be this close to its counterpart

# The checks, in the order the report prints them: key → title.
CHECKS = {
    "renstra": "Renstra",
    "keterkaitan": "Keterkaitan sasaran (cascading)",
    "iku": "Sasaran strategis, IKU dan penanggung jawab",
    "lampiran-i": "BAB II dan Lampiran I",
    "tulisan-indikator": "Satu indikator, tulisan berbeda di halaman berbeda",
    "nama-indikator": "Indikator berbeda dengan nama sama atau mirip",
    "satuan-rumus": "Rumus dan satuan",
    "sumber-data": "Sumber data",
    "halaman": "Halaman IKI dan sasaran kinerja",
    "target-triwulan": "Target triwulan",
}

ABBREVIATIONS = {"kadis": "kepala dinas", "kaban": "kepala badan", "kabid": "kepala bidang", "kasi": "kepala seksi",
                 "kasubag": "kepala sub bagian", "kasubbag": "kepala sub bagian", "sekdis": "sekretaris dinas"}
PERCENT_UNITS = {"persen", "%", "prosen"}
PERCENT_NAMES = ("persentase", "persentasi", "prosentase")
DOCUMENT_UNITS = {"dokumen", "laporan", "data"}
OBJECTIVE_WORDS = ("meningkatnya", "menurunnya", "terlaksananya", "tersedianya", "terwujudnya", "terkelolanya",
                   "ditetapkannya", "terselenggaranya", "tercapainya", "meningkatkan", "menurunkan")
_RATIO_WORDS = re.compile(
    r"perbandingan antara\s+(?P<numerator>.+?)\s+terhadap\s+(?P<denominator>.+?)\s*(?:,\s*yang dihitung|\.\s*$|$)",
    re.IGNORECASE | re.DOTALL,
)


def similarity(first: str, second: str) -> float:
    return difflib.SequenceMatcher(None, normalise(first), normalise(second)).ratio()


def _close(first: str, second: str) -> bool:
    """The same name written a little otherwise: almost the same, or one a shortening of the other (the shorter
    is almost the same as the longer's first words)."""
    a, b = sorted((normalise(first), normalise(second)), key=len)
    if difflib.SequenceMatcher(None, a, b).ratio() >= SIMILAR or f" {a} " in f" {b} ":
        return True
    start = " ".join(b.split()[: len(a.split())])
    return len(a.split()) >= 3 and difflib.SequenceMatcher(None, a, start).ratio() >= SIMILAR


def _typo_pair(first: str, second: str) -> bool:
    """Two different normalised names that look like one name mistyped (see the module's docstring)."""
    a, b = normalise(first), normalise(second)
    if a == b:
        return False
    words_a, words_b = a.split(), b.split()
    if len(words_a) != len(words_b):
        return False
    differing = [(x, y) for x, y in zip(words_a, words_b, strict=True) if x != y]
    if not all(difflib.SequenceMatcher(None, x, y).ratio() >= WORD_SIMILAR for x, y in differing):
        return False
    return difflib.SequenceMatcher(None, a, b).ratio() >= SIMILAR


def _iku(indicator: Indicator) -> str:
    """"IKU X" — or just the code when it already says IKU ("IKU.3", not "IKU IKU.3")."""
    return indicator.code if indicator.code.upper().startswith("IKU") else f"IKU {indicator.code}"


def _quoted(text: str, limit: int = 140) -> str:
    text = " ".join(text.split())
    return f"“{text if len(text) <= limit else text[: limit - 1] + '…'}”"


# -- the report ----------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Place:
    """Where a finding is: a kind ("Halaman IKI", "Lampiran I", "Indikator" …), its text, and its page's URL
    (`for_planner`: a page only the agency's planner opens)."""

    label: str
    text: str
    url: str = ""
    for_planner: bool = False


@dataclass
class Finding:
    check: str
    code: str
    level: str
    message: str
    places: list[Place]
    fix: str

    @property
    def level_name(self) -> str:
        return LEVEL_NAMES[self.level]

    @property
    def is_error(self) -> bool:
        return self.level == ERROR


@dataclass
class FindingGroup:
    key: str
    title: str
    findings: list[Finding]

    @property
    def errors(self) -> int:
        return sum(1 for finding in self.findings if finding.is_error)

    @property
    def warnings(self) -> int:
        return len(self.findings) - self.errors


@dataclass
class Report:
    agency: Agency
    plan: StrategicPlan | None
    year: int | None
    findings: list[Finding] = field(default_factory=list)

    @property
    def errors(self) -> list[Finding]:
        return [finding for finding in self.findings if finding.level == ERROR]

    @property
    def warnings(self) -> list[Finding]:
        return [finding for finding in self.findings if finding.level == WARNING]

    @property
    def has_errors(self) -> bool:
        return any(finding.level == ERROR for finding in self.findings)

    @property
    def groups(self) -> list[FindingGroup]:
        """The findings by check, in the order of CHECKS, errors first inside each; checks with none left out."""
        by_check: dict[str, list[Finding]] = defaultdict(list)
        for finding in self.findings:
            by_check[finding.check].append(finding)
        return [
            FindingGroup(key, title, sorted(by_check[key], key=lambda f: f.level != ERROR))
            for key, title in CHECKS.items() if by_check.get(key)
        ]

    def codes(self) -> list[str]:
        return [finding.code for finding in self.findings]


# -- reading the plan ----------------------------------------------------------------------------------------

@dataclass
class PlanData:
    """Everything the checks read, linked in memory (no lazy query is left to the checks)."""

    agency: Agency
    plan: StrategicPlan
    positions: list[Position]
    objectives: list[Objective]
    indicators: list[Indicator]
    key_rows: list[KeyIndicatorRow]
    page_rows: list[PageIndicator]
    targets: list[Target] = field(default_factory=list)
    year: int | None = None

    def __post_init__(self) -> None:
        self.position_by_id = {position.pk: position for position in self.positions}
        self.objective_by_id = {objective.pk: objective for objective in self.objectives}
        self.indicator_by_id = {indicator.pk: indicator for indicator in self.indicators}
        # A row that points outside the agency or the plan (the models' clean() refuses it) is not the plan's.
        self.page_rows = [row for row in self.page_rows if row.position_id in self.position_by_id
                          and row.objective_id in self.objective_by_id and row.indicator_id in self.indicator_by_id]
        self.key_rows = [row for row in self.key_rows if row.indicator_id in self.indicator_by_id]
        self.rows_of_indicator: dict[int, list[PageIndicator]] = defaultdict(list)
        self.rows_of_position: dict[int, list[PageIndicator]] = defaultdict(list)
        self.rows_of_objective: dict[int, list[PageIndicator]] = defaultdict(list)
        for row in self.page_rows:
            self.rows_of_indicator[row.indicator_id].append(row)
            self.rows_of_position[row.position_id].append(row)
            self.rows_of_objective[row.objective_id].append(row)
        self.key_rows_of_indicator: dict[int, list[KeyIndicatorRow]] = defaultdict(list)
        for key_row in self.key_rows:
            self.key_rows_of_indicator[key_row.indicator_id].append(key_row)

    # Related objects through the maps, never through a lazy foreign key.
    def position(self, position_id: int | None) -> Position | None:
        return self.position_by_id.get(position_id) if position_id else None

    def objective(self, objective_id: int | None) -> Objective | None:
        return self.objective_by_id.get(objective_id) if objective_id else None

    def indicator(self, indicator_id: int) -> Indicator:
        return self.indicator_by_id[indicator_id]

    def strategic_objective(self, indicator: Indicator) -> Objective | None:
        """The strategic objective the indicator measures in BAB II, or None."""
        objective = self.objective(indicator.objective_id)
        return objective if objective is not None and objective.level == Objective.Level.STRATEGIC else None

    def ancestors(self, position: Position) -> list[Position]:
        cache = self.__dict__.setdefault("_ancestor_cache", {})
        if position.pk not in cache:
            cache[position.pk] = self._ancestors(position)
        return cache[position.pk]

    def _ancestors(self, position: Position) -> list[Position]:
        chain, seen = [], {position.pk}
        current = self.position(position.superior_id)
        while current is not None and current.pk not in seen:
            chain.append(current)
            seen.add(current.pk)
            current = self.position(current.superior_id)
        return chain

    # Places, with the address of the page that shows them.
    def url(self, name: str, *args: str) -> str:
        return reverse(name, args=[self.agency.code, *args])

    def at_position(self, position: Position) -> Place:
        return Place("Halaman IKI", position.title, self.url("position-page", position.code))

    def at_objective(self, objective: Objective) -> Place:
        if objective.level == Objective.Level.STRATEGIC:
            return Place("Sasaran strategis", f"{objective.code} — {objective.text}", self.url("plan-detail"))
        position = self.position(objective.position_id)
        where = f" ({position.title})" if position else ""
        url = self.url("position-page", position.code) if position else ""
        return Place("Sasaran kinerja", f"{objective.code} — {objective.text}{where}", url)

    def at_indicator(self, indicator: Indicator) -> Place:
        return Place("Indikator", f"{indicator.code} — {indicator.name}",
                     self.url("indicator-detail", indicator.code))

    def at_row(self, row: PageIndicator) -> Place:
        position = self.position(row.position_id)
        return Place(f"Halaman IKI {position.title}", _row_text(self, row), self.url("position-page", position.code))

    def at_key_row(self, key_row: KeyIndicatorRow) -> Place:
        number = self.key_rows.index(key_row) + 1
        return Place(f"Lampiran I, baris {number}", key_row.printed_name or self.indicator(key_row.indicator_id).name,
                     self.url("plan-detail") + "#iku-table")

    def at_plan(self, what: str = "") -> Place:
        return Place("Renstra", what or self.plan.name, self.url("plan-detail"))


def _row_text(data: PlanData, row: PageIndicator) -> str:
    return row.printed_name or data.indicator(row.indicator_id).name


def load_plan_data(agency: Agency, plan: StrategicPlan, year: int | None = None) -> PlanData:
    """The agency's positions and the plan's objectives, indicators, IKU rows, page rows and yearly and quarterly
    targets (of `year`, or of every year): 6 queries."""
    targets = Target.objects.filter(indicator__plan=plan, kind__in=[Target.Kind.YEAR, Target.Kind.QUARTER])
    if year is not None:
        targets = targets.filter(year=year)
    return PlanData(
        agency=agency,
        plan=plan,
        positions=list(agency.positions.order_by("order", "code")),
        objectives=list(plan.objectives.order_by("order", "code")),
        indicators=list(plan.indicators.order_by("order", "code")),
        key_rows=list(plan.key_rows.order_by("order", "pk")),
        page_rows=list(PageIndicator.objects.filter(objective__plan=plan).order_by("position__order", "order", "pk")),
        targets=list(targets.order_by("indicator", "year", "quarter")),
        year=year,
    )


def check_agency(agency: Agency, *, year: int | None = None) -> Report:
    """The consistency report of the agency's current plan (7 queries, whatever its size)."""
    plan = find_current_plan(agency)
    report = Report(agency, plan, year)
    if plan is None:
        report.findings.append(Finding(
            "renstra", "tanpa-renstra", ERROR, "Instansi ini belum mempunyai Renstra: tidak ada yang dapat diperiksa.",
            [Place("Instansi", agency.name, reverse("agency-overview", args=[agency.code]))],
            "Muat atau isi Renstra instansi (tujuan, sasaran strategis, indikator) lalu halaman IKI setiap jabatan.",
        ))
        return report
    report.findings = run_checks(load_plan_data(agency, plan, year))
    return report


def run_checks(data: PlanData) -> list[Finding]:
    findings: list[Finding] = []
    for check in (
        check_cascade, check_strategic_objectives, check_responsible, check_printed_responsible, check_appendix_one,
        check_printed_wording, check_shared_names, check_formula_and_unit, check_data_source, check_pages,
        check_quarter_targets,
    ):
        findings.extend(check(data))
    return findings


# -- the checks ----------------------------------------------------------------------------------------------

def check_cascade(data: PlanData) -> Iterable[Finding]:
    """Every objective on a page contributes to one above it; every indicator is printed somewhere."""
    for objective in data.objectives:
        if objective.level != Objective.Level.PERFORMANCE:
            continue
        position = data.position(objective.position_id)
        rows = data.rows_of_objective.get(objective.pk, [])
        above = data.objective(objective.contributes_to_id)
        places = [data.at_objective(objective)] + [data.at_indicator(data.indicator(r.indicator_id)) for r in rows]
        if above is None:
            yield Finding(
                "keterkaitan", "sasaran-tanpa-induk", ERROR,
                f"Sasaran kinerja {objective.code} di halaman {position.title if position else '—'} tidak "
                f"berkontribusi pada sasaran mana pun di atasnya; indikatornya tidak masuk pohon kinerja.",
                places,
                "Isi “berkontribusi pada” dengan sasaran atasan langsung (atau sasaran strategis untuk kepala "
                "perangkat daerah) yang didukung sasaran ini.",
            )
            continue
        if position is None:
            continue
        if above.level == Objective.Level.STRATEGIC:
            if position.superior_id is not None:
                yield Finding(
                    "keterkaitan", "kontribusi-melompat", WARNING,
                    f"Sasaran kinerja {objective.code} ({position.title}) langsung berkontribusi pada sasaran "
                    f"strategis {above.code}, melompati sasaran atasannya.",
                    [*places, data.at_objective(above)],
                    "Hubungkan sasaran ini dengan sasaran atasan langsungnya; hanya sasaran kepala perangkat daerah "
                    "yang berkontribusi langsung pada sasaran strategis.",
                )
            continue
        above_position = data.position(above.position_id)
        if above_position is None or above_position not in data.ancestors(position):
            where = above_position.title if above_position else "—"
            yield Finding(
                "keterkaitan", "kontribusi-bukan-atasan", WARNING,
                f"Sasaran kinerja {objective.code} ({position.title}) berkontribusi pada sasaran {above.code} milik "
                f"{where}, yang bukan atasannya.",
                [*places, data.at_objective(above)],
                "Hubungkan sasaran ini dengan sasaran jabatan atasannya dalam pohon jabatan.",
            )
    yield from _cycles(data)
    carried = {objective.contributes_to_id for objective in data.objectives if objective.contributes_to_id}
    for objective in data.objectives:
        if objective.level == Objective.Level.STRATEGIC and objective.pk not in carried:
            yield Finding(
                "keterkaitan", "sasaran-strategis-tanpa-turunan", ERROR,
                f"Tidak ada sasaran di halaman IKI mana pun yang berkontribusi pada sasaran strategis "
                f"{objective.code}: sasaran ini tidak diturunkan (cascading) dan tidak ada dalam perjanjian kinerja "
                f"kepala perangkat daerah.",
                [data.at_objective(objective)],
                "Cantumkan sasaran ini di halaman IKI kepala perangkat daerah (berkontribusi pada sasaran strategis "
                "ini), lalu turunkan ke jabatan di bawahnya.",
            )
    for indicator in data.indicators:
        if (indicator.objective_id is None and not data.rows_of_indicator.get(indicator.pk)
                and not data.key_rows_of_indicator.get(indicator.pk)):
            yield Finding(
                "keterkaitan", "indikator-tanpa-tempat", WARNING,
                f"Indikator {indicator.code} tidak mengukur sasaran strategis, tidak dicetak di halaman IKI mana pun "
                f"dan tidak ada di Lampiran I: tidak berkontribusi pada apa pun.",
                [data.at_indicator(indicator)],
                "Cantumkan indikator ini di halaman IKI jabatan yang mengukurnya, atau hapus bila tidak dipakai.",
            )


def _cycles(data: PlanData) -> Iterable[Finding]:
    reported: set[int] = set()
    for start in data.objectives:
        path: list[Objective] = []
        seen: set[int] = set()
        current: Objective | None = start
        while current is not None and current.pk not in seen:
            seen.add(current.pk)
            path.append(current)
            current = data.objective(current.contributes_to_id)
        if current is None or current.pk in reported:
            continue
        cycle = path[path.index(current):]
        reported.update(objective.pk for objective in cycle)
        yield Finding(
            "keterkaitan", "kontribusi-melingkar", ERROR,
            "Sasaran berikut saling berkontribusi secara melingkar: "
            + " → ".join(objective.code for objective in [*cycle, current]) + ".",
            [data.at_objective(objective) for objective in cycle],
            "Putuskan lingkaran: setiap sasaran berkontribusi pada sasaran jabatan di atasnya saja.",
        )


def check_strategic_objectives(data: PlanData) -> Iterable[Finding]:
    """Every strategic objective has an IKU; every indicator of chapter II is measured on a page."""
    by_objective: dict[int, list[Indicator]] = defaultdict(list)
    for indicator in data.indicators:
        if indicator.objective_id:
            by_objective[indicator.objective_id].append(indicator)
    for objective in data.objectives:
        if objective.level != Objective.Level.STRATEGIC:
            continue
        indicators = by_objective.get(objective.pk, [])
        if not indicators:
            yield Finding(
                "iku", "sasaran-strategis-tanpa-iku", ERROR,
                f"Sasaran strategis {objective.code} tidak mempunyai indikator sama sekali: tidak dapat diukur.",
                [data.at_objective(objective)],
                "Tetapkan sedikitnya satu indikator kinerja utama (IKU) untuk sasaran ini dan cantumkan di "
                "Lampiran I.",
            )
        elif not any(indicator.is_key for indicator in indicators):
            names = ", ".join(indicator.code for indicator in indicators)
            yield Finding(
                "iku", "sasaran-strategis-tanpa-iku", ERROR,
                f"Sasaran strategis {objective.code} tidak mempunyai IKU: indikatornya ({names}) tidak ada yang "
                f"ditetapkan sebagai IKU di Lampiran I.",
                [data.at_objective(objective)] + [data.at_indicator(indicator) for indicator in indicators],
                "Tetapkan salah satu indikator sasaran ini sebagai IKU dan tambahkan barisnya di Lampiran I.",
            )
    for indicator in data.indicators:
        own = data.strategic_objective(indicator)
        if own is not None and not data.rows_of_indicator.get(indicator.pk):
            yield Finding(
                "iku", "indikator-strategis-tanpa-halaman", ERROR,
                f"Indikator {indicator.code} dari BAB II tidak dicetak di halaman IKI mana pun: tidak ada pejabat "
                f"yang mengisi realisasinya.",
                [data.at_indicator(indicator), data.at_objective(own)],
                "Cantumkan indikator ini di halaman IKI kepala perangkat daerah dan jabatan yang mengukurnya.",
            )


def check_responsible(data: PlanData) -> Iterable[Finding]:
    """Every IKU has a responsible position, and that position's page prints it."""
    for indicator in data.indicators:
        if not indicator.is_key:
            continue
        position = data.position(indicator.responsible_position_id)
        if position is None:
            yield Finding(
                "iku", "iku-tanpa-penanggung-jawab", ERROR,
                f"{_iku(indicator)} tidak mempunyai jabatan penanggung jawab.",
                [data.at_indicator(indicator)] + [data.at_key_row(k) for k in data.key_rows_of_indicator[indicator.pk]],
                "Pilih jabatan penanggung jawab IKU ini (kolom PENANGGUNG JAWAB Lampiran I).",
            )
            continue
        pages = data.rows_of_indicator.get(indicator.pk, [])
        if not any(row.position_id == position.pk for row in pages):
            printed_on = sorted({data.position(row.position_id).title for row in pages})
            on = ", ".join(printed_on) if printed_on else "tidak ada halaman"
            yield Finding(
                "iku", "penanggung-jawab-tidak-memuat", ERROR,
                f"Penanggung jawab {_iku(indicator)} adalah {position.title}, tetapi halaman IKI jabatan itu tidak "
                f"memuat indikator ini (dimuat di: {on}). Penanggung jawab tidak dapat mengisi realisasinya.",
                [data.at_indicator(indicator), data.at_position(position)]
                + [data.at_key_row(k) for k in data.key_rows_of_indicator[indicator.pk]]
                + [data.at_row(row) for row in pages],
                f"Cantumkan IKU ini di halaman IKI {position.title}, atau jadikan penanggung jawab jabatan yang "
                f"halamannya memuatnya.",
            )


def _expanded(title: str) -> str:
    return " ".join(ABBREVIATIONS.get(word, word) for word in normalise(title).split())


def check_printed_responsible(data: PlanData) -> Iterable[Finding]:
    """Lampiran I's PENANGGUNG JAWAB cell names the IKU's responsible position (abbreviations such as "Kabid"
    read out)."""
    for key_row in data.key_rows:
        indicator = data.indicator(key_row.indicator_id)
        position = data.position(indicator.responsible_position_id)
        printed = key_row.printed_responsible
        if not printed or position is None:
            continue
        mine, title = _expanded(printed), _expanded(position.title)
        if mine == title or f" {mine} " in f" {title} " or f" {title} " in f" {mine} ":
            continue
        if difflib.SequenceMatcher(None, mine, title).ratio() >= SIMILAR:
            continue
        yield Finding(
            "iku", "penanggung-jawab-tercetak-beda", WARNING,
            f"Lampiran I mencetak penanggung jawab {_iku(indicator)} sebagai {_quoted(printed)}, sedangkan "
            f"penanggung jawab yang tercatat adalah {position.title}.",
            [data.at_key_row(key_row), data.at_indicator(indicator), data.at_position(position)],
            "Samakan kolom PENANGGUNG JAWAB Lampiran I dengan jabatan penanggung jawab indikator ini.",
        )


def check_appendix_one(data: PlanData) -> Iterable[Finding]:
    """Chapter II's indicators and Lampiran I's rows are the same list, under the same objectives."""
    strategic = [o for o in data.objectives if o.level == Objective.Level.STRATEGIC]
    for indicator in data.indicators:
        if data.key_rows_of_indicator.get(indicator.pk):
            continue
        own = data.strategic_objective(indicator)
        if own is not None:
            yield Finding(
                "lampiran-i", "bab-ii-tidak-di-lampiran-i", ERROR,
                f"Indikator {indicator.code} {_quoted(indicator.name)} ada di BAB II (sasaran strategis "
                f"{own.code}) tetapi tidak ada di tabel IKU Lampiran I.",
                [data.at_indicator(indicator), data.at_objective(own)],
                "Tambahkan indikator ini ke Lampiran I sebagai IKU, atau hapus dari BAB II bila bukan IKU.",
            )
        elif indicator.is_key:
            yield Finding(
                "lampiran-i", "iku-tidak-di-lampiran-i", ERROR,
                f"Indikator {indicator.code} ditandai IKU tetapi tidak ada di tabel IKU Lampiran I.",
                [data.at_indicator(indicator)],
                "Tambahkan barisnya di Lampiran I, atau hapus tanda IKU.",
            )
    for key_row in data.key_rows:
        indicator = data.indicator(key_row.indicator_id)
        own = data.strategic_objective(indicator)
        if own is None:
            yield Finding(
                "lampiran-i", "lampiran-i-tidak-di-bab-ii", ERROR,
                f"Lampiran I memuat {_iku(indicator)} {_quoted(key_row.printed_name or indicator.name)} yang "
                f"tidak ada di BAB II: indikator ini tidak mengukur sasaran strategis mana pun.",
                [data.at_key_row(key_row), data.at_indicator(indicator)],
                "Hubungkan indikator ini dengan sasaran strategis yang diukurnya (BAB II), atau hapus barisnya "
                "dari Lampiran I.",
            )
            continue
        if not indicator.is_key:
            yield Finding(
                "lampiran-i", "lampiran-i-bukan-iku", ERROR,
                f"Lampiran I memuat {indicator.code}, yang tidak ditandai sebagai IKU.",
                [data.at_key_row(key_row), data.at_indicator(indicator)],
                "Tandai indikator ini sebagai IKU, atau hapus barisnya dari Lampiran I.",
            )
        printed = key_row.printed_objective
        if not printed or normalise(printed) == normalise(own.text):
            continue
        places = [data.at_key_row(key_row), data.at_indicator(indicator), data.at_objective(own)]
        if similarity(printed, own.text) >= SIMILAR:
            yield Finding(
                "lampiran-i", "lampiran-i-sasaran-beda-tipis", WARNING,
                f"Lampiran I menulis sasaran {_iku(indicator)} sebagai {_quoted(printed)}, sedikit berbeda dari "
                f"sasaran strategis {own.code} {_quoted(own.text)} (kemungkinan salah ketik).",
                places, f"Samakan tulisan sasaran di Lampiran I dengan sasaran strategis {own.code}.",
            )
            continue
        other = [o for o in strategic if o.pk != own.pk and similarity(printed, o.text) >= SIMILAR]
        if other:
            yield Finding(
                "lampiran-i", "lampiran-i-sasaran-lain", ERROR,
                f"Lampiran I menempatkan {_iku(indicator)} di bawah sasaran {other[0].code}, padahal BAB II "
                f"menempatkannya di bawah sasaran {own.code}.",
                [*places, data.at_objective(other[0])],
                "Tentukan satu sasaran strategis untuk IKU ini dan samakan BAB II dengan Lampiran I.",
            )
            continue
        yield Finding(
            "lampiran-i", "lampiran-i-sasaran-tidak-ada", ERROR,
            f"Lampiran I menulis sasaran {_iku(indicator)} sebagai {_quoted(printed)}, yang bukan sasaran "
            f"strategis mana pun di BAB II (menurut BAB II indikator ini mengukur {own.code} {_quoted(own.text)}).",
            places,
            f"Tulis di Lampiran I sasaran strategis {own.code} sebagaimana di BAB II, atau ubah sasaran di BAB II.",
        )


def _printings(data: PlanData, indicator: Indicator, attribute: str) -> list[tuple[str, Place]]:
    """Each place that prints `attribute` of the indicator otherwise than the indicator itself, with its text."""
    printed = []
    for row in data.rows_of_indicator.get(indicator.pk, []):
        value = getattr(row, f"printed_{attribute}")
        if value:
            printed.append((value, data.at_row(row)))
    for key_row in data.key_rows_of_indicator.get(indicator.pk, []):
        value = getattr(key_row, f"printed_{attribute}")
        if value:
            printed.append((value, data.at_key_row(key_row)))
    return printed


def _variants(printed: list[tuple[str, Place]], canonical: str) -> list[tuple[str, list[Place]]]:
    """The texts that differ (normalised) from `canonical`, each once with every place printing it."""
    variants: dict[str, tuple[str, list[Place]]] = {}
    for text, place in printed:
        key = normalise(text)
        if key == normalise(canonical):
            continue
        variants.setdefault(key, (text, []))[1].append(place)
    return list(variants.values())


def check_printed_wording(data: PlanData) -> Iterable[Finding]:
    """One indicator printed with another name, definition, formula or data source on some page."""
    for indicator in data.indicators:
        for text, places in _variants(_printings(data, indicator, "name"), indicator.name):
            close = _close(text, indicator.name)
            where = ", ".join(place.label for place in places)
            if close:
                yield Finding(
                    "tulisan-indikator", "nama-beda-tipis", WARNING,
                    f"Indikator {indicator.code} ditulis {_quoted(text)} di {where}, sedikit berbeda dari namanya "
                    f"{_quoted(indicator.name)} (kemungkinan salah ketik atau nama yang dipendekkan).",
                    [data.at_indicator(indicator), *places],
                    "Pakai satu tulisan nama indikator di semua halaman dan di Lampiran I.",
                )
            else:
                yield Finding(
                    "tulisan-indikator", "dua-nama", ERROR,
                    f"Satu indikator, dua nama: {indicator.code} bernama {_quoted(indicator.name)}, tetapi {where} "
                    f"menulisnya {_quoted(text)}.",
                    [data.at_indicator(indicator), *places],
                    "Tetapkan satu nama untuk indikator ini dan pakai di BAB II, Lampiran I dan setiap halaman IKI; "
                    "bila memang dua indikator, pisahkan menjadi dua indikator dengan rumusnya masing-masing.",
                )
        for text, places in _variants(_printings(data, indicator, "data_source"), indicator.data_source):
            where = ", ".join(place.label for place in places)
            yield Finding(
                "tulisan-indikator", "sumber-data-berbeda", WARNING,
                f"Sumber data indikator {indicator.code} ditulis {_quoted(text)} di {where}, berbeda dari "
                f"{_quoted(indicator.data_source or '—')}.",
                [data.at_indicator(indicator), *places],
                "Tetapkan satu sumber data untuk indikator ini dan pakai di semua halaman dan di Lampiran I.",
            )
        if indicator.definition:
            for text, places in _variants(_printings(data, indicator, "definition"), indicator.definition):
                where = ", ".join(place.label for place in places)
                yield Finding(
                    "tulisan-indikator", "penjelasan-berbeda", WARNING,
                    f"Penjelasan indikator {indicator.code} di {where} berbeda: {_quoted(text)} dibanding "
                    f"{_quoted(indicator.definition)}.",
                    [data.at_indicator(indicator), *places],
                    "Samakan penjelasan/formulasi indikator ini di semua halaman.",
                )
        if indicator.formula == Indicator.Formula.RATIO:
            yield from _ratio_words(data, indicator)


def _ratio_words(data: PlanData, indicator: Indicator) -> Iterable[Finding]:
    """A definition that words the ratio ("perbandingan antara A terhadap B") with other terms than its formula."""
    texts = [(indicator.definition, data.at_indicator(indicator))] if indicator.definition else []
    texts += _printings(data, indicator, "definition")
    for text, place in texts:
        match = _RATIO_WORDS.search(text)
        if not match:
            continue
        for term, own, name in (("numerator", indicator.numerator, "pembilang"),
                                ("denominator", indicator.denominator, "penyebut")):
            worded = match.group(term)
            if own and normalise(worded) != normalise(own) and similarity(worded, own) < SIMILAR:
                yield Finding(
                    "tulisan-indikator", "rumus-berbeda", WARNING,
                    f"Penjelasan indikator {indicator.code} di {place.label} menyebut {name} {_quoted(worded)}, "
                    f"sedangkan rumusnya memakai {name} {_quoted(own)}.",
                    [place, data.at_indicator(indicator)],
                    f"Pastikan penjelasan dan rumus menyebut {name} yang sama; bila isinya berbeda, perbaiki salah "
                    f"satunya.",
                )


def _names_of(data: PlanData, indicator: Indicator) -> set[str]:
    names = {indicator.name}
    names.update(row.printed_name for row in data.rows_of_indicator.get(indicator.pk, []) if row.printed_name)
    names.update(k.printed_name for k in data.key_rows_of_indicator.get(indicator.pk, []) if k.printed_name)
    return names


def _places_of(data: PlanData, indicator: Indicator) -> list[Place]:
    return [data.at_indicator(indicator)] + [data.at_row(row) for row in data.rows_of_indicator.get(indicator.pk, [])]


def check_shared_names(data: PlanData) -> Iterable[Finding]:
    """Indicators printed under the same name (with what differs between them), or under almost the same."""
    names = {indicator.pk: {normalise(name) for name in _names_of(data, indicator)} for indicator in data.indicators}
    by_name: dict[str, list[Indicator]] = defaultdict(list)
    for indicator in data.indicators:
        for name in names[indicator.pk]:
            by_name[name].append(indicator)
    number_of = {indicator.pk: number for number, indicator in enumerate(data.indicators)}
    groups_seen: set[frozenset[int]] = set()
    same_pairs: set[tuple[int, int]] = set()
    for group in by_name.values():
        key = frozenset(indicator.pk for indicator in group)
        if len(group) < 2 or key in groups_seen:
            continue
        groups_seen.add(key)
        numbers = [number_of[indicator.pk] for indicator in group]
        same_pairs.update((a, b) for a in numbers for b in numbers if a < b)
        yield _same_name(data, group)
    yield from _almost_same_names(data, names, same_pairs)
    yield from _looks_like_above(data)


def _almost_same_names(data: PlanData, names: dict[int, set[str]], same_pairs: set[tuple[int, int]]
                       ) -> Iterable[Finding]:
    """Two indicators whose names are a typo of each other (`_typo_pair`), at most two words apart. Candidates
    share their number of words and one third of their words, so that a regency's thousands of names are not all
    compared pair by pair."""
    entries: list[tuple[str, tuple[str, ...], int, Indicator]] = []
    candidates: dict[tuple, list[int]] = defaultdict(list)
    for number, indicator in enumerate(data.indicators):
        for name in sorted(names[indicator.pk]):
            words = tuple(name.split())
            size = len(words)
            entry = len(entries)
            entries.append((name, words, number, indicator))
            if size < 3:
                candidates[(size,)].append(entry)
                continue
            # Two names that differ in at most two words agree on at least one of three parts (pigeonhole).
            cuts = (0, size // 3, 2 * size // 3, size)
            for part in range(3):
                candidates[(size, part, *words[cuts[part]:cuts[part + 1]])].append(entry)
    done: set[tuple[int, int]] = set()
    for bucket in candidates.values():
        for index, first_entry in enumerate(bucket):
            name, words, first_number, first = entries[first_entry]
            for second_entry in bucket[index + 1:]:
                other_name, other_words, second_number, second = entries[second_entry]
                pair = (min(first_number, second_number), max(first_number, second_number))
                if first_number == second_number or pair in done or pair in same_pairs:
                    continue
                if sum(1 for a, b in zip(words, other_words, strict=True) if a != b) > 2:
                    continue
                if not _typo_pair(name, other_name):
                    continue
                done.add(pair)
                yield Finding(
                    "nama-indikator", "nama-mirip", WARNING,
                    f"Nama indikator {first.code} dan {second.code} hampir sama ({_quoted(name)} / "
                    f"{_quoted(other_name)}): kemungkinan salah ketik, atau dua catatan untuk satu indikator.",
                    _places_of(data, first) + _places_of(data, second),
                    "Bila keduanya satu indikator, gabungkan menjadi satu dan samakan namanya; bila berbeda, "
                    "bedakan namanya dengan jelas.",
                )


SHARED_RUN = 4  # words in a row two names must share for a page's indicator to look like one above it


def _shared_run(first: str, second: str) -> int:
    """The longest run of words the two normalised names have in common."""
    a, b = normalise(first).split(), normalise(second).split()
    return difflib.SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b)).size


def _looks_like_above(data: PlanData) -> Iterable[Finding]:
    """An indicator on a page that reads like an indicator of an objective it contributes to (the same measure —
    "Persentase …" — and at least SHARED_RUN words in a row alike) but is computed otherwise: probably the
    indicator above, with another formula."""
    measuring: dict[int, set[int]] = defaultdict(set)
    for row in data.page_rows:
        measuring[row.objective_id].add(row.indicator_id)
    for indicator in data.indicators:
        if indicator.objective_id:
            measuring[indicator.objective_id].add(indicator.pk)
    reported: set[tuple[int, int]] = set()
    for row in data.page_rows:
        mine = data.indicator(row.indicator_id)
        seen = {row.objective_id}
        above = data.objective(data.objective(row.objective_id).contributes_to_id) if data.objective(
            row.objective_id) else None
        while above is not None and above.pk not in seen:
            seen.add(above.pk)
            for other_id in sorted(measuring.get(above.pk, ())):
                other = data.indicator(other_id)
                if other.pk == mine.pk or (mine.pk, other.pk) in reported or other.formula != mine.formula:
                    continue
                if _first_word(mine.name) != _first_word(other.name):
                    continue
                if _shared_run(mine.name, other.name) < SHARED_RUN:
                    continue
                differing = [label for attribute, label in _FIELDS[1:]
                             if normalise(str(getattr(mine, attribute))) != normalise(str(getattr(other, attribute)))]
                if not {"pembilang", "penyebut", "satuan"} & set(differing):
                    continue
                reported.add((mine.pk, other.pk))
                yield Finding(
                    "nama-indikator", "indikator-mirip-atasan", WARNING,
                    f"Indikator {mine.code} {_quoted(mine.name, 100)} mirip indikator {other.code} "
                    f"{_quoted(other.name, 100)} dari sasaran yang didukungnya, tetapi dihitung lain "
                    f"({', '.join(differing)} berbeda): kemungkinan indikator yang sama dengan rumus lain.",
                    _places_of(data, mine) + _places_of(data, other),
                    f"Bila maksudnya sama, pakai indikator {other.code} di halaman ini; bila berbeda, beri nama yang "
                    f"menunjukkan apa yang dihitung.",
                )
            above = data.objective(above.contributes_to_id)


_FIELDS = (("formula", "jenis rumus"), ("unit", "satuan"), ("numerator", "pembilang"),
           ("denominator", "penyebut"), ("data_source", "sumber data"))


def _same_name(data: PlanData, group: list[Indicator]) -> Finding:
    codes = ", ".join(indicator.code for indicator in group)
    places = [place for indicator in group for place in _places_of(data, indicator)]
    differing = []
    for attribute, label in _FIELDS:
        values: dict[str, str] = {}
        for indicator in group:
            value = str(getattr(indicator, attribute))
            values.setdefault(normalise(value), value)
        if len(values) > 1:
            differing.append(f"{label} " + " dan ".join(_quoted(value or "—", 60) for value in values.values()))
    if differing:
        return Finding(
            "nama-indikator", "nama-sama-isi-beda", ERROR,
            f"Nama indikator yang sama dipakai untuk {codes}, tetapi berbeda {'; '.join(differing)}. Satu nama "
            f"diukur dengan dua cara.",
            places,
            "Bila keduanya satu indikator, gabungkan dengan satu rumus, satuan dan sumber data; bila memang berbeda, "
            "beri nama yang membedakannya.",
        )
    return Finding(
        "nama-indikator", "nama-sama-tercatat-ganda", WARNING,
        f"{codes} bernama sama dengan rumus, satuan dan sumber data yang sama: satu indikator tercatat lebih dari "
        f"sekali, sehingga realisasinya diisi lebih dari sekali.",
        places,
        "Gabungkan menjadi satu indikator yang dicetak di setiap halaman yang memuatnya.",
    )


def _first_word(text: str) -> str:
    words = normalise(text).split()
    return words[0] if words else ""


def check_formula_and_unit(data: PlanData) -> Iterable[Finding]:
    """A percentage is a ratio in Persen; a count is not in Persen; a ratio has its terms; the unit fits the name."""
    for indicator in data.indicators:
        names = _names_of(data, indicator)
        unit = normalise(indicator.unit)
        place = [data.at_indicator(indicator)]
        is_percentage = any(_first_word(name) in PERCENT_NAMES for name in names)
        if is_percentage and indicator.formula != Indicator.Formula.RATIO:
            yield Finding(
                "satuan-rumus", "persentase-bukan-rasio", ERROR,
                f"Indikator {indicator.code} {_quoted(indicator.name)} adalah persentase, tetapi rumusnya "
                f"{indicator.get_formula_display().lower()}, bukan rasio pembilang/penyebut.",
                place, "Ubah rumusnya menjadi rasio: isi pembilang, penyebut dan faktor 100.",
            )
        if is_percentage and unit not in PERCENT_UNITS:
            yield Finding(
                "satuan-rumus", "persentase-bukan-persen", ERROR,
                f"Indikator {indicator.code} adalah persentase, tetapi satuannya {_quoted(indicator.unit)}.",
                place, "Ubah satuannya menjadi Persen.",
            )
        if indicator.formula == Indicator.Formula.COUNT and unit in PERCENT_UNITS:
            yield Finding(
                "satuan-rumus", "jumlah-dalam-persen", ERROR,
                f"Indikator {indicator.code} {_quoted(indicator.name)} dihitung sebagai jumlah, tetapi satuannya "
                f"{_quoted(indicator.unit)}.",
                place, "Pakai satuan barang yang dihitung (Dokumen, Laporan, Orang …), atau jadikan rasio bila "
                "yang diukur memang persentase.",
            )
        if indicator.formula == Indicator.Formula.RATIO:
            missing = [label for value, label in ((indicator.numerator, "pembilang"),
                                                  (indicator.denominator, "penyebut")) if not value.strip()]
            if indicator.factor is None:
                missing.append("faktor")
            if missing:
                yield Finding(
                    "satuan-rumus", "rasio-tidak-lengkap", ERROR,
                    f"Indikator {indicator.code} adalah rasio tanpa {' dan '.join(missing)}: nilainya tidak dapat "
                    f"dihitung.",
                    place, "Lengkapi pembilang, penyebut dan faktor (100 untuk persen) rasio ini.",
                )
            elif unit in PERCENT_UNITS and indicator.factor != 100:
                yield Finding(
                    "satuan-rumus", "persen-tanpa-faktor-100", ERROR,
                    f"Indikator {indicator.code} bersatuan Persen tetapi faktornya {indicator.factor.normalize():f}, "
                    f"bukan 100.",
                    place, "Ubah faktornya menjadi 100, atau satuannya.",
                )
        if indicator.formula == Indicator.Formula.COUNT and unit in DOCUMENT_UNITS:
            words = normalise(indicator.name).split()
            if len(words) > 1 and words[0] == "jumlah" and words[1] != unit:
                counted = indicator.name.split()[1]
                yield Finding(
                    "satuan-rumus", "satuan-tidak-sesuai-nama", WARNING,
                    f"Indikator {indicator.code} {_quoted(indicator.name, 90)} menghitung {counted}, tetapi satuannya "
                    f"{_quoted(indicator.unit)}.",
                    place, f"Pakai satuan yang dihitung (mis. {counted}), atau ubah nama indikatornya menjadi "
                    f"“Jumlah {indicator.unit} …” bila yang dihitung memang {indicator.unit.lower()}.",
                )
        for name in sorted(names):
            if _first_word(name) in OBJECTIVE_WORDS:
                yield Finding(
                    "satuan-rumus", "nama-seperti-sasaran", WARNING,
                    f"Nama indikator {indicator.code} {_quoted(name)} dirumuskan seperti sasaran (kondisi yang "
                    f"dituju), bukan ukuran.",
                    place + [p for text, p in _printings(data, indicator, "name") if text == name],
                    "Rumuskan indikator sebagai ukuran, mis. “Nilai …”, “Persentase …”, “Jumlah …”.",
                )


def check_data_source(data: PlanData) -> Iterable[Finding]:
    """Every indicator has a data source, and it is more than the unit's word."""
    only_unit: dict[int | None, list[Indicator]] = defaultdict(list)
    for indicator in data.indicators:
        if not indicator.data_source.strip():
            yield Finding(
                "sumber-data", "tanpa-sumber-data", ERROR,
                f"Indikator {indicator.code} {_quoted(indicator.name)} tidak mempunyai sumber data: realisasinya "
                f"tidak dapat diverifikasi.",
                _places_of(data, indicator), "Isi sumber datanya (dokumen, sistem atau unit yang menghasilkan angka).",
            )
        elif normalise(indicator.data_source) == normalise(indicator.unit):
            rows = data.rows_of_indicator.get(indicator.pk, [])
            only_unit[rows[0].position_id if rows else None].append(indicator)
    for position_id, indicators in only_unit.items():
        position = data.position(position_id)
        where = f"halaman IKI {position.title}" if position else "indikator tanpa halaman"
        yield Finding(
            "sumber-data", "sumber-data-hanya-satuan", WARNING,
            f"Di {where}, {len(indicators)} indikator menulis satuannya sebagai sumber data "
            f"({', '.join(sorted({i.data_source for i in indicators}))}): tidak jelas dari mana angkanya.",
            ([data.at_position(position)] if position else []) + [data.at_indicator(i) for i in indicators],
            "Tulis sumber data yang sebenarnya (mis. “Dokumen RKA-SKPD dari Sub Bagian Perencanaan”).",
        )


def check_pages(data: PlanData) -> Iterable[Finding]:
    """Every position has a page, every objective on a page an indicator; objectives are written alike."""
    for position in data.positions:
        if not data.rows_of_position.get(position.pk):
            yield Finding(
                "halaman", "halaman-kosong", ERROR,
                f"Jabatan {position.title} tidak mempunyai indikator kinerja individu: halaman IKI-nya kosong.",
                [data.at_position(position)],
                "Isi halaman IKI jabatan ini: sasaran kinerja yang mendukung sasaran atasannya, dengan indikatornya.",
            )
    for indicator in data.indicators:
        positions = [data.position(row.position_id) for row in data.rows_of_indicator.get(indicator.pk, [])]
        peers = [p for p in positions if not any(p in data.ancestors(other) or other in data.ancestors(p)
                                                 for other in positions if other is not p)]
        if len(peers) > 1:
            yield Finding(
                "halaman", "indikator-jabatan-setingkat", WARNING,
                f"Indikator {indicator.code} {_quoted(indicator.name, 90)} dimuat di halaman {len(peers)} jabatan "
                f"yang tidak saling membawahi ({', '.join(p.title for p in peers)}): satu angka, beberapa "
                f"penanggung jawab, dan realisasinya dapat diisi oleh siapa saja di antara mereka.",
                [data.at_indicator(indicator)] + [data.at_position(p) for p in peers],
                "Tetapkan satu jabatan yang mengukur indikator ini, atau bagi menjadi indikator masing-masing "
                "jabatan (mis. per bagian pekerjaan).",
            )
    for objective in data.objectives:
        if objective.level != Objective.Level.PERFORMANCE:
            continue
        position = data.position(objective.position_id)
        if not data.rows_of_objective.get(objective.pk):
            yield Finding(
                "halaman", "sasaran-tanpa-indikator", ERROR,
                f"Sasaran kinerja {objective.code} tidak mempunyai indikator: tidak dapat diukur.",
                [data.at_objective(objective)],
                "Tambahkan indikator untuk sasaran ini, atau hapus sasarannya.",
            )
        lines = [line for line in objective.text.splitlines() if line.strip()]
        if len(lines) > 1:
            yield Finding(
                "halaman", "sasaran-ganda", WARNING,
                f"Sasaran kinerja {objective.code} memuat {len(lines)} sasaran dalam satu sel: "
                + "; ".join(_quoted(line, 80) for line in lines) + ". Indikatornya hanya mengukur satu sasaran.",
                [data.at_objective(objective)],
                "Pisahkan menjadi sasaran tersendiri, masing-masing dengan indikatornya.",
            )
        above = data.objective(objective.contributes_to_id)
        if above is None or normalise(above.text) == normalise(objective.text):
            continue
        ratio = similarity(objective.text, above.text)
        if ratio >= SIMILAR:
            yield Finding(
                "halaman", "sasaran-beda-tipis", WARNING,
                f"Sasaran kinerja {objective.code} {_quoted(objective.text)} hampir sama dengan sasaran "
                f"{above.code} {_quoted(above.text)} yang didukungnya (kemungkinan salah ketik).",
                [data.at_objective(objective), data.at_objective(above)],
                "Samakan tulisan kedua sasaran bila maksudnya sama.",
            )
        elif above.level == Objective.Level.STRATEGIC and position is not None and position.superior_id is None:
            yield Finding(
                "halaman", "sasaran-kepala-beda", WARNING,
                f"Halaman kepala perangkat daerah menulis sasaran {objective.code} {_quoted(objective.text)}, "
                f"berbeda dari sasaran strategis {above.code} {_quoted(above.text)} yang didukungnya.",
                [data.at_objective(objective), data.at_objective(above)],
                "Sasaran di halaman kepala perangkat daerah adalah sasaran strategis Renstra: tulis sama persis.",
            )


def check_quarter_targets(data: PlanData) -> Iterable[Finding]:
    """The quarters of the action plan make the year's target: the rule of the target pages
    (`services.quarter_target_warnings`), not a copy of it."""
    yearly: dict[tuple[int, int], Target] = {}
    quarterly: dict[tuple[int, int], dict[int, Target]] = defaultdict(dict)
    for target in data.targets:
        key = (target.year, target.indicator_id)
        if target.kind == Target.Kind.YEAR:
            yearly[key] = target
        else:
            quarterly[key][target.quarter] = target
    for key in sorted(quarterly):
        year, indicator_id = key
        indicator = data.indicator_by_id.get(indicator_id)
        if indicator is None:
            continue
        year_target = yearly[key].value if key in yearly else None
        quarters = {quarter: (quarterly[key][quarter].value if quarter in quarterly[key] else None)
                    for quarter in QUARTERS}
        for message in services.quarter_target_warnings(indicator, year_target, quarters):
            rows = data.rows_of_indicator.get(indicator.pk, [])
            places = [data.at_indicator(indicator)] + [
                Place(f"Target triwulan {year}", position.title,
                      data.url("position-targets", position.code) + f"?tahun={year}", for_planner=True)
                for position in (data.position(row.position_id) for row in rows)
            ]
            yield Finding(
                "target-triwulan", "target-triwulan-tidak-cocok", ERROR,
                f"Tahun {year}, indikator {indicator.code}: {message}",
                places,
                "Sesuaikan target triwulan (rencana aksi) dengan target tahunan perjanjian kinerja, atau sebaliknya.",
            )
