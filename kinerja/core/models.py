from django.db import models
from django.utils.translation import gettext_lazy as _


class TimeStampedModel(models.Model):
    """When a row was created and last changed."""

    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        abstract = True


class OrderedTextItem(TimeStampedModel):
    """One numbered line of an ordered list (a function of a position, a consideration of a decree).

    `number` is the label as printed when it differs from the position in the list ("1" twice in the seed).
    """

    order = models.PositiveSmallIntegerField(_("order"))
    number = models.CharField(_("printed number"), max_length=10, blank=True)
    text = models.TextField(_("text"))

    class Meta:
        abstract = True
        ordering = ["order"]

    def __str__(self) -> str:
        return f"{self.label}) {self.text[:60]}"

    @property
    def label(self) -> str:
        return self.number or str(self.order)
