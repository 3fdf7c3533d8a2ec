"""The entry page shows its state: the preview of a refused save, read-only rows, a closed quarter before any
typing, the counter after an htmx save, targets that do not read as missing, an empty quarter without
achievement."""

import html
import re
from decimal import Decimal

import pytest
from django.urls import reverse

from kinerja.performance import workflow
from kinerja.performance.models import Actual
from kinerja.performance.services import record_actual, set_target
from kinerja.strategy.models import Indicator

KASI = "kasi-tata-kelola"


def text(response) -> str:
    return html.unescape(response.content.decode())


def row_html(page: str, prefix: str) -> str:
    start = page.index(f'id="row-{prefix}"')
    return page[start : page.index("</section>", start)]


@pytest.fixture
def count(seed) -> Indicator:
    """The count indicator on the section head's page (kabid-persandian verifies it)."""
    return Indicator.objects.get(plan__agency=seed, code="kasi-tata-kelola.O1.I1")


def enter(world, count, value: str) -> Actual:
    return record_actual(
        actor=world.section_head,
        indicator=count,
        year=2022,
        quarter=2,
        value=Decimal(value),
        numerator=None,
        denominator=None,
    )


def urls(seed, count, action="entry-save") -> str:
    return reverse(action, args=[seed.code, KASI, count.code]) + "?tahun=2022&triwulan=2"


def page_of(client, seed) -> str:
    return text(client.get(reverse("entry-page", args=[seed.code, KASI]) + "?tahun=2022&triwulan=2"))


def prefix_of(count) -> str:
    return count.code.replace(".", "_")


def test_a_refused_save_previews_what_was_typed_and_cannot_be_sent(client, world, seed, count):
    saved = enter(world, count, "7")
    client.force_login(world.section_head)
    prefix = prefix_of(count)
    response = client.post(
        urls(seed, count), {f"{prefix}-value": "9", f"{prefix}-version": "2000-01-01"}, HTTP_HX_REQUEST="true"
    )  # stale: refused by the service
    row = text(response)
    assert "baru saja diubah" in row
    preview = row[row.index('class="preview-value"') :]
    assert preview[preview.index(">") + 1 : preview.index("<")] == "9"  # what was typed, not the saved 7
    button = re.search(r"<button[^>]*>Kirim untuk diverifikasi", row)
    assert button and "disabled" in button.group(0)
    assert Actual.objects.get(pk=saved.pk).value == Decimal(7)
    response = client.post(urls(seed, count), {f"{prefix}-value": "abc"}, HTTP_HX_REQUEST="true")
    assert "bukan angka" in text(response).split('id="preview-')[1]  # the preview names the typed problem
    # once saved, the button is there again
    current = workflow.version_of(Actual.objects.get(pk=saved.pk))
    row = text(
        client.post(urls(seed, count), {f"{prefix}-value": "9", f"{prefix}-version": current}, HTTP_HX_REQUEST="true")
    )
    button = re.search(r"<button[^>]*>Kirim untuk diverifikasi", row)
    assert button and "disabled" not in button.group(0)
    assert Actual.objects.get(pk=saved.pk).value == Decimal(9)


@pytest.mark.parametrize("state", ["submitted", "verified"])
def test_submitted_and_verified_rows_are_plain_text(client, world, seed, count, state):
    actual = workflow.submit_actual(actor=world.section_head, actual=enter(world, count, "4"))
    if state == "verified":
        workflow.verify_actual(actor=world.division_head, actual=actual)
    client.force_login(world.section_head)
    row = row_html(page_of(client, seed), prefix_of(count))
    assert f'name="{prefix_of(count)}-value"' not in row and "<textarea" not in row
    assert 'class="readonly-value">4<' in row
    assert "Simpan" not in row


def test_a_closed_quarter_is_announced_before_typing_and_has_no_inputs(client, world, seed, count):
    enter(world, count, "4")
    workflow.close_period(actor=world.planner, agency=seed, year=2022, quarter=2)
    client.force_login(world.section_head)
    page = page_of(client, seed)
    banner = page.index('id="closed-banner"')
    assert banner < page.index('class="entry-row')
    assert "ditutup" in page[banner : page.index("</div>", banner)]
    assert f'name="{prefix_of(count)}-value"' not in page and "<textarea" not in page
    assert "Kirim untuk diverifikasi" not in page
    open_page = text(client.get(reverse("entry-page", args=[seed.code, KASI]) + "?tahun=2022&triwulan=3"))
    assert 'id="closed-banner"' not in open_page and f'name="{prefix_of(count)}-value"' in open_page


def test_an_htmx_save_updates_the_counter_out_of_band(client, world, seed, count):
    client.force_login(world.section_head)
    before = re.search(r'id="entry-summary"[^>]*><strong>(\d+)</strong> dari (\d+)', page_of(client, seed))
    assert before, "the counter of empty rows"
    response = text(
        client.post(
            urls(seed, count),
            {f"{prefix_of(count)}-value": "2", f"{prefix_of(count)}-version": "baru"},
            HTTP_HX_REQUEST="true",
        )
    )
    summary = re.search(r'<p id="entry-summary"[^>]*hx-swap-oob="true"[^>]*>(.*?)</p>', response, re.S)
    assert summary, response[-600:]
    empty, total = int(before.group(1)), int(before.group(2))
    if empty > 1:
        assert f"<strong>{empty - 1}</strong> dari {total}" in summary.group(1)
    else:
        assert "Semua indikator sudah berisi" in summary.group(1)


def test_the_quarter_target_does_not_read_as_missing(client, world, seed, count):
    set_target(actor=world.planner, indicator=count, kind="quarter", year=2022, quarter=2, value=Decimal("6"))
    client.force_login(world.section_head)
    row = row_html(page_of(client, seed), prefix_of(count))
    targets = row[row.index('class="small entry-targets"') :]
    targets = targets[: targets.index("</p>")]
    assert "Target Triwulan II: <strong>6</strong>" in targets
    assert "belum" not in targets  # "not filled yet" is said of the actual, on its own line
    assert "belum ada realisasi Triwulan II" in row


def test_an_empty_quarter_shows_no_achievement_up_to_it(client, world, seed):
    iku2 = Indicator.objects.get(plan__agency=seed, code="IKU.2")  # a ratio whose year is its last quarter
    set_target(actor=world.planner, indicator=iku2, kind="year", year=2022, value=Decimal("80"))
    set_target(actor=world.planner, indicator=iku2, kind="quarter", year=2022, quarter=1, value=Decimal("70"))
    record_actual(
        actor=world.head_of_agency,
        indicator=iku2,
        year=2022,
        quarter=1,
        value=None,
        numerator=Decimal(150),
        denominator=Decimal(196),
    )
    client.force_login(world.head_of_agency)
    page = text(client.get(reverse("entry-page", args=[seed.code, "kadis"]) + "?tahun=2022&triwulan=2"))
    row = row_html(page, "IKU_2")
    achievement = row[row.index('class="preview-achievement"') :]
    achievement = achievement[: achievement.index("</strong>")]
    assert "%" not in achievement and "—" in achievement
    q1 = text(client.get(reverse("entry-page", args=[seed.code, "kadis"]) + "?tahun=2022&triwulan=1"))
    achievement = row_html(q1, "IKU_2")
    achievement = achievement[achievement.index('class="preview-achievement"') :]
    assert "%" in achievement[: achievement.index("</strong>")]  # quarter I has its actual: its achievement shows
