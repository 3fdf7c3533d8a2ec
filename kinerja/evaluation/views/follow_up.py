"""A follow-up of a recommendation: the agency's answer and evidence, the inspectorate's mark."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.decorators.http import require_POST

from kinerja.accounts.access import NOT_FOUND

from .. import services
from ..models import FollowUp
from .base import find_evaluation, show_problems


@require_POST
def follow_up(request: HttpRequest, agency: str, year: int, follow_up: int) -> HttpResponse:
    """The agency answers a follow-up (action, evidence); the inspectorate marks it done or not done."""
    _, evaluation = find_evaluation(request, agency, year)
    item = get_object_or_404(
        FollowUp.objects.select_related("answer__criterion", "answer__evaluation__agency"),
        pk=follow_up,
        answer__evaluation=evaluation,
    )
    decision = request.POST.get("decision", "")
    try:
        if decision in ("done", "not_done"):
            services.mark_follow_up(
                actor=request.user, follow_up=item, done=decision == "done", note=request.POST.get("evaluator_note", "")
            )
        else:
            services.answer_follow_up(actor=request.user, follow_up=item, action=request.POST.get("action", ""))
            for upload in request.FILES.getlist("file"):
                services.add_evidence_file(actor=request.user, follow_up=item, name=upload.name, content=upload.read())
            if request.POST.get("link"):
                services.add_evidence_link(actor=request.user, follow_up=item, key=request.POST["link"])
    except PermissionDenied as error:
        raise Http404(NOT_FOUND) from error
    except ValidationError as error:
        show_problems(request, error)
    return redirect(reverse("evaluation-result", args=[evaluation.agency.code, year]) + f"#t-{item.pk}")
