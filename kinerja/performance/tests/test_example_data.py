from django.core.management import call_command

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
