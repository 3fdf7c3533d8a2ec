"""`make bench-cluster`: the load run of `make bench-load` through a primary, a streaming replica, PgBouncer and
gunicorn, with the read-replica router on (kinerja.core.db_router, docs/scale.md §5). Not part of `make test`.

1. a throwaway PostgreSQL primary (Debian's server binaries, /usr/lib/postgresql/*/bin: initdb, pg_ctl) on
   127.0.0.1, and a streaming replica of it made by `pg_basebackup -R` (hot standby), each on a free port, in a
   temporary directory removed at the end;
2. PgBouncer (Debian's package `pgbouncer`) in transaction mode on 127.0.0.1 in front of both: the database
   `primary` and the database `replica`;
3. migrations and the data straight on the primary (bench/load.py: `generate_region load`, then the built-in
   agency); the replica receives them by streaming replication;
4. gunicorn (gthread) with settings bench.cluster_settings: DATABASE_URL through PgBouncer to the primary,
   DATABASE_REPLICA_URL through PgBouncer to the replica, KINERJA_READ_REPLICA = "replica";
5. LOAD_USERS (50) officials at once, as bench/load.py (log in, open the entry page, save and submit each figure,
   reopen the page), then each opens the agency dashboard at once (pinned to the primary: read-your-writes),
   waits out KINERJA_READ_YOUR_WRITES_SECONDS, and opens the dashboard and the API list of actuals again (now
   from the replica);
6. requests/s and p95 of the entry phase and of the whole run, the transactions each server committed (the
   replica's count shows it served the reads), the replica's lag, and the actuals lost, duplicated or changed
   (counted on the primary). Writes bench/results/cluster-<officials>.json; exits non-zero on a failed request or a
   problem in the data. Everything started is stopped, also on failure.

As root (a container), the PostgreSQL servers and PgBouncer run as the user `postgres` (runuser): neither runs
as root.
"""

import io
import json
import os
import pwd
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import load  # noqa: E402

WINDOW = float(os.environ.get("KINERJA_READ_YOUR_WRITES_SECONDS", "5"))
RESULTS = ROOT / "bench" / "results"
USER = "kinerja"


def server_bin() -> Path:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"), key=lambda p: int(p.parent.parent.name))
    if not found:
        raise SystemExit("PostgreSQL's server binaries are missing: apt-get install postgresql")
    return found[-1].parent


def pgbouncer_program() -> str:
    program = shutil.which("pgbouncer") or ("/usr/sbin/pgbouncer" if Path("/usr/sbin/pgbouncer").exists() else None)
    if program is None:
        raise SystemExit(
            "PgBouncer is missing: apt-get install pgbouncer (not in system-packages.txt: it is needed by this "
            "benchmark only, and the list knows only `run` and `test`)"
        )
    return program


class Cluster:
    """A primary, its streaming replica and PgBouncer, under one temporary directory."""

    def __init__(self) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix="kinerja-cluster-"))
        self.bin = server_bin()
        self.pgbouncer = pgbouncer_program()
        self.primary_port, self.replica_port, self.bouncer_port = (load.free_port() for _ in range(3))
        self.started: list[str] = []
        self.bouncer: subprocess.Popen | None = None
        self.owner = None
        if os.geteuid() == 0:  # PostgreSQL and PgBouncer refuse to run as root
            self.owner = pwd.getpwnam("postgres")
            os.chown(self.dir, self.owner.pw_uid, self.owner.pw_gid)

    def run(self, command: list[str], **kwargs) -> subprocess.CompletedProcess:
        command = ["runuser", "-u", "postgres", "--", *command] if self.owner else command
        return subprocess.run(command, check=True, cwd=self.dir, **kwargs)  # noqa: S603 (our own arguments)

    def data(self, name: str) -> Path:
        return self.dir / name

    def configure(self, name: str, port: int) -> None:
        settings = {
            "listen_addresses": "'127.0.0.1'",
            "port": str(port),
            "unix_socket_directories": f"'{self.dir}'",
            "max_connections": "200",
            "wal_level": "replica",
            "max_wal_senders": "5",
            "hot_standby": "on",
            "shared_buffers": "128MB",
        }
        with (self.data(name) / "postgresql.conf").open("a") as conf:
            conf.write("".join(f"{key} = {value}\n" for key, value in settings.items()))

    def pg_ctl(self, name: str, action: str) -> None:
        log = self.dir / f"{name}.log"
        mode = ["-m", "fast"] if action == "stop" else []
        self.run([str(self.bin / "pg_ctl"), "-D", str(self.data(name)), "-l", str(log), "-w", *mode, action])

    def start(self) -> None:
        self.run(
            [str(self.bin / "initdb"), "-D", str(self.data("primary")), "-U", USER, "--auth=trust", "-E", "UTF8"],
            stdout=subprocess.DEVNULL,
        )
        self.configure("primary", self.primary_port)
        self.pg_ctl("primary", "start")
        self.started.append("primary")
        # the replica: a base backup of the primary that streams from it (-R writes standby.signal and the
        # primary_conninfo), on a port of its own
        self.run(
            [
                str(self.bin / "pg_basebackup"),
                *("-h", "127.0.0.1", "-p", str(self.primary_port), "-U", USER),
                *("-D", str(self.data("replica")), "-R", "-X", "stream", "-c", "fast"),
            ]
        )
        self.configure("replica", self.replica_port)
        self.pg_ctl("replica", "start")
        self.started.append("replica")
        self.start_bouncer()

    def start_bouncer(self) -> None:
        (self.dir / "userlist.txt").write_text(f'"{USER}" ""\n')
        (self.dir / "pgbouncer.ini").write_text(
            "[databases]\n"
            f"primary = host=127.0.0.1 port={self.primary_port} dbname=kinerja_load\n"
            f"replica = host=127.0.0.1 port={self.replica_port} dbname=kinerja_load\n"
            "[pgbouncer]\n"
            f"listen_addr = 127.0.0.1\nlisten_port = {self.bouncer_port}\nunix_socket_dir =\n"
            f"auth_type = trust\nauth_file = {self.dir / 'userlist.txt'}\n"
            "pool_mode = transaction\nmax_client_conn = 400\ndefault_pool_size = 20\n"
            "ignore_startup_parameters = extra_float_digits,options\n"
            f"logfile = {self.dir / 'pgbouncer.log'}\n"
        )
        if self.owner:
            for path in self.dir.iterdir():
                if path.is_file():
                    os.chown(path, self.owner.pw_uid, self.owner.pw_gid)
        command = [self.pgbouncer, "-q", str(self.dir / "pgbouncer.ini")]  # -q: its log goes to the file only
        command = ["runuser", "-u", "postgres", "--", *command] if self.owner else command
        self.bouncer = subprocess.Popen(command, cwd=self.dir)  # noqa: S603 (our own arguments)
        wait_for_port(self.bouncer_port)

    def url(self, port: int, database: str) -> str:
        return f"postgres://{USER}@127.0.0.1:{port}/{database}"

    def stop(self) -> None:
        if self.bouncer is not None:
            self.bouncer.terminate()
            self.bouncer.wait(timeout=30)
        for name in reversed(self.started):
            try:
                self.pg_ctl(name, "stop")
            except subprocess.CalledProcessError:
                print(f"could not stop the {name} server (see {self.dir}/{name}.log)", file=sys.stderr)
                return  # keep the directory: its log says why
        shutil.rmtree(self.dir, ignore_errors=True)


def wait_for_port(port: int) -> None:
    import socket

    for _ in range(100):
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise SystemExit(f"nothing listens on 127.0.0.1:{port}")


def server_counts(url: str) -> dict:
    """Transactions committed and rows returned in kinerja_load on one server, read from that server."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        commits, returned = conn.execute(
            "SELECT xact_commit, tup_returned FROM pg_stat_database WHERE datname = 'kinerja_load'"
        ).fetchone()
    return {"commits": commits, "rows_returned": returned}


def replication(url: str) -> list[dict]:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        rows = conn.execute("SELECT state, sync_state, replay_lag::text FROM pg_stat_replication").fetchall()
    return [{"state": state, "sync": sync, "replay_lag": lag} for state, sync, lag in rows]


class ClusterOfficial(load.Official):
    """bench/load.py's official, who then reads the dashboard before and after the read-your-writes window."""

    def run(self) -> None:
        super().run()
        self.entered = time.perf_counter()
        agency = self.job["agency"]
        dashboard = f"/instansi/{agency}/dasbor/?tahun={load.YEAR}&triwulan={load.QUARTER}"
        self.call("dashboard-pinned", dashboard, expect=(200,))  # just wrote: the primary
        time.sleep(WINDOW + 0.5)
        self.call("dashboard-replica", dashboard, expect=(200,))  # the window passed: the replica
        self.call("api-actuals-replica", f"/api/v1/actuals/?year={load.YEAR}", expect=(200,))


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))] if ordered else 0.0


def gunicorn(cluster: Cluster, port: int) -> subprocess.Popen:
    env = dict(
        os.environ,
        DATABASE_URL=cluster.url(cluster.bouncer_port, "primary"),
        DATABASE_REPLICA_URL=cluster.url(cluster.bouncer_port, "replica"),
        DJANGO_SETTINGS_MODULE="bench.cluster_settings",
        KINERJA_READ_YOUR_WRITES_SECONDS=str(WINDOW),
    )
    command = [sys.executable, "-m", "gunicorn", "config.wsgi", "-b", f"127.0.0.1:{port}", "-k", "gthread"]
    command += ["-w", str(load.WORKERS), "--threads", str(load.THREADS), "--timeout", "120", "--log-level", "warning"]
    return subprocess.Popen(command, cwd=ROOT, env=env)  # noqa: S603 (our own interpreter and arguments)


def measure(cluster: Cluster) -> dict:
    began = time.perf_counter()
    load.prepare(cluster.url(cluster.primary_port, "postgres"))  # migrate + generate_region, on the primary
    from django.conf import settings
    from django.core.management import call_command

    call_command("load_agency", str(settings.KINERJA_BUILTIN_DATASET), stdout=io.StringIO())
    from kinerja.synthetic.vocabulary import DEFAULT_PASSWORD

    work = load.plan_of_work()
    primary_url = cluster.url(cluster.primary_port, "kinerja_load")
    replica_url = cluster.url(cluster.replica_port, "kinerja_load")
    before = {"primary": server_counts(primary_url), "replica": server_counts(replica_url)}
    port = load.free_port()
    server = gunicorn(cluster, port)
    base = f"http://127.0.0.1:{port}"
    try:
        setting = (
            f"primary :{cluster.primary_port}, replica :{cluster.replica_port}, PgBouncer :{cluster.bouncer_port} "
            f"(transaction mode), gunicorn {load.WORKERS} × {load.THREADS} on {base}"
        )
        officials, started, elapsed = load.run_officials(base, work, ClusterOfficial, DEFAULT_PASSWORD, setting, began)
    finally:
        server.terminate()
        server.wait(timeout=30)
    after = {"primary": server_counts(primary_url), "replica": server_counts(replica_url)}
    lag = replication(primary_url)
    problems = load.check(work)
    timings = [t for official in officials for t in official.timings if t[0] != "login-form"]
    errors = [e for official in officials for e in official.errors]
    entry_kinds = {"login", "entry-page", "save", "submit"}
    entry = [t for t in timings if t[0] in entry_kinds]
    entry_seconds = max(getattr(o, "entered", started) for o in officials) - started
    by_kind = defaultdict(list)
    for kind, seconds, _status in timings:
        by_kind[kind].append(seconds)
    return {
        "officials": len(work),
        "actuals_sent": sum(len(job["figures"]) for job in work),
        "entry_phase": {
            "requests": len(entry),
            "seconds": round(entry_seconds, 2),
            "requests_per_second": round(len(entry) / entry_seconds, 1),
            "p95_ms": round(p95([t[1] for t in entry]) * 1000, 1),
        },
        "whole_run": {
            "requests": len(timings),
            "seconds": round(elapsed, 2),
            "requests_per_second": round(len(timings) / elapsed, 1),
            "p95_ms": round(p95([t[1] for t in timings]) * 1000, 1),
            "note": f"includes each official's {WINDOW + 0.5} s wait for the read-your-writes window",
        },
        "by_kind": {kind: {"count": len(v), "p95_ms": round(p95(v) * 1000, 1)} for kind, v in sorted(by_kind.items())},
        "transactions_committed": {name: after[name]["commits"] - before[name]["commits"] for name in after},
        "rows_returned": {name: after[name]["rows_returned"] - before[name]["rows_returned"] for name in after},
        "replication": lag,
        "server_errors": sum(1 for t in timings if t[2] >= 500 or t[2] == 0),
        "errors": errors[:50],
        "problems": problems[:50],
        "lost_or_duplicated_actuals": len(problems),
        "gunicorn": {"workers": load.WORKERS, "threads": load.THREADS},
        "read_your_writes_seconds": WINDOW,
        "cores": os.cpu_count(),
    }


def main() -> None:
    cluster = Cluster()
    try:
        cluster.start()
        result = measure(cluster)
    finally:
        cluster.stop()
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"cluster-{result['officials']}.json").write_text(json.dumps(result, indent=1))
    print(json.dumps(result, indent=1))
    entry, whole = result["entry_phase"], result["whole_run"]
    print(
        f"\n{result['officials']} officials: entry {entry['requests_per_second']} requests/s, "
        f"p95 {entry['p95_ms']} ms; "
        f"whole run p95 {whole['p95_ms']} ms; transactions on the replica {result['transactions_committed']['replica']}"
        f", on the primary {result['transactions_committed']['primary']}; lost/duplicated/changed actuals: "
        f"{result['lost_or_duplicated_actuals']}; failed requests: {len(result['errors'])}"
    )
    if result["errors"] or result["problems"]:
        raise SystemExit(f"{len(result['errors'])} failed requests, {len(result['problems'])} problems in the data")


if __name__ == "__main__":
    main()
