"""The download answer of a stored file (`kinerja.core.stored_files`): an attachment under its display name with
the detected kind's extension and content type; 404 when the file is gone from storage."""

from django.http import FileResponse, Http404
from django.utils.translation import gettext_lazy

from .stored_files import StoredFileMixin

MISSING = gettext_lazy("The evidence file is not in the storage.")


def stored_file_response(item: StoredFileMixin, *, not_found: type[Exception] = Http404) -> FileResponse:
    """`not_found` is the door's own 404 (the API's `NotFound`)."""
    if not item.file or not item.file.storage.exists(item.file.name):
        raise not_found(str(MISSING))  # in the language of the request
    return FileResponse(
        item.file.open("rb"), as_attachment=True, filename=item.download_name, content_type=item.content_type
    )
