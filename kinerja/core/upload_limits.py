"""Uploads larger than settings.KINERJA_UPLOAD_MAX_BYTES are refused while they stream in, never kept whole.

`LimitedUploadHandler` stands first in FILE_UPLOAD_HANDLERS. It counts each file's bytes as they arrive; once
a file passes the limit, nothing more of it goes to Django's own handlers (memory, temporary file), the rest
of the request body is read and dropped in chunks, and the file arrives in `request.FILES` as an
`OversizedUpload`: its `.size` is what the client sent, and reading its content raises a ValidationError on
the field "file" with an Indonesian message — which every door (page, API, import) already turns into its
own answer. A door that checks `.size` first (the import) answers with its own message.

The limit is the largest file any door accepts (evidence: KINERJA_EVIDENCE_MAX_BYTES, a workbook to
import: 20 MB); each door still checks its own, smaller limit.
"""

import io

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.files.uploadhandler import FileUploadHandler
from django.utils.translation import gettext

MB = 1024 * 1024


def upload_max_bytes() -> int:
    return int(settings.KINERJA_UPLOAD_MAX_BYTES)


def too_large_message(name: str, size: int) -> str:
    """Without the limit: a door's own limit may be smaller (evidence 10 MB), and its message says so."""
    text = gettext("The file «%(name)s» is too large (%(mb)s MB) and is not accepted.")
    return text % {"name": name, "mb": f"{size / MB:.0f}"}


class OversizedUpload(UploadedFile):
    """A file refused for its size: its name and size are known, its content was never kept."""

    def __init__(
        self,
        name: str,
        content_type: str | None,
        size: int,
        charset: str | None = None,
        content_type_extra: dict | None = None,
    ):
        super().__init__(io.BytesIO(), name, content_type, size, charset, content_type_extra)

    def read(self, *args: object) -> bytes:
        raise ValidationError({"file": too_large_message(self.name or "", self.size)})

    def open(self, mode: str | None = None) -> "OversizedUpload":
        return self


class LimitedUploadHandler(FileUploadHandler):
    def __init__(self, request: object = None):
        super().__init__(request)
        self.limit = upload_max_bytes()
        self.too_large = False

    def new_file(
        self, field_name, file_name, content_type, content_length, charset=None, content_type_extra=None
    ) -> None:
        super().new_file(field_name, file_name, content_type, content_length, charset, content_type_extra)
        self.too_large = content_length is not None and content_length > self.limit  # a part that says its size

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes | None:
        if start + len(raw_data) > self.limit:
            self.too_large = True
        return None if self.too_large else raw_data  # None: the next handlers receive nothing more of it

    def file_complete(self, file_size: int) -> UploadedFile | None:
        if self.too_large:
            return OversizedUpload(self.file_name, self.content_type, file_size, self.charset, self.content_type_extra)
        return None  # within the limit: the next handler (memory or temporary file) gives the file
