from django.urls import path

from . import views

urlpatterns = [
    path("instansi/<slug:agency>/", views.agency_overview, name="agency-overview"),
]
