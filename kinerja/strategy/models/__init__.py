from .budget import Budget
from .decree import Decree, DecreeChapter, DecreeClause
from .plan import Goal, Indicator, KeyIndicatorRow, Objective, PageIndicator, StrategicPlan
from .programmes import Activity, Programme, SubActivity

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
