"""The targets and actuals of a dataset, loaded in bulk through the rules of kinerja.performance.services.

Every row is checked by the services' own validation helpers (`checked_target`, `checked_actual`,
`ensure_period_open`, `ensure_editable`) — never a second copy of a rule — and the rows are then written a few
hundred at a time, with one audit record each (as the services record them). A few queries per load, not per row:
the existing figures of the plan are read once, each closed-period question is asked once per period.
"""

from kinerja.strategy.models import StrategicPlan

from .actuals import ActualRows
from .figure_rows import LoadState
from .targets import TargetRows


class _Figures(TargetRows, ActualRows):
    """One load of a dataset's figures: the targets, then the actuals (one cache of the closed periods)."""


def load_figures(loader: LoadState, plan: StrategicPlan) -> None:
    """The dataset's `targets` and `actuals` (both optional) for the indicators the loader has just loaded."""
    targets, actuals = loader.data.get("targets", []), loader.data.get("actuals", [])
    if not targets and not actuals:
        return
    figures = _Figures(loader, plan)
    figures.targets(targets)
    figures.actuals(actuals)
