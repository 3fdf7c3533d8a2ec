"""The planner's pages of the strategic plan, under /instansi/<agency>/renstra/ (plan_views)."""

from django.urls import path

from . import plan_views

PREFIX = "instansi/<slug:agency>/renstra/"

urlpatterns = [
    path(f"{PREFIX}ubah/", plan_views.plan_edit, name="plan-edit"),
    path(f"{PREFIX}tujuan/baru/", plan_views.goal_edit, name="plan-goal-new"),
    path(f"{PREFIX}tujuan/<str:code>/ubah/", plan_views.goal_edit, name="plan-goal-edit"),
    path(f"{PREFIX}tujuan/<str:code>/hapus/", plan_views.goal_delete, name="plan-goal-delete"),
    path(f"{PREFIX}sasaran/baru/", plan_views.objective_edit, name="plan-objective-new"),
    path(f"{PREFIX}sasaran/<str:code>/ubah/", plan_views.objective_edit, name="plan-objective-edit"),
    path(f"{PREFIX}sasaran/<str:code>/hapus/", plan_views.objective_delete, name="plan-objective-delete"),
    path(f"{PREFIX}indikator/baru/", plan_views.indicator_edit, name="plan-indicator-new"),
    path(f"{PREFIX}indikator/<str:code>/ubah/", plan_views.indicator_edit, name="plan-indicator-edit"),
    path(f"{PREFIX}indikator/<str:code>/hapus/", plan_views.indicator_delete, name="plan-indicator-delete"),
    path(f"{PREFIX}iku/baru/", plan_views.key_row_edit, name="plan-key-row-new"),
    path(f"{PREFIX}iku/<int:row>/ubah/", plan_views.key_row_edit, name="plan-key-row-edit"),
    path(f"{PREFIX}iku/<int:row>/hapus/", plan_views.key_row_delete, name="plan-key-row-delete"),
]
