"""Production: every secret from the environment, nothing defaulted that must not be, HTTPS everywhere.

`DJANGO_SETTINGS_MODULE=config.settings.prod python manage.py check --deploy` prints no warning with only
SECRET_KEY and ALLOWED_HOSTS set (tests/test_security.py runs it). README.md, "Running in production",
lists every variable.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import SECRET_KEY, env_bool, env_int, env_list

if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set in the environment for production.")
SECRET_KEY_FALLBACKS = env_list("SECRET_KEY_FALLBACKS", [])  # the previous keys while rotating SECRET_KEY

DEBUG = False  # whatever the environment says: a traceback page in production shows settings and data
if not os.environ.get("ALLOWED_HOSTS"):
    raise ImproperlyConfigured("ALLOWED_HOSTS (comma-separated host names) must be set for production.")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

# HTTPS. Behind a reverse proxy that ends TLS, set SECURE_PROXY_SSL_HEADER to the header it sets, e.g.
# "HTTP_X_FORWARDED_PROTO" (value "https") or "HTTP_X_FORWARDED_PROTO,https" — only if the proxy always sets
# or strips that header, since Django then trusts it.
_proxy_header = os.environ.get("SECURE_PROXY_SSL_HEADER", "").strip()
if _proxy_header:
    _name, _, _value = _proxy_header.partition(",")
    SECURE_PROXY_SSL_HEADER = (_name.strip(), _value.strip() or "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
# Strict-Transport-Security: how long browsers must use HTTPS only (seconds, default one year). A first
# deployment can start with a few minutes (e.g. 300) and raise it once HTTPS is known to work.
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 365 * 24 * 60 * 60)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)

SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
LANGUAGE_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
