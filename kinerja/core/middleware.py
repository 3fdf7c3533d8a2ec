"""Middleware of the whole site: the language a user chose, and the Content-Security-Policy.

ChosenLanguageMiddleware — Bahasa Indonesia unless the user chose another language: the browser's
Accept-Language is not asked.

Django's LocaleMiddleware would follow the browser (an English-language Windows gives English pages); a
government application speaks the official language until a user picks English in the menu.
"""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation


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
