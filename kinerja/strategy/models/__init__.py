from .budget import Budget
from .decree import Decree, DecreeChapter, DecreeClause
from .plan import (
    Activity,
    Goal,
    Indicator,
    KeyIndicatorRow,
    Objective,
    PageIndicator,
    Programme,
    StrategicPlan,
    SubActivity,
)

__all__ = [
    "Activity",
    "Budget",
    "Decree",
    "DecreeChapter",
    "DecreeClause",
    "Goal",
    "Indicator",
    "KeyIndicatorRow",
    "Objective",
    "PageIndicator",
    "Programme",
    "StrategicPlan",
    "SubActivity",
]
