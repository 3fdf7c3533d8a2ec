"""What a performance agreement reads and who signs it (REGULATIONS.md §4): the positions of the agency with
their holders of the year, the year's targets and budgets, in a fixed number of queries (`_context`); the two
parties and the day they sign (`_parties`); the budget level a position's agreement lists (`budget_level`).
`agreement.py` lays them out as the document.
"""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Prefetch, Q

from kinerja.organisation.models import Agency, Assignment, Official, Position
from kinerja.organisation.selectors import in_force
from kinerja.performance.models import Target
from kinerja.strategy.models import (
    Activity,
    Budget,
    Objective,
    PageIndicator,
    Programme,
    StrategicPlan,
    SubActivity,
)


@dataclass
class Party:
    """One side of the agreement: the post as printed and who holds it (None when nobody is recorded)."""

    title: str
    official: Official | None
    with_nip: bool = True
    acting: str = ""  # "Plt." or "Plh." when the holder acts in the post

    @property
    def post(self) -> str:
        """The post as its holder signs it: "Plt. Kepala Dinas …" for an acting holder."""
        return f"{self.acting} {self.title}".strip()


@dataclass
class _Context:
    agency: Agency
    plan: StrategicPlan
    year: int
    by_id: dict[int, Position]
    superior_of: dict[int, int | None]
    targets: dict[int, Target]
    programmes: list[Programme]
    missing: list[str] = field(default_factory=list)


# -- reading, a fixed number of queries ---------------------------------------------------------------


def _plan_for(agency: Agency, year: int) -> StrategicPlan:
    plan = agency.plans.filter(first_year__lte=year, last_year__gte=year).order_by("-first_year").first()
    if plan is None:
        raise ValidationError({"year": f"Tidak ada Renstra {agency.name} yang mencakup tahun {year}."})
    return plan


def _year_budgets(year: int) -> Prefetch:
    return Prefetch("budgets", Budget.objects.filter(year=year), to_attr="year_budgets")


def _context(agency_id: int, year: int, wanted: list[int] | None) -> _Context:
    """Everything the agreements of `wanted` positions (all when None) print (14 queries)."""
    agency = Agency.objects.select_related("region__head").get(pk=agency_id)
    plan = _plan_for(agency, year)
    superior_of = dict(agency.positions.values_list("pk", "superior_id"))
    first, last = datetime.date(year, 1, 2), datetime.date(year, 12, 31)
    assignments = (
        Assignment.objects.filter(start__lte=last)
        .filter(Q(end__isnull=True) | Q(end__gte=first))
        .select_related("official")
        .order_by("start")
    )
    objectives = (
        Objective.objects.filter(plan=plan)
        .order_by("order")
        .prefetch_related(Prefetch("page_rows", PageIndicator.objects.select_related("indicator").order_by("order")))
    )
    activities = (
        Activity.objects.filter(programme__plan=plan)
        .select_related("programme")
        .order_by("programme__order", "order")
        .prefetch_related(_year_budgets(year))
    )
    sub_activities = (
        SubActivity.objects.filter(activity__programme__plan=plan)
        .select_related("activity__programme")
        .order_by("activity__programme__order", "activity__order", "order")
        .prefetch_related(_year_budgets(year))
    )
    positions = (
        agency.positions.structural()
        .order_by("order")
        .prefetch_related(
            Prefetch("assignments", assignments, to_attr="year_assignments"),
            Prefetch("objectives", objectives, to_attr="plan_objectives"),
            Prefetch("activities", activities, to_attr="plan_activities"),
            Prefetch("sub_activities", sub_activities, to_attr="plan_sub_activities"),
        )
    )
    if wanted is not None:
        superiors = [superior_of.get(pk) for pk in wanted]
        positions = positions.filter(pk__in=[*wanted, *(pk for pk in superiors if pk)])
    by_id = {position.pk: position for position in positions}
    indicator_ids = {
        row.indicator_id
        for position in by_id.values()
        for objective in position.plan_objectives
        for row in objective.page_rows.all()
    }
    targets = {
        target.indicator_id: target
        for target in Target.objects.filter(indicator_id__in=indicator_ids, kind=Target.Kind.YEAR, year=year)
    }
    programmes = list(plan.programmes.order_by("order").prefetch_related(_year_budgets(year)))
    return _Context(agency, plan, year, by_id, superior_of, targets, programmes)


# -- wording --------------------------------------------------------------------------------------------


def full_title(position: Position, agency: Agency) -> str:
    """The post with its agency: "Kepala Dinas" → "Kepala Dinas Komunikasi, Informatika dan Persandian"."""
    title, name = position.title.strip(), agency.name.strip()
    words = title.split()
    first = name.split()[0] if name.split() else ""
    if words and first.lower() == words[-1].lower():
        return f"{title} {name[len(first) :].strip()}".strip()
    if name.lower() in title.lower():
        return title
    return f"{title} {name}".strip()


# -- the parties and the date ---------------------------------------------------------------------------


def _holder_from(assignments: list[Assignment], day: datetime.date) -> Assignment | None:
    """Who holds the post on `day`, else who takes it first later that year."""
    held = in_force(assignments, day)
    if held is not None:
        return held
    later = sorted((a for a in assignments if a.start > day), key=lambda a: (a.start, a.acting))
    return later[0] if later else None


def _acting(holder: Assignment | None) -> str:
    return holder.acting_label if holder is not None else ""


def _depth(position_id: int, superior_of: dict[int, int | None]) -> int:
    depth, seen, current = 0, {position_id}, superior_of.get(position_id)
    while current is not None and current not in seen:
        seen.add(current)
        depth += 1
        current = superior_of.get(current)
    return depth


def _parties(ctx: _Context, position: Position) -> tuple[Party, Party, datetime.date]:
    day = datetime.date(ctx.year, 1, 2)
    holder = _holder_from(position.year_assignments, day)
    if holder is not None:
        day = max(day, holder.start)
    first = Party(full_title(position, ctx.agency), holder.official if holder else None, acting=_acting(holder))
    if holder is None:
        ctx.missing.append(f"{position.title}: pemegang jabatan pada tahun {ctx.year} belum dicatat.")
    superior = ctx.by_id.get(position.superior_id) if position.superior_id else None
    if superior is None:
        region = ctx.agency.region
        second = Party(region.wording.head, region.head, with_nip=False)
        if region.head is None:
            ctx.missing.append(
                f"{position.title}: {region.head_title} ({region.wording.head_role}) sebagai pihak kedua belum dicatat."
            )
        return first, second, day
    above = _holder_from(superior.year_assignments, day)
    if above is not None and above.start > day:
        day = above.start
    second = Party(full_title(superior, ctx.agency), above.official if above else None, acting=_acting(above))
    if above is None:
        ctx.missing.append(
            f"{position.title}: pemegang jabatan atasan ({superior.title}) pada tahun {ctx.year} belum dicatat."
        )
    return first, second, day


def budget_level(position: Position, superior_of: dict[int, int | None]) -> str:
    """ "programme", "activity" or "sub_activity": what the position's agreement lists (a setting by depth)."""
    levels = settings.KINERJA_AGREEMENT_BUDGET_LEVELS
    return levels[min(_depth(position.pk, superior_of), len(levels) - 1)]
