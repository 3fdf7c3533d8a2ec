"""History pages: an indicator's changes, newest first, with values the Indonesian way; an agency's log with
filters and pages of 50 at a fixed number of queries; both escape what people typed; out of reach is a 404."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from conftest import PER_REQUEST_QUERIES
from kinerja.accounts.tests.factories import RoleGrantFactory
from kinerja.core import audit
from kinerja.core.models import AuditRecord
from kinerja.performance import services
from kinerja.strategy import services as strategy_services
from kinerja.strategy.models import Indicator


@pytest.fixture
def indicator(seed) -> Indicator:
    """A count on the page of kasi-tata-kelola: the section head enters its actuals."""
    return (
        Indicator.objects.filter(plan__agency=seed, formula="count", page_rows__position__code="kasi-tata-kelola")
        .order_by("order")
        .first()
    )


def test_the_indicator_page_links_to_its_history(logged_in, seed, indicator):
    page = logged_in.get(reverse("indicator-detail", args=[seed.code, indicator.code])).content.decode()
    assert reverse("indicator-history", args=[seed.code, indicator.code]) in page


def test_the_indicator_history_shows_both_versions_of_an_actual_newest_first(logged_in, world, seed, indicator):
    services.record_actual(actor=world.section_head, indicator=indicator, year=2022, quarter=2, value=Decimal(1234))
    services.record_actual(actor=world.section_head, indicator=indicator, year=2022, quarter=2, value=Decimal(1500))
    response = logged_in.get(reverse("indicator-history", args=[seed.code, indicator.code]))
    assert response.status_code == 200
    page = response.content.decode()
    assert "1.234,00 → 1.500,00" in page.replace('</span> → <span class="after">', " → ")
    assert '<dd><span class="after">1.234,00</span></dd>' in page  # created: the value it was created with
    assert page.index(f"Realisasi Triwulan II 2022 indikator {indicator.code} diubah") < page.index(
        f"Realisasi Triwulan II 2022 indikator {indicator.code} dibuat"
    )
    assert world.section_head.get_full_name() in page


def test_the_history_shows_a_script_in_a_note_as_text(logged_in, world, seed, indicator):
    payload = "<script>alert('riwayat')</script>"
    services.record_actual(
        actor=world.section_head, indicator=indicator, year=2022, quarter=1, value=Decimal(1), note=payload
    )
    for url in (
        reverse("indicator-history", args=[seed.code, indicator.code]),
        reverse("agency-history", args=[seed.code]),
    ):
        page = logged_in.get(url).content.decode()
        assert payload not in page
        assert "&lt;script&gt;alert(&#x27;riwayat&#x27;)&lt;/script&gt;" in page


def test_history_pages_are_not_found_outside_the_agency(client, world, seed, indicator):
    client.force_login(world.outsider)
    assert client.get(reverse("agency-history", args=[seed.code])).status_code == 404
    assert client.get(reverse("indicator-history", args=[seed.code, indicator.code])).status_code == 404
    client.logout()
    assert client.get(reverse("agency-history", args=[seed.code])).status_code == 302  # to the login page


def _records(logged_in, seed, **filters) -> list[str]:
    response = logged_in.get(reverse("agency-history", args=[seed.code]), filters)
    assert response.status_code == 200
    return [entry.record.description for entry in response.context["entries"]]


def test_the_agency_log_filters_by_user_kind_dates_and_text(logged_in, world, seed, indicator):
    services.set_target(actor=world.planner, indicator=indicator, kind="year", year=2022, value=Decimal(4))
    services.record_actual(
        actor=world.section_head,
        indicator=indicator,
        year=2022,
        quarter=1,
        value=Decimal(1),
        note="rapat koordinasi khusus",
    )
    programme = seed.plans.get().programmes.order_by("order").first()
    RoleGrantFactory(user=world.secretary, agency=seed)  # a second planner, to tell the people apart
    strategy_services.set_budget(actor=world.secretary, programme=programme, year=2022, amount=Decimal(5))
    # a record of 2019, written at its time: on PostgreSQL a record never moves to another year's partition (the
    # move is a delete there, refused), so an older record is not made by ageing a new one
    old = audit.build(actor=None, action="changed", obj=programme, before={}, after={}, agency=seed, description="Lama")
    old.at = timezone.make_aware(datetime.datetime(2019, 5, 6, 10, 0))
    old.save()
    target = f"Target tahunan 2022 indikator {indicator.code} dibuat"
    actual = f"Realisasi Triwulan I 2022 indikator {indicator.code} dibuat"
    budget = f"Anggaran 2022 program {programme.code} dibuat"

    assert _records(logged_in, seed, pengguna=world.planner.pk) == [target]
    assert _records(logged_in, seed, pengguna=world.secretary.pk) == [budget]
    assert _records(logged_in, seed, pengguna=world.section_head.pk) == [actual]
    assert _records(logged_in, seed, jenis="performance.actual") == [actual]
    assert _records(logged_in, seed, dari="2019-05-06", sampai="2019-05-06") == ["Lama"]
    assert "Lama" not in _records(logged_in, seed, dari=timezone.localdate().isoformat())
    assert _records(logged_in, seed, cari="KOORDINASI KHUSUS") == [actual]
    assert _records(logged_in, seed, pengguna=world.planner.pk, jenis="performance.target") == [target]
    system = _records(logged_in, seed, pengguna="sistem")
    assert system and target not in system and actual not in system  # the dataset load, by the system
    assert _records(logged_in, seed, dari="2022-02-01", sampai="2022-01-01") == []  # refused: shows nothing


def test_the_agency_log_pages_by_50_at_a_fixed_number_of_queries(logged_in, world, seed, indicator):
    def queries(page: int) -> int:
        with CaptureQueriesContext(connection) as captured:
            response = logged_in.get(reverse("agency-history", args=[seed.code]), {"halaman": page})
        assert response.status_code == 200
        assert len(response.context["entries"]) <= 50
        return len(captured)

    with audit.client_ip_set("192.0.2.7"):
        for quarter in (1, 2, 3, 4):
            services.record_actual(
                actor=world.section_head, indicator=indicator, year=2022, quarter=quarter, value=Decimal(quarter)
            )
    small = queries(1)
    AuditRecord.objects.bulk_create(
        [
            audit.build(
                actor=world.secretary,
                action="changed",
                obj=indicator,
                about=indicator,
                agency=seed,
                before={"name": f"lama {n}"},
                after={"name": f"baru {n}"},
            )
            for n in range(130)
        ]
    )
    total = AuditRecord.objects.filter(agency=seed).count()
    response = logged_in.get(reverse("agency-history", args=[seed.code]))
    assert len(response.context["entries"]) == 50 and response.context["page"].paginator.count == total
    assert queries(1) == small == queries(2) == queries(3)
    assert small <= 9 + PER_REQUEST_QUERIES
