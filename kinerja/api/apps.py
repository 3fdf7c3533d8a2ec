from django.apps import AppConfig
from django.contrib.auth.signals import user_logged_out
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "kinerja.api"
    verbose_name = _("API")

    def ready(self) -> None:
        from .authentication import revoke_tokens_at_logout

        # Logging out of the pages or the admin ends the user's API token too.
        user_logged_out.connect(revoke_tokens_at_logout, dispatch_uid="kinerja-api-revoke-tokens-at-logout")
