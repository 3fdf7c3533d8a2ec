"""The one door for the narrative chapters written in place: the LKjIP's chapters (`ReportChapter`: Ikhtisar
Eksekutif, Bab I, the narrative of Bab II, Bab IV) and the decree book's chapters (`DecreeChapter`: Kata
Pengantar, Ikhtisar Eksekutif, Bab I–III).

A chapter is a title and a body in the small markup of `chapters.blocks` (paragraphs separated by an empty line,
a block of "1. …" lines is a numbered list, no HTML). `check_chapter` is the rule set of both writes; the page's
preview shows `chapters.text_blocks`, the very paragraphs the PDF and Word renderers print.
"""

import re

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext

from kinerja.accounts.access import may_plan
from kinerja.core import audit
from kinerja.core.actors import Actor
from kinerja.organisation.models import Agency
from kinerja.strategy.models import Decree, DecreeChapter

from .chapters import blocks
from .models import ReportChapter

TITLE_LENGTH = ReportChapter._meta.get_field("title").max_length or 200
BODY_LENGTH = 30_000  # a long chapter of the built-in decree book is ~7,000 characters
BLOCK_LENGTH = 5_000
HTML_TAG = re.compile(r"<\s*/?\s*[A-Za-z!][^>]*>")


def check_chapter(title: str, body: str) -> dict[str, list[str]]:
    """The rules of a chapter's title and text, as Indonesian sentences per field (empty: nothing to change)."""
    errors: dict[str, list[str]] = {}

    def refuse(field: str, message: str) -> None:
        errors.setdefault(field, []).append(message)

    if not title:
        refuse("title", gettext("Write the chapter's title, for example BAB I PENDAHULUAN."))
    elif len(title) > TITLE_LENGTH:
        refuse("title", gettext("The title is longer than %(length)s characters.") % {"length": TITLE_LENGTH})
    elif "\n" in title:
        refuse("title", gettext("The title is one line."))
    for field, text in (("title", title), ("body", body)):
        if HTML_TAG.search(text):
            refuse(field, gettext("Write plain text without HTML tags such as <p> or <b>; the text prints as written."))
    if len(body) > BODY_LENGTH:
        refuse(
            "body",
            gettext("The text is %(count)s characters long; a chapter holds at most %(length)s.")
            % {"count": len(body), "length": BODY_LENGTH},
        )
        return errors
    parsed = blocks(body)
    if any(len(block.text) > BLOCK_LENGTH for block in parsed):
        refuse(
            "body",
            gettext("A paragraph is longer than %(length)s characters; split it with an empty line.")
            % {"length": BLOCK_LENGTH},
        )
    expected = 1  # a list starts at 1 after every paragraph
    for block in parsed:
        if not block.number:
            expected = 1
            continue
        if block.number != f"{expected}.":
            refuse(
                "body",
                gettext(
                    "The numbered list item “%(item)s” should be number %(expected)s: number the items 1., 2., 3., …"
                )
                % {"item": f"{block.number} {block.text[:40]}", "expected": expected},
            )
            break
        expected += 1
    return errors


def _clean(title: str, body: str) -> tuple[str, str]:
    lines = [line.rstrip() for line in body.replace("\r\n", "\n").split("\n")]
    return " ".join(title.split()), "\n".join(lines).strip()


def _write(actor: Actor, chapter: ReportChapter | DecreeChapter, title: str, body: str, agency: Agency, name: str):
    before = audit.snapshot(chapter) if chapter.pk else None
    chapter.title, chapter.body = title, body
    chapter.full_clean(exclude=["agency", "decree"])
    chapter.save()
    if audit.snapshot(chapter) != before:
        with audit.in_record_language():
            description = gettext("Chapter “%(title)s” of %(document)s written") % {"title": title, "document": name}
        audit.record_change(actor=actor, obj=chapter, before=before, agency=agency, description=description)
    return chapter


@transaction.atomic
def save_report_chapter(*, actor: Actor, agency: Agency, year: int, kind: str, title: str, body: str) -> ReportChapter:
    """Write the LKjIP chapter `kind` of `year` (created on its first save). Only the agency's planner (or the
    administrator) writes it; `actor=None` is the system."""
    if actor is not None and not may_plan(actor, agency):
        raise PermissionDenied(gettext("Only the planner of this agency writes its report's chapters."))
    if kind not in ReportChapter.Kind.values:
        raise ValidationError({"kind": gettext("This report has no such chapter.")})
    title, body = _clean(title, body)
    errors = check_chapter(title, body)
    if not 2000 <= year <= 2100:
        errors.setdefault("year", []).append(gettext("The year must lie between 2000 and 2100."))
    if errors:
        raise ValidationError(errors)
    chapter = ReportChapter.objects.select_for_update().filter(agency=agency, year=year, kind=kind).first()
    chapter = chapter or ReportChapter(agency=agency, year=year, kind=kind)
    return _write(actor, chapter, title, body, agency, f"LKjIP {year}")


@transaction.atomic
def save_decree_chapter(*, actor: Actor, decree: Decree, kind: str, title: str, body: str) -> DecreeChapter:
    """Write the decree book's chapter `kind` of `decree` (created on its first save, in the order of the kinds).
    An enacted version keeps printing as enacted: the change makes the next draft."""
    agency = decree.plan.agency
    if actor is not None and not may_plan(actor, agency):
        raise PermissionDenied(gettext("Only the planner of this agency writes its decree book's chapters."))
    if kind not in DecreeChapter.Kind.values:
        raise ValidationError({"kind": gettext("The decree book has no such chapter.")})
    title, body = _clean(title, body)
    errors = check_chapter(title, body)
    if errors:
        raise ValidationError(errors)
    chapter = DecreeChapter.objects.select_for_update().filter(decree=decree, kind=kind).first()
    if chapter is None:
        chapter = DecreeChapter(decree=decree, kind=kind, order=DecreeChapter.Kind.values.index(kind) + 1)
    return _write(actor, chapter, title, body, agency, f"Buku IKU/IKI {decree.year}")
