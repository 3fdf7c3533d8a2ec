"""Verification of actuals, one by one or a whole IKI page at once: thin views over `workflow`, asked of
`accounts.access`. (Closing periods: `period_views`.)"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext, ngettext
from django.views.decorators.http import require_POST

from kinerja.accounts.access import NOT_FOUND, agency_or_404, may_plan, may_verify, reach_of, supervised_positions
from kinerja.core.periods import QUARTER_NAMES, parse_quarter, parse_year, quarter_label
from kinerja.organisation.models import Agency, Position
from kinerja.strategy.models import PageIndicator

from . import workflow
from .models import Actual
from .worklist import entry_prefix, get_actuals_in_context, get_entry_positions, group_by_page, other_waiting

LIST_LIMIT = 200


def _actuals(agency: Agency) -> QuerySet[Actual]:
    return (
        Actual.objects.filter(indicator__plan__agency=agency, is_example=False)
        .select_related("indicator", "entered_by__official", "verified_by__official")
        .order_by("-year", "-quarter", "indicator__order")
    )


def waiting_for(user: object, agency: Agency | None = None) -> QuerySet[Actual]:
    """Submitted actuals of the positions the user supervises, not entered by the user."""
    supervised = supervised_positions(user)
    actuals = (
        Actual.objects.filter(status=Actual.Status.SUBMITTED, indicator__page_rows__position_id__in=supervised)
        .exclude(entered_by=user)
        .distinct()
    )
    return actuals.filter(indicator__plan__agency=agency) if agency is not None else actuals


def returned_to(user: object) -> QuerySet[Actual]:
    """The user's drafts that came back with a reason."""
    return Actual.objects.filter(entered_by=user, status=Actual.Status.DRAFT).exclude(status_reason="")


def verification(request: HttpRequest, agency: str) -> HttpResponse:
    agency_obj = agency_or_404(request.user, agency)
    supervised = supervised_positions(request.user)
    planner = may_plan(request.user, agency_obj)
    verified = _actuals(agency_obj).filter(status=Actual.Status.VERIFIED)
    if not planner:  # a subquery, not a join: no DISTINCT sorting every column of the rows (bench/README.md)
        printed = PageIndicator.objects.filter(position_id__in=supervised).values("indicator_id")
        verified = verified.filter(indicator__in=printed).exclude(entered_by=request.user)
    waiting = list(_actuals(agency_obj).filter(pk__in=waiting_for(request.user, agency_obj))[:LIST_LIMIT])
    verified = list(verified[:LIST_LIMIT])
    returned = list(_actuals(agency_obj).filter(pk__in=returned_to(request.user))[:LIST_LIMIT])
    in_context = get_actuals_in_context(waiting + verified)  # target, achievement, factors, evidence
    entry_rows = get_entry_positions({actual.indicator_id for actual in returned}, reach_of(request.user).held)
    return render(
        request,
        "performance/verification.html",
        {
            "agency": agency_obj,
            "waiting": in_context[: len(waiting)],
            "pages": group_by_page(in_context[: len(waiting)], supervised),
            "returned": [
                {
                    "actual": actual,
                    "row": entry_rows.get(actual.indicator_id),
                    "anchor": entry_prefix(actual.indicator.code),
                }
                for actual in returned
            ],
            "verified": in_context[len(waiting) :],
            "quarters": QUARTER_NAMES,
            "other_waiting": other_waiting(request.user, agency_obj),  # the action plan's progress
        },
    )


def _unconfirmed_verification(request: HttpRequest, item: Actual) -> bool:
    """A verification posted without its confirmation ("I have checked …"), by someone who may verify it; for
    anyone else the service answers (not found), so the question never tells them the actual exists."""
    if request.POST.get("action") != "verify" or request.POST.get("confirm") == "1":
        return False
    positions = set(PageIndicator.objects.filter(indicator_id=item.indicator_id).values_list("position_id", flat=True))
    return may_verify(request.user, positions, item.entered_by_id)


@require_POST
def decide(request: HttpRequest, agency: str, actual: int) -> HttpResponse:
    """Verify, return (with a reason) or reopen (with a reason) one actual."""
    agency_obj = agency_or_404(request.user, agency)
    item = get_object_or_404(
        Actual.objects.select_related("indicator__plan"), pk=actual, indicator__plan__agency=agency_obj
    )
    action, reason = request.POST.get("action", ""), request.POST.get("reason", "")
    version = request.POST.get("version") or None  # the actual as the page showed it, when the form carries it
    services = {
        "verify": lambda: workflow.verify_actual(actor=request.user, actual=item, version=version),
        "return": lambda: workflow.return_actual(actor=request.user, actual=item, reason=reason, version=version),
        "reopen": lambda: workflow.reopen_actual(actor=request.user, actual=item, reason=reason, version=version),
    }
    if action not in services:
        raise Http404(gettext("Unknown action."))
    back = f"{reverse('verification', args=[agency_obj.code])}#actual-{item.pk}"
    named = {"indicator": item.indicator.name, "quarter": quarter_label(item.quarter), "year": item.year}
    if _unconfirmed_verification(request, item):
        text = gettext(
            "%(indicator)s (%(quarter)s %(year)s) was not verified: tick the statement that you have checked its "
            "target, achievement and supporting evidence."
        )
        messages.error(request, text % named)
        return redirect(back)
    try:
        services[action]()
    except PermissionDenied as error:
        raise Http404(gettext("This actual was not found.")) from error
    except ValidationError as error:
        text = gettext("%(indicator)s (%(quarter)s %(year)s): %(problem)s")
        messages.error(request, text % {**named, "problem": " ".join(error.messages)})
    else:
        done = {
            "verify": gettext("%(indicator)s (%(quarter)s %(year)s) verified."),
            "return": gettext("%(indicator)s (%(quarter)s %(year)s) returned."),
            "reopen": gettext("%(indicator)s (%(quarter)s %(year)s) reopened."),
        }[action]
        messages.success(request, done % named)
        return redirect(reverse("verification", args=[agency_obj.code]))
    return redirect(back)


def _page_versions(request: HttpRequest) -> dict[int, str]:
    """The actuals a page form carries, each with the version the page showed ("version-<id>" fields)."""
    prefix = "version-"
    return {
        int(key[len(prefix) :]): value
        for key, value in request.POST.items()
        if key.startswith(prefix) and key[len(prefix) :].isdigit()
    }


@require_POST
def verify_page(request: HttpRequest, agency: str, position: str) -> HttpResponse:
    """Verify at once the actuals of one IKI page that the verifier viewed on the verification page, after they
    confirmed how many; all or nothing (`workflow.verify_page`)."""
    agency_obj = agency_or_404(request.user, agency)
    position_obj = get_object_or_404(Position, agency=agency_obj, code=position)
    year, quarter = parse_year(request.POST.get("year")), parse_quarter(request.POST.get("quarter"))
    back = reverse("verification", args=[agency_obj.code])
    if not may_verify(request.user, {position_obj.pk}, None):
        raise Http404(NOT_FOUND)
    versions = _page_versions(request)
    if year is None or quarter is None:
        messages.error(request, gettext("The period of this page is missing; reload the verification page."))
        return redirect(back)
    anchor = f"{back}#page-{position_obj.code}-{year}-{quarter}"
    if request.POST.get("confirm") != "1":
        text = gettext(
            "%(position)s: nothing was verified; tick the statement that you have checked its %(count)s rows."
        )
        messages.error(request, text % {"position": position_obj.title, "count": len(versions)})
        return redirect(anchor)
    try:
        verified = workflow.verify_page(
            actor=request.user, position=position_obj, year=year, quarter=quarter, versions=versions
        )
    except PermissionDenied as error:
        raise Http404(NOT_FOUND) from error
    except ValidationError as error:
        text = gettext("%(position)s: %(problem)s")
        messages.error(request, text % {"position": position_obj.title, "problem": " ".join(error.messages)})
        return redirect(anchor)
    text = ngettext(
        "%(count)s actual of %(position)s verified.", "%(count)s actuals of %(position)s verified.", len(verified)
    )
    messages.success(request, text % {"count": len(verified), "position": position_obj.title})
    return redirect(back)


def navigation_counts(request: HttpRequest) -> dict[str, SimpleLazyObject]:
    """For the navigation: how many actuals wait for the user's verification, and how many came back. Counted
    only when a template shows them (the agency menu), once each; nothing for a visitor."""
    user = request.user
    if not getattr(user, "is_authenticated", False):
        return {}
    return {
        "waiting_count": SimpleLazyObject(lambda: waiting_for(user).count()),
        "returned_count": SimpleLazyObject(lambda: returned_to(user).count()),
    }
