from django.urls import path

from . import views

urlpatterns = [
    path("instansi/<slug:agency>/", views.agency_overview, name="agency-overview"),
    path("instansi/<slug:agency>/renstra/", views.plan_detail, name="plan-detail"),
    path("instansi/<slug:agency>/iki/<slug:position>/", views.position_page, name="position-page"),
    path("instansi/<slug:agency>/indikator/<str:indicator>/", views.indicator_detail, name="indicator-detail"),
]
