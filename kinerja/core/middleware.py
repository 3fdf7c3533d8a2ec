"""Middleware of the whole site: the language a user chose, and the Content-Security-Policy.

ChosenLanguageMiddleware — Bahasa Indonesia unless the user chose another language: the browser's
Accept-Language is not asked.

Django's LocaleMiddleware would follow the browser (an English-language Windows gives English pages); a
government application speaks the official language until a user picks English in the menu.
"""

import ipaddress
from collections.abc import Callable

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import translation

from . import audit
from .errors import NotFound


class ChosenLanguageMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response
        self.available = {code for code, _ in settings.LANGUAGES}

    def __call__(self, request: HttpRequest) -> HttpResponse:
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in self.available else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response


class ContentSecurityPolicyMiddleware:
    """Content-Security-Policy on every response (settings.KINERJA_CONTENT_SECURITY_POLICY).

    The policy allows no other origin and no inline script, style or event handler, so an HTML payload that
    escaped the templates still could not run. A view that needs another policy sets the header itself.
    Referrer-Policy and X-Content-Type-Options come from Django's SecurityMiddleware
    (SECURE_REFERRER_POLICY, SECURE_CONTENT_TYPE_NOSNIFF).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response
        self.policy = settings.KINERJA_CONTENT_SECURITY_POLICY

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", self.policy)
        return response


class AuditContextMiddleware:
    """Puts the client's IP address where `kinerja.core.audit` finds it, for the length of the request.

    REMOTE_ADDR, unless the setting KINERJA_BEHIND_TRUSTED_PROXY says a proxy of ours stands in front: then the
    last address of X-Forwarded-For, the one that proxy appended (earlier ones are whatever the client sent).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        with audit.client_ip_set(client_address(request)):
            return self.get_response(request)


def client_address(request: HttpRequest) -> str | None:
    address = request.META.get("REMOTE_ADDR", "")
    if getattr(settings, "KINERJA_BEHIND_TRUSTED_PROXY", False):
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        if forwarded and forwarded[-1]:
            address = forwarded[-1]
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return None


class NotFoundMiddleware:
    """A selector's or service's `NotFound` answers 404 like Django's own `Http404` (the same page, the same
    message), so that code below the views needs to know nothing of HTTP."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> None:
        if isinstance(exception, NotFound):
            raise Http404(str(exception)) from exception
