"""`make bench`: every page of bench/pages.py at 1 agency and at 40, on SQLite and on PostgreSQL.

    python bench/run.py --backend sqlite            # both sizes on SQLite (files under var/bench/)
    python bench/run.py --backend postgresql        # both sizes on the PostgreSQL of DATABASE_URL (a throwaway
                                                    # cluster from pg_virtualenv: two databases are created in it)
    python bench/run.py --report                    # merge into bench/results/latest.json and bench/README.md

Each size runs in its own process on its own fresh database: migrate, `generate_region bench --agencies N
--seed 1`, then each entry of the table asked by the Django test Client in-process (middleware, templates and
all; logged in with force_login as the user the table names): one warm-up request whose queries are captured,
then BENCH_RUNS timed requests (median and 95th percentile). Agency 1 of the region is the same agency at both
sizes (the generator draws each agency from its own seed), so time(40)/time(1) compares the same page on the
same rows with 39 more agencies around it.

Raw SQL time: the SELECT statements the page sent (captured with CaptureQueriesContext, with their parameters
interpolated by the backend) replayed through `connection.cursor()` with every row fetched, timed as a whole
the same number of times (median). Page time / raw SQL time is what the framework adds on top of fetching the
same rows: ORM model building, Python work, template rendering, middleware. Statements other than SELECT
(sessions, savepoints) are not replayed.
"""

import argparse
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
START, END = "<!-- bench:start -->", "<!-- bench:end -->"
GOAL_SIZE, GOAL_RAW = 1.2, 3.0


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


# -- one size, in its own process ------------------------------------------------------------------------------

def measure(size: int, out: Path) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    import django

    django.setup()
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from bench.pages import TABLE, Subject, resolve, usernames
    from kinerja.accounts.models import User
    from kinerja.exchange.generator import generate_region
    from kinerja.organisation.models import Agency

    began = time.perf_counter()
    call_command("migrate", verbosity=0)
    migrated = time.perf_counter()
    counts = generate_region(REGION, agencies=size, seed=1, progress=lambda line: None)
    generated = time.perf_counter()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    agency = Agency.objects.filter(region__code=REGION).order_by("code").first()
    subject = Subject(agency.code, REGION)
    names = usernames(subject)
    admin = User.objects.create_superuser("bench-admin", password=None)
    client = Client()

    def login(as_user: str) -> None:
        client.force_login(admin if as_user == "admin" else User.objects.get(username=names[as_user]))

    def replay(statements: list[str]) -> float:
        begin = time.perf_counter()
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)
                cursor.fetchall()
        return time.perf_counter() - begin

    rows = []
    for entry in TABLE:
        url = resolve(entry, subject)
        row = {"name": entry.name, "label": entry.label, "kind": entry.kind, "main": entry.main, "url": url}
        rows.append(row)
        if url is None:
            row["status"] = "belum ada"
            continue
        login(entry.as_user)
        runs = HEAVY_RUNS if entry.kind in ("print", "export", "import") or entry.name == "documents" else RUNS
        if entry.kind == "import":
            export = next((e for e in TABLE if e.name == entry.extra.get("export")), None)
            export_url = resolve(export, subject) if export else None
            content = client.get(export_url).content if export_url else b""

            def ask(url=url, content=content):
                upload = SimpleUploadedFile("buku-kerja.xlsx", content)
                return client.post(url, {"file": upload, "workbook": upload, "confirm": "1"})
        else:
            def ask(url=url):
                return client.get(url)
        with CaptureQueriesContext(connection) as captured:
            response = ask()
        body = b"".join(response.streaming_content) if response.streaming else response.content
        row.update(status=response.status_code, queries=len(captured.captured_queries), bytes=len(body))
        selects = [query["sql"] for query in captured.captured_queries
                   if query["sql"].lstrip().upper().startswith(("SELECT", "WITH"))]
        times = []
        for _ in range(runs):
            begin = time.perf_counter()
            response = ask()
            if response.streaming:
                b"".join(response.streaming_content)
            times.append(time.perf_counter() - begin)
        raw = [replay(selects) for _ in range(runs)] if selects else [0.0]
        row.update(runs=runs, median=statistics.median(times), p95=percentile(times, 0.95), fastest=min(times),
                   raw_median=statistics.median(raw), raw_queries=len(selects))
        row["raw_ratio"] = row["median"] / row["raw_median"] if row["raw_median"] else None
        print(f"  [{size:>2}] {entry.label:55} {row['status']} {row['queries']:>3} q "
              f"{row['median'] * 1000:8.1f} ms  raw {row['raw_median'] * 1000:7.1f} ms", flush=True)
    with connection.cursor() as cursor:
        cursor.execute("SELECT version()" if connection.vendor == "postgresql" else "SELECT sqlite_version()")
        version = cursor.fetchone()[0].split(" on ")[0]
    out.write_text(json.dumps({
        "size": size, "backend": connection.vendor, "database_version": str(version), "runs": RUNS,
        "heavy_runs": HEAVY_RUNS, "rows": rows, "generated_rows": counts.rows,
        "seconds": {"migrate": migrated - began, "generate": generated - migrated},
        "agency": agency.code,
    }, indent=1))


# -- one backend: both sizes --------------------------------------------------------------------------------------

def run_backend(backend: str) -> None:
    VAR.mkdir(parents=True, exist_ok=True)
    RESULTS.mkdir(parents=True, exist_ok=True)
    results = []
    for size in SIZES:
        if backend == "sqlite":
            path = VAR / f"sqlite-{size}.sqlite3"
            for leftover in VAR.glob(f"sqlite-{size}.sqlite3*"):
                leftover.unlink()
            url = f"sqlite:///{path}"
        else:
            admin_url = os.environ["DATABASE_URL"]
            import psycopg

            name = f"kinerja_bench_{size}"
            with psycopg.connect(admin_url, autocommit=True) as conn:
                conn.execute(f"DROP DATABASE IF EXISTS {name}")
                conn.execute(f"CREATE DATABASE {name}")
            url = admin_url.rsplit("/", 1)[0] + f"/{name}"
        out = VAR / f"{backend}-{size}.json"
        print(f"{backend}, {size} instansi …", flush=True)
        env = dict(os.environ, DATABASE_URL=url, DJANGO_SETTINGS_MODULE="bench.settings")
        command = [sys.executable, __file__, "--size", str(size), "--out", str(out)]
        subprocess.run(command, env=env, check=True)  # noqa: S603 (our own interpreter and arguments)
        results.append(json.loads(out.read_text()))
    (RESULTS / f"{backend}.json").write_text(json.dumps(results, indent=1))


# -- the report ---------------------------------------------------------------------------------------------------

def machine() -> dict:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor()) if Path("/proc/cpuinfo").exists() else ""
    return {"cpu": cpu, "cores": os.cpu_count(), "machine": platform.machine(), "python": platform.python_version(),
            "system": platform.platform()}


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
            item = {"backend": backend, "label": row["label"], "name": row["name"], "kind": row["kind"],
                    "main": row["main"]}
            if row.get("status") == "belum ada" or big.get("status") == "belum ada":
                item["status"] = "belum ada"
            else:
                item.update(status=[row["status"], big.get("status")], queries=[row["queries"], big.get("queries")],
                            median_ms=[round(row["median"] * 1000, 1), round(big["median"] * 1000, 1)],
                            p95_ms=[round(row["p95"] * 1000, 1), round(big["p95"] * 1000, 1)],
                            raw_ms=[round(row["raw_median"] * 1000, 2), round(big["raw_median"] * 1000, 2)],
                            size_ratio=round(big["median"] / row["median"], 2),
                            size_ratio_fastest=round(big["fastest"] / row["fastest"], 2),
                            raw_ratio_fastest=(round(big["fastest"] / big["raw_median"], 1)
                                               if big["raw_median"] else None),
                            raw_ratio=round(big["raw_ratio"], 1) if big.get("raw_ratio") else None)
                item["meets"] = {"size": item["size_ratio"] <= GOAL_SIZE,
                                 "raw": item["raw_ratio"] is not None and item["raw_ratio"] <= GOAL_RAW}
            pages.append(item)
    data = {
        "machine": machine(),
        "databases": {backend: runs[SIZES[0]]["database_version"] for backend, runs in backends.items()},
        "generated": {backend: {size: {"rows": sum(run["generated_rows"].values()),
                                       "seconds": round(run["seconds"]["generate"], 1)}
                                for size, run in runs.items()} for backend, runs in backends.items()},
        "runs": {"pages": RUNS, "heavy": HEAVY_RUNS},
        "goals": {"size_ratio": GOAL_SIZE, "raw_ratio": GOAL_RAW},
        "definition": ("size_ratio = median time at 40 agencies / median time at 1 agency, same agency, same page; "
                       "raw_ratio = median page time / median time of replaying the page's SELECT statements "
                       "raw through connection.cursor() and fetching every row (at 40 agencies); the *_fastest "
                       "ratios use the fastest request instead of the median (less sensitive to other load on a "
                       "shared machine)"),
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
        "Generated region: " + "; ".join(
            f"{backend}: " + ", ".join(f"{size} instansi {g['rows']:,} baris in {g['seconds']} s"
                                       for size, g in sizes.items())
            for backend, sizes in data["generated"].items()),
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
            f"{item['raw_ratio']}{mark(item['meets']['raw'])} | {item['raw_ratio_fastest']} |")
    text = README.read_text()
    block = "\n".join([START, *lines, END])
    if START in text:
        text = text[:text.index(START)] + block + text[text.index(END) + len(END):]
    else:
        text = text.rstrip() + "\n\n## Pages at 1 and at 40 agencies (`make bench`)\n\n" + block + "\n"
    README.write_text(text)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--backend", choices=["sqlite", "postgresql"])
    parser.add_argument("--report", action="store_true")
    parser.add_argument("--size", type=int)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    if args.size:
        measure(args.size, args.out)
    elif args.backend:
        run_backend(args.backend)
    if args.report:
        report()


if __name__ == "__main__":
    main()
