"""The SKP in the JSON API: read per SKP as the pages read it (access.may_read_skp), in a number of queries flat
in the number of SKP, and rated through skp.services.rate_skp with its refusals answered 403 / 400."""

import pytest
from django.test import Client
from django.urls import reverse

from kinerja.skp import services
from kinerja.skp.models import Skp
from kinerja.skp.tests.helpers import (
    ALL_AS_EXPECTED,
    SECTION,
    YEAR,
    official_of,
    section_skp,
    staff_member,
    staff_skp,
)

SEED = "halut-diskominfo"


def as_user(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def listed(user, **query) -> set[int]:
    response = as_user(user).get(reverse("api-skp-list"), {"year": YEAR, **query})
    assert response.status_code == 200
    return {row["id"] for row in response.json()["results"]}


@pytest.fixture
def skps(world, seed):
    staff, staff_user = staff_member(world)
    own = section_skp(world)
    staff_one = staff_skp(world, staff, staff_user)
    services.add_staff_result(
        actor=world.section_head, skp=staff_one, parent=own.results.order_by("order").first(), text="Menyusun SOP"
    )
    services.prepare_year(actor=None, agency=seed, year=YEAR)
    return own, staff_one, staff_user


def test_each_role_reads_the_skp_it_may(world, skps):
    own, staff_one, staff_user = skps
    every = set(Skp.objects.filter(year=YEAR).values_list("pk", flat=True))
    assert listed(world.section_head) == {own.pk, staff_one.pk}  # own, and the staff member's
    assert listed(staff_user) == {staff_one.pk}
    assert own.pk in listed(world.division_head) and staff_one.pk not in listed(world.division_head)
    assert listed(world.planner) == every == listed(world.head_of_agency) == listed(world.inspector)
    assert listed(world.bappeda) == set() and listed(world.outsider) == set()
    assert listed(world.planner, agency=SEED, position=SECTION) == {own.pk}
    detail = reverse("api-skp-detail", args=[own.pk])
    assert as_user(world.secretary).get(detail).status_code == 404  # another official
    assert as_user(world.bappeda).get(detail).status_code == 404
    assert Client().get(detail).status_code == 401
    record = as_user(world.division_head).get(detail).json()
    assert record["official"]["nip"] == official_of(world.section_head).nip
    assert [r["text"] for r in record["results"]] == list(own.results.order_by("order").values_list("text", flat=True))
    assert record["results"][0]["chain"][-1]["kind"] == "sasaran_strategis"
    assert record["results"][0]["indicators"][0]["aspect"] == "kuantitas"
    staff_record = as_user(staff_user).get(reverse("api-skp-detail", args=[staff_one.pk])).json()
    assert staff_record["results"][0]["basis"] == "intervensi"
    assert staff_record["rating"]["work"] is None and staff_record["rating"]["predicate"] is None


def rate(user, skp, **body) -> object:
    data = {"work": "di_atas", "behaviours": ALL_AS_EXPECTED, "note": "Lewat API", **body}
    return as_user(user).post(reverse("api-skp-rating", args=[skp.pk]), data, content_type="application/json")


def test_the_superior_rates_through_the_service_and_its_refusals_are_answered(world, skps):
    own, _staff_one, staff_user = skps
    refused = rate(world.section_head, own)  # the official does not rate themself
    assert refused.status_code == 403
    assert refused.json() == {"detail": "Hanya pemegang jabatan atasan yang menilai SKP ini."}
    assert rate(staff_user, own).status_code == 404  # not readable by them
    bad = rate(world.division_head, own, work="luar biasa")
    assert bad.status_code == 400 and bad.json() == {"work_rating": ["Beri penilaian hasil kerja."]}
    missing = rate(world.division_head, own, behaviours={"akuntabel": "sesuai"})
    assert missing.status_code == 400 and "behaviour_loyal" in missing.json()
    assert Skp.objects.get(pk=own.pk).status == "draft"
    answer = rate(world.division_head, own)
    assert answer.status_code == 200
    assert answer.json()["rating"] | {"rated_by": None} == {
        "work": "di_atas",
        "behaviours": ALL_AS_EXPECTED,
        "behaviour": "sesuai",
        "predicate": "baik",
        "note": "Lewat API",
        "rated_by": None,
    }
    assert answer.json()["rating"]["rated_by"]["nip"] == official_of(world.division_head).nip
    assert Skp.objects.get(pk=own.pk).predicate == "baik"


@pytest.mark.parametrize("user", ["planner", "section_head"])
def test_the_list_costs_the_same_however_many_skp(world, skps, user, django_assert_max_num_queries):
    client = as_user(getattr(world, user))
    client.get(reverse("api-skp-list"), {"year": YEAR})
    with django_assert_max_num_queries(10) as few:
        small = client.get(reverse("api-skp-list"), {"year": YEAR}).json()["count"]
    parent = skps[0].results.first()
    for number in range(6):
        staff, staff_user = staff_member(world, f"staf-{number}", f"staf{number}")
        skp = staff_skp(world, staff, staff_user)
        result = services.add_staff_result(actor=world.section_head, skp=skp, parent=parent, text=f"Hasil {number}")
        services.add_indicator(actor=None, result=result, aspect="kuantitas", name="Jumlah", target=1, unit="dok")
    assert len(few.captured_queries) >= 6  # session, reach, the SKP, their results, objectives, indicators
    with django_assert_max_num_queries(len(few.captured_queries)):
        large = client.get(reverse("api-skp-list"), {"year": YEAR}).json()
    assert large["count"] == small + 6 and len(large["results"]) == large["count"]
