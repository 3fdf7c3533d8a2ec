"""The written texts of the decree that the plan's structure does not hold: the decree itself (of the year asked
for, or the latest before it), its clauses (Menimbang, Mengingat, dictums) and narrative chapters, the unit names,
the agency's duty and functions, each position's functions, the goals — read once (`load_texts`: 7 queries,
however long the decree) into `PlanData.texts`, and shared by every check that reads them: the decree's
(`citations`, `decree_structure`, `names_across`, through `PlanData.decree`, `.clauses`, `.chapters`,
`.agency_functions`, `.position_functions`) and the prose's (`duties_functions`, `spelling`).

`written_texts(data)` walks every text a person reads in the decree, each with its place, so a check that reads
words reads all of them.
"""

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.db.models import Subquery
from django.urls import reverse
from django.utils.translation import pgettext

from kinerja.organisation.models import Agency, AgencyFunction, PositionFunction, Unit
from kinerja.strategy.models import Decree, DecreeChapter, DecreeClause, Goal, StrategicPlan

from .findings import Place

CLAUSE_LABELS = {
    DecreeClause.Kind.CONSIDERATION: "Menimbang",
    DecreeClause.Kind.LEGAL_BASIS: "Mengingat",
    DecreeClause.Kind.DICTUM: "Diktum",
}
LETTERS = "abcdefghijklmnopqrstuvwxyz"


@dataclass
class DecreeTexts:
    """The prose of the agency and its decree; `decree` is the decree of the year asked for or the latest before it
    (of any year when none is asked for), with its plan, agency and region; `clauses` and `chapters` are its own."""

    units: list[Unit] = field(default_factory=list)
    agency_functions: list[AgencyFunction] = field(default_factory=list)
    position_functions: list[PositionFunction] = field(default_factory=list)
    goals: list[Goal] = field(default_factory=list)
    decree: Decree | None = None
    clauses: list[DecreeClause] = field(default_factory=list)
    chapters: list[DecreeChapter] = field(default_factory=list)

    def __post_init__(self) -> None:
        by_position: dict[int, list[PositionFunction]] = defaultdict(list)
        for function in self.position_functions:
            by_position[function.position_id].append(function)
        self.functions_of_position = dict(by_position)


def load_texts(agency: Agency, plan: StrategicPlan, year: int | None = None) -> DecreeTexts:
    """The plan's decree (of `year` or the latest before it) with its clauses and chapters, the agency's units and
    functions, its positions' functions and the plan's goals: 7 queries, with a decree or without one."""
    decrees = Decree.objects.filter(plan=plan) if year is None else Decree.objects.filter(plan=plan, year__lte=year)
    decrees = decrees.order_by("-year", "-pk")
    chosen = Subquery(decrees.values("pk")[:1])  # the clauses and chapters of that decree, in one query each
    return DecreeTexts(
        units=list(agency.units.order_by("order", "code")),
        agency_functions=list(agency.functions.order_by("order")),
        position_functions=list(
            PositionFunction.objects.filter(position__agency=agency).order_by("position_id", "order")
        ),
        goals=list(plan.goals.order_by("code")),
        decree=decrees.select_related("plan__agency__region").first(),
        clauses=list(DecreeClause.objects.filter(decree=chosen).order_by("kind", "order")),
        chapters=list(DecreeChapter.objects.filter(decree=chosen).order_by("order")),
    )


def clause_label(clause: DecreeClause) -> str:
    """ "Menimbang b", "Mengingat 3", "Diktum 2" — as the decree numbers its clauses."""
    kind = CLAUSE_LABELS.get(clause.kind, clause.kind)
    if clause.number:
        return f"{kind} {clause.number}"
    if clause.kind == DecreeClause.Kind.CONSIDERATION and clause.order <= len(LETTERS):
        return f"{kind} {LETTERS[clause.order - 1]}"
    return f"{kind} {clause.order}"


@dataclass(frozen=True)
class Written:
    """One text a person reads, where: `kind` says what it is ("nama", "tugas", "fungsi", "bab" …)."""

    kind: str
    text: str
    place: Place


def written_texts(data) -> Iterator[Written]:  # data: PlanData (not imported: context imports this module)
    """Every text of the decree the plan holds, each with its place: names, duties, functions, goals,
    objectives, indicators and what the pages and Lampiran I print otherwise, the decree's title, clauses and
    chapters."""
    agency, texts = data.agency, data.texts
    yield Written("nama", agency.name, data.at_agency(pgettext("consistency place", "Agency"), agency.name))
    if agency.printed_name:
        label = pgettext("consistency place", "Appendix I, agency")
        yield Written("nama", agency.printed_name, data.at_agency(label, agency.printed_name))
    if agency.duty:
        label = pgettext("consistency place", "Duty of the agency")
        yield Written("tugas", agency.duty, data.at_agency(label, agency.name))
    for function in texts.agency_functions:
        label = pgettext("consistency place", "Function %(label)s of the agency") % {"label": function.label}
        yield Written("fungsi", function.text, data.at_agency(label, agency.name))
    for unit in texts.units:
        yield Written("nama", unit.name, data.at_unit(unit, pgettext("consistency place", "Work unit")))
    for position in data.positions:
        title = data.at_position_text(position, data.at_position(position).label)
        yield Written("nama", position.title, title)
        if position.printed_title:
            yield Written("nama", position.printed_title, title)
        if position.duty:
            label = pgettext("consistency place", "Duty of %(position)s") % {"position": position.title}
            yield Written("tugas", position.duty, data.at_position_text(position, label))
        for function in texts.functions_of_position.get(position.pk, []):
            label = pgettext("consistency place", "Function %(label)s, %(position)s") % {
                "label": function.label,
                "position": position.title,
            }
            yield Written("fungsi", function.text, data.at_position_text(position, label))
    for goal in texts.goals:
        yield Written("sasaran", goal.text, data.at_goal(goal))
    for objective in data.objectives:
        yield Written("sasaran", objective.text, data.at_objective(objective))
    for indicator in data.indicators:
        place = data.at_indicator(indicator)
        for attribute in ("name", "definition", "numerator", "denominator", "data_source"):
            if getattr(indicator, attribute):
                yield Written("indikator", getattr(indicator, attribute), place)
    for row in data.page_rows:
        for attribute in ("printed_name", "printed_definition", "printed_data_source"):
            if getattr(row, attribute):
                yield Written("indikator", getattr(row, attribute), data.at_row(row))
    for key_row in data.key_rows:
        place = data.at_key_row(key_row)
        for attribute in ("printed_name", "printed_definition", "printed_data_source", "printed_objective"):
            if getattr(key_row, attribute, ""):
                yield Written("indikator", getattr(key_row, attribute), place)
    decree = texts.decree
    if decree is None:
        return
    documents, record = reverse("documents", args=[agency.code]), data.decree_fix_url()
    yield Written(
        "judul",
        decree.title,
        Place(pgettext("consistency place", "Decree, title"), decree.number, documents, fix_url=record),
    )
    yield Written(
        "judul",
        decree.subject,
        Place(pgettext("consistency place", "Decree, subject"), decree.number, documents, fix_url=record),
    )
    for clause in texts.clauses:
        label = pgettext("consistency place", "Decree, %(part)s") % {"part": clause_label(clause)}
        place = Place(label, decree.number, documents, fix_url=record)
        yield Written("klausul", clause.text, place)
    for chapter in texts.chapters:
        fix = data.chapter_fix_url(chapter)
        label = pgettext("consistency place", "Decree, %(part)s") % {"part": chapter.title}
        place = Place(label, decree.number, documents, fix_url=fix)
        yield Written("bab", chapter.title, place)
        yield Written("bab", chapter.body, place)
