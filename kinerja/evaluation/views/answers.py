"""The worksheet's answers: the self-assessment and the evaluator's answer of one criterion (htmx or a plain form)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_POST

from kinerja.accounts.access import NOT_FOUND, may_evaluate

from .. import selectors, services
from ..models import Answer, Evaluation
from .base import back_to_worksheet, find_answer, find_evaluation, show_problems


def _saved(request: HttpRequest, evaluation: Evaluation, answer: Answer, error: ValidationError | None) -> HttpResponse:
    """After a save: the htmx request gets the small status of the criterion (saved, or why not) with the
    page's counters swapped out of band; a plain form post goes back to the criterion."""
    if not request.htmx:
        if error is not None:
            show_problems(request, error)
        return back_to_worksheet(evaluation, answer.criterion.code)
    return render(
        request,
        "evaluation/partials/_save_status.html",
        {
            "error": " ".join(error.messages) if error is not None else "",
            "progress": selectors.get_progress(evaluation),
            "verdict": services.may_see_verdict(request.user, evaluation),
            "saved_at": timezone.localtime(),
            "code": answer.criterion.code,
            "self_side": evaluation.state == Evaluation.State.SELF_ASSESSMENT,
        },
    )


@require_POST
def self_assessment(request: HttpRequest, agency: str, year: int, criterion: str) -> HttpResponse:
    _, evaluation = find_evaluation(request, agency, year)
    answer = find_answer(evaluation, criterion)
    try:
        services.save_self_assessment(
            actor=request.user,
            answer=answer,
            self_answer=request.POST.get("self_answer", ""),
            self_note=request.POST.get("self_note", ""),
        )
    except PermissionDenied as error:
        raise Http404(NOT_FOUND) from error
    except ValidationError as error:
        return _saved(request, evaluation, answer, error)
    return _saved(request, evaluation, answer, None)


@require_POST
def evaluator_answer(request: HttpRequest, agency: str, year: int, criterion: str) -> HttpResponse:
    """Only the inspectorate: anyone else gets 404, as if the form did not exist."""
    _, evaluation = find_evaluation(request, agency, year)
    if not may_evaluate(request.user, evaluation.agency):
        raise Http404(NOT_FOUND)
    answer = find_answer(evaluation, criterion)
    try:
        services.save_evaluator_answer(
            actor=request.user,
            answer=answer,
            value=request.POST.get("answer", ""),
            note=request.POST.get("note", ""),
            recommendation=request.POST.get("recommendation", ""),
        )
    except PermissionDenied as error:
        raise Http404(NOT_FOUND) from error
    except ValidationError as error:
        return _saved(request, evaluation, answer, error)
    return _saved(request, evaluation, answer, None)
