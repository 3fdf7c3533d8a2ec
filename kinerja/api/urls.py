"""URLs of the api app, under /api/v1/ (included from config/urls.py). Every name starts with `api-`."""

from django.contrib.auth.decorators import login_not_required
from django.urls import path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import SimpleRouter

from . import views

router = SimpleRouter()
router.register("agencies", views.AgencyViewSet, basename="api-agency")
router.register("units", views.UnitViewSet, basename="api-unit")
router.register("positions", views.PositionViewSet, basename="api-position")
router.register("officials", views.OfficialViewSet, basename="api-official")
router.register("plans", views.PlanViewSet, basename="api-plan")
router.register("objectives", views.ObjectiveViewSet, basename="api-objective")
router.register("indicators", views.IndicatorViewSet, basename="api-indicator")
router.register("iki-pages", views.IkiPageViewSet, basename="api-iki-page")
router.register("targets", views.TargetViewSet, basename="api-target")
router.register("actuals", views.ActualViewSet, basename="api-actual")
router.register("evidence", views.EvidenceViewSet, basename="api-evidence")
router.register("achievements/pages", views.PageAchievementViewSet, basename="api-achievement-page")
router.register("achievements/agencies", views.AgencyAchievementViewSet, basename="api-achievement-agency")

# The API authenticates by itself (token or session) and answers 401, never a redirect to the login page:
# Django's LoginRequiredMiddleware leaves its views alone. The documentation page is an ordinary page.
api_patterns = [
    *router.urls,
    path("documents/", views.DocumentListView.as_view(), name="api-document-list"),
    path("documents/<slug:kind>/", views.DocumentDownloadView.as_view(), name="api-document-download"),
    path("token/", views.TokenView.as_view(), name="api-token"),
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
]
for pattern in api_patterns:
    pattern.callback = login_not_required(pattern.callback)

urlpatterns = [
    *api_patterns,
    path("docs/", views.docs, name="api-docs"),
]
