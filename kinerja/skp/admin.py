from django.contrib import admin

from kinerja.core.admin import ReadOnlyAdmin

from .models import ExampleRecord, Rhk, RhkIndicator, Skp


@admin.register(Skp)
class SkpAdmin(ReadOnlyAdmin):
    """Read only: an SKP is prepared, given work results and rated on its own pages through `skp.services` (who may,
    a holder in the year, a draft, the seven values), never here."""

    list_display = ["year", "official", "position", "status", "predicate"]
    list_filter = ["year", "status", "predicate"]
    list_select_related = ["official", "position"]


@admin.register(Rhk)
class RhkAdmin(ReadOnlyAdmin):
    list_display = ["text", "skp", "page_row", "parent"]
    list_select_related = ["skp__official", "skp__position", "page_row__indicator", "parent"]


@admin.register(RhkIndicator)
class RhkIndicatorAdmin(ReadOnlyAdmin):
    list_display = ["name", "aspect", "target", "unit", "result"]
    list_select_related = ["result"]


@admin.register(ExampleRecord)
class ExampleRecordAdmin(ReadOnlyAdmin):
    """Read only: what the example SKP data created (officials, staff positions, assignments), removed with it by
    `clear_example_performance`."""

    list_display = ["agency", "official", "position", "assignment"]
    list_filter = ["agency"]
    list_select_related = ["agency", "official", "position", "assignment__official", "assignment__position"]
