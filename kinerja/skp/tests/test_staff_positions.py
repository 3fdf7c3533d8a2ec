"""Staff positions: added by the planner through one service, below a position; printed in no decree, listed on no
IKI page, never reported as a position without IKI page, never given an IKI page."""

import html

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from kinerja.core.models import AuditRecord
from kinerja.organisation.models import Position
from kinerja.organisation.staff_positions import add_staff_position
from kinerja.performance.consistency import check_agency
from kinerja.strategy.models import Objective
from kinerja.strategy.selectors import get_current_plan, list_positions

from .helpers import SECTION, position, staff_member, staff_position

SEED = "halut-diskominfo"


def test_the_planner_adds_a_staff_position_below_a_section_head_in_its_unit(world, seed):
    staff = staff_position(world)
    section = position(seed, SECTION)
    assert (staff.kind, staff.superior, staff.unit, staff.agency) == ("staf", section, section.unit, seed)
    assert staff.order > max(p.order for p in Position.objects.filter(agency=seed).exclude(pk=staff.pk))
    assert AuditRecord.objects.filter(object_pk=str(staff.pk), description__contains="Jabatan staf").exists()


@pytest.mark.parametrize("role", ["section_head", "head_of_agency", "inspector", "outsider"])
def test_only_the_planner_adds_a_staff_position(world, seed, role):
    with pytest.raises(PermissionDenied):
        add_staff_position(actor=getattr(world, role), superior=position(seed, SECTION), code="staf-x", title="Staf")
    assert not Position.objects.filter(kind="staf").exists()


def test_a_staff_position_code_is_unique_in_the_agency_and_needs_a_title(world, seed):
    with pytest.raises(ValidationError) as refusal:
        add_staff_position(actor=world.planner, superior=position(seed, SECTION), code="kadis", title="Staf")
    assert "code" in refusal.value.message_dict
    with pytest.raises(ValidationError) as refusal:
        add_staff_position(actor=world.planner, superior=position(seed, SECTION), code="staf-x", title=" ")
    assert "title" in refusal.value.message_dict


def test_a_staff_position_needs_a_superior_in_the_database_too(seed):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        Position.objects.create(agency=seed, unit=seed.units.first(), code="lepas", title="Lepas", kind="staf")


def test_a_staff_position_is_not_a_position_without_iki_page_nor_listed_with_the_iki_pages(world, seed):
    codes_before = check_agency(seed).codes()
    staff_position(world)
    assert check_agency(seed).codes() == codes_before
    assert "pranata-komputer" not in {p.code for p in list_positions(seed)}


def test_a_staff_position_carries_no_iki_page(world, seed, client):
    staff = staff_position(world)
    objective = Objective(
        plan=get_current_plan(seed), code="staf.O1", text="Sasaran", level="performance", position=staff
    )
    with pytest.raises(ValidationError) as refusal:
        objective.full_clean()
    assert "position" in refusal.value.message_dict
    client.force_login(world.planner)
    assert client.get(reverse("position-page", args=[SEED, staff.code])).status_code == 404


def test_the_staff_position_page_adds_one_and_refuses_with_the_field_named(world, seed, client):
    client.force_login(world.planner)
    url = reverse("skp-staff-position", args=[SEED])
    section = position(seed, SECTION)
    data = {"superior": section.pk, "code": "arsiparis", "title": "Arsiparis Terampil", "duty": ""}
    assert client.post(url, data).status_code == 302
    assert Position.objects.get(agency=seed, code="arsiparis").kind == "staf"
    response = client.post(url, {**data, "title": "Lagi"})
    assert response.status_code == 400
    assert "Instansi ini sudah mempunyai jabatan dengan kode ini." in html.unescape(response.content.decode())


def test_a_position_with_an_iki_page_cannot_become_a_staff_position(seed):
    section = position(seed, SECTION)
    section.kind = "staf"
    with pytest.raises(ValidationError) as refusal:
        section.full_clean()
    assert "kind" in refusal.value.message_dict


def test_a_staff_member_has_no_actuals_to_enter_and_the_menu_takes_them_home(world, seed, client):
    _staff, user = staff_member(world)
    client.force_login(user)
    home = client.get(reverse("home"))
    assert home.status_code == 200
    assert "Pranata Komputer Ahli Pertama" not in html.unescape(home.content.decode())
    assert client.get(reverse("my-entry")).url == reverse("home")
