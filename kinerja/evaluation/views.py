"""Pages of the SAKIP evaluation: thin — access asks `kinerja.accounts.access`, reads go through `selectors`,
writes through `services`. Anything outside a user's reach answers 404."""

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from kinerja.accounts.access import NOT_FOUND, agency_or_404, may_evaluate, reach_of
from kinerja.core.file_downloads import stored_file_response
from kinerja.core.periods import parse_year
from kinerja.organisation.models import Agency, Region

from . import selectors, services
from .links import LINKS, link_url
from .models import Answer, Evaluation, EvaluationEvidence, FollowUp

YEARS_SHOWN = 6


def _evaluation(
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


def _answer(evaluation: Evaluation, criterion: str) -> Answer:
    return get_object_or_404(
        Answer.objects.select_related("criterion__sub_component__component", "evaluation__agency"),
        evaluation=evaluation,
        criterion__code=criterion,
    )


def _back(evaluation: Evaluation, anchor: str = "") -> HttpResponseRedirect:
    """Back to the worksheet, at the criterion (`?kriteria=` unfolds its component and sub-component)."""
    url = reverse("evaluation-page", args=[evaluation.agency.code, evaluation.year])
    return redirect(url + (f"?kriteria={anchor}#k-{anchor}" if anchor else ""))


def _saved(request: HttpRequest, evaluation: Evaluation, answer: Answer, error: ValidationError | None) -> HttpResponse:
    """After a save: the htmx request gets the small status of the criterion (saved, or why not) with the
    page's counters swapped out of band; a plain form post goes back to the criterion."""
    if not request.htmx:
        if error is not None:
            _problems(request, error)
        return _back(evaluation, answer.criterion.code)
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


def _problems(request: HttpRequest, error: ValidationError) -> None:
    messages.error(request, " ".join(error.messages))


def _roles(user: object, agency: Agency) -> dict[str, bool]:
    return {"may_prepare": services.may_prepare(user, agency), "may_evaluate": may_evaluate(user, agency)}


def index(request: HttpRequest, agency: str) -> HttpResponse:
    agency_obj = agency_or_404(request.user, agency)
    evaluations = list(Evaluation.objects.filter(agency=agency_obj).select_related("version").order_by("-year"))
    return render(
        request,
        "evaluation/index.html",
        {
            "agency": agency_obj,
            "evaluations": evaluations,
            **_roles(request.user, agency_obj),
            "summary_year": evaluations[0].year if evaluations else datetime.date.today().year - 1,
        },
    )


@require_POST
def start(request: HttpRequest, agency: str) -> HttpResponse:
    agency_obj = agency_or_404(request.user, agency)
    year = parse_year(request.POST.get("year"))
    if year is None:
        messages.error(request, "Isi tahun yang dievaluasi (2000–2100).")
        return redirect("evaluation-index", agency_obj.code)
    try:
        evaluation = services.start_evaluation(actor=request.user, agency=agency_obj, year=year)
    except PermissionDenied as error:
        raise Http404(NOT_FOUND) from error
    except ValidationError as error:
        _problems(request, error)
        return redirect("evaluation-index", agency_obj.code)
    return _back(evaluation)


def _not_started(request: HttpRequest, agency: Agency, year: int) -> HttpResponse:
    return render(
        request,
        "evaluation/not_started.html",
        {
            "agency": agency,
            "year": year,
            **_roles(request.user, agency),
            "previous": selectors.previous_follow_ups(agency, year),
        },
    )


def evaluation_page(request: HttpRequest, agency: str, year: int) -> HttpResponse:
    agency_obj, evaluation = _evaluation(request, agency, year, required=False)
    if evaluation is None:
        return _not_started(request, agency_obj, year)
    worksheet = selectors.worksheet_of(evaluation, with_evidence=True)
    roles = _roles(request.user, agency_obj)
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
    agency_obj, evaluation = _evaluation(request, agency, year, required=False)
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
            **_roles(request.user, agency_obj),
        },
    )


@require_POST
def submit(request: HttpRequest, agency: str, year: int) -> HttpResponse:
    """Two steps: a POST without `confirmed` only shows what sending means (how many criteria are unanswered,
    that the answers can no longer be changed); the confirmation form sends. Incomplete answers go only with
    `send_incomplete` (the service's rule)."""
    agency_obj, evaluation = _evaluation(request, agency, year)
    roles = _roles(request.user, agency_obj)
    if not (roles["may_prepare"] or roles["may_evaluate"]):
        raise Http404(NOT_FOUND)
    if evaluation.state != Evaluation.State.SELF_ASSESSMENT:
        messages.error(request, "Penilaian mandiri sudah dikirim.")
        return _back(evaluation)
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
            messages.success(request, "Penilaian mandiri dikirim ke inspektorat.")
            return _back(evaluation)
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
    _, evaluation = _evaluation(request, agency, year)
    try:
        evaluation = services.finalise(actor=request.user, evaluation=evaluation)
    except PermissionDenied as error:
        raise Http404(NOT_FOUND) from error
    except ValidationError as error:
        _problems(request, error)
        return _back(evaluation)
    messages.success(request, f"Evaluasi SAKIP {year} ditetapkan final.")
    return redirect("evaluation-result", evaluation.agency.code, year)


@require_POST
def self_assessment(request: HttpRequest, agency: str, year: int, criterion: str) -> HttpResponse:
    _, evaluation = _evaluation(request, agency, year)
    answer = _answer(evaluation, criterion)
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
    _, evaluation = _evaluation(request, agency, year)
    if not may_evaluate(request.user, evaluation.agency):
        raise Http404(NOT_FOUND)
    answer = _answer(evaluation, criterion)
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


@require_POST
def add_evidence(request: HttpRequest, agency: str, year: int, criterion: str) -> HttpResponse:
    _, evaluation = _evaluation(request, agency, year)
    answer = _answer(evaluation, criterion)
    try:
        for upload in request.FILES.getlist("file"):
            services.add_evidence_file(actor=request.user, answer=answer, name=upload.name, content=upload.read())
        if request.POST.get("link"):
            services.add_evidence_link(actor=request.user, answer=answer, key=request.POST["link"])
    except PermissionDenied as error:
        raise Http404(NOT_FOUND) from error
    except ValidationError as error:
        _problems(request, error)
    return _back(evaluation, criterion)


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
    _, evaluation = _evaluation(request, agency, year)
    item = _evidence(evaluation, evidence)
    if item.link:
        return redirect(link_url(item.link, evaluation.agency.code, evaluation.year))
    return stored_file_response(item)


@require_POST
def remove_evidence(request: HttpRequest, agency: str, year: int, evidence: int) -> HttpResponse:
    _, evaluation = _evaluation(request, agency, year)
    item = _evidence(evaluation, evidence)
    try:
        services.remove_evidence(actor=request.user, evidence=item)
    except PermissionDenied as error:
        raise Http404(NOT_FOUND) from error
    except ValidationError as error:
        _problems(request, error)
    return _back(evaluation, (item.answer or item.follow_up.answer).criterion.code)


@require_POST
def follow_up(request: HttpRequest, agency: str, year: int, follow_up: int) -> HttpResponse:
    """The agency answers a follow-up (action, evidence); the inspectorate marks it done or not done."""
    _, evaluation = _evaluation(request, agency, year)
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
        _problems(request, error)
    return redirect(reverse("evaluation-result", args=[evaluation.agency.code, year]) + f"#t-{item.pk}")


def region_summary(request: HttpRequest, region: str, year: int) -> HttpResponse:
    """Every agency of the region: score, predicate, change from last year — for the inspectorate, Bappeda and
    the administrator."""
    region_obj = Region.objects.filter(code=region).first()
    reach = reach_of(request.user)
    if region_obj is None or not (reach.admin or region_obj.pk in reach.regions):
        raise Http404(NOT_FOUND)
    rows = selectors.region_summary(region_obj, year)
    return render(
        request,
        "evaluation/region.html",
        {
            "region": region_obj,
            "year": year,
            "rows": rows,
            "years": range(year - YEARS_SHOWN + 2, year + 2),
            "may_evaluate": region_obj.pk in reach.inspected,
        },
    )
