"""The action plan (Rencana Aksi): per indicator and year, the actions of each quarter.

An action says what will be done, the output expected with its quantity and unit, the position in charge and the
sub-activity of the budget that pays for it. The quarterly targets stay where they are (performance.Target) and
are shown beside the actions; nothing here repeats them.
"""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kinerja.core.models import StoredEvidenceFile, TimeStampedModel
from kinerja.core.numbers import format_exact
from kinerja.performance.steps import Status


class ActionItem(TimeStampedModel):
    indicator = models.ForeignKey(
        "strategy.Indicator", models.CASCADE, related_name="action_items", verbose_name=_("indicator")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    quarter = models.PositiveSmallIntegerField(_("quarter"), choices=[(q, str(q)) for q in (1, 2, 3, 4)])
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    description = models.TextField(_("action"))
    output_quantity = models.DecimalField(_("output quantity"), max_digits=14, decimal_places=4, null=True, blank=True)
    output_unit = models.CharField(_("output unit"), max_length=60, blank=True)
    # SET_NULL: a position removed from the organisation leaves the action without its person in charge (the
    # page and the document print "—" and list it as missing) rather than blocking the removal
    responsible_position = models.ForeignKey(
        "organisation.Position",
        models.SET_NULL,
        null=True,
        related_name="action_items",
        verbose_name=_("person in charge"),
    )
    sub_activity = models.ForeignKey(
        "strategy.SubActivity",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="action_items",
        verbose_name=_("sub-activity"),
    )
    is_example = models.BooleanField(_("example data"), default=False)

    class Meta:
        verbose_name = pgettext_lazy("action plan", "action")
        verbose_name_plural = pgettext_lazy("action plan", "actions")
        ordering = ["indicator", "year", "quarter", "order", "pk"]
        indexes = [models.Index(fields=["indicator", "year", "quarter"], name="action_item_period")]
        constraints = [
            models.CheckConstraint(condition=Q(quarter__gte=1, quarter__lte=4), name="action_item_quarter_1_to_4"),
            models.CheckConstraint(
                condition=Q(output_quantity__isnull=True) | Q(output_quantity__gte=0),
                name="action_item_quantity_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return self.description[:80]

    @property
    def output_text(self) -> str:
        """The expected output as a person reads it: "4 dokumen", "2,5 laporan"; "—" without a quantity."""
        return f"{format_exact(self.output_quantity)} {self.output_unit}".strip()

    @property
    def progress_or_none(self) -> "ActionProgress | None":
        """The action's progress, None before any is entered (read with `select_related("progress")`)."""
        try:
            return self.progress
        except ObjectDoesNotExist:
            return None

    def clean(self) -> None:
        errors: dict[str, object] = {}
        plan = self.indicator.plan if self.indicator_id else None
        if plan is not None and self.year is not None and self.year not in plan.years:
            errors["year"] = _("The year is outside the strategic plan (%(first)s–%(last)s).") % {
                "first": plan.first_year,
                "last": plan.last_year,
            }
        if self.quarter is not None and self.quarter not in (1, 2, 3, 4):
            errors["quarter"] = _("The quarter must be 1 to 4.")
        if self.output_quantity is not None and self.output_quantity < Decimal(0):
            errors["output_quantity"] = _("The output quantity cannot be negative.")
        if not (self.description or "").strip():
            errors["description"] = _("Write what will be done.")
        position = self.responsible_position if self.responsible_position_id else None
        if plan is not None and position is not None and position.agency_id != plan.agency_id:
            errors["responsible_position"] = _("The person in charge must be a position of this agency.")
        budget = self.sub_activity if self.sub_activity_id else None
        if plan is not None and budget is not None and budget.activity.programme.plan_id != plan.pk:
            errors["sub_activity"] = _("The sub-activity belongs to another strategic plan.")
        if errors:
            raise ValidationError(errors)


class ActionProgress(TimeStampedModel):
    """How far an action was carried out in its quarter — done, partly done, not done — with a note and evidence
    files; entered by the official holding a page that prints the indicator and verified by their superior, through
    the same state rule as an actual (`performance.steps`)."""

    class Outcome(models.TextChoices):
        DONE = "done", _("Carried out")
        PARTLY = "partly", _("Partly carried out")
        NOT_DONE = "not_done", _("Not carried out")

    action = models.OneToOneField(ActionItem, models.CASCADE, related_name="progress", verbose_name=_("action"))
    outcome = models.CharField(_("progress"), max_length=10, choices=Outcome.choices)
    note = models.TextField(_("note"), blank=True, max_length=2000)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    status_reason = models.TextField(_("reason of the last return or reopening"), blank=True, max_length=2000)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("entered by")
    )
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("verified by"),
    )
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True)
    is_example = models.BooleanField(_("example data"), default=False)

    class Meta:
        verbose_name = _("progress of an action")
        verbose_name_plural = _("progress of actions")
        ordering = ["action"]
        constraints = [
            models.CheckConstraint(
                condition=Q(outcome__in=["done", "partly", "not_done"]), name="action_progress_outcome_known"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.action}: {self.get_outcome_display()}"


def progress_evidence_path(instance: "ProgressEvidence", filename: str) -> str:
    """A safe generated name, as for an actual's evidence: the uploader's file name is kept only as data."""
    return f"evidence/rencana-aksi/{instance.progress.action.year}/{instance.stored_name}"


class ProgressEvidence(StoredEvidenceFile):
    """An evidence file of an action's progress: the same stored-file base, size and kinds as an actual's."""

    progress = models.ForeignKey(
        ActionProgress, models.CASCADE, related_name="evidence", verbose_name=_("progress of an action")
    )
    file = models.FileField(_("file"), upload_to=progress_evidence_path, max_length=300)

    class Meta:
        verbose_name = _("evidence of an action's progress")
        verbose_name_plural = _("evidence of actions' progress")
        ordering = ["progress", "created_at"]
