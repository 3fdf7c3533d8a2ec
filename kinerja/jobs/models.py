"""A file prepared in the background for one person: a whole-agency document or the agency's workbook.

The engine (django-tasks, docs/scale.md) keeps its own queue; this row is what the person sees: whose job it is,
what it prints, where it stands (queued, running, done, failed with a sentence in Indonesian) and the file when
it is ready. It is written by `kinerja.jobs.services` only.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

EXPORT = "buku-kerja"  # the agency workbook (exchange); every other kind is a document slug of reports.catalogue


class Job(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("waiting for its turn")
        RUNNING = "running", _("being prepared")
        DONE = "done", _("ready")
        FAILED = "failed", _("failed")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.CASCADE, related_name="background_jobs", verbose_name=_("started by")
    )
    agency = models.ForeignKey(
        "organisation.Agency", models.CASCADE, related_name="background_jobs", verbose_name=_("agency")
    )
    kind = models.CharField(_("kind"), max_length=40)
    fmt = models.CharField(_("format"), max_length=8)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    quarter = models.PositiveSmallIntegerField(_("quarter"), default=4)
    position_code = models.CharField(_("position"), max_length=60, blank=True)  # "": every position
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    failure = models.TextField(_("why it failed"), blank=True)
    file = models.CharField(_("file"), max_length=300, blank=True)  # relative to MEDIA_ROOT
    filename = models.CharField(_("file name"), max_length=200, blank=True)
    task_id = models.CharField(_("task of the queue"), max_length=64, blank=True)
    created_at = models.DateTimeField(_("started at"), auto_now_add=True)
    started_at = models.DateTimeField(_("running since"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        verbose_name = _("background job")
        verbose_name_plural = _("background jobs")
        indexes = [models.Index(fields=["owner", "agency", "-created_at"], name="job_of_owner")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=["queued", "running", "done", "failed"]), name="job_status_known"
            ),
            models.CheckConstraint(condition=models.Q(quarter__gte=1, quarter__lte=4), name="job_quarter_1_to_4"),
        ]

    def __str__(self) -> str:
        return f"{self.kind}.{self.fmt} ({self.get_status_display()})"

    @property
    def pending(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.RUNNING)
