"""The background-job block of the documents and export pages: `{% background_jobs %}` reads the person's
latest jobs once per page (one query), `{% background_offer %}` shows a kind's button and its jobs."""

from typing import Any

from django import template

from kinerja.organisation.models import Agency, Position

from ..models import EXPORT, Job
from ..selectors import job_file, list_latest_jobs
from ..services import BACKGROUND_KINDS

register = template.Library()


@register.simple_tag(takes_context=True)
def background_jobs(
    context: template.Context,
    agency: Agency,
    year: int | None = None,
    quarter: int = 4,
    position: Position | None = None,
) -> dict[str, list[Job]]:
    user = context["request"].user
    return list_latest_jobs(user, agency, year=year, quarter=quarter, position_code=position.code if position else "")


@register.inclusion_tag("jobs/partials/_offer.html", takes_context=True)
def background_offer(
    context: template.Context, jobs: dict[str, list[Job]], kind: Any, formats: tuple[str, ...] = ("xlsx",)
) -> dict[str, Any]:
    """`kind`: a DocumentKind of the catalogue, or "buku-kerja" for the workbook."""
    slug = getattr(kind, "slug", kind)
    position = context.get("position")
    # a document of one position prints in a moment: the background is for the whole agency's set
    offered = slug == EXPORT or (slug in BACKGROUND_KINDS and not (getattr(kind, "per_position", False) and position))
    request = context["request"]
    return {
        "offered": offered,
        "agency": context["agency"],
        "kind": slug,
        "formats": getattr(kind, "formats", formats),
        "year": context.get("year") or "",
        "quarter": context.get("quarter") or 4,
        "position_code": position.code if position else "",
        "back": request.get_full_path(),
        "csrf_token": context.get("csrf_token"),
        "jobs": [{"job": job, "ready": job_file(job) is not None} for job in jobs.get(slug, [])] if offered else [],
    }
