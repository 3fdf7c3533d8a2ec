"""Documents printed once and kept: the public PDF of an enacted version of the IKU/IKI decree.

An enacted version never changes (`EnactedDecree` is frozen), so its PDF — about 3 s of CPU in WeasyPrint — is
rendered the first time anyone asks and then served from storage: `MEDIA_ROOT/public/<agency>/` under a name made
of the version's key and a hash of its document data (another database, or a restored one, never gets the file
of a different version). The file is written to a temporary name and renamed, so a reader never sees half a
file; parallel first requests wait on a lock file and the first one renders, the others read its file.
"""

import fcntl
import hashlib
import json
import os
import tempfile
from pathlib import Path

from django.conf import settings

from . import output
from .document import from_data
from .models import EnactedDecree

FOLDER = "public"
LAYOUT = "1"  # raise when the printed layout changes, so that the stored files are printed again


def enacted_pdf_path(enacted: EnactedDecree, agency_code: str) -> Path:
    data = json.dumps([LAYOUT, enacted.document], sort_keys=True, ensure_ascii=False).encode()
    digest = hashlib.sha256(data).hexdigest()[:32]
    return Path(settings.MEDIA_ROOT) / FOLDER / agency_code / f"keputusan-{enacted.pk}-{digest}.pdf"


def enacted_pdf(enacted: EnactedDecree, agency_code: str) -> Path:
    """The stored PDF of an enacted version, rendered now only when it has never been rendered."""
    path = enacted_pdf_path(enacted, agency_code)
    if path.is_file():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_suffix(".lock"), "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        if not path.is_file():  # not rendered meanwhile by a parallel request
            _write_atomically(path, output.render(from_data(enacted.document), "pdf"))
    return path


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
