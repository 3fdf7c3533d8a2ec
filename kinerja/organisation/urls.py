from django.urls import path

from . import views

urlpatterns = [
    path("instansi/<slug:agency>/organisasi/", views.organisation_tree, name="organisation-tree"),
]
