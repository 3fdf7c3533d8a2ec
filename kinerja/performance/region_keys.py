"""The region key of the big tables (docs/scale.md §1): a target, an actual and an evidence file carry the agency
and the region of their indicator (indicator → plan → agency → region), so that regional roll-ups, partitioning and
distribution by region need no join to find them.

The keys are written once, by the one place that creates the row — the services (`services.checks._insert`,
`evidence.add_evidence`, the evaluation's fed evidence), the workbook loader (`exchange.loading.figure_rows`) and
the generator (`synthetic.figures`) — with `place`/`place_evidence` or the pairs of `keys_of_indicators`, and never
changed: an indicator does not move between agencies. The columns are NOT NULL, so a creation that forgets them
fails; `disagreeing` counts, in one query per table, the rows whose keys differ from their parent chain (an
agency moved to another region after its rows were written would show there)."""

from collections.abc import Iterable

from django.db.models import F, Q

from kinerja.strategy.models import Indicator

from .models import Actual, Evidence, Target


def keys_of(indicator: Indicator) -> tuple[int, int]:
    """(agency id, region id) of an indicator; no query when its plan and the plan's agency are loaded."""
    agency = indicator.plan.agency
    return agency.pk, agency.region_id


def keys_of_indicators(pks: Iterable[int]) -> dict[int, tuple[int, int]]:
    """(agency id, region id) of each indicator, in one query: for the bulk writers."""
    rows = Indicator.objects.filter(pk__in=set(pks)).values_list("pk", "plan__agency_id", "plan__agency__region_id")
    return {pk: (agency, region) for pk, agency, region in rows}


def place(row: Target | Actual, indicator: Indicator) -> None:
    """Give a new target or actual the keys of its indicator."""
    row.agency_id, row.region_id = keys_of(indicator)


def place_evidence(evidence: Evidence, actual: Actual) -> None:
    """Give a new evidence file the keys of its actual."""
    evidence.agency_id, evidence.region_id = actual.agency_id, actual.region_id


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
