"""The SKP pages: access → selector → form → service → render. No rule lives here."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kinerja.accounts import access
from kinerja.accounts.access import NOT_FOUND, agency_or_404
from kinerja.core.periods import chosen_year
from kinerja.organisation.models import Agency, Official
from kinerja.organisation.staff_positions import add_staff_position
from kinerja.performance.forms import add_service_errors
from kinerja.performance.selectors import get_opening_year
from kinerja.strategy.selectors import find_current_plan

from . import services
from .forms import IndicatorForm, RatingForm, StaffPositionForm, StaffResultForm
from .print_data import what_is_missing
from .selectors import get_distribution, get_skp, list_skps


def refusal_text(error: ValidationError) -> str:
    """A service's refusal as one message, each problem with the field it names."""
    if not hasattr(error, "error_dict"):
        return " ".join(error.messages)
    return " ".join(" ".join(problems) for problems in error.message_dict.values())


def skp_url(agency: Agency, pk: int) -> str:
    return reverse("skp-detail", args=[agency.code, pk])


def _plan_year(request: HttpRequest, agency: Agency) -> tuple[object, int | None]:
    plan = find_current_plan(agency)
    if plan is None:
        return None, None
    return plan, chosen_year(request, plan, get_opening_year(plan))


def skp_list(request: HttpRequest, agency: str) -> HttpResponse:
    """The SKP of a year that the reader may see, and the ones they may prepare."""
    agency_obj = agency_or_404(request.user, agency)
    plan, year = _plan_year(request, agency_obj)
    if plan is None or year is None:
        return render(request, "strategy/no_plan.html", {"agency": agency_obj})
    lines = []
    for line in list_skps(agency_obj, year):
        if line.skp is not None and access.may_read_skp(request.user, line.skp):
            lines.append((line, False))
        elif line.skp is None and access.may_prepare_skp(request.user, line.position):
            lines.append((line, True))
    return render(
        request,
        "skp/list.html",
        {
            "agency": agency_obj,
            "plan": plan,
            "year": year,
            "lines": lines,
            "may_plan": access.may_plan(request.user, agency_obj),
            "may_read_distribution": access.may_read_skp_distribution(request.user, agency_obj),
        },
    )


@require_POST
def skp_prepare(request: HttpRequest, agency: str) -> HttpResponse:
    agency_obj = agency_or_404(request.user, agency)
    position = get_object_or_404(agency_obj.positions, code=request.POST.get("jabatan", ""))
    official = get_object_or_404(Official, pk=request.POST.get("pegawai") or 0, region=agency_obj.region_id)
    try:
        year = int(request.POST.get("tahun", ""))
    except ValueError as error:
        raise Http404(NOT_FOUND) from error
    try:
        skp = services.prepare_skp(actor=request.user, position=position, official=official, year=year)
    except PermissionDenied as error:
        raise Http404(NOT_FOUND) from error
    except ValidationError as error:
        messages.error(request, refusal_text(error))
        return redirect(f"{reverse('skp-list', args=[agency_obj.code])}?tahun={year}")
    messages.success(request, _("The SKP is prepared."))
    return redirect(skp_url(agency_obj, skp.pk))


def skp_detail(request: HttpRequest, agency: str, skp: int) -> HttpResponse:
    """One SKP: its work results with their chain up to the strategic objective, indicators and targets, and the
    forms of whoever may use them (the official and the superior; the superior's intervention and rating)."""
    agency_obj = agency_or_404(request.user, agency)
    view = get_skp(agency_obj, skp)
    if not access.may_read_skp(request.user, view.skp):
        raise Http404(NOT_FOUND)
    may_edit = services.may_change(request.user, view.skp)
    may_intervene = (
        services.is_draft(view.skp)
        and view.skp.position.is_staff_position
        and access.may_write_staff_results(request.user, view.skp)
    )
    may_rate = services.may_rate(request.user, view.skp)
    initial = {"work_rating": view.skp.work_rating or (view.proposal.rating if view.proposal else "") or ""}
    initial.update({f"behaviour_{key}": rating for key, _name, rating in view.skp.behaviours})
    initial["note"] = view.skp.rating_note
    return render(
        request,
        "skp/detail.html",
        {
            "agency": agency_obj,
            "view": view,
            "skp": view.skp,
            "may_edit": may_edit,
            "is_final": services.is_final(view.skp),
            "indicator_form": IndicatorForm() if may_edit else None,
            "result_form": StaffResultForm(parents=view.superior_results) if may_intervene else None,
            "rating_form": RatingForm(initial=initial) if may_rate else None,
            "print_missing": what_is_missing(view),
        },
    )


def skp_distribution(request: HttpRequest, agency: str) -> HttpResponse:
    """The distribution of the year's SKP predicates per unit and for the agency against the allowed one."""
    agency_obj = agency_or_404(request.user, agency)
    if not access.may_read_skp_distribution(request.user, agency_obj):
        raise Http404(NOT_FOUND)
    plan, year = _plan_year(request, agency_obj)
    if plan is None or year is None:
        return render(request, "strategy/no_plan.html", {"agency": agency_obj})
    return render(
        request,
        "skp/distribution.html",
        {
            "agency": agency_obj,
            "plan": plan,
            "year": year,
            "views": get_distribution(agency_obj, year),
            "may_finalise": access.may_finalise_skp(request.user, agency_obj),
            "may_reopen": access.may_reopen_skp(request.user, agency_obj),
        },
    )


def staff_position_add(request: HttpRequest, agency: str) -> HttpResponse:
    """The planner adds a staff position (pelaksana / jabatan fungsional) below a position of the agency."""
    agency_obj = agency_or_404(request.user, agency)
    if not access.may_plan(request.user, agency_obj):
        raise Http404(NOT_FOUND)
    form = StaffPositionForm(request.POST or None, positions=agency_obj.positions.order_by("order", "code"))
    if request.method == "POST" and form.is_valid():
        try:
            position = add_staff_position(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("The staff position %(title)s is added. Assign its holder on the people page.")
                % {"title": position.title},
            )
            return redirect(reverse("skp-list", args=[agency_obj.code]))
    return render(
        request, "skp/staff_position.html", {"agency": agency_obj, "form": form}, status=400 if form.errors else 200
    )
