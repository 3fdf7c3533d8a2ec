"""On the default database (a SQLite file), parallel saves of one actual wait for each other instead of failing
with "database is locked" (issue 15: 19 of 40 requests answered 500): WAL, a busy timeout and transactions that
take the write lock when they begin (config/settings/base.py)."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[3]

pytestmark = pytest.mark.skipif(connection.vendor != "sqlite", reason="about the SQLite options only")


def parallel_saves(path: Path, *extra: str) -> dict:
    done = subprocess.run(
        [sys.executable, "-m", "kinerja.performance.tests.parallel_saves", str(path), "12", *extra],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.slow  # bulk: generated agencies or thousands of rows
def test_parallel_saves_on_a_sqlite_file_give_no_500(tmp_path):
    result = parallel_saves(tmp_path / "kinerja.sqlite3")
    assert result == {"statuses": {"302": 24}, "actuals": 1}
