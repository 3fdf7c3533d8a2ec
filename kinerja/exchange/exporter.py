"""An agency out of the database, in the dataset format that the loader reads (data/SCHEMA.md)."""

from decimal import Decimal
from typing import Any

from django.db.models import Prefetch

from kinerja.organisation.models import Agency, Assignment, Official, Position
from kinerja.performance.models import Actual, Target
from kinerja.skp.models import ExampleRecord
from kinerja.strategy.models import (
    Activity,
    Decree,
    DecreeClause,
    Indicator,
    Objective,
    PageIndicator,
    Programme,
    StrategicPlan,
)
from kinerja.strategy.selectors import find_current_plan

from .actions import export_actions
from .dataset_io import FORMAT
from .loading.targets import KIND_ORDER


def _optional(**fields: Any) -> dict[str, Any]:
    """Only the fields that say something (the loader reads a missing one as empty)."""
    return {name: value for name, value in fields.items() if value not in ("", None, False, [])}


def _given(**fields: Any) -> dict[str, Any]:
    """The figures that are there (a 0 is a figure)."""
    return {name: value for name, value in fields.items() if value is not None}


def _functions(items: Any) -> list[Any]:
    return [{"number": item.number, "text": item.text} if item.number else item.text for item in items]


def _number(value: Decimal | None) -> int | str | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else str(value.normalize())


def _official(official: Official) -> dict[str, Any]:
    """The head of region: name first, the NIP only when there is one (an elected regent has none)."""
    return {"name": official.name, **_optional(nip=official.nip, rank=official.rank, grade=official.grade)}


def export_agency_data(agency: Agency, plan: StrategicPlan | None = None) -> dict[str, Any]:
    """The whole agency as a dict; `plan` defaults to its latest strategic plan."""
    region = agency.region
    plan = plan or find_current_plan(agency)
    # the example SKP's people (skp.ExampleRecord: example officials, staff positions, assignments) are example data,
    # left out as the example figures are
    example = ExampleRecord.objects.filter(agency=agency).values_list("position_id", "assignment_id")
    example_positions = {position for position, _ in example if position is not None}
    example_assignments = {assignment for _, assignment in example if assignment is not None}
    positions = list(
        agency.positions.exclude(pk__in=example_positions)
        .select_related("unit", "superior")
        .prefetch_related("functions")
        .order_by("order")
    )
    position_ids = [position.pk for position in positions]
    assignments = list(
        Assignment.objects.filter(position__in=position_ids)
        .exclude(pk__in=example_assignments)
        .select_related("official", "position")
        .order_by("position__order", "start", "official__name")
    )
    official_ids = {assignment.official_id for assignment in assignments}
    officials = Official.objects.filter(pk__in=official_ids).order_by("name")
    data: dict[str, Any] = {
        "format": FORMAT,
        "region": {
            "code": region.code,
            "kind": region.kind,
            "name": region.name,
            **_optional(province=region.province, seat=region.seat),
            "head_title": region.head_title,
            **_optional(head=_official(region.head) if region.head else None),
        },
        "agency": {
            "code": agency.code,
            "name": agency.name,
            **_optional(
                short_name=agency.short_name,
                printed_name=agency.printed_name,
                address=agency.address,
                city=agency.city,
                telephone=agency.telephone,
                website=agency.website,
                email=agency.email,
                postcode=agency.postcode,
                duty=agency.duty,
                functions=_functions(agency.functions.order_by("order")),
            ),
        },
        "units": [
            {
                "code": unit.code,
                "kind": unit.kind,
                "name": unit.name,
                "parent": unit.parent.code if unit.parent else None,
            }
            for unit in agency.units.select_related("parent").order_by("order")
        ],
        "positions": [
            {
                "code": position.code,
                "unit": position.unit.code,
                "title": position.title,
                **_optional(printed_title=position.printed_title),
                "superior": position.superior.code if position.superior else None,
                # written for a staff position only (issue 21): the structural default keeps every file as it was
                **_optional(kind="" if position.kind == Position.Kind.STRUCTURAL else position.kind),
                **_optional(duty=position.duty, functions=_functions(position.functions.all())),
            }
            for position in positions
        ],
        "officials": [
            {"nip": official.nip, "name": official.name, **_optional(rank=official.rank, grade=official.grade)}
            for official in officials
        ],
        "assignments": [
            {
                "official": assignment.official.nip or assignment.official.name,
                "position": assignment.position.code,
                "start": assignment.start.isoformat(),
                **_optional(
                    end=assignment.end.isoformat() if assignment.end else None,
                    acting=assignment.acting,
                    acting_kind=assignment.acting_kind,
                    decree_number=assignment.decree_number,
                ),
            }
            for assignment in assignments
        ],
    }
    if plan is None:
        return data
    data["plan"] = _plan(plan)
    data["pages"] = _pages(plan, positions)
    decree = (
        Decree.objects.filter(plan=plan)
        .select_related("signatory")
        .prefetch_related("clauses", "chapters")
        .order_by("-year")
        .first()
    )
    if decree is not None:
        data["decree"] = _decree(decree)
    data.update(_figures(plan))
    actions = export_actions(plan)
    if actions:
        data["actions"] = actions
    return data


def _figures(plan: StrategicPlan) -> dict[str, Any]:
    """The plan's targets and actuals, without the example data (load_example_performance makes that again)."""
    targets = sorted(
        Target.objects.filter(indicator__plan=plan, is_example=False).select_related("indicator"),
        key=lambda t: (t.indicator.order, t.indicator.code, KIND_ORDER[t.kind], t.year, t.quarter),
    )
    actuals = (
        Actual.objects.filter(indicator__plan=plan, is_example=False)
        .select_related("indicator")
        .order_by("indicator__order", "indicator__code", "year", "quarter")
    )
    figures: dict[str, Any] = {}
    if targets:
        figures["targets"] = [
            {
                "indicator": t.indicator.code,
                "kind": t.kind,
                "year": t.year,
                **_optional(quarter=t.quarter),
                **_given(value=_number(t.value), value_upper=_number(t.value_upper)),
            }
            for t in targets
        ]
    rows = [
        {
            "indicator": a.indicator.code,
            "year": a.year,
            "quarter": a.quarter,
            **(
                _given(numerator=_number(a.numerator), denominator=_number(a.denominator))
                if a.indicator.formula == Indicator.Formula.RATIO
                else _given(value=_number(a.value))
            ),
            **_optional(
                supporting_factors=a.supporting_factors,
                hindering_factors=a.hindering_factors,
                follow_up=a.follow_up,
                note=a.note,
            ),
        }
        for a in actuals
    ]
    if rows:
        figures["actuals"] = rows
    return figures


def _plan(plan: StrategicPlan) -> dict[str, Any]:
    indicators = plan.indicators.select_related("objective", "responsible_position").order_by("order")
    programmes = plan.programmes.prefetch_related(
        "objectives",
        "indicators",
        Prefetch(
            "activities",
            Activity.objects.order_by("order").prefetch_related(
                "indicators", "sub_activities", "sub_activities__indicators"
            ),
        ),
    ).order_by("order")
    return {
        "name": plan.name,
        "first_year": plan.first_year,
        "last_year": plan.last_year,
        "goals": [{"code": goal.code, "text": goal.text} for goal in plan.goals.order_by("order")],
        "objectives": [
            {"code": objective.code, "goal": objective.goal.code if objective.goal else None, "text": objective.text}
            for objective in plan.objectives.filter(level=Objective.Level.STRATEGIC)
            .select_related("goal")
            .order_by("order")
        ],
        "indicators": [_indicator(indicator) for indicator in indicators],
        "key_indicator_rows": [
            {
                "indicator": row.indicator.code,
                **_optional(
                    printed_objective=row.printed_objective,
                    printed_name=row.printed_name,
                    printed_definition=row.printed_definition,
                    printed_data_source=row.printed_data_source,
                    printed_responsible=row.printed_responsible,
                ),
            }
            for row in plan.key_rows.select_related("indicator").order_by("order")
        ],
        "programmes": [_programme(programme) for programme in programmes],
    }


def _indicator(indicator: Indicator) -> dict[str, Any]:
    ratio = indicator.formula == Indicator.Formula.RATIO
    return {
        "code": indicator.code,
        "name": indicator.name,
        **_optional(objective=indicator.objective.code if indicator.objective else None, is_key=indicator.is_key),
        "formula": indicator.formula,
        **(
            {
                "numerator": indicator.numerator,
                "denominator": indicator.denominator,
                "factor": _number(indicator.factor),
            }
            if ratio
            else {}
        ),
        **_optional(definition=indicator.definition),
        "unit": indicator.unit,
        **_optional(
            data_source=indicator.data_source,
            responsible=indicator.responsible_position.code if indicator.responsible_position else None,
        ),
        "polarity": indicator.polarity,
        "quarter_rule": indicator.quarter_rule,
        "decimals": indicator.decimals,
        **_optional(fed_by=indicator.fed_by),
    }


def _programme(programme: Programme) -> dict[str, Any]:
    def codes(items: Any) -> list[str]:
        return sorted(item.code for item in items.all())

    return {
        "code": programme.code,
        "name": programme.name,
        **_optional(
            objectives=codes(programme.objectives),
            indicators=codes(programme.indicators),
            activities=[
                {
                    "code": activity.code,
                    "name": activity.name,
                    **_optional(
                        indicators=codes(activity.indicators),
                        sub_activities=[
                            {"code": sub.code, "name": sub.name, **_optional(indicators=codes(sub.indicators))}
                            for sub in sorted(activity.sub_activities.all(), key=lambda s: s.order)
                        ],
                    ),
                }
                for activity in programme.activities.all()
            ],
        ),
    }


def _pages(plan: StrategicPlan, positions: list[Position]) -> list[dict[str, Any]]:
    objectives = (
        plan.objectives.filter(level=Objective.Level.PERFORMANCE)
        .select_related("contributes_to")
        .prefetch_related(Prefetch("page_rows", PageIndicator.objects.select_related("indicator").order_by("order")))
        .order_by("order")
    )
    by_position: dict[int, list[Objective]] = {}
    for objective in objectives:
        by_position.setdefault(objective.position_id, []).append(objective)
    return [
        {
            "position": position.code,
            "objectives": [
                {
                    "code": objective.code,
                    "text": objective.text,
                    "contributes_to": objective.contributes_to.code if objective.contributes_to else None,
                    "indicators": [
                        {
                            "indicator": row.indicator.code,
                            **_optional(
                                printed_name=row.printed_name,
                                printed_definition=row.printed_definition,
                                printed_data_source=row.printed_data_source,
                            ),
                        }
                        for row in objective.page_rows.all()
                    ],
                }
                for objective in by_position[position.pk]
            ],
        }
        for position in positions
        if position.pk in by_position
    ]


def _decree(decree: Decree) -> dict[str, Any]:
    clauses = sorted(decree.clauses.all(), key=lambda clause: clause.order)

    def texts(kind: str) -> list[str]:
        return [clause.text for clause in clauses if clause.kind == kind]

    return {
        "number": decree.number,
        "date": decree.date.isoformat(),
        "place": decree.place,
        "year": decree.year,
        "title": decree.title,
        "subject": decree.subject,
        "signatory": decree.signatory.code,
        "considerations": texts(DecreeClause.Kind.CONSIDERATION),
        "legal_bases": texts(DecreeClause.Kind.LEGAL_BASIS),
        "dictums": [
            {"label": clause.number, "text": clause.text}
            for clause in clauses
            if clause.kind == DecreeClause.Kind.DICTUM
        ],
        "chapters": [
            {"kind": chapter.kind, "title": chapter.title, "body": chapter.body}
            for chapter in sorted(decree.chapters.all(), key=lambda chapter: chapter.order)
        ],
    }


def count_example_figures(agency: Agency) -> dict[str, int]:
    """The example targets and actuals of the agency's current plan: what an export leaves out (2 queries)."""
    plan = find_current_plan(agency)
    if plan is None:
        return {"targets": 0, "actuals": 0}
    return {
        "targets": Target.objects.filter(indicator__plan=plan, is_example=True).count(),
        "actuals": Actual.objects.filter(indicator__plan=plan, is_example=True).count(),
    }
