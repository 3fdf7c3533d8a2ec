"""Achievement (capaian) arithmetic, as ../shared/REGULATIONS.md §1–§3 states it. Pure: no database.

Every number is a Decimal; where a figure cannot be computed (no actual, no target, a target of 0, a
denominator of 0) the answer is None, which the interface shows as "—" — never 0, never an exception.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

HUNDRED = Decimal(100)

HIGHER, LOWER, RANGE = "higher", "lower", "range"
SUM, LAST, AVERAGE = "sum", "last", "average"

# The official names of §2, as the printed documents write them (the interface translates them:
# performance/templatetags/measurement.py CATEGORY_NAMES); they are also the keys of the CSS classes and the API.
SANGAT_TINGGI, TINGGI, SEDANG, RENDAH, SANGAT_RENDAH = (
    "Sangat Tinggi",
    "Tinggi",
    "Sedang",
    "Rendah",
    "Sangat Rendah",
)
# (lower bound inclusive, category), highest first — Permendagri 86/2017 with the gaps closed (§2).
CATEGORY_BOUNDS: tuple[tuple[Decimal, str], ...] = (
    (Decimal(91), SANGAT_TINGGI),
    (Decimal(76), TINGGI),
    (Decimal(66), SEDANG),
    (Decimal(51), RENDAH),
)


def _higher(target: Decimal, actual: Decimal) -> Decimal:
    return actual * HUNDRED / target


def _lower(target: Decimal, actual: Decimal) -> Decimal:
    return (2 * target - actual) * HUNDRED / target


def achievement(
    target: Decimal | None, actual: Decimal | None, polarity: str, *, target_upper: Decimal | None = None
) -> Decimal | None:
    """How far `actual` reaches `target`, in percent.

    - higher is better: actual / target × 100;
    - lower is better: (2 × target − actual) / target × 100;
    - range (`target` is the lower bound, `target_upper` the upper): 100 inside the range; above it,
      lower-is-better against the upper bound; below it, higher-is-better against the lower bound.
    None when there is no actual, no target or a bound of 0.
    """
    if actual is None or target is None:
        return None
    if polarity == HIGHER:
        return None if target == 0 else _higher(target, actual)
    if polarity == LOWER:
        return None if target == 0 else _lower(target, actual)
    if polarity == RANGE:
        upper = target if target_upper is None else target_upper
        low, high = min(target, upper), max(target, upper)
        if low <= actual <= high:
            return HUNDRED
        if actual > high:
            return None if high == 0 else _lower(high, actual)
        return None if low == 0 else _higher(low, actual)
    raise ValueError(f"Polaritas tidak dikenal: {polarity!r}")


def category(value: Decimal | None) -> str | None:
    """The achievement category of §2 ("Sangat Tinggi" … "Sangat Rendah"); None for no achievement."""
    if value is None:
        return None
    for bound, name in CATEGORY_BOUNDS:
        if value >= bound:
            return name
    return SANGAT_RENDAH


def ratio_value(numerator: Decimal | None, denominator: Decimal | None, factor: Decimal = HUNDRED) -> Decimal | None:
    """numerator / denominator × factor; None when either is missing or the denominator is 0."""
    if numerator is None or denominator is None or denominator == 0:
        return None
    return numerator * factor / denominator


def _first(values: Sequence[Decimal | None], up_to: int) -> list[Decimal | None]:
    if not 1 <= up_to <= len(values):
        raise ValueError(f"Triwulan {up_to} di luar 1–{len(values)}.")
    return list(values[:up_to])


def combine_quarters(values: Sequence[Decimal | None], rule: str, *, up_to: int = 4) -> Decimal | None:
    """The actual of quarters 1..`up_to` (s.d. triwulan N; 4 gives the year) by the indicator's rule.

    `sum`: the sum of the entered quarters; `last`: the latest entered quarter; `average`: the mean of the
    entered quarters. None when no quarter up to `up_to` has been entered.
    """
    entered = [value for value in _first(values, up_to) if value is not None]
    if not entered:
        return None
    if rule == SUM:
        return sum(entered, Decimal(0))
    if rule == LAST:
        return entered[-1]
    if rule == AVERAGE:
        return sum(entered, Decimal(0)) / len(entered)
    raise ValueError(f"Aturan triwulan tidak dikenal: {rule!r}")


def combine_ratio_quarters(
    numerators: Sequence[Decimal | None],
    denominators: Sequence[Decimal | None],
    rule: str,
    factor: Decimal = HUNDRED,
    *,
    up_to: int = 4,
) -> Decimal | None:
    """A ratio over quarters 1..`up_to` from its numerators and denominators, never by averaging percentages.

    `last` takes the latest quarter with both terms; `sum` and `average` divide the summed numerators by the
    summed denominators of the quarters that have both terms (the mean of each gives the same quotient).
    """
    if len(numerators) != len(denominators):
        raise ValueError("Jumlah pembilang dan penyebut per triwulan tidak sama.")
    pairs = [
        (numerator, denominator)
        for numerator, denominator in zip(_first(numerators, up_to), _first(denominators, up_to), strict=True)
        if numerator is not None and denominator is not None
    ]
    if not pairs:
        return None
    if rule == LAST:
        return ratio_value(*pairs[-1], factor)
    if rule in (SUM, AVERAGE):
        return ratio_value(sum((n for n, _ in pairs), Decimal(0)), sum((d for _, d in pairs), Decimal(0)), factor)
    raise ValueError(f"Aturan triwulan tidak dikenal: {rule!r}")


# A roll-up based on fewer than this share of its indicators says so instead of showing a category colour.
LOW_COVERAGE_SHARE = Decimal("0.5")


@dataclass(frozen=True)
class Rollup:
    """The mean achievement of a group of indicators (objective, page, unit, agency).

    `counted` indicators have an achievement, `missing` do not (no actual, no target); `verified` of the counted
    ones rest on verified actuals only; `cap` is the limit each achievement was cut to before averaging (None:
    none)."""

    mean: Decimal | None
    counted: int
    missing: int
    verified: int = 0
    cap: Decimal | None = None

    @property
    def category(self) -> str | None:
        return category(self.mean)

    @property
    def total(self) -> int:
        return self.counted + self.missing

    @property
    def unverified(self) -> int:
        return self.counted - self.verified

    @property
    def low_coverage(self) -> bool:
        """Fewer than LOW_COVERAGE_SHARE of the indicators have an achievement (none at all included)."""
        return self.total > 0 and self.counted < LOW_COVERAGE_SHARE * self.total


def rollup_figures(figures: Iterable[tuple[Decimal | None, bool]], *, cap: Decimal | None = None) -> Rollup:
    """The roll-up of (achievement, verified) pairs: the mean of the achievements that exist, each cut to `cap`
    first when a cap is set; `missing` counts those that do not exist (they are left out of the mean, never
    counted as 0); `verified` counts the existing ones whose actuals are all verified."""
    values, missing, verified = [], 0, 0
    for value, is_verified in figures:
        if value is None:
            missing += 1
            continue
        values.append(min(value, cap) if cap is not None else value)
        verified += bool(is_verified)
    mean = sum(values, Decimal(0)) / len(values) if values else None
    return Rollup(mean, len(values), missing, verified, cap)


def rollup(achievements: Iterable[Decimal | None], *, cap: Decimal | None = None) -> Rollup:
    """The mean of the achievements that exist; `missing` counts those that do not (no actual yet).

    `cap` (a setting, default none) limits each indicator's achievement before averaging. An indicator
    printed on several pages is passed once per page by the caller, so it counts once per page.
    """
    return rollup_figures(((value, False) for value in achievements), cap=cap)


def plan_progress(actual_to_date: Decimal | None, end_target: Decimal | None) -> Decimal | None:
    """Progress against the strategic plan: actual up to this year ÷ end-of-plan target × 100 (§1)."""
    if actual_to_date is None or end_target is None or end_target == 0:
        return None
    return actual_to_date * HUNDRED / end_target


def _flatten(years: Sequence[Sequence[Decimal | None]]) -> list[Decimal | None]:
    return [value for year in years for value in year]


def combine_years(years: Sequence[Sequence[Decimal | None]], rule: str) -> Decimal | None:
    """The actual over several years of the plan (Realisasi Renstra s.d. …), from each year's quarters in order.

    One rule for years and quarters alike (§3 carried over to the plan): the quarters of all the years are
    taken in order by the indicator's quarter rule — `sum` adds every year's flow (documents produced over
    the plan), `last` is the latest entered quarter (a stock or a level reached), `average` the mean of every
    entered quarter. The last year may be cut at the chosen quarter by the caller. None when nothing was
    entered (and for no years at all).
    """
    values = _flatten(years)
    return combine_quarters(values, rule, up_to=len(values)) if values else None


def combine_ratio_years(
    numerators: Sequence[Sequence[Decimal | None]],
    denominators: Sequence[Sequence[Decimal | None]],
    rule: str,
    factor: Decimal = HUNDRED,
) -> Decimal | None:
    """A ratio over several years of the plan from its numerators and denominators, never from percentages:
    the quarters of all the years in order, by `combine_ratio_quarters`."""
    top, bottom = _flatten(numerators), _flatten(denominators)
    if not top:
        return None
    return combine_ratio_quarters(top, bottom, rule, factor, up_to=len(top))


def change(previous: Decimal | None, current: Decimal | None) -> Decimal | None:
    """This year's actual minus last year's (Perbandingan antartahun); None when either is missing."""
    if previous is None or current is None:
        return None
    return current - previous
