"""What the evaluation's pages share: the evaluation and the answer looked up within the user's reach (else 404),
the way back to the worksheet, the refusal shown as a message, the user's roles for the agency."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse

from kinerja.accounts.access import NOT_FOUND, agency_or_404, may_evaluate
from kinerja.organisation.models import Agency

from .. import services
from ..models import Answer, Evaluation


def find_evaluation(
    request: HttpRequest, agency: str, year: int, *, required: bool = True
) -> tuple[Agency, Evaluation | None]:
    agency_obj = agency_or_404(request.user, agency)
    evaluation = (
        Evaluation.objects.select_related("agency__region", "version", "finalised_by")
        .filter(agency=agency_obj, year=year)
        .first()
    )
    if evaluation is None and required:
        raise Http404(NOT_FOUND)
    return agency_obj, evaluation


def find_answer(evaluation: Evaluation, criterion: str) -> Answer:
    return get_object_or_404(
        Answer.objects.select_related("criterion__sub_component__component", "evaluation__agency"),
        evaluation=evaluation,
        criterion__code=criterion,
    )


def back_to_worksheet(evaluation: Evaluation, anchor: str = "") -> HttpResponseRedirect:
    """Back to the worksheet, at the criterion (`?kriteria=` unfolds its component and sub-component)."""
    url = reverse("evaluation-page", args=[evaluation.agency.code, evaluation.year])
    return redirect(url + (f"?kriteria={anchor}#k-{anchor}" if anchor else ""))


def show_problems(request: HttpRequest, error: ValidationError) -> None:
    messages.error(request, " ".join(error.messages))


def roles_of(user: object, agency: Agency) -> dict[str, bool]:
    return {"may_prepare": services.may_prepare(user, agency), "may_evaluate": may_evaluate(user, agency)}
