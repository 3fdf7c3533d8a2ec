"""Years and quarters: the one home of the calendar every figure rests on.

A year has four quarters (*triwulan*), numbered 1–4 and printed in roman numerals ("Triwulan I", "TW IV"); a
quarter ends on the last day of its third month. Pages choose a period from the query string: `?tahun=` (a year,
kept inside the allowed range) and `?triwulan=` (1–4); a value that is not one of these — `?tahun=abc`,
`?tahun=99999`, `?triwulan=9` — silently gives the page's default, never an error.

Pure but for the words: no database; `quarter_label`, THE written form of a quarter, asks gettext for the
word ("Triwulan", "TW"). The request and the plan are taken as anything with a `GET` mapping and with
`first_year`/`last_year`, so that a view passes its `HttpRequest` and `StrategicPlan` as they are.
"""

import datetime
from collections.abc import Iterable, Mapping
from typing import Protocol

from django.utils.translation import gettext

QUARTERS: tuple[int, ...] = (1, 2, 3, 4)
QUARTER_NAMES: dict[int, str] = {1: "I", 2: "II", 3: "III", 4: "IV"}
# The years any page accepts when no plan bounds them (the plan's own years are validated to the same range).
FIRST_YEAR, LAST_YEAR = 2000, 2100


class HasQuery(Protocol):
    @property
    def GET(self) -> Mapping[str, str]: ...


class HasYears(Protocol):
    @property
    def first_year(self) -> int: ...

    @property
    def last_year(self) -> int: ...


def roman(quarter: int) -> str:
    """The quarter's roman numeral: 1 → "I" … 4 → "IV"; KeyError for anything else."""
    return QUARTER_NAMES[quarter]


def quarter_label(quarter: object, *, short: bool = False) -> str:
    """THE form of a quarter wherever a person reads it: 1 → "Triwulan I" … 4 → "Triwulan IV"; `short` gives
    "TW I", for narrow table headers only. "—" for anything that is not a quarter 1–4 (never a crash)."""
    if isinstance(quarter, str) and quarter.strip().isdigit():
        quarter = int(quarter)
    if isinstance(quarter, bool) or not isinstance(quarter, int) or quarter not in QUARTER_NAMES:
        return "—"
    word = gettext("Q") if short else gettext("Quarter")
    return f"{word} {QUARTER_NAMES[quarter]}"


def quarter_end(year: int, quarter: int) -> datetime.date:
    """The last day of the quarter: 31 March, 30 June, 30 September, 31 December."""
    if quarter not in QUARTERS:
        raise ValueError(f"quarter {quarter!r} is not 1–4")
    if quarter == 4:
        return datetime.date(year, 12, 31)
    return datetime.date(year, 3 * quarter + 1, 1) - datetime.timedelta(days=1)


def quarter_of(day: datetime.date) -> int:
    """The quarter a day falls in (January–March → 1)."""
    return (day.month - 1) // 3 + 1


def parse_year(text: str | None, first: int = FIRST_YEAR, last: int = LAST_YEAR) -> int | None:
    """The year written in `text` when it is plain digits within first..last, else None."""
    text = (text or "").strip()
    if not (text.isascii() and text.isdigit()) or len(text) > 4:
        return None
    year = int(text)
    return year if first <= year <= last else None


def parse_quarter(text: str | None) -> int | None:
    """The quarter written in `text` ("1"–"4"), else None."""
    text = (text or "").strip()
    return int(text) if text in {"1", "2", "3", "4"} else None


def default_year(plan: HasYears, today: datetime.date | None = None, figure_years: Iterable[int] = ()) -> int:
    """The year a page opens on, always a year of the plan: this year when it lies inside the plan and has figures
    (or no year of the plan has any); else the latest year of the plan with figures, up to this year when there
    is one; else this year kept inside the plan. `figure_years`: the years with figures (performance.selectors.
    get_opening_year gives them; a year outside the plan is ignored)."""
    this = (today or datetime.date.today()).year
    years = sorted(year for year in figure_years if plan.first_year <= year <= plan.last_year)
    if plan.first_year <= this <= plan.last_year and (not years or this in years):
        return this
    if years:
        return ([year for year in years if year <= this] or years)[-1]
    return min(max(this, plan.first_year), plan.last_year)


def chosen_year(request: HasQuery, plan: HasYears, default: int | None = None) -> int:
    """`?tahun=` when it is a year of the plan, else `default` (the page's opening year) when it is one, else
    this year kept inside the plan: never a year outside the plan."""
    year = parse_year(request.GET.get("tahun"), plan.first_year, plan.last_year)
    if year is not None:
        return year
    if default is not None and plan.first_year <= default <= plan.last_year:
        return default
    return default_year(plan)


def chosen_any_year(request: HasQuery) -> int | None:
    """`?tahun=` when it is a year 2000–2100 (pages not bound to one plan), else None."""
    return parse_year(request.GET.get("tahun"))


def chosen_quarter(request: HasQuery, today: datetime.date | None = None) -> int:
    """`?triwulan=` when it is 1–4, else the quarter of today."""
    quarter = parse_quarter(request.GET.get("triwulan"))
    if quarter is not None:
        return quarter
    return quarter_of(today or datetime.date.today())
