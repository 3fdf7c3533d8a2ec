"""The planner's target pages: a grid of years, quarterly targets with warnings, nothing half-saved."""

import html
from decimal import Decimal

import pytest
from django.urls import reverse

from kinerja.performance.models import Target
from kinerja.strategy.models import Indicator


@pytest.fixture
def planner(client, world):
    """The agency's planner (admin perencanaan): a role grant, no position."""
    client.force_login(world.planner)
    return client


def test_target_grid_saves_every_cell_of_every_year(planner, seed):
    indicator = Indicator.objects.get(plan__agency=seed, code="IKU.2")
    url = reverse("agency-targets", args=[seed.code])
    response = planner.post(
        url,
        {
            f"t-{indicator.pk}-2021": "65",
            f"t-{indicator.pk}-2022": "70,5",
            f"b-{indicator.pk}": "60",
            f"e-{indicator.pk}": "90",
        },
    )
    assert response.status_code == 302
    targets = {(t.kind, t.year): t.value for t in Target.objects.filter(indicator=indicator)}
    assert targets == {
        ("year", 2021): Decimal(65),
        ("year", 2022): Decimal("70.5"),
        ("baseline", 2020): Decimal(60),
        ("end", 2026): Decimal(90),
    }
    page = planner.get(url).content.decode()
    assert 'value="70,5"' in page


def test_a_bad_cell_refuses_the_whole_grid_and_says_where(planner, seed):
    first = Indicator.objects.get(plan__agency=seed, code="IKU.2")
    count = Indicator.objects.filter(plan__agency=seed, formula="count").first()
    response = planner.post(
        reverse("agency-targets", args=[seed.code]),
        {f"t-{first.pk}-2022": "70", f"t-{count.pk}-2022": "-2", f"t-{count.pk}-2023": "abc"},
    )
    page = html.unescape(response.content.decode())
    assert response.status_code == 200
    assert "negatif" in page and "bukan angka" in page
    assert 'class="has-error"' in response.content.decode()
    assert not Target.objects.filter(indicator__plan__agency=seed).exists()


def test_quarterly_targets_that_do_not_make_the_year_are_saved_with_a_warning(planner, seed):
    indicator = Indicator.objects.get(plan__agency=seed, code="kasubag-keuangan.O1.I1")
    Target.objects.create(indicator=indicator, kind="year", year=2022, value=Decimal(4))
    url = reverse("position-targets", args=[seed.code, "kasubag-keuangan"]) + "?tahun=2022"
    response = planner.post(url, {f"q-{indicator.pk}-{q}": "1" for q in (1, 2, 3)}, follow=True)
    page = html.unescape(response.content.decode())
    assert "tidak sama dengan target tahunan" in page
    assert Target.objects.filter(indicator=indicator, kind="quarter").count() == 3


def test_target_pages_are_not_found_for_an_official_who_does_not_plan(logged_in, seed):
    assert logged_in.get(reverse("agency-targets", args=[seed.code])).status_code == 404
    assert logged_in.get(reverse("position-targets", args=[seed.code, "kadis"])).status_code == 404
