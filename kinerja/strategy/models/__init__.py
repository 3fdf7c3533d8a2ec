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
