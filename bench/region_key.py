"""The region key (docs/scale.md §1) measured on PostgreSQL: the regional roll-up SQL of bench/country.py over the
actuals with its four joins (actual → indicator → plan → agency → region) and with the key on the row, and where
the generated audit records land among the yearly partitions (§2).

    pg_virtualenv -t sh -c 'DATABASE_URL="postgres://$PGUSER:$PGPASSWORD@$PGHOST:$PGPORT/$PGDATABASE" \
        .venv/bin/python bench/region_key.py'

In a fresh database `kinerja_region_key`: KEY_REGIONS (3) regions of KEY_AGENCIES (14) agencies each with
generate_region; both forms of each query must answer the same rows; then the median of 9 runs of each (after 2
warm-up runs) and the scans of its plan. Writes bench/results/region-key.json.
"""

import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
REGIONS = int(os.environ.get("KEY_REGIONS", "3"))
AGENCIES = int(os.environ.get("KEY_AGENCIES", "14"))
QUERIES = {  # the average of the verified 2025 actuals per agency of one region, and per region
    "region_joined": """SELECT a.id, count(*), avg(x.value) FROM performance_actual x
        JOIN strategy_indicator i ON i.id = x.indicator_id JOIN strategy_strategicplan p ON p.id = i.plan_id
        JOIN organisation_agency a ON a.id = p.agency_id JOIN organisation_region r ON r.id = a.region_id
        WHERE r.code = %s AND x.year = 2025 AND x.status = 'verified' GROUP BY a.id""",
    "region_keyed": """SELECT x.agency_id, count(*), avg(x.value) FROM performance_actual x
        JOIN organisation_region r ON r.id = x.region_id
        WHERE r.code = %s AND x.year = 2025 AND x.status = 'verified' GROUP BY x.agency_id""",
    "country_joined": """SELECT a.region_id, count(*), avg(x.value) FROM performance_actual x
        JOIN strategy_indicator i ON i.id = x.indicator_id JOIN strategy_strategicplan p ON p.id = i.plan_id
        JOIN organisation_agency a ON a.id = p.agency_id
        WHERE x.year = 2025 AND x.status = 'verified' GROUP BY a.region_id""",
    "country_keyed": """SELECT x.region_id, count(*), avg(x.value) FROM performance_actual x
        WHERE x.year = 2025 AND x.status = 'verified' GROUP BY x.region_id""",
}


def main() -> None:
    import psycopg

    admin_url = os.environ["DATABASE_URL"]
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute("DROP DATABASE IF EXISTS kinerja_region_key")
        conn.execute("CREATE DATABASE kinerja_region_key")
    os.environ["DATABASE_URL"] = admin_url.rsplit("/", 1)[0] + "/kinerja_region_key"
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from kinerja.synthetic.region import generate_region

    call_command("migrate", verbosity=0)
    began = time.perf_counter()
    for number in range(REGIONS):
        generate_region(f"key{number + 1:02d}", agencies=AGENCIES, seed=number + 1, evidence_every=20)
    result: dict = {"regions": REGIONS, "agencies": REGIONS * AGENCIES, "generated_s": time.perf_counter() - began}
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
        cursor.execute("SELECT count(*) FROM performance_actual")
        result["actuals"] = cursor.fetchone()[0]
        answers = {}
        for label, sql in QUERIES.items():
            cursor.execute(sql, ["key01"] if "%s" in sql else [])
            answers[label] = sorted(cursor.fetchall())
        assert answers["region_joined"] == answers["region_keyed"], "the key answers otherwise than the joins"
        assert answers["country_joined"] == answers["country_keyed"], "the key answers otherwise than the joins"
        for label, sql in QUERIES.items():
            params = ["key01"] if "%s" in sql else []
            times = []
            for run in range(11):
                start = time.perf_counter()
                cursor.execute(sql, params)
                cursor.fetchall()
                if run >= 2:
                    times.append(time.perf_counter() - start)
            cursor.execute("EXPLAIN " + sql, params)
            scans = [row[0].strip() for row in cursor.fetchall() if "Scan" in row[0]]
            result[label] = {"median_ms": round(statistics.median(times) * 1000, 2), "scans": scans}
        cursor.execute("SELECT tableoid::regclass::text, count(*) FROM core_auditrecord GROUP BY 1 ORDER BY 1")
        result["audit_partitions"] = dict(cursor.fetchall())
        cursor.execute("SELECT version()")
        result["postgresql"] = cursor.fetchone()[0].split(" on ")[0]
    result["load_average"] = os.getloadavg()
    (ROOT / "bench" / "results").mkdir(parents=True, exist_ok=True)
    (ROOT / "bench" / "results" / "region-key.json").write_text(json.dumps(result, indent=1))
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
