"""The regency and province views read the roll-ups (docs/scale.md §4): the same figures as performance.figures on
the example data, a freshness line, a fixed number of queries however many agencies, and the province view's
drill-down to each regency."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.timezone import localtime

from kinerja.accounts.models import User
from kinerja.core.periods import QUARTERS
from kinerja.dashboard import selectors
from kinerja.organisation.models import Region
from kinerja.performance.figures import get_plan_figures
from kinerja.performance.models import AchievementRollup, Actual, RollupDirty, SharedIndicatorRollup
from kinerja.performance.rollups.verify import verify
from kinerja.performance.rollups.worker import work
from kinerja.performance.services import record_actual
from kinerja.strategy.models import Indicator, PageIndicator
from kinerja.strategy.selectors import find_current_plan

from .factory import make_agency, refresh_rollups

YEAR = 2022
PROVINCE = "maluku-utara"  # the seed's region, Kabupaten Halmahera Utara, is in Provinsi Maluku Utara


def completeness(plan, quarter: int) -> Decimal | None:
    """The regency view's completeness, as it computed it before the roll-ups: the IKI page indicators whose
    actual of the quarter is verified, of those on the pages."""
    on_pages = set(PageIndicator.objects.filter(objective__plan=plan).values_list("indicator_id", flat=True))
    if not on_pages:
        return None
    done = Actual.objects.filter(
        indicator__in=on_pages, year=YEAR, quarter=quarter, status=Actual.Status.VERIFIED
    ).count()
    return Decimal(done) * 100 / len(on_pages)


def test_the_regency_view_from_the_rollups_gives_the_figures_of_figures_py(world, example_figures):
    region = world.agency.region
    other = make_agency("dinas-kedua", region=region, divisions=2, sections=2, indicators=2)
    refresh_rollups()
    compared = 0
    for quarter in QUARTERS:
        view = selectors.get_region_view(region, YEAR, quarter)
        assert {line.agency.code for line in view.lines} == {world.agency.code, other.code}
        for line in view.lines:
            plan = find_current_plan(line.agency)
            figures = get_plan_figures(plan, YEAR, quarter)
            assert line.rollup == figures.agency, (line.agency.code, quarter)
            assert line.completeness == completeness(plan, quarter)
            compared += figures.agency.counted
        for item in view.shared:
            for indicator, value in item.by_agency.values():
                plan = Indicator.objects.select_related("plan").get(pk=indicator.pk).plan
                assert value == get_plan_figures(plan, YEAR, quarter).indicator(indicator.pk).period_achievement
    assert compared > 100


def test_the_regency_view_says_how_fresh_its_figures_are(client, world, example_figures):
    refresh_rollups()
    client.force_login(world.bappeda)
    html = client.get(reverse("region-view", args=[world.agency.region.code]) + f"?tahun={YEAR}").content.decode()
    assert 'id="freshness"' in html
    computed = AchievementRollup.objects.filter(level="region", key=world.agency.region_id).latest("computed_at")
    assert f"Data s.d. pukul {localtime(computed.computed_at):%H:%M}" in html


@override_settings(KINERJA_ROLLUPS_EAGER=False)
def test_a_write_reaches_the_view_when_the_worker_has_run(client, world, example_figures):
    refresh_rollups()
    plan = find_current_plan(world.agency)
    row = get_plan_figures(plan, YEAR, 4).rows[0]
    actual = Actual.objects.filter(indicator_id=row.indicator_id, year=YEAR).order_by("quarter").last()
    before = selectors.get_region_view(world.agency.region, YEAR, 4).lines[0].rollup
    ratio = row.indicator.formula == "ratio"
    record_actual(
        actor=None,
        indicator=row.indicator,
        year=YEAR,
        quarter=actual.quarter,
        value=None if ratio else (actual.value or 0) + 1000,
        numerator=(actual.numerator or 0) + 1000 if ratio else None,
        denominator=actual.denominator if ratio else None,
        is_example=True,
    )
    waiting = RollupDirty.objects.get()
    view = selectors.get_region_view(world.agency.region, YEAR, 4)
    assert view.lines[0].rollup == before  # not yet computed: the old figure …
    assert view.fresh_at == waiting.first_marked_at  # … and the line says up to when the figures hold
    assert work() == 1
    view = selectors.get_region_view(world.agency.region, YEAR, 4)
    assert view.lines[0].rollup == get_plan_figures(plan, YEAR, 4).agency != before
    assert view.fresh_at > waiting.first_marked_at


@pytest.mark.parametrize("name", ["region-view", "province-view"])
def test_the_views_cost_the_same_queries_at_one_and_at_several_agencies(client, world, name):
    region = world.agency.region
    args = [region.code] if name == "region-view" else [PROVINCE]
    client.force_login(world.inspector)
    make_agency("dinas-awal", region=region, divisions=1, sections=1, indicators=1)
    refresh_rollups()
    counts = []
    for agencies in (1, 4):
        for index in range(agencies - 1):
            make_agency(f"dinas-{agencies}-{index}", region=region, divisions=2, sections=2, indicators=2)
        refresh_rollups()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(reverse(name, args=args) + f"?tahun={YEAR}&triwulan=1")
        assert response.status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1], counts


def test_the_province_view_lists_each_regency_it_may_read_with_a_link_down(client, world, example_figures):
    province = world.agency.region.province
    second = Region.objects.create(code="kota-uji", kind=Region.Kind.CITY, name="Kota Uji", province=province)
    make_agency("dinas-kota", region=second, divisions=2, sections=2, indicators=2)
    refresh_rollups()
    url = reverse("province-view", args=[PROVINCE]) + f"?tahun={YEAR}&triwulan=1"
    client.force_login(world.bappeda)  # Bappeda of the seed's regency: its own line only
    html = client.get(url).content.decode()
    assert reverse("region-view", args=[world.agency.region.code]) in html
    assert reverse("region-view", args=["kota-uji"]) not in html
    client.force_login(User.objects.create_superuser("admin-uji", "", "x"))
    response = client.get(url)
    html = response.content.decode()
    assert response.status_code == 200 and 'id="freshness"' in html
    for region in (world.agency.region, second):
        assert reverse("region-view", args=[region.code]) + f"?tahun={YEAR}&amp;triwulan=1" in html
    view = response.context["view"]
    lines = {line.region.code: line for line in view.lines}
    assert lines["kota-uji"].agencies == 1
    seed_plan_figures = get_plan_figures(find_current_plan(world.agency), YEAR, 1)
    assert lines[world.agency.region.code].rollup == seed_plan_figures.agency  # one agency with a plan: the same
    assert lines["kota-uji"].rollup.counted > 0
    client.force_login(world.outsider)
    assert client.get(url).status_code == 404
    assert client.get(reverse("province-view", args=["tidak-ada"])).status_code == 404


def test_the_shared_names_are_kept_per_region_and_verified(world):
    region = world.agency.region
    make_agency("dinas-a", region=region, divisions=1, sections=1, indicators=1)
    make_agency("dinas-b", region=region, divisions=1, sections=1, indicators=1)
    refresh_rollups()
    shared = SharedIndicatorRollup.objects.get(region=region, year=YEAR, quarter=1, verified_only=False, key="iku 0")
    assert [member[2] for member in shared.members] == ["IKU.0", "IKU.0"]
    assert verify().differences == []
    SharedIndicatorRollup.objects.filter(pk=shared.pk).update(members=shared.members[:1])
    assert [d.key[:4] for d in verify().differences] == [("shared iku 0", region.pk, YEAR, 1)]
