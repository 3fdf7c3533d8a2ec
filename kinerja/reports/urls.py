from django.urls import path

from . import record_views, views

urlpatterns = [
    path("instansi/<slug:agency>/dokumen/", views.documents, name="documents"),
    path("instansi/<slug:agency>/dokumen/tetapkan/", views.enact, name="decree-enact"),
    path("instansi/<slug:agency>/dokumen/catatan-keputusan/", record_views.decree_record, name="decree-record"),
    path("instansi/<slug:agency>/dokumen/<slug:kind>.<str:fmt>", views.download, name="document-download"),
]
