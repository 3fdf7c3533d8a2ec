"""Documents printed once and kept until what they show changes.

Printing is slow — a decree is about 3 s of CPU in WeasyPrint, an LKjIP several — while the data behind it changes
a few times a quarter. So a printed file is kept in storage under a name made of what it is and a fingerprint of
what it shows, and served again for as long as the fingerprint is the same:

- `printed(document, kind, fmt, agency_code)` — any document of the catalogue, downloaded from the documents
  page: `MEDIA_ROOT/printed/<agency>/<kind>/<filename stem>-<fingerprint>.<fmt>`. The fingerprint is a hash of
  the document as data (`document.to_data`: every word, number, the emblem's bytes, what is missing) and of the
  renderers' source (`layout`), so any change of what it prints — a target, an actual, a name, the emblem, a new
  release of the renderers — makes another name and the document is printed again; the file it replaces (same
  document, same format) is removed.
- `enacted_pdf(enacted, agency_code)` — the public PDF of an enacted version of the IKU/IKI decree, which never
  changes (`EnactedDecree` is frozen): `MEDIA_ROOT/public/<agency>/keputusan-<key>-<hash>.pdf`.

Building the document still reads the database (a fixed number of queries); only the rendering is saved. A file
is written to a temporary name and renamed, so a reader never sees half a file; parallel first requests wait on
a lock file and the first one renders, the others read its file.
"""

import fcntl
import functools
import hashlib
import json
import logging
import os
import re
import tempfile
from collections.abc import Callable
from pathlib import Path

from django.conf import settings

from . import output
from .document import Document, from_data, to_data
from .models import EnactedDecree

logger = logging.getLogger(__name__)
FOLDER = "public"
PRINTED = "printed"
# The code that turns a Document into a file: a change to any of them (a new release) prints the files again.
RENDERERS = (
    "document.py",
    "emblem.py",
    "output.py",
    "render_docx.py",
    "render_html.py",
    "render_pdf.py",
    "render_xlsx.py",
    "print.css",
)


@functools.cache
def layout() -> str:
    """The version of the printed layout: a hash of the renderers' source."""
    digest = hashlib.sha256()
    for name in RENDERERS:
        digest.update((Path(__file__).parent / name).read_bytes())
    return digest.hexdigest()[:16]


def fingerprint(document: Document, fmt: str) -> str:
    """A hash of everything the document prints, in this format and layout."""
    data = json.dumps([layout(), fmt, to_data(document)], sort_keys=True, ensure_ascii=False).encode()
    return hashlib.sha256(data).hexdigest()[:32]


def printed_path(document: Document, kind: str, fmt: str, agency_code: str) -> Path:
    folder = Path(settings.MEDIA_ROOT) / PRINTED / agency_code / kind
    return folder / f"{document.filename_stem}-{fingerprint(document, fmt)}.{fmt}"


def printed(document: Document, kind: str, fmt: str, agency_code: str) -> bytes:
    """The file of `document` in `fmt`: from storage when this data was printed before, else rendered now and
    kept (the file of the same document printed from other data is removed)."""
    path = printed_path(document, kind, fmt, agency_code)
    content = _kept(path, lambda: output.render(document, fmt))
    same = re.compile(rf"{re.escape(document.filename_stem)}-[0-9a-f]{{32}}\.{fmt}")
    try:
        for older in path.parent.iterdir():
            if older != path and same.fullmatch(older.name):  # the same document printed from other data
                older.unlink(missing_ok=True)
                older.with_suffix(".lock").unlink(missing_ok=True)
    except OSError:
        pass  # storage that cannot be written was logged by _kept; the file is still served
    return content


def enacted_pdf_path(enacted: EnactedDecree, agency_code: str) -> Path:
    data = json.dumps(["1", enacted.document], sort_keys=True, ensure_ascii=False).encode()
    digest = hashlib.sha256(data).hexdigest()[:32]
    return Path(settings.MEDIA_ROOT) / FOLDER / agency_code / f"keputusan-{enacted.pk}-{digest}.pdf"


def enacted_pdf(enacted: EnactedDecree, agency_code: str) -> bytes:
    """The PDF of an enacted version: stored, rendered only when it has never been rendered."""
    path = enacted_pdf_path(enacted, agency_code)
    return _kept(path, lambda: output.render(from_data(enacted.document), "pdf"))  # type: ignore[arg-type]


def _kept(path: Path, render: Callable[[], bytes]) -> bytes:
    """The file at `path`, rendered and written there first when it is not (once, whoever asks first: parallel
    first requests wait on a lock file). Storage that cannot be written (a full disk, MEDIA_ROOT read-only) is
    logged as an error and the file is served all the same, rendered for this request: never a 500 for it."""
    try:
        return path.read_bytes()
    except OSError:  # not printed yet, or storage that cannot be read: print it
        pass
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        lock = open(path.with_suffix(".lock"), "a")  # noqa: SIM115 - closed by the `with` below
    except OSError as error:
        logger.error("printed file not kept, storage cannot be written: %s (%s)", path, error)
        return render()
    with lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        try:
            return path.read_bytes()  # rendered meanwhile by a parallel request
        except FileNotFoundError:
            pass
        content = render()
        try:
            _write_atomically(path, content)
        except OSError as error:
            logger.error("printed file not kept, storage cannot be written: %s (%s)", path, error)
        return content


def _write_atomically(path: Path, content: bytes) -> None:
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(content)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
