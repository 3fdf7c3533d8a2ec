from django.urls import path

from . import (
    consistency_views,
    entry_views,
    history_views,
    home_views,
    period_views,
    target_views,
    views,
    workflow_views,
)

urlpatterns = [
    path("", home_views.home, name="home"),
    path("realisasi/", home_views.my_entry, name="my-entry"),
    path("instansi/<slug:agency>/", views.agency_overview, name="agency-overview"),
    path("instansi/<slug:agency>/renstra/", views.plan_detail, name="plan-detail"),
    path("instansi/<slug:agency>/iki/<slug:position>/", views.position_page, name="position-page"),
    path("instansi/<slug:agency>/indikator/<str:indicator>/", views.indicator_detail, name="indicator-detail"),
    path("instansi/<slug:agency>/realisasi/<slug:position>/", entry_views.entry_page, name="entry-page"),
    path(
        "instansi/<slug:agency>/realisasi/<slug:position>/<str:indicator>/simpan/",
        entry_views.entry_save,
        name="entry-save",
    ),
    path(
        "instansi/<slug:agency>/realisasi/<slug:position>/<str:indicator>/pratinjau/",
        entry_views.entry_preview,
        name="entry-preview",
    ),
    path(
        "instansi/<slug:agency>/realisasi/<slug:position>/<str:indicator>/kirim/",
        entry_views.entry_submit,
        name="entry-submit",
    ),
    path("instansi/<slug:agency>/verifikasi/", workflow_views.verification, name="verification"),
    path("instansi/<slug:agency>/verifikasi/<int:actual>/", workflow_views.decide, name="verification-decide"),
    path(
        "instansi/<slug:agency>/verifikasi/halaman/<slug:position>/",
        workflow_views.verify_page,
        name="verification-page",
    ),
    path("instansi/<slug:agency>/periode/", period_views.periods, name="periods"),
    path(
        "instansi/<slug:agency>/periode/<int:year>/<int:quarter>/<slug:state>/",
        period_views.period_rows,
        name="period-rows",
    ),
    path("instansi/<slug:agency>/target/", target_views.agency_targets, name="agency-targets"),
    path("instansi/<slug:agency>/target/<slug:position>/", target_views.position_targets, name="position-targets"),
    path("instansi/<slug:agency>/riwayat/", history_views.agency_history, name="agency-history"),
    path(
        "instansi/<slug:agency>/indikator/<str:indicator>/riwayat/",
        history_views.indicator_history,
        name="indicator-history",
    ),
    path("instansi/<slug:agency>/konsistensi/", consistency_views.consistency_check, name="consistency-check"),
    path("instansi/<slug:agency>/bukti/<int:evidence>/", views.evidence_download, name="evidence-download"),
]
