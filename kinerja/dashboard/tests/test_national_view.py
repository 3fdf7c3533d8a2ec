"""The national view reads the region roll-ups grouped by province (docs/scale.md §4): for each province the figures
the province view's lines add up to, a freshness line, a link down to each province view, a fixed number of
queries however many provinces, and only the administrator may open it (there is no ministry reader role)."""

from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.timezone import localtime

from kinerja.accounts.models import User
from kinerja.core.periods import QUARTERS
from kinerja.dashboard import selectors
from kinerja.organisation.models import Region
from kinerja.performance import achievement
from kinerja.performance.figures import get_plan_figures
from kinerja.performance.models import AchievementRollup
from kinerja.strategy.selectors import find_current_plan

from .factory import make_agency, refresh_rollups

YEAR = 2022
PROVINCE = "maluku-utara"  # the seed's region, Kabupaten Halmahera Utara, is in Provinsi Maluku Utara


def admin() -> User:
    return User.objects.create_superuser("admin-nasional", "", "x")


def another_province(name: str, agencies: int = 1) -> Region:
    region = Region.objects.create(code=f"kab-{name.lower()}", name=f"Kabupaten {name}", province=f"Provinsi {name}")
    for index in range(agencies):
        make_agency(f"dinas-{name.lower()}-{index}", region=region, divisions=1, sections=1, indicators=2)
    return region


def test_each_province_has_the_figures_of_its_province_view(world, example_figures):
    province = world.agency.region.province
    second = Region.objects.create(code="kota-uji", kind=Region.Kind.CITY, name="Kota Uji", province=province)
    make_agency("dinas-kota", region=second, divisions=2, sections=2, indicators=2)
    another_province("Sintetis", agencies=2)
    refresh_rollups()
    grouped = selectors.regions_by_province()
    assert set(grouped) == {PROVINCE, "provinsi-sintetis"}
    compared = 0
    for quarter in QUARTERS:
        view = selectors.get_national_view(grouped, YEAR, quarter)
        assert [line.slug for line in view.lines] == [PROVINCE, "provinsi-sintetis"]
        for line in view.lines:
            regions = selectors.regions_of_province(line.slug)
            province_view = selectors.get_province_view(line.name, regions, YEAR, quarter)
            rows = [row.rollup for row in province_view.lines]
            assert line.regions == len(province_view.lines) == len(regions)
            assert line.agencies == sum(row.agencies for row in province_view.lines)
            assert line.rollup.counted == sum(row.counted for row in rows)
            assert line.rollup.missing == sum(row.missing for row in rows)
            assert line.rollup.verified == sum(row.verified for row in rows)
            weighted = sum((row.mean * row.counted for row in rows if row.mean is not None), Decimal(0))
            assert line.rollup.mean == (weighted / line.rollup.counted).quantize(Decimal("0.0001"))
            stored = AchievementRollup.objects.filter(
                level="region", key__in=[r.pk for r in regions], year=YEAR, quarter=quarter, verified_only=False
            )
            placed, done = sum(r.placed for r in stored), sum(r.done for r in stored)
            assert line.completeness == Decimal(done) * 100 / placed
            compared += line.rollup.counted
    assert compared > 100


def test_a_province_of_one_regency_and_one_agency_reads_as_the_agency_figures(world, example_figures):
    refresh_rollups()
    view = selectors.get_national_view(selectors.regions_by_province(), YEAR, 4)
    (line,) = view.lines
    agency = get_plan_figures(find_current_plan(world.agency), YEAR, 4).agency
    assert (line.name, line.regions, line.agencies) == (world.agency.region.province, 1, 1)
    assert line.rollup == achievement.Rollup(agency.mean, agency.counted, agency.missing, agency.verified, agency.cap)


def test_the_page_shows_each_province_with_a_link_down_and_its_freshness(client, world, example_figures):
    another_province("Kosong", agencies=0)  # a province with no figure yet: "—", not 0
    refresh_rollups()
    client.force_login(admin())
    response = client.get(reverse("national-view") + f"?tahun={YEAR}&triwulan=1")
    html = response.content.decode()
    assert response.status_code == 200
    assert reverse("province-view", args=[PROVINCE]) + f"?tahun={YEAR}&amp;triwulan=1" in html
    assert reverse("province-view", args=["provinsi-kosong"]) in html
    computed = AchievementRollup.objects.filter(level="region").latest("computed_at").computed_at
    assert f"Data s.d. pukul {localtime(computed):%H:%M}" in html
    assert "Triwulan I" in html and "Provinsi Kosong" in html
    empty = next(line for line in response.context["view"].lines if line.slug == "provinsi-kosong")
    assert empty.rollup.mean is None and empty.completeness is None and empty.agencies == 0
    assert 'data-figure="province:provinsi-kosong" data-value=""' in html


def test_the_province_view_links_up_to_the_national_view_for_whoever_may_read_it(client, world, example_figures):
    refresh_rollups()
    url = reverse("province-view", args=[PROVINCE]) + f"?tahun={YEAR}&triwulan=2"
    client.force_login(admin())
    assert reverse("national-view") + f"?tahun={YEAR}&amp;triwulan=2" in client.get(url).content.decode()
    for user in (world.inspector, world.bappeda):
        client.force_login(user)
        html = client.get(url).content.decode()
        assert reverse("province-view", args=[PROVINCE]) in html  # the page itself opens …
        assert reverse("national-view") not in html  # … without a link they could not follow
        assert client.get(reverse("national-view")).status_code == 404


def test_the_view_costs_the_same_queries_at_one_and_at_three_provinces(client, world):
    make_agency("dinas-awal", region=world.agency.region, divisions=1, sections=1, indicators=1)
    client.force_login(admin())
    counts = []
    for provinces, added in ((1, 0), (3, 2)):
        for index in range(added):
            another_province(f"Uji{index}", agencies=2)
        refresh_rollups()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(reverse("national-view") + f"?tahun={YEAR}&triwulan=1")
        assert response.status_code == 200
        assert len(response.context["view"].lines) == provinces
        counts.append(len(queries))
    assert counts[0] == counts[1] <= 9, counts  # session, user, reach (2), regions, years, rows, freshness (2)
