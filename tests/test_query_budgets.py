"""Every page, API list, print and export of bench/pages.py costs a fixed number of queries: at most its budget,
and the SAME for a small and a big agency of a generated region (a per-row query makes them differ). An entry
with `known_per_row` (a cost known and reported to be fixed) is printed, not failed.

The table is the benchmark's (bench/pages.py): a page merged later is checked here with nothing to add; a name
that does not exist on this checkout yet is listed as not measured and skipped.
"""

import pytest
from django.db import connection
from django.db.models import Count
from django.test.utils import CaptureQueriesContext

from bench.pages import TABLE, Subject, resolve, usernames
from bench.run import import_chain
from kinerja.accounts.models import User
from kinerja.organisation.models import Agency
from kinerja.synthetic.region import generate_region

pytestmark = pytest.mark.django_db
# An agency of a region is checked against another at least this much bigger (indicators on its plan).
BIGGER = 1.5


@pytest.fixture
def agencies(settings, tmp_path) -> tuple[Subject, Subject]:
    settings.MEDIA_ROOT = tmp_path
    generate_region("qb", agencies=3, seed=1, evidence_every=10)
    ranked = list(Agency.objects.filter(region__code="qb").annotate(n=Count("plans__indicators")).order_by("n"))
    small, big = ranked[0], ranked[-1]
    assert big.n > BIGGER * small.n
    return Subject(small.code, "qb"), Subject(big.code, "qb")


def _ask(client, entry, subject: Subject) -> tuple[int, int] | None:
    url = resolve(entry, subject)
    if url is None:
        return None
    if entry.as_user == "admin":
        user = User.objects.filter(is_superuser=True).first() or User.objects.create_superuser("qb-admin")
    else:
        user = User.objects.get(username=usernames(subject)[entry.as_user])
    client.force_login(user)
    if entry.kind == "import":  # the chain a planner follows: upload the exported workbook, preview, confirm
        export = next(e for e in TABLE if e.name == entry.extra["export"])
        content = client.get(resolve(export, subject)).content
        with CaptureQueriesContext(connection) as queries:
            response = import_chain(client, url, content, entry.extra)
        return (200 if response.status_code == 302 else response.status_code), len(queries.captured_queries)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response.status_code, len(queries.captured_queries)


@pytest.mark.slow
def test_every_page_costs_the_same_for_a_small_and_a_big_agency(client, agencies):
    small, big = agencies
    problems, measured, missing, known = [], [], [], []
    for entry in TABLE:
        first, second = _ask(client, entry, small), _ask(client, entry, big)
        if first is None:
            missing.append(entry.name)
            continue
        measured.append((entry.label, first, second))
        if first[0] != 200 or second[0] != 200:
            problems.append(f"{entry.label}: HTTP {first[0]} / {second[0]}")
        elif entry.known_per_row:
            known.append(f"{entry.label}: {first[1]} / {second[1]} queries — {entry.known_per_row}")
        elif first[1] != second[1]:
            problems.append(f"{entry.label}: {first[1]} queries for the small agency, {second[1]} for the big one")
        elif entry.budget is not None and second[1] > entry.budget:
            problems.append(f"{entry.label}: {second[1]} queries, budget {entry.budget}")
    print("\n".join(f"{label}: {a[1]} / {b[1]}" for label, a, b in measured))
    print("belum ada:", ", ".join(missing) or "—")
    print("known per-row costs:", "\n".join(known) or "—")
    assert len(measured) >= 14  # the pages on main today: the table cannot silently stop measuring them
    assert not problems, "\n".join(problems)
