"""Settings of `make bench` and `make bench-load`: the test settings (no HTTPS redirect, a fast password hasher
for the synthetic users), with evidence files under var/bench/media and the database of DATABASE_URL."""

from config.settings.test import *  # noqa: F403
from config.settings.test import BASE_DIR

MEDIA_ROOT = BASE_DIR / "var" / "bench" / "media"
