"""Writes of the organisation that have a door of their own: the region's emblem.

The emblem (lambang daerah) is printed in the letterhead of every document of every agency of the region, so
only the administrator changes it (`accounts.access.may_change_region`). It is checked by its content, never by
its name: a PNG, or an SVG that can only draw (`core.file_kinds.svg_problem`: no script, no event handler, no
reference outside the file), at most `EMBLEM_MAX_BYTES`. The admin's region form calls this service.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext, gettext_lazy

from kinerja.accounts.access import may_change_region
from kinerja.core import audit, file_kinds
from kinerja.core.actors import Actor
from kinerja.core.upload_limits import MB, too_large_message

from .models import Region

EMBLEM_MAX_BYTES = 1 * MB
NOT_AN_EMBLEM = gettext_lazy("A region's emblem must be a PNG or SVG image.")


def emblem_kind(content: bytes) -> file_kinds.FileKind:
    """PNG or SVG by content; ValidationError naming the field "emblem" otherwise, saying why."""
    if content.startswith(b"\x89PNG\r\n\x1a\n"):
        return file_kinds.PNG
    problem = file_kinds.svg_problem(content)
    if problem is None:
        return file_kinds.SVG
    if problem == file_kinds.not_svg():
        raise ValidationError({"emblem": NOT_AN_EMBLEM}, code="kind")
    raise ValidationError({"emblem": problem}, code="unsafe")


def checked_emblem(upload: UploadedFile) -> tuple[bytes, file_kinds.FileKind]:
    """The content and kind of an emblem upload when it may be one (size, then content); ValidationError on the
    field "emblem" otherwise. The service's own check, which the admin's form asks before saving."""
    if upload.size is not None and upload.size > EMBLEM_MAX_BYTES:
        too_large = too_large_message(upload.name or "", upload.size)
        raise ValidationError({"emblem": f"{too_large} Lambang paling besar 1 MB."}, code="size")
    upload.seek(0)
    content = upload.read()  # an upload over the request limit raises here (core.upload_limits)
    upload.seek(0)
    if len(content) > EMBLEM_MAX_BYTES:
        raise ValidationError({"emblem": "Lambang paling besar 1 MB."}, code="size")
    return content, emblem_kind(content)


@transaction.atomic
def set_region_emblem(*, actor: Actor, region: Region, upload: UploadedFile | None) -> Region:
    """Put `upload` as the region's emblem (None: remove the emblem); the old file goes once this commits."""
    if actor is not None and not may_change_region(actor):
        raise PermissionDenied(gettext("Only the system administrator changes a region's emblem."))
    region = Region.objects.select_for_update().get(pk=region.pk)
    before = audit.snapshot(region)
    old = region.emblem.name
    if upload is None:
        region.emblem = ""
    else:
        content, kind = checked_emblem(upload)
        region.emblem.save(f"lambang-{region.code}.{kind.extension}", ContentFile(content), save=False)
    region.full_clean()
    region.save(update_fields=["emblem", "updated_at"])
    audit.record_change(actor=actor, obj=region, before=before, description=_description(region, upload is None))
    if old and old != region.emblem.name:
        storage = region.emblem.storage
        transaction.on_commit(lambda: storage.delete(old))
    return region


def _description(region: Region, removed: bool) -> str:
    with audit.in_record_language():
        return f"Lambang {region.name} {'dihapus' if removed else 'diganti'}"
