"""The home page after login: each person's own work of the quarter, then the agencies they read.

It lives in `performance` (not `organisation`, where the agency list began) because it shows actuals: the layers
let performance read organisation, not the other way round."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from kinerja.accounts.access import may_evaluate, may_plan, reach_of, readable_agencies
from kinerja.core.periods import QUARTER_NAMES

from .workflow_views import waiting_for
from .worklist import entry_prefix, get_position_quarters

WAITING_SHOWN = 20


def home(request: HttpRequest) -> HttpResponse:
    reach = reach_of(request.user)
    agencies = list(readable_agencies(request.user))
    mine = get_position_quarters(reach.held) if reach.held else []
    waiting = []
    if reach.superior or reach.headed:
        waiting = list(
            waiting_for(request.user)
            .select_related("indicator__plan__agency")
            .order_by("-year", "-quarter", "indicator__order")[: WAITING_SHOWN + 1]
        )
    return render(
        request,
        "organisation/home.html",
        {
            "agencies": agencies,
            "mine": mine,
            "returned": [
                {"state": state, "row": row, "actual": actual, "anchor": entry_prefix(row.indicator.code)}
                for state in mine
                for row, actual in state.returned
            ],
            "waiting": waiting[:WAITING_SHOWN],
            "more_waiting": len(waiting) > WAITING_SHOWN,
            "user_is_superior": bool(reach.superior or reach.headed),
            "planned": [agency for agency in agencies if may_plan(request.user, agency) and not reach.admin],
            "inspected": [agency for agency in agencies if may_evaluate(request.user, agency)],
            "quarters": QUARTER_NAMES,
        },
    )
