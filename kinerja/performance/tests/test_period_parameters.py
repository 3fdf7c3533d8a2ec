"""A bad `?tahun=` or `?triwulan=` gives the page's own default, never a 500 (kinerja.core.periods)."""

import pytest
from django.urls import reverse

from kinerja.core.periods import QUARTERS

BAD = [
    "tahun=abc&triwulan=9",
    "tahun=%C2%B2&triwulan=%C2%B2",
    "tahun=99999999999999999999&triwulan=-1",
    "tahun=1999&triwulan=0",
    "tahun=&triwulan=",
]


def _pages(seed):
    return [
        ("plan-detail", [seed.code], True),
        ("position-page", [seed.code, "kadis"], False),
        ("entry-page", [seed.code, "kadis"], True),
        ("dashboard", [seed.code], True),
        ("performance-tree", [seed.code], True),
        ("documents", [seed.code], True),
        ("consistency-check", [seed.code], False),
        ("region-view", [seed.region.code], True),
    ]


@pytest.mark.parametrize("query", BAD)
def test_a_bad_period_in_the_query_gives_the_pages_default(client, world, seed, query):
    client.force_login(world.head_of_agency)
    plan = seed.plans.get()
    for name, args, has_quarter in _pages(seed):
        if name == "region-view":
            client.force_login(world.bappeda)
        url = reverse(name, args=args)
        default = client.get(url)
        response = client.get(f"{url}?{query}")
        assert response.status_code == 200, (name, query, response.status_code)
        year = response.context.get("year")
        assert year == default.context.get("year"), name
        if year is not None and name != "region-view":
            assert plan.first_year <= year <= plan.last_year, name
        if has_quarter and "quarter" in response.context:
            assert response.context["quarter"] in QUARTERS
            assert response.context["quarter"] == default.context["quarter"], name


def test_a_good_period_in_the_query_is_the_one_shown(client, world, seed):
    client.force_login(world.head_of_agency)
    response = client.get(reverse("dashboard", args=[seed.code]) + "?tahun=2023&triwulan=2")
    assert (response.context["year"], response.context["quarter"]) == (2023, 2)
    response = client.get(reverse("consistency-check", args=[seed.code]) + "?tahun=2023")
    assert response.status_code == 200


def test_the_periods_page_answers_a_quarter_that_does_not_exist_with_a_message(client, world, seed):
    client.force_login(world.planner)
    url = reverse("periods", args=[seed.code])
    for quarter in ("9", "abc", "²", ""):
        response = client.post(f"{url}?tahun=2022", {"quarter": quarter, "action": "close"}, follow=True)
        assert response.status_code == 200
        assert "tidak ada; pilih triwulan 1–4" in response.content.decode()
    assert client.get(f"{url}?tahun=abc").status_code == 200
