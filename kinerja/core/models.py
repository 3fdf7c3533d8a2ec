from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .stored_files import StoredFileMixin


class TimeStampedModel(models.Model):
    """When a row was created and last changed."""

    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        abstract = True


class StoredEvidenceFile(StoredFileMixin, TimeStampedModel):
    """The fields of an uploaded evidence file that every evidence row keeps (an actual's, an action's progress):
    filled by `StoredFileMixin.put_file` from a checked upload. Each concrete model adds its owner and `file`
    (its own `upload_to`)."""

    stored_name = models.CharField(_("stored name"), max_length=100, unique=True)
    original_name = models.CharField(_("original file name"), max_length=255)
    kind = models.CharField(_("kind"), max_length=20)
    content_type = models.CharField(_("content type"), max_length=100)
    size = models.PositiveBigIntegerField(_("size (bytes)"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    is_example = models.BooleanField(_("example data"), default=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("uploaded by"),
    )

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.original_name


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


class AuditRecordQuerySet(models.QuerySet):
    def delete(self):  # type: ignore[override]
        raise PermissionError(_("Audit records are never deleted."))


class AuditRecord(models.Model):
    """One change made through a service: who, when, from where, what, and the values before and after.

    Written only by `kinerja.core.audit.record`; never changed or deleted by the application (the admin is
    read-only, `delete()` refuses, and on PostgreSQL triggers refuse a DELETE and any UPDATE but the emptying of
    `user`, `agency` or `region` when that row is deleted). `region` is the agency's, written with the record (none
    for records about users and roles). On PostgreSQL the table is partitioned by year of `at`
    (migration 0003, `manage.py audit_partitions`); its primary key there is (id, at)."""

    class Action(models.TextChoices):
        CREATED = "created", _("created")
        CHANGED = "changed", _("changed")
        DELETED = "deleted", _("deleted")
        LOADED = "loaded", _("loaded from a dataset")
        SUBMITTED = "submitted", _("submitted")
        VERIFIED = "verified", _("verified")
        RETURNED = "returned", _("returned")
        REOPENED = "reopened", _("reopened")

    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("user"),
    )
    actor_name = models.CharField(_("by"), max_length=200, help_text=_("Kept even when the user is removed."))
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    action = models.CharField(_("action"), max_length=12, choices=Action.choices)
    object_label = models.CharField(_("kind of object"), max_length=100)
    object_pk = models.CharField(_("object key"), max_length=64)
    object_repr = models.CharField(_("object"), max_length=300, blank=True)
    about_label = models.CharField(_("history of kind"), max_length=100)
    about_pk = models.CharField(_("history of key"), max_length=64)
    agency = models.ForeignKey(
        "organisation.Agency",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("agency"),
    )
    region = models.ForeignKey(
        "organisation.Region",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,  # the leading column of audit_region
        verbose_name=_("region"),
    )
    description = models.CharField(_("description"), max_length=500)
    note = models.TextField(_("note"), blank=True)
    before = models.JSONField(_("before"), null=True, blank=True)
    after = models.JSONField(_("after"), null=True, blank=True)

    objects = AuditRecordQuerySet.as_manager()

    class Meta:
        verbose_name = _("audit record")
        verbose_name_plural = _("audit records")
        ordering = ["-at", "-pk"]
        indexes = [
            models.Index(fields=["about_label", "about_pk", "-at"], name="audit_about"),
            models.Index(fields=["agency", "-at"], name="audit_agency"),
            models.Index(fields=["region", "-at"], name="audit_region"),
            models.Index(fields=["object_label", "object_pk"], name="audit_object"),
        ]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_name}: {self.description}"

    def delete(self, *args, **kwargs):  # type: ignore[override]
        raise PermissionError(_("Audit records are never deleted."))
