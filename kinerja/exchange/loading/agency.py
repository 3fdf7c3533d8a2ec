"""Load an agency dataset into the database: create what is new, update what changed, leave the rest.

One transaction: a file with any problem writes nothing, and every problem is reported, not only the first.
Loading the same file twice changes nothing (no row is saved when its values are already there).

A file changes only what its `actor` may change, as accounts.access decides (see `organisation` and `figures`:
a planner their own agency and the officials they manage, no actual they may not import; the region, its head and
a new agency are the administrator's). `OPERATOR` (None) is the trusted path of the operator's commands and the
built-in dataset: not checked. The unit of work (`unit_of_work`) reads every table once, compares in memory and
writes per table at the end: a fixed number of queries whatever the agency's size when nothing changed.
"""

from collections.abc import Callable
from typing import Any

from django.db import transaction

from kinerja.core.actors import Actor
from kinerja.organisation.models import Official
from kinerja.strategy.models import StrategicPlan

from ..actions import load_actions
from . import figures, organisation
from . import plan as plan_
from .report import DatasetError, LoadReport
from .unit_of_work import UnitOfWork


def _run(work: UnitOfWork) -> tuple[LoadReport, StrategicPlan | None]:
    """The dataset in the order its records point to each other; the plan it loaded, for what is loaded after the
    rows are written (the action plan, through its services)."""
    data = work.data
    region = organisation.load_region(work, data["region"])
    if region is None:
        return work.report, None
    nips = {item.get("nip") for item in [*data.get("officials", []), data["region"].get("head") or {}]}
    work.preload(Official, Official.objects.filter(nip__in=nips - {None, ""}), "nip")
    work.preload(Official, Official.objects.filter(region=region, nip=None), "region", "nip", "name")
    organisation.load_region_head(work, region, data["region"].get("head"))
    agency = organisation.load_agency(work, region)
    if agency is None:
        return work.report, None
    work.report.agency = agency
    organisation.load_units(work, agency)
    organisation.load_positions(work, agency)
    organisation.load_officials(work, region, agency)
    plan = plan_.load_plan(work, agency)
    if plan is not None:
        plan_.load_pages(work, plan)
        if "decree" in data:
            plan_.load_decree(work, plan)
        figures.load_figures(work, plan)
    return work.report, plan


class _DryRun(Exception):
    """Not an error: how a preview leaves the database as it was."""


def load_agency_data(
    *,
    actor: Actor,
    data: dict[str, Any],
    source: str,
    dry_run: bool = False,
    inspect: Callable[[LoadReport], None] | None = None,
) -> LoadReport:
    """Load one checked dataset (see dataset_io.read_dataset) in one transaction; DatasetError on any problem.

    `actor` is the user on whose behalf the data is loaded, and the file may change only what that user may
    (accounts.access): a planner their own agency, its officials, the actuals of positions they hold; the
    administrator also regions, region heads and new agencies. `OPERATOR` (None) is the trusted path: the
    built-in dataset's bootstrap and the commands an operator runs on the server, unchecked. With
    `dry_run` the load runs whole and is rolled back: the report says what it would create and change.
    `inspect` is called with the report once everything is written, before a dry run is rolled back: how the
    preview reads the agency as the file would leave it (the consistency check).
    """
    report = None
    try:
        with transaction.atomic():
            work = UnitOfWork(data, source, actor)
            report, plan = _run(work)
            if not work.problems:
                work.flush()
                if plan is not None:  # the action plan's services read the rows just written
                    load_actions(work, plan)
            if work.problems:
                raise DatasetError(work.problems)
            work.write_trail()
            if inspect is not None and report.agency is not None:
                inspect(report)
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    return report
