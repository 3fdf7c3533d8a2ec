from django.urls import path

from . import chapter_views, record_views, skp_views, views

urlpatterns = [
    path("instansi/<slug:agency>/dokumen/", views.documents, name="documents"),
    path("instansi/<slug:agency>/dokumen/tetapkan/", views.enact, name="decree-enact"),
    path("instansi/<slug:agency>/dokumen/catatan-keputusan/", record_views.decree_record, name="decree-record"),
    path("instansi/<slug:agency>/dokumen/bab/", chapter_views.chapters, name="chapters"),
    path(
        "instansi/<slug:agency>/dokumen/bab/<slug:document>/<slug:kind>/",
        chapter_views.chapter_edit,
        name="chapter-edit",
    ),
    path("instansi/<slug:agency>/skp/<int:skp>/cetak.<str:fmt>", skp_views.skp_print, name="skp-print"),
    path("instansi/<slug:agency>/dokumen/<slug:kind>.<str:fmt>", views.download, name="document-download"),
]
