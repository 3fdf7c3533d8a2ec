"""URLs of the dashboard app (included from config/urls.py)."""

from django.urls import path

from . import views

urlpatterns = [
    path("instansi/<slug:agency>/dasbor/", views.dashboard, name="dashboard"),
    path("instansi/<slug:agency>/pohon-kinerja/", views.tree, name="performance-tree"),
    path("instansi/<slug:agency>/publikasi/", views.publish, name="publish"),
    path("wilayah/<slug:region>/", views.region_view, name="region-view"),
    path("provinsi/<slug:province>/", views.province_view, name="province-view"),
    path("nasional/", views.national_view, name="national-view"),
    path("publik/", views.public_index, name="public-index"),
    path("publik/<slug:agency>/", views.public_page, name="public-page"),
    path("publik/<slug:agency>/iku.csv", views.public_csv, name="public-csv"),
    path("publik/<slug:agency>/keputusan.pdf", views.public_decree, name="public-decree"),
]
