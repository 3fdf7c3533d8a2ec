from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

admin.site.site_header = _("Kinerja — administration")
admin.site.site_title = _("Kinerja")
admin.site.index_title = _("Data administration")

urlpatterns = [
    path("", include("kinerja.organisation.urls")),
    path("", include("kinerja.performance.urls")),
    path("", include("kinerja.strategy.plan_urls")),
    path("", include("kinerja.strategy.page_urls")),
    path("", include("kinerja.reports.urls")),
    path("", include("kinerja.actionplans.urls")),
    path("", include("kinerja.skp.urls")),
    path("", include("kinerja.evaluation.urls")),
    path("", include("kinerja.exchange.urls")),
    path("", include("kinerja.dashboard.urls")),
    path("", include("kinerja.jobs.urls")),
    path("api/v1/", include("kinerja.api.urls")),
    path("masuk/", auth_views.LoginView.as_view(template_name="accounts/login.html"), name="login"),
    path("keluar/", auth_views.LogoutView.as_view(), name="logout"),
    # an official changes the initial password the planner gave them
    path(
        "sandi/ubah/",
        auth_views.PasswordChangeView.as_view(template_name="accounts/password_change.html"),
        name="password_change",
    ),
    path(
        "sandi/ubah/selesai/",
        auth_views.PasswordChangeDoneView.as_view(template_name="accounts/password_reset_complete.html"),
        name="password_change_done",
    ),
    # the reset link a planner copies from the people page (organisation.people.make_reset_token)
    path(
        "sandi/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(template_name="accounts/password_reset_confirm.html"),
        name="password_reset_confirm",
    ),
    path(
        "sandi/selesai/",
        auth_views.PasswordResetCompleteView.as_view(template_name="accounts/password_reset_complete.html"),
        name="password_reset_complete",
    ),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]
