"""Family "keterkaitan" (cascading): every objective on a page contributes to one of its superior's, without a
cycle; every strategic objective is carried down; every indicator is used somewhere."""

from collections.abc import Iterable

from django.utils.translation import gettext

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
                (
                    gettext(
                        "Performance objective %(code)s on the page of %(position)s contributes to no objective "
                        "above it; its indicators are not in the performance tree."
                    )
                    % {"code": objective.code, "position": position.title if position else "—"}
                ),
                places,
                gettext(
                    "Fill in “contributes to” with the objective of the direct superior (or a strategic "
                    "objective for the head of the agency) that this objective supports."
                ),
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
                    (
                        gettext(
                            "Performance objective %(code)s (%(position)s) contributes directly to strategic "
                            "objective %(above)s, skipping its superior's objective."
                        )
                        % {"code": objective.code, "position": position.title, "above": above.code}
                    ),
                    [*places, data.at_objective(above)],
                    gettext(
                        "Link this objective to the objective of its direct superior; only the objectives of the "
                        "head of the agency contribute directly to a strategic objective."
                    ),
                )
            continue
        above_position = data.position(above.position_id)
        if above_position is None or above_position not in data.ancestors(position):
            where = above_position.title if above_position else "—"
            yield Finding(
                FAMILY,
                "kontribusi-bukan-atasan",
                WARNING,
                (
                    gettext(
                        "Performance objective %(code)s (%(position)s) contributes to objective %(above)s of "
                        "%(where)s, who is not its superior."
                    )
                    % {"code": objective.code, "position": position.title, "above": above.code, "where": where}
                ),
                [*places, data.at_objective(above)],
                gettext("Link this objective to the objective of its superior's position in the tree of positions."),
            )
    yield from _cycles(data)
    carried = {objective.contributes_to_id for objective in data.objectives if objective.contributes_to_id}
    for objective in data.objectives:
        if objective.level == Objective.Level.STRATEGIC and objective.pk not in carried:
            yield Finding(
                FAMILY,
                "sasaran-strategis-tanpa-turunan",
                ERROR,
                (
                    gettext(
                        "No objective on any IKI page contributes to strategic objective %(code)s: this "
                        "objective is not cascaded and is not in the performance agreement of the head of the "
                        "agency."
                    )
                    % {"code": objective.code}
                ),
                [data.at_objective(objective)],
                gettext(
                    "Put this objective on the IKI page of the head of the agency (contributing to this "
                    "strategic objective), then cascade it to the positions below."
                ),
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
                (
                    gettext(
                        "Indicator %(code)s measures no strategic objective, is printed on no IKI page and is "
                        "not in Appendix I: it contributes to nothing."
                    )
                    % {"code": indicator.code}
                ),
                [data.at_indicator(indicator)],
                gettext(
                    "Put this indicator on the IKI page of the position that measures it, or delete it if it "
                    "is not used."
                ),
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
            gettext("The following objectives contribute to each other in a circle: %(cycle)s.")
            % {"cycle": " → ".join(o.code for o in [*cycle, current])},
            [data.at_objective(objective) for objective in cycle],
            gettext("Break the circle: every objective contributes only to an objective of the position above it."),
        )
