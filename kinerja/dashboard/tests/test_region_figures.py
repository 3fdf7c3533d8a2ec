"""The regency view's light read (`get_measurement_figures`) gives the same figures as `get_measurements`."""

from kinerja.core.periods import QUARTERS
from kinerja.performance.selectors import get_measurement_figures, get_measurements
from kinerja.strategy.models import Indicator
from kinerja.synthetic.region import generate_region

SEED = "halut-diskominfo"


def figures(measurement) -> tuple:
    """Everything the regency view (and any roll-up) reads from a Measurement."""
    return (
        tuple(measurement.achievement_up_to(q) for q in QUARTERS),
        tuple(measurement.actual_up_to(q) for q in QUARTERS),
        tuple(measurement.target_up_to(q) for q in QUARTERS),
        measurement.year_achievement,
        measurement.category,
        measurement.has_example_data,
        tuple(sorted((q, a.status, a.value, a.numerator, a.denominator) for q, a in measurement.actuals.items())),
    )


def assert_same(indicators: list, years: range) -> int:
    """Both reads agree on every indicator and year; returns how many achievements were compared."""
    compared = 0
    for year in years:
        old, new = get_measurements(indicators, year), get_measurement_figures(indicators, year)
        assert old.keys() == new.keys()
        for pk in old:
            assert figures(new[pk]) == figures(old[pk]), (pk, year)
            compared += sum(value is not None for value in figures(old[pk])[0])
    return compared


def test_same_figures_on_the_seed_with_example_data(world, example_figures):
    indicators = list(Indicator.objects.filter(plan__agency=world.agency))
    assert assert_same(indicators, range(2021, 2027)) > 100  # real achievements compared, not only dashes
    any_example = get_measurement_figures(indicators, 2022)
    assert any(m.has_example_data for m in any_example.values())


def test_same_figures_on_a_generated_region(db):
    generate_region("sama", agencies=2, seed=3, evidence_every=50)
    indicators = list(Indicator.objects.filter(plan__agency__region__code="sama"))
    assert len(indicators) > 50
    assert assert_same(indicators, range(2021, 2027)) > 500
