"""Every page reachable by links from the home page, crawled as the administrator on the built-in agency with
example figures: no page answers 5xx, and no page refers to a script, style, font or image on another host.

Same host and GET only (forms that post are not followed: logout, language, saving, enacting). The
administration is visited down to its model lists, not every row's form. A download (document, evidence, CSV,
the public decree) is fetched once per URL name, and a page is fetched with at most a few query strings.
"""

import re
import time
from collections import Counter, deque
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest
from django.urls import Resolver404, resolve

from kinerja.accounts.models import User
from kinerja.dashboard.services import set_published

HOST = "testserver"
DOWNLOADS = {"document-download", "evidence-download", "public-decree", "public-csv"}
QUERIES_PER_PATH = 3
PAGES_PER_NAME = 40
RESOURCE_ATTRIBUTES = {  # tag → attributes whose URL the browser loads by itself
    "script": ("src",),
    "link": ("href",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "iframe": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "input": ("src",),
    "image": ("href", "xlink:href"),
    "use": ("href", "xlink:href"),
}
CSS_URL = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"])([^'")\s]+)""")


class Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.resources: list[tuple[str, str]] = []
        self.styles: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        values = dict(attrs)
        if tag == "a" and values.get("href"):
            self.links.append(values["href"])
        for name in RESOURCE_ATTRIBUTES.get(tag, ()):
            value = values.get(name)
            if value:
                for part in value.split(",") if name == "srcset" else [value]:
                    self.resources.append((f"<{tag} {name}>", part.strip().split(" ")[0]))
        if values.get("style"):
            self.styles.append(values["style"])
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.styles.append(data)


def elsewhere(url: str) -> bool:
    """A URL on another host (a scheme-relative //host/… too); data: URIs are local."""
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "mailto", "tel", "javascript"):
        return False
    return bool(parts.netloc) and parts.netloc != HOST


def url_name(path: str) -> str | None:
    try:
        return resolve(path).view_name
    except Resolver404:
        return None


def wanted(path: str) -> bool:
    if path.startswith("/admin/"):  # the administration down to its model lists
        return re.fullmatch(r"/admin/([\w-]+/([\w-]+/)?)?", path) is not None
    return path not in ("/keluar/", "/i18n/setlang/")


@pytest.fixture
def administrator(seed, example_figures):
    set_published(actor=None, agency=seed, published=True)  # so that the public pages are linked too
    return User.objects.create_superuser("admin-crawl", password="x-Admin-crawl-123")


@pytest.mark.slow
def test_every_page_reachable_from_home_answers_and_loads_nothing_from_elsewhere(client, administrator):
    client.force_login(administrator)
    client.raise_request_exception = False
    started = time.monotonic()
    queue, seen = deque(["/"]), {"/"}
    per_path: Counter = Counter()
    per_name: Counter = Counter()
    statuses: dict[str, int] = {}
    problems: list[str] = []
    stylesheets: set[str] = set()
    while queue:
        url = queue.popleft()
        response = client.get(url)
        statuses[url] = response.status_code
        if response.status_code >= 500:
            problems.append(f"{url}: {response.status_code}")
            continue
        if response.status_code in (301, 302, 303, 307, 308):
            links = [response["Location"]]
        elif "text/html" in response.get("Content-Type", ""):
            parser = Page()
            parser.feed(response.content.decode())
            links = parser.links
            for where, resource in parser.resources:
                if elsewhere(urljoin(url, resource)):
                    problems.append(f"{url}: {where} {resource}")
                elif where == "<link href>" and resource.endswith(".css"):
                    stylesheets.add(urljoin(url, resource))
            for style in parser.styles:
                problems += [f"{url}: style url {found}" for found in CSS_URL.findall(style) if elsewhere(found)]
        else:
            continue
        for link in links:
            target = urljoin(url, link.split("#")[0])
            parts = urlsplit(target)
            if elsewhere(target) or not target or parts.scheme not in ("", "http"):
                continue  # a link to another site is not loaded by the page (an agency's own website)
            local = parts.path + (f"?{parts.query}" if parts.query else "")
            if local in seen or not wanted(parts.path):
                continue
            name = url_name(parts.path)
            limit = 1 if name in DOWNLOADS else PAGES_PER_NAME
            if per_name[name] >= limit or per_path[parts.path] >= QUERIES_PER_PATH:
                continue
            seen.add(local)
            per_name[name] += 1
            per_path[parts.path] += 1
            queue.append(local)
    for sheet in stylesheets:  # fonts and images a stylesheet loads
        response = client.get(sheet)
        body = (b"".join(response.streaming_content) if response.streaming else response.content).decode()
        problems += [f"{sheet}: url {found}" for found in CSS_URL.findall(body) if elsewhere(found)]
    elapsed = time.monotonic() - started
    print(f"crawled {len(statuses)} URLs in {elapsed:.1f} s; by name: {dict(per_name.most_common(12))}")
    assert problems == [], "\n".join(problems)
    reached = {url_name(urlsplit(url).path) for url in statuses}
    # the crawl really went through the application, this app's pages included
    for name in (
        "agency-overview",
        "plan-detail",
        "position-page",
        "indicator-detail",
        "documents",
        "document-download",
        "dashboard",
        "performance-tree",
        "region-view",
        "public-page",
        "public-csv",
        "admin:index",
    ):
        assert name in reached, f"{name} was not reached by links from the home page"
    assert all(status < 500 for status in statuses.values())


def test_the_parser_finds_what_another_host_would_serve():
    page = Page()
    page.feed(
        '<link rel="stylesheet" href="https://cdn.example.org/x.css"><script src="//cdn.example.org/x.js">'
        '</script><img srcset="/a.png 1x, https://img.example.org/b.png 2x"><a href="https://pemda.go.id">'
        '</a><style>@font-face { src: url("https://fonts.example.org/f.woff2") }</style>'
        '<img src="data:image/png;base64,AAAA">'
    )
    foreign = [url for _, url in page.resources if elsewhere(url)]
    assert foreign == ["https://cdn.example.org/x.css", "//cdn.example.org/x.js", "https://img.example.org/b.png"]
    assert page.links == ["https://pemda.go.id"]
    assert [url for style in page.styles for url in CSS_URL.findall(style)] == ["https://fonts.example.org/f.woff2"]
