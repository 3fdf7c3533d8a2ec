"""The planner's pages of the organisation, edited in place: a unit's name and kind, a position's title, duty and
functions, the agency's printed name, duty and functions — reached by "Ubah" on the organisation tree and by
"Perbaiki" on the consistency check. Thin views over `editing`: access → form → service → back to where the form
was opened from, with what the consistency check now reports; a refusal of the service is shown next to its field (400).

Only the agency's planner (and the administrator) opens them; for anyone else they do not exist (404)."""

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext

from kinerja.accounts.access import NOT_FOUND, agency_or_404, may_plan
from kinerja.core.finding_counts import saved_message

from . import editing
from .forms import AgencyForm, PositionForm, UnitForm, add_service_errors
from .models import Agency


def _planner_agency(request: HttpRequest, code: str) -> Agency:
    agency = agency_or_404(request.user, code)
    if not may_plan(request.user, agency):
        raise Http404(NOT_FOUND)
    return agency


def _back(request: HttpRequest, fallback: str) -> str:
    """The page the form was opened from (`?kembali=`, on this site only), or `fallback`."""
    target = request.POST.get("kembali") or request.GET.get("kembali") or ""
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return fallback


def _form_page(
    request: HttpRequest,
    agency: Agency,
    *,
    form: forms.Form,
    save: Callable[[dict[str, Any]], Any],
    title: str,
    what: str,
) -> HttpResponse:
    """GET shows the form; POST asks the service and returns with the message, or shows its refusal (400)."""
    done = reverse("organisation-tree", args=[agency.code])
    if request.method == "POST" and form.is_valid():
        try:
            save(form.cleaned_data)
        except PermissionDenied as error:
            raise Http404(NOT_FOUND) from error
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, saved_message(agency))
            return redirect(_back(request, done))
    return render(
        request,
        "organisation/edit_form.html",
        {
            "agency": agency,
            "form": form,
            "title": title,
            "what": what,
            "back": _back(request, done),
            "kembali": request.POST.get("kembali") or request.GET.get("kembali") or "",
        },
        status=400 if form.errors else 200,
    )


def unit_edit(request: HttpRequest, agency: str, unit: str) -> HttpResponse:
    agency_obj = _planner_agency(request, agency)
    unit_obj = agency_obj.units.filter(code=unit).first()
    if unit_obj is None:
        raise Http404(NOT_FOUND)
    form = UnitForm(request.POST or None, initial={"name": unit_obj.name, "kind": unit_obj.kind})
    return _form_page(
        request,
        agency_obj,
        form=form,
        save=lambda data: editing.change_unit(actor=request.user, unit=unit_obj, name=data["name"], kind=data["kind"]),
        title=gettext("Change the unit"),
        what=unit_obj.name,
    )


def position_edit(request: HttpRequest, agency: str, position: str) -> HttpResponse:
    agency_obj = _planner_agency(request, agency)
    position_obj = agency_obj.positions.filter(code=position).first()
    if position_obj is None:
        raise Http404(NOT_FOUND)
    initial = {
        "title": position_obj.title,
        "printed_title": position_obj.printed_title,
        "duty": position_obj.duty,
        "functions": editing.functions_as_lines(list(position_obj.functions.order_by("order"))),
    }
    form = PositionForm(request.POST or None, initial=initial)
    return _form_page(
        request,
        agency_obj,
        form=form,
        save=lambda data: editing.change_position(
            actor=request.user,
            position=position_obj,
            title=data["title"],
            printed_title=data["printed_title"],
            duty=data["duty"],
            functions=editing.functions_from_lines(data["functions"]),
        ),
        title=gettext("Change the position"),
        what=position_obj.title,
    )


def agency_edit(request: HttpRequest, agency: str) -> HttpResponse:
    agency_obj = _planner_agency(request, agency)
    initial = {
        "name": agency_obj.name,
        "printed_name": agency_obj.printed_name,
        "duty": agency_obj.duty,
        "functions": editing.functions_as_lines(list(agency_obj.functions.order_by("order"))),
    }
    form = AgencyForm(request.POST or None, initial=initial)
    return _form_page(
        request,
        agency_obj,
        form=form,
        save=lambda data: editing.change_agency(
            actor=request.user,
            agency=agency_obj,
            name=data["name"],
            printed_name=data["printed_name"],
            duty=data["duty"],
            functions=editing.functions_from_lines(data["functions"]),
        ),
        title=gettext("Change the agency's name, duty and functions"),
        what=agency_obj.name,
    )
