"""One figure, one truth (issue 16): on the seed with its example figures, for several years and quarters, every
figure that two places show for the same thing — an indicator's target and achievement, a strategic or
performance objective, a position, a unit, the agency — is equal wherever it appears: the Renstra page, the
performance tree (its list and the data behind the chart), the dashboard, the agency overview, the IKI pages,
the indicator pages, the regency view and the API's achievements. Pages name their figures with data-figure="kind:code"
data-value="96.92"."""

import json
import re
from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal
from html import unescape

import pytest
from django.db.models import Max
from django.test import Client
from django.urls import reverse

from kinerja.accounts.models import User
from kinerja.dashboard.tests.factory import refresh_rollups
from kinerja.organisation.models import Agency
from kinerja.performance import services
from kinerja.performance.models import Actual, Target
from kinerja.synthetic.region import generate_region

PERIODS = [(2022, 1), (2022, 2), (2022, 4), (2023, 1), (2023, 4)]
INDICATORS = ["IKU.1", "IKU.2", "IKU.5"]
POSITIONS = ["kadis", "sekretaris", "kabid-persandian", "kasi-tata-kelola", "kabid-infra"]
FIGURE = re.compile(r'data-figure="([^"]+)" data-value="([^"]*)"')
TWO = Decimal("0.01")


def rounded(value: object) -> str:
    """An achievement as the pages print it: two decimals, half up; "" for none."""
    if value in (None, ""):
        return ""
    return str(Decimal(str(value)).quantize(TWO, rounding=ROUND_HALF_UP))


@pytest.fixture
def figures_world(example_figures, world):
    """The seed with its example figures (2022; the `example_figures` rows, inserted in bulk), and a few 2023
    actuals entered by hand: IKU.2 without any quarterly target (compared with the year's target) and one count
    indicator."""
    seed = example_figures
    plan = seed.plans.get()
    iku2 = plan.indicators.get(code="IKU.2")
    Target.objects.filter(indicator=iku2, year=2023, kind=Target.Kind.QUARTER).delete()
    services.record_actual(
        actor=None, indicator=iku2, year=2023, quarter=1, numerator=Decimal(130), denominator=Decimal(196)
    )
    count = plan.indicators.filter(formula="count", page_rows__isnull=False).order_by("order").first()
    services.record_actual(actor=None, indicator=count, year=2023, quarter=1, value=Decimal(3))
    return seed


def page_figures(html: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = defaultdict(set)
    for name, value in FIGURE.findall(html):
        found[name].add(value if name.startswith("target:") else rounded(value))
    return found


def tree_data_figures(html: str) -> dict[str, set[str]]:
    """The figures in the data the tree chart draws (json_script "tree-data")."""
    match = re.search(r'<script id="tree-data" type="application/json">(.*?)</script>', html, re.S)
    assert match, "the tree page carries its data"
    found: dict[str, set[str]] = defaultdict(set)

    def walk(node: dict) -> None:
        kind = node["kind"]
        name = {
            "agency": "agency",
            "goal": f"goal:{node.get('code')}",
            "strategic": f"objective:{node.get('code')}",
            "objective": f"objective:{node.get('code')}",
        }.get(kind, f"indicator:{node.get('code')}")
        if kind != "unlinked":
            found[name].add(rounded(node["value"]))
        for child in node.get("children", []):
            walk(child)

    walk(json.loads(unescape(match.group(1))))
    return found


def api_figures(client, year: int, quarter: int, code: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = defaultdict(set)
    agencies = client.get(
        reverse("api-achievement-agency-list"), {"year": year, "quarter": quarter, "agency": code}
    ).json()["results"]
    for agency in agencies:
        found["agency"].add(rounded(agency["rollup"]["mean"]))
        for unit in agency["units"]:
            found[f"unit:{unit['code']}"].add(rounded(unit["rollup"]["mean"]))
        for objective in agency["objectives"]:
            found[f"objective:{objective['code']}"].add(rounded(objective["rollup"]["mean"]))
        for indicator in agency["indicators"]:
            found[f"indicator:{indicator['code']}"].add(rounded(indicator["achievement"]))
            found[f"target:{indicator['code']}"].add(indicator["target"] or "")
    pages = client.get(
        reverse("api-achievement-page-list"), {"year": year, "quarter": quarter, "agency": code, "page_size": 100}
    ).json()["results"]
    for page in pages:
        found[f"position:{page['code']}"].add(rounded(page["rollup"]["mean"]))
        for row in page["rows"]:
            found[f"indicator:{row['code']}"].add(rounded(row["achievement"]))
            found[f"target:{row['code']}"].add(row["target"] or "")
    return found


def same_target(values: set[str]) -> bool:
    return len({Decimal(value) if value else None for value in values}) == 1


def places_for(
    client, regional, agency, year: int, quarter: int, positions: list[str], indicators: list[str]
) -> dict[str, dict[str, set[str]]]:
    """Every place that shows the agency's figures for the period, and the figures each names."""
    code = agency.code
    query = f"?tahun={year}&triwulan={quarter}"
    places: dict[str, dict[str, set[str]]] = {
        "renstra": page_figures(client.get(reverse("plan-detail", args=[code]) + query).content.decode()),
        "dashboard": page_figures(client.get(reverse("dashboard", args=[code]) + query).content.decode()),
        "overview": page_figures(client.get(reverse("agency-overview", args=[code]) + query).content.decode()),
        "api": api_figures(client, year, quarter, code),
    }
    refresh_rollups()  # the regency view reads roll-ups, computed after commit (never inside a test's transaction)
    region = page_figures(regional.get(reverse("region-view", args=[agency.region.code]) + query).content.decode())
    places["region"] = {"agency": region.pop(f"agency:{code}")}  # the agency's line of the regency view
    tree = client.get(reverse("performance-tree", args=[code]) + query).content.decode()
    places["tree"], places["tree-chart"] = page_figures(tree), tree_data_figures(tree)
    for position in positions:
        html = client.get(reverse("position-page", args=[code, position]) + query).content.decode()
        places[f"iki:{position}"] = page_figures(html)
    if quarter == 4:  # the indicator page shows each year's figures (the year: s.d. triwulan IV)
        for indicator in indicators:
            html = client.get(reverse("indicator-detail", args=[code, indicator])).content.decode()
            places[f"indicator-page:{indicator}"] = {
                name.removesuffix(f"@{year}"): values
                for name, values in page_figures(html).items()
                if name.endswith(f"@{year}")
            }
    return places


def assert_one_figure(places: dict[str, dict[str, set[str]]], period: str) -> None:
    for place, found in places.items():  # every place names its figures
        assert found, f"{place} {period}: no figure named"
    seen: dict[str, dict[str, set[str]]] = defaultdict(dict)
    for place, found in places.items():
        for name, values in found.items():
            seen[name][place] = values
    problems = []
    for name, by_place in seen.items():
        values = set().union(*by_place.values())
        equal = same_target(values) if name.startswith("target:") else len(values) == 1
        if not equal:
            problems.append(f"{period}, {name}: {dict(by_place)}")
    assert not problems, "\n".join(problems)
    shared = [name for name, by_place in seen.items() if len(by_place) > 1]
    for kind in ("agency", "objective:", "indicator:", "unit:", "position:", "target:"):
        assert any(name.startswith(kind) for name in shared), f"{kind} is compared in at least two places"
    assert {"renstra", "dashboard", "overview", "tree", "tree-chart", "api", "region"} <= set(seen["agency"])


def test_every_figure_is_the_same_wherever_it_appears(client, world, figures_world):
    client.force_login(world.head_of_agency)
    regional = Client()
    regional.force_login(world.bappeda)  # the regency view is Bappeda's
    for year, quarter in PERIODS:
        places = places_for(client, regional, figures_world, year, quarter, POSITIONS, INDICATORS)
        assert_one_figure(places, f"{year} s.d. triwulan {quarter}")


@pytest.mark.slow  # bulk: generated agencies or thousands of rows
def test_every_figure_of_a_generated_agency_is_the_same_wherever_it_appears(db, client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    generate_region("sf", agencies=2, seed=3, evidence_every=50)
    agency = Agency.objects.filter(region__code="sf").order_by("code").first()
    plan = agency.plans.get()
    year = Actual.objects.filter(indicator__plan=plan).aggregate(year=Max("year"))["year"]
    positions = list(
        agency.positions.filter(page_rows__isnull=False).distinct().order_by("order").values_list("code", flat=True)[:3]
    )
    indicators = list(plan.indicators.filter(is_key=True).order_by("order").values_list("code", flat=True)[:2])
    client.force_login(User.objects.create_superuser("sf-admin"))
    for quarter in (2, 4):
        places = places_for(client, client, agency, year, quarter, positions, indicators)
        assert_one_figure(places, f"{agency.code} {year} s.d. triwulan {quarter}")


def test_every_headline_says_its_period_and_coverage(client, world, figures_world):
    client.force_login(world.head_of_agency)
    code = figures_world.code
    query = "?tahun=2023&triwulan=4"
    for name in ("dashboard", "agency-overview", "plan-detail", "performance-tree"):
        html = unescape(client.get(reverse(name, args=[code]) + query).content.decode())
        assert "2023 s.d. Triwulan IV" in html, name
        assert re.search(r"\d+ dari 71 indikator, \d+ diverifikasi", html), name


def test_a_headline_on_few_indicators_warns_instead_of_a_category(client, world, figures_world):
    client.force_login(world.head_of_agency)
    html = unescape(
        client.get(reverse("dashboard", args=[figures_world.code]) + "?tahun=2023&triwulan=4").content.decode()
    )
    headline = html[html.index('class="stat stat-headline"') :]
    headline = headline[: headline.index("</a>")]
    assert "Peringatan" in headline and "cat-low" in headline
    assert "Sangat Tinggi" not in headline and "cat-sangat-tinggi" not in headline
    assert re.search(r"\b\d dari 71 indikator, 0 diverifikasi", headline)  # 2023: a few hand-entered actuals


def test_a_quarter_without_quarterly_targets_is_compared_with_the_year_target_everywhere(client, world, figures_world):
    client.force_login(world.head_of_agency)
    code = figures_world.code
    query = "?tahun=2023&triwulan=1"
    renstra = page_figures(client.get(reverse("plan-detail", args=[code]) + query).content.decode())
    dashboard = page_figures(client.get(reverse("dashboard", args=[code]) + query).content.decode())
    year_target = figures_world.plans.get().indicators.get(code="IKU.2").targets.get(kind="year", year=2023).value
    assert (
        {Decimal(v) for v in renstra["target:IKU.2"]}
        == {Decimal(v) for v in dashboard["target:IKU.2"]}
        == {year_target}
    )
    expected = rounded(Decimal(130) * 100 / 196 * 100 / year_target)
    assert renstra["indicator:IKU.2"] == dashboard["indicator:IKU.2"] == {expected}


def test_the_cap_setting_limits_each_achievement_in_roll_ups_only(client, world, figures_world, settings):
    client.force_login(world.head_of_agency)
    url = reverse("agency-overview", args=[figures_world.code]) + "?tahun=2022&triwulan=4"
    uncapped = page_figures(client.get(url).content.decode())
    settings.KINERJA_ROLLUP_CAP = "100"
    capped = page_figures(client.get(url).content.decode())
    assert Decimal(capped["agency"].pop()) < Decimal(uncapped["agency"].pop())
    assert all(
        Decimal(value) <= 100
        for name, values in capped.items()
        if name.startswith("unit:")
        for value in values
        if value
    )
    dashboard = page_figures(
        client.get(reverse("dashboard", args=[figures_world.code]) + "?tahun=2022&triwulan=4").content.decode()
    )
    assert any(
        Decimal(v) > 100 for name, values in dashboard.items() if name.startswith("indicator:") for v in values if v
    )  # an indicator's own achievement is shown as computed


def test_a_document_is_complete_only_without_the_consistency_errors_that_affect_it(client, world):
    from kinerja.performance.consistency import check_agency

    client.force_login(world.head_of_agency)
    agency = world.agency
    year = agency.plans.get().decrees.order_by("-year").first().year
    errors = [f for f in check_agency(agency, year=year).errors if f.check != "target-triwulan"]
    assert errors, "the seed's plan has errors the check lists (issue 16)"
    html = unescape(client.get(reverse("documents", args=[agency.code]) + f"?tahun={year}").content.decode())
    decree = html[html.index('id="dokumen-keputusan-iku-iki"') :]
    decree = decree[: decree.index("</li>")]
    assert f'data-errors="{len(errors)}"' in decree
    assert "Lengkap" not in decree and 'class="complete"' not in decree
    checks = {finding.check for finding in errors}
    for check in checks:  # each error's check is linked, at its section of the consistency page
        assert f"{reverse('consistency-check', args=[agency.code])}?tahun={year}#cek-{check}" in decree
    lke = html[html.index('id="dokumen-lke-sakip"') :]
    assert "data-errors=" not in lke[: lke.index("</li>")] or 'data-errors="0"' in lke[: lke.index("</li>")]


def test_the_page_says_when_a_quarter_is_compared_with_the_yearly_target(client, world, figures_world):
    client.force_login(world.head_of_agency)
    url = reverse("plan-detail", args=[figures_world.code])
    marked = unescape(client.get(url + "?tahun=2023&triwulan=1").content.decode())  # IKU.2: no quarterly target
    assert 'class="year-target"' in marked and "dibandingkan dengan target tahunan" in marked
    year = unescape(client.get(url + "?tahun=2022&triwulan=4").content.decode())  # the year: its own target
    assert "dibandingkan dengan target tahunan" not in year and 'class="year-target"' not in year
