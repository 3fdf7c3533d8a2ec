"""Writes of the reports app."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext

from kinerja.accounts.access import may_plan
from kinerja.core import audit
from kinerja.core.actors import Actor
from kinerja.core.models import AuditRecord
from kinerja.organisation.models import Agency
from kinerja.strategy.models import Decree, StrategicPlan
from kinerja.strategy.selectors import find_current_plan

from .chapters import DEFAULTS
from .decree import build_decree
from .document import as_printed, to_data
from .models import EnactedDecree, ReportChapter


@transaction.atomic
def start_report_chapters(*, actor: Actor, agency: Agency, year: int) -> list[ReportChapter]:
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


@transaction.atomic
def enact_decree(*, actor: Actor, plan: StrategicPlan, year: int) -> EnactedDecree:
    """Freeze the decree of `year` as it prints now, as its next version. Only the agency's planner enacts, only a
    complete decree (no KONSEP), and only when it differs from the last enacted version."""
    if not may_plan(actor, plan.agency):
        raise PermissionDenied(gettext("Only the planner of this agency enacts the decree."))
    decree = Decree.objects.select_for_update().filter(plan=plan, year=year).first()
    document = build_decree(plan, year)
    if decree is None or document.is_draft:
        raise ValidationError(
            gettext("The decree is still a draft (KONSEP); complete it first: %(missing)s")
            % {"missing": " ".join(document.missing)}
        )
    data = to_data(document)
    last = decree.enacted_versions.order_by("-version").first()
    if last is not None and as_printed(last.document) == as_printed(data):  # a code alone prints nothing
        raise ValidationError(
            gettext("Nothing has changed since version %(version)s was enacted.") % {"version": last.version}
        )
    enacted = EnactedDecree.objects.create(
        decree=decree, version=(last.version + 1) if last else 1, enacted_by=actor, document=data
    )
    audit.record(
        actor=actor,
        action=AuditRecord.Action.CREATED,
        obj=enacted,
        before=None,
        after={"version": enacted.version, "number": decree.number, "year": decree.year},
        agency=plan.agency_id,
        description=f"Keputusan IKU/IKI {decree.year} ditetapkan, versi {enacted.version}",
    )
    return enacted
