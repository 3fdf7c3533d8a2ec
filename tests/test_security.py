"""The site's defences: Content-Security-Policy on every page and nothing inline that it would block, CSRF
on every form, no public media URL, and production settings that pass `check --deploy`."""

import datetime
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path
from urllib.parse import urldefrag

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kinerja.organisation.models import Assignment, Official
from kinerja.performance.models import Evidence

TEMPLATES = Path(settings.BASE_DIR) / "kinerja" / "templates"
CSP = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; "
    "base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)
LINK = re.compile(r'href="(/[^"]*)"')
SCRIPT = re.compile(r"<script\b([^>]*)>", re.IGNORECASE)
TAG = re.compile(r"<[a-zA-Z][^>]*>", re.DOTALL)
EVENT_HANDLER = re.compile(r"""\s(?:on[a-z]+|hx-on[:\-][\w:-]*)\s*=""", re.IGNORECASE)
STYLE_ATTRIBUTE = re.compile(r"""\sstyle\s*=""", re.IGNORECASE)
POST_FORM = re.compile(r"""<form\b[^>]*\bmethod\s*=\s*["']?post["']?[^>]*>(.*?)</form>""", re.IGNORECASE | re.DOTALL)


def inline_problems(text: str) -> list[str]:
    """Everything in a page or template that a strict CSP blocks: inline scripts, handlers, styles."""
    problems = []
    for match in SCRIPT.finditer(text):
        attributes = match.group(1)
        if "src=" not in attributes and "application/json" not in attributes:
            problems.append(f"inline script: {match.group(0)}")
    for tag in TAG.findall(text):
        if EVENT_HANDLER.search(tag):
            problems.append(f"event handler: {tag}")
        if STYLE_ATTRIBUTE.search(tag):
            problems.append(f"style attribute: {tag}")
    if re.search(r"<style\b", text, re.IGNORECASE):
        problems.append("<style> element")
    if re.search(r"""=\s*["']?\s*javascript:""", text, re.IGNORECASE):
        problems.append("javascript: URL")
    return problems


def test_the_problem_finder_finds_what_the_csp_would_block():
    page = """<select onchange="this.form.submit()"></select><p style="color:red"></p><script>alert(1)</script>
              <a href="javascript:alert(1)">x</a><button hx-on:click="go()"></button>"""
    assert len(inline_problems(page)) == 5
    assert (
        inline_problems(
            '<script src="/static/x.js" defer></script>'
            '<script id="d" type="application/json">{"a": 1}</script><select data-autosubmit>'
        )
        == []
    )


def test_no_template_has_an_inline_script_event_handler_or_style():
    problems = {
        str(path.relative_to(TEMPLATES)): found
        for path in TEMPLATES.rglob("*.html")
        if (found := inline_problems(path.read_text()))
    }
    assert problems == {}


def test_every_post_form_of_every_template_carries_a_csrf_token():
    forms = 0
    missing = []
    for path in TEMPLATES.rglob("*.html"):
        for form in POST_FORM.finditer(path.read_text()):
            forms += 1
            if "{% csrf_token %}" not in form.group(1):
                missing.append(f"{path.relative_to(TEMPLATES)}: {form.group(0)[:80]}")
    assert forms >= 5  # the scan does find the forms (login, logout, language, targets, entry)
    assert missing == []


def crawl(client, start: list[str]) -> dict[str, object]:
    """Every page reachable by links from `start`, with its response (downloads and the admin left out)."""
    seen: dict[str, object] = {}
    queue = list(start)
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        response = seen[url] = client.get(url)
        if response.status_code == 302 and response.url.startswith("/"):  # the menu's "Realisasi": on to a page
            queue.append(urldefrag(response.url)[0])
            continue
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        for link in LINK.findall(response.content.decode()):
            link = urldefrag(link)[0]
            if link.startswith(("/admin/", "/static/", "/keluar/", "/i18n/")) or "/dokumen/" in link:
                continue
            queue.append(link)
    return seen


def assert_protected(url: str, response) -> None:
    assert response["Content-Security-Policy"] == CSP, url
    assert response["Referrer-Policy"] == "same-origin", url
    assert response["X-Content-Type-Options"] == "nosniff", url
    assert response["X-Frame-Options"] == "DENY", url


@pytest.mark.slow
def test_every_page_answers_with_the_security_headers_and_nothing_inline(client, seed, django_user_model):
    assert_protected("login", client.get(reverse("login")))
    assert_protected("anonymous home", client.get("/"))
    user = django_user_model.objects.create_superuser("super", password="x-Super-123")  # reads and plans all
    official = Official.objects.create(
        region=seed.region, name="Pelaksana Tugas Uji", nip="199101012015011001", user=user
    )  # and, as acting head of agency, enters its actuals
    Assignment.objects.create(
        official=official, position=seed.positions.get(code="kadis"), start=datetime.date(2022, 1, 1), acting=True
    )
    client.force_login(user)
    pages = crawl(
        client,
        [
            "/",
            reverse("entry-page", args=[seed.code, "kadis"]) + "?tahun=2022&triwulan=2",
            reverse("agency-targets", args=[seed.code]),
        ],
    )
    assert len(pages) > 90
    for url, response in pages.items():
        assert response.status_code == (302 if url == reverse("my-entry") else 200), url
        assert_protected(url, response)
        if "text/html" in response.get("Content-Type", ""):  # a page, not a download (workbook, CSV)
            assert inline_problems(response.content.decode()) == [], url
    assert_protected("404", client.get("/tidak-ada/"))
    download = client.get(reverse("document-download", args=[seed.code, "keputusan-iku-iki", "docx"]) + "?tahun=2022")
    assert_protected("download", download)
    for url in (reverse("admin:index"), reverse("admin:strategy_indicator_changelist")):
        assert_protected(url, client.get(url))


def test_uploaded_evidence_is_never_served_from_a_media_url(logged_in, seed, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    upload = SimpleUploadedFile("../../bukti.pdf", b"%PDF-1.4\n%%EOF\n", content_type="application/pdf")
    url = reverse("entry-save", args=[seed.code, "kadis", "IKU.2"]) + "?tahun=2022&triwulan=2"
    response = logged_in.post(
        url, {"IKU_2-numerator": "150", "IKU_2-denominator": "196", "IKU_2-evidence": upload}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    evidence = Evidence.objects.get()
    stored = Path(evidence.file.path)
    assert stored.is_file() and stored.is_relative_to(tmp_path / "evidence")  # "../" did not climb out
    assert evidence.original_name == "bukti.pdf"
    # Even knowing the stored name, no URL serves the file but the access-checked download.
    for guess in (
        f"/media/{evidence.file.name}",
        f"/{evidence.file.name}",
        "/media/evidence/",
        "/media/../var/kinerja.sqlite3",
        f"/static/../media/{evidence.file.name}",
    ):
        assert logged_in.get(guess).status_code == 404, guess
    assert logged_in.get(reverse("evidence-download", args=[seed.code, evidence.pk])).status_code == 200


def run_with_prod_settings(code: str, **env: str) -> subprocess.CompletedProcess:
    # A clean environment, as on a server: only what is given (the suite itself sets e.g. DEBUG or
    # DJANGO_ALLOW_ASYNC_UNSAFE, which the deployment check rightly refuses).
    environment = {key: os.environ[key] for key in ("PATH", "HOME", "LANG", "TMPDIR") if key in os.environ}
    environment.update(DJANGO_SETTINGS_MODULE="config.settings.prod", **env)
    script = f"import django\ndjango.setup()\n{code}"
    return subprocess.run(
        [sys.executable, "-c", script],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_production_settings_pass_check_deploy_without_a_warning():
    result = run_with_prod_settings(
        'from django.core.management import call_command\ncall_command("check", "--deploy", "--fail-level", "WARNING")',
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="kinerja.example.go.id",
        DEBUG="1",
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "System check identified no issues (0 silenced)." in output
    assert "WARNING" not in output and "?:" not in output, output


def test_production_settings_are_https_only_and_never_debug():
    code = "\n".join(
        [
            "from django.conf import settings as s",
            "print(s.DEBUG, s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS, s.SESSION_COOKIE_SECURE,"
            " s.CSRF_COOKIE_SECURE,"
            " s.SECURE_PROXY_SSL_HEADER)",
        ]
    )
    result = run_with_prod_settings(
        code,
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="kinerja.example.go.id",
        DEBUG="1",
        SECURE_HSTS_SECONDS="300",
        SECURE_PROXY_SSL_HEADER="HTTP_X_FORWARDED_PROTO",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[0] == "False True 300 True True ('HTTP_X_FORWARDED_PROTO', 'https')"


def test_production_settings_refuse_to_start_without_their_secrets():
    no_key = run_with_prod_settings("", ALLOWED_HOSTS="kinerja.example.go.id")
    assert no_key.returncode != 0 and "SECRET_KEY must be set" in no_key.stderr
    no_hosts = run_with_prod_settings("", SECRET_KEY=secrets.token_urlsafe(50))
    assert no_hosts.returncode != 0 and "ALLOWED_HOSTS" in no_hosts.stderr
