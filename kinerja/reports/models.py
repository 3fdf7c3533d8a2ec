"""The editable text of the performance report (LKjIP), kept per agency and year."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from kinerja.core.models import TimeStampedModel


class ReportChapter(TimeStampedModel):
    """A chapter of the LKjIP that planners write: the executive summary, chapter I, the narrative of
    chapter II and chapter IV. Chapter II's agreement table and all of chapter III are printed from the data."""

    class Kind(models.TextChoices):
        EXECUTIVE_SUMMARY = "executive_summary", _("Executive summary")
        INTRODUCTION = "introduction", _("Chapter I: introduction")
        PLANNING = "planning", _("Chapter II: performance planning (narrative)")
        CLOSING = "closing", _("Chapter IV: closing")

    agency = models.ForeignKey(
        "organisation.Agency", models.CASCADE, related_name="report_chapters", verbose_name=_("agency")
    )
    year = models.PositiveSmallIntegerField(_("year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)])
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"), blank=True, help_text=_("Paragraphs separated by an empty line."))

    class Meta:
        verbose_name = _("report chapter")
        verbose_name_plural = _("report chapters")
        ordering = ["agency", "-year", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "year", "kind"], name="report_chapter_once_per_year"),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.year})"

    @property
    def paragraphs(self) -> list[str]:
        return [part.strip() for part in self.body.replace("\r\n", "\n").split("\n\n") if part.strip()]


class EnactedDecree(models.Model):
    """A version of the IKU/IKI decree as it was when enacted (ditetapkan): the whole printed document, frozen.

    Later changes to the plan and the pages make the next draft; every enacted version still prints as it was."""

    decree = models.ForeignKey(
        "strategy.Decree", models.PROTECT, related_name="enacted_versions", verbose_name=_("decree")
    )
    version = models.PositiveSmallIntegerField(_("version"))
    enacted_at = models.DateTimeField(_("enacted at"), auto_now_add=True)
    enacted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("enacted by")
    )
    document = models.JSONField(_("document as printed"))

    class Meta:
        verbose_name = _("enacted decree")
        verbose_name_plural = _("enacted decrees")
        ordering = ["decree", "-version"]
        constraints = [models.UniqueConstraint(fields=["decree", "version"], name="enacted_decree_version_once")]

    def __str__(self) -> str:
        return f"{self.decree} v{self.version}"
