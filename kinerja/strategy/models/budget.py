"""The budget (pagu anggaran) of a programme, an activity or a sub-activity for one year, in rupiah."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kinerja.core.models import TimeStampedModel

from .programmes import Activity, Programme, SubActivity

ITEM_FIELDS = ("programme", "activity", "sub_activity")

_ONE_ITEM = (
    Q(programme__isnull=False, activity__isnull=True, sub_activity__isnull=True)
    | Q(programme__isnull=True, activity__isnull=False, sub_activity__isnull=True)
    | Q(programme__isnull=True, activity__isnull=True, sub_activity__isnull=False)
)


class Budget(TimeStampedModel):
    """The budget of exactly one programme, activity or sub-activity for a year (Decimal rupiah)."""

    programme = models.ForeignKey(
        Programme, models.CASCADE, null=True, blank=True, related_name="budgets", verbose_name=_("programme")
    )
    activity = models.ForeignKey(
        Activity, models.CASCADE, null=True, blank=True, related_name="budgets", verbose_name=_("activity")
    )
    sub_activity = models.ForeignKey(
        SubActivity,
        models.CASCADE,
        null=True,
        blank=True,
        related_name="budgets",
        verbose_name=_("sub-activity"),
    )
    year = models.PositiveSmallIntegerField(_("year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)])
    amount = models.DecimalField(_("amount (Rp)"), max_digits=18, decimal_places=2, validators=[MinValueValidator(0)])
    is_example = models.BooleanField(_("example data"), default=False)

    class Meta:
        verbose_name = _("budget")
        verbose_name_plural = _("budgets")
        ordering = ["year", "programme", "activity", "sub_activity"]
        constraints = [
            models.CheckConstraint(condition=_ONE_ITEM, name="budget_exactly_one_item"),
            models.CheckConstraint(condition=Q(amount__gte=0), name="budget_amount_not_negative"),
            models.UniqueConstraint(
                fields=["programme", "year"],
                condition=Q(programme__isnull=False),
                name="budget_once_per_programme_year",
            ),
            models.UniqueConstraint(
                fields=["activity", "year"], condition=Q(activity__isnull=False), name="budget_once_per_activity_year"
            ),
            models.UniqueConstraint(
                fields=["sub_activity", "year"],
                condition=Q(sub_activity__isnull=False),
                name="budget_once_per_sub_activity_year",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.item} {self.year}: {self.amount}"

    @property
    def item(self) -> Programme | Activity | SubActivity | None:
        return self.programme or self.activity or self.sub_activity

    def clean(self) -> None:
        given = [name for name in ITEM_FIELDS if getattr(self, f"{name}_id") is not None]
        if len(given) != 1:
            message = _("A budget belongs to exactly one programme, activity or sub-activity.")
            raise ValidationError({name: message for name in (given or ["programme"])})
