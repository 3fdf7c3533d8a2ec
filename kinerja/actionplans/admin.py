from django.contrib import admin

from kinerja.core.admin import ReadOnlyAdmin, ReadOnlyInline

from .models import ActionItem, ActionProgress, ProgressEvidence


@admin.register(ActionItem)
class ActionItemAdmin(ReadOnlyAdmin):
    """Read only: an action is written on the Rencana aksi pages through `actionplans.services` (who may, the
    plan's year, a closed quarter), never here."""

    list_display = ["indicator", "year", "quarter", "order", "description", "responsible_position", "is_example"]
    list_filter = ["year", "quarter", "is_example"]
    list_select_related = ["indicator", "responsible_position"]


class ProgressEvidenceInline(ReadOnlyInline, admin.TabularInline):
    model = ProgressEvidence
    fields = ["original_name", "kind", "size", "uploaded_by", "created_at"]
    extra = 0


@admin.register(ActionProgress)
class ActionProgressAdmin(ReadOnlyAdmin):
    """Read only: progress is entered, sent, verified and returned on the action's progress page through
    `actionplans.progress` (who enters, the superior, a closed quarter), never here."""

    list_display = ["action", "outcome", "status", "entered_by", "verified_by", "is_example"]
    list_filter = ["outcome", "status", "is_example"]
    list_select_related = ["action", "entered_by", "verified_by"]
    inlines = [ProgressEvidenceInline]


@admin.register(ProgressEvidence)
class ProgressEvidenceAdmin(ReadOnlyAdmin):
    """Read only: evidence files come and go through `actionplans.progress` only."""

    list_display = ["original_name", "progress", "kind", "size", "created_at"]
    list_select_related = ["progress__action"]
