"""The one writer of an agency's publication: every change goes through the audit trail."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from kinerja.core import audit
from kinerja.core.actors import Actor
from kinerja.organisation.models import Agency

from .models import Publication


@transaction.atomic
def set_published(*, actor: Actor, agency: Agency, published: bool) -> Publication:
    """Publish (or withdraw) the agency's public page; a change that changes nothing records nothing."""
    publication = Publication.objects.select_for_update().filter(agency=agency).first()
    before = audit.snapshot(publication)
    if publication is None:
        publication = Publication(agency=agency)
    if publication.pk is not None and publication.is_published == published:
        return publication
    publication.is_published = published
    publication.published_at = timezone.now() if published else None
    publication.changed_by = actor if getattr(actor, "is_authenticated", False) else None
    publication.save()
    with audit.in_record_language():
        if published:
            description = gettext("Public page of %(agency)s published.") % {"agency": agency.name}
        else:
            description = gettext("Public page of %(agency)s withdrawn from the public.") % {"agency": agency.name}
    audit.record_change(actor=actor, obj=publication, before=before, agency=agency, description=description)
    return publication


def published_agencies():
    return (
        Agency.objects.filter(publication__is_published=True).select_related("region").order_by("region__name", "name")
    )
