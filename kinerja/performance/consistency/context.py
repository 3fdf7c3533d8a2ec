"""The read-only context every check is given: the agency's positions (with their units) and the plan's objectives,
indicators, IKU rows, page rows and targets, read once (`load_plan_data`: 6 queries, however large the plan), and
the texts of the decree — the decree itself, its clauses and chapters, the units, the agency's and positions'
functions, the goals — read once too (`texts.load_texts`: 7 queries more, however long the decree) and shared by
every check that reads them; all linked in memory, with the places the findings point to."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.translation import pgettext

from kinerja.organisation.models import Agency, AgencyFunction, Position, PositionFunction, Unit
from kinerja.performance.models import Target
from kinerja.strategy.models import Goal, Indicator, KeyIndicatorRow, Objective, PageIndicator, StrategicPlan
from kinerja.strategy.models.decree import Decree, DecreeChapter, DecreeClause

from .findings import Place
from .texts import DecreeTexts, load_texts


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
    # The decree's texts, read once (`load_texts`): the year's decree (or the latest before it), its clauses in
    # order, its chapters, the units, the functions, the goals. Empty: the checks that read them find nothing.
    texts: DecreeTexts = field(default_factory=DecreeTexts)

    def __post_init__(self) -> None:
        self.position_by_id = {position.pk: position for position in self.positions}
        self.objective_by_id = {objective.pk: objective for objective in self.objectives}
        self.indicator_by_id = {indicator.pk: indicator for indicator in self.indicators}
        # A row that points outside the agency or the plan (the models' clean() refuses it) is not the plan's.
        self.page_rows = [
            row
            for row in self.page_rows
            if row.position_id in self.position_by_id
            and row.objective_id in self.objective_by_id
            and row.indicator_id in self.indicator_by_id
        ]
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
        # Read-only from here on: a look-up of a missing key neither adds it nor fails (`.get(key, [])`).
        self.rows_of_indicator = dict(self.rows_of_indicator)
        self.rows_of_position = dict(self.rows_of_position)
        self.rows_of_objective = dict(self.rows_of_objective)
        self.key_rows_of_indicator = dict(self.key_rows_of_indicator)

    # The decree's texts, as the checks of the decree read them.
    @property
    def decree(self) -> Decree | None:
        return self.texts.decree

    @property
    def clauses(self) -> list[DecreeClause]:
        return self.texts.clauses

    @property
    def chapters(self) -> list[DecreeChapter]:
        return self.texts.chapters

    @property
    def agency_functions(self) -> list[AgencyFunction]:
        return self.texts.agency_functions

    @property
    def position_functions(self) -> list[PositionFunction]:
        return self.texts.position_functions

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
        return Place(
            pgettext("consistency place", "IKI page"),
            position.title,
            self.url("position-page", position.code),
            fix_url=self.url("position-page-edit", position.code),
        )

    def position_fix_url(self, position: Position) -> str:
        """The position's form: its title, the title as printed, its duty and functions (`organisation.editing`)."""
        return self.url("position-edit", position.code)

    def at_position_text(self, position: Position, label: str, text: str = "") -> Place:
        """A text of the position itself (its title, duty or a function), shown on its IKI page, fixed in its form."""
        page = self.url("position-page", position.code)
        return Place(label, text or position.title, page, fix_url=self.position_fix_url(position))

    def at_agency(self, label: str, text: str) -> Place:
        """A text of the agency itself (its name, the name Appendix I prints, its duty, a function), on the
        organisation page, fixed in the agency's form."""
        return Place(label, text, self.url("organisation-tree"), fix_url=self.url("agency-edit"))

    def at_unit(self, unit: Unit, label: str = "") -> Place:
        """A unit of the organisation tree (its name as Chapter I prints it), fixed in its form."""
        return Place(
            label or pgettext("consistency place", "Unit (Chapter I)"),
            unit.name,
            self.url("organisation-tree"),
            fix_url=self.url("unit-edit", unit.code),
        )

    def at_objective(self, objective: Objective) -> Place:
        if objective.level == Objective.Level.STRATEGIC:
            text = f"{objective.code} — {objective.text}"
            fix = self.url("plan-objective-edit", objective.code)
            return Place(
                pgettext("consistency place", "Strategic objective"), text, self.url("plan-detail"), fix_url=fix
            )
        position = self.position(objective.position_id)
        where = f" ({position.title})" if position else ""
        url = self.url("position-page", position.code) if position else ""
        fix = self.url("position-page-edit", position.code) if position else ""
        label = pgettext("consistency place", "Performance objective")
        return Place(label, f"{objective.code} — {objective.text}{where}", url, fix_url=fix)

    def at_indicator(self, indicator: Indicator) -> Place:
        return Place(
            pgettext("consistency place", "Indicator"),
            f"{indicator.code} — {indicator.name}",
            self.url("indicator-detail", indicator.code),
            fix_url=self.url("plan-indicator-edit", indicator.code),
        )

    def at_row(self, row: PageIndicator) -> Place:
        position = self.position(row.position_id)
        return Place(
            pgettext("consistency place", "IKI page of %(position)s") % {"position": position.title},
            self.row_text(row),
            self.url("position-page", position.code),
            fix_url=self.url("position-page-edit", position.code),
        )

    def at_key_row(self, key_row: KeyIndicatorRow) -> Place:
        number = self.key_rows.index(key_row) + 1
        return Place(
            pgettext("consistency place", "Appendix I, row %(number)s") % {"number": number},
            key_row.printed_name or self.indicator(key_row.indicator_id).name,
            self.url("plan-detail") + "#iku-table",
            fix_url=self.url("plan-key-row-edit", str(key_row.pk)),
        )

    def clauses_of(self, kind: str) -> list[DecreeClause]:
        return [clause for clause in self.clauses if clause.kind == kind]

    def decree_url(self) -> str:
        return self.url("documents")

    def decree_fix_url(self) -> str:
        """The decree record's form (number, date, title, Menimbang, Mengingat, dictums) of the decree read."""
        if self.decree is None:
            return ""
        return f"{self.url('decree-record')}?tahun={self.decree.year}"

    def chapter_fix_url(self, chapter: DecreeChapter) -> str:
        """The form of a chapter of the decree book (reports' `chapter-edit`, document `buku-iku-iki`)."""
        if self.decree is None:
            return ""
        return f"{self.url('chapter-edit', 'buku-iku-iki', chapter.kind)}?tahun={self.decree.year}"

    def at_decree(self, label: str, text: str) -> Place:
        """A part of the decree record itself (its number, title, subject)."""
        return Place(label, text, self.decree_url(), fix_url=self.decree_fix_url())

    def at_clause(self, clause: DecreeClause) -> Place:
        # the decree's own words for its parts (Menimbang, Mengingat, Diktum), the same in either language
        label = {"consideration": "Menimbang", "legal_basis": "Mengingat", "dictum": "Diktum"}[clause.kind]
        part = f"{label} {clause.label}"
        return self.at_decree(pgettext("consistency place", "Decree, %(part)s") % {"part": part}, _excerpt(clause.text))

    def at_chapter(self, chapter: DecreeChapter, text: str = "") -> Place:
        """The chapter, with the words of the paragraph or item concerned (the first 200 characters)."""
        return Place(
            chapter.title, _excerpt(text or chapter.title), self.decree_url(), fix_url=self.chapter_fix_url(chapter)
        )

    def at_plan(self, what: str = "") -> Place:
        return Place("Renstra", what or self.plan.name, self.url("plan-detail"), fix_url=self.url("plan-edit"))

    def at_goal(self, goal: Goal) -> Place:
        """A goal, shown as part of the Renstra (as before), fixed in its own form."""
        return Place(
            "Renstra",
            f"{goal.code} — {goal.text}",
            self.url("plan-detail"),
            fix_url=self.url("plan-goal-edit", goal.code),
        )

    def places_of(self, indicator: Indicator) -> list[Place]:
        """The indicator and every page row that prints it."""
        rows = self.rows_of_indicator.get(indicator.pk, [])
        return [self.at_indicator(indicator)] + [self.at_row(row) for row in rows]

    # What is printed of an indicator, where.
    def row_text(self, row: PageIndicator) -> str:
        return row.printed_name or self.indicator(row.indicator_id).name

    def printings(self, indicator: Indicator, attribute: str) -> list[tuple[str, Place]]:
        """Each place that prints `attribute` of the indicator otherwise than the indicator itself, with its text."""
        printed = []
        for row in self.rows_of_indicator.get(indicator.pk, []):
            value = getattr(row, f"printed_{attribute}")
            if value:
                printed.append((value, self.at_row(row)))
        for key_row in self.key_rows_of_indicator.get(indicator.pk, []):
            value = getattr(key_row, f"printed_{attribute}")
            if value:
                printed.append((value, self.at_key_row(key_row)))
        return printed

    def names_of(self, indicator: Indicator) -> set[str]:
        """The indicator's name and every other name a page row or Lampiran I prints it under."""
        names = {indicator.name}
        names.update(row.printed_name for row in self.rows_of_indicator.get(indicator.pk, []) if row.printed_name)
        names.update(k.printed_name for k in self.key_rows_of_indicator.get(indicator.pk, []) if k.printed_name)
        return names


def _excerpt(text: str, limit: int = 200) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def load_plan_data(agency: Agency, plan: StrategicPlan, year: int | None = None) -> PlanData:
    """The agency's positions (with their units), the plan's objectives, indicators, IKU rows, page rows and yearly
    and quarterly targets (of `year`, or of every year): 6 queries; and the decree's texts (`load_texts`: the
    decree of `year` or the latest before it, its clauses and chapters, the units, functions and goals): 7 more."""
    targets = Target.objects.filter(indicator__plan=plan, kind__in=[Target.Kind.YEAR, Target.Kind.QUARTER])
    if year is not None:
        targets = targets.filter(year=year)
    return PlanData(
        agency=agency,
        plan=plan,
        positions=list(agency.positions.structural().select_related("unit").order_by("order", "code")),
        objectives=list(plan.objectives.order_by("order", "code")),
        indicators=list(plan.indicators.order_by("order", "code")),
        key_rows=list(plan.key_rows.order_by("order", "pk")),
        page_rows=list(PageIndicator.objects.filter(objective__plan=plan).order_by("position__order", "order", "pk")),
        targets=list(targets.order_by("indicator", "year", "quarter")),
        year=year,
        texts=load_texts(agency, plan, year),
    )
