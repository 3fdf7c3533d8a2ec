"""Sending the self-assessment to the inspectorate (with its confirmation step), and finalising the evaluation."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from kinerja.accounts.access import NOT_FOUND

from .. import selectors, services
from ..models import Evaluation
from .base import back_to_worksheet, find_evaluation, roles_of, show_problems


@require_POST
def submit(request: HttpRequest, agency: str, year: int) -> HttpResponse:
    """Two steps: a POST without `confirmed` only shows what sending means (how many criteria are unanswered,
    that the answers can no longer be changed); the confirmation form sends. Incomplete answers go only with
    `send_incomplete` (the service's rule)."""
    agency_obj, evaluation = find_evaluation(request, agency, year)
    roles = roles_of(request.user, agency_obj)
    if not (roles["may_prepare"] or roles["may_evaluate"]):
        raise Http404(NOT_FOUND)
    if evaluation.state != Evaluation.State.SELF_ASSESSMENT:
        messages.error(request, gettext("The self-assessment has already been sent."))
        return back_to_worksheet(evaluation)
    error = ""
    if request.POST.get("confirmed") == "1":
        try:
            services.submit_self_assessment(
                actor=request.user, evaluation=evaluation, send_incomplete=request.POST.get("send_incomplete") == "1"
            )
        except PermissionDenied as denied:
            raise Http404(NOT_FOUND) from denied
        except ValidationError as refused:
            error = " ".join(refused.messages)
        else:
            messages.success(request, gettext("The self-assessment was sent to the inspectorate."))
            return back_to_worksheet(evaluation)
    progress = selectors.get_progress(evaluation)
    return render(
        request,
        "evaluation/submit_confirm.html",
        {
            "agency": agency_obj,
            "evaluation": evaluation,
            "year": year,
            "progress": progress,
            "error": error,
            "incomplete_message": services.incomplete_message(progress.self_unanswered, progress.total),
        },
    )


@require_POST
def finalise(request: HttpRequest, agency: str, year: int) -> HttpResponse:
    _, evaluation = find_evaluation(request, agency, year)
    try:
        evaluation = services.finalise(actor=request.user, evaluation=evaluation)
    except PermissionDenied as error:
        raise Http404(NOT_FOUND) from error
    except ValidationError as error:
        show_problems(request, error)
        return back_to_worksheet(evaluation)
    messages.success(request, gettext("SAKIP evaluation %(year)s finalised.") % {"year": year})
    return redirect("evaluation-result", evaluation.agency.code, year)
