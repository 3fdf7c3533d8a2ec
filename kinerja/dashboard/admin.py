from django.contrib import admin

from .models import Publication
from .services import set_published


@admin.register(Publication)
class PublicationAdmin(admin.ModelAdmin):
    """Publishing from the admin goes through the same service as the planner's button (audited)."""

    list_display = ["agency", "is_published", "published_at", "changed_by"]
    list_filter = ["is_published"]
    list_select_related = ["agency", "changed_by"]
    fields = ["agency", "is_published", "published_at", "changed_by"]
    readonly_fields = ["published_at", "changed_by"]

    def get_readonly_fields(self, request, obj=None):
        return [*self.readonly_fields, "agency"] if obj is not None else self.readonly_fields

    def save_model(self, request, obj, form, change):
        publication = set_published(actor=request.user, agency=obj.agency, published=obj.is_published)
        obj.pk, obj.published_at, obj.changed_by = publication.pk, publication.published_at, publication.changed_by
        obj._state.adding = False
