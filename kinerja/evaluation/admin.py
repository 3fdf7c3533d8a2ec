"""Admin of the SAKIP evaluation. The worksheet's wording may be corrected here (audited) while the structure and
weights come from the version file (`load_worksheet`); evaluations, answers and follow-ups are written through
the evaluation pages (their services check who may write and keep the states) and are read-only here."""

from django.contrib import admin

from kinerja.core.admin import AuditedModelAdmin, ReadOnlyAdmin, ReadOnlyInline

from .models import (
    Answer,
    Component,
    Criterion,
    Evaluation,
    EvaluationEvidence,
    FollowUp,
    SubComponent,
    WorksheetVersion,
)


class ComponentInline(admin.TabularInline):
    model = Component
    fields = ["code", "name", "weight", "order"]
    readonly_fields = ["code", "weight", "order"]
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(WorksheetVersion)
class WorksheetVersionAdmin(AuditedModelAdmin):
    list_display = ["code", "name", "regulation", "source"]
    readonly_fields = ["code", "source"]
    inlines = [ComponentInline]

    def has_add_permission(self, request) -> bool:
        return False  # a version comes from its file: python manage.py load_worksheet data/lke-….yaml

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Component)
class ComponentAdmin(AuditedModelAdmin):
    list_display = ["code", "name", "weight", "version"]
    list_filter = ["version"]
    readonly_fields = ["version", "code", "weight", "order"]
    list_select_related = ["version"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(SubComponent)
class SubComponentAdmin(AuditedModelAdmin):
    list_display = ["code", "name", "weight", "component"]
    list_filter = ["component__version"]
    readonly_fields = ["component", "code", "weight", "order"]
    list_select_related = ["component__version"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Criterion)
class CriterionAdmin(AuditedModelAdmin):
    """The wording of a criterion may be corrected; its place and code stay as loaded."""

    list_display = ["code", "text", "sub_component"]
    list_filter = ["sub_component__component__version", "sub_component__component"]
    search_fields = ["code", "text"]
    readonly_fields = ["sub_component", "code", "order"]
    list_select_related = ["sub_component__component__version"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class AnswerInline(ReadOnlyInline, admin.TabularInline):
    model = Answer
    fields = ["criterion", "self_answer", "answer", "note", "recommendation"]
    extra = 0


@admin.register(Evaluation)
class EvaluationAdmin(ReadOnlyAdmin):
    list_display = ["agency", "year", "version", "state", "total_score", "predicate", "finalised_at"]
    list_filter = ["year", "state", "version"]
    list_select_related = ["agency", "version"]
    inlines = [AnswerInline]


@admin.register(FollowUp)
class FollowUpAdmin(ReadOnlyAdmin):
    list_display = ["answer", "state", "changed_by", "updated_at"]
    list_filter = ["state"]
    list_select_related = ["answer__criterion", "changed_by"]


@admin.register(EvaluationEvidence)
class EvaluationEvidenceAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "answer", "follow_up", "kind", "size", "created_at"]
    list_select_related = ["answer__criterion", "follow_up"]


@admin.register(Answer)
class AnswerAdmin(ReadOnlyAdmin):
    list_display = ["criterion", "evaluation", "self_answer", "answer", "answered_by"]
    list_filter = ["evaluation__year", "answer"]
    search_fields = ["criterion__code", "note", "recommendation"]
    list_select_related = ["criterion", "evaluation", "answered_by"]
