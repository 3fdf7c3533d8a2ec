from django.contrib import admin

from kinerja.core.admin import AuditedModelAdmin, ReadOnlyAdmin, ReadOnlyInline

from . import services
from .models import (
    Activity,
    Budget,
    Decree,
    DecreeChapter,
    DecreeClause,
    Goal,
    Indicator,
    KeyIndicatorRow,
    Objective,
    PageIndicator,
    Programme,
    StrategicPlan,
    SubActivity,
)


class GoalInline(admin.TabularInline):
    model = Goal
    extra = 0


@admin.register(StrategicPlan)
class StrategicPlanAdmin(AuditedModelAdmin):
    list_display = ["name", "agency", "first_year", "last_year"]
    list_filter = ["agency"]
    inlines = [GoalInline]


@admin.register(Goal)
class GoalAdmin(AuditedModelAdmin):
    list_display = ["code", "text", "plan"]
    search_fields = ["code", "text"]


class PageIndicatorInline(admin.TabularInline):
    model = PageIndicator
    fk_name = "objective"
    extra = 0
    autocomplete_fields = ["position", "indicator"]


@admin.register(Objective)
class ObjectiveAdmin(AuditedModelAdmin):
    list_display = ["code", "text", "level", "position", "contributes_to"]
    list_filter = ["plan", "level"]
    search_fields = ["code", "text"]
    list_select_related = ["position", "contributes_to"]
    autocomplete_fields = ["goal", "position", "contributes_to"]
    inlines = [PageIndicatorInline]


@admin.register(Indicator)
class IndicatorAdmin(AuditedModelAdmin):
    list_display = ["code", "name", "formula", "unit", "is_key", "polarity", "quarter_rule"]
    list_filter = ["plan", "is_key", "formula", "polarity", "quarter_rule"]
    search_fields = ["code", "name"]
    autocomplete_fields = ["objective", "responsible_position"]


@admin.register(KeyIndicatorRow)
class KeyIndicatorRowAdmin(AuditedModelAdmin):
    list_display = ["order", "indicator", "plan"]
    list_select_related = ["indicator", "plan"]
    autocomplete_fields = ["indicator"]


@admin.register(PageIndicator)
class PageIndicatorAdmin(AuditedModelAdmin):
    list_display = ["position", "objective", "indicator", "order"]
    list_filter = ["position__agency"]
    list_select_related = ["position", "objective", "indicator"]
    search_fields = ["indicator__name", "printed_name", "position__title"]
    autocomplete_fields = ["position", "objective", "indicator"]


class ActivityInline(admin.TabularInline):
    model = Activity
    extra = 0
    autocomplete_fields = ["responsible_position"]


@admin.register(Programme)
class ProgrammeAdmin(AuditedModelAdmin):
    list_display = ["code", "name", "plan"]
    search_fields = ["code", "name"]
    filter_horizontal = ["objectives", "indicators"]
    inlines = [ActivityInline]


class SubActivityInline(admin.TabularInline):
    model = SubActivity
    extra = 0
    autocomplete_fields = ["responsible_position"]


@admin.register(Activity)
class ActivityAdmin(AuditedModelAdmin):
    list_display = ["code", "name", "programme", "responsible_position"]
    search_fields = ["code", "name"]
    list_select_related = ["programme", "responsible_position"]
    filter_horizontal = ["indicators"]
    autocomplete_fields = ["responsible_position"]
    inlines = [SubActivityInline]


@admin.register(SubActivity)
class SubActivityAdmin(AuditedModelAdmin):
    list_display = ["code", "name", "activity", "responsible_position"]
    search_fields = ["code", "name"]
    list_select_related = ["activity", "responsible_position"]
    filter_horizontal = ["indicators"]
    autocomplete_fields = ["responsible_position"]


@admin.register(Budget)
class BudgetAdmin(AuditedModelAdmin):
    """Budgets are written through the same service as everywhere else; the item and year of a saved budget
    do not change (clear it and add another)."""

    list_display = ["year", "programme", "activity", "sub_activity", "amount", "is_example"]
    list_filter = ["year", "is_example", "programme__plan__agency"]
    list_select_related = ["programme", "activity", "sub_activity"]
    autocomplete_fields = ["programme", "activity", "sub_activity"]

    def get_readonly_fields(self, request, obj=None):
        return ["programme", "activity", "sub_activity", "year"] if obj else []

    def save_model(self, request, obj, form, change):
        saved = services.set_budget(
            actor=request.user,
            year=obj.year,
            amount=obj.amount,
            programme=obj.programme,
            activity=obj.activity,
            sub_activity=obj.sub_activity,
            is_example=obj.is_example,
        )
        obj.pk = saved.pk


# The decree record (number, date, place, signatory, clauses) and its chapters are written only through their
# services (reports.decree_record, reports.chapter_editing: the year inside the plan, a signatory of the agency,
# the chapters' plain-text markup), from the agency's Dokumen pages, which administrators may use for every
# agency. The admin shows them and never writes them: a second door without those rules.
class DecreeClauseInline(ReadOnlyInline, admin.TabularInline):
    model = DecreeClause
    extra = 0
    fields = ["kind", "order", "number", "text"]


class DecreeChapterInline(ReadOnlyInline, admin.StackedInline):
    model = DecreeChapter
    extra = 0
    fields = ["kind", "order", "title", "body"]


@admin.register(Decree)
class DecreeAdmin(ReadOnlyAdmin):
    list_display = ["number", "year", "date", "plan"]
    inlines = [DecreeClauseInline, DecreeChapterInline]


@admin.register(DecreeClause)
class DecreeClauseAdmin(ReadOnlyAdmin):
    list_display = ["decree", "kind", "order", "number"]
    list_filter = ["kind"]


@admin.register(DecreeChapter)
class DecreeChapterAdmin(ReadOnlyAdmin):
    list_display = ["decree", "kind", "title"]
