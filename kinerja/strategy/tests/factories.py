"""Factories of the plan: strategic plan, goal, objective (strategic, or a position's performance objective),
indicator (a value by default; `ratio=True`, `count=True`) and a row of a position's IKI page. Every row is of
one agency's plan: a page's position, objective and indicator agree."""

from decimal import Decimal

import factory
from factory.django import DjangoModelFactory

from kinerja.organisation.tests.factories import AgencyFactory, PositionFactory
from kinerja.strategy.models import Goal, Indicator, Objective, PageIndicator, StrategicPlan


class StrategicPlanFactory(DjangoModelFactory):
    class Meta:
        model = StrategicPlan

    agency = factory.SubFactory(AgencyFactory)
    name = "Renstra 2021–2026"
    first_year = 2021
    last_year = 2026


class GoalFactory(DjangoModelFactory):
    class Meta:
        model = Goal

    plan = factory.SubFactory(StrategicPlanFactory)
    code = factory.Sequence(lambda n: f"T{n}")
    text = factory.Sequence(lambda n: f"Meningkatnya kinerja layanan {n}")


class ObjectiveFactory(DjangoModelFactory):
    """A strategic objective under a goal of its plan; `performance=True`: the performance objective of a
    position of the plan's agency (no goal)."""

    class Meta:
        model = Objective

    class Params:
        performance = factory.Trait(
            level=Objective.Level.PERFORMANCE,
            goal=None,
            position=factory.SubFactory(PositionFactory, agency=factory.SelfAttribute("..plan.agency")),
        )

    plan = factory.SubFactory(StrategicPlanFactory)
    code = factory.Sequence(lambda n: f"S{n}")
    text = factory.Sequence(lambda n: f"Meningkatnya mutu layanan {n}")
    level = Objective.Level.STRATEGIC
    goal = factory.SubFactory(GoalFactory, plan=factory.SelfAttribute("..plan"))


class IndicatorFactory(DjangoModelFactory):
    """A value (score) taken from the last quarter; `ratio=True`: a percentage of numerator over denominator;
    `count=True`: a count summed over the quarters."""

    class Meta:
        model = Indicator

    class Params:
        ratio = factory.Trait(
            formula=Indicator.Formula.RATIO,
            unit="Persen",
            factor=Decimal(100),
            numerator="Jumlah layanan yang memenuhi standar",
            denominator="Jumlah layanan",
        )
        count = factory.Trait(
            formula=Indicator.Formula.COUNT, unit="Dokumen", quarter_rule=Indicator.QuarterRule.SUM, decimals=0
        )

    plan = factory.SubFactory(StrategicPlanFactory)
    code = factory.Sequence(lambda n: f"IND.{n}")
    name = factory.Sequence(lambda n: f"Indikator uji {n}")
    formula = Indicator.Formula.VALUE
    unit = "Nilai"
    polarity = Indicator.Polarity.HIGHER
    quarter_rule = Indicator.QuarterRule.LAST


class PageIndicatorFactory(DjangoModelFactory):
    """An indicator of the plan under a performance objective, on the page of that objective's position."""

    class Meta:
        model = PageIndicator

    objective = factory.SubFactory(ObjectiveFactory, performance=True)
    position = factory.SelfAttribute("objective.position")
    indicator = factory.SubFactory(IndicatorFactory, plan=factory.SelfAttribute("..objective.plan"))
    order = factory.Sequence(lambda n: n + 1)
