"""django-axes (the login throttling of `login_throttle.py`) installed under a name a person reads in the admin:
"Perlindungan masuk", not "Axes". INSTALLED_APPS names this config instead of "axes"; everything else is axes'."""

from axes.apps import AppConfig as AxesAppConfig
from django.utils.translation import gettext_lazy as _


class LoginProtectionConfig(AxesAppConfig):
    verbose_name = _("Login protection")
