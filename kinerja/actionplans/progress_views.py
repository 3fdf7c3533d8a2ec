"""An action's progress page: access → selector → form → `actionplans.progress` → render. No rule lives here: the
buttons shown follow `accounts.access`, and whatever is posted goes to the service, whose refusal is shown."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kinerja.accounts.access import (
    NOT_FOUND,
    agency_or_404,
    may_enter_actuals,
    may_plan,
    may_verify,
    supervised_positions,
)
from kinerja.core.file_downloads import stored_file_response
from kinerja.core.periods import quarter_label
from kinerja.organisation.models import Agency
from kinerja.performance import steps
from kinerja.performance.forms import add_service_errors
from kinerja.performance.steps import Status
from kinerja.performance.worklist import OtherWaiting
from kinerja.strategy.selectors import find_current_plan, get_current_plan

from . import progress as services
from .forms import ProgressForm, ReasonForm
from .models import ProgressEvidence
from .selectors import ProgressDetail, get_progress_detail, list_waiting_progress

STEPS = {
    "kirim": (services.submit_progress, gettext_lazy("The progress is sent to the superior for verification.")),
    "verifikasi": (services.verify_progress, gettext_lazy("The progress is verified.")),
}
WITH_REASON = {
    "kembalikan": (services.return_progress, gettext_lazy("The progress is returned to the official with the reason.")),
    "buka": (services.reopen_progress, gettext_lazy("The progress is reopened.")),
}


def _choices(request: HttpRequest, agency: Agency, detail: ProgressDetail) -> dict[str, bool]:
    """Which forms and buttons the page shows to this user (the service decides again on every post)."""
    user, progress = request.user, detail.progress
    positions = {row.position_id for row in detail.rows}
    enters = any(may_enter_actuals(user, row.position) for row in detail.rows)
    verifies = progress is not None and may_verify(user, positions, progress.entered_by_id)
    status = progress.status if progress is not None else Status.DRAFT
    return {
        "may_enter": enters and steps.is_draft(progress),
        "may_submit": progress is not None and steps.is_draft(progress) and progress.entered_by_id == user.pk,
        "may_verify": verifies and status == Status.SUBMITTED,
        "may_reopen": status == Status.VERIFIED and (verifies or may_plan(user, agency)),
    }


def _url(agency: Agency, item: int) -> str:
    return reverse("action-progress", args=[agency.code, item])


def _save(request: HttpRequest, detail: ProgressDetail, form: ProgressForm) -> None:
    """The progress and its file in one transaction: a refused file leaves the progress as it was."""
    with transaction.atomic():
        progress = services.record_progress(
            actor=request.user,
            action=detail.action,
            outcome=form.cleaned_data["outcome"],
            note=form.cleaned_data["note"],
        )
        upload = form.cleaned_data.get("evidence")
        if upload:
            services.add_progress_evidence(
                actor=request.user, progress=progress, name=upload.name, content=upload.read()
            )


def _post(request: HttpRequest, detail: ProgressDetail, form: ProgressForm, reason: ReasonForm) -> bool:
    """Run the posted step: True when done (the caller redirects), False when a form error stays on the form."""
    step = request.POST.get("langkah", "")
    if step == "simpan":
        if form.is_valid():
            try:
                _save(request, detail, form)
            except ValidationError as error:
                add_service_errors(form, error)
                return False
            messages.success(request, _("The progress is saved."))
            return True
        return False
    if step == "hapus-bukti":
        evidence = get_object_or_404(ProgressEvidence, pk=request.POST.get("bukti"), progress=detail.progress)
        services.remove_progress_evidence(actor=request.user, evidence=evidence)
        messages.success(request, _("The evidence file is removed."))
        return True
    if detail.progress is None or step not in STEPS | WITH_REASON:
        raise Http404(NOT_FOUND)
    if step in STEPS:
        service, done = STEPS[step]
        service(actor=request.user, progress=detail.progress)
    else:
        if not reason.is_valid():
            return False
        service, done = WITH_REASON[step]
        service(actor=request.user, progress=detail.progress, reason=reason.cleaned_data["reason"])
    messages.success(request, str(done))
    return True


def action_progress(request: HttpRequest, agency: str, item: int) -> HttpResponse:
    """An action's progress in its quarter: what was done, the note, the evidence, its state; the official enters
    and sends it, the superior verifies or returns it."""
    agency_obj = agency_or_404(request.user, agency)
    plan = get_current_plan(agency_obj)
    detail = get_progress_detail(plan, item)
    choices = _choices(request, agency_obj, detail)
    initial = {"outcome": detail.progress.outcome, "note": detail.progress.note} if detail.progress else {}
    posted = request.method == "POST"
    form = ProgressForm(request.POST if posted else None, request.FILES if posted else None, initial=initial)
    reason = ReasonForm(request.POST if posted and "reason" in request.POST else None)
    if posted:
        try:
            if _post(request, detail, form, reason):
                return redirect(_url(agency_obj, item))
        except PermissionDenied as error:
            raise Http404(NOT_FOUND) from error
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(_url(agency_obj, item))
    return render(
        request,
        "actionplans/progress.html",
        {
            "agency": agency_obj,
            "plan": plan,
            "year": detail.action.year,
            "detail": detail,
            "action": detail.action,
            "progress": detail.progress,
            "form": form,
            "reason_form": reason,
            **choices,
        },
        status=400 if posted else 200,
    )


def waiting_for_verification(user: object, agency: Agency) -> list[OtherWaiting]:
    """The progress of actions waiting for `user`'s verification, as the verification page of performance lists
    it (registered with `performance.worklist.register_waiting`; 2 queries: the plan, the progress)."""
    positions = supervised_positions(user)
    plan = find_current_plan(agency) if positions else None
    if plan is None:
        return []
    items = []
    for entry in list_waiting_progress(plan, None, positions, getattr(user, "pk", None)):
        action = entry.action
        text = _("%(code)s, %(quarter)s %(year)s: %(action)s — %(outcome)s") % {
            "code": action.indicator.code,
            "quarter": quarter_label(action.quarter),
            "year": action.year,
            "action": Truncator(action.description).chars(90),
            "outcome": entry.get_outcome_display(),
        }
        items.append(OtherWaiting(text, _url(agency, action.pk)))
    return items


def progress_evidence_download(request: HttpRequest, agency: str, evidence: int) -> FileResponse:
    agency_obj = agency_or_404(request.user, agency)
    item = get_object_or_404(
        ProgressEvidence.objects.select_related("progress__action"),
        pk=evidence,
        progress__action__indicator__plan__agency=agency_obj,
    )
    return stored_file_response(item)
