"""The region key of the big tables (docs/scale.md §1): a target, an actual and an evidence file carry the agency
and the region of their indicator (indicator → plan → agency → region), so that regional roll-ups, partitioning and
distribution by region need no join to find them.

The keys are written once, by the one place that creates the row — the services (`services.checks._insert`,
`evidence.add_evidence`, the evaluation's fed evidence), the workbook loader (`exchange.loading.figure_rows`) and
the generator (`synthetic.figures`) — with `place`, `place_in` or `place_evidence`. A row created around them (a
test's shortcut) gets its parent chain's keys on insert (`models.RegionKeyed`). They never change but in one case:
an indicator does not move between agencies, but the administrator may move an agency to another region, and its
rows follow (`move_agency`, called by the loader). `disagreeing` counts, in one query per table, the rows whose
keys differ from their parent chain: 0 when every door that moves an agency moves its rows."""

from django.db.models import F, Q

from kinerja.organisation.models import Agency
from kinerja.strategy.models import Indicator

from .models import Actual, Evidence, Target


def keys_of(indicator: Indicator) -> tuple[int, int]:
    """(agency id, region id) of an indicator; no query when its plan and the plan's agency are loaded."""
    agency = indicator.plan.agency
    return agency.pk, agency.region_id


def place(row: Target | Actual, indicator: Indicator) -> None:
    """Give a new target or actual the keys of its indicator."""
    row.agency_id, row.region_id = keys_of(indicator)


def place_in(row: Target | Actual, agency: Agency) -> None:
    """Give a new target or actual of one of the agency's indicators the keys of the agency (the bulk writers, which
    hold the agency already)."""
    row.agency_id, row.region_id = agency.pk, agency.region_id


def place_evidence(evidence: Evidence, actual: Actual) -> None:
    """Give a new evidence file the keys of its actual."""
    evidence.agency_id, evidence.region_id = actual.agency_id, actual.region_id


def move_agency(agency: Agency, region_id: int) -> int:
    """The administrator moved an agency to another region (the loader, `exchange.loading.organisation`): its rows
    follow, one UPDATE per table; how many rows. Its audit records keep the region they were written in."""
    return sum(model.objects.filter(agency=agency).update(region_id=region_id) for model in (Target, Actual, Evidence))


def disagreeing() -> dict[str, int]:
    """How many rows of each keyed table carry keys other than their parent chain's (0 everywhere when sound)."""
    chain = "indicator__plan__agency"
    return {
        "target": Target.objects.filter(
            ~Q(agency_id=F(f"{chain}_id")) | ~Q(region_id=F(f"{chain}__region_id"))
        ).count(),
        "actual": Actual.objects.filter(
            ~Q(agency_id=F(f"{chain}_id")) | ~Q(region_id=F(f"{chain}__region_id"))
        ).count(),
        "evidence": Evidence.objects.filter(
            ~Q(agency_id=F("actual__agency_id")) | ~Q(region_id=F("actual__region_id"))
        ).count(),
    }
