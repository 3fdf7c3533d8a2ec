from django.urls import path

from . import views

urlpatterns = [
    path("instansi/<slug:agency>/dokumen/", views.documents, name="documents"),
    path("instansi/<slug:agency>/dokumen/tetapkan/", views.enact, name="decree-enact"),
    path("instansi/<slug:agency>/dokumen/<slug:kind>.<str:fmt>", views.download, name="document-download"),
]
