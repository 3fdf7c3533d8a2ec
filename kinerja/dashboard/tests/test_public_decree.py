"""The public decree PDF is printed once per enacted version and served from storage afterwards (issue 15,
item 8): a second request does not render, a new version is printed anew, and what is served is what the
renderer printed."""

from concurrent.futures import ThreadPoolExecutor

import pytest
from django.urls import reverse

from kinerja.dashboard.services import set_published
from kinerja.reports import render_pdf, stored
from kinerja.reports.models import EnactedDecree
from kinerja.reports.services import enact_decree
from kinerja.strategy.models import Decree
from kinerja.strategy.selectors import find_current_plan

SEED = "halut-diskominfo"


@pytest.fixture
def renders(monkeypatch) -> list[int]:
    """Counts the PDFs WeasyPrint prints: the real renderer, wrapped."""
    printed: list[int] = []
    real = render_pdf.render_pdf

    def counting(document):
        content = real(document)
        printed.append(len(content))
        return content

    monkeypatch.setattr(render_pdf, "render_pdf", counting)
    return printed


@pytest.fixture
def enacted(world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    set_published(actor=None, agency=world.agency, published=True)
    plan = find_current_plan(world.agency)
    year = plan.decrees.order_by("-year").first().year
    return enact_decree(actor=world.planner, plan=plan, year=year)


def _pdf(client) -> bytes:
    response = client.get(reverse("public-decree", args=[SEED]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    return response.getvalue()


def test_the_second_request_is_served_from_storage_without_rendering(client, enacted, renders, settings):
    first = _pdf(client)
    assert len(renders) == 1 and first.startswith(b"%PDF") and len(first) == renders[0]
    (stored,) = (settings.MEDIA_ROOT / "public" / SEED).glob("*.pdf")
    assert stored.read_bytes() == first
    modified = stored.stat().st_mtime_ns
    assert _pdf(client) == first
    assert len(renders) == 1 and stored.stat().st_mtime_ns == modified


def test_the_download_keeps_its_name_and_shows_inline(client, enacted):
    response = client.get(reverse("public-decree", args=[SEED]))
    year = enacted.decree.year
    assert response["Content-Disposition"] == f'inline; filename="keputusan-{SEED}-{year}-v1.pdf"'


def test_a_new_enacted_version_is_printed_once_in_its_turn(client, world, enacted, renders, settings):
    _pdf(client)
    Decree.objects.filter(pk=enacted.decree_id).update(number="800/ 9.b /2022")
    second = enact_decree(actor=world.planner, plan=enacted.decree.plan, year=enacted.decree.year)
    response = client.get(reverse("public-decree", args=[SEED]))
    assert response["Content-Disposition"].endswith('-v2.pdf"')
    response.getvalue()
    _pdf(client)
    assert len(renders) == 2
    assert len(list((settings.MEDIA_ROOT / "public" / SEED).glob("*.pdf"))) == 2
    assert EnactedDecree.objects.filter(pk=second.pk, version=2).exists()


def test_parallel_first_requests_render_once(enacted, renders):
    """Four requests at once for a version never printed: one prints, the others wait for its file."""
    with ThreadPoolExecutor(max_workers=4) as pool:
        files = list(pool.map(lambda _: stored.enacted_pdf(enacted, SEED), range(4)))
    assert len(renders) == 1
    assert len(set(files)) == 1 and files[0].startswith(b"%PDF")
    assert stored.enacted_pdf_path(enacted, SEED).read_bytes() == files[0]
