"""URLs of the exchange app (included from config/urls.py): Impor / Ekspor."""

from django.urls import path

from . import views

urlpatterns = [
    path("impor-ekspor/templat.xlsx", views.blank_template, name="exchange-template"),
    path("impor-ekspor/instansi-baru/", views.new_agency, name="exchange-new"),
    path("impor-ekspor/instansi-baru/<str:token>/", views.new_preview, name="exchange-new-preview"),
    path("impor-ekspor/instansi-baru/<str:token>/impor/", views.new_confirm, name="exchange-new-confirm"),
    path("instansi/<slug:agency>/impor-ekspor/", views.home, name="exchange-home"),
    path("instansi/<slug:agency>/impor-ekspor/buku-kerja.xlsx", views.export, name="exchange-export"),
    path("instansi/<slug:agency>/impor-ekspor/unggah/", views.upload, name="exchange-upload"),
    path("instansi/<slug:agency>/impor-ekspor/<str:token>/", views.preview, name="exchange-preview"),
    path("instansi/<slug:agency>/impor-ekspor/<str:token>/impor/", views.confirm, name="exchange-confirm"),
]
