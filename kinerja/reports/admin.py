from django.contrib import admin

from .models import ReportChapter


@admin.register(ReportChapter)
class ReportChapterAdmin(admin.ModelAdmin):
    list_display = ["title", "agency", "year", "kind", "updated_at"]
    list_filter = ["year", "kind", "agency"]
    search_fields = ["title", "body"]
    list_select_related = ["agency"]
