"""Reads of background jobs: a person's own jobs only (another's job is as if it did not exist)."""

import uuid
from pathlib import Path

from django.conf import settings

from kinerja.accounts.access import may_plan, may_read_agency
from kinerja.organisation.models import Agency
from kinerja.reports.catalogue import KINDS

from .models import EXPORT, Job

SHOWN = 40  # the person's latest jobs of an agency a page looks through


def get_job(user: object, agency: Agency, job_id: uuid.UUID) -> Job | None:
    """The job when it is `user`'s, of `agency`, and `user` may still download what it prepares (the same
    decision as the synchronous download): one query."""
    job = Job.objects.filter(pk=job_id, owner_id=getattr(user, "pk", None), agency=agency).first()
    if job is None:
        return None
    allowed = may_plan(user, agency) if job.kind == EXPORT else may_read_agency(user, agency)
    return job if allowed else None


def list_latest_jobs(
    user: object, agency: Agency, *, year: int | None = None, quarter: int = 4, position_code: str = ""
) -> dict[str, list[Job]]:
    """The person's latest job per document kind and format for what the page shows (the year, quarter and
    position the page is on; the workbook whatever the year): {kind: [job per format]}. One query."""
    if getattr(user, "pk", None) is None:
        return {}
    latest: dict[str, dict[str, Job]] = {}
    for job in Job.objects.filter(owner_id=user.pk, agency=agency).order_by("-created_at")[:SHOWN]:  # type: ignore[attr-defined]
        kind = KINDS.get(job.kind)
        if kind is not None:  # a document: the one the page shows now
            wanted = (year, quarter if kind.needs_quarter else 4, position_code if kind.per_position else "")
            if (job.year, job.quarter, job.position_code) != wanted:
                continue
        latest.setdefault(job.kind, {}).setdefault(job.fmt, job)
    return {kind: list(jobs.values()) for kind, jobs in latest.items()}


def job_file(job: Job) -> Path | None:
    """The job's file when it is done and the file is still there (a kept print is replaced when the data it
    shows changes: then the job's file is gone and it must be prepared again)."""
    if job.status != Job.Status.DONE or not job.file:
        return None
    path = Path(settings.MEDIA_ROOT) / job.file
    return path if path.is_file() else None
