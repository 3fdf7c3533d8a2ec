"""Evidence of an answer: adding files and links, downloading one, removing one."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from kinerja.accounts.access import NOT_FOUND
from kinerja.core.file_downloads import stored_file_response

from .. import services
from ..links import link_url
from ..models import Evaluation, EvaluationEvidence
from .base import back_to_worksheet, find_answer, find_evaluation, show_problems


@require_POST
def add_evidence(request: HttpRequest, agency: str, year: int, criterion: str) -> HttpResponse:
    _, evaluation = find_evaluation(request, agency, year)
    answer = find_answer(evaluation, criterion)
    try:
        for upload in request.FILES.getlist("file"):
            services.add_evidence_file(actor=request.user, answer=answer, name=upload.name, content=upload.read())
        if request.POST.get("link"):
            services.add_evidence_link(actor=request.user, answer=answer, key=request.POST["link"])
    except PermissionDenied as error:
        raise Http404(NOT_FOUND) from error
    except ValidationError as error:
        show_problems(request, error)
    return back_to_worksheet(evaluation, criterion)


def _evidence(evaluation: Evaluation, evidence: int) -> EvaluationEvidence:
    item = (
        EvaluationEvidence.objects.select_related("answer__criterion", "follow_up__answer__criterion")
        .filter(pk=evidence)
        .first()
    )
    owner = item and (item.answer or item.follow_up.answer)
    if item is None or owner.evaluation_id != evaluation.pk:
        raise Http404(NOT_FOUND)
    return item


def evidence_download(request: HttpRequest, agency: str, year: int, evidence: int) -> HttpResponse:
    _, evaluation = find_evaluation(request, agency, year)
    item = _evidence(evaluation, evidence)
    if item.link:
        return redirect(link_url(item.link, evaluation.agency.code, evaluation.year))
    return stored_file_response(item)


@require_POST
def remove_evidence(request: HttpRequest, agency: str, year: int, evidence: int) -> HttpResponse:
    _, evaluation = find_evaluation(request, agency, year)
    item = _evidence(evaluation, evidence)
    try:
        services.remove_evidence(actor=request.user, evidence=item)
    except PermissionDenied as error:
        raise Http404(NOT_FOUND) from error
    except ValidationError as error:
        show_problems(request, error)
    return back_to_worksheet(evaluation, (item.answer or item.follow_up.answer).criterion.code)
