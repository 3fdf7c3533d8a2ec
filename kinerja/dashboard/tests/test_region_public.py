import csv
import io
import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kinerja.core.models import AuditRecord
from kinerja.core.numbers import format_number
from kinerja.dashboard import selectors
from kinerja.dashboard.models import Publication
from kinerja.dashboard.services import set_published
from kinerja.evaluation.models import Evaluation, WorksheetVersion
from kinerja.performance import achievement, workflow
from kinerja.performance.figures import get_plan_figures_by_year
from kinerja.performance.models import Actual
from kinerja.performance.selectors import get_measurements, kept
from kinerja.strategy.models import Indicator
from kinerja.strategy.selectors import find_current_plan

from .factory import make_agency, refresh_rollups

SEED = "halut-diskominfo"


# -- the regency view ------------------------------------------------------------------------------------


def test_the_region_lists_every_agency_with_its_figures(client, world, example_figures):
    region = world.agency.region
    other = make_agency("dinas-kedua", region=region, divisions=2, sections=2, indicators=2)
    refresh_rollups()  # the view reads roll-ups: rows written around the services are computed first
    client.force_login(world.bappeda)
    response = client.get(reverse("region-view", args=[region.code]) + "?tahun=2022&triwulan=1")
    html = response.content.decode()
    assert response.status_code == 200
    for code in (SEED, other.code):
        assert reverse("dashboard", args=[code]) in html
    view = selectors.get_region_view(region, 2022, 1)
    lines = {line.agency.code: line for line in view.lines}
    # the agency's mean is the mean of its IKI page rows by the performance rules
    plan = find_current_plan(world.agency)
    measurements = get_measurements(plan.indicators.all(), 2022)
    rows = [row.indicator_id for row in world.agency.positions.get(code="kadis").page_rows.all()]
    assert rows
    expected = [
        measurements[i].achievement_up_to(1)
        for pos in world.agency.positions.all()
        for i in pos.page_rows.values_list("indicator_id", flat=True)
    ]
    expected_rollup = achievement.rollup(expected)
    assert (lines[SEED].rollup.mean, lines[SEED].rollup.counted) == (
        kept(expected_rollup.mean),
        expected_rollup.counted,
    )
    assert lines[SEED].rollup.counted + lines[SEED].rollup.missing == len(expected) > 50
    # completeness of the generated agency: 2 of its 10 indicators have a verified first-quarter actual
    assert lines[other.code].completeness == Decimal(20)
    assert lines[SEED].sakip is None and "SAKIP" in html  # the column waits for the evaluation's scores


def test_the_same_indicator_is_compared_across_agencies(world):
    region = world.agency.region
    first = make_agency("dinas-a", region=region, divisions=1, sections=1, indicators=1)
    second = make_agency("dinas-b", region=region, divisions=1, sections=1, indicators=1)
    Indicator.objects.filter(plan__agency=second, code="IKU.0").update(name="  iku  0. ")  # spacing, case, dot
    refresh_rollups()
    view = selectors.get_region_view(region, 2022, 1)
    shared = {item.name: item for item in view.shared}
    assert "IKU 0" in shared
    assert set(shared["IKU 0"].by_agency) == {first.pk, second.pk}
    assert selectors.normalised("Persentase  Desa, yang terakses") == selectors.normalised(
        "persentase desa yang Terakses"
    )


def test_shared_indicators_are_listed_and_one_is_compared_per_agency(client, world, monkeypatch):
    from urllib.parse import quote

    from kinerja.dashboard import views

    region = world.agency.region
    first = make_agency("dinas-a", region=region, divisions=2, sections=2, indicators=2)
    second = make_agency("dinas-b", region=region, divisions=2, sections=2, indicators=2)
    # IKU 0 over the year (target 10, the last-quarter rule): dinas-a 3 of the factory → 30 %, dinas-b 5 → 50 %
    Indicator.objects.filter(plan__agency=second, code="IKU.0").update(name="  iku  0. ")
    Actual.objects.filter(indicator__plan__agency=second, indicator__code="IKU.0").update(value=Decimal(5))
    refresh_rollups()
    view = selectors.get_region_view(region, 2022, 4)
    item = {item.name: item for item in view.shared}["IKU 0"]
    values = [value for _, value in item.by_agency.values()]
    assert item.key == "iku 0" and item.lowest == min(values) and item.highest == max(values)
    assert (item.lowest, item.highest, item.rollup.mean) == (Decimal(30), Decimal(50), Decimal(40))
    assert item.rollup == achievement.rollup(values)
    client.force_login(world.bappeda)
    url = reverse("region-view", args=[region.code]) + "?tahun=2022&triwulan=4"
    monkeypatch.setattr(views, "SHARED_LISTED", 3)
    html = client.get(url).content.decode()
    assert 'id="shared-table"' in html and 'id="shared-agencies"' not in html  # the list, no per-agency table
    assert html.count("&amp;indikator=") == 3 and "semua=1" in html and 'id="shared-more"' in html
    everything = client.get(url + "&semua=1").content.decode()
    assert everything.count("&amp;indikator=") == len(view.shared) > 3 and 'id="shared-more"' not in everything
    chosen = client.get(url + "&indikator=" + quote(item.key)).content.decode()
    table = chosen[
        chosen.index('id="shared-agencies"') : chosen.index("</table>", chosen.index('id="shared-agencies"'))
    ]
    for agency in (first, second):
        assert reverse("indicator-detail", args=[agency.code, "IKU.0"]) in table
    assert table.count("<tr>") == 3  # the header and the two agencies that share it
    unknown = client.get(url + "&indikator=tidak-ada").content.decode()
    assert 'id="shared-agencies"' not in unknown and '<p class="muted" id="shared-chosen">' in unknown


def test_the_region_costs_a_fixed_number_of_queries(client, world):
    region = world.agency.region
    client.force_login(world.inspector)
    make_agency("dinas-awal", region=region, divisions=1, sections=1, indicators=1)  # some actuals to read
    refresh_rollups()
    counts = []
    for index in range(2):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("region-view", args=[region.code]) + "?tahun=2022").status_code == 200
        counts.append(len(queries))
        make_agency(f"dinas-tambah-{index}", region=region, divisions=3, sections=3, indicators=3)
        refresh_rollups()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("region-view", args=[region.code]) + "?tahun=2022").status_code == 200
    counts.append(len(queries))
    # one shared indicator compared per agency, or every shared indicator listed: the same statements
    with CaptureQueriesContext(connection) as queries:
        assert (
            client.get(reverse("region-view", args=[region.code]) + "?tahun=2022&indikator=iku+0&semua=1").status_code
            == 200
        )
    counts.append(len(queries))
    assert counts[0] == counts[1] == counts[2] == counts[3], counts


def test_a_region_whose_agencies_have_no_plan_shows_dashes(client, world):
    client.force_login(world.outsider)  # reads nothing of the region
    assert client.get(reverse("region-view", args=["luar"])).status_code == 404
    admin = __import__("kinerja.accounts.models", fromlist=["User"]).User.objects.create_superuser(
        "admin-wilayah", password="x-Admin-12345"
    )
    client.force_login(admin)
    response = client.get(reverse("region-view", args=["luar"]))
    assert response.status_code == 200 and "Dinas Lain" in response.content.decode()


def test_no_final_evaluation_no_sakip_score(seed):
    assert selectors.sakip_scores([seed.pk], 2022) == {}


def test_the_region_shows_the_final_sakip_score(client, world):
    version = WorksheetVersion.objects.get(code="2021")
    Evaluation.objects.create(
        agency=world.agency,
        year=2022,
        version=version,
        state=Evaluation.State.FINAL,
        total_score=Decimal("80.7714"),
        predicate="A",
    )
    Evaluation.objects.create(
        agency=world.agency, year=2023, version=version, total_score=Decimal("99"), predicate="AA"
    )  # not final: not shown
    assert selectors.sakip_scores([world.agency.pk], 2022) == {world.agency.pk: (Decimal("80.7714"), "A")}
    assert selectors.sakip_scores([world.agency.pk], 2023) == {}
    client.force_login(world.bappeda)
    html = client.get(reverse("region-view", args=[world.agency.region.code]) + "?tahun=2022&triwulan=4")
    assert format_number(Decimal("80.7714")) in html.content.decode()


# -- the public page -------------------------------------------------------------------------------------


def test_an_unpublished_agency_has_no_public_page(client, seed):
    for name in ("public-page", "public-csv", "public-decree"):
        assert client.get(reverse(name, args=[SEED])).status_code == 404
    assert SEED not in client.get(reverse("public-index")).content.decode()


def test_publishing_is_audited_and_only_the_planner_may(client, world):
    client.force_login(world.head_of_agency)
    assert client.post(reverse("publish", args=[SEED]), {"publish": "1"}).status_code == 404
    client.force_login(world.planner)
    response = client.post(reverse("publish", args=[SEED]), {"publish": "1"})
    assert response.status_code == 302
    publication = Publication.objects.get(agency=world.agency)
    assert publication.is_published and publication.changed_by == world.planner
    record = AuditRecord.objects.filter(object_label="dashboard.publication").latest("pk")
    assert record.user == world.planner and record.agency_id == world.agency.pk
    client.post(reverse("publish", args=[SEED]), {"publish": "0"})
    assert not Publication.objects.get(agency=world.agency).is_published
    assert AuditRecord.objects.filter(object_label="dashboard.publication").count() == 2
    client.logout()
    assert client.get(reverse("public-page", args=[SEED])).status_code == 404


@pytest.fixture
def published(world, example_figures):
    set_published(actor=None, agency=world.agency, published=True)
    return world.agency


def test_the_public_page_shows_verified_figures_only(client, world, published):
    plan = find_current_plan(published)
    iku = plan.indicators.filter(is_key=True).order_by("order").first()
    actuals = list(Actual.objects.filter(indicator=iku, year=2022).order_by("quarter"))
    # make the quarters distinguishable: the first verified, the others not
    Actual.objects.filter(pk__in=[a.pk for a in actuals]).update(status=Actual.Status.SUBMITTED)
    Actual.objects.filter(pk=actuals[0].pk).update(status=Actual.Status.VERIFIED)
    response = client.get(reverse("public-page", args=[SEED]))  # anonymous
    assert response.status_code == 200
    html = response.content.decode()
    verified_year = get_plan_figures_by_year(plan, [2022], verified_only=True)[2022].indicator(iku.pk)
    all_year = get_measurements([iku], 2022)[iku.pk]
    assert verified_year.period_actual == all_year.actual_up_to(1)  # only the verified quarter counts
    cell = re.search(rf'data-indicator="{re.escape(iku.code)}".*?data-year="2022" data-value="([^"]*)"', html, re.S)
    assert cell is not None and cell.group(1) == str(verified_year.period_achievement)  # the page: the one figure
    assert iku.name in html and "Data contoh" in html
    assert reverse("public-csv", args=[SEED]) in html
    assert "Belum ada keputusan" in html or "No decree has been enacted yet" in html
    # nothing of the agency's internal pages is linked from the public page
    assert reverse("agency-overview", args=[SEED]) not in html
    body = client.get(reverse("public-csv", args=[SEED])).content.decode()
    lines = list(csv.reader(io.StringIO(body)))
    assert lines[0][0] == "kode"
    line = next(row for row in lines if row[0] == iku.code and row[3] == "2022")
    assert line[5] == format_number(verified_year.period_actual, iku.decimals)
    Actual.objects.filter(indicator__plan=plan).update(status=Actual.Status.DRAFT)
    body = client.get(reverse("public-csv", args=[SEED])).content.decode()
    assert all(row[5] == "" and row[6] == "" for row in list(csv.reader(io.StringIO(body)))[1:])
    assert workflow  # the workflow module is what sets statuses in the application


def test_the_public_decree_is_the_latest_enacted_version(client, world, published):
    from kinerja.reports.services import enact_decree

    plan = find_current_plan(published)
    year = plan.decrees.order_by("-year").first().year
    enact_decree(actor=world.planner, plan=plan, year=year)
    response = client.get(reverse("public-page", args=[SEED]))
    assert reverse("public-decree", args=[SEED]) in response.content.decode()
    pdf = client.get(reverse("public-decree", args=[SEED]))
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF") and "v1.pdf" in pdf["Content-Disposition"]
    index = client.get(reverse("public-index")).content.decode()
    assert reverse("public-page", args=[SEED]) in index


def test_the_public_page_costs_a_fixed_number_of_queries(client, world, published):
    big = make_agency("dinas-publik", region=world.agency.region, divisions=6, sections=2, indicators=2)
    set_published(actor=None, agency=big, published=True)
    counts = []
    for code in (SEED, big.code):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("public-page", args=[code])).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1] <= 7, counts
