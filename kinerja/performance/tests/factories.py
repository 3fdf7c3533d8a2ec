"""Factories of the figures: a yearly target and a quarter's actual (a draft value by default; `ratio=True`:
numerator and denominator of a ratio indicator, the value `achievement.ratio_value` of them; `verified=True`)."""

import datetime
from decimal import Decimal

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from kinerja.accounts.tests.factories import UserFactory
from kinerja.performance import achievement
from kinerja.performance.models import Actual, Target
from kinerja.strategy.tests.factories import IndicatorFactory


class TargetFactory(DjangoModelFactory):
    """The target of 2025; `kind="quarter", quarter=1..4` for a quarter's."""

    class Meta:
        model = Target

    indicator = factory.SubFactory(IndicatorFactory)
    kind = Target.Kind.YEAR
    year = 2025
    quarter = 0
    value = Decimal("80.0000")


class ActualFactory(DjangoModelFactory):
    class Meta:
        model = Actual

    class Params:
        ratio = factory.Trait(
            indicator=factory.SubFactory(IndicatorFactory, ratio=True),
            numerator=Decimal(45),
            denominator=Decimal(60),
            value=factory.LazyAttribute(
                lambda actual: achievement.ratio_value(actual.numerator, actual.denominator, actual.indicator.factor)
            ),
        )
        verified = factory.Trait(
            status=Actual.Status.VERIFIED,
            verified_by=factory.SubFactory(UserFactory),
            verified_at=factory.LazyFunction(lambda: timezone.make_aware(datetime.datetime(2025, 4, 15, 9, 0))),
        )

    indicator = factory.SubFactory(IndicatorFactory)
    year = 2025
    quarter = 1
    value = Decimal("75.0000")
    status = Actual.Status.DRAFT
    entered_by = factory.SubFactory(UserFactory)
