"""URLs of background jobs (included from config/urls.py)."""

from django.urls import path

from . import views

urlpatterns = [
    path("instansi/<slug:agency>/latar/mulai/", views.start, name="job-start"),
    path("instansi/<slug:agency>/latar/<uuid:job>/", views.status, name="job-status"),
    path("instansi/<slug:agency>/latar/<uuid:job>/unduh/", views.download, name="job-download"),
]
