"""API tokens that end: KINERJA_API_TOKEN_DAYS after they were made (default 30), and when their user logs out.

A token is made on `POST /api/v1/token/` by a user logged in with their password (a session), never by a
token itself, so an expired or stolen token cannot renew itself. Logging out — of the pages or of the
admin — ends the user's token (`revoke_tokens`, on Django's user_logged_out signal, connected in apps.py).
"""

import datetime
from typing import Any

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy
from rest_framework.authentication import TokenAuthentication
from rest_framework.authtoken.models import Token
from rest_framework.exceptions import AuthenticationFailed

NEW_TOKEN_NEEDS_LOGIN = gettext_lazy("A new token is made only after logging in with a password, not with a token.")


def token_lifetime() -> datetime.timedelta:
    return datetime.timedelta(days=int(settings.KINERJA_API_TOKEN_DAYS))


def expires_at(token: Token) -> datetime.datetime:
    return token.created + token_lifetime()


def is_expired(token: Token) -> bool:
    return timezone.now() >= expires_at(token)


def expired_message() -> str:
    text = gettext(
        "The API token has expired (it is valid for %(days)s days). Log in with your password and make a new "
        "token: POST /api/v1/token/."
    )
    return text % {"days": settings.KINERJA_API_TOKEN_DAYS}


class ExpiringTokenAuthentication(TokenAuthentication):
    """DRF's token authentication, refusing a token older than its lifetime (401 with a message)."""

    def authenticate_credentials(self, key: str) -> tuple[Any, Token]:
        user, token = super().authenticate_credentials(key)
        if is_expired(token):
            raise AuthenticationFailed(expired_message())
        return user, token


def revoke_tokens(user: Any) -> int:
    """End every API token of `user`; the number ended."""
    count, _ = Token.objects.filter(user=user).delete()
    return count


def revoke_tokens_at_logout(sender: object, request: object, user: Any, **kwargs: object) -> None:
    if user is not None:
        revoke_tokens(user)
