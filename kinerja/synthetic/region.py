"""A synthetic regency shaped on the seed agency, for benchmarks and for the measurements of docs/scale.md.

`generate_region(code, agencies=40, seed=1)` writes one region with `agencies` agencies: units and positions in
a tree of four levels (head of agency → secretary / division heads → sub-division and section heads → staff),
an official with a user account on every position, a strategic plan 2021–2026 with goals, strategic and
performance objectives, 40–120 indicators per agency (every formula, polarity and quarter rule; some names
shared across agencies), the IKU table and the IKI pages, programmes with activities, sub-activities and
budgets, a decree, targets for the six plan years (baseline, end of plan, every year, the quarters of the last
year), the actuals of every quarter up to the third quarter of 2026 with numerator and denominator and their
workflow state (verified, submitted, draft), small evidence files, audit records and closed periods.

Deterministic: agency number i draws from its own random generator seeded with (seed, i), so agency 1 of a
region of 40 is the same agency as agency 1 of a region of 1 (what the benchmark compares). Fast: every table
is written with `bulk_create`, one statement per batch across the whole region (never one per row, never one
per agency); tables whose rows point at rows of the same table are written one tree level at a time.
"""

import datetime
import random
import time
from collections.abc import Callable

from django.contrib.auth.hashers import make_password
from django.db import transaction

from kinerja.organisation.models import Agency, AgencyFunction, Region
from kinerja.performance.models import PeriodLock
from kinerja.synthetic.drafts import AgencyDraft, Counts, Writer, slug
from kinerja.synthetic.figures import write_audit, write_evidence, write_figures
from kinerja.synthetic.organisation import shape_agency, write_positions, write_units
from kinerja.synthetic.people import write_people
from kinerja.synthetic.plan import write_budget_tree, write_decrees, write_plans
from kinerja.synthetic.vocabulary import AGENCY_NAMES, DEFAULT_PASSWORD, FIRST_YEAR, FUNCTIONS, LAST_ACTUAL, LAST_YEAR


class RegionExists(Exception):
    pass


def generate_region(
    code: str,
    *,
    agencies: int = 40,
    seed: int = 1,
    password: str = DEFAULT_PASSWORD,
    evidence_every: int = 20,
    progress: Callable[[str], None] | None = None,
) -> Counts:
    """Write a synthetic region `code` with `agencies` agencies (see the module docstring). RegionExists when a
    region with that code is there already."""
    progress = progress or (lambda message: None)
    if Region.objects.filter(code=code).exists():
        raise RegionExists(f"Wilayah {code} sudah ada.")
    write = Writer(progress)
    with transaction.atomic():
        _generate(code, agencies, seed, make_password(password), evidence_every, write)
    return write.counts


def _generate(code: str, n_agencies: int, seed: int, password_hash: str, evidence_every: int, write: Writer) -> None:
    region = Region.objects.create(
        code=code, name=f"Kabupaten {code.upper()}", province="Provinsi Sintetis", seat=f"Kota {code.upper()}"
    )
    progress = write.progress
    progress(f"Wilayah {region.code}: {n_agencies} perangkat daerah, seed {seed}")
    items = []
    for index in range(n_agencies):
        name, short = AGENCY_NAMES[index % len(AGENCY_NAMES)]
        if index >= len(AGENCY_NAMES):
            name, short = f"{name} {index // len(AGENCY_NAMES) + 1}", f"{short} {index // len(AGENCY_NAMES) + 1}"
        agency = Agency(
            region=region,
            code=f"{code}-{index + 1:02d}-{slug(short)}"[:50],
            name=name,
            short_name=short,
            city=region.seat,
            postcode=f"{97000 + index:05d}",
            duty=f"Melaksanakan urusan pemerintahan daerah di bidang {name.lower()}",
        )
        rng = random.Random(f"{seed}/{index}")  # noqa: S311 (synthetic data, not secrets)
        items.append(AgencyDraft(index, rng, agency))
    write(Agency, [item.agency for item in items])
    write(
        AgencyFunction,
        [
            AgencyFunction(agency=item.agency, order=order + 1, text=text.format(unit=item.agency.name))
            for item in items
            for order, text in enumerate(FUNCTIONS)
        ],
    )
    for item in items:
        shape_agency(item)
    write_units(items, write)
    write_positions(items, write)
    write_people(region, items, password_hash, write)
    write_plans(items, write)
    write_budget_tree(items, write)
    write_decrees(items, write)
    actuals = write_figures(items, write)
    write_evidence(code, actuals, evidence_every, write)
    write_audit(items, actuals, write)
    write(
        PeriodLock,
        [
            PeriodLock(
                agency=item.agency,
                year=year,
                quarter=quarter,
                closed=(year, quarter) <= (2026, 2),
                deadline=datetime.date(year, 3 * quarter, 28) + datetime.timedelta(days=75)
                if (year, quarter) > (2026, 2)
                else None,
            )
            for item in items
            for year in range(FIRST_YEAR, LAST_YEAR + 1)
            for quarter in (1, 2, 3, 4)
            if (year, quarter) <= LAST_ACTUAL
        ],
    )
    progress(f"Selesai: {write.counts.total} baris dalam {time.monotonic() - write.started:.1f} s")
