"""The action plan in the JSON API: the actions of an agency and year with their progress, read with the access of
the indicators (every reader of the agency; an outsider gets nothing of it; 401 without login)."""

from decimal import Decimal

import pytest
from django.urls import reverse

from kinerja.actionplans import progress
from kinerja.actionplans.models import ActionItem
from kinerja.organisation.models import Position
from kinerja.strategy.models import Indicator
from tests.test_access import ROLES, user_for

SEED = "halut-diskominfo"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def actions(world, seed):
    indicator = Indicator.objects.select_related("plan__agency").get(plan__agency=seed, code="kasi-tata-kelola.O1.I1")
    kasi = Position.objects.get(agency=seed, code="kasi-tata-kelola")
    first, second = (
        ActionItem.objects.create(
            indicator=indicator,
            year=2022,
            quarter=quarter,
            description=text,
            output_quantity=Decimal("2.5"),
            output_unit="laporan",
            responsible_position=kasi,
        )
        for quarter, text in ((1, "Menyusun rancangan kebijakan"), (2, "Sosialisasi kebijakan"))
    )
    entered = progress.record_progress(actor=world.section_head, action=first, outcome="partly", note="Bab I–III")
    progress.add_progress_evidence(actor=world.section_head, progress=entered, name="notulen", content=PDF)
    progress.submit_progress(actor=world.section_head, progress=entered)
    return first, second


READERS = {
    "section_head",
    "division_head",
    "secretary",
    "head_of_agency",
    "planner",
    "inspector",
    "bappeda",
    "ministry",
    "admin",
}


@pytest.mark.parametrize("role", ROLES)
def test_the_actions_of_an_agency_and_year_are_read_with_the_access_of_the_indicators(client, world, actions, role):
    user = user_for(role, world)
    if user is not None:
        client.force_login(user)
    listed = client.get(reverse("api-action-item-list"), {"year": 2022})
    one = client.get(reverse("api-action-item-detail", args=[actions[0].pk]))
    if role == "anonymous":
        assert (listed.status_code, one.status_code) == (401, 401)
        return
    if role not in READERS:
        assert listed.status_code == 200 and listed.json()["results"] == []
        assert one.status_code == 404
        return
    rows = listed.json()["results"]
    assert [(row["quarter"], row["description"]) for row in rows] == [
        (1, "Menyusun rancangan kebijakan"),
        (2, "Sosialisasi kebijakan"),
    ]
    body = one.json()
    assert (body["agency"], body["indicator_code"], body["responsible_position_code"]) == (
        SEED,
        "kasi-tata-kelola.O1.I1",
        "kasi-tata-kelola",
    )
    assert Decimal(body["output_quantity"]) == Decimal("2.5")
    assert body["progress"]["outcome"] == "partly" and body["progress"]["status"] == "submitted"
    assert [file["name"] for file in body["progress"]["evidence"]] == ["notulen.pdf"]
    assert rows[1]["progress"] is None


def test_the_list_filters_by_agency_quarter_and_position(client, world, actions):
    client.force_login(world.inspector)
    url = reverse("api-action-item-list")
    quarter_two = client.get(url, {"agency": SEED, "year": 2022, "quarter": 2}).json()["results"]
    assert [row["id"] for row in quarter_two] == [actions[1].pk]
    other_page = client.get(url, {"agency": SEED, "position": "sekretaris"}).json()["results"]
    assert other_page == []
    assert client.get(url, {"year": 1900}).status_code == 400


def test_the_api_does_not_write_actions(client, world, actions):
    client.force_login(world.planner)
    answer = client.post(reverse("api-action-item-list"), {"year": 2022}, content_type="application/json")
    assert answer.status_code == 405
    assert ActionItem.objects.count() == 2
