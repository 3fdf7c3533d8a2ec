"""Family "keterkaitan" (cascading): every objective on a page contributes to one of its superior's, without a
cycle; every strategic objective is carried down; every indicator is used somewhere."""

from collections.abc import Iterable

from kinerja.strategy.models import Objective

from .context import PlanData
from .findings import ERROR, WARNING, Finding
from .registry import check

FAMILY = "keterkaitan"


@check(
    family=FAMILY,
    codes=(
        "sasaran-tanpa-induk",
        "kontribusi-melompat",
        "kontribusi-bukan-atasan",
        "kontribusi-melingkar",
        "sasaran-strategis-tanpa-turunan",
        "indikator-tanpa-tempat",
    ),
)
def check_cascade(data: PlanData) -> Iterable[Finding]:
    """Every objective on a page contributes to one above it; every indicator is printed somewhere."""
    for objective in data.objectives:
        if objective.level != Objective.Level.PERFORMANCE:
            continue
        position = data.position(objective.position_id)
        rows = data.rows_of_objective.get(objective.pk, [])
        above = data.objective(objective.contributes_to_id)
        places = [data.at_objective(objective)] + [data.at_indicator(data.indicator(r.indicator_id)) for r in rows]
        if above is None:
            yield Finding(
                FAMILY,
                "sasaran-tanpa-induk",
                ERROR,
                f"Sasaran kinerja {objective.code} di halaman {position.title if position else '—'} tidak "
                f"berkontribusi pada sasaran mana pun di atasnya; indikatornya tidak masuk pohon kinerja.",
                places,
                "Isi “berkontribusi pada” dengan sasaran atasan langsung (atau sasaran strategis untuk kepala "
                "perangkat daerah) yang didukung sasaran ini.",
            )
            continue
        if position is None:
            continue
        if above.level == Objective.Level.STRATEGIC:
            if position.superior_id is not None:
                yield Finding(
                    FAMILY,
                    "kontribusi-melompat",
                    WARNING,
                    f"Sasaran kinerja {objective.code} ({position.title}) langsung berkontribusi pada sasaran "
                    f"strategis {above.code}, melompati sasaran atasannya.",
                    [*places, data.at_objective(above)],
                    "Hubungkan sasaran ini dengan sasaran atasan langsungnya; hanya sasaran kepala perangkat daerah "
                    "yang berkontribusi langsung pada sasaran strategis.",
                )
            continue
        above_position = data.position(above.position_id)
        if above_position is None or above_position not in data.ancestors(position):
            where = above_position.title if above_position else "—"
            yield Finding(
                FAMILY,
                "kontribusi-bukan-atasan",
                WARNING,
                f"Sasaran kinerja {objective.code} ({position.title}) berkontribusi pada sasaran {above.code} milik "
                f"{where}, yang bukan atasannya.",
                [*places, data.at_objective(above)],
                "Hubungkan sasaran ini dengan sasaran jabatan atasannya dalam pohon jabatan.",
            )
    yield from _cycles(data)
    carried = {objective.contributes_to_id for objective in data.objectives if objective.contributes_to_id}
    for objective in data.objectives:
        if objective.level == Objective.Level.STRATEGIC and objective.pk not in carried:
            yield Finding(
                FAMILY,
                "sasaran-strategis-tanpa-turunan",
                ERROR,
                f"Tidak ada sasaran di halaman IKI mana pun yang berkontribusi pada sasaran strategis "
                f"{objective.code}: sasaran ini tidak diturunkan (cascading) dan tidak ada dalam perjanjian kinerja "
                f"kepala perangkat daerah.",
                [data.at_objective(objective)],
                "Cantumkan sasaran ini di halaman IKI kepala perangkat daerah (berkontribusi pada sasaran strategis "
                "ini), lalu turunkan ke jabatan di bawahnya.",
            )
    for indicator in data.indicators:
        if (
            indicator.objective_id is None
            and not data.rows_of_indicator.get(indicator.pk)
            and not data.key_rows_of_indicator.get(indicator.pk)
        ):
            yield Finding(
                FAMILY,
                "indikator-tanpa-tempat",
                WARNING,
                f"Indikator {indicator.code} tidak mengukur sasaran strategis, tidak dicetak di halaman IKI mana pun "
                f"dan tidak ada di Lampiran I: tidak berkontribusi pada apa pun.",
                [data.at_indicator(indicator)],
                "Cantumkan indikator ini di halaman IKI jabatan yang mengukurnya, atau hapus bila tidak dipakai.",
            )


def _cycles(data: PlanData) -> Iterable[Finding]:
    reported: set[int] = set()
    for start in data.objectives:
        path: list[Objective] = []
        seen: set[int] = set()
        current: Objective | None = start
        while current is not None and current.pk not in seen:
            seen.add(current.pk)
            path.append(current)
            current = data.objective(current.contributes_to_id)
        if current is None or current.pk in reported:
            continue
        cycle = path[path.index(current) :]
        reported.update(objective.pk for objective in cycle)
        yield Finding(
            FAMILY,
            "kontribusi-melingkar",
            ERROR,
            "Sasaran berikut saling berkontribusi secara melingkar: "
            + " → ".join(objective.code for objective in [*cycle, current])
            + ".",
            [data.at_objective(objective) for objective in cycle],
            "Putuskan lingkaran: setiap sasaran berkontribusi pada sasaran jabatan di atasnya saja.",
        )
