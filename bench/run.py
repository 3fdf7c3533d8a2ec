"""`make bench`: every page of bench/pages.py at 1 agency and at 40, on SQLite and on PostgreSQL.

    python bench/run.py --backend sqlite            # both sizes on SQLite (files under var/bench/)
    python bench/run.py --backend postgresql        # both sizes on the PostgreSQL of DATABASE_URL (a throwaway
                                                    # cluster from pg_virtualenv: two databases are created in it)
    python bench/run.py --report                    # merge into bench/results/latest.json and bench/README.md

Each size runs in its own process on its own fresh database: migrate, `generate_region bench --agencies N
--seed 1`, then each entry of the table asked by the Django test Client in-process (middleware, templates and
all; logged in with force_login as the user the table names): one warm-up request whose queries are captured,
then BENCH_RUNS timed requests (median and 95th percentile). The two sizes run at the same time in two worker
processes and their requests are interleaved (1, 40, 40, 1, …), so that other load on a shared machine weighs on
both alike. Agency 1 of the region is the same agency at both
sizes (the generator draws each agency from its own seed), so time(40)/time(1) compares the same page on the
same rows with 39 more agencies around it.

Raw SQL time: the SELECT statements the page sent (captured with CaptureQueriesContext, with their parameters
interpolated by the backend) replayed through `connection.cursor()` with every row fetched, timed as a whole
the same number of times (median). Page time / raw SQL time is what the framework adds on top of fetching the
same rows: ORM model building, Python work, template rendering, middleware. Statements other than SELECT
(sessions, savepoints) are not replayed.
"""

import argparse
import io
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
RESULTS = ROOT / "bench" / "results"
README = ROOT / "bench" / "README.md"
VAR = ROOT / "var" / "bench"
SIZES = tuple(int(size) for size in os.environ.get("BENCH_SIZES", "1,40").split(","))
REGION = "bench"
RUNS = int(os.environ.get("BENCH_RUNS", "15"))
HEAVY_RUNS = int(os.environ.get("BENCH_HEAVY_RUNS", "5"))
# only these URL names of bench/pages.py (comma-separated; default every entry): their results go to
# bench/results/<backend>-<names>.json, apart from the whole run's <backend>.json that --report reads
PAGES = tuple(name for name in os.environ.get("BENCH_PAGES", "").split(",") if name)
START, END = "<!-- bench:start -->", "<!-- bench:end -->"
GOAL_SIZE, GOAL_RAW = 1.2, 3.0


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


# -- one size, in its own process, answering the orchestrator line by line ----------------------------------------


class Worker:
    """A database of one size: migrated, generated, and every table entry ready to be asked once at a time."""

    def __init__(self, size: int) -> None:
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
        import django

        django.setup()
        from django.core.management import call_command
        from django.db import connection
        from django.test import Client

        from bench.pages import TABLE, Subject, usernames
        from kinerja.accounts.models import User
        from kinerja.organisation.models import Agency
        from kinerja.synthetic.region import generate_region

        began = time.perf_counter()
        call_command("migrate", verbosity=0)
        migrated = time.perf_counter()
        counts = generate_region(REGION, agencies=size, seed=1, progress=lambda line: None)
        generated = time.perf_counter()
        # the generator writes in bulk, around the services: the roll-ups of the regency and province views are
        # computed as `rollups_work --all` computes them (docs/scale.md §4)
        call_command("rollups_work", "--all", verbosity=0, stdout=io.StringIO())
        rolled = time.perf_counter()
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute("ANALYZE")
            cursor.execute("SELECT version()" if connection.vendor == "postgresql" else "SELECT sqlite_version()")
            version = cursor.fetchone()[0].split(" on ")[0]
        self.agency = Agency.objects.filter(region__code=REGION).order_by("code").first()
        self.subject = Subject(self.agency.code, REGION)
        self.names = usernames(self.subject)
        self.admin = User.objects.create_superuser("bench-admin", password=None)
        self.client, self.connection, self.table, self.users = Client(), connection, TABLE, User
        self.asks: dict[int, object] = {}
        self.selects: dict[int, list[str]] = {}
        self.meta = {
            "size": size,
            "backend": connection.vendor,
            "database_version": version,
            "generated_rows": counts.rows,
            "agency": self.agency.code,
            "seconds": {"migrate": migrated - began, "generate": generated - migrated, "rollups": rolled - generated},
        }

    def prepare(self, index: int) -> dict:
        """Log in as the entry's user, ask once (warm-up) and capture its queries."""
        from django.test.utils import CaptureQueriesContext

        from bench.pages import resolve

        entry = self.table[index]
        url = resolve(entry, self.subject)
        if url is None:
            return {"url": None, "status": "belum ada"}
        user = self.admin if entry.as_user == "admin" else self.users.objects.get(username=self.names[entry.as_user])
        self.client.force_login(user)
        client = self.client
        if entry.kind == "import":
            export = next((e for e in self.table if e.name == entry.extra.get("export")), None)
            export_url = resolve(export, self.subject) if export else None
            content = client.get(export_url).content if export_url else b""

            def ask(url=url, content=content, extra=entry.extra):
                return import_chain(client, url, content, extra)
        else:

            def ask(url=url):
                return client.get(url)

        with CaptureQueriesContext(self.connection) as captured:
            response = ask()
        body = b"".join(response.streaming_content) if response.streaming else response.content
        self.asks[index] = ask
        self.selects[index] = [
            query["sql"]
            for query in captured.captured_queries
            if query["sql"].lstrip().upper().startswith(("SELECT", "WITH"))
        ]
        return {
            "url": url,
            "status": response.status_code,
            "queries": len(captured.captured_queries),
            "bytes": len(body),
            "raw_queries": len(self.selects[index]),
        }

    def time(self, index: int) -> float:
        begin = time.perf_counter()
        response = self.asks[index]()
        if response.streaming:
            b"".join(response.streaming_content)
        return time.perf_counter() - begin

    def raw(self, index: int) -> float:
        begin = time.perf_counter()
        with self.connection.cursor() as cursor:
            for sql in self.selects[index]:
                cursor.execute(sql)
                cursor.fetchall()
        return time.perf_counter() - begin


def import_chain(client, url: str, content: bytes, extra: dict):
    """Upload a workbook (field extra["field"]), follow to the preview the upload redirects to, and confirm it
    (POST to the preview's URL + extra["confirm"]); the last response, or the first that is not a redirect."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client.post(url, {extra.get("field", "file"): SimpleUploadedFile("buku-kerja.xlsx", content)})
    if response.status_code != 302:
        return response
    preview = response["Location"]
    response = client.get(preview)
    if response.status_code != 200 or "confirm" not in extra:
        return response
    return client.post(preview.rstrip("/") + "/" + extra["confirm"])


def serve(size: int) -> None:
    """Read commands on stdin ("prepare N", "time N", "raw N", "meta"), answer one JSON line each on stdout."""
    real_stdout = sys.stdout
    sys.stdout = sys.stderr  # nothing else may write on the answer channel
    worker = Worker(size)
    real_stdout.write(json.dumps({"ready": True}) + "\n")
    real_stdout.flush()
    for line in sys.stdin:
        command, _, argument = line.strip().partition(" ")
        if command == "quit":
            break
        answer = worker.meta if command == "meta" else getattr(worker, command)(int(argument))
        real_stdout.write(json.dumps(answer) + "\n")
        real_stdout.flush()


# -- one backend: both sizes, their requests interleaved ------------------------------------------------------------


class Remote:
    def __init__(self, size: int, url: str) -> None:
        env = dict(os.environ, DATABASE_URL=url, DJANGO_SETTINGS_MODULE="bench.settings")
        command = [sys.executable, __file__, "--serve", str(size)]
        self.process = subprocess.Popen(  # noqa: S603 (our own arguments)
            command,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def wait_ready(self) -> None:
        line = self.process.stdout.readline()
        if not line:
            raise SystemExit("a benchmark worker stopped while preparing its database")

    def ask(self, command: str):
        self.process.stdin.write(command + "\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        if not line:
            raise SystemExit(f"a benchmark worker stopped on {command!r}")
        return json.loads(line)

    def close(self) -> None:
        self.process.stdin.write("quit\n")
        self.process.stdin.close()
        self.process.wait(timeout=60)


def database_url(backend: str, size: int) -> str:
    if backend == "sqlite":
        for leftover in VAR.glob(f"sqlite-{size}.sqlite3*"):
            leftover.unlink()
        return f"sqlite:///{VAR / f'sqlite-{size}.sqlite3'}"
    import psycopg

    admin_url = os.environ["DATABASE_URL"]
    name = f"kinerja_bench_{size}"
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name}")
        conn.execute(f"CREATE DATABASE {name}")
    return admin_url.rsplit("/", 1)[0] + f"/{name}"


def run_backend(backend: str) -> None:
    """Both sizes at once, each in its worker process on its own database; every request of one size is followed
    by the same request of the other (the order alternating), so that other load on the machine weighs on both
    alike and time(40)/time(1) stays meaningful on a shared machine."""
    from bench.pages import TABLE

    VAR.mkdir(parents=True, exist_ok=True)
    RESULTS.mkdir(parents=True, exist_ok=True)
    workers = {}
    for size in SIZES:  # one at a time: generating is what loads the machine most
        print(f"{backend}: {size} instansi …", flush=True)
        workers[size] = Remote(size, database_url(backend, size))
        workers[size].wait_ready()
    results = {
        size: {**workers[size].ask("meta"), "runs": RUNS, "heavy_runs": HEAVY_RUNS, "rows": []} for size in SIZES
    }
    for index, entry in enumerate(TABLE):
        if PAGES and entry.name not in PAGES:
            continue
        prepared = {size: workers[size].ask(f"prepare {index}") for size in SIZES}
        rows = {
            size: {"name": entry.name, "label": entry.label, "kind": entry.kind, "main": entry.main, **ready}
            for size, ready in prepared.items()
        }
        if all(ready["url"] is not None for ready in prepared.values()):
            runs = HEAVY_RUNS if entry.kind in ("print", "export", "import") or entry.name == "documents" else RUNS
            times = {size: [] for size in SIZES}
            raws = {size: [] for size in SIZES}
            for run in range(runs):
                order = SIZES if run % 2 == 0 else tuple(reversed(SIZES))
                for size in order:
                    times[size].append(workers[size].ask(f"time {index}"))
                for size in order:
                    raws[size].append(workers[size].ask(f"raw {index}"))
            for size in SIZES:
                row = rows[size]
                row.update(
                    runs=runs,
                    median=statistics.median(times[size]),
                    p95=percentile(times[size], 0.95),
                    fastest=min(times[size]),
                    raw_median=statistics.median(raws[size]),
                )
                row["raw_ratio"] = row["median"] / row["raw_median"] if row["raw_median"] else None
            print(
                "  "
                + entry.label[:50].ljust(50)
                + "  ".join(
                    f"[{size}] {rows[size]['queries']} q {rows[size]['median'] * 1000:7.1f} ms "
                    f"(raw {rows[size]['raw_median'] * 1000:5.1f})"
                    for size in SIZES
                ),
                flush=True,
            )
        for size in SIZES:
            results[size]["rows"].append(rows[size])
    for worker in workers.values():
        worker.close()
    name = "-".join((backend, *PAGES))
    (RESULTS / f"{name}.json").write_text(json.dumps([results[size] for size in SIZES], indent=1))


# -- the report ---------------------------------------------------------------------------------------------------


def machine() -> dict:
    cpu = (
        next(
            (
                line.split(":", 1)[1].strip()
                for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")
            ),
            platform.processor(),
        )
        if Path("/proc/cpuinfo").exists()
        else ""
    )
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "machine": platform.machine(),
        "python": platform.python_version(),
        "system": platform.platform(),
    }


def report() -> None:
    backends = {}
    for backend in ("sqlite", "postgresql"):
        path = RESULTS / f"{backend}.json"
        if path.exists():
            backends[backend] = {run["size"]: run for run in json.loads(path.read_text())}
    pages = []
    for backend, runs in backends.items():
        one, forty = runs.get(SIZES[0]), runs.get(SIZES[-1])
        for index, row in enumerate(one["rows"]):
            big = forty["rows"][index] if forty else {}
            item = {
                "backend": backend,
                "label": row["label"],
                "name": row["name"],
                "kind": row["kind"],
                "main": row["main"],
            }
            if row.get("status") == "belum ada" or big.get("status") == "belum ada":
                item["status"] = "belum ada"
            else:
                item.update(
                    status=[row["status"], big.get("status")],
                    queries=[row["queries"], big.get("queries")],
                    median_ms=[round(row["median"] * 1000, 1), round(big["median"] * 1000, 1)],
                    p95_ms=[round(row["p95"] * 1000, 1), round(big["p95"] * 1000, 1)],
                    raw_ms=[round(row["raw_median"] * 1000, 2), round(big["raw_median"] * 1000, 2)],
                    size_ratio=round(big["median"] / row["median"], 2),
                    size_ratio_fastest=round(big["fastest"] / row["fastest"], 2),
                    raw_ratio_fastest=(round(big["fastest"] / big["raw_median"], 1) if big["raw_median"] else None),
                    raw_ratio=round(big["raw_ratio"], 1) if big.get("raw_ratio") else None,
                )
                item["meets"] = {
                    "size": item["size_ratio"] <= GOAL_SIZE,
                    "raw": item["raw_ratio"] is not None and item["raw_ratio"] <= GOAL_RAW,
                }
            pages.append(item)
    data = {
        "machine": machine(),
        "databases": {backend: runs[SIZES[0]]["database_version"] for backend, runs in backends.items()},
        "generated": {
            backend: {
                size: {"rows": sum(run["generated_rows"].values()), "seconds": round(run["seconds"]["generate"], 1)}
                for size, run in runs.items()
            }
            for backend, runs in backends.items()
        },
        "runs": {"pages": RUNS, "heavy": HEAVY_RUNS},
        "goals": {"size_ratio": GOAL_SIZE, "raw_ratio": GOAL_RAW},
        "definition": (
            "size_ratio = median time at 40 agencies / median time at 1 agency, same agency, same page; "
            "raw_ratio = median page time / median time of replaying the page's SELECT statements "
            "raw through connection.cursor() and fetching every row (at 40 agencies); the *_fastest "
            "ratios use the fastest request instead of the median (less sensitive to other load on a "
            "shared machine)"
        ),
        "pages": pages,
    }
    (RESULTS / "latest.json").write_text(json.dumps(data, indent=1, ensure_ascii=False))
    write_readme(data)


def write_readme(data: dict) -> None:
    m = data["machine"]
    lines = [
        f"Machine: {m['cpu']}, {m['cores']} cores, {m['machine']}, Python {m['python']}; "
        + ", ".join(f"{name} {version}" for name, version in data["databases"].items())
        + f". Median and p95 of {data['runs']['pages']} requests ({data['runs']['heavy']} for prints, exports, "
        "imports and the documents page), Django test Client in-process, after one warm-up request.",
        "",
        "Generated region: "
        + "; ".join(
            f"{backend}: "
            + ", ".join(f"{size} instansi {g['rows']:,} baris in {g['seconds']} s" for size, g in sizes.items())
            for backend, sizes in data["generated"].items()
        ),
        "",
        "| backend | page | queries 1 / 40 | median ms 1 → 40 | p95 ms at 40 | raw SQL ms at 40 | time 40/1 "
        f"(≤ {GOAL_SIZE}) | fastest 40/1 | page / raw SQL (≤ {GOAL_RAW}) | fastest page / raw |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for item in sorted(data["pages"], key=lambda i: (i["backend"] != "sqlite", not i["main"])):
        if item["status"] == "belum ada":
            lines.append(f"| {item['backend']} | {item['label']} (`{item['name']}`) | belum ada | | | | | | | |")
            continue
        status = "" if item["status"] == [200, 200] else f" (HTTP {item['status'][0]}/{item['status'][1]})"

        def mark(ok: bool) -> str:
            return "" if ok else " ✗"

        lines.append(
            f"| {item['backend']} | {item['label']}{status} | {item['queries'][0]} / {item['queries'][1]} | "
            f"{item['median_ms'][0]} → {item['median_ms'][1]} | {item['p95_ms'][1]} | {item['raw_ms'][1]} | "
            f"{item['size_ratio']}{mark(item['meets']['size'])} | {item['size_ratio_fastest']} | "
            f"{item['raw_ratio']}{mark(item['meets']['raw'])} | {item['raw_ratio_fastest']} |"
        )
    text = README.read_text()
    block = "\n".join([START, *lines, END])
    if START in text:
        text = text[: text.index(START)] + block + text[text.index(END) + len(END) :]
    else:
        text = text.rstrip() + "\n\n## Pages at 1 and at 40 agencies (`make bench`)\n\n" + block + "\n"
    README.write_text(text)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--backend", choices=["sqlite", "postgresql"])
    parser.add_argument("--report", action="store_true")
    parser.add_argument("--serve", type=int, help="(internal) a worker of one size")
    args = parser.parse_args()
    if args.serve:
        serve(args.serve)
    elif args.backend:
        run_backend(args.backend)
    if args.report:
        report()


if __name__ == "__main__":
    main()
