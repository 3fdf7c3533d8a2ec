"""One door (issue 15): the services check who may and every rule; the evaluation's feeding is a named trusted
path; a stale version is refused with who changed it; only the changed columns are saved; nothing moves in a
closed quarter, a verification included."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kinerja.performance import services, workflow
from kinerja.performance.models import Actual, Target
from kinerja.strategy.models import Indicator


@pytest.fixture
def count(seed) -> Indicator:
    """A count on the page of kasi-tata-kelola, below kabid-persandian."""
    return (
        Indicator.objects.filter(plan__agency=seed, page_rows__position__code="kasi-tata-kelola", formula="count")
        .order_by("order")
        .first()
    )


@pytest.fixture
def fed(seed) -> Indicator:
    return Indicator.objects.get(plan__agency=seed, code="IKU.1")


def enter(world, indicator, value: int = 3, **kwargs) -> Actual:
    return services.record_actual(
        actor=world.section_head, indicator=indicator, year=2022, quarter=2, value=Decimal(value), **kwargs
    )


def test_an_indicator_fed_by_the_evaluation_is_refused_to_every_typist_even_its_page_holder(world, fed):
    with pytest.raises(ValidationError, match="evaluasi SAKIP"):
        services.record_actual(actor=world.head_of_agency, indicator=fed, year=2022, quarter=4, value=Decimal(80))
    with pytest.raises(ValidationError, match="evaluasi SAKIP"):
        services.record_actual(actor=None, indicator=fed, year=2022, quarter=4, value=Decimal(80))
    assert not Actual.objects.filter(indicator=fed).exists()


def test_the_evaluation_feeds_its_indicator_through_the_named_path_and_no_other(world, fed, count):
    actual = services.feed_actual(
        actor=world.inspector,
        indicator=fed,
        year=2022,
        quarter=4,
        value=Decimal("77.5"),
        note="Nilai evaluasi",
        source="evaluasi-sakip",
    )
    assert (actual.value, actual.status, actual.entered_by) == (Decimal("77.5"), Actual.Status.DRAFT, world.inspector)
    with pytest.raises(ValidationError, match="tidak diisi oleh"):
        services.feed_actual(
            actor=world.inspector,
            indicator=count,
            year=2022,
            quarter=4,
            value=Decimal(1),
            note="",
            source="evaluasi-sakip",
        )


def test_a_figure_typed_by_hand_before_the_rule_gives_way_to_the_evaluation_even_once_submitted(world, fed):
    typed = Actual.objects.create(
        indicator=fed,
        year=2022,
        quarter=4,
        value=Decimal(99),
        entered_by=world.head_of_agency,
        status=Actual.Status.SUBMITTED,
    )
    fed_actual = services.feed_actual(
        actor=world.inspector,
        indicator=fed,
        year=2022,
        quarter=4,
        value=Decimal(70),
        note="Nilai evaluasi",
        source="evaluasi-sakip",
    )
    assert fed_actual.pk == typed.pk
    assert (fed_actual.value, fed_actual.entered_by, fed_actual.status) == (Decimal(70), world.inspector, "draft")


def test_who_may_is_asked_by_the_services_themselves(world, count):
    for stranger in (world.planner, world.division_head, world.inspector, world.outsider):
        with pytest.raises(PermissionDenied):
            services.record_actual(actor=stranger, indicator=count, year=2022, quarter=2, value=Decimal(1))
    for stranger in (world.section_head, world.head_of_agency, world.inspector):
        with pytest.raises(PermissionDenied):
            services.set_target(actor=stranger, indicator=count, kind="year", year=2022, value=Decimal(4))
    assert not Actual.objects.filter(indicator=count).exists()
    assert not Target.objects.filter(indicator=count, kind="year", year=2022).exists()


def test_a_verification_in_a_closed_quarter_is_refused_and_reopening_needs_the_period_reopened_first(world, count):
    actual = workflow.submit_actual(actor=world.section_head, actual=enter(world, count))
    workflow.close_period(actor=world.planner, agency=world.agency, year=2022, quarter=2)
    with pytest.raises(ValidationError, match="tidak dapat diverifikasi"):
        workflow.verify_actual(actor=world.division_head, actual=actual)
    assert Actual.objects.get(pk=actual.pk).status == Actual.Status.SUBMITTED
    workflow.reopen_period(actor=world.planner, agency=world.agency, year=2022, quarter=2, reason="Verifikasi")
    workflow.verify_actual(actor=world.division_head, actual=actual)
    workflow.close_period(actor=world.planner, agency=world.agency, year=2022, quarter=2)
    with pytest.raises(ValidationError, match="membuka kembali periodenya dahulu"):
        workflow.reopen_actual(actor=world.planner, actual=actual, reason="Salah ketik")
    workflow.reopen_period(actor=world.planner, agency=world.agency, year=2022, quarter=2, reason="Koreksi")
    assert workflow.reopen_actual(actor=world.planner, actual=actual, reason="Salah ketik").status == "draft"


def test_a_stale_version_is_refused_naming_who_changed_it_and_nothing_is_saved(world, count):
    first = enter(world, count, 3)
    shown = workflow.version_of(first)
    second = enter(world, count, 4, version=shown)
    with pytest.raises(workflow.StaleActual, match=r"baru saja diubah oleh Kepala Seksi Uji, S\.Kom; muat ulang"):
        enter(world, count, 5, version=shown)
    with pytest.raises(workflow.StaleActual):
        enter(world, count, 5, version="")  # the form showed no actual yet: someone entered one meanwhile
    with pytest.raises(workflow.StaleActual):
        workflow.submit_actual(actor=world.section_head, actual=second, version=shown)
    stored = Actual.objects.get(pk=first.pk)
    assert (stored.value, stored.status, workflow.version_of(stored)) == (
        Decimal(4),
        "draft",
        workflow.version_of(second),
    )


def test_a_save_writes_only_the_columns_it_changes(world, count):
    enter(world, count, 3, note="awal")
    with CaptureQueriesContext(connection) as captured:
        enter(world, count, 3, note="diperbaiki")
    updates = [query["sql"] for query in captured if query["sql"].startswith("UPDATE") and "actual" in query["sql"]]
    assert len(updates) == 1
    assert '"note"' in updates[0] and '"value"' not in updates[0] and '"status"' not in updates[0]
    with CaptureQueriesContext(connection) as captured:
        enter(world, count, 3, note="diperbaiki")  # nothing new: nothing written
    assert not [query for query in captured if query["sql"].startswith(("UPDATE", "INSERT"))]


def test_the_entry_page_carries_the_version_and_a_stale_form_is_told_to_reload(client, world, seed, count):
    client.force_login(world.section_head)
    url = reverse("entry-save", args=[seed.code, "kasi-tata-kelola", count.code]) + "?tahun=2022&triwulan=2"
    prefix = count.code.replace(".", "_")
    page = client.get(reverse("entry-page", args=[seed.code, "kasi-tata-kelola"]) + "?tahun=2022&triwulan=2")
    assert f'name="{prefix}-version" value="baru"' in page.content.decode()
    enter(world, count, 7)  # meanwhile, in another tab
    response = client.post(url, {f"{prefix}-value": "9", f"{prefix}-version": "baru"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert "Data ini baru saja diubah oleh" in response.content.decode()
    assert Actual.objects.get(indicator=count, year=2022, quarter=2).value == Decimal(7)
    current = workflow.version_of(Actual.objects.get(indicator=count, year=2022, quarter=2))
    response = client.post(url, {f"{prefix}-value": "9", f"{prefix}-version": current}, HTTP_HX_REQUEST="true")
    assert Actual.objects.get(indicator=count, year=2022, quarter=2).value == Decimal(9)


def test_the_api_refuses_the_fed_indicator_with_400_and_a_stranger_with_403(client, world, fed, count):
    client.force_login(world.head_of_agency)
    response = client.post(
        reverse("api-actual-list"),
        {"indicator": fed.pk, "year": 2022, "quarter": 4, "value": "80"},
        content_type="application/json",
    )
    assert response.status_code == 400 and "evaluasi SAKIP" in response.json()["non_field_errors"][0]
    client.force_login(world.planner)
    response = client.post(
        reverse("api-actual-list"),
        {"indicator": count.pk, "year": 2022, "quarter": 2, "value": "1"},
        content_type="application/json",
    )
    assert response.status_code == 403 and "Hanya pejabat" in response.json()["detail"]
    assert not Actual.objects.filter(indicator__in=[fed, count]).exists()


def test_the_api_takes_the_updated_at_it_showed_and_refuses_a_stale_one(client, world, count):
    client.force_login(world.section_head)
    created = client.post(
        reverse("api-actual-list"),
        {"indicator": count.pk, "year": 2022, "quarter": 2, "value": "1"},
        content_type="application/json",
    ).json()
    url = reverse("api-actual-detail", args=[created["id"]])
    changed = client.patch(url, {"value": "2", "updated_at": created["updated_at"]}, content_type="application/json")
    assert changed.status_code == 200
    stale = client.patch(url, {"value": "3", "updated_at": created["updated_at"]}, content_type="application/json")
    assert stale.status_code == 400 and "baru saja diubah" in stale.json()["non_field_errors"][0]
    submit = reverse("api-actual-submit", args=[created["id"]])
    refused = client.post(submit, {"updated_at": created["updated_at"]}, content_type="application/json")
    assert refused.status_code == 400
    assert Actual.objects.get(pk=created["id"]).value == Decimal(2)
    done = client.post(submit, {"updated_at": changed.json()["updated_at"]}, content_type="application/json")
    assert done.status_code == 200 and done.json()["status"] == "submitted"


def test_the_entry_pages_submit_button_carries_the_version(client, world, seed, count):
    actual = enter(world, count)
    client.force_login(world.section_head)
    page = client.get(reverse("entry-page", args=[seed.code, "kasi-tata-kelola"]) + "?tahun=2022&triwulan=2")
    assert f'name="version" value="{workflow.version_of(actual)}"' in page.content.decode()
    enter(world, count, 8)  # meanwhile
    url = reverse("entry-submit", args=[seed.code, "kasi-tata-kelola", count.code]) + "?tahun=2022&triwulan=2"
    response = client.post(url, {"version": workflow.version_of(actual)}, follow=True)
    assert "baru saja diubah" in response.content.decode()
    assert Actual.objects.get(pk=actual.pk).status == Actual.Status.DRAFT
