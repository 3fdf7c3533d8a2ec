"""Targets, actuals and evidence through the services, on the built-in agency."""

from decimal import Decimal as D

import pytest
from django.core.exceptions import ValidationError

from kinerja.performance import services
from kinerja.performance.models import Actual, Evidence, Target
from kinerja.performance.selectors import get_measurements, kept
from kinerja.strategy.models import Indicator, PageIndicator

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def ratio(seed) -> Indicator:
    return Indicator.objects.get(plan__agency=seed, code="IKU.2")  # villages with cellular coverage, Persen


@pytest.fixture
def count(seed) -> Indicator:
    return Indicator.objects.filter(plan__agency=seed, formula="count", decimals=0).order_by("order").first()


def test_ratio_actual_is_computed_from_numerator_and_denominator(ratio, world):
    actual = services.record_actual(
        actor=world.head_of_agency, indicator=ratio, year=2022, quarter=1, numerator=D(150), denominator=D(196)
    )
    assert actual.value == D("76.5306")  # stored half-up to 4 decimals
    services.set_target(actor=None, indicator=ratio, kind="year", year=2022, value=D(80))
    measurement = get_measurements([ratio], 2022)[ratio.pk]
    assert measurement.year_actual == D(150) * 100 / D(196)  # recomputed exactly from the terms
    assert measurement.year_achievement == kept((D(150) * 100 / D(196)) * 100 / D(80))  # exact, kept to 4 places


@pytest.mark.parametrize(
    ("numerator", "denominator", "field", "message"),
    [
        (D(5), D(0), "denominator", "lebih besar dari 0"),
        (D(200), D(196), "numerator", "tidak boleh lebih besar"),
        (D(-1), D(196), "numerator", "negatif"),
        (None, D(196), "numerator", "Isi pembilang"),
    ],
)
def test_bad_ratio_actuals_are_refused_and_nothing_is_saved(ratio, numerator, denominator, field, message):
    with pytest.raises(ValidationError) as caught:
        services.record_actual(
            actor=None, indicator=ratio, year=2022, quarter=2, numerator=numerator, denominator=denominator
        )
    assert message in " ".join(caught.value.message_dict[field])
    assert not Actual.objects.filter(indicator=ratio, year=2022, quarter=2).exists()


def test_negative_and_fractional_counts_are_refused(count):
    with pytest.raises(ValidationError, match="negatif"):
        services.record_actual(actor=None, indicator=count, year=2022, quarter=1, value=D(-3))
    with pytest.raises(ValidationError, match="bulat"):
        services.record_actual(actor=None, indicator=count, year=2022, quarter=1, value=D("1.5"))


def test_year_and_quarter_outside_the_plan_are_refused(count):
    with pytest.raises(ValidationError, match="di luar Renstra"):
        services.record_actual(actor=None, indicator=count, year=2030, quarter=1, value=D(1))
    with pytest.raises(ValidationError, match="Triwulan 5"):
        services.record_actual(actor=None, indicator=count, year=2022, quarter=5, value=D(1))
    with pytest.raises(ValidationError, match="di luar Renstra"):
        services.set_target(actor=None, indicator=count, kind="year", year=2019, value=D(1))


def test_shared_indicator_is_measured_once_and_every_page_shows_it(ratio):
    services.record_actual(actor=None, indicator=ratio, year=2022, quarter=3, numerator=D(100), denominator=D(200))
    rows = PageIndicator.objects.filter(indicator=ratio)
    assert rows.count() == 2
    assert Actual.objects.filter(indicator=ratio, year=2022, quarter=3).count() == 1


def test_quarter_targets_that_do_not_make_the_year_give_a_warning(count, ratio):
    assert services.quarter_target_warnings(count, D(4), {1: D(1), 2: D(1), 3: D(1), 4: D(1)}) == []
    warnings = services.quarter_target_warnings(count, D(4), {1: D(1), 2: D(1), 3: D(1), 4: D(0)})
    assert warnings and "tidak sama" in warnings[0]
    assert services.quarter_target_warnings(ratio, D(80), {1: D(60), 4: D(80)}) == []
    assert services.quarter_target_warnings(ratio, D(80), {1: D(60), 4: D(75)})
    assert "triwulan IV" in services.quarter_target_warnings(ratio, D(80), {1: D(60)})[0]


def test_range_target_needs_its_upper_bound(seed):
    indicator = Indicator.objects.get(plan__agency=seed, code="IKU.3")
    indicator.polarity = Indicator.Polarity.RANGE
    indicator.save()
    with pytest.raises(ValidationError, match="batas atas"):
        services.set_target(actor=None, indicator=indicator, kind="year", year=2022, value=D(90))
    target = services.set_target(
        actor=None, indicator=indicator, kind="year", year=2022, value=D(90), value_upper=D(95)
    )
    assert (target.value, target.value_upper) == (D(90), D(95))


def test_clearing_a_target_removes_it(count):
    services.set_target(actor=None, indicator=count, kind="year", year=2023, value=D(4))
    assert services.set_target(actor=None, indicator=count, kind="year", year=2023, value=None) is None
    assert not Target.objects.filter(indicator=count, year=2023, kind="year").exists()


def test_evidence_is_stored_under_a_generated_name_and_checked_by_content(ratio, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    actual = services.record_actual(actor=None, indicator=ratio, year=2022, quarter=4, numerator=D(1), denominator=D(2))
    evidence = services.add_evidence(actor=None, actual=actual, name="../../laporan desa.pdf", content=PDF)
    assert evidence.kind == "pdf"
    assert evidence.original_name == "../../laporan desa.pdf"
    assert ".." not in evidence.file.name and "laporan" not in evidence.file.name
    assert (tmp_path / evidence.file.name).read_bytes() == PDF
    with pytest.raises(ValidationError, match="bukan jenis"):
        services.add_evidence(actor=None, actual=actual, name="virus.pdf", content=b"MZ\x90\x00" + b"\x00" * 64)
    with pytest.raises(ValidationError, match="kosong"):
        services.add_evidence(actor=None, actual=actual, name="kosong.pdf", content=b"")
    settings.KINERJA_EVIDENCE_MAX_BYTES = 10
    with pytest.raises(ValidationError, match="lebih besar"):
        services.add_evidence(actor=None, actual=actual, name="besar.pdf", content=PDF)
    assert Evidence.objects.filter(actual=actual).count() == 1
