"""The slowest statements of every page of the table, with their query plan: where an index is missing.

    DATABASE_URL=... python bench/queries.py [agency-code]     # on a database generate_region filled

Each page is asked once (as in bench/run.py), each SELECT it sent is replayed 3 times and the ones above
SLOW_MS (default 2 ms) are printed with EXPLAIN (EXPLAIN QUERY PLAN on SQLite).
"""

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
SLOW_MS = float(os.environ.get("SLOW_MS", "2"))


def main() -> None:
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from bench.pages import TABLE, Subject, resolve, usernames
    from kinerja.accounts.models import User
    from kinerja.organisation.models import Agency

    agency = Agency.objects.get(code=sys.argv[1]) if len(sys.argv) > 1 else Agency.objects.order_by("code").first()
    subject = Subject(agency.code, agency.region.code)
    client = Client()
    explain = "EXPLAIN QUERY PLAN " if connection.vendor == "sqlite" else "EXPLAIN ANALYZE "
    for entry in TABLE:
        url = resolve(entry, subject)
        if url is None or entry.kind == "import" or entry.as_user == "admin":
            continue
        client.force_login(User.objects.get(username=usernames(subject)[entry.as_user]))
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            client.get(url)
        print(f"== {entry.label} ({len(captured.captured_queries)} queries)")
        for query in captured.captured_queries:
            sql = query["sql"]
            if not sql.lstrip().upper().startswith("SELECT"):
                continue
            with connection.cursor() as cursor:
                times = []
                for _ in range(3):
                    began = time.perf_counter()
                    cursor.execute(sql)
                    cursor.fetchall()
                    times.append(time.perf_counter() - began)
                best = min(times) * 1000
                if best < SLOW_MS:
                    continue
                print(f"-- {best:.1f} ms: {sql[:600]}")
                cursor.execute(explain + sql)
                for row in cursor.fetchall():
                    print("   ", " | ".join(str(value) for value in row))


if __name__ == "__main__":
    main()
