"""The home page after login: each person's own work of the quarter, then the agencies they read; and the two ways
in that the menu offers everyone who has them: "Realisasi" (one's own entry pages) and "Verifikasi".

It lives in `performance` (not `organisation`, where the agency list began) because it shows actuals: the layers
let performance read organisation, not the other way round."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.functional import SimpleLazyObject

from kinerja.accounts.access import may_evaluate, may_plan, reach_of, readable_agencies
from kinerja.core.periods import QUARTER_NAMES

from .workflow_views import waiting_for
from .worklist import entry_prefix, get_open_deadlines, get_position_quarters

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
    worked_in = reach.agencies | reach.planned
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
            "deadlines": get_open_deadlines(worked_in) if worked_in else [],
            "quarters": QUARTER_NAMES,
        },
    )


def my_entry(request: HttpRequest) -> HttpResponse:
    """The menu's "Realisasi": the entry page of the quarter of today for one who holds one position; the list of
    their positions (the home page's "My actuals") for one who holds several; the home page for anyone else."""
    held = reach_of(request.user).held
    mine = get_position_quarters(held) if held else []
    if len(mine) == 1:
        state = mine[0]
        url = reverse("entry-page", args=[state.position.agency.code, state.position.code])
        return redirect(f"{url}?tahun={state.year}&triwulan={state.quarter}")
    return redirect(reverse("home") + ("#my-actuals" if mine else ""))


def personal_menu(request: HttpRequest) -> dict[str, SimpleLazyObject]:
    """For the menu: whether the user holds a position (then "Realisasi" is theirs, and "Verifikasi", where what
    was returned to them is listed), supervises one (then "Verifikasi" is theirs even on a page of no agency), or
    plans or administers (then an agency's "Verifikasi" is). Read from the user's reach, which the page has
    usually read already (no query then); nothing for a visitor."""
    user = request.user
    if not getattr(user, "is_authenticated", False):
        return {}
    reach = SimpleLazyObject(lambda: reach_of(user))
    return {
        "menu_enters": SimpleLazyObject(lambda: bool(reach.held)),
        "menu_verifies": SimpleLazyObject(lambda: bool(reach.superior or reach.headed)),
        "menu_verification": SimpleLazyObject(lambda: bool(reach.held or reach.planned or reach.admin)),
    }
