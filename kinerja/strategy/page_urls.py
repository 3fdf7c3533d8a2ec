from django.urls import path

from . import page_views, programme_views

urlpatterns = [
    path("instansi/<slug:agency>/iki/<slug:position>/ubah/", page_views.position_page_edit, name="position-page-edit"),
    path("instansi/<slug:agency>/renstra/program/", programme_views.programme_edit, name="programme-edit"),
]
