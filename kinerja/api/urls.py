"""URLs of the api app, under /api/v1/ (included from config/urls.py). Every name starts with `api-`."""

from django.contrib.auth.decorators import login_not_required
from django.urls import path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import SimpleRouter

from .views import (
    achievements,
    actionplans,
    actuals,
    docs,
    documents,
    evidence,
    organisation,
    plan,
    skp,
    targets,
    token,
)

router = SimpleRouter()
router.register("agencies", organisation.AgencyViewSet, basename="api-agency")
router.register("units", organisation.UnitViewSet, basename="api-unit")
router.register("positions", organisation.PositionViewSet, basename="api-position")
router.register("officials", organisation.OfficialViewSet, basename="api-official")
router.register("plans", plan.PlanViewSet, basename="api-plan")
router.register("objectives", plan.ObjectiveViewSet, basename="api-objective")
router.register("indicators", plan.IndicatorViewSet, basename="api-indicator")
router.register("iki-pages", plan.IkiPageViewSet, basename="api-iki-page")
router.register("targets", targets.TargetViewSet, basename="api-target")
router.register("actuals", actuals.ActualViewSet, basename="api-actual")
router.register("evidence", evidence.EvidenceViewSet, basename="api-evidence")
router.register("action-items", actionplans.ActionItemViewSet, basename="api-action-item")
router.register("skps", skp.SkpViewSet, basename="api-skp")
router.register("achievements/pages", achievements.PageAchievementViewSet, basename="api-achievement-page")
router.register("achievements/agencies", achievements.AgencyAchievementViewSet, basename="api-achievement-agency")

# The API authenticates by itself (token or session) and answers 401, never a redirect to the login page:
# Django's LoginRequiredMiddleware leaves its views alone. The documentation page is an ordinary page.
api_patterns = [
    *router.urls,
    path("documents/", documents.DocumentListView.as_view(), name="api-document-list"),
    path("documents/<slug:kind>/", documents.DocumentDownloadView.as_view(), name="api-document-download"),
    path("token/", token.TokenView.as_view(), name="api-token"),
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
]
for pattern in api_patterns:
    pattern.callback = login_not_required(pattern.callback)

urlpatterns = [
    *api_patterns,
    path("docs/", docs.docs, name="api-docs"),
]
