from django.contrib import admin

from kinerja.core.admin import ReadOnlyAdmin

from .models import ActionItem


@admin.register(ActionItem)
class ActionItemAdmin(ReadOnlyAdmin):
    """Read only: an action is written on the Rencana aksi pages through `actionplans.services` (who may, the
    plan's year, a closed quarter), never here."""

    list_display = ["indicator", "year", "quarter", "order", "description", "responsible_position"]
    list_filter = ["year", "quarter"]
    list_select_related = ["indicator", "responsible_position"]
