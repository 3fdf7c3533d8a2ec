"""Family "halaman": every position has a page, every objective on a page an indicator, an indicator one
measuring position among peers, and each objective is written alike where it is repeated."""

from collections.abc import Iterable

from django.utils.translation import gettext

from kinerja.strategy.models import Objective

from .compare import SIMILAR, canonical, similarity
from .context import PlanData
from .findings import ERROR, WARNING, Finding, quoted
from .registry import check

FAMILY = "halaman"


@check(
    family=FAMILY,
    codes=(
        "halaman-kosong",
        "indikator-jabatan-setingkat",
        "sasaran-tanpa-indikator",
        "sasaran-ganda",
        "sasaran-beda-tipis",
        "sasaran-kepala-beda",
    ),
)
def check_pages(data: PlanData) -> Iterable[Finding]:
    """Every position has a page, every objective on a page an indicator; objectives are written alike."""
    for position in data.positions:
        if not data.rows_of_position.get(position.pk):
            yield Finding(
                FAMILY,
                "halaman-kosong",
                ERROR,
                gettext("Position %(position)s has no individual performance indicator: its IKI page is empty.")
                % {"position": position.title},
                [data.at_position(position)],
                gettext(
                    "Fill in this position's IKI page: performance objectives that support its superior's "
                    "objectives, with their indicators."
                ),
            )
    for indicator in data.indicators:
        positions = [data.position(row.position_id) for row in data.rows_of_indicator.get(indicator.pk, [])]
        peers = [
            p
            for p in positions
            if not any(
                p in data.ancestors(other) or other in data.ancestors(p) for other in positions if other is not p
            )
        ]
        if len(peers) > 1:
            yield Finding(
                FAMILY,
                "indikator-jabatan-setingkat",
                WARNING,
                (
                    gettext(
                        "Indicator %(code)s %(name)s is on the pages of %(count)s positions none of which is "
                        "above another (%(positions)s): one figure, several people responsible, and any of them "
                        "can enter its actuals."
                    )
                    % {
                        "code": indicator.code,
                        "name": quoted(indicator.name, 90),
                        "count": len(peers),
                        "positions": ", ".join(p.title for p in peers),
                    }
                ),
                [data.at_indicator(indicator)] + [data.at_position(p) for p in peers],
                gettext(
                    "Choose one position that measures this indicator, or split it into an indicator of each "
                    "position (e.g. by part of the work)."
                ),
            )
    for objective in data.objectives:
        if objective.level != Objective.Level.PERFORMANCE:
            continue
        position = data.position(objective.position_id)
        if not data.rows_of_objective.get(objective.pk):
            yield Finding(
                FAMILY,
                "sasaran-tanpa-indikator",
                ERROR,
                gettext("Performance objective %(code)s has no indicator: it cannot be measured.")
                % {"code": objective.code},
                [data.at_objective(objective)],
                gettext("Add an indicator for this objective, or delete the objective."),
            )
        lines = [line for line in objective.text.splitlines() if line.strip()]
        if len(lines) > 1:
            yield Finding(
                FAMILY,
                "sasaran-ganda",
                WARNING,
                (
                    gettext(
                        "Performance objective %(code)s holds %(count)s objectives in one cell: %(lines)s. Its "
                        "indicators measure only one objective."
                    )
                    % {
                        "code": objective.code,
                        "count": len(lines),
                        "lines": "; ".join(quoted(line, 80) for line in lines),
                    }
                ),
                [data.at_objective(objective)],
                gettext("Split it into separate objectives, each with its indicators."),
            )
        above = data.objective(objective.contributes_to_id)
        if above is None or canonical(above.text) == canonical(objective.text):
            continue
        ratio = similarity(objective.text, above.text)
        if ratio >= SIMILAR:
            yield Finding(
                FAMILY,
                "sasaran-beda-tipis",
                WARNING,
                (
                    gettext(
                        "Performance objective %(code)s %(text)s is almost the same as objective %(above)s "
                        "%(above_text)s that it supports (probably a typo)."
                    )
                    % {
                        "code": objective.code,
                        "text": quoted(objective.text),
                        "above": above.code,
                        "above_text": quoted(above.text),
                    }
                ),
                [data.at_objective(objective), data.at_objective(above)],
                gettext("Write both objectives alike if they mean the same."),
            )
        elif above.level == Objective.Level.STRATEGIC and position is not None and position.superior_id is None:
            yield Finding(
                FAMILY,
                "sasaran-kepala-beda",
                WARNING,
                (
                    gettext(
                        "The page of the head of the agency writes objective %(code)s %(text)s, different from "
                        "strategic objective %(above)s %(above_text)s that it supports."
                    )
                    % {
                        "code": objective.code,
                        "text": quoted(objective.text),
                        "above": above.code,
                        "above_text": quoted(above.text),
                    }
                ),
                [data.at_objective(objective), data.at_objective(above)],
                gettext(
                    "The objectives on the page of the head of the agency are the Renstra's strategic "
                    "objectives: write them exactly alike."
                ),
            )
