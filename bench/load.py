"""`make bench-load`: 50 officials enter and submit their actuals at once, against gunicorn on 127.0.0.1 and
PostgreSQL (DATABASE_URL of a throwaway cluster from pg_virtualenv; a database `kinerja_load` is created in it).

1. a fresh database: migrate, `generate_region load --agencies 4 --seed 1` (quarter IV of 2026 has no actual);
2. gunicorn (gthread workers) on 127.0.0.1, settings bench.settings;
3. LOAD_USERS (50) threads, one per official holding a position with an IKI page, start together: each logs in
   through the login form, opens its entry page for 2026 quarter IV, saves a figure for each indicator of its
   page (a ratio: numerator and denominator; otherwise the value) and submits it, then opens the page again;
4. afterwards the database is counted against what was sent: every actual there exactly once, with the value
   sent, submitted; every request answered without a server error.
An indicator printed on two pages is entered by one official only (the first page that prints it), so the
expected end state is unambiguous. Writes bench/results/load.json and the load section of bench/README.md; exits
non-zero when anything was lost, duplicated, changed or refused.
"""

import http.cookiejar
import json
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
USERS = int(os.environ.get("LOAD_USERS", "50"))
AGENCIES = int(os.environ.get("LOAD_AGENCIES", "4"))
WORKERS = int(os.environ.get("LOAD_WORKERS", "3"))
THREADS = int(os.environ.get("LOAD_THREADS", "4"))
YEAR, QUARTER = 2026, 4
REGION = "load"
RESULTS = ROOT / "bench" / "results"
README = ROOT / "bench" / "README.md"
START, END = "<!-- load:start -->", "<!-- load:end -->"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def prepare(admin_url: str) -> str:
    import psycopg

    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute("DROP DATABASE IF EXISTS kinerja_load")
        conn.execute("CREATE DATABASE kinerja_load")
    url = admin_url.rsplit("/", 1)[0] + "/kinerja_load"
    os.environ["DATABASE_URL"] = url
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    import django

    django.setup()
    from django.core.management import call_command

    from kinerja.synthetic.region import generate_region

    call_command("migrate", verbosity=0)
    generate_region(REGION, agencies=AGENCIES, seed=1)
    return url


def plan_of_work() -> list[dict]:
    """USERS officials and, for each, the figures it will send: (indicator code, fields, expected value)."""
    from kinerja.performance import achievement
    from kinerja.strategy.models import PageIndicator

    rows = (
        PageIndicator.objects.filter(position__agency__region__code=REGION)
        .select_related("position__agency", "indicator")
        .order_by("position__agency__code", "position__order", "objective__order", "order")
    )
    taken, by_position = set(), defaultdict(list)
    for row in rows:
        if row.indicator_id in taken:
            continue
        taken.add(row.indicator_id)
        by_position[(row.position.agency.code, row.position.code)].append(row.indicator)
    work = []
    for (agency, position), indicators in list(by_position.items())[:USERS]:
        figures = []
        for n, indicator in enumerate(indicators):
            prefix = indicator.code.replace(".", "_")
            if indicator.formula == "ratio":
                numerator, denominator = Decimal(40 + n), Decimal(80 + n)
                fields = {f"{prefix}-numerator": str(numerator), f"{prefix}-denominator": str(denominator)}
                expected = achievement.ratio_value(numerator, denominator, indicator.factor)
            else:
                expected = Decimal(7 + n)
                fields = {f"{prefix}-value": str(expected)}
            figures.append({"indicator": indicator.code, "fields": fields, "expected": expected})
        work.append({"agency": agency, "position": position, "username": f"{agency}.{position}", "figures": figures})
    if len(work) < USERS:
        raise SystemExit(f"Only {len(work)} officials with an IKI page; raise LOAD_AGENCIES.")
    return work


class Official(threading.Thread):
    def __init__(self, base: str, job: dict, password: str, barrier: threading.Barrier) -> None:
        super().__init__()
        self.base, self.job, self.password, self.barrier = base, job, password, barrier
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), NoRedirect())
        self.timings: list[tuple[str, float, int]] = []
        self.errors: list[str] = []

    def csrf(self) -> str:
        return next((cookie.value for cookie in self.jar if cookie.name == "csrftoken"), "")

    def call(self, kind: str, path: str, data: dict | None = None, expect: tuple = (200, 302)) -> str:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(  # noqa: S310 (http://127.0.0.1 only)
            self.base + path,
            data=body,
            headers={"X-CSRFToken": self.csrf(), "Referer": self.base + path},
        )
        began = time.perf_counter()
        try:
            with self.opener.open(request, timeout=120) as response:
                status, text = response.status, response.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as error:
            status, text = error.code, error.read().decode("utf-8", "replace")
        except OSError as error:
            status, text = 0, str(error)
        self.timings.append((kind, time.perf_counter() - began, status))
        if status not in expect:
            self.errors.append(f"{self.job['username']} {kind} {path}: HTTP {status}")
        return text

    def run(self) -> None:
        job = self.job
        self.call("login-form", "/masuk/")
        self.barrier.wait()  # everyone logs in and enters at the same moment
        self.call(
            "login",
            "/masuk/",
            {"username": job["username"], "password": self.password, "csrfmiddlewaretoken": self.csrf()},
            expect=(302,),
        )
        query = f"?tahun={YEAR}&triwulan={QUARTER}"
        entry = f"/instansi/{job['agency']}/realisasi/{job['position']}/"
        self.call("entry-page", entry + query, expect=(200,))
        for figure in job["figures"]:
            row = f"{entry}{urllib.parse.quote(figure['indicator'])}/"
            self.call(
                "save", row + "simpan/" + query, {**figure["fields"], "csrfmiddlewaretoken": self.csrf()}, expect=(302,)
            )
            self.call("submit", row + "kirim/" + query, {"csrfmiddlewaretoken": self.csrf()}, expect=(302,))
        self.call("entry-page", entry + query, expect=(200,))


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):  # a 302 is the answer we check, not followed
        return None


def check(work: list[dict]) -> list[str]:
    from django.db.models import Count

    from kinerja.performance.models import Actual

    problems = []
    actuals = Actual.objects.filter(indicator__plan__agency__region__code=REGION, year=YEAR, quarter=QUARTER)
    found = {
        (a.indicator.plan.agency.code, a.indicator.code): a for a in actuals.select_related("indicator__plan__agency")
    }
    duplicates = actuals.values("indicator").annotate(n=Count("id")).filter(n__gt=1).count()
    if duplicates:
        problems.append(f"{duplicates} indicators with more than one actual")
    sent = 0
    for job in work:
        for figure in job["figures"]:
            sent += 1
            actual = found.get((job["agency"], figure["indicator"]))
            if actual is None:
                problems.append(f"lost: {job['agency']} {figure['indicator']}")
            elif actual.value is None or abs(actual.value - figure["expected"]) > Decimal("0.0001"):
                problems.append(
                    f"changed: {job['agency']} {figure['indicator']}: {actual.value}, sent {figure['expected']}"
                )
            elif actual.status != Actual.Status.SUBMITTED:
                problems.append(f"not submitted: {job['agency']} {figure['indicator']} ({actual.status})")
    if len(found) != sent:
        problems.append(f"{len(found)} actuals in the database, {sent} sent")
    return problems


def run_officials(
    base: str, work: list, kind: type, password: str, setting: str, began: float
) -> tuple[list, float, float]:
    """Wait for the server at `base`, then start one `kind` (a thread) per official of `work` at once (a
    barrier) and wait for them all: the officials, when they started (perf_counter) and the seconds they took.
    `setting` names the servers in the line printed before they start."""
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/masuk/", timeout=2).read()  # noqa: S310 (127.0.0.1)
            break
        except OSError:
            time.sleep(0.3)
    print(
        f"{setting}; {len(work)} officials, {sum(len(job['figures']) for job in work)} actuals to enter "
        f"(prepared in {time.perf_counter() - began:.1f} s)",
        flush=True,
    )
    barrier = threading.Barrier(len(work))
    officials = [kind(base, job, password, barrier) for job in work]
    started = time.perf_counter()
    for official in officials:
        official.start()
    for official in officials:
        official.join()
    return officials, started, time.perf_counter() - started


def main() -> None:
    admin_url = os.environ["DATABASE_URL"]
    began = time.perf_counter()
    url = prepare(admin_url)
    from kinerja.synthetic.vocabulary import DEFAULT_PASSWORD

    work = plan_of_work()
    port = free_port()
    env = dict(os.environ, DATABASE_URL=url, DJANGO_SETTINGS_MODULE="bench.settings")
    server = subprocess.Popen(  # noqa: S603 (our own interpreter and arguments)
        [
            sys.executable,
            "-m",
            "gunicorn",
            "config.wsgi",
            "-b",
            f"127.0.0.1:{port}",
            "-k",
            "gthread",
            "-w",
            str(WORKERS),
            "--threads",
            str(THREADS),
            "--timeout",
            "120",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        setting = f"gunicorn {WORKERS} workers × {THREADS} threads on {base}"
        officials, _started, elapsed = run_officials(base, work, Official, DEFAULT_PASSWORD, setting, began)
    finally:
        server.terminate()
        server.wait(timeout=30)
    timings = [t for official in officials for t in official.timings if t[0] != "login-form"]
    errors = [e for official in officials for e in official.errors]
    problems = check(work)
    by_kind = defaultdict(list)
    for kind, seconds, _status in timings:
        by_kind[kind].append(seconds)

    def p95(values: list[float]) -> float:
        ordered = sorted(values)
        return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]

    sent = sum(len(job["figures"]) for job in work)
    result = {
        "officials": len(work),
        "actuals_sent": sent,
        "requests": len(timings),
        "seconds": round(elapsed, 2),
        "requests_per_second": round(len(timings) / elapsed, 1),
        "actuals_per_second": round(sent / elapsed, 1),
        "p95_ms": round(p95([t[1] for t in timings]) * 1000, 1),
        "by_kind": {
            kind: {
                "count": len(v),
                "median_ms": round(statistics.median(v) * 1000, 1),
                "p95_ms": round(p95(v) * 1000, 1),
            }
            for kind, v in by_kind.items()
        },
        "server_errors": sum(1 for t in timings if t[2] >= 500 or t[2] == 0),
        "errors": errors[:50],
        "problems": problems[:50],
        "gunicorn": {"workers": WORKERS, "threads": THREADS},
        "cores": os.cpu_count(),
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "load.json").write_text(json.dumps(result, indent=1))
    write_readme(result)
    print(json.dumps(result, indent=1))
    if errors or problems:
        raise SystemExit(f"{len(errors)} failed requests, {len(problems)} problems in the data")


def write_readme(result: dict) -> None:
    lines = [
        f"{result['officials']} officials at once, {result['actuals_sent']} actuals saved and submitted, "
        f"{result['requests']} requests in {result['seconds']} s against gunicorn ({result['gunicorn']['workers']} "
        f"gthread workers × {result['gunicorn']['threads']} threads, {result['cores']} cores) and PostgreSQL: "
        f"{result['requests_per_second']} requests/s, {result['actuals_per_second']} actuals/s, p95 "
        f"{result['p95_ms']} ms; failed requests: {len(result['errors'])}; lost, duplicated or changed actuals: "
        f"{len(result['problems'])}.",
        "",
        "| request | count | median ms | p95 ms |",
        "|---|---:|---:|---:|",
        *(f"| {kind} | {v['count']} | {v['median_ms']} | {v['p95_ms']} |" for kind, v in result["by_kind"].items()),
    ]
    text = README.read_text()
    block = "\n".join([START, *lines, END])
    if START in text:
        text = text[: text.index(START)] + block + text[text.index(END) + len(END) :]
    else:
        text = text.rstrip() + "\n\n## Concurrent entry (`make bench-load`)\n\n" + block + "\n"
    README.write_text(text)


if __name__ == "__main__":
    main()
