from django.contrib import admin

from .models import AuditRecord


@admin.register(AuditRecord)
class AuditRecordAdmin(admin.ModelAdmin):
    """Read-only: the audit trail is written by the services and never changed or deleted."""

    list_display = ["at", "actor_name", "ip_address", "action", "object_label", "description", "agency"]
    list_filter = ["action", "object_label", "agency"]
    search_fields = ["description", "actor_name", "object_repr", "note"]
    list_select_related = ["agency"]
    date_hierarchy = "at"

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
