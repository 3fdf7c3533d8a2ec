"""The client addresses kept in the audit trail are shown to administrators only, on both history pages."""

from decimal import Decimal

import pytest
from django.urls import reverse

from conftest import PASSWORD
from kinerja.core import audit
from kinerja.performance import services
from kinerja.strategy.models import Indicator

ADDRESS = "192.0.2.77"


@pytest.fixture
def history_urls(world, seed) -> list[str]:
    indicator = (
        Indicator.objects.filter(plan__agency=seed, formula="count", page_rows__position__code="kasi-tata-kelola")
        .order_by("order")
        .first()
    )
    with audit.client_ip_set(ADDRESS):
        services.record_actual(actor=world.section_head, indicator=indicator, year=2022, quarter=1, value=Decimal(7))
    return [reverse("indicator-history", args=[seed.code, indicator.code]), reverse("agency-history", args=[seed.code])]


@pytest.mark.parametrize(
    ("reader", "pages"),
    [
        ("planner", 2),
        ("head_of_agency", 2),
        ("section_head", 1),  # reads the indicator's history, not the agency's log
    ],
)
def test_readers_of_the_history_do_not_see_addresses(client, world, history_urls, reader, pages):
    client.force_login(getattr(world, reader))
    for url in history_urls[:pages]:
        response = client.get(url)
        assert response.status_code == 200
        page = response.content.decode()
        assert "Realisasi Triwulan I 2022" in page  # the change itself is shown ...
        assert ADDRESS not in page  # ... not where it came from
        assert "alamat IP" not in page


def test_an_administrator_sees_the_addresses(client, world, history_urls, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("admin-uji", password=PASSWORD))
    for url in history_urls:
        page = client.get(url).content.decode()
        assert ADDRESS in page
        assert "alamat IP" in page
