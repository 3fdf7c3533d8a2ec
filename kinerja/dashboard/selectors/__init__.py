"""Reads of the dashboard, the performance tree, the regency view and the public page.

Every figure comes from kinerja.performance (selectors: Measurement / PlanMeasurement; achievement: the
rules, categories, roll-ups): nothing here computes an achievement a second way. Each read costs a fixed
number of queries, and every roll-up is made in one pass over the rows already read.

The package, by subject (this module only names the reads, so that every caller asks `selectors.<read>`):

- `plan` — what every view of a plan reads (`PlanData`) and its figures for a period;
- `agency` — the agency dashboard;
- `tree` — the performance tree and how its nodes link to their pages;
- `region` — the regency view and the SAKIP scores it shows (from the roll-ups);
- `province` — the province view: every regency of a province (from the roll-ups);
- `national` — the national view: every province (from the region roll-ups).
"""

from .agency import STATES, Completeness, Dashboard, Group, IkuRow, RiskyRow, get_dashboard
from .national import NationalView, ProvinceLine, get_national_view, national_years, regions_by_province
from .plan import PlanData, get_plan_data, plan_figures
from .province import ProvinceView, RegionLine, get_province_view, province_slug, province_years, regions_of_province
from .region import AgencyLine, RegionView, SharedIndicator, get_region_view, normalised, sakip_scores
from .tree import TWO_PLACES, TreeUrls, category_slug, count_nodes, figure_text, get_tree

__all__ = [
    "STATES",
    "TWO_PLACES",
    "AgencyLine",
    "Completeness",
    "Dashboard",
    "Group",
    "IkuRow",
    "NationalView",
    "PlanData",
    "ProvinceLine",
    "ProvinceView",
    "RegionLine",
    "RegionView",
    "RiskyRow",
    "SharedIndicator",
    "TreeUrls",
    "category_slug",
    "count_nodes",
    "figure_text",
    "get_dashboard",
    "get_national_view",
    "get_plan_data",
    "get_province_view",
    "get_region_view",
    "get_tree",
    "national_years",
    "normalised",
    "plan_figures",
    "province_slug",
    "province_years",
    "regions_by_province",
    "regions_of_province",
    "sakip_scores",
]
