from django.core.management import call_command

from conftest import PER_REQUEST_QUERIES
from kinerja.performance.models import Actual, Target
from kinerja.performance.selectors import get_measurements
from kinerja.performance.services import quarter_target_warnings
from kinerja.strategy.models import Indicator


def test_example_data_fills_every_indicator_consistently_and_is_removed_exactly(seed, world):
    call_command("load_example_performance", seed.code)
    indicators = list(Indicator.objects.filter(plan__agency=seed))
    measurements = get_measurements(indicators, 2022)
    for indicator in indicators:
        m = measurements[indicator.pk]
        assert m.target is not None and m.target.is_example, indicator.code
        assert m.year_actual is not None, indicator.code
        assert m.year_achievement is not None, indicator.code
        if indicator.formula == "ratio":
            assert all(a.numerator <= a.denominator for a in m.actuals.values()), indicator.code
        quarters = {q: t.value for q, t in m.quarter_targets.items()}
        assert quarter_target_warnings(indicator, m.target.value, quarters) == [], indicator.code
    assert Target.objects.filter(indicator__plan__agency=seed, year=2021, kind="year").count() == len(indicators)
    # A figure an official entered over the example is real data and survives the clean-up.
    real = Actual.objects.filter(indicator__plan__agency=seed).first()
    real.is_example = False
    real.save()
    call_command("clear_example_performance", seed.code)
    assert not Target.objects.filter(is_example=True).exists()
    assert list(Actual.objects.filter(indicator__plan__agency=seed)) == [real]


def test_pages_show_the_example_banner_only_with_example_data(logged_in, seed):
    url = f"/instansi/{seed.code}/iki/kadis/?tahun=2022"
    assert "Data contoh" not in logged_in.get(url).content.decode()
    call_command("load_example_performance", seed.code)
    assert "Data contoh" in logged_in.get(url).content.decode()


def test_agency_and_unit_rollups_count_a_shared_indicator_once_per_page(seed):
    from decimal import Decimal

    from kinerja.performance.figures import get_plan_figures
    from kinerja.performance.selectors import kept
    from kinerja.strategy.models import PageIndicator

    call_command("load_example_performance", seed.code)
    plan = seed.plans.get()
    figures = get_plan_figures(plan, 2022)
    rows = list(PageIndicator.objects.filter(objective__plan=plan).select_related("indicator"))
    measurements = get_measurements({row.indicator_id: row.indicator for row in rows}.values(), 2022)
    values = [measurements[row.indicator_id].year_achievement for row in rows]
    assert figures.agency.counted == 71
    assert figures.agency.mean == kept(sum(values, Decimal(0)) / 71)  # kept to 4 places, as the API gives it
    assert len(figures.units) == 17
    assert sum(rollup.counted for _, rollup in figures.units) == 71


def test_overview_shows_agency_and_unit_achievement(logged_in, seed, django_assert_max_num_queries):
    call_command("load_example_performance", seed.code)
    with django_assert_max_num_queries(20 + PER_REQUEST_QUERIES):
        page = logged_in.get(f"/instansi/{seed.code}/?tahun=2022").content.decode()
    assert 'id="unit-achievement"' in page and page.count("<tr><td>") >= 17
