"""The documents page shows what changed since the decree was enacted, and links to both prints: the enacted version,
printed exactly as enacted, and the draft (KONSEP) of the next version, printed from the data as it is now."""

import html
import re

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import formats, timezone, translation

from kinerja.reports.catalogue import DECREE, Request, build_document
from kinerja.reports.decree import build_decree
from kinerja.reports.document import as_printed, to_data
from kinerja.reports.models import EnactedDecree
from kinerja.reports.selectors import get_decree_changes
from kinerja.reports.services import enact_decree
from kinerja.strategy.models import PageIndicator
from kinerja.strategy.selectors import get_current_plan

from .readback import normalise, pdf_text

SEED = "halut-diskominfo"
RENAMED = "Jumlah naskah kebijakan persandian yang ditetapkan sesudah penetapan"


def page(client, year=2022) -> str:
    response = client.get(reverse("documents", args=[SEED]) + f"?tahun={year}")
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def enacted_on(enacted: EnactedDecree) -> str:
    with translation.override("id"):
        return formats.date_format(timezone.localtime(enacted.enacted_at), "j F Y")


def rename_a_page_row(seed) -> tuple[PageIndicator, str]:
    row = PageIndicator.objects.select_related("indicator").get(
        position__code="kasi-tata-kelola", indicator__code="kasi-tata-kelola.O1.I1", position__agency=seed
    )
    before, row.printed_name = row.name, RENAMED
    row.save()
    return row, before


def test_a_decree_never_enacted_shows_no_changes_section(client, world, seed):
    client.force_login(world.planner)
    text = page(client)
    assert "Belum ditetapkan" in text and "Perubahan sejak ditetapkan" not in text


def test_right_after_enacting_the_planner_reads_that_nothing_changed(client, world, seed):
    enacted = enact_decree(actor=world.planner, plan=get_current_plan(seed), year=2022)
    client.force_login(world.planner)
    text = page(client)
    assert f"Perubahan sejak ditetapkan (versi 1, tanggal {enacted_on(enacted)})" in text
    assert "Tidak ada perubahan sejak ditetapkan." in text
    assert "data-draft-print" not in text


def test_a_change_after_enacting_is_listed_and_both_prints_are_reached_from_the_page(client, world, seed):
    plan = get_current_plan(seed)
    enacted = enact_decree(actor=world.planner, plan=plan, year=2022)
    frozen = enacted.document
    _, before = rename_a_page_row(seed)
    client.force_login(world.planner)
    text = page(client)
    assert (
        "Indikator kasi-tata-kelola.O1.I1 di halaman KEPALA SEKSI TATA KELOLA PERSANDIAN: "
        f"nama '{before}' → '{RENAMED}'"
    ) in text
    assert "Tidak ada perubahan" not in text
    links = dict(re.findall(r'<a href="([^"]+)"[^>]*data-(enacted|draft)-print', text))
    assert set(links.values()) == {"enacted", "draft"}
    prints = {kind: normalise(pdf_text(client.get(link).content)) for link, kind in links.items()}
    # the enacted version prints exactly as enacted: the old wording, no KONSEP
    assert normalise(before) in prints["enacted"] and normalise(RENAMED) not in prints["enacted"]
    assert "KONSEP" not in prints["enacted"]
    # the draft prints the change, marked KONSEP
    assert normalise(RENAMED) in prints["draft"]
    assert prints["draft"].count(normalise(before)) == prints["enacted"].count(normalise(before)) - 1
    assert "KONSEP" in prints["draft"]
    enacted.refresh_from_db()
    assert enacted.document == frozen


def test_a_long_list_is_folded_and_grouped(client, world, seed):
    plan = get_current_plan(seed)
    enact_decree(actor=world.planner, plan=plan, year=2022)
    rows = PageIndicator.objects.filter(position__agency=seed).order_by("pk")[:9]
    for number, row in enumerate(rows, 1):
        row.printed_data_source = f"Sumber data baru {number}"
        row.save()
    client.force_login(world.planner)
    text = page(client)
    assert "<details>" in text and "9 perubahan" in text and "<h4>Baris halaman IKI</h4>" in text
    assert text.count('data-change="changed"') == 9


def test_the_head_of_agency_sees_the_changes_but_no_enact_button(logged_in, world, seed):
    enact_decree(actor=world.planner, plan=get_current_plan(seed), year=2022)
    rename_a_page_row(seed)
    text = page(logged_in)
    assert RENAMED in text and "Tetapkan keputusan" not in text


def test_the_selector_reads_the_enacted_version_in_one_query_when_given_the_draft(
    world, seed, django_assert_num_queries
):
    plan = get_current_plan(seed)
    enact_decree(actor=world.planner, plan=plan, year=2022)
    rename_a_page_row(seed)
    draft = build_decree(plan, 2022)
    with django_assert_num_queries(1):
        changes = get_decree_changes(plan, 2022, draft)
    assert changes.version == 1 and changes.changes.count == 1
    with CaptureQueriesContext(connection) as building:
        build_decree(plan, 2022)
    with django_assert_num_queries(len(building) + 1):
        assert get_decree_changes(plan, 2022).changes.count == 1
    assert get_decree_changes(plan, 2023) is None


@pytest.mark.parametrize("changed_rows", [0, 12])
def test_the_page_costs_one_query_more_once_enacted_however_much_changed(
    client, world, seed, changed_rows, django_assert_num_queries
):
    client.force_login(world.planner)
    with CaptureQueriesContext(connection) as never_enacted:
        page(client)
    enact_decree(actor=world.planner, plan=get_current_plan(seed), year=2022)
    for row in PageIndicator.objects.filter(position__agency=seed).order_by("pk")[:changed_rows]:
        row.printed_data_source = f"{row.data_source} (diperbarui)"
        row.save()
    with django_assert_num_queries(len(never_enacted) + 1):
        text = page(client)
    assert f"{changed_rows} perubahan" in text if changed_rows else "Tidak ada perubahan" in text


def test_a_version_enacted_before_the_cells_kept_codes_still_reads_as_unchanged(client, world, seed):
    plan = get_current_plan(seed)
    decree = plan.decrees.get(year=2022)
    frozen = as_printed(to_data(build_decree(plan, 2022)))
    assert frozen != to_data(build_decree(plan, 2022))  # today's build carries the codes, the old version does not
    EnactedDecree.objects.create(decree=decree, version=1, document=frozen)
    assert not build_document(DECREE, Request(seed, plan, 2022)).is_draft
    with pytest.raises(ValidationError, match="Tidak ada perubahan sejak versi 1"):
        enact_decree(actor=world.planner, plan=plan, year=2022)
    client.force_login(world.planner)
    assert "Tidak ada perubahan sejak ditetapkan." in page(client)
    rename_a_page_row(seed)
    assert RENAMED in page(client)  # matched by its words: the old name removed, the new one added
