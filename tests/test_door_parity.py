"""Door parity (issue 15): every rule of an actual or a target is refused the same way whichever door the write
comes through — the page, the JSON API, the Django admin or the service itself — and the Actual and Target tables
stay as they were.

Each case sets a world up (a closed quarter, a submitted actual, …), then one door tries the write. The page and
the API only translate what `performance.services` / `performance.workflow` answer; no door holds a rule of its
own, so a door that forgot to ask would show up here as a write that went through.
"""

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

import pytest
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse

from kinerja.performance import services, workflow
from kinerja.performance.models import Actual, Target
from kinerja.strategy.models import Indicator

YEAR = 2022
HUGE = "1" * 30  # 30 digits: more than any column holds
NOT_FOUND = "404"  # a page answers a write out of the user's reach as if the object did not exist


def tables() -> tuple[list, list]:
    """Every row of the two tables a refused write must leave alone."""
    actuals = list(
        Actual.objects.order_by("pk").values_list(
            "pk",
            "indicator_id",
            "year",
            "quarter",
            "value",
            "numerator",
            "denominator",
            "note",
            "status",
            "entered_by_id",
            "verified_by_id",
            "updated_at",
        )
    )
    targets = list(
        Target.objects.order_by("pk").values_list(
            "pk", "indicator_id", "kind", "year", "quarter", "value", "value_upper", "updated_at"
        )
    )
    return actuals, targets


@dataclass
class Case:
    """One rule: who tries (`actor`, a World attribute), on which indicator and quarter, with which figures, after
    which `setup`; what message (a fragment) the refusal carries."""

    rule: str
    actor: str
    indicator: str
    quarter: int
    figures: dict
    message: str = ""
    setup: Callable | None = None
    what: str = "actual"  # or "target" (a quarterly target) or "verify"


def close_quarter(world, quarter: int = 2) -> None:
    workflow.close_period(actor=world.planner, agency=world.agency, year=YEAR, quarter=quarter)


def submitted(world, quarter: int = 2) -> None:
    indicator = Indicator.objects.get(plan__agency=world.agency, code="IKU.2")
    actual = services.record_actual(
        actor=world.head_of_agency,
        indicator=indicator,
        year=YEAR,
        quarter=quarter,
        numerator=Decimal(1),
        denominator=Decimal(2),
    )
    workflow.submit_actual(actor=world.head_of_agency, actual=actual)


def submitted_then_closed(world) -> None:
    """An actual of the section head waiting for the division head, in a quarter closed since."""
    indicator = Indicator.objects.filter(
        plan__agency=world.agency, page_rows__position__code="kasi-tata-kelola", formula="count"
    ).first()
    actual = services.record_actual(
        actor=world.section_head, indicator=indicator, year=YEAR, quarter=2, value=Decimal(1)
    )
    workflow.submit_actual(actor=world.section_head, actual=actual)
    close_quarter(world)


RATIO = {"numerator": "3", "denominator": "10"}
CASES = [
    Case("who may: the planner holds no position", "planner", "IKU.2", 2, RATIO, "Hanya pejabat"),
    Case("period closed", "head_of_agency", "IKU.2", 2, RATIO, "sudah ditutup", close_quarter),
    Case(
        "editable state: waiting for verification",
        "head_of_agency",
        "IKU.2",
        2,
        RATIO,
        "menunggu verifikasi",
        submitted,
    ),
    Case("fed by the SAKIP evaluation", "head_of_agency", "IKU.1", 4, {"value": "80"}, "evaluasi SAKIP"),
    Case(
        "ratio terms: a percentage above its whole",
        "head_of_agency",
        "IKU.2",
        2,
        {"numerator": "11", "denominator": "10"},
        "tidak boleh lebih besar",
    ),
    Case(
        "ratio terms: a zero denominator",
        "head_of_agency",
        "IKU.2",
        2,
        {"numerator": "1", "denominator": "0"},
        "Penyebut harus lebih besar",
    ),
    Case("number out of range", "head_of_agency", "IKU.2", 2, {"numerator": HUGE, "denominator": HUGE}, ""),
    Case(
        "target: who may — an official is not the planner",
        "head_of_agency",
        "IKU.2",
        2,
        {"value": "5"},
        "admin perencanaan",
        what="target",
    ),
    Case("target: period closed", "planner", "IKU.2", 2, {"value": "5"}, "ditutup", close_quarter, what="target"),
    Case("target: number out of range", "planner", "IKU.2", 2, {"value": HUGE}, "", what="target"),
    Case("verify: period closed", "division_head", "", 2, {}, "sudah ditutup", submitted_then_closed, what="verify"),
]


def _indicator(world, case: Case) -> Indicator | None:
    return Indicator.objects.get(plan__agency=world.agency, code=case.indicator) if case.indicator else None


def _waiting() -> Actual:
    return Actual.objects.get(status=Actual.Status.SUBMITTED)


# -- the doors --------------------------------------------------------------------------------------------


def through_service(world, case: Case) -> str:
    actor = getattr(world, case.actor)
    indicator = _indicator(world, case)
    figures = {name: Decimal(text) for name, text in case.figures.items()}
    try:
        if case.what == "actual":
            services.record_actual(actor=actor, indicator=indicator, year=YEAR, quarter=case.quarter, **figures)
        elif case.what == "target":
            services.set_target(
                actor=actor, indicator=indicator, kind=Target.Kind.QUARTER, year=YEAR, quarter=case.quarter, **figures
            )
        else:
            workflow.verify_actual(actor=actor, actual=_waiting())
    except (ValidationError, PermissionDenied) as error:
        return " ".join(getattr(error, "messages", None) or [str(error)])
    pytest.fail(f"the service accepted: {case.rule}")


def through_page(world, case: Case) -> str:
    client = Client()
    client.force_login(getattr(world, case.actor))
    code = world.agency.code
    if case.what == "actual":
        prefix = case.indicator.replace(".", "_")
        url = reverse("entry-save", args=[code, "kadis", case.indicator]) + f"?tahun={YEAR}&triwulan={case.quarter}"
        response = client.post(url, {f"{prefix}-{name}": text for name, text in case.figures.items()})
    elif case.what == "target":
        indicator = _indicator(world, case)
        url = reverse("position-targets", args=[code, "kadis"]) + f"?tahun={YEAR}"
        response = client.post(url, {f"q-{indicator.pk}-{case.quarter}": case.figures["value"]}, follow=True)
    else:
        url = reverse("verification-decide", args=[code, _waiting().pk])
        response = client.post(url, {"action": "verify", "confirm": "1"}, follow=True)  # as its form sends it
    assert response.status_code in (200, 404), response.status_code  # a message on the page, or not found
    return response.content.decode() if response.status_code == 200 else NOT_FOUND


def through_api(world, case: Case) -> str:
    client = Client()
    client.force_login(getattr(world, case.actor))
    indicator = _indicator(world, case)
    if case.what == "actual":
        body = {"indicator": indicator.pk, "year": YEAR, "quarter": case.quarter, **case.figures}
        response = client.post(reverse("api-actual-list"), body, content_type="application/json")
    elif case.what == "target":
        body = {"indicator": indicator.pk, "kind": "quarter", "year": YEAR, "quarter": case.quarter, **case.figures}
        response = client.post(reverse("api-target-list"), body, content_type="application/json")
    else:
        response = client.post(reverse("api-actual-verify", args=[_waiting().pk]), content_type="application/json")
    assert response.status_code in (400, 403), (response.status_code, response.content)
    return response.content.decode()


def through_admin(world, case: Case) -> str:
    """The Django admin, as the same person made staff with the model permissions (the admin's own gate)."""
    if case.what == "verify":
        pytest.skip("the admin has no verification door: an actual's state is read-only there")
    user = getattr(world, case.actor)
    user.is_staff = True
    user.save(update_fields=["is_staff"])
    user.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="performance",
            codename__in=["add_actual", "change_actual", "add_target", "change_target", "view_actual", "view_target"],
        )
    )
    client = Client()
    client.force_login(user)
    indicator = _indicator(world, case)
    body = {"indicator": indicator.pk, "year": YEAR, "quarter": case.quarter, **case.figures}
    if case.what == "actual":
        body |= {"evidence-TOTAL_FORMS": "0", "evidence-INITIAL_FORMS": "0"}
        response = client.post(reverse("admin:performance_actual_add"), body)
    else:
        response = client.post(reverse("admin:performance_target_add"), {**body, "kind": "quarter"})
    assert response.status_code == 200, response.status_code  # the form again, with the refusal on it
    return response.content.decode()


DOORS = {"service": through_service, "page": through_page, "api": through_api, "admin": through_admin}


@pytest.mark.parametrize("door", DOORS)
@pytest.mark.parametrize("case", CASES, ids=[case.rule for case in CASES])
def test_every_door_refuses_the_rule_and_changes_nothing(world, case, door, settings):
    settings.LANGUAGE_CODE = "id"
    if case.setup is not None:
        case.setup(world)
    before = tables()
    answer = DOORS[door](world, case)
    assert tables() == before
    if answer != NOT_FOUND:
        # a number too long is refused by the parser of the admin form before the service ("… tidak melebihi 20
        # angka."), by the one number reader (kinerja.core.numbers) or the service everywhere else, in the same
        # words ("Angka terlalu besar")
        expected = case.message or {"admin": "melebihi 20 angka"}.get(door, "terlalu besar")
        assert expected in answer, answer[:2000]


def test_a_door_that_may_write_does_write_so_the_cases_above_can_fail(world):
    """The control: the same doors, with a permitted write, change the tables."""
    indicator = Indicator.objects.get(plan__agency=world.agency, code="IKU.2")
    client = Client()
    client.force_login(world.head_of_agency)
    url = reverse("entry-save", args=[world.agency.code, "kadis", "IKU.2"]) + f"?tahun={YEAR}&triwulan=2"
    assert client.post(url, {"IKU_2-numerator": "3", "IKU_2-denominator": "10"}).status_code == 302
    assert Actual.objects.get(indicator=indicator, year=YEAR, quarter=2).value == Decimal("30.0000")
    response = client.post(
        reverse("api-actual-list"),
        {"indicator": indicator.pk, "year": YEAR, "quarter": 3, "numerator": "1", "denominator": "4"},
        content_type="application/json",
    )
    assert response.status_code == 201
    client.force_login(world.planner)
    response = client.post(
        reverse("api-target-list"),
        {"indicator": indicator.pk, "kind": "quarter", "year": YEAR, "quarter": 2, "value": "5"},
        content_type="application/json",
    )
    assert response.status_code == 201
