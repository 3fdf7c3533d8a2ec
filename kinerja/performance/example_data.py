"""Invented but plausible targets, actuals and programme budgets for an agency, every record marked as example data.

Deterministic: the same agency gets the same figures every time. Written through the services, so the
example obeys every rule real data obeys.
"""

import random
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import Q

from kinerja.core import audit
from kinerja.core.actors import Actor
from kinerja.core.models import AuditRecord
from kinerja.core.periods import QUARTERS
from kinerja.organisation.models import Agency
from kinerja.strategy import services as strategy_services
from kinerja.strategy.models import Budget, Indicator, StrategicPlan
from kinerja.strategy.selectors import find_current_plan

from . import services
from .models import Actual, Evidence, Target
from .rollups.outbox import mark_figures_changed

EXAMPLE_YEAR = 2022
# Plausible sizes of what a ratio counts, recognised from its denominator's wording.
POPULATIONS = (
    ("desa", 196),
    ("opd", 32),
    ("perangkat daerah", 32),
    ("layanan", 40),
    ("penduduk", 178_000),
    ("informasi", 480),
)


def _population(indicator: Indicator) -> int:
    text = indicator.denominator.lower()
    return next((size for word, size in POPULATIONS if word in text), 100)


def _d(value: int | str) -> Decimal:
    return Decimal(str(value))


def _ratio(plan: StrategicPlan, indicator: Indicator, rng: random.Random, actor: Actor) -> None:
    population = _population(indicator)
    start = rng.randint(35, 70)
    step = rng.randint(3, 7)
    yearly = {year: min(100, start + step * (index + 1)) for index, year in enumerate(plan.years)}
    services.set_target(
        actor=actor,
        indicator=indicator,
        kind=Target.Kind.BASELINE,
        year=plan.first_year - 1,
        value=_d(start),
        is_example=True,
    )
    for year, value in yearly.items():
        services.set_target(
            actor=actor, indicator=indicator, kind=Target.Kind.YEAR, year=year, value=_d(value), is_example=True
        )
    services.set_target(
        actor=actor,
        indicator=indicator,
        kind=Target.Kind.END,
        year=plan.last_year,
        value=_d(yearly[plan.last_year]),
        is_example=True,
    )
    if EXAMPLE_YEAR not in yearly:
        return
    target = yearly[EXAMPLE_YEAR]
    previous = yearly.get(EXAMPLE_YEAR - 1, start)
    for quarter in QUARTERS:
        quarter_target = (Decimal(previous) + Decimal(target - previous) * quarter / 4).quantize(Decimal("0.01"))
        services.set_target(
            actor=actor,
            indicator=indicator,
            kind=Target.Kind.QUARTER,
            year=EXAMPLE_YEAR,
            quarter=quarter,
            value=quarter_target,
            is_example=True,
        )
        reached = min(Decimal(100), quarter_target * rng.randint(82, 106) / 100)
        numerator = min(population, int((population * reached / 100).to_integral_value()))
        services.record_actual(
            actor=actor,
            indicator=indicator,
            year=EXAMPLE_YEAR,
            quarter=quarter,
            numerator=_d(numerator),
            denominator=_d(population),
            supporting_factors="Koordinasi dengan perangkat daerah berjalan baik.",
            hindering_factors="Keterbatasan jaringan di wilayah kepulauan." if quarter < 3 else "",
            follow_up="Melanjutkan pendataan pada triwulan berikutnya.",
            is_example=True,
        )


def _count(plan: StrategicPlan, indicator: Indicator, rng: random.Random, actor: Actor) -> None:
    per_year = rng.choice([1, 2, 4, 4, 6, 12]) if indicator.unit != "Data" else rng.randint(5, 30)
    services.set_target(
        actor=actor,
        indicator=indicator,
        kind=Target.Kind.BASELINE,
        year=plan.first_year - 1,
        value=_d(max(0, per_year - 1)),
        is_example=True,
    )
    for year in plan.years:
        services.set_target(
            actor=actor, indicator=indicator, kind=Target.Kind.YEAR, year=year, value=_d(per_year), is_example=True
        )
    services.set_target(
        actor=actor,
        indicator=indicator,
        kind=Target.Kind.END,
        year=plan.last_year,
        value=_d(per_year * len(plan.years)),
        is_example=True,
    )
    if not plan.first_year <= EXAMPLE_YEAR <= plan.last_year:
        return
    shares = [per_year // 4 + (1 if quarter <= per_year % 4 else 0) for quarter in QUARTERS]
    for quarter, share in zip(QUARTERS, shares, strict=True):
        services.set_target(
            actor=actor,
            indicator=indicator,
            kind=Target.Kind.QUARTER,
            year=EXAMPLE_YEAR,
            quarter=quarter,
            value=_d(share),
            is_example=True,
        )
        done = max(0, share + rng.choice([-1, 0, 0, 0, 1])) if share else rng.choice([0, 0, 1])
        services.record_actual(
            actor=actor,
            indicator=indicator,
            year=EXAMPLE_YEAR,
            quarter=quarter,
            value=_d(done),
            note="Dokumen tersedia di sub bagian terkait.",
            is_example=True,
        )


def _value(plan: StrategicPlan, indicator: Indicator, rng: random.Random, actor: Actor) -> None:
    start = _d(rng.choice(["55.10", "58.25", "60.40"]))
    services.set_target(
        actor=actor,
        indicator=indicator,
        kind=Target.Kind.BASELINE,
        year=plan.first_year - 1,
        value=start,
        is_example=True,
    )
    for index, year in enumerate(plan.years):
        services.set_target(
            actor=actor,
            indicator=indicator,
            kind=Target.Kind.YEAR,
            year=year,
            value=start + _d("2.5") * (index + 1),
            is_example=True,
        )
    services.set_target(
        actor=actor,
        indicator=indicator,
        kind=Target.Kind.END,
        year=plan.last_year,
        value=start + _d("2.5") * len(plan.years),
        is_example=True,
    )
    if plan.first_year <= EXAMPLE_YEAR <= plan.last_year:
        # A score is given once a year, after the inspectorate's evaluation: the fourth quarter.
        services.record_actual(
            actor=actor,
            indicator=indicator,
            year=EXAMPLE_YEAR,
            quarter=4,
            value=start + _d("3.15"),
            note="Hasil evaluasi Inspektorat Daerah.",
            is_example=True,
        )


def _budgets(plan: StrategicPlan, actor: Actor) -> None:
    """A plausible yearly budget (Rp 250 million – 2.5 billion, growing a little each year) for every programme,
    so that the head of agency's performance agreement prints a filled budget table."""
    for programme in plan.programmes.order_by("order"):
        rng = random.Random(f"{plan.agency.code}:{programme.code}:budget")  # noqa: S311 (example figures)
        amount = _d(rng.randint(250, 2_500)) * 1_000_000
        for year in plan.years:
            strategy_services.set_budget(actor=actor, programme=programme, year=year, amount=amount, is_example=True)
            millions = (amount * _d(rng.randint(100, 112)) / 100_000_000).to_integral_value()
            amount = millions * 1_000_000


# The example data of apps above this one (the action plan): each registers its loader and its remover from its
# AppConfig.ready; the commands load them after the figures and remove them first. Each takes `actor` and `agency`.
MORE_EXAMPLES: list[tuple[Callable[..., int], Callable[..., int]]] = []


def register_examples(load: Callable[..., int], clear: Callable[..., int]) -> None:
    if (load, clear) not in MORE_EXAMPLES:
        MORE_EXAMPLES.append((load, clear))


@transaction.atomic
def load_example_performance(*, actor: Actor, agency: Agency) -> int:
    """Fill the example targets and actuals of every indicator of the agency's current plan; returns the count."""
    plan = find_current_plan(agency)
    if plan is None:
        return 0
    indicators = list(plan.indicators.order_by("order"))
    for indicator in indicators:
        rng = random.Random(f"{agency.code}:{indicator.code}")  # noqa: S311 (example figures, not secrets)
        {"ratio": _ratio, "count": _count, "value": _value}[indicator.formula](plan, indicator, rng, actor)
    _budgets(plan, actor)
    for load, _ in MORE_EXAMPLES:
        load(actor=actor, agency=agency)
    return len(indicators)


def _record_removal(actor: Actor, agency: Agency, items: list, describe: Any, about: Any) -> None:
    """One audit record per removed row, with its values, written in one query."""
    AuditRecord.objects.bulk_create(
        [
            audit.build(
                actor=actor,
                action=AuditRecord.Action.DELETED,
                obj=item,
                before=audit.snapshot(item),
                after=None,
                agency=agency,
                about=about(item),
                note=NOTE_CLEARED,
                description=describe(item, AuditRecord.Action.DELETED),
            )
            for item in items
        ],
        batch_size=500,
    )


NOTE_CLEARED = "Data contoh dihapus (clear_example_performance)."


@transaction.atomic
def clear_example_performance(*, actor: Actor, agency: Agency) -> int:
    """Remove exactly the records marked as example data; returns how many were removed. Every removal is
    recorded in the audit trail with the values removed."""
    removed = sum(clear(actor=actor, agency=agency) for _, clear in MORE_EXAMPLES)
    scope = {"indicator__plan__agency": agency, "is_example": True}
    evidence = list(
        Evidence.objects.filter(actual__indicator__plan__agency=agency, is_example=True).select_related(
            "actual__indicator"
        )
    )
    _record_removal(actor, agency, evidence, services.evidence_description, lambda e: e.actual.indicator)
    for item in evidence:
        item.file.delete(save=False)
    removed += Evidence.objects.filter(pk__in=[item.pk for item in evidence]).delete()[0]
    actuals = list(Actual.objects.filter(**scope).select_related("indicator"))
    _record_removal(actor, agency, actuals, services.actual_description, lambda a: a.indicator)
    removed += Actual.objects.filter(pk__in=[item.pk for item in actuals]).delete()[0]
    targets = list(Target.objects.filter(**scope).select_related("indicator"))
    _record_removal(actor, agency, targets, services.target_description, lambda t: t.indicator)
    removed += Target.objects.filter(pk__in=[item.pk for item in targets]).delete()[0]
    mark_figures_changed((item.indicator_id, item.year) for item in [*actuals, *targets])
    budgets = list(
        Budget.objects.filter(
            Q(programme__plan__agency=agency)
            | Q(activity__programme__plan__agency=agency)
            | Q(sub_activity__activity__programme__plan__agency=agency),
            is_example=True,
        ).select_related("programme", "activity", "sub_activity")
    )
    _record_removal(
        actor,
        agency,
        budgets,
        strategy_services.budget_description,
        lambda b: b.programme or b.activity or b.sub_activity,
    )
    removed += Budget.objects.filter(pk__in=[item.pk for item in budgets]).delete()[0]
    return removed
