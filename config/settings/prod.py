"""Production: every secret from the environment, nothing defaulted that must not be, HTTPS everywhere.

`DJANGO_SETTINGS_MODULE=config.settings.prod python manage.py check --deploy` prints no warning with only
SECRET_KEY and ALLOWED_HOSTS set (tests/test_security.py runs it). README.md, "Running in production",
lists every variable.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import SECRET_KEY, TASK_BACKENDS, env_bool, env_int, env_list

if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set in the environment for production.")
SECRET_KEY_FALLBACKS = env_list("SECRET_KEY_FALLBACKS", [])  # the previous keys while rotating SECRET_KEY

DEBUG = False  # whatever the environment says: a traceback page in production shows settings and data
if not os.environ.get("ALLOWED_HOSTS"):
    raise ImproperlyConfigured("ALLOWED_HOSTS (comma-separated host names) must be set for production.")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
# Background jobs are queued in the database and run by `python manage.py db_worker` (docs/operations.md);
# KINERJA_TASKS=immediate runs them inside the request instead (a small installation without a worker).
TASKS = {"default": {"BACKEND": TASK_BACKENDS[os.environ.get("KINERJA_TASKS", "database")]}}
# a real worker computes the roll-ups (`manage.py rollups_work` from cron): not inside the requests
KINERJA_ROLLUPS_EAGER = env_bool("KINERJA_ROLLUPS_EAGER", False)

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

# Logging: to stderr (gunicorn and systemd's journal keep it), one line per record with its time. Every 500
# arrives through "django.request" at ERROR with its traceback; login lock-outs (axes) and suspicious
# requests ("django.security") at WARNING. Django's default sends 500s only by mail to ADMINS, i.e. nowhere.
_log_level = os.environ.get("LOG_LEVEL", "WARNING").upper()
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(process)d: %(message)s"},
    },
    "handlers": {
        "stderr": {"class": "logging.StreamHandler", "stream": "ext://sys.stderr", "formatter": "plain"},
    },
    "root": {"handlers": ["stderr"], "level": _log_level},
    "loggers": {
        # Django's own configuration gives these handlers of its own (mail, a console only in DEBUG): here they
        # go to stderr like everything else, once.
        "django": {"handlers": ["stderr"], "level": _log_level, "propagate": False},
        # A 500 is logged whatever LOG_LEVEL says (4xx are WARNING: logged from LOG_LEVEL=WARNING down).
        "django.request": {
            "handlers": ["stderr"],
            "level": "WARNING" if _log_level in {"DEBUG", "INFO", "WARNING"} else "ERROR",
            "propagate": False,
        },
        "django.server": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
    },
}
