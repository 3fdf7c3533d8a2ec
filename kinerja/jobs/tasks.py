"""The work a queued job does, run by the engine (django-tasks): the one writer of a job's progress.

`run_job` prints through the same functions as the synchronous download — `reports.catalogue.build_document`
then `reports.stored.printed`, which keeps the file where the documents page then serves it at once — or
writes the workbook as `exchange.views.export` does (`export_agency_data`, `write_workbook`). It is the system
at work (no person, no door): who may start a job was asked by `services` when it was queued.
"""

import datetime
import logging
import os
import tempfile
from pathlib import Path

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from kinerja.exchange.exporter import export_agency_data
from kinerja.exchange.workbook.xlsx import write_workbook
from kinerja.reports import stored
from kinerja.reports.catalogue import KINDS, DocumentUnavailable, Request, build_document
from kinerja.strategy.selectors import find_current_plan

from .models import EXPORT, Job

logger = logging.getLogger(__name__)
FOLDER = "jobs"  # MEDIA_ROOT/jobs/<agency>/<job>.xlsx: the exported workbooks (documents stay in reports.stored)


@task()
def run_job(job_id: str) -> str:
    """Prepare the job's file; its row says running, then done with the file or failed with a sentence."""
    job = Job.objects.select_related("agency").filter(pk=job_id).first()
    if job is None or job.status != Job.Status.QUEUED:
        return "skipped"  # deleted meanwhile, or already taken by another worker
    Job.objects.filter(pk=job.pk).update(status=Job.Status.RUNNING, started_at=timezone.now())
    try:
        path, filename = _produce(job)
    except Exception as error:
        Job.objects.filter(pk=job.pk).update(
            status=Job.Status.FAILED, failure=_failure(error), finished_at=timezone.now()
        )
        raise  # the engine records the failure (and its traceback) in its own result table too
    Job.objects.filter(pk=job.pk).update(
        status=Job.Status.DONE,
        file=str(path.relative_to(settings.MEDIA_ROOT)),
        filename=filename,
        failure="",
        finished_at=timezone.now(),
    )
    return "done"


def _failure(error: Exception) -> str:
    """The sentence the person reads, in Indonesian whoever started the job (as the documents are)."""
    if isinstance(error, DocumentUnavailable):
        return str(error)
    logger.exception("background job failed")
    with translation.override(settings.LANGUAGE_CODE):
        return _(
            "The file could not be prepared because of an error in the system; try again, or tell the administrator."
        )


def _produce(job: Job) -> tuple[Path, str]:
    if job.kind == EXPORT:
        return _export(job)
    kind = KINDS[job.kind]
    with translation.override(settings.LANGUAGE_CODE):
        plan = find_current_plan(job.agency)
        if plan is None:
            raise DocumentUnavailable(_("This agency has no strategic plan yet."))
        position = None
        if job.position_code:
            position = job.agency.positions.filter(code=job.position_code).first()
            if position is None:
                raise DocumentUnavailable(_("The position of this document is no longer in the agency."))
    request = Request(job.agency, plan, job.year or plan.first_year, job.quarter, position)
    document = build_document(kind, request)
    stored.printed(document, kind.slug, job.fmt, job.agency.code)  # the same call as reports.views.download
    path = stored.printed_path(document, kind.slug, job.fmt, job.agency.code)
    if not path.is_file():  # storage that cannot be written (logged by reports.stored): no file to offer
        raise OSError(f"printed file not kept: {path}")
    return path, f"{document.filename_stem}.{job.fmt}"


def _export(job: Job) -> tuple[Path, str]:
    content = write_workbook(export_agency_data(job.agency))
    folder = Path(settings.MEDIA_ROOT) / FOLDER / job.agency.code
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{job.pk}.xlsx"
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=".", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(content)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    stamp = datetime.date.today().isoformat()
    return path, f"{job.agency.code}-{stamp}.xlsx"
