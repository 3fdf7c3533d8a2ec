"""Starting a background job: the one door (the documents page, the export page and any later door call these).

Who may start one is the same decision as the synchronous download it stands for: a document of an agency the
person may read (`access.may_read_agency`, as `reports.views.download`), the agency workbook for its planner
and the administrator (`access.may_plan`, as `exchange.views.export`). Each start is audited. With the database
backend (production) the job's task is written in the same transaction as the job, so a job is never without
its task nor a task without its job; with the immediate backend (`make run`, the tests) the job runs when the
transaction has committed, in the request, holding no transaction open while it prints.
"""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks_db import DatabaseBackend

from kinerja.accounts.access import may_plan, may_read_agency
from kinerja.core import audit
from kinerja.core.actors import Actor
from kinerja.core.models import AuditRecord
from kinerja.organisation.models import Agency
from kinerja.reports.catalogue import KINDS
from kinerja.strategy.selectors import find_current_plan

from . import tasks
from .models import EXPORT, Job

# The documents the page offers to prepare in the background: those that take seconds of CPU to print
# (bench/README.md, `make bench-print`: the decree ≈ 5 s, the decree book ≈ 8 s; the LKjIP and the agreements of
# every position as long or longer). The others print in well under a second and stay synchronous only.
BACKGROUND_KINDS = ("keputusan-iku-iki", "buku-iku-iki", "lkjip", "perjanjian-kinerja")
GIVE_UP_AFTER = datetime.timedelta(minutes=15)


@transaction.atomic
def start_document_job(
    *, actor: Actor, agency: Agency, kind: str, fmt: str, year: int, quarter: int = 4, position_code: str = ""
) -> Job:
    """Queue the printing of a document of `agency` into the kept prints (reports.stored), for `actor`."""
    if actor is None or not may_read_agency(actor, agency):
        raise PermissionDenied(_("This page was not found."))
    document_kind = KINDS.get(kind)
    if document_kind is None or kind not in BACKGROUND_KINDS:
        raise ValidationError({"kind": _("This document is not prepared in the background.")})
    if fmt not in document_kind.formats:
        raise ValidationError({"fmt": _("This document is not printed in that format.")})
    plan = find_current_plan(agency)
    if plan is None:
        raise ValidationError(_("This agency has no strategic plan yet."))
    if not plan.first_year <= year <= plan.last_year:
        raise ValidationError({"year": _("The year is outside the strategic plan.")})
    if not 1 <= quarter <= 4:
        raise ValidationError({"quarter": _("The quarter must be 1 to 4.")})
    if not document_kind.per_position:
        position_code = ""
    elif position_code and not agency.positions.filter(code=position_code).exists():
        raise ValidationError({"position_code": _("This position is not in the agency.")})
    if not document_kind.needs_quarter:
        quarter = 4
    return _start(actor, agency, kind=kind, fmt=fmt, year=year, quarter=quarter, position_code=position_code)


@transaction.atomic
def start_export_job(*, actor: Actor, agency: Agency) -> Job:
    """Queue the export of `agency`'s workbook (exchange), for `actor`: its planner or the administrator."""
    if actor is None or not may_plan(actor, agency):
        raise PermissionDenied(_("This page was not found."))
    return _start(actor, agency, kind=EXPORT, fmt="xlsx", year=None, quarter=4, position_code="")


def _start(actor: Actor, agency: Agency, **what: object) -> Job:
    mine = Job.objects.select_for_update().filter(owner=actor, agency=agency, **what)
    now = timezone.now()
    # a print takes seconds, a minute at most: a job running far longer lost its worker (killed, not stopped)
    with audit.in_record_language():
        given_up = _("The preparation stopped before it was finished (the worker was stopped); prepare it again.")
    mine.filter(status=Job.Status.RUNNING, started_at__lt=now - GIVE_UP_AFTER).update(
        status=Job.Status.FAILED, failure=given_up, finished_at=now
    )
    # the same file asked again while it is still on its way: that job, not a second one in the queue
    waiting = mine.filter(status__in=[Job.Status.QUEUED, Job.Status.RUNNING]).first()
    if waiting is not None:
        return waiting
    job = Job(owner=actor, agency=agency, **what)
    job.full_clean()
    job.save()
    audit.record(
        actor=actor,
        action=AuditRecord.Action.CREATED,
        obj=job,
        before=None,
        after=audit.snapshot(job),
        agency=agency,
    )
    if isinstance(tasks.run_job.get_backend(), DatabaseBackend):
        _enqueue(job)  # the queue is a table of this database: the job and its task commit (or roll back) together
    else:
        transaction.on_commit(lambda: _enqueue(job))  # runs at once: after the commit, holding no transaction
    return job


def _enqueue(job: Job) -> None:
    result = tasks.run_job.enqueue(str(job.pk))
    Job.objects.filter(pk=job.pk).update(task_id=str(result.id)[:64])
