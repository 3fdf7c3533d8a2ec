"""Whether an agency shows its plan and verified achievements on the public page (no login)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kinerja.core.models import TimeStampedModel


class Publication(TimeStampedModel):
    """An agency's public page: shown only while `is_published`; set in the admin or by the agency's planner
    (dashboard.services.set_published, recorded in the audit trail)."""

    agency = models.OneToOneField(
        "organisation.Agency", models.CASCADE, related_name="publication", verbose_name=_("agency")
    )
    is_published = models.BooleanField(_("published"), default=False)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("changed by")
    )

    class Meta:
        verbose_name = _("public page")
        verbose_name_plural = _("public pages")
        ordering = ["agency__name"]

    def __str__(self) -> str:
        return str(self.agency)
