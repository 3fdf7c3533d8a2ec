from django.contrib import admin

from kinerja.core.admin import AuditedModelAdmin

from .models import Agency, AgencyFunction, Assignment, Official, Position, PositionFunction, Region, Unit


@admin.register(Region)
class RegionAdmin(AuditedModelAdmin):
    list_display = ["code", "name", "kind", "province", "seat", "head"]
    list_filter = ["kind"]
    search_fields = ["code", "name"]
    list_select_related = ["head"]
    autocomplete_fields = ["head"]


class AgencyFunctionInline(admin.TabularInline):
    model = AgencyFunction
    extra = 0


@admin.register(Agency)
class AgencyAdmin(AuditedModelAdmin):
    list_display = ["code", "name", "region"]
    list_filter = ["region"]
    search_fields = ["code", "name", "short_name"]
    inlines = [AgencyFunctionInline]


@admin.register(Unit)
class UnitAdmin(AuditedModelAdmin):
    list_display = ["name", "kind", "parent", "agency"]
    list_filter = ["agency", "kind"]
    search_fields = ["code", "name"]
    list_select_related = ["parent", "agency"]
    autocomplete_fields = ["parent"]


class PositionFunctionInline(admin.TabularInline):
    model = PositionFunction
    extra = 0


class AssignmentInline(admin.TabularInline):
    model = Assignment
    extra = 0
    autocomplete_fields = ["official"]


@admin.register(Position)
class PositionAdmin(AuditedModelAdmin):
    list_display = ["title", "unit", "superior", "agency"]
    list_filter = ["agency"]
    search_fields = ["code", "title"]
    list_select_related = ["unit", "superior", "agency"]
    autocomplete_fields = ["unit", "superior"]
    inlines = [PositionFunctionInline, AssignmentInline]


@admin.register(Official)
class OfficialAdmin(AuditedModelAdmin):
    list_display = ["name", "nip", "rank", "grade", "region"]
    list_filter = ["region"]
    search_fields = ["name", "nip"]
    autocomplete_fields = ["user"]


@admin.register(Assignment)
class AssignmentAdmin(AuditedModelAdmin):
    list_display = ["official", "position", "start", "end", "acting"]
    list_select_related = ["official", "position"]
    autocomplete_fields = ["official", "position"]


@admin.register(AgencyFunction)
class AgencyFunctionAdmin(AuditedModelAdmin):
    list_display = ["agency", "order", "number", "text"]
    list_filter = ["agency"]


@admin.register(PositionFunction)
class PositionFunctionAdmin(AuditedModelAdmin):
    list_display = ["position", "order", "number", "text"]
    list_filter = ["position__agency"]
    list_select_related = ["position"]
    search_fields = ["text", "position__title"]
