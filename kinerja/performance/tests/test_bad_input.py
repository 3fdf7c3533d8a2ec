"""Every bad input a clear Indonesian message, never a 500, and nothing written (issue 15, item 5): the yearly
target page with a closed quarter, a 30-digit number in the entry form, its preview and the admin, and quarters
that do not exist on the periods page."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from kinerja.performance import services, workflow
from kinerja.performance.models import Actual, PeriodLock, Target
from kinerja.strategy.models import Indicator

HUGE = "1" * 30


@pytest.fixture
def iku2(seed) -> Indicator:
    return Indicator.objects.get(plan__agency=seed, code="IKU.2")


@pytest.fixture
def count(seed) -> Indicator:
    return (
        Indicator.objects.filter(plan__agency=seed, page_rows__position__code="kasi-tata-kelola", formula="count")
        .order_by("order")
        .first()
    )


def targets() -> list:
    return list(
        Target.objects.order_by("pk").values_list("pk", "kind", "year", "quarter", "value", "value_upper", "updated_at")
    )


def grid_post(response) -> dict[str, str]:
    """What the browser posts: every cell that is not read-only, as shown."""
    data = {}
    for row in response.context["rows"]:
        for cell in row.cells:
            if not cell.locked:
                data[cell.name] = cell.text
                if cell.upper_name:
                    data[cell.upper_name] = cell.upper_text
    return data


def test_the_yearly_target_page_saves_the_open_years_when_a_quarter_is_closed(client, world, seed, iku2):
    client.force_login(world.planner)
    url = reverse("agency-targets", args=[seed.code])
    assert client.post(url, {f"t-{iku2.pk}-2022": "60", f"t-{iku2.pk}-2023": "65"}).status_code == 302
    workflow.close_period(actor=world.planner, agency=seed, year=2022, quarter=1)
    page = client.get(url)
    assert page.status_code == 200
    text = page.content.decode()
    assert "hanya dapat dibaca" in text and f'name="t-{iku2.pk}-2022" value="60"' in text
    data = grid_post(page)
    assert f"t-{iku2.pk}-2022" not in data
    data[f"t-{iku2.pk}-2023"] = "70,5"
    data[f"t-{iku2.pk}-2022"] = "99"  # a forged or stale form: refused by name, the rest saved
    response = client.post(url, data, follow=True)
    assert response.status_code == 200
    shown = response.content.decode()
    assert "tidak diubah karena periodenya sudah ditutup" in shown and "IKU.2 tahun 2022" in shown
    assert Target.objects.get(indicator=iku2, kind="year", year=2022).value == Decimal(60)
    assert Target.objects.get(indicator=iku2, kind="year", year=2023).value == Decimal("70.5")


def test_the_quarter_target_page_shows_a_closed_quarter_read_only_and_saves_the_others(client, world, seed, iku2):
    client.force_login(world.planner)
    workflow.close_period(actor=world.planner, agency=seed, year=2022, quarter=2)
    url = reverse("position-targets", args=[seed.code, "kadis"]) + "?tahun=2022"
    page = client.get(url)
    assert 'id="closed-quarters"' in page.content.decode()
    data = grid_post(page)
    data[f"q-{iku2.pk}-1"] = "10"
    response = client.post(url, data)
    assert response.status_code == 302
    assert Target.objects.get(indicator=iku2, kind="quarter", year=2022, quarter=1).value == Decimal(10)
    assert not Target.objects.filter(indicator=iku2, kind="quarter", year=2022, quarter=2).exists()


@pytest.mark.parametrize("htmx", [False, True])
def test_a_30_digit_number_in_the_entry_form_is_a_message_not_a_500(client, world, seed, count, htmx):
    client.force_login(world.section_head)
    prefix = count.code.replace(".", "_")
    url = reverse("entry-save", args=[seed.code, "kasi-tata-kelola", count.code]) + "?tahun=2022&triwulan=2"
    headers = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    response = client.post(url, {f"{prefix}-value": HUGE}, **headers)
    assert response.status_code == 200
    assert "Angka terlalu besar" in response.content.decode()
    assert not Actual.objects.filter(indicator=count).exists()


@pytest.mark.parametrize(
    "figures",
    [
        {"IKU_2-numerator": HUGE, "IKU_2-denominator": HUGE},
        {"IKU_2-numerator": "1", "IKU_2-denominator": HUGE},
    ],
)
def test_a_30_digit_number_in_the_preview_and_the_ratio_form_is_a_message(logged_in, seed, figures):
    base = ["halut-diskominfo", "kadis", "IKU.2"]
    preview = logged_in.post(reverse("entry-preview", args=base) + "?tahun=2022&triwulan=2", figures)
    assert preview.status_code == 200 and "Angka terlalu besar" in preview.content.decode()
    saved = logged_in.post(reverse("entry-save", args=base) + "?tahun=2022&triwulan=2", figures)
    assert saved.status_code == 200 and "Angka terlalu besar" in saved.content.decode()
    assert not Actual.objects.exists()


def test_a_quotient_too_large_for_the_database_is_a_message():
    ratio = Indicator(formula=Indicator.Formula.RATIO, unit="kali", factor=Decimal(1))  # not a percentage
    with pytest.raises(ValidationError, match="terlalu besar"):
        services.checked_terms(ratio, value=None, numerator=Decimal(10) ** 15, denominator=Decimal("0.0001"))
    with pytest.raises(ValidationError, match="Penyebut harus lebih besar"):  # rounds to 0 in the database
        services.checked_terms(ratio, value=None, numerator=Decimal(1), denominator=Decimal("0.00001"))


@pytest.mark.parametrize("quarter", ["0", "5", "-1", "abc", "", "1e3", "99999999999999999999999"])
@pytest.mark.parametrize("action", ["close", "reopen"])
def test_closing_a_quarter_that_does_not_exist_is_a_message(client, world, seed, quarter, action):
    client.force_login(world.planner)
    url = reverse("periods", args=[seed.code]) + "?tahun=2022"
    response = client.post(url, {"quarter": quarter, "action": action, "reason": "uji"}, follow=True)
    assert response.status_code == 200
    assert "tidak ada; pilih triwulan 1–4" in response.content.decode()
    assert not PeriodLock.objects.exists()


def test_the_period_service_refuses_a_quarter_that_does_not_exist(world, seed):
    for quarter in (0, 5, -1):
        with pytest.raises(ValidationError, match="Triwulan"):
            workflow.close_period(actor=world.planner, agency=seed, year=2022, quarter=quarter)
    assert not PeriodLock.objects.exists()


def test_the_admin_shows_a_closed_quarter_as_a_form_error_and_saves_nothing(
    client, django_user_model, world, seed, iku2
):
    client.force_login(django_user_model.objects.create_superuser("super", password="x-Super-123"))
    workflow.close_period(actor=world.planner, agency=seed, year=2022, quarter=2)
    before = targets()
    response = client.post(
        reverse("admin:performance_target_add"),
        {"indicator": iku2.pk, "kind": "quarter", "year": 2022, "quarter": 2, "value": "5"},
    )
    assert response.status_code == 200
    assert "sudah ditutup" in response.content.decode()
    assert targets() == before
    response = client.post(
        reverse("admin:performance_target_add"),
        {"indicator": iku2.pk, "kind": "quarter", "year": 2022, "quarter": 3, "value": "5"},
    )
    assert response.status_code == 302
    assert Target.objects.get(indicator=iku2, kind="quarter", year=2022, quarter=3).value == Decimal(5)


def test_the_admin_enters_no_actual_the_service_says_who_does(client, django_user_model, seed, iku2):
    client.force_login(django_user_model.objects.create_superuser("super", password="x-Super-123"))
    response = client.post(
        reverse("admin:performance_actual_add"),
        {
            "indicator": iku2.pk,
            "year": 2022,
            "quarter": 2,
            "numerator": "1",
            "denominator": "2",
            "evidence-TOTAL_FORMS": "0",
            "evidence-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 200
    assert "Hanya pejabat" in response.content.decode()
    assert not Actual.objects.exists()
