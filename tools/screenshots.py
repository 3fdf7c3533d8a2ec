"""`make screenshots`: the main pages as each person sees them, on a laptop and on a phone.

Starts Kinerja on a throwaway SQLite database in var/screenshots/ (migrate, bootstrap with the example figures,
the people of the test suite's conftest.py and an administrator), serves it with `runserver` on a free port,
logs in as each person in Debian's Chromium (Playwright, headless) and writes full-page screenshots to
var/screenshots/<width>/<person>-<page>.png. For every page it prints the document's width (scrollWidth)
against the viewport's: a page wider than the screen shows as a number. Then it plays the browser journeys of the
test suite (tests/browser/test_journeys.py: official, superior, inspectorate, head; axe and widths asserted), whose
pages go to var/screenshots/journeys/<laptop|phone>/<person>-<step>-<page>.png.

    .venv/bin/python tools/screenshots.py                     # everyone, every page, 1366 and 390 px
    .venv/bin/python tools/screenshots.py --people head --widths 390 --reuse --no-journeys   # quicker
"""

import argparse
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

BASE = Path(__file__).resolve().parent.parent
OUT = BASE / "var" / "screenshots"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
LAUNCH_ARGS = [
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AGENCY = "halut-diskominfo"
REGION = "halut"
PROVINCE = "maluku-utara"
HEIGHTS = {1366: 768, 390: 844}

# person -> (user name, the position whose IKI and entry page they open)
PEOPLE = {
    "official": ("kasi", "kasi-tata-kelola"),
    "head": ("kadis", "kadis"),
    "planner": ("perencana", "kadis"),
    "inspectorate": ("inspektur", "kadis"),
    "admin": ("admin", "kadis"),
}


def pages(position: str) -> dict[str, str]:
    at = f"/instansi/{AGENCY}"
    return {
        "home": "/",
        "overview": f"{at}/",
        "plan": f"{at}/renstra/",
        "iki": f"{at}/iki/{position}/",
        "indicator": f"{at}/indikator/IKU.2/",
        "entry": f"{at}/realisasi/{position}/",
        "verification": f"{at}/verifikasi/",
        "periods": f"{at}/periode/?tahun=2022",
        "dashboard": f"{at}/dasbor/",
        "tree": f"{at}/pohon-kinerja/",
        "documents": f"{at}/dokumen/",
        "evaluation": f"{at}/evaluasi-sakip/",
        "worksheet": f"{at}/evaluasi-sakip/2022/",
        "region": f"/wilayah/{REGION}/",
        "province": f"/provinsi/{PROVINCE}/",
        "national": "/nasional/",  # the administrator's
        "skp": f"{at}/skp/?tahun=2022",
        "skp-distribution": f"{at}/skp/distribusi/?tahun=2022",
        # the planner's pages (another person gets a 404 and no picture)
        "targets": f"{at}/target/",
        "consistency": f"{at}/konsistensi/",
        "history": f"{at}/riwayat/",
        "exchange": f"{at}/impor-ekspor/",
        "people": f"{at}/pegawai/",
        "organisation": f"{at}/organisasi/",
        "position-edit": f"{at}/organisasi/jabatan/kasi-tata-kelola/ubah/",
        "public": f"/publik/{AGENCY}/",
    }


def environment() -> dict[str, str]:
    return {
        **os.environ,
        "KINERJA_VAR_DIR": str(OUT),
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "DATABASE_URL": "",
    }


def manage(*args: str) -> None:
    subprocess.run(  # noqa: S603 (our own interpreter and arguments)
        [sys.executable, "manage.py", *args],
        cwd=BASE,
        env=environment(),
        check=True,
        stdout=subprocess.DEVNULL,
    )


def set_up_django() -> None:
    os.environ.update(environment())
    sys.path.insert(0, str(BASE))
    import django

    django.setup()


def set_up_database(password: str) -> None:
    """The built-in agency with example figures, the suite's people, an administrator, a 2022 evaluation."""
    manage("bootstrap")
    from conftest import create_people  # the test suite's people: kadis, kasi, perencana, inspektur …
    from kinerja.accounts.models import User
    from kinerja.evaluation.services import start_evaluation
    from kinerja.organisation.models import Agency

    agency = Agency.objects.get(code=AGENCY)
    create_people(agency)
    admin = User.objects.get(username="admin")
    admin.set_password(password)
    admin.save()
    start_evaluation(actor=User.objects.get(username="perencana"), agency=agency, year=2022)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve(port: int) -> subprocess.Popen:
    server = subprocess.Popen(  # noqa: S603
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=BASE,
        env=environment(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/masuk/", timeout=2)
            return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("the server did not start")


# The elements that stick out on the right, innermost first: what makes a page wider than its screen.
WIDE_ELEMENTS = """() => {
  const width = document.documentElement.clientWidth, found = [];
  const inScroller = el => {  // inside a container of its own that scrolls or clips: not the page's width
    for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
      if (getComputedStyle(up).overflowX !== "visible") return true;
    }
    return false;
  };
  const sticksOut = el => el.getBoundingClientRect().right > width + 1;
  const name = el => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "")
    + (typeof el.className === "string" && el.className ? "." + el.className.trim().split(/\\s+/).join(".") : "");
  for (const el of document.body.querySelectorAll("*")) {
    const box = el.getBoundingClientRect(), innermost = ![...el.children].some(sticksOut);
    if (sticksOut(el) && box.width > 0 && innermost && el.checkVisibility() && !inScroller(el)) {
      found.push(name(el) + " → " + Math.round(box.right));
    }
  }
  return found.slice(0, 5);
}"""


def settle(page, name: str) -> None:
    """Let the charts and the tree draw before the picture is taken."""
    page.wait_for_load_state("networkidle")
    if name == "tree" and page.locator("#performance-tree").count():
        page.locator("#performance-tree[data-ready='1']").wait_for(timeout=10000)
    page.wait_for_timeout(300)


def shoot(
    url: str, password: str, people: list[str], widths: list[int], explain: bool, only: list[str] | None = None
) -> list[tuple]:
    from playwright.sync_api import sync_playwright

    from conftest import PASSWORD

    rows = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=LAUNCH_ARGS)
        for width in widths:
            folder = OUT / str(width)
            folder.mkdir(parents=True, exist_ok=True)
            for person in people:
                username, position = PEOPLE[person]
                context = browser.new_context(viewport={"width": width, "height": HEIGHTS.get(width, 900)})
                page = context.new_page()
                page.goto(f"{url}/masuk/")
                page.fill("#id_username", username)
                page.fill("#id_password", password if username == "admin" else PASSWORD)
                with page.expect_navigation():
                    page.click("button[type=submit]")
                for name, path in pages(position).items():
                    if only and name not in only:
                        continue
                    response = page.goto(url + path)
                    status = response.status if response else 0
                    if status != 200:  # not this person's page (the region for an official, an entry page
                        # for someone without a position): no picture of an error page
                        print(f"{width:>5} {person:<13} {name:<13} {status} (not theirs)", flush=True)
                        continue
                    settle(page, name)
                    scroll = page.evaluate("document.documentElement.scrollWidth")
                    page.screenshot(path=str(folder / f"{person}-{name}.png"), full_page=True)
                    rows.append((width, person, name, status, scroll))
                    flag = "  OVERFLOW" if scroll > width else ""
                    print(
                        f"{width:>5} {person:<13} {name:<13} {status} scrollWidth {scroll:>5} / {width}{flag}",
                        flush=True,
                    )
                    if flag and explain:
                        for line in page.evaluate(WIDE_ELEMENTS):
                            print(f"{'':>20} {line}")
                    if name == "overview" and page.locator(".menu-button").is_visible():  # the menu, opened
                        page.click(".menu-button")
                        page.screenshot(path=str(folder / f"{person}-menu.png"))
                        page.click(".menu-button")
                context.close()
        browser.close()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", nargs="*", choices=list(PEOPLE), default=list(PEOPLE))
    parser.add_argument("--widths", nargs="*", type=int, default=[1366, 390])
    parser.add_argument("--explain", action="store_true", help="name the elements that stick out")
    parser.add_argument("--reuse", action="store_true", help="keep the database of the last run")
    parser.add_argument("--pages", nargs="*", choices=list(pages("kadis")), help="only these pages")
    parser.add_argument("--no-journeys", action="store_true", help="leave out the journeys of the test suite")
    options = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    password = "layar-" + "tangkap-123"  # the administrator's, on this throwaway database only
    fresh = not (options.reuse and (OUT / "kinerja.sqlite3").exists())
    if fresh:
        for name in ("kinerja.sqlite3", "media", "initial-admin-password.txt"):
            path = OUT / name
            shutil.rmtree(path) if path.is_dir() else path.unlink(missing_ok=True)
        manage("migrate", "--noinput")
    set_up_django()
    if fresh:
        set_up_database(password)
    port = free_port()
    server = serve(port)
    try:
        rows = shoot(
            f"http://127.0.0.1:{port}", password, options.people, options.widths, options.explain, options.pages
        )
    finally:
        server.terminate()
        server.wait(timeout=10)
    wide = [row for row in rows if row[4] > row[0]]
    report = OUT / "widths.tsv"
    report.write_text(
        "width\tperson\tpage\tstatus\tscrollWidth\n" + "".join("\t".join(map(str, row)) + "\n" for row in rows),
        encoding="utf-8",
    )
    print(f"\n{len(rows)} pages, {len(wide)} wider than the screen; screenshots in {OUT}, widths in {report}")
    if not options.no_journeys:
        journeys()


def journeys() -> None:
    """The journeys of the browser suite, with their screenshots (their own test database, not this one)."""
    env = {key: value for key, value in os.environ.items() if key not in ("KINERJA_VAR_DIR", "DJANGO_SETTINGS_MODULE")}
    env.update(KINERJA_SCREENSHOTS="1", DJANGO_ALLOW_ASYNC_UNSAFE="true", DATABASE_URL="")
    command = [
        sys.executable,
        "-m",
        "pytest",
        "-q",
        "-p",
        "no:randomly",
        "-m",
        "browser",
        "tests/browser/test_journeys.py",
    ]
    done = subprocess.run(command, cwd=BASE, env=env, check=False)  # noqa: S603 (our own interpreter and arguments)
    print(f"journeys: {'passed' if done.returncode == 0 else 'FAILED'}; screenshots in {OUT / 'journeys'}")
    if done.returncode:
        raise SystemExit(done.returncode)


if __name__ == "__main__":
    main()
