"""The one writer of an agency's publication: every change goes through the audit trail."""

from django.db import transaction
from django.utils import timezone

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
    state = "diterbitkan" if published else "ditarik dari publik"
    audit.record_change(
        actor=actor, obj=publication, before=before, agency=agency, description=f"Halaman publik {agency.name} {state}."
    )
    return publication


def published_agencies():
    return (
        Agency.objects.filter(publication__is_published=True).select_related("region").order_by("region__name", "name")
    )
