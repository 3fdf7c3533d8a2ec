import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kinerja.dashboard import selectors
from kinerja.dashboard.views import tree_urls
from kinerja.performance.selectors import get_measurements
from kinerja.strategy.models import Objective
from kinerja.strategy.selectors import find_current_plan

from .factory import make_agency

SEED = "halut-diskominfo"


def walk(node, depth=0):
    yield node, depth
    for child in node.get("children", []):
        yield from walk(child, depth + 1)


def test_the_seed_tree_follows_the_contribution_links(seed, example_figures):
    plan = find_current_plan(seed)
    root = selectors.get_tree(plan, 2022, 4, tree_urls(SEED, 2022))
    nodes = list(walk(root))
    assert 60 <= len(nodes) <= 200  # readable: the seed is about 120 nodes
    kinds = [node["kind"] for node, _ in nodes]
    assert kinds[0] == "agency" and "goal" in kinds and "strategic" in kinds and "iku" in kinds and "iki" in kinds
    # every performance objective of the seed appears once, under the objective it contributes to
    codes = [node.get("code") for node, _ in nodes if node["kind"] == "objective"]
    performance = set(plan.objectives.filter(level=Objective.Level.PERFORMANCE).values_list("code", flat=True))
    assert sorted(codes) == sorted(performance)
    parents = {}
    for node, _ in nodes:
        for child in node.get("children", []):
            parents[child.get("code"), child["kind"]] = node
    for objective in plan.objectives.filter(level=Objective.Level.PERFORMANCE).select_related("contributes_to"):
        if objective.contributes_to:
            parent = parents[objective.code, "objective"]
            assert parent.get("code") == objective.contributes_to.code
    # an IKU node carries the achievement the performance rules give and opens the indicator page
    iku = next(node for node, _ in nodes if node["kind"] == "iku")
    indicator = plan.indicators.get(code=iku["code"])
    value = get_measurements([indicator], 2022)[indicator.pk].year_achievement
    assert iku["value"] == (None if value is None else str(value.quantize(__import__("decimal").Decimal("0.01"))))
    assert iku["url"] == reverse("indicator-detail", args=[SEED, indicator.code])
    assert iku["category"] in {"sangat-tinggi", "tinggi", "sedang", "rendah", "sangat-rendah", "none"}


def test_the_tree_page_has_the_chart_data_and_a_nested_list(client, world):
    client.force_login(world.inspector)
    response = client.get(reverse("performance-tree", args=[SEED]) + "?tahun=2022&triwulan=2")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="tree-data"' in html and 'id="performance-tree"' in html and 'class="nested"' in html
    assert reverse("indicator-detail", args=[SEED, "IKU.5"]) in html
    assert "tree.js" in html and "echarts-5.6.0.min.js" in html


@pytest.mark.parametrize("size", [(10, 9, 10)])
def test_a_tree_of_a_thousand_nodes_costs_the_same_queries_as_the_seed(client, world, size):
    divisions, sections, indicators = size
    big = make_agency(
        "dinas-seribu", region=world.agency.region, divisions=divisions, sections=sections, indicators=indicators
    )
    root = selectors.get_tree(find_current_plan(big), 2022, 1, tree_urls(big.code, 2022))
    assert selectors.count_nodes(root) >= 1000
    client.force_login(world.bappeda)
    counts = []
    for code in (SEED, big.code):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(reverse("performance-tree", args=[code]) + "?tahun=2022&triwulan=1")
        assert response.status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1] <= 16
    data = json.loads(
        response.content.decode().split('id="tree-data" type="application/json">')[1].split("</script>")[0]
    )
    assert selectors.count_nodes(data) == selectors.count_nodes(root)
