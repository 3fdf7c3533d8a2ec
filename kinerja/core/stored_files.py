"""Stored files: the one base of evidence of actuals (`performance.Evidence`) and of the SAKIP evaluation
(`evaluation.EvaluationEvidence`).

An uploaded file is checked for what it really is (`file_kinds.detect`, never its name), refused when it is
empty, larger than `KINERJA_EVIDENCE_MAX_BYTES` (10 MB by default) or none of the allowed kinds, and stored under
a generated name carrying the detected kind's extension (`3f…9a.pdf`); the name it is shown and downloaded under
is the uploader's with the detected kind's extension instead of its own (`laporan.html` holding a PDF is
`laporan.pdf`), and its SHA-256 and size are kept. The download answer is `kinerja.core.file_downloads`.
"""

import hashlib
import secrets
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext

from . import file_kinds

MB = 1024 * 1024


def max_bytes() -> int:
    """The largest stored file accepted, in bytes (`KINERJA_EVIDENCE_MAX_BYTES`)."""
    return int(getattr(settings, "KINERJA_EVIDENCE_MAX_BYTES", 10 * MB))


def checked_kind(name: str, content: bytes) -> file_kinds.FileKind:
    """What a file really is; ValidationError on "file" when it is empty, too large or not an allowed kind."""
    limit = max_bytes()
    if not content:
        raise ValidationError({"file": gettext("The evidence file is empty.")})
    if len(content) > limit:
        raise ValidationError(
            {"file": gettext("The evidence file is larger than the limit of %(mb)s MB.") % {"mb": limit // MB}}
        )
    kind = file_kinds.detect(content)
    if kind is None:
        raise ValidationError(
            {
                "file": gettext("The content of the file '%(name)s' is not an allowed kind (%(kinds)s).")
                % {"name": name, "kinds": file_kinds.ALLOWED_LABELS}
            }
        )
    return kind


@dataclass(frozen=True)
class CheckedFile:
    """An upload that passed `checked_kind`, with the names it is stored and shown under."""

    kind: file_kinds.FileKind
    stored_name: str
    display_name: str
    content: bytes

    @property
    def size(self) -> int:
        return len(self.content)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.content).hexdigest()


def checked_file(name: str, content: bytes) -> CheckedFile:
    """Check `content` (see `checked_kind`) and name it: a generated stored name and the display name, both with
    the detected kind's extension."""
    kind = checked_kind(name, content)
    return CheckedFile(
        kind=kind,
        stored_name=f"{secrets.token_hex(16)}.{kind.extension}",
        display_name=file_kinds.named_as(name, kind),
        content=content,
    )


class StoredFileMixin:
    """For a model with the fields `file`, `stored_name`, `original_name` (the display name), `kind`,
    `content_type`, `size` and `sha256`: fill them from a checked upload, and the name to download it under."""

    file: Any
    stored_name: str
    original_name: str
    kind: str
    content_type: str
    size: int
    sha256: str

    def put_file(self, checked: CheckedFile) -> None:
        """Set the fields from `checked` and write the file to storage (the row is saved by the caller)."""
        self.stored_name = checked.stored_name
        self.original_name = checked.display_name
        self.kind = checked.kind.code
        self.content_type = checked.kind.content_type
        self.size = checked.size
        self.sha256 = checked.sha256
        self.file.save(checked.stored_name, ContentFile(checked.content), save=False)

    @property
    def download_name(self) -> str:
        """The display name with the stored kind's extension (rows kept before the rule are renamed here)."""
        return file_kinds.named_as(self.original_name, self.kind)
