"""The test suite: SQLite by default, PostgreSQL when DATABASE_URL says so."""

from .base import *  # noqa: F403

SECRET_KEY = "test-only-not-secret"  # noqa: S105
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}

import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402

MEDIA_ROOT = Path(tempfile.gettempdir()) / "kinerja-test-media"
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# django-axes stays on as in production: tests log in with force_login or the right password, and the
# lock-out has tests of its own (kinerja/accounts/tests/test_login_security.py); each test's attempts are
# rolled back with its transaction.

# A `replica` alias that is a test mirror of `default` (the same test database through a connection of its
# own), so that kinerja/core/tests/test_db_router.py can see which alias the router chose. The router uses it
# only in the tests that opt in (override_settings(KINERJA_READ_REPLICA="replica")): every other test reads and
# writes `default` only, as without a replica.
import copy  # noqa: E402

DATABASES["replica"] = copy.deepcopy(DATABASES["default"])  # noqa: F405
DATABASES["replica"]["TEST"] = {"MIRROR": "default"}  # noqa: F405
KINERJA_READ_REPLICA = None
