from django.urls import path

from . import exchange_views, final_views, result_views, views

urlpatterns = [
    path("instansi/<slug:agency>/skp/", views.skp_list, name="skp-list"),
    path("instansi/<slug:agency>/skp/siapkan/", views.skp_prepare, name="skp-prepare"),
    path("instansi/<slug:agency>/skp/distribusi/", views.skp_distribution, name="skp-distribution"),
    path("instansi/<slug:agency>/skp/unduh.<slug:file_format>", exchange_views.skp_export, name="skp-export"),
    path("instansi/<slug:agency>/skp/impor-penilaian/", exchange_views.skp_ratings_import, name="skp-ratings-import"),
    path("instansi/<slug:agency>/skp/distribusi/final/", final_views.skp_finalise, name="skp-finalise"),
    path("instansi/<slug:agency>/skp/distribusi/buka/", final_views.skp_reopen, name="skp-reopen"),
    path("instansi/<slug:agency>/skp/jabatan-pelaksana/", views.staff_position_add, name="skp-staff-position"),
    path("instansi/<slug:agency>/skp/<int:skp>/", views.skp_detail, name="skp-detail"),
    path("instansi/<slug:agency>/skp/<int:skp>/rhk/", result_views.result_add, name="skp-result-add"),
    path("instansi/<slug:agency>/skp/<int:skp>/nilai/", result_views.skp_rate, name="skp-rate"),
    path("instansi/<slug:agency>/skp/rhk/<int:result>/hapus/", result_views.result_remove, name="skp-result-remove"),
    path(
        "instansi/<slug:agency>/skp/rhk/<int:result>/indikator/", result_views.indicator_add, name="skp-indicator-add"
    ),
    path(
        "instansi/<slug:agency>/skp/indikator/<int:indicator>/", result_views.indicator_edit, name="skp-indicator-edit"
    ),
    path(
        "instansi/<slug:agency>/skp/indikator/<int:indicator>/hapus/",
        result_views.indicator_remove,
        name="skp-indicator-remove",
    ),
]
