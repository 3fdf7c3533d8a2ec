"""Family "sumber-data": every indicator has a data source, and it is more than the unit's word."""

from collections import defaultdict
from collections.abc import Iterable

from django.utils.translation import gettext, pgettext

from kinerja.strategy.models import Indicator

from .compare import normalise
from .context import PlanData
from .findings import ERROR, WARNING, Finding, quoted
from .registry import check

FAMILY = "sumber-data"


@check(family=FAMILY, codes=("tanpa-sumber-data", "sumber-data-hanya-satuan"))
def check_data_source(data: PlanData) -> Iterable[Finding]:
    """Every indicator has a data source, and it is more than the unit's word."""
    only_unit: dict[int | None, list[Indicator]] = defaultdict(list)
    for indicator in data.indicators:
        if not indicator.data_source.strip():
            yield Finding(
                FAMILY,
                "tanpa-sumber-data",
                ERROR,
                gettext("Indicator %(code)s %(name)s has no data source: its actuals cannot be verified.")
                % {"code": indicator.code, "name": quoted(indicator.name)},
                data.places_of(indicator),
                gettext("Fill in its data source (the document, system or unit that produces the figure)."),
            )
        elif normalise(indicator.data_source) == normalise(indicator.unit):
            rows = data.rows_of_indicator.get(indicator.pk, [])
            only_unit[rows[0].position_id if rows else None].append(indicator)
    for position_id, indicators in only_unit.items():
        position = data.position(position_id)
        where = (
            pgettext("consistency place", "the IKI page of %(position)s") % {"position": position.title}
            if position
            else pgettext("consistency place", "indicators without a page")
        )
        yield Finding(
            FAMILY,
            "sumber-data-hanya-satuan",
            WARNING,
            (
                gettext(
                    "On %(where)s, %(count)s indicator(s) write their unit as the data source (%(sources)s): "
                    "where the figure comes from is unclear."
                )
                % {
                    "where": where,
                    "count": len(indicators),
                    "sources": ", ".join(sorted({i.data_source for i in indicators})),
                }
            ),
            ([data.at_position(position)] if position else []) + [data.at_indicator(i) for i in indicators],
            gettext("Write the real data source (e.g. “Dokumen RKA-SKPD dari Sub Bagian Perencanaan”)."),
        )
