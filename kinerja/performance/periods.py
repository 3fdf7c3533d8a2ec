"""Which year and quarter a page shows: from the query string, checked against the plan."""

import datetime

from django.http import HttpRequest

from kinerja.strategy.models import StrategicPlan

QUARTER_NAMES = {1: "I", 2: "II", 3: "III", 4: "IV"}


def default_year(plan: StrategicPlan, today: datetime.date | None = None) -> int:
    today = today or datetime.date.today()
    return min(max(today.year, plan.first_year), plan.last_year)


def chosen_year(request: HttpRequest, plan: StrategicPlan, default: int | None = None) -> int:
    """`?tahun=` when it is a year of the plan, else the default (this year, kept inside the plan)."""
    text = request.GET.get("tahun", "")
    if text.isdigit() and plan.first_year <= int(text) <= plan.last_year:
        return int(text)
    return default or default_year(plan)


def chosen_quarter(request: HttpRequest, today: datetime.date | None = None) -> int:
    text = request.GET.get("triwulan", "")
    if text in {"1", "2", "3", "4"}:
        return int(text)
    today = today or datetime.date.today()
    return (today.month - 1) // 3 + 1
