"""Family "sumber-data": every indicator has a data source, and it is more than the unit's word."""

from collections import defaultdict
from collections.abc import Iterable

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
                f"Indikator {indicator.code} {quoted(indicator.name)} tidak mempunyai sumber data: realisasinya "
                f"tidak dapat diverifikasi.",
                data.places_of(indicator),
                "Isi sumber datanya (dokumen, sistem atau unit yang menghasilkan angka).",
            )
        elif normalise(indicator.data_source) == normalise(indicator.unit):
            rows = data.rows_of_indicator.get(indicator.pk, [])
            only_unit[rows[0].position_id if rows else None].append(indicator)
    for position_id, indicators in only_unit.items():
        position = data.position(position_id)
        where = f"halaman IKI {position.title}" if position else "indikator tanpa halaman"
        yield Finding(
            FAMILY,
            "sumber-data-hanya-satuan",
            WARNING,
            f"Di {where}, {len(indicators)} indikator menulis satuannya sebagai sumber data "
            f"({', '.join(sorted({i.data_source for i in indicators}))}): tidak jelas dari mana angkanya.",
            ([data.at_position(position)] if position else []) + [data.at_indicator(i) for i in indicators],
            "Tulis sumber data yang sebenarnya (mis. “Dokumen RKA-SKPD dari Sub Bagian Perencanaan”).",
        )
