from django.contrib import admin

from kinerja.core.admin import ReadOnlyAdmin

from .models import Job


@admin.register(Job)
class JobAdmin(ReadOnlyAdmin):
    """Read only: a job is started on the documents and export pages (jobs.services) and written by its task."""

    list_display = ["kind", "fmt", "agency", "owner", "status", "created_at", "finished_at"]
    list_filter = ["status", "kind", "agency"]
    search_fields = ["kind", "failure", "owner__username"]
    list_select_related = ["agency", "owner"]
