"""The admin is one more door: every save goes through the same service as the pages and the API. The form
tries the service first in a transaction that is rolled back, so a refusal (who may, closed period, state,
fed-by indicator, figures) is shown on the form and nothing is written; the save then calls it for real."""

from collections.abc import Callable

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext

from kinerja.core.admin import ReadOnlyAdmin, ReadOnlyInline

from . import services
from .forms import add_service_errors
from .models import AchievementRollup, Actual, Evidence, PeriodLock, RollupDirty, SharedIndicatorRollup, Target


class _TriedOnly(Exception):
    """Raised to roll back a service call made only to learn whether it would be refused."""


def refusal_of(call: Callable[[], object]) -> ValidationError | PermissionDenied | None:
    """What the service would answer to `call`, with nothing written (its transaction is rolled back)."""
    try:
        with transaction.atomic():
            call()
            raise _TriedOnly
    except _TriedOnly:
        return None
    except (ValidationError, PermissionDenied) as error:
        return error


class ServiceForm(forms.ModelForm):
    """A model form whose clean() asks the admin's service call (set by the admin as `attempt`) for refusals."""

    request = None

    def attempt(self, obj: object) -> object:  # pragma: no cover - set by the admin
        raise NotImplementedError

    def clean(self) -> dict:
        data = super().clean()
        if self.errors:
            return data
        obj = self.instance
        for name, value in data.items():
            setattr(obj, name, value)
        error = refusal_of(lambda: self.attempt(obj))
        if isinstance(error, PermissionDenied):
            self.add_error(None, str(error) or gettext("You may not change this data."))
        elif error is not None:
            add_service_errors(self, error)
        return data


class _ThroughService(admin.ModelAdmin):
    def service_call(self, request, obj) -> object:  # pragma: no cover - every admin below has one
        raise NotImplementedError

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, form=ServiceForm, **kwargs)
        admin_ = self

        class Bound(form):
            def attempt(self, instance: object) -> object:
                return admin_.service_call(request, instance)

        return Bound

    def save_model(self, request, obj, form, change) -> None:
        """Through the service, so the admin obeys the same rules as every other way in."""
        saved = self.service_call(request, obj)
        if saved is not None:
            obj.pk = saved.pk


@admin.register(Target)
class TargetAdmin(_ThroughService):
    list_display = ["indicator", "kind", "year", "quarter", "value", "value_upper", "is_example"]
    list_filter = ["kind", "year", "is_example"]
    search_fields = ["indicator__code", "indicator__name"]
    list_select_related = ["indicator"]
    autocomplete_fields = ["indicator"]
    readonly_fields = ["updated_by", "is_example"]  # example targets come and go only through their command

    def service_call(self, request, obj) -> Target | None:
        return services.set_target(
            actor=request.user,
            indicator=obj.indicator,
            kind=obj.kind,
            year=obj.year,
            quarter=obj.quarter,
            value=obj.value,
            value_upper=obj.value_upper,
        )

    def delete_model(self, request, obj) -> None:
        """A removal is a target cleared through the service (who may, closed period, audit trail)."""
        self.delete_queryset(request, Target.objects.filter(pk=obj.pk))

    def delete_queryset(self, request, queryset) -> None:
        for target in queryset.select_related("indicator__plan__agency"):
            try:
                services.set_target(
                    actor=request.user,
                    indicator=target.indicator,
                    kind=target.kind,
                    year=target.year,
                    quarter=target.quarter,
                    value=None,
                )
            except (ValidationError, PermissionDenied) as error:
                messages.error(request, f"{target}: {' '.join(getattr(error, 'messages', None) or [str(error)])}")


class EvidenceInline(ReadOnlyInline, admin.TabularInline):
    """Shown only: evidence is uploaded through the entry page, where its content is checked."""

    model = Evidence
    extra = 0
    fields = ["original_name", "kind", "size", "uploaded_by", "created_at"]


@admin.register(Actual)
class ActualAdmin(_ThroughService):
    list_display = ["indicator", "year", "quarter", "value", "numerator", "denominator", "status", "is_example"]
    list_filter = ["year", "quarter", "status", "is_example"]
    search_fields = ["indicator__code", "indicator__name"]
    list_select_related = ["indicator"]
    autocomplete_fields = ["indicator"]
    # the state changes only through the verification workflow; example figures only through their command
    readonly_fields = ["value", "entered_by", "status", "status_reason", "verified_by", "verified_at", "is_example"]
    inlines = [EvidenceInline]

    def service_call(self, request, obj) -> Actual:
        """Through the service: a ratio's value is computed from its terms, never typed."""
        return services.record_actual(
            actor=request.user,
            indicator=obj.indicator,
            year=obj.year,
            quarter=obj.quarter,
            value=obj.value,
            numerator=obj.numerator,
            denominator=obj.denominator,
            supporting_factors=obj.supporting_factors,
            hindering_factors=obj.hindering_factors,
            follow_up=obj.follow_up,
            note=obj.note,
        )

    def has_delete_permission(self, request, obj=None) -> bool:
        return False  # an actual is corrected (reopened, then saved), never removed behind the audit trail


@admin.register(Evidence)
class EvidenceAdmin(admin.ModelAdmin):
    list_display = ["original_name", "actual", "kind", "size", "created_at"]
    list_select_related = ["actual__indicator"]
    readonly_fields = [
        "actual",
        "file",
        "stored_name",
        "original_name",
        "kind",
        "content_type",
        "size",
        "sha256",
        "uploaded_by",
        "is_example",
    ]

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(PeriodLock)
class PeriodLockAdmin(ReadOnlyAdmin):
    """Read here; closed and reopened on the agency's periods page, through the service that checks who may
    (and the audit trail keeps every change, so no row is deleted here either)."""

    list_display = ["agency", "year", "quarter", "closed", "deadline", "changed_by"]
    list_filter = ["year", "quarter", "closed"]


@admin.register(AchievementRollup, SharedIndicatorRollup, RollupDirty)
class RollupAdmin(ReadOnlyAdmin):
    """Computed rows (docs/scale.md §4): written only by the roll-up worker from the services' outbox; read here."""
