from django.contrib import admin
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kinerja.core.admin import EditedInKinerja, ReadOnlyAdmin, ReadOnlyInline

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
from .selectors import find_current_plan

# The plan — its years, goals, objectives, indicators, the IKU table, the IKI pages, programmes, activities,
# sub-activities and their budgets — is written only through its services (strategy.editing, editing_indicators,
# page_editing, programme_editing and services.set_budget: the uniqueness sentences, "removed only while unused",
# who may plan, the plan's years and the cascade without a circle, the audit), from Kinerja's own pages, which
# administrators may use for every agency. Every one of these rows has such a page, so none is routed through
# the admin's form: the admin shows them, with a link to the page where they are edited.


def _url(name: str, *args: object) -> str:
    return reverse(name, args=[str(arg) for arg in args])


class PlanPage(EditedInKinerja):
    """Rows of a plan, edited on the pages of the agency's current (latest) plan: an older plan is only shown."""

    without_page = _("Only the agency's latest plan is edited in Kinerja; this one is kept as it is.")

    def plan_of(self, obj) -> StrategicPlan:  # type: ignore[no-untyped-def]
        return obj.plan

    def agency_code(self, obj) -> str:  # type: ignore[no-untyped-def]
        return self.plan_of(obj).agency.code

    def page_of(self, obj) -> str:  # type: ignore[no-untyped-def]  # pragma: no cover - every subclass has one
        raise NotImplementedError

    def kinerja_page(self, obj) -> str:  # type: ignore[no-untyped-def]
        plan = self.plan_of(obj)
        return self.page_of(obj) if plan == find_current_plan(plan.agency) else ""


class GoalInline(ReadOnlyInline, admin.TabularInline):
    model = Goal
    extra = 0
    fields = ["code", "text", "order"]


@admin.register(StrategicPlan)
class StrategicPlanAdmin(PlanPage):
    list_display = ["name", "agency", "first_year", "last_year"]
    list_filter = ["agency"]
    inlines = [GoalInline]

    def plan_of(self, obj: StrategicPlan) -> StrategicPlan:
        return obj

    def page_of(self, obj: StrategicPlan) -> str:
        return _url("plan-edit", obj.agency.code)


@admin.register(Goal)
class GoalAdmin(PlanPage):
    list_display = ["code", "text", "plan"]
    search_fields = ["code", "text"]

    def page_of(self, obj: Goal) -> str:
        return _url("plan-goal-edit", self.agency_code(obj), obj.code)


class PageIndicatorInline(ReadOnlyInline, admin.TabularInline):
    model = PageIndicator
    fk_name = "objective"
    extra = 0
    fields = ["order", "indicator", "printed_name"]


@admin.register(Objective)
class ObjectiveAdmin(PlanPage):
    list_display = ["code", "text", "level", "position", "contributes_to"]
    list_filter = ["plan", "level"]
    search_fields = ["code", "text"]
    list_select_related = ["position", "contributes_to"]
    inlines = [PageIndicatorInline]

    def page_of(self, obj: Objective) -> str:
        if obj.position_id:
            return _url("position-page-edit", self.agency_code(obj), obj.position.code)
        return _url("plan-objective-edit", self.agency_code(obj), obj.code)


@admin.register(Indicator)
class IndicatorAdmin(PlanPage):
    list_display = ["code", "name", "formula", "unit", "is_key", "polarity", "quarter_rule"]
    list_filter = ["plan", "is_key", "formula", "polarity", "quarter_rule"]
    search_fields = ["code", "name"]

    def page_of(self, obj: Indicator) -> str:
        return _url("plan-indicator-edit", self.agency_code(obj), obj.code)


@admin.register(KeyIndicatorRow)
class KeyIndicatorRowAdmin(PlanPage):
    list_display = ["order", "indicator", "plan"]
    list_select_related = ["indicator", "plan"]

    def page_of(self, obj: KeyIndicatorRow) -> str:
        return _url("plan-key-row-edit", self.agency_code(obj), obj.pk)


@admin.register(PageIndicator)
class PageIndicatorAdmin(PlanPage):
    list_display = ["position", "objective", "indicator", "order"]
    list_filter = ["position__agency"]
    list_select_related = ["position", "objective", "indicator"]
    search_fields = ["indicator__name", "printed_name", "position__title"]

    def plan_of(self, obj: PageIndicator) -> StrategicPlan:
        return obj.objective.plan

    def page_of(self, obj: PageIndicator) -> str:
        return _url("position-page-edit", obj.position.agency.code, obj.position.code)


class ActivityInline(ReadOnlyInline, admin.TabularInline):
    model = Activity
    extra = 0
    fields = ["code", "name", "order", "responsible_position"]


class ProgrammePage(PlanPage):
    """Programmes, activities, sub-activities and budgets: the agency's programme page (Ubah program dan
    anggaran), which sets the budget of every plan year through `services.set_budget`."""

    def plan_of(self, obj) -> StrategicPlan:  # type: ignore[no-untyped-def]
        return self.programme_of(obj).plan

    def page_of(self, obj) -> str:  # type: ignore[no-untyped-def]
        return _url("programme-edit", self.agency_code(obj))

    def programme_of(self, obj) -> Programme:  # type: ignore[no-untyped-def]
        return obj


@admin.register(Programme)
class ProgrammeAdmin(ProgrammePage):
    list_display = ["code", "name", "plan"]
    search_fields = ["code", "name"]
    inlines = [ActivityInline]


class SubActivityInline(ReadOnlyInline, admin.TabularInline):
    model = SubActivity
    extra = 0
    fields = ["code", "name", "order", "responsible_position"]


@admin.register(Activity)
class ActivityAdmin(ProgrammePage):
    list_display = ["code", "name", "programme", "responsible_position"]
    search_fields = ["code", "name"]
    list_select_related = ["programme", "responsible_position"]
    inlines = [SubActivityInline]

    def programme_of(self, obj: Activity) -> Programme:
        return obj.programme


@admin.register(SubActivity)
class SubActivityAdmin(ProgrammePage):
    list_display = ["code", "name", "activity", "responsible_position"]
    search_fields = ["code", "name"]
    list_select_related = ["activity", "responsible_position"]

    def programme_of(self, obj: SubActivity) -> Programme:
        return obj.activity.programme


@admin.register(Budget)
class BudgetAdmin(ProgrammePage):
    list_display = ["year", "programme", "activity", "sub_activity", "amount", "is_example"]
    list_filter = ["year", "is_example", "programme__plan__agency"]
    list_select_related = ["programme", "activity", "sub_activity"]

    def programme_of(self, obj: Budget) -> Programme:
        if obj.programme_id:
            return obj.programme
        return obj.activity.programme if obj.activity_id else obj.sub_activity.activity.programme


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
