"""The home page after login: each person's own work of the quarter, then the agencies they read; and the two ways
in that the menu offers everyone who has them: "Realisasi" (one's own entry pages) and "Verifikasi".

It lives in `performance` (not `organisation`, where the agency list began) because it shows actuals: the layers
let performance read organisation, not the other way round."""

from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.functional import SimpleLazyObject

from kinerja.accounts.access import may_evaluate, may_plan, may_read_country, reach_of, readable_agencies
from kinerja.core.periods import QUARTER_NAMES
from kinerja.organisation.models import Region

from . import period_status
from .period_views import STATE_NAMES
from .workflow_views import waiting_for
from .worklist import AgencyQuarter, entry_prefix, get_agency_quarters, get_open_deadlines, get_position_quarters

WAITING_SHOWN = 20
AGENCIES_LISTED = 100  # more than a regency's agencies (≈ 40): beyond, the home page lists regions


def home(request: HttpRequest) -> HttpResponse:
    reach = reach_of(request.user)
    readable = readable_agencies(request.user)
    # a reader of the whole country (the administrator, the ministry) beyond a regency's size gets the regions, each
    # a link down to its regency view, instead of every agency of the country on one page
    regions = []
    if (reach.admin or reach.national) and readable.count() > AGENCIES_LISTED:
        regions = list(Region.objects.annotate(agency_count=Count("agencies")).order_by("province", "name"))
    agencies = [] if regions else list(readable)
    mine = get_position_quarters(reach.held) if reach.held else []
    waiting = []
    if reach.superior or reach.headed:
        waiting = list(
            waiting_for(request.user)
            .select_related("indicator__plan__agency")
            .order_by("-year", "-quarter", "indicator__order")[: WAITING_SHOWN + 1]
        )
    worked_in = reach.agencies | reach.planned
    overseen = [agency for agency in agencies if agency.pk in reach.headed or agency.pk in reach.planned]
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
            "agency_status": [_with_links(request, item) for item in get_agency_quarters(overseen)],
            "states": STATE_NAMES,
            "reads_country": may_read_country(request.user),
            "regions": regions,
        },
    )


def _with_links(request: HttpRequest, item: AgencyQuarter) -> dict:
    """An agency's counts of the quarter, each with where this person may read its rows: the Periode lists for
    its planner; for its head (who may not open those) the verification page for what waits or is verified, the
    agency's figures of the quarter for the rest."""
    code, year, quarter = item.agency.code, item.year, item.status.quarter
    if may_plan(request.user, item.agency):
        links = {state: reverse("period-rows", args=[code, year, quarter, state]) for state in period_status.STATES}
    else:
        verification = reverse("verification", args=[code])
        figures = f"{reverse('agency-overview', args=[code])}?tahun={year}&triwulan={quarter}"
        links = dict.fromkeys(period_status.STATES, figures)
        links[period_status.SUBMITTED] = verification + "#waiting"
        links[period_status.VERIFIED] = verification + "#verified"
    counts = [
        {"state": state, "name": STATE_NAMES[state], "count": item.status.counts[state], "url": links[state]}
        for state in period_status.STATES
    ]
    return {"agency": item.agency, "year": year, "status": item.status, "counts": counts}


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
