from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from kinerja.accounts.access import may_see_addresses

from . import audit
from .models import AuditRecord


def _admin_note(*, deleted: bool) -> str:
    """The trail's note of a change made in the admin, in the record language whoever made it."""
    with audit.in_record_language():
        if deleted:
            return gettext("deleted through the administration pages")
        return gettext("changed through the administration pages")


class ReadOnlyAdmin(admin.ModelAdmin):
    """Rows that the application writes through its own services and never changes afterwards: shown, not edited."""

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class ReadOnlyInline:
    """The inline rows of a `ReadOnlyAdmin`'s kind, shown on their parent's page: every field read-only, no add,
    no delete (mixed in before admin.TabularInline or StackedInline, with `fields`)."""

    fields: list[str] = []

    def get_readonly_fields(self, request, obj=None) -> list[str]:  # type: ignore[no-untyped-def]
        return list(self.fields)

    def has_add_permission(self, request, obj=None) -> bool:  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None) -> bool:  # type: ignore[no-untyped-def]
        return False

    def has_delete_permission(self, request, obj=None) -> bool:  # type: ignore[no-untyped-def]
        return False


class EditedInKinerja(ReadOnlyAdmin):
    """Rows whose rules live in a Kinerja service (uniqueness sentences, "removed only while unused", who may plan,
    the audit): the admin shows them and says where they are edited — `kinerja_page(obj)` gives the page's URL."""

    without_page: object = "—"  # shown when the row has no page to open

    def kinerja_page(self, obj: models.Model) -> str:  # pragma: no cover - every subclass names its page
        raise NotImplementedError

    @admin.display(description=_("edited in Kinerja"))
    def edit_in_kinerja(self, obj: models.Model) -> str:
        url = self.kinerja_page(obj) if obj is not None and obj.pk else ""
        if not url:
            return str(self.without_page)
        return format_html('<a href="{}">{}</a>', url, gettext("Open the page where it is edited"))

    def get_readonly_fields(self, request, obj=None):  # type: ignore[no-untyped-def]
        return ["edit_in_kinerja", *super().get_readonly_fields(request, obj)]

    def get_fields(self, request, obj=None):  # type: ignore[no-untyped-def]
        fields = [name for name in super().get_fields(request, obj) if name != "edit_in_kinerja"]
        return ["edit_in_kinerja", *fields]


class PlainSentencesForm(forms.ModelForm):
    """An admin form that never shows a constraint's name ("Batasan “unit_not_own_parent” dilanggar."): the model's
    own rules run as everywhere (`full_clean`: its fields, its `clean()`, its constraints), and a violated constraint
    reads as the sentence the admin gives for it in `constraint_sentences`, or a plain one."""

    constraint_sentences: dict[str, str] = {}

    def _plain(self, errors: ValidationError) -> ValidationError:
        named = {str(rule.get_violation_error_message()): rule.name for rule in self._meta.model._meta.constraints}

        def plain(error: ValidationError) -> ValidationError:
            message = str(error.message % error.params if error.params else error.message)
            if message not in named:
                return error
            sentence = self.constraint_sentences.get(named[message]) or gettext(
                "This change breaks a rule of the data; check the values against the other rows."
            )
            return ValidationError(str(sentence), code="constraint")

        if hasattr(errors, "error_dict"):
            return ValidationError({name: [plain(e) for e in found] for name, found in errors.error_dict.items()})
        return ValidationError([plain(e) for e in errors.error_list])

    def _update_errors(self, errors: ValidationError) -> None:
        super()._update_errors(self._plain(errors))

    def _post_clean(self) -> None:
        """Django skips a constraint that names a field the form leaves out — the primary key of "not its own
        parent" among them (the database would then answer with an error page): those are asked here too."""
        super()._post_clean()
        exclude = self._get_validation_exclusions()
        key = self._meta.model._meta.pk.name
        if self.instance.pk is None or key not in exclude:
            return
        try:
            self.instance.validate_constraints(exclude=exclude - {key})
        except ValidationError as error:
            shown = {str(message) for messages in self._errors.values() for message in messages}
            found = self._plain(error).message_dict
            new = {name: [m for m in messages if m not in shown] for name, messages in found.items()}
            new = {name: messages for name, messages in new.items() if messages}
            if new:
                super()._update_errors(ValidationError(new))


@admin.register(AuditRecord)
class AuditRecordAdmin(ReadOnlyAdmin):
    """Read-only: the audit trail is written by the services and never changed or deleted."""

    list_display = ["at", "actor_name", "ip_address", "action", "object_label", "description", "agency"]
    list_filter = ["action", "object_label", "agency"]
    search_fields = ["description", "actor_name", "object_repr", "note"]
    list_select_related = ["agency"]
    date_hierarchy = "at"

    def get_list_display(self, request):  # type: ignore[no-untyped-def]
        shown = super().get_list_display(request)
        return shown if may_see_addresses(request.user) else [name for name in shown if name != "ip_address"]

    def get_fields(self, request, obj=None):  # type: ignore[no-untyped-def]
        fields = super().get_fields(request, obj)
        return fields if may_see_addresses(request.user) else [name for name in fields if name != "ip_address"]


def _agency_of(obj: models.Model) -> object:
    """The agency a record of the admin belongs to, found along the usual foreign keys (None for a region)."""
    for path in (
        "agency_id",
        "plan.agency_id",
        "position.agency_id",
        "decree.plan.agency_id",
        "indicator.plan.agency_id",
        "objective.plan.agency_id",
        "programme.plan.agency_id",
    ):
        value: object = obj
        for name in path.split("."):
            value = getattr(value, name, None)
            if value is None:
                break
        if value is not None:
            return value
    return None


class AuditedModelAdmin(admin.ModelAdmin):
    """A model admin whose every save and deletion — of the object and of its inline rows — goes into the audit
    trail with the values before and after, like the services' writes. Its form runs the model's rules and names no
    constraint (`PlainSentencesForm`)."""

    form = PlainSentencesForm

    def save_model(self, request, obj, form, change) -> None:
        before = audit.snapshot(type(obj).objects.filter(pk=obj.pk).first()) if change and obj.pk else None
        super().save_model(request, obj, form, change)
        audit.record_change(
            actor=request.user,
            obj=obj,
            before=before,
            agency=_agency_of(obj),
            note=_admin_note(deleted=False),
        )

    def delete_model(self, request, obj) -> None:
        audit.record(
            actor=request.user,
            action=AuditRecord.Action.DELETED,
            obj=obj,
            before=audit.snapshot(obj),
            after=None,
            agency=_agency_of(obj),
            note=_admin_note(deleted=True),
        )
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset) -> None:
        for obj in queryset:
            audit.record(
                actor=request.user,
                action=AuditRecord.Action.DELETED,
                obj=obj,
                before=audit.snapshot(obj),
                after=None,
                agency=_agency_of(obj),
                note=_admin_note(deleted=True),
            )
        super().delete_queryset(request, queryset)

    def save_formset(self, request, form, formset, change) -> None:
        befores = {
            inline_form.instance.pk: audit.snapshot(
                type(inline_form.instance).objects.filter(pk=inline_form.instance.pk).first()
            )
            for inline_form in formset.forms
            if inline_form.instance.pk
        }
        for obj in getattr(formset, "deleted_forms", []):
            if obj.instance.pk:
                audit.record(
                    actor=request.user,
                    action=AuditRecord.Action.DELETED,
                    obj=obj.instance,
                    before=befores.get(obj.instance.pk),
                    after=None,
                    agency=_agency_of(obj.instance),
                    note=_admin_note(deleted=True),
                )
        super().save_formset(request, form, formset, change)
        for obj in formset.new_objects + [item for item, _fields in formset.changed_objects]:
            audit.record_change(
                actor=request.user,
                obj=obj,
                before=befores.get(obj.pk),
                agency=_agency_of(obj),
                note=_admin_note(deleted=False),
            )
