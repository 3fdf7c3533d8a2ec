"""The budget nomenclature of a plan: programme → activity → sub-activity, each serving objectives and indicators."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from kinerja.core.models import TimeStampedModel

from .plan import Indicator, Objective, StrategicPlan, plan_code_validator


class BudgetNomenclature(TimeStampedModel):
    """Programme, activity and sub-activity share a code and a name (Permendagri 90/2019)."""

    code = models.CharField(_("code"), max_length=40, validators=[plan_code_validator])
    name = models.TextField(_("name"))
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        abstract = True
        ordering = ["order"]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class Programme(BudgetNomenclature):
    plan = models.ForeignKey(StrategicPlan, models.CASCADE, related_name="programmes", verbose_name=_("plan"))
    objectives = models.ManyToManyField(
        Objective, blank=True, related_name="programmes", verbose_name=_("objectives served")
    )
    indicators = models.ManyToManyField(
        Indicator, blank=True, related_name="programmes", verbose_name=_("indicators served")
    )

    class Meta(BudgetNomenclature.Meta):
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        constraints = [models.UniqueConstraint(fields=["plan", "code"], name="programme_code_unique")]


class Activity(BudgetNomenclature):
    programme = models.ForeignKey(Programme, models.CASCADE, related_name="activities", verbose_name=_("programme"))
    indicators = models.ManyToManyField(
        Indicator, blank=True, related_name="activities", verbose_name=_("indicators served")
    )
    responsible_position = models.ForeignKey(
        "organisation.Position",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="activities",
        verbose_name=_("responsible position"),
    )

    class Meta(BudgetNomenclature.Meta):
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        constraints = [models.UniqueConstraint(fields=["programme", "code"], name="activity_code_unique")]

    def clean(self) -> None:
        if (
            self.responsible_position_id
            and self.programme_id
            and (self.responsible_position.agency_id != self.programme.plan.agency_id)
        ):
            raise ValidationError({"responsible_position": _("The position belongs to another agency.")})


class SubActivity(BudgetNomenclature):
    activity = models.ForeignKey(Activity, models.CASCADE, related_name="sub_activities", verbose_name=_("activity"))
    indicators = models.ManyToManyField(
        Indicator, blank=True, related_name="sub_activities", verbose_name=_("indicators served")
    )
    responsible_position = models.ForeignKey(
        "organisation.Position",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="sub_activities",
        verbose_name=_("responsible position"),
    )

    class Meta(BudgetNomenclature.Meta):
        verbose_name = _("sub-activity")
        verbose_name_plural = _("sub-activities")
        constraints = [models.UniqueConstraint(fields=["activity", "code"], name="sub_activity_code_unique")]

    def clean(self) -> None:
        if (
            self.responsible_position_id
            and self.activity_id
            and (self.responsible_position.agency_id != self.activity.programme.plan.agency_id)
        ):
            raise ValidationError({"responsible_position": _("The position belongs to another agency.")})
