"""Writes of the reports app."""

from typing import Any

from django.db import transaction

from kinerja.core import audit
from kinerja.organisation.models import Agency
from kinerja.strategy.selectors import find_current_plan

from .chapters import DEFAULTS
from .models import ReportChapter


@transaction.atomic
def start_report_chapters(*, actor: Any, agency: Agency, year: int) -> list[ReportChapter]:
    """Start the year's editable LKjIP chapters: a chapter already written is kept; an empty or absent one
    takes last year's text, or the short default text when last year has none. Returns the year's chapters.

    `actor` is the planner (None from the command line); until the roles of the access issue land, who may
    call this is decided by the caller, as for the other planning writes."""
    plan = find_current_plan(agency)
    plan_name = f"Rencana Strategis {plan.first_year}–{plan.last_year}" if plan else "Rencana Strategis"
    current = {chapter.kind: chapter for chapter in ReportChapter.objects.filter(agency=agency, year=year)}
    previous = {chapter.kind: chapter for chapter in ReportChapter.objects.filter(agency=agency, year=year - 1)}
    chapters = []
    for kind, default in DEFAULTS.items():
        chapter = current.get(kind) or ReportChapter(agency=agency, year=year, kind=kind, title=default.title)
        if not chapter.body.strip():
            before = audit.snapshot(chapter) if chapter.pk else None
            earlier = previous.get(kind)
            if earlier is not None and earlier.body.strip():
                chapter.title, chapter.body = earlier.title, earlier.body
            else:
                chapter.body = default.text(agency=agency.name, year=year, plan=plan_name)
            chapter.full_clean()
            chapter.save()
            with audit.in_record_language():
                description = f"{chapter.get_kind_display()} LKjIP {year} dimulai"
            audit.record_change(actor=actor, obj=chapter, before=before, agency=agency, description=description)
        chapters.append(chapter)
    return chapters
