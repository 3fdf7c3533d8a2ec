"""What the evaluation of the work plan and the performance report read, and which errors of the consistency check
each document carries: a fixed number of queries."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.urls import reverse

from kinerja.organisation.models import Agency, Official, Position
from kinerja.organisation.selectors import current_assignments, in_force
from kinerja.performance import consistency
from kinerja.performance.figures import PlanFigures, figures_from
from kinerja.performance.selectors import PlanMeasurement, get_plan_measurements
from kinerja.strategy.models import Indicator, Objective, PageIndicator, Programme, StrategicPlan
from kinerja.strategy.selectors import find_current_plan

from .decree import build_decree
from .decree_changes import DecreeChanges, changes_between
from .document import Document, from_data
from .models import EnactedDecree

INDICATORS = Indicator.objects.select_related("responsible_position__unit", "objective").order_by("order")


@dataclass
class ProgrammeRows:
    programme: Programme
    indicators: list[Indicator]


@dataclass
class ObjectiveRows:
    """A strategic objective, its own indicators and the programmes that serve it with theirs."""

    objective: Objective
    indicators: list[Indicator]
    programmes: list[ProgrammeRows]

    @property
    def all_indicators(self) -> list[Indicator]:
        return self.indicators + [item for programme in self.programmes for item in programme.indicators]


@dataclass
class Signer:
    position: Position | None
    official: Official | None


@dataclass
class AccountabilityData:
    agency: Agency
    plan: StrategicPlan | None
    year: int
    objectives: list[ObjectiveRows] = field(default_factory=list)
    measurements: dict[int, PlanMeasurement] = field(default_factory=dict)
    head: Signer = field(default_factory=lambda: Signer(None, None))
    secretary: Signer = field(default_factory=lambda: Signer(None, None))
    head_rows: list[PageIndicator] = field(default_factory=list)
    rows: list[PageIndicator] = field(default_factory=list)  # every IKI page row of the plan
    _figures: dict[int, PlanFigures] = field(default_factory=dict, repr=False)

    def measurement(self, indicator: Indicator) -> PlanMeasurement:
        return self.measurements[indicator.pk]

    def figures(self, quarter: int = 4) -> PlanFigures:
        """THE figures of the plan for `year` s.d. triwulan `quarter` (kinerja.performance.figures, the cap setting
        and the 4-decimal rounding: docs/measurement.md), from the measurements already read (no query)."""
        if quarter not in self._figures:
            indicators = {pk: pm.indicator for pk, pm in self.measurements.items()}
            self._figures[quarter] = figures_from(
                self.plan,
                self.year,
                quarter,
                indicators.values(),
                self.rows,
                {pk: pm.year(self.year) for pk, pm in self.measurements.items()},
            )
        return self._figures[quarter]


def _signer(position: Position | None, day: datetime.date) -> Signer:
    """The position and whoever held it on `day`, by the one rule of organisation.selectors.in_force."""
    if position is None:
        return Signer(None, None)
    assignment = in_force(position.current, day)
    return Signer(position, assignment.official if assignment else None)


def get_accountability_data(
    agency: Agency, year: int, *, signed_on: datetime.date, head_page: bool = False
) -> AccountabilityData:
    """The agency's strategic objectives → their indicators and programmes → the programmes' indicators,
    every indicator measured over the plan years up to `year`, and the head of agency and the secretary
    with whoever holds the post on `signed_on`, and every IKI page row of the plan (10 queries)."""
    plan = find_current_plan(agency)
    data = AccountabilityData(agency, plan, year)
    if plan is None:
        return data
    objectives = (
        plan.objectives.filter(level=Objective.Level.STRATEGIC)
        .prefetch_related(
            Prefetch("indicators", INDICATORS),
            Prefetch(
                "programmes", Programme.objects.order_by("order").prefetch_related(Prefetch("indicators", INDICATORS))
            ),
        )
        .order_by("order")
    )
    for objective in objectives:
        data.objectives.append(
            ObjectiveRows(
                objective,
                list(objective.indicators.all()),
                [
                    ProgrammeRows(programme, list(programme.indicators.all()))
                    for programme in objective.programmes.all()
                ],
            )
        )
    positions = list(
        agency.positions.select_related("unit")
        .prefetch_related(Prefetch("assignments", current_assignments(signed_on), to_attr="current"))
        .order_by("order")
    )
    head = next((position for position in positions if position.superior_id is None), None)
    secretary = next(
        (
            position
            for position in positions
            if position.unit.kind == "sekretariat" and position.superior_id == (head.pk if head else None)
        ),
        None,
    )
    data.head, data.secretary = _signer(head, signed_on), _signer(secretary, signed_on)
    indicators = {item.pk: item for rows in data.objectives for item in rows.all_indicators}
    # every IKI page row of the plan: the agency's, the units' and the positions' figures (figures.PlanFigures)
    # rest on them, and the head of agency's page is among them (one query, with or without the head's page)
    data.rows = list(
        PageIndicator.objects.filter(objective__plan=plan)
        .select_related("position__unit", "objective", "indicator__responsible_position__unit", "indicator__objective")
        .order_by("position__unit__order", "position__order", "objective__order", "order")
    )
    indicators.update((row.indicator_id, row.indicator) for row in data.rows)
    if head_page and head is not None:
        data.head_rows = sorted(
            (row for row in data.rows if row.position_id == head.pk), key=lambda row: (row.objective.order, row.order)
        )
    data.measurements = get_plan_measurements(indicators.values(), plan, year)
    return data


# -- the consistency check's errors that make a document wrong (the documents page's "Lengkap") ---------------

# Which checks of kinerja.performance.consistency (CHECKS keys) a document prints the result of: an error of such
# a check makes the document wrong. The consistency check is about the IKU/IKI decree, so the decree and its book
# carry every check but the quarterly targets; the agreement prints the IKI pages and their targets; the
# evaluation and the report print the strategic objectives, their indicators, formulas and quarterly targets.
DOCUMENT_CHECKS: dict[str, frozenset[str]] = {
    "keputusan-iku-iki": frozenset(consistency.CHECKS) - {"target-triwulan"},
    "buku-iku-iki": frozenset(consistency.CHECKS) - {"target-triwulan"},
    "perjanjian-kinerja": frozenset({"renstra", "keterkaitan", "tulisan-indikator", "satuan-rumus", "halaman"}),
    "evaluasi-renja": frozenset({"renstra", "iku", "satuan-rumus", "sumber-data", "target-triwulan"}),
    "lkjip": frozenset({"renstra", "iku", "lampiran-i", "satuan-rumus", "target-triwulan"}),
}


@dataclass
class DocumentErrors:
    """The consistency check's errors that affect one document, and where the check lists them."""

    findings: list = field(default_factory=list)
    links: list[tuple[str, str]] = field(default_factory=list)  # (title of the check, its section's address)

    @property
    def count(self) -> int:
        return len(self.findings)


def get_document_errors(agency: Agency, year: int, position: Position | None = None) -> dict[str, DocumentErrors]:
    """Per document slug, the errors of the consistency check (kinerja.performance.consistency.check_agency, 14
    queries) that affect it; for one position's agreement, only those that name that position's page (or no
    page at all)."""
    report = consistency.check_agency(agency, year=year)
    page = reverse("position-page", args=[agency.code, position.code]) if position is not None else None
    base = reverse("consistency-check", args=[agency.code]) + f"?tahun={year}"
    answer: dict[str, DocumentErrors] = {}
    for slug, checks in DOCUMENT_CHECKS.items():
        errors = DocumentErrors()
        for finding in report.errors:
            if finding.check not in checks:
                continue
            if slug == "perjanjian-kinerja" and page is not None:
                pages = [place.url for place in finding.places if "/iki/" in place.url]
                if pages and not any(url.startswith(page) for url in pages):
                    continue
            errors.findings.append(finding)
            link = (consistency.CHECKS[finding.check], f"{base}#cek-{finding.check}")
            if link not in errors.links:
                errors.links.append(link)
        answer[slug] = errors
    return answer


@dataclass
class ChangesSinceEnacted:
    """The last enacted version of a year's decree and what the draft changes in it."""

    version: int
    enacted_at: datetime.datetime
    changes: DecreeChanges


def get_decree_changes(plan: StrategicPlan, year: int, draft: Document | None = None) -> ChangesSinceEnacted | None:
    """What changed since the year's decree was last enacted (None: never enacted): 1 query when the caller has
    built the draft already, else that plus the decree builder's fixed count."""
    last = EnactedDecree.objects.filter(decree__plan=plan, decree__year=year).order_by("-version").first()
    if last is None:
        return None
    draft = draft if draft is not None else build_decree(plan, year)
    changes = changes_between(from_data(last.document), draft)  # type: ignore[arg-type]
    return ChangesSinceEnacted(last.version, last.enacted_at, changes or DecreeChanges([]))
