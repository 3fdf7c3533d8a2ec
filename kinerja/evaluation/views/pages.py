"""The evaluation's pages: an agency's evaluations (and starting one), the worksheet, the result."""

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from kinerja.accounts.access import NOT_FOUND, agency_or_404
from kinerja.core.periods import parse_year
from kinerja.organisation.models import Agency

from .. import selectors, services
from ..links import LINKS
from ..models import Evaluation
from .base import back_to_worksheet, find_evaluation, roles_of, show_problems


def index(request: HttpRequest, agency: str) -> HttpResponse:
    agency_obj = agency_or_404(request.user, agency)
    evaluations = list(Evaluation.objects.filter(agency=agency_obj).select_related("version").order_by("-year"))
    return render(
        request,
        "evaluation/index.html",
        {
            "agency": agency_obj,
            "evaluations": evaluations,
            **roles_of(request.user, agency_obj),
            "summary_year": evaluations[0].year if evaluations else datetime.date.today().year - 1,
        },
    )


@require_POST
def start(request: HttpRequest, agency: str) -> HttpResponse:
    agency_obj = agency_or_404(request.user, agency)
    year = parse_year(request.POST.get("year"))
    if year is None:
        messages.error(request, gettext("Fill in the year to evaluate (2000–2100)."))
        return redirect("evaluation-index", agency_obj.code)
    try:
        evaluation = services.start_evaluation(actor=request.user, agency=agency_obj, year=year)
    except PermissionDenied as error:
        raise Http404(NOT_FOUND) from error
    except ValidationError as error:
        show_problems(request, error)
        return redirect("evaluation-index", agency_obj.code)
    return back_to_worksheet(evaluation)


def _not_started(request: HttpRequest, agency: Agency, year: int) -> HttpResponse:
    return render(
        request,
        "evaluation/not_started.html",
        {
            "agency": agency,
            "year": year,
            **roles_of(request.user, agency),
            "previous": selectors.previous_follow_ups(agency, year),
        },
    )


def evaluation_page(request: HttpRequest, agency: str, year: int) -> HttpResponse:
    agency_obj, evaluation = find_evaluation(request, agency, year, required=False)
    if evaluation is None:
        return _not_started(request, agency_obj, year)
    worksheet = selectors.worksheet_of(evaluation, with_evidence=True)
    roles = roles_of(request.user, agency_obj)
    verdict = services.may_see_verdict(request.user, evaluation)
    self_open = roles["may_prepare"] and evaluation.state == Evaluation.State.SELF_ASSESSMENT
    evaluating = roles["may_evaluate"] and evaluation.state == Evaluation.State.UNDER_EVALUATION
    progress = selectors.get_progress(evaluation)
    return render(
        request,
        "evaluation/evaluation.html",
        {
            "agency": agency_obj,
            "evaluation": evaluation,
            "worksheet": worksheet,
            "year": year,
            "verdict": verdict,
            **roles,
            "self_open": self_open,
            "evaluating": evaluating,
            "progress": progress,
            "component_rows": [
                (
                    view,
                    progress.by_code[view.component.code],
                    [(sub, progress.by_code[sub.sub.code]) for sub in view.subs],
                )
                for view in worksheet.components
            ],
            "unfolded": _unfolded(request, worksheet, progress, evaluating=evaluating),
            "links": [(key, str(link.label)) for key, link in LINKS.items()],
            "previous": selectors.previous_follow_ups(agency_obj, year),
        },
    )


def _unfolded(
    request: HttpRequest, worksheet: selectors.Worksheet, progress: selectors.Progress, *, evaluating: bool
) -> set[str]:
    """The component and sub-component shown unfolded: those of the criterion asked for (`?kriteria=A.b.3`,
    after a save) or the component asked for (`?komponen=B`, its first sub-component with work left), else the
    first with a criterion still to answer on the user's side (the evaluator's, or the self-assessment)."""
    counts = progress.by_code

    def work_left(code: str) -> bool:
        item = counts[code]
        return (item.answered if evaluating else item.self_answered) < item.total

    criterion, component = request.GET.get("kriteria", ""), request.GET.get("komponen", "")
    for view in worksheet.components:
        for sub in view.subs:
            if any(answer.criterion.code == criterion for answer in sub.answers):
                return {view.component.code, sub.sub.code}
    views = [view for view in worksheet.components if view.component.code == component]
    views = views or [view for view in worksheet.components if work_left(view.component.code)]
    views = views or worksheet.components[:1]
    if not views:
        return set()
    subs = [sub for sub in views[0].subs if work_left(sub.sub.code)] or views[0].subs[:1]
    return {views[0].component.code, *(sub.sub.code for sub in subs[:1])}


def result(request: HttpRequest, agency: str, year: int) -> HttpResponse:
    agency_obj, evaluation = find_evaluation(request, agency, year, required=False)
    if evaluation is None:
        return _not_started(request, agency_obj, year)
    worksheet = selectors.worksheet_of(evaluation)
    verdict = services.may_see_verdict(request.user, evaluation)
    shown = worksheet.result if verdict else worksheet.self_result
    return render(
        request,
        "evaluation/result.html",
        {
            "agency": agency_obj,
            "evaluation": evaluation,
            "worksheet": worksheet,
            "year": year,
            "verdict": verdict,
            "total": shown.total,
            "predicate": shown.predicate,
            "unanswered": shown.unanswered,
            "follow_ups": selectors.follow_ups_of(evaluation) if evaluation.is_final else [],
            **roles_of(request.user, agency_obj),
        },
    )
