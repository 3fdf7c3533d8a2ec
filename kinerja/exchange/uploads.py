"""Uploaded files between their preview and their import: kept under var/ with a generated name, named to
the browser by a signed token (not kept in the session, which stays small)."""

import datetime
import re
import secrets
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core import signing

SALT = "kinerja.exchange.upload"
MAX_AGE = datetime.timedelta(hours=12)
SUFFIXES = (".xlsx", ".json", ".yaml", ".yml")
STORED = re.compile(r"^[0-9a-f]{32}\.(xlsx|json|yaml|yml)$")


def folder() -> Path:
    return Path(getattr(settings, "KINERJA_IMPORT_DIR", Path(settings.VAR_DIR) / "imports"))


@dataclass(frozen=True)
class Upload:
    path: Path
    name: str  # the name the user gave the file (shown, never used as a path)
    agency: str  # the agency code of the page it was uploaded on ("" for a new agency)

    def content(self) -> bytes:
        return self.path.read_bytes()


def suffix_of(name: str) -> str:
    suffix = Path(name).suffix.lower()
    return suffix if suffix in SUFFIXES else ".xlsx"


def keep(content: bytes, name: str, agency: str) -> str:
    """Store the file; the token that names it."""
    where = folder()
    where.mkdir(parents=True, exist_ok=True)
    _prune(where)
    stored = f"{secrets.token_hex(16)}{suffix_of(name)}"
    (where / stored).write_bytes(content)
    return signing.dumps({"f": stored, "n": name[:200], "a": agency}, salt=SALT, compress=True)


def find(token: str, agency: str) -> Upload | None:
    """The upload a token names, when it is still there, not too old and for this agency page."""
    try:
        value = signing.loads(token, salt=SALT, max_age=MAX_AGE)
    except signing.BadSignature:
        return None
    stored = str(value.get("f", ""))
    if not STORED.match(stored) or value.get("a") != agency:
        return None
    path = folder() / stored
    return Upload(path, str(value.get("n", stored)), agency) if path.is_file() else None


def discard(upload: Upload) -> None:
    upload.path.unlink(missing_ok=True)


def _prune(where: Path) -> None:
    """Forget the uploads nobody confirmed."""
    oldest = datetime.datetime.now().timestamp() - MAX_AGE.total_seconds()
    for path in where.iterdir():
        if STORED.match(path.name) and path.stat().st_mtime < oldest:
            path.unlink(missing_ok=True)
