"""Family "target-triwulan": the quarters of the action plan make the year's target, by the target pages' own
rule."""

from collections import defaultdict
from collections.abc import Iterable

from django.utils.translation import gettext, pgettext

from kinerja.core.periods import QUARTERS
from kinerja.performance import services
from kinerja.performance.models import Target

from .context import PlanData
from .findings import ERROR, Finding, Place
from .registry import check

FAMILY = "target-triwulan"


@check(family=FAMILY, codes=("target-triwulan-tidak-cocok",))
def check_quarter_targets(data: PlanData) -> Iterable[Finding]:
    """The quarters of the action plan make the year's target: the rule of the target pages
    (`services.quarter_target_warnings`), not a copy of it."""
    yearly: dict[tuple[int, int], Target] = {}
    quarterly: dict[tuple[int, int], dict[int, Target]] = defaultdict(dict)
    for target in data.targets:
        key = (target.year, target.indicator_id)
        if target.kind == Target.Kind.YEAR:
            yearly[key] = target
        else:
            quarterly[key][target.quarter] = target
    for key in sorted(quarterly):
        year, indicator_id = key
        indicator = data.indicator_by_id.get(indicator_id)
        if indicator is None:
            continue
        year_target = yearly[key].value if key in yearly else None
        quarters = {
            quarter: (quarterly[key][quarter].value if quarter in quarterly[key] else None) for quarter in QUARTERS
        }
        for message in services.quarter_target_warnings(indicator, year_target, quarters):
            rows = data.rows_of_indicator.get(indicator.pk, [])
            places = [data.at_indicator(indicator)] + [
                Place(
                    pgettext("consistency place", "Quarterly targets %(year)s") % {"year": year},
                    position.title,
                    data.url("position-targets", position.code) + f"?tahun={year}",
                    for_planner=True,
                )
                for position in (data.position(row.position_id) for row in rows)
            ]
            yield Finding(
                FAMILY,
                "target-triwulan-tidak-cocok",
                ERROR,
                gettext("Year %(year)s, indicator %(code)s: %(message)s")
                % {"year": year, "code": indicator.code, "message": message},
                places,
                gettext(
                    "Make the quarterly targets (action plan) agree with the year's target of the "
                    "performance agreement, or the other way round."
                ),
            )
