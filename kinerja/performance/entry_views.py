"""The official enters a quarter's actuals on the IKI page: the page as a form, saving a row (through
`services.record_actual`), the live preview of what typed figures would give, and sending a row to the superior
(`workflow.submit_actual`). Access → form → service → render, as the reading pages in `views.py`.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from kinerja.accounts.access import NOT_FOUND, agency_or_404, may_enter_actuals
from kinerja.core.numbers import format_number
from kinerja.core.periods import QUARTER_NAMES, chosen_quarter, chosen_year
from kinerja.strategy.models import PageIndicator
from kinerja.strategy.selectors import get_current_plan, get_position_page

from . import services, steps, workflow
from .forms import ActualForm, add_service_errors, messages_of
from .models import Actual
from .selectors import Measurement, get_measurements, get_opening_year
from .views import _measured_page
from .worklist import entry_prefix

# -- entering actuals -------------------------------------------------------------------------------------


def _entry_setup(request: HttpRequest, agency: str, position: str) -> tuple:
    agency_obj = agency_or_404(request.user, agency)
    plan = get_current_plan(agency_obj)
    year = chosen_year(request, plan, get_opening_year(plan))
    quarter = chosen_quarter(request)
    return agency_obj, plan, year, quarter


def _row_form(measurement: Measurement, quarter: int, data: object = None, files: object = None) -> ActualForm:
    actual = measurement.actuals.get(quarter)
    initial = {"version": workflow.version_of(actual) or ActualForm.NEW}
    if actual is not None:
        initial |= {
            "numerator": actual.numerator,
            "denominator": actual.denominator,
            "value": actual.value,
            "supporting_factors": actual.supporting_factors,
            "hindering_factors": actual.hindering_factors,
            "follow_up": actual.follow_up,
            "note": actual.note,
        }
        for name in ("numerator", "denominator", "value"):
            if initial[name] is not None:
                initial[name] = format_number(initial[name], 4).rstrip("0").rstrip(",")
    return ActualForm(data=data, files=files, initial=initial, prefix=entry_prefix(measurement.indicator.code))


def _row_item(
    row: PageIndicator,
    measurement: Measurement,
    quarter: int,
    form: ActualForm,
    *,
    closed: bool,
    objective: object = None,
    preview: dict | None = None,
) -> dict:
    """One row of the entry page: read-only (plain text, no input) once its actual is submitted or verified, or
    while its quarter is closed; `preview` is what the typed figures of a refused save would give."""
    actual = measurement.actuals.get(quarter)
    locked = closed or not steps.is_draft(actual)
    return {
        "row": row,
        "m": measurement,
        "objective": objective,
        "form": form,
        "actual": actual,
        "locked": locked,
        "closed": closed,
        "preview": preview,
    }


def entry_page(
    request: HttpRequest, agency: str, position: str, bound: ActualForm | None = None, preview: dict | None = None
) -> HttpResponse:
    """The official's IKI page as a form for one quarter; `bound` is a row that came back with errors."""
    agency_obj, plan, year, quarter = _entry_setup(request, agency, position)
    page, objectives, _page_rollup, example = _measured_page(agency_obj, position, year)
    if not may_enter_actuals(request.user, page.position):
        raise Http404(NOT_FOUND)
    closed = quarter in workflow.closed_quarters(agency_obj, year)
    rows = []
    for o in objectives:
        for r in o.rows:
            form = _row_form(r.measurement, quarter)
            refused = bound is not None and bound.prefix == form.prefix
            rows.append(
                _row_item(
                    r.row,
                    r.measurement,
                    quarter,
                    bound if refused else form,
                    closed=closed,
                    objective=o.objective,
                    preview=preview if refused else None,
                )
            )
    empty = sum(1 for item in rows if quarter not in item["m"].actuals)
    return render(
        request,
        "performance/entry.html",
        {
            "agency": agency_obj,
            "plan": plan,
            "page": page,
            "year": year,
            "quarter": quarter,
            "rows": rows,
            "empty": empty,
            "total": len(rows),
            "closed": closed,
            "quarters": QUARTER_NAMES,
            "example": example,
        },
    )


def _entry_row(request: HttpRequest, agency: str, position: str, indicator: str) -> tuple:
    agency_obj, _plan, year, quarter = _entry_setup(request, agency, position)
    page = get_position_page(agency_obj, position)
    if not may_enter_actuals(request.user, page.position):
        raise Http404(NOT_FOUND)
    row = next((r for item in page.objectives for r in item.rows if r.indicator.code == indicator), None)
    if row is None:
        raise Http404(gettext("This indicator is not on this position's page."))
    measurement = get_measurements([row.indicator], year)[row.indicator_id]
    return agency_obj, page, row, measurement, year, quarter


@require_POST
def entry_save(request: HttpRequest, agency: str, position: str, indicator: str) -> HttpResponse:
    """Save one row through `services.record_actual`, which owns every rule (the indicators fed by the SAKIP
    evaluation included: their row shows the value read-only, and a forged post is refused there too)."""
    agency_obj, page, row, measurement, year, quarter = _entry_row(request, agency, position, indicator)
    form = _row_form(measurement, quarter, request.POST, request.FILES)
    saved = False
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.record_actual(
                actor=request.user,
                indicator=row.indicator,
                year=year,
                quarter=quarter,
                value=data["value"],
                numerator=data["numerator"],
                denominator=data["denominator"],
                supporting_factors=data["supporting_factors"],
                hindering_factors=data["hindering_factors"],
                follow_up=data["follow_up"],
                note=data["note"],
                version=form.expected_version(),
                evidence=[(upload.name, upload.read()) for upload in data["evidence"]],
            )
        except PermissionDenied as error:
            raise Http404(NOT_FOUND) from error
        except ValidationError as error:  # a field's problem next to it; a closed period or a state above the row
            if getattr(error, "code", None) == "fed_by":  # the row has no form: a post for it was forged
                raise Http404(error.messages[0]) from error
            add_service_errors(form, error, {"file": "evidence"})
        else:
            saved = True
    measurement = get_measurements([row.indicator], year)[row.indicator_id]
    preview = None
    if saved:
        form = _row_form(measurement, quarter)
    else:  # the preview shows what was typed (not the saved figure), and nothing can be sent until it is saved
        typed = _row_form(measurement, quarter, request.POST)  # the figures alone, as the live preview reads them
        preview = _preview_of(row, measurement, year, quarter, typed, request.POST)
    closed = quarter in workflow.closed_quarters(agency_obj, year)
    item = _row_item(row, measurement, quarter, form, closed=closed, preview=preview)
    if request.htmx:
        rows = _page_rows(page)  # the counter of the page, swapped out of band: one query
        filled = set(
            Actual.objects.filter(indicator__in=[r.indicator_id for r in rows], year=year, quarter=quarter).values_list(
                "indicator_id", flat=True
            )
        )
        return render(
            request,
            "performance/partials/_entry_row.html",
            {
                "agency": agency_obj,
                "page": page,
                "item": item,
                "year": year,
                "quarter": quarter,
                "saved": saved,
                "quarters": QUARTER_NAMES,
                "oob_summary": True,
                "total": len(rows),
                "empty": sum(1 for r in rows if r.indicator_id not in filled),
            },
        )
    if not saved:  # without JavaScript: the whole page again, this row with its messages
        messages.error(request, gettext("The actual was not saved: check the marked fields."))
        return entry_page(request, agency, position, bound=form, preview=preview)
    messages.success(request, gettext("The actual was saved."))
    url = reverse("entry-page", args=[agency, position])
    return redirect(f"{url}?tahun={year}&triwulan={quarter}#row-{form.prefix}")


def _page_rows(page: object) -> list[PageIndicator]:
    return [r for item in page.objectives for r in item.rows]


@require_POST
def entry_submit(request: HttpRequest, agency: str, position: str, indicator: str) -> HttpResponse:
    """The official sends a quarter's actual of a row to the superior for verification."""
    _agency_obj, _page, row, measurement, year, quarter = _entry_row(request, agency, position, indicator)
    actual = measurement.actuals.get(quarter)
    if actual is None:
        messages.error(request, gettext("Fill in and save the actual first."))
    else:
        version = request.POST.get("version") or None
        try:
            workflow.submit_actual(actor=request.user, actual=actual, version=version)
        except PermissionDenied as error:
            messages.error(request, str(error))
        except ValidationError as error:
            messages.error(request, " ".join(messages_of(error)))
        else:
            text = gettext("The actual “%(indicator)s” was sent for verification.")
            messages.success(request, text % {"indicator": row.name})
    return redirect(f"{reverse('entry-page', args=[agency, position])}?tahun={year}&triwulan={quarter}")


@require_POST
def entry_preview(request: HttpRequest, agency: str, position: str, indicator: str) -> HttpResponse:
    """The value and achievement the typed figures would give, computed as the official types (nothing saved)."""
    _agency_obj, _page, row, measurement, year, quarter = _entry_row(request, agency, position, indicator)
    form = _row_form(measurement, quarter, request.POST or None)
    return render(
        request, "performance/partials/_preview.html", _preview_of(row, measurement, year, quarter, form, request.POST)
    )


def _preview_of(
    row: PageIndicator, measurement: Measurement, year: int, quarter: int, form: ActualForm, posted: object
) -> dict:
    """The value and achievement the typed figures would give (nothing saved), or the problem with them."""
    value, problem = None, ""
    if form.is_valid():
        data = form.cleaned_data
        try:
            value, _, _ = services.checked_terms(
                row.indicator, value=data["value"], numerator=data["numerator"], denominator=data["denominator"]
            )
        except ValidationError as error:
            problem = " ".join(messages_of(error))
    else:
        problem = "; ".join(message for errors in form.errors.values() for message in errors)
    if not any(posted.get(f"{form.prefix}-{name}") for name in ("value", "numerator", "denominator")):
        problem = ""  # nothing typed yet: nothing to complain about
    preview = Measurement(
        row.indicator, year, measurement.target, measurement.quarter_targets, dict(measurement.actuals)
    )
    if value is not None:
        preview.actuals[quarter] = Actual(
            indicator=row.indicator,
            year=year,
            quarter=quarter,
            value=value,
            numerator=form.cleaned_data.get("numerator"),
            denominator=form.cleaned_data.get("denominator"),
        )
    else:
        preview.actuals.pop(quarter, None)
    return {
        "value": value,
        "m": preview,
        "problem": problem,
        "indicator": row.indicator,
        "quarter": quarter,
        "quarters": QUARTER_NAMES,
    }
