"""The pages show the seed as the decree prints it, at a fixed number of queries."""

import html

import pytest
from django.urls import reverse

from conftest import PER_REQUEST_QUERIES
from kinerja.strategy.models import KeyIndicatorRow, PageIndicator


def text_of(response) -> str:
    return html.unescape(response.content.decode())


def test_every_iki_row_appears_on_its_position_page_with_objective_formula_and_unit(logged_in, seed):
    rows = PageIndicator.objects.filter(position__agency=seed).select_related("position", "objective", "indicator")
    pages: dict[str, str] = {}
    checked = 0
    for row in rows:
        code = row.position.code
        if code not in pages:
            response = logged_in.get(reverse("position-page", args=[seed.code, code]))
            assert response.status_code == 200
            pages[code] = text_of(response)
        page = pages[code]
        assert all(line in page for line in row.objective.text.split("\n")), (code, row.objective.text)
        assert row.name in page, (code, row.name)
        assert f"Satuan: {row.indicator.unit}" in page, (code, row.indicator.unit)
        if row.indicator.formula == "ratio":
            assert row.indicator.numerator in page and row.indicator.denominator in page
            assert "X 100%" in page
        elif row.definition:
            assert all(line in page for line in row.definition.split("\n")), (code, row.definition)
        assert row.data_source in page
        checked += 1
    assert checked == 71
    assert len(pages) == 17


def test_position_page_is_laid_out_like_lampiran_ii(logged_in, seed):
    response = logged_in.get(reverse("position-page", args=[seed.code, "kadis"]))
    page = text_of(response)
    for heading in (
        "JABATAN",
        "TUGAS",
        "FUNGSI",
        "SASARAN KINERJA",
        "INDIKATOR KINERJA INDIVIDU",
        "PENJELASAN/FORMULASI PENGHITUNGAN",
        "SUMBER DATA",
    ):
        assert heading in page
    assert "KEPALA DINAS" in page
    assert "Drs. Deky Tawaris, MM" in page


def test_strategic_plan_page_shows_goal_objectives_and_the_three_iku_rows(logged_in, seed):
    response = logged_in.get(reverse("plan-detail", args=[seed.code]))
    assert response.status_code == 200
    page = text_of(response)
    assert page.count('class="iku-row"') == 3
    for row in KeyIndicatorRow.objects.filter(plan__agency=seed).select_related("indicator__objective"):
        assert row.name in page
        assert row.objective_text in page
        assert row.responsible in page
    assert "TUJUAN STRATEGIS" in page


@pytest.mark.parametrize("position", ["kabid-opini", "kasubag-umum"])
def test_iki_page_costs_the_same_queries_for_a_small_and_a_large_page(
    logged_in, seed, position, django_assert_max_num_queries
):
    with django_assert_max_num_queries(16 + PER_REQUEST_QUERIES):
        response = logged_in.get(reverse("position-page", args=[seed.code, position]))
    assert response.status_code == 200  # a 404 would cost few queries and prove nothing
    assert PageIndicator.objects.filter(position__code=position, position__agency=seed).count() > 0


def test_query_count_does_not_grow_with_the_page(logged_in, seed):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts, rows = [], []
    for position in ("kabid-opini", "kasubag-umum", "kasi-media"):
        with CaptureQueriesContext(connection) as context:
            response = logged_in.get(reverse("position-page", args=[seed.code, position]))
        assert response.status_code == 200, position
        counts.append(len(context))
        rows.append(PageIndicator.objects.filter(position__code=position, position__agency=seed).count())
    assert len(set(rows)) > 1, rows  # pages of different sizes, or the equal counts prove nothing
    assert len(set(counts)) == 1, counts


@pytest.mark.parametrize(
    ("name", "max_queries"),
    [
        ("agency-overview", 20 + PER_REQUEST_QUERIES),
        ("plan-detail", 16 + PER_REQUEST_QUERIES),
        ("organisation-tree", 8 + PER_REQUEST_QUERIES),
    ],
)
def test_agency_pages_cost_a_fixed_number_of_queries(logged_in, seed, name, max_queries, django_assert_max_num_queries):
    with django_assert_max_num_queries(max_queries):
        response = logged_in.get(reverse(name, args=[seed.code]))
    assert response.status_code == 200


def test_indicator_page_lists_every_page_that_prints_it(logged_in, seed):
    response = logged_in.get(reverse("indicator-detail", args=[seed.code, "IKU.5"]))
    page = text_of(response)
    assert "Kepala Dinas" in page and "Kepala Bidang Persandian" in page


def test_unknown_agency_position_and_indicator_are_404(logged_in, seed):
    assert logged_in.get(reverse("agency-overview", args=["tidak-ada"])).status_code == 404
    assert logged_in.get(reverse("position-page", args=[seed.code, "tidak-ada"])).status_code == 404
    assert logged_in.get(reverse("indicator-detail", args=[seed.code, "X.9"])).status_code == 404


def test_pages_require_login(client, seed):
    response = client.get(reverse("agency-overview", args=[seed.code]))
    assert response.status_code == 302
    assert reverse("login") in response["Location"]


def test_interface_speaks_indonesian_by_default_and_english_on_request(logged_in, seed):
    url = reverse("agency-overview", args=[seed.code])
    assert "Ringkasan" in text_of(logged_in.get(url))
    logged_in.post(reverse("set_language"), {"language": "en", "next": url})
    assert "Overview" in text_of(logged_in.get(url))
