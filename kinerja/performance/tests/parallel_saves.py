"""Run by test_sqlite_parallel.py in a process of its own: N threads save one actual through the entry page at the
same moment, on a SQLite *file* (the test suite's in-memory database cannot show it), and print the statuses.

    python -m kinerja.performance.tests.parallel_saves <database file> <threads> [bare]

`bare` drops the SQLite options of config/settings/base.py, to show what they prevent."""

import json
import os
import sys
import threading
from collections import Counter


def main(path: str, threads: int, bare: bool) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    os.environ["DATABASE_URL"] = f"sqlite:///{path}"
    import django
    from django.conf import settings

    if bare:
        settings.DATABASES["default"]["OPTIONS"] = {}
    django.setup()
    from django.core.management import call_command
    from django.db import connections
    from django.test import Client

    import conftest
    from kinerja.accounts.models import User
    from kinerja.performance.models import Actual
    from kinerja.strategy.models import Indicator

    call_command("migrate", verbosity=0)
    conftest.ensure_builtin_dataset()
    kasi = User.objects.get(username="kasi")
    indicator = (
        Indicator.objects.filter(page_rows__position__code="kasi-tata-kelola", formula="count")
        .order_by("order")
        .first()
    )
    url = f"/instansi/{conftest.SEED_CODE}/realisasi/kasi-tata-kelola/{indicator.code}/simpan/?tahun=2022&triwulan=3"
    prefix = indicator.code.replace(".", "_")
    connections.close_all()
    statuses: list[int] = []
    barrier = threading.Barrier(threads)

    def run(number: int) -> None:
        client = Client(raise_request_exception=False)
        client.force_login(kasi)
        barrier.wait(timeout=30)
        for step in range(2):
            statuses.append(client.post(url, {f"{prefix}-value": str(number + step)}).status_code)
        connections.close_all()

    workers = [threading.Thread(target=run, args=(number,)) for number in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=120)
    count = Actual.objects.filter(indicator=indicator, year=2022, quarter=3).count()
    print(json.dumps({"statuses": dict(Counter(statuses)), "actuals": count}))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), sys.argv[3:] == ["bare"])
