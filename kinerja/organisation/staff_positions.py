"""The one door of staff positions (pelaksana / jabatan fungsional below the heads of section).

A staff position sits in its superior's unit, carries no IKI page and is printed in no decree; its holder is
assessed through the SKP (kinerja.skp). The agency's planner (`accounts.access.may_plan`) adds one; the holder is
then assigned on the people page (Pegawai) like any other position.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext

from kinerja.accounts.access import may_plan
from kinerja.core import audit
from kinerja.core.actors import Actor

from .models import Position


@transaction.atomic
def add_staff_position(*, actor: Actor, superior: Position, code: str, title: str, duty: str = "") -> Position:
    """A new staff position below `superior` (a position of the same agency), in the superior's unit."""
    if actor is not None and not may_plan(actor, superior.agency):
        raise PermissionDenied(gettext("Only the agency's planner adds positions."))
    code, title = (code or "").strip(), (title or "").strip()
    if Position.objects.filter(agency_id=superior.agency_id, code=code).exists():
        raise ValidationError({"code": gettext("This agency already has a position with this code.")})
    last = Position.objects.filter(agency_id=superior.agency_id).aggregate(last=Max("order"))["last"] or 0
    position = Position(
        agency_id=superior.agency_id,
        unit_id=superior.unit_id,
        superior=superior,
        code=code,
        title=title,
        duty=(duty or "").strip(),
        kind=Position.Kind.STAFF,
        order=last + 1,
    )
    position.full_clean()
    position.save()
    with audit.in_record_language():
        description = gettext("Staff position %(title)s added below %(superior)s") % {
            "title": position.title,
            "superior": superior.title,
        }
    audit.record_change(actor=actor, obj=position, before=None, agency=position.agency_id, description=description)
    return position
