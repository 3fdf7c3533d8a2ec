"""The one door for the decree record (Keputusan IKU/IKI): number, date, place, signatory, title, subject and the
ordered lists of considerations (Menimbang), legal bases (Mengingat) and dictums.

`save_decree_record` creates or changes the record of one year of a plan. An enacted version
(`reports.models.EnactedDecree`) is a frozen copy of the printed document, so a change here only makes the next
draft; the enacted versions keep printing as they were enacted.
"""

import datetime
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext

from kinerja.accounts.access import may_plan
from kinerja.core import audit
from kinerja.core.actors import Actor
from kinerja.core.models import AuditRecord
from kinerja.organisation.models import Position
from kinerja.strategy.models import Decree, DecreeClause, StrategicPlan

LABEL_LENGTH = DecreeClause._meta.get_field("number").max_length or 10
NUMBER_LENGTH = Decree._meta.get_field("number").max_length or 100
PLACE_LENGTH = Decree._meta.get_field("place").max_length or 100


@dataclass(frozen=True)
class Dictum:
    """One dictum as printed: its label (KESATU, KEDUA, …) and its text."""

    label: str
    text: str


def _clean_texts(texts: list[str], field: str, errors: dict[str, list[str]]) -> list[str]:
    cleaned = [text.strip() for text in texts]
    if any(not text for text in cleaned):
        errors.setdefault(field, []).append(gettext("An item of this list is empty; write its text or remove it."))
    return cleaned


def _check(
    plan: StrategicPlan,
    year: int,
    date: datetime.date | None,
    place: str,
    signatory: Position | None,
    number: str,
    title: str,
    subject: str,
    dictums: list[Dictum],
) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}

    def refuse(field: str, message: str) -> None:
        errors.setdefault(field, []).append(message)

    if not plan.first_year <= year <= plan.last_year:
        refuse(
            "year",
            gettext("The year %(year)s lies outside the plan %(first)s–%(last)s.")
            % {"year": year, "first": plan.first_year, "last": plan.last_year},
        )
    if date is None:
        refuse("date", gettext("Write the date of the decree as dd/mm/yyyy, for example 14/02/2022."))
    if not place:
        refuse("place", gettext("Write the place where the decree is enacted, for example Tobelo."))
    elif len(place) > PLACE_LENGTH:
        refuse("place", gettext("The place is longer than %(length)s characters.") % {"length": PLACE_LENGTH})
    if len(number) > NUMBER_LENGTH:
        refuse("number", gettext("The number is longer than %(length)s characters.") % {"length": NUMBER_LENGTH})
    if signatory is None:
        refuse("signatory", gettext("Choose the position that signs the decree."))
    elif signatory.agency_id != plan.agency_id:
        refuse("signatory", gettext("The signing position must be a position of this agency."))
    if not title:
        refuse("title", gettext("Write the title of the decree, for example KEPUTUSAN KEPALA DINAS …."))
    if not subject:
        refuse("subject", gettext("Write what the decree is about (TENTANG …)."))
    for dictum in dictums:
        if not dictum.label or not dictum.text:
            refuse("dictums", gettext("Every dictum needs a label and a text, for example “KESATU: …”."))
        elif len(dictum.label) > LABEL_LENGTH:
            refuse(
                "dictums",
                gettext("The label “%(label)s” is longer than %(length)s characters.")
                % {"label": dictum.label, "length": LABEL_LENGTH},
            )
    return errors


def _snapshot(decree: Decree | None) -> dict | None:
    if decree is None:
        return None
    values = audit.snapshot(decree) or {}
    for kind in DecreeClause.Kind.values:
        values[kind] = [
            f"{clause.number}: {clause.text}" if clause.number else clause.text
            for clause in decree.clauses.filter(kind=kind).order_by("order")
        ]
    return values


@transaction.atomic
def save_decree_record(
    *,
    actor: Actor,
    plan: StrategicPlan,
    year: int,
    number: str,
    date: datetime.date | None,
    place: str,
    signatory: Position | None,
    title: str,
    subject: str,
    considerations: list[str],
    legal_bases: list[str],
    dictums: list[Dictum],
) -> Decree:
    """Create or change the decree record of `plan` for `year`, its clause lists replaced in the given order.

    The number may stay empty (the decree then prints as KONSEP until it is numbered); everything else is
    required. Only the agency's planner (or the administrator) writes it; `actor=None` is the system."""
    if actor is not None and not may_plan(actor, plan.agency):
        raise PermissionDenied(gettext("Only the planner of this agency writes its decree record."))
    number, place, title, subject = number.strip(), place.strip(), title.strip(), subject.strip()
    dictums = [Dictum(item.label.strip(), item.text.strip()) for item in dictums]
    errors = _check(plan, year, date, place, signatory, number, title, subject, dictums)
    considerations = _clean_texts(considerations, "considerations", errors)
    legal_bases = _clean_texts(legal_bases, "legal_bases", errors)
    if errors:
        raise ValidationError(errors)
    decree = Decree.objects.select_for_update().filter(plan=plan, year=year).first()
    before = _snapshot(decree)
    if decree is None:
        decree = Decree(plan=plan, year=year)
    decree.number, decree.date, decree.place = number, date, place
    decree.signatory, decree.title, decree.subject = signatory, title, subject
    decree.full_clean(exclude=["number", "plan", "signatory"])
    decree.save()
    decree.clauses.all().delete()
    rows = [
        *(DecreeClause(kind=DecreeClause.Kind.CONSIDERATION, order=i, text=t) for i, t in enumerate(considerations, 1)),
        *(DecreeClause(kind=DecreeClause.Kind.LEGAL_BASIS, order=i, text=t) for i, t in enumerate(legal_bases, 1)),
        *(
            DecreeClause(kind=DecreeClause.Kind.DICTUM, order=i, number=d.label, text=d.text)
            for i, d in enumerate(dictums, 1)
        ),
    ]
    for row in rows:
        row.decree = decree
    DecreeClause.objects.bulk_create(rows)
    after = _snapshot(decree)
    if after != before:
        with audit.in_record_language():
            description = gettext("Decree record %(year)s written") % {"year": year}
        audit.record(
            actor=actor,
            action=AuditRecord.Action.CREATED if before is None else AuditRecord.Action.CHANGED,
            obj=decree,
            before=before,
            after=after,
            agency=plan.agency_id,
            description=description,
        )
    return decree
