"""The measurement behind docs/scale.md: 1/100 of the country on PostgreSQL.

    pg_virtualenv -t sh -c 'DATABASE_URL="postgres://$PGUSER:$PGPASSWORD@$PGHOST:$PGPORT/$PGDATABASE" \
        .venv/bin/python bench/country.py'

In a fresh database `kinerja_country`: COUNTRY_REGIONS (6) regions of COUNTRY_AGENCIES (42) agencies each with
generate_region (≈ 250 agencies, 1/100 of ≈ 25,000), timing each region; then the size of every main table and
of its indexes (pg_total_relation_size, pg_indexes_size), the rows per table, and the main pages of the first
agency of the first and of the last region (median of COUNTRY_RUNS requests, queries), to compare with the
same pages at 1 and 40 agencies (bench/results/latest.json). Writes bench/results/country.json.
"""

import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
REGIONS = int(os.environ.get("COUNTRY_REGIONS", "6"))
AGENCIES = int(os.environ.get("COUNTRY_AGENCIES", "42"))
RUNS = int(os.environ.get("COUNTRY_RUNS", "10"))
TABLES = [
    "performance_actual",
    "performance_target",
    "performance_evidence",
    "core_auditrecord",
    "strategy_indicator",
    "strategy_pageindicator",
    "strategy_objective",
    "organisation_position",
    "organisation_official",
    "accounts_user",
    "organisation_assignment",
    "django_session",
]
PAGES = [
    "agency-overview",
    "plan-detail",
    "position-page",
    "indicator-detail",
    "entry-page",
    "verification",
    "agency-history",
    "organisation-tree",
]


def main() -> None:
    import psycopg

    admin_url = os.environ["DATABASE_URL"]
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute("DROP DATABASE IF EXISTS kinerja_country")
        conn.execute("CREATE DATABASE kinerja_country")
    os.environ["DATABASE_URL"] = admin_url.rsplit("/", 1)[0] + "/kinerja_country"
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from bench.pages import TABLE, Subject, resolve, usernames
    from kinerja.accounts.models import User
    from kinerja.organisation.models import Agency
    from kinerja.synthetic.region import generate_region

    call_command("migrate", verbosity=0)
    regions = []
    for number in range(REGIONS):
        code = f"reg{number + 1:02d}"
        began = time.perf_counter()
        counts = generate_region(code, agencies=AGENCIES, seed=number + 1)
        seconds = time.perf_counter() - began
        regions.append(
            {
                "code": code,
                "rows": counts.total,
                "seconds": round(seconds, 1),
                "actuals": counts.rows["performance.actual"],
            }
        )
        print(f"{code}: {counts.total} rows in {seconds:.1f} s", flush=True)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
        sizes = {}
        for table in TABLES:
            cursor.execute(
                f"SELECT count(*), pg_total_relation_size('{table}'), pg_relation_size('{table}'), "  # noqa: S608
                f"pg_indexes_size('{table}') FROM {table}"
            )
            rows, total, heap, indexes = cursor.fetchone()
            sizes[table] = {
                "rows": rows,
                "total_mb": round(total / 2**20, 2),
                "table_mb": round(heap / 2**20, 2),
                "indexes_mb": round(indexes / 2**20, 2),
            }
        cursor.execute("SELECT pg_database_size(current_database())")
        database_mb = round(cursor.fetchone()[0] / 2**20, 1)
        cursor.execute("SELECT version()")
        version = cursor.fetchone()[0].split(" on ")[0]
    rollups = {}
    region_sql = """
        SELECT a.id, count(*), avg(x.value) FROM performance_actual x
        JOIN strategy_indicator i ON i.id = x.indicator_id JOIN strategy_strategicplan p ON p.id = i.plan_id
        JOIN organisation_agency a ON a.id = p.agency_id JOIN organisation_region r ON r.id = a.region_id
        WHERE r.code = %s AND x.year = 2025 AND x.status = 'verified' GROUP BY a.id"""
    country_sql = """
        SELECT a.region_id, count(*), avg(x.value) FROM performance_actual x
        JOIN strategy_indicator i ON i.id = x.indicator_id JOIN strategy_strategicplan p ON p.id = i.plan_id
        JOIN organisation_agency a ON a.id = p.agency_id
        WHERE x.year = 2025 AND x.status = 'verified' GROUP BY a.region_id"""
    for label, sql, params in (
        ("region_rollup", region_sql, [regions[0]["code"]]),
        ("country_rollup", country_sql, []),
    ):
        times = []
        with connection.cursor() as cursor:
            for _ in range(5):
                began = time.perf_counter()
                cursor.execute(sql, params)
                cursor.fetchall()
                times.append(time.perf_counter() - began)
        rollups[label] = round(statistics.median(times) * 1000, 1)
    print("roll-ups (ms):", rollups, flush=True)
    client = Client()
    pages = {}
    for code in (regions[0]["code"], regions[-1]["code"]):
        agency = Agency.objects.filter(region__code=code).order_by("code").first()
        subject = Subject(agency.code, code)
        for entry in TABLE:
            if entry.name not in PAGES:
                continue
            url = resolve(entry, subject)
            client.force_login(User.objects.get(username=usernames(subject)[entry.as_user]))
            client.get(url)
            statements = []

            def count(execute, sql, params, many, context, statements=statements):
                statements.append(sql)
                return execute(sql, params, many, context)

            with connection.execute_wrapper(count):
                status = client.get(url).status_code
            times = []
            for _ in range(RUNS):
                began = time.perf_counter()
                client.get(url)
                times.append(time.perf_counter() - began)
            pages.setdefault(entry.label, {})[code] = {
                "status": status,
                "queries": len(statements),
                "median_ms": round(statistics.median(times) * 1000, 1),
                "fastest_ms": round(min(times) * 1000, 1),
            }
            print(f"  {code} {entry.label}: {pages[entry.label][code]}", flush=True)
    result = {
        "postgresql": version,
        "regions": regions,
        "agencies": REGIONS * AGENCIES,
        "database_mb": database_mb,
        "tables": sizes,
        "pages": pages,
        "rollups_ms": rollups,
        "generate_seconds": round(sum(r["seconds"] for r in regions), 1),
    }
    (ROOT / "bench" / "results").mkdir(parents=True, exist_ok=True)
    (ROOT / "bench" / "results" / "country.json").write_text(json.dumps(result, indent=1, ensure_ascii=False))
    print(json.dumps({k: v for k, v in result.items() if k != "pages"}, indent=1))


if __name__ == "__main__":
    main()
