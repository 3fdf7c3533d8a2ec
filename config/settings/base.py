"""Settings shared by every environment. Everything that differs comes from the environment."""

import datetime
import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("KINERJA_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value and value.strip() else default


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if not value:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "kinerja.accounts.axes_app.LoginProtectionConfig",  # django-axes, under an Indonesian name
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_tasks",
    "django_tasks_db",  # the queue's table, for the "database" backend (KINERJA_TASKS below)
    "kinerja.core",
    "kinerja.accounts",
    "kinerja.organisation",
    "kinerja.strategy",
    "kinerja.performance",
    "kinerja.exchange",
    "kinerja.synthetic",
    "kinerja.evaluation",
    "kinerja.actionplans",
    "kinerja.skp",
    "kinerja.reports",
    "kinerja.dashboard",
    "kinerja.api",
    "kinerja.jobs",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "kinerja.core.middleware.AuditContextMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # before the session and the user are read: on an eligible page they are read from the replica too
    "kinerja.core.replica_middleware.ReadReplicaMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "kinerja.core.middleware.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "kinerja.core.middleware.ContentSecurityPolicyMiddleware",
    "kinerja.core.middleware.NotFoundMiddleware",
    # the user and htmx are known, and its redirect gets the headers above: an initial password first
    "kinerja.accounts.middleware.InitialPasswordMiddleware",
    # Last, as its documentation asks: turns a locked-out login into the lock-out page.
    "axes.middleware.AxesMiddleware",
]

# Background jobs (kinerja.jobs; docs/scale.md, docs/operations.md): django-tasks, the backport of Django 6's
# tasks framework. KINERJA_TASKS=immediate runs a job at once inside the request that starts it (`make run`, the
# tests: no worker, no other server); KINERJA_TASKS=database queues it in the database (PostgreSQL in
# production: no other server either), where `python manage.py db_worker` takes it. Production defaults to
# "database" (config/settings/prod.py).
TASK_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}
TASKS = {"default": {"BACKEND": TASK_BACKENDS[os.environ.get("KINERJA_TASKS", "immediate")]}}

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "kinerja" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "kinerja.performance.workflow_views.navigation_counts",
                "kinerja.performance.home_views.personal_menu",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'kinerja.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Parallel saves wait instead of failing with "database is locked": readers never block the writer (WAL), a
    # writer waits up to 20 s for another (timeout), and every transaction takes the write lock when it begins
    # (IMMEDIATE), so a read-then-write cannot be overtaken between its read and its write.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "init_command": "PRAGMA journal_mode=WAL;",
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
        }
    )
# An optional streaming replica of the primary (docs/scale.md §5), parsed like DATABASE_URL. Without
# DATABASE_REPLICA_URL there is no `replica` alias and every query goes to `default`, as before.
if os.environ.get("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = dj_database_url.parse(
        os.environ["DATABASE_REPLICA_URL"], conn_max_age=int(os.environ.get("CONN_MAX_AGE", "0"))
    )
# The alias the router reads eligible pages from (None: no replica, everything on `default`).
KINERJA_READ_REPLICA: str | None = "replica" if "replica" in DATABASES else None
DATABASE_ROUTERS = ["kinerja.core.db_router.ReplicaRouter"]
# Read-your-writes: seconds a client's requests stay on the primary after any request of theirs that is not a
# GET/HEAD/OPTIONS (a save, a submission, a login), so that they see what they wrote while the replica catches
# up. Longer than the replica's usual lag.
KINERJA_READ_YOUR_WRITES_SECONDS = float(os.environ.get("KINERJA_READ_YOUR_WRITES_SECONDS", "5"))
# The pages (URL names) whose GET and HEAD may read from the replica: read-only pages where a few seconds of
# replica lag are acceptable — the dashboard and the performance tree, the regional views, the API lists, the
# prints and document downloads, the workbook export and the public pages. Entry, verification, planning and
# every form stay on the primary. A comma-separated KINERJA_REPLICA_PAGES replaces the list.
KINERJA_REPLICA_PAGES = env_list(
    "KINERJA_REPLICA_PAGES",
    [
        "dashboard",
        "performance-tree",
        "region-view",
        "evaluation-region",
        "document-download",
        "exchange-export",
        "public-index",
        "public-page",
        "public-csv",
        "public-decree",
        "api-agency-list",
        "api-unit-list",
        "api-position-list",
        "api-official-list",
        "api-plan-list",
        "api-objective-list",
        "api-indicator-list",
        "api-iki-page-list",
        "api-target-list",
        "api-actual-list",
        "api-evidence-list",
        "api-achievement-page-list",
        "api-achievement-agency-list",
        "api-document-list",
        "api-document-download",
    ],
)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    # First, as its documentation asks: refuses a locked-out login before the password is even checked.
    "axes.backends.AxesStandaloneBackend",
    # Django's own, reading each request's user with their official: the user box names them without a query.
    "kinerja.accounts.backends.PersonBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "id"
LANGUAGES = [("id", _("Bahasa Indonesia")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "kinerja" / "locale"]
TIME_ZONE = "Asia/Jayapura"  # WIT, the time zone of North Maluku
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "kinerja" / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
MEDIA_ROOT = VAR_DIR / "media"  # evidence files live here, under generated names; never served directly
# Largest evidence file accepted, in bytes (default 10 MB).
KINERJA_EVIDENCE_MAX_BYTES = int(os.environ.get("KINERJA_EVIDENCE_MAX_BYTES", str(10 * 1024 * 1024)))
# Uploads: form fields other than files at most 2.5 MB (Django refuses more with a 400 before reading it); a
# file up to 2.5 MB is kept in memory, a larger one streamed to a temporary file; a file larger than
# KINERJA_UPLOAD_MAX_BYTES (the largest any door accepts: evidence, a 20 MB workbook to import) is refused while
# it streams in, by kinerja.core.upload_limits, never kept whole in memory or on disk.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
KINERJA_UPLOAD_MAX_BYTES = env_int("KINERJA_UPLOAD_MAX_BYTES", max(KINERJA_EVIDENCE_MAX_BYTES, 20 * 1024 * 1024))
FILE_UPLOAD_HANDLERS = [
    "kinerja.core.upload_limits.LimitedUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]

SESSION_COOKIE_HTTPONLY = True
# A session lasts a working day from the login (seconds, default 8 hours) and ends when the browser closes.
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 8 * 60 * 60)
SESSION_EXPIRE_AT_BROWSER_CLOSE = env_bool("SESSION_EXPIRE_AT_BROWSER_CLOSE", True)
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True  # X-Content-Type-Options: nosniff (SecurityMiddleware)
SECURE_REFERRER_POLICY = "same-origin"  # Referrer-Policy (SecurityMiddleware)
# Sent on every response by kinerja.core.middleware.ContentSecurityPolicyMiddleware: nothing from another
# origin, no inline script, style or event handler (templates wire behaviour in static/kinerja/kinerja.js).
KINERJA_CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; "
    "base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)

# Whether a reverse proxy of ours stands in front of the application: the client's address (for the audit trail
# and the login throttling) is then the last entry of X-Forwarded-For instead of REMOTE_ADDR. Never set it
# without such a proxy: the header is whatever the client sent.
KINERJA_BEHIND_TRUSTED_PROXY = env_bool("KINERJA_BEHIND_TRUSTED_PROXY", False)

# Login throttling (django-axes, kinerja.accounts.login_throttle), counted within LOGIN_COOLOFF_MINUTES:
# LOGIN_FAILURE_LIMIT wrong passwords for one username from one address lock that login on that address;
# LOGIN_ADDRESS_FAILURE_LIMIT wrong passwords from one address, whatever the usernames, lock every login from
# it (one password tried on many accounts). A username alone is never locked, so nobody can lock another out.
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
KINERJA_LOGIN_ADDRESS_FAILURE_LIMIT = env_int("LOGIN_ADDRESS_FAILURE_LIMIT", 20)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env_int("LOGIN_COOLOFF_MINUTES", 30))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]  # the order LoginThrottleHandler reads
AXES_HANDLER = "kinerja.accounts.login_throttle.LoginThrottleHandler"
AXES_CLIENT_IP_CALLABLE = "kinerja.core.middleware.client_address"  # the same address as the audit trail
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked.html"

# The built-in dataset that `make run` loads into an empty database.
KINERJA_BUILTIN_DATASET = BASE_DIR / "data" / "halut-diskominfo.yaml"
# Paper of printed documents: "A4" or "F4" (215 × 330 mm, the Indonesian government folio).
KINERJA_PAPER = os.environ.get("KINERJA_PAPER", "F4")
# Whether the decree prints the signatory's academic titles (REGULATIONS.md §10, uncertain: default as the seed).
KINERJA_PRINT_SIGNATORY_TITLES = env_bool("KINERJA_PRINT_SIGNATORY_TITLES", True)
# What the budget table of a performance agreement lists, by the position's depth under the head of agency
# (0: the head of agency, 1: a head of division, 2: a section head; deeper positions use the last entry).
# REGULATIONS.md §4 marks this rule uncertain, hence a setting.
KINERJA_AGREEMENT_BUDGET_LEVELS = ("programme", "activity", "sub_activity")
# The most one indicator's achievement counts for in a roll-up (objective, position, unit, agency, region), in
# percent; empty: no cap, achievements above 100 count as computed. REGULATIONS.md §1 (project rule): "a cap per
# indicator in roll-ups is a setting, default none" (docs/measurement.md).
KINERJA_ROLLUP_CAP = os.environ.get("KINERJA_ROLLUP_CAP", "") or None
# SKP (PermenPANRB 6/2022, REGULATIONS.md §8; kinerja/skp/predicate.py). Not fixed nationally, hence settings:
# the work rating proposed for the head of a unit from the unit's achievement (%): "Di atas ekspektasi" from the
# first bound, "Sesuai" from the second, "Di bawah" below (default 110 and 91: §2's "Sangat Tinggi" starts at 91);
KINERJA_SKP_WORK_BOUNDS = ("110", "91")
# the organisation's (or unit's) predicate from its achievement (%): Istimewa, Baik, Butuh Perbaikan, Kurang from
# each bound, Sangat Kurang below;
KINERJA_ORGANISATION_PREDICATE_BOUNDS = ("110", "91", "76", "51")
# how staff predicates may be distributed under each organisation predicate (§8, marked uncertain): None is the
# documented table kinerja.skp.distribution.DEFAULT_RULES; a dict of the same shape replaces it.
KINERJA_SKP_DISTRIBUTION = None
# The roll-ups of the regency and province views (docs/scale.md §4): on, the worker runs in the same process right
# after each transaction that wrote figures commits (`make run` and the tests need no other server); off where a real
# worker runs (`manage.py rollups_work` from cron or a queue; the production default).
KINERJA_ROLLUPS_EAGER = env_bool("KINERJA_ROLLUPS_EAGER", True)
FORMS_URLFIELD_ASSUME_HTTPS = True  # Django 6 behaviour now, silences its deprecation warning

# Days an API token works after it was made (logging out ends it earlier); then a new one is made, after
# logging in with the password (kinerja.api.authentication).
KINERJA_API_TOKEN_DAYS = env_int("API_TOKEN_DAYS", 30)

# The JSON API (kinerja/api): token or session authentication, page-number pagination, OpenAPI by drf-spectacular.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # First: an anonymous request gets 401, not 403. A token ends after KINERJA_API_TOKEN_DAYS and at logout.
        "kinerja.api.authentication.ExpiringTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": "kinerja.api.pagination.Pagination",
    "PAGE_SIZE": 50,
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [
        "rest_framework.parsers.JSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "COERCE_DECIMAL_TO_STRING": True,
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Kinerja API",
    "DESCRIPTION": "Agencies, plans, indicators, IKI pages, targets, actuals, achievements and documents of Kinerja. "
    "Everything answers only within the caller's reach (outside it: 404); writes go through the "
    "same services and audit trail as the pages.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.IsAuthenticated"],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "ENUM_NAME_OVERRIDES": {
        "TargetKindEnum": "kinerja.performance.models.Target.Kind",
        "UnitKindEnum": "kinerja.organisation.models.Unit.Kind",
    },
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "kinerja.api.schema.add_error_answers",
    ],
}
