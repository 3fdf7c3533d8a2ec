"""The SKP's writes as POST actions of its page: a staff work result, an indicator, the rating. Each calls its
service and comes back to the SKP page with the service's message; no rule lives here."""

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kinerja.accounts import access
from kinerja.accounts.access import NOT_FOUND, agency_or_404
from kinerja.core.numbers import format_exact
from kinerja.organisation.models import Agency
from kinerja.performance.forms import add_service_errors

from . import services
from .forms import IndicatorForm, RatingForm, StaffResultForm
from .models import Rhk, RhkIndicator, Skp
from .views import refusal_text, skp_url


def _skp(request: HttpRequest, agency: Agency, pk: int) -> Skp:
    skp = Skp.objects.filter(pk=pk, position__agency=agency).select_related("position__agency", "official").first()
    if skp is None or not access.may_read_skp(request.user, skp):
        raise Http404(NOT_FOUND)
    return skp


def _result(request: HttpRequest, agency: Agency, pk: int) -> Rhk:
    result = Rhk.objects.filter(pk=pk, skp__position__agency=agency).first()
    if result is None:
        raise Http404(NOT_FOUND)
    _skp(request, agency, result.skp_id)
    return result


def _indicator(request: HttpRequest, agency: Agency, pk: int) -> RhkIndicator:
    indicator = (
        RhkIndicator.objects.filter(pk=pk, result__skp__position__agency=agency).select_related("result").first()
    )
    if indicator is None:
        raise Http404(NOT_FOUND)
    _skp(request, agency, indicator.result.skp_id)
    return indicator


def _run(request: HttpRequest, agency: Agency, skp_id: int, write: Callable[[], object], done: str) -> HttpResponse:
    try:
        write()
    except PermissionDenied as error:
        raise Http404(NOT_FOUND) from error
    except ValidationError as error:
        messages.error(request, refusal_text(error))
    else:
        messages.success(request, done)
    return redirect(skp_url(agency, skp_id))


def _form_problems(form: object) -> str:
    return " ".join(f"{form[name].label}: {' '.join(errors)}" for name, errors in form.errors.items())  # type: ignore[attr-defined,index]


@require_POST
def result_add(request: HttpRequest, agency: str, skp: int) -> HttpResponse:
    agency_obj = agency_or_404(request.user, agency)
    skp_obj = _skp(request, agency_obj, skp)
    parents = list(Rhk.objects.filter(skp__year=skp_obj.year, skp__position_id=skp_obj.position.superior_id))
    form = StaffResultForm(request.POST, parents=parents)
    if not form.is_valid():
        messages.error(request, _form_problems(form))
        return redirect(skp_url(agency_obj, skp_obj.pk))
    data = form.cleaned_data
    return _run(
        request,
        agency_obj,
        skp_obj.pk,
        lambda: services.add_staff_result(actor=request.user, skp=skp_obj, parent=data["parent"], text=data["text"]),
        _("The work result is added."),
    )


@require_POST
def result_remove(request: HttpRequest, agency: str, result: int) -> HttpResponse:
    agency_obj = agency_or_404(request.user, agency)
    result_obj = _result(request, agency_obj, result)
    return _run(
        request,
        agency_obj,
        result_obj.skp_id,
        lambda: services.remove_staff_result(actor=request.user, result=result_obj),
        _("The work result is removed."),
    )


@require_POST
def indicator_add(request: HttpRequest, agency: str, result: int) -> HttpResponse:
    agency_obj = agency_or_404(request.user, agency)
    result_obj = _result(request, agency_obj, result)
    form = IndicatorForm(request.POST)
    if not form.is_valid():
        messages.error(request, _form_problems(form))
        return redirect(skp_url(agency_obj, result_obj.skp_id))
    return _run(
        request,
        agency_obj,
        result_obj.skp_id,
        lambda: services.add_indicator(actor=request.user, result=result_obj, **form.cleaned_data),
        _("The indicator is added."),
    )


def indicator_edit(request: HttpRequest, agency: str, indicator: int) -> HttpResponse:
    agency_obj = agency_or_404(request.user, agency)
    indicator_obj = _indicator(request, agency_obj, indicator)
    skp_obj = _skp(request, agency_obj, indicator_obj.result.skp_id)
    if not services.may_change(request.user, skp_obj):
        raise Http404(NOT_FOUND)
    initial = {
        "aspect": indicator_obj.aspect,
        "name": indicator_obj.name,
        "target": "" if indicator_obj.target is None else format_exact(indicator_obj.target),
        "unit": indicator_obj.unit,
    }
    form = IndicatorForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.change_indicator(actor=request.user, indicator=indicator_obj, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The indicator is saved."))
            return redirect(skp_url(agency_obj, skp_obj.pk))
    return render(
        request,
        "skp/indicator_form.html",
        {"agency": agency_obj, "skp": skp_obj, "indicator": indicator_obj, "form": form},
        status=400 if form.errors else 200,
    )


@require_POST
def indicator_remove(request: HttpRequest, agency: str, indicator: int) -> HttpResponse:
    agency_obj = agency_or_404(request.user, agency)
    indicator_obj = _indicator(request, agency_obj, indicator)
    return _run(
        request,
        agency_obj,
        indicator_obj.result.skp_id,
        lambda: services.remove_indicator(actor=request.user, indicator=indicator_obj),
        _("The indicator is removed."),
    )


@require_POST
def skp_rate(request: HttpRequest, agency: str, skp: int) -> HttpResponse:
    agency_obj = agency_or_404(request.user, agency)
    skp_obj = _skp(request, agency_obj, skp)
    form = RatingForm(request.POST)
    form.is_valid()
    data = form.cleaned_data
    return _run(
        request,
        agency_obj,
        skp_obj.pk,
        lambda: services.rate_skp(
            actor=request.user,
            skp=skp_obj,
            work=data.get("work_rating", ""),
            behaviours=form.behaviours(),
            note=data.get("note", ""),
        ),
        _("The SKP is rated."),
    )
