"""A few rows the action-plan tests share: the seed's section head's indicator, a sub-activity of the plan, and
quarterly targets."""

from decimal import Decimal

from kinerja.performance.models import Target
from kinerja.strategy.models import Activity, Indicator, Programme, SubActivity

INDICATOR = "kasi-tata-kelola.O1.I1"  # on the IKI page of kasi-tata-kelola (the section head's)
YEAR = 2022


def indicator_of(agency) -> Indicator:
    return Indicator.objects.select_related("plan__agency").get(plan__agency=agency, code=INDICATOR)


def sub_activity_of(plan, code: str = "2.21.02.1.01.01") -> SubActivity:
    programme = Programme.objects.get(plan=plan, code="2.21.02")
    activity, _ = Activity.objects.get_or_create(
        programme=programme, code="2.21.02.1.01", defaults={"name": "Penyelenggaraan persandian"}
    )
    sub, _ = SubActivity.objects.get_or_create(
        activity=activity, code=code, defaults={"name": "Penetapan kebijakan tata kelola keamanan informasi"}
    )
    return sub


def quarter_targets(indicator: Indicator, year: int = YEAR, **values: str) -> None:
    """`q1="1"`, `q3="2"` …: the quarters' own targets; the year's target is their sum."""
    total = Decimal(0)
    for name, value in values.items():
        Target.objects.create(
            indicator=indicator, kind="quarter", year=year, quarter=int(name[1]), value=Decimal(value)
        )
        total += Decimal(value)
    Target.objects.create(indicator=indicator, kind="year", year=year, quarter=0, value=total)
