from django.contrib import admin

from kinerja.core.admin import ReadOnlyAdmin

from .models import EnactedDecree, ReportChapter


@admin.register(ReportChapter)
class ReportChapterAdmin(ReadOnlyAdmin):
    """Read only: a chapter is written on the Dokumen → Bab pages (reports.chapter_editing checks its markup)."""

    list_display = ["title", "agency", "year", "kind", "updated_at"]
    list_filter = ["year", "kind", "agency"]
    search_fields = ["title", "body"]
    list_select_related = ["agency"]


@admin.register(EnactedDecree)
class EnactedDecreeAdmin(ReadOnlyAdmin):
    """Read only: a version is enacted on the documents page and never changed afterwards."""

    list_display = ["decree", "version", "enacted_at", "enacted_by"]
    exclude = ["document"]
