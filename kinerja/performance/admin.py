from django.contrib import admin

from kinerja.core.admin import ReadOnlyAdmin

from . import services
from .models import Actual, Evidence, PeriodLock, Target


@admin.register(Target)
class TargetAdmin(admin.ModelAdmin):
    list_display = ["indicator", "kind", "year", "quarter", "value", "value_upper", "is_example"]
    list_filter = ["kind", "year", "is_example"]
    search_fields = ["indicator__code", "indicator__name"]
    list_select_related = ["indicator"]
    autocomplete_fields = ["indicator"]
    readonly_fields = ["updated_by", "is_example"]  # example targets come and go only through their command

    def save_model(self, request, obj, form, change) -> None:
        """Through the service, so the admin obeys the same rules as every other way in."""
        saved = services.set_target(actor=request.user, indicator=obj.indicator, kind=obj.kind, year=obj.year,
                                    quarter=obj.quarter, value=obj.value, value_upper=obj.value_upper)
        if saved is not None:
            obj.pk = saved.pk


class EvidenceInline(admin.TabularInline):
    model = Evidence
    extra = 0
    fields = ["original_name", "kind", "size", "uploaded_by", "created_at"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False  # evidence is uploaded through the entry page, where its content is checked


@admin.register(Actual)
class ActualAdmin(admin.ModelAdmin):
    list_display = ["indicator", "year", "quarter", "value", "numerator", "denominator", "status", "is_example"]
    list_filter = ["year", "quarter", "status", "is_example"]
    search_fields = ["indicator__code", "indicator__name"]
    list_select_related = ["indicator"]
    autocomplete_fields = ["indicator"]
    # the state changes only through the verification workflow; example figures only through their command
    readonly_fields = ["value", "entered_by", "status", "status_reason", "verified_by", "verified_at", "is_example"]
    inlines = [EvidenceInline]

    def save_model(self, request, obj, form, change) -> None:
        """Through the service: a ratio's value is computed from its terms, never typed."""
        saved = services.record_actual(
            actor=request.user, indicator=obj.indicator, year=obj.year, quarter=obj.quarter, value=obj.value,
            numerator=obj.numerator, denominator=obj.denominator, supporting_factors=obj.supporting_factors,
            hindering_factors=obj.hindering_factors, follow_up=obj.follow_up, note=obj.note,
        )
        obj.pk = saved.pk


@admin.register(Evidence)
class EvidenceAdmin(admin.ModelAdmin):
    list_display = ["original_name", "actual", "kind", "size", "created_at"]
    list_select_related = ["actual__indicator"]
    readonly_fields = ["actual", "file", "stored_name", "original_name", "kind", "content_type", "size", "sha256",
                       "uploaded_by", "is_example"]

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(PeriodLock)
class PeriodLockAdmin(ReadOnlyAdmin):
    """Read here; closed and reopened on the agency's periods page, through the service that checks who may
    (and the audit trail keeps every change, so no row is deleted here either)."""

    list_display = ["agency", "year", "quarter", "closed", "deadline", "changed_by"]
    list_filter = ["year", "quarter", "closed"]
