from django.urls import path

from . import page_views

urlpatterns = [
    path("instansi/<slug:agency>/iki/<slug:position>/ubah/", page_views.position_page_edit, name="position-page-edit"),
]
