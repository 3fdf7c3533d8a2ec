"""Door parity of the action plan: each rule of an action's progress is refused alike through its page and its
service, and adding an action in a closed quarter alike through the page, the workbook import and the service —
and the tables stay as they were. The doors only translate what `actionplans.progress` / `services` answer."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse

from kinerja.actionplans import progress, services
from kinerja.actionplans.models import ActionItem, ActionProgress
from kinerja.actionplans.tests.helpers import INDICATOR, YEAR, indicator_of
from kinerja.exchange.exporter import export_agency_data
from kinerja.exchange.importer import import_file
from kinerja.exchange.workbook.xlsx import write_workbook
from kinerja.organisation.models import Position
from kinerja.performance.models import PeriodLock


def _action(seed) -> ActionItem:
    return ActionItem.objects.create(
        indicator=indicator_of(seed),
        year=YEAR,
        quarter=1,
        description="Menyusun rancangan kebijakan",
        output_quantity=Decimal(1),
        output_unit="dokumen",
        responsible_position=Position.objects.get(agency=seed, code="kasi-tata-kelola"),
    )


def _submitted(world, action) -> ActionProgress:
    entry = progress.record_progress(actor=world.section_head, action=action, outcome="done")
    return progress.submit_progress(actor=world.section_head, progress=entry)


def _close(seed) -> None:
    PeriodLock.objects.create(agency=seed, year=YEAR, quarter=1, closed=True)


# case → (set up, who, the step: "simpan" enters done, else a step of the page)
CASES = {
    "the holder enters in a closed quarter": (lambda w, s, a: _close(s), "section_head", "simpan"),
    "the superior enters": (lambda w, s, a: None, "division_head", "simpan"),
    "the planner enters": (lambda w, s, a: None, "planner", "simpan"),
    "the holder verifies": (lambda w, s, a: _submitted(w, a), "section_head", "verifikasi"),
    "the inspector verifies": (lambda w, s, a: _submitted(w, a), "inspector", "verifikasi"),
    "the superior verifies in a closed quarter": (
        lambda w, s, a: (_submitted(w, a), _close(s)),
        "division_head",
        "verifikasi",
    ),
    "the superior verifies a draft": (
        lambda w, s, a: progress.record_progress(actor=w.section_head, action=a, outcome="done"),
        "division_head",
        "verifikasi",
    ),
    "the holder enters over sent progress": (lambda w, s, a: _submitted(w, a), "section_head", "simpan"),
}


def _rows() -> list[tuple]:
    return list(ActionProgress.objects.order_by("pk").values_list("pk", "outcome", "note", "status", "verified_by"))


def _through_service(user, action, step) -> None:
    try:
        if step == "simpan":
            progress.record_progress(actor=user, action=action, outcome="partly", note="lewat layanan")
        else:
            progress.verify_progress(actor=user, progress=ActionProgress.objects.get(action=action))
    except (PermissionDenied, ValidationError):
        return
    raise AssertionError("the service let the write through")


def _through_page(user, action, step) -> None:
    client = Client()
    client.force_login(user)
    url = reverse("action-progress", args=[action.indicator.plan.agency.code, action.pk])
    answer = client.post(url, {"langkah": step, "outcome": "partly", "note": "lewat halaman"})
    assert answer.status_code in (302, 400, 404)


@pytest.mark.parametrize("door", ["service", "page"])
@pytest.mark.parametrize("case", sorted(CASES))
def test_every_door_refuses_the_progress_rule_and_changes_nothing(world, seed, case, door):
    set_up, role, step = CASES[case]
    action = _action(seed)
    set_up(world, seed, action)
    before = _rows()
    {"service": _through_service, "page": _through_page}[door](getattr(world, role), action, step)
    assert _rows() == before


def test_the_page_door_does_write_when_the_rules_allow_so_the_cases_can_fail(world, seed):
    action = _action(seed)
    _through_page(world.section_head, action, "simpan")
    _through_page(world.section_head, action, "kirim")
    _through_page(world.division_head, action, "verifikasi")
    assert _rows()[0][1:4] == ("partly", "lewat halaman", "verified")


@pytest.mark.parametrize("door", ["service", "page", "workbook"])
def test_an_action_in_a_closed_quarter_is_refused_at_every_door(world, seed, door):
    _action(seed)
    data = export_agency_data(seed)
    _close(seed)
    before = list(ActionItem.objects.values_list("pk", "description", "quarter", "order"))
    kasi = Position.objects.get(agency=seed, code="kasi-tata-kelola")
    if door == "service":
        with pytest.raises(ValidationError):
            services.add_action(
                actor=world.planner,
                indicator=indicator_of(seed),
                year=YEAR,
                quarter=1,
                description="Aksi baru",
                output_quantity=None,
                output_unit="",
                responsible_position=kasi,
            )
    elif door == "page":
        client = Client()
        client.force_login(world.planner)
        url = reverse("action-plan-indicator", args=[seed.code, INDICATOR]) + f"?tahun={YEAR}"
        answer = client.post(url, {"quarter": 1, "description": "Aksi baru", "responsible_position": kasi.pk})
        assert answer.status_code == 400
    else:
        data["actions"].append(
            {
                "indicator": INDICATOR,
                "year": YEAR,
                "quarter": 1,
                "description": "Aksi baru",
                "responsible_position": "kasi-tata-kelola",
            }
        )
        result = import_file(actor=world.planner, name="a.xlsx", content=write_workbook(data), agency=seed)
        assert [problem.sheet for problem in result.problems] == ["Rencana Aksi"]
    assert list(ActionItem.objects.values_list("pk", "description", "quarter", "order")) == before
