from django.urls import path

from . import progress_views, views

urlpatterns = [
    path("instansi/<slug:agency>/rencana-aksi/", views.action_plan, name="action-plan"),
    path(
        "instansi/<slug:agency>/rencana-aksi/indikator/<str:indicator>/",
        views.indicator_actions,
        name="action-plan-indicator",
    ),
    path("instansi/<slug:agency>/rencana-aksi/aksi/<int:item>/", views.action_edit, name="action-edit"),
    path("instansi/<slug:agency>/rencana-aksi/aksi/<int:item>/hapus/", views.action_remove, name="action-remove"),
    path("instansi/<slug:agency>/rencana-aksi/aksi/<int:item>/geser/", views.action_move, name="action-move"),
    path(
        "instansi/<slug:agency>/rencana-aksi/aksi/<int:item>/progres/",
        progress_views.action_progress,
        name="action-progress",
    ),
    path(
        "instansi/<slug:agency>/rencana-aksi/bukti/<int:evidence>/",
        progress_views.progress_evidence_download,
        name="action-progress-evidence",
    ),
]
