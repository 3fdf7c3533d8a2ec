from django.contrib import admin

from .models import EnactedDecree, ReportChapter


@admin.register(ReportChapter)
class ReportChapterAdmin(admin.ModelAdmin):
    list_display = ["title", "agency", "year", "kind", "updated_at"]
    list_filter = ["year", "kind", "agency"]
    search_fields = ["title", "body"]
    list_select_related = ["agency"]


@admin.register(EnactedDecree)
class EnactedDecreeAdmin(admin.ModelAdmin):
    """Read only: a version is enacted on the documents page and never changed afterwards."""

    list_display = ["decree", "version", "enacted_at", "enacted_by"]
    exclude = ["document"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
