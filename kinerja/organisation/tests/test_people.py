"""The people services (organisation.people, accounts.roles): each rule, each refusal's sentence, who may, the
history a change of holder keeps, and an acting holder (Plt./Plh.) entering and verifying while in force."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import translation

from kinerja.accounts.access import may_enter_actuals
from kinerja.accounts.models import RoleGrant, User
from kinerja.accounts.roles import grant_role, withdraw_role
from kinerja.accounts.tests.factories import PASSWORD, RoleGrantFactory
from kinerja.core.models import AuditRecord
from kinerja.organisation import people
from kinerja.organisation.models import Assignment, Official
from kinerja.organisation.tests.factories import nip_for

TODAY = datetime.date.today()
DAY = datetime.timedelta(days=1)


@pytest.fixture(autouse=True)
def indonesian():
    with translation.override("id"):
        yield


def add(world, number: int = 9001, **extra) -> Official:
    values = {"nip": nip_for(number), "name": "Budi Santoso", "front_title": "Ir.", "back_title": "S.Kom., M.T."}
    return people.create_official(actor=world.planner, agency=world.agency, **(values | extra))


def fresh(user: User) -> User:
    """The user as a new request sees them (the reach is cached on the user object)."""
    return User.objects.get(pk=user.pk)


def position(world, code: str):
    return world.agency.positions.get(code=code)


def message(error) -> str:
    return " ".join(error.value.messages)


# -- adding an official -----------------------------------------------------------------------------------


def test_the_planner_adds_an_official_with_titles_and_the_rank_of_the_grade(world):
    official = add(world, grade="III/c")
    assert (official.name, official.rank, official.grade) == ("Ir. Budi Santoso, S.Kom., M.T.", "Penata", "III/c")
    assert official.region_id == world.agency.region_id
    record = AuditRecord.objects.get(object_label="organisation.official", object_pk=str(official.pk))
    assert (record.action, record.user, record.agency_id) == ("created", world.planner, world.agency.pk)


@pytest.mark.parametrize(
    ("values", "field", "text"),
    [
        ({"nip": ""}, "nip", "Isi NIP 18 angka."),
        ({"nip": "1234"}, "nip", "tepat 18 digit"),
        ({"nip": "197013451991121001"}, "nip", "tanggal lahir"),
        ({"name": "  "}, "name", "Isi nama"),
        ({"grade": "V/a"}, "grade", "bukan golongan PNS"),
    ],
)
def test_an_official_is_refused_with_a_sentence_naming_the_field(world, values, field, text):
    with pytest.raises(ValidationError) as error:
        add(world, **values)
    assert text in " ".join(error.value.message_dict[field])
    assert not Official.objects.filter(name__contains="Budi Santoso").exists()


def test_a_nip_already_registered_is_refused(world):
    add(world)
    with pytest.raises(ValidationError) as error:
        add(world, name="Orang Lain")
    assert "sudah terdaftar" in message(error)


@pytest.mark.parametrize("who", ["outsider", "section_head", "head_of_agency", "inspector", "bappeda"])
def test_only_the_planner_or_the_administrator_adds_people(world, who):
    with pytest.raises(PermissionDenied, match="perencana"):
        people.create_official(actor=getattr(world, who), agency=world.agency, nip=nip_for(9002), name="X")


def test_the_planner_of_another_agency_is_refused(world):
    other = RoleGrantFactory(agency=world.outsider.official.assignments.get().position.agency).user
    with pytest.raises(PermissionDenied):
        people.create_official(actor=other, agency=world.agency, nip=nip_for(9003), name="X")
    official = add(world)
    with pytest.raises(PermissionDenied):
        people.give_login(actor=other, official=official, agency=world.agency, username="x")
    with pytest.raises(PermissionDenied):
        people.assign_position(
            actor=other, official=official, position=position(world, "kasi-tata-kelola"), start=TODAY
        )


def test_the_details_are_corrected_with_the_same_rules_and_audited(world):
    official = add(world, grade="III/a")
    changed = people.update_official(
        actor=world.planner,
        official=official,
        agency=world.agency,
        nip=official.nip,
        name="Budi S., S.T.",
        grade="III/b",
    )
    assert (changed.name, changed.grade, changed.rank) == ("Budi S., S.T.", "III/b", "Penata Muda Tingkat I")
    record = AuditRecord.objects.filter(object_pk=str(official.pk), action="changed").get()
    assert (record.before["grade"], record.after["grade"]) == ("III/a", "III/b")
    other = add(world, 9004, name="Orang Kedua")
    with pytest.raises(ValidationError) as error:
        people.update_official(actor=world.planner, official=other, agency=world.agency, nip=official.nip, name="X")
    assert "sudah terdaftar" in message(error)
    with pytest.raises(PermissionDenied):
        people.update_official(
            actor=world.section_head, official=other, agency=world.agency, nip=other.nip, name="Diubah"
        )
    other.refresh_from_db()
    assert other.name == "Ir. Orang Kedua, S.Kom., M.T."


# -- the login ----------------------------------------------------------------------------------------------


def test_a_login_gets_an_initial_password_stored_only_as_a_hash(world):
    official = add(world)
    account, password = people.give_login(actor=world.planner, official=official, agency=world.agency, username="budi")
    official.refresh_from_db()
    assert official.user == account and account.check_password(password)
    assert password not in account.password
    assert not AuditRecord.objects.filter(after__icontains=password).exists()
    assert not AuditRecord.objects.filter(after__icontains=account.password).exists()
    again, second = people.give_login(actor=world.planner, official=official, agency=world.agency)
    assert again == account and second != password
    assert fresh(account).check_password(second) and not fresh(account).check_password(password)


def test_a_taken_user_name_or_none_is_refused(world):
    official = add(world)
    with pytest.raises(ValidationError) as error:
        people.give_login(actor=world.planner, official=official, agency=world.agency, username="kasi")
    assert "sudah dipakai" in message(error)
    with pytest.raises(ValidationError) as error:
        people.give_login(actor=world.planner, official=official, agency=world.agency, username="")
    assert "Isi nama pengguna" in message(error)


def test_a_planner_never_resets_an_administrators_password(world):
    official = add(world)
    official.user = User.objects.create_superuser("admin-budi", password="x-Admin-12345")
    official.save()
    with pytest.raises(PermissionDenied, match="administrator"):
        people.give_login(actor=world.planner, official=official, agency=world.agency)
    with pytest.raises(PermissionDenied, match="administrator"):
        people.make_reset_token(actor=world.planner, official=official, agency=world.agency)


def test_a_planner_never_takes_over_the_login_of_someone_who_reaches_further(world):
    official = add(world)
    account, _ = people.give_login(actor=world.planner, official=official, agency=world.agency, username="budi")
    RoleGrantFactory(user=account, inspectorate=True, region=world.agency.region)
    with pytest.raises(PermissionDenied, match="administrator"):
        people.give_login(actor=world.planner, official=official, agency=world.agency)
    with pytest.raises(PermissionDenied, match="administrator"):
        people.make_reset_token(actor=world.planner, official=official, agency=world.agency)


def test_a_planner_never_takes_over_the_login_of_the_head_of_agency(world):
    """The head signs the agreements and verifies above every post: holding the head's login, a planner would
    approve their own agency's figures. The head's password is the administrator's to reset."""
    head = Official.objects.get(user=world.head_of_agency)
    with pytest.raises(PermissionDenied, match="administrator"):
        people.give_login(actor=world.planner, official=head, agency=world.agency)
    with pytest.raises(PermissionDenied, match="administrator"):
        people.make_reset_token(actor=world.planner, official=head, agency=world.agency)
    assert fresh(world.head_of_agency).check_password(PASSWORD)
    client = Client()
    client.force_login(world.planner)
    page = client.get(reverse("person", args=[world.agency.code, head.pk])).content.decode()
    assert 'id="beyond-reach"' in page and 'id="give-password"' not in page and 'id="give-link"' not in page
    # the secretary is not the head: the planner may give them a new password
    secretary = Official.objects.get(user=world.secretary)
    _, password = people.give_login(actor=world.planner, official=secretary, agency=world.agency)
    assert fresh(world.secretary).check_password(password)
    # an acting head (Plt.) counts as the head while the post is theirs
    acting = add(world)
    people.give_login(actor=world.planner, official=acting, agency=world.agency, username="plt-kadis")
    people.assign_position(
        actor=world.planner,
        official=acting,
        position=position(world, "kadis"),
        start=datetime.date.today(),
        acting_kind="plt",
        decree_number="800/1/SP/2026",
    )
    with pytest.raises(PermissionDenied, match="administrator"):
        people.make_reset_token(actor=world.planner, official=acting, agency=world.agency)


def test_a_reset_token_is_djangos_and_needs_a_login(world):
    from django.contrib.auth.tokens import default_token_generator

    official = add(world)
    with pytest.raises(ValidationError, match="belum memiliki akun"):
        people.make_reset_token(actor=world.planner, official=official, agency=world.agency)
    account, _ = people.give_login(actor=world.planner, official=official, agency=world.agency, username="budi")
    uid, token = people.make_reset_token(actor=world.planner, official=official, agency=world.agency)
    assert default_token_generator.check_token(account, token) and uid


# -- assignments: mutasi and acting posts -------------------------------------------------------------------


def test_a_new_definitive_holder_ends_the_old_assignment_the_day_before_and_keeps_it(world):
    kasi = position(world, "kasi-tata-kelola")
    old = Assignment.objects.get(position=kasi, official__user=world.section_head)
    official = add(world)
    start = datetime.date(2024, 7, 1)
    new = people.assign_position(actor=world.planner, official=official, position=kasi, start=start)
    old.refresh_from_db()
    assert old.end == datetime.date(2024, 6, 30)
    assert list(kasi.assignments.order_by("start")) == [old, new]
    assert not may_enter_actuals(fresh(world.section_head), kasi)
    changed = AuditRecord.objects.get(object_label="organisation.assignment", object_pk=str(old.pk))
    assert changed.before["end"] is None and changed.after["end"] == "2024-06-30"


def test_a_tmt_before_the_current_holders_is_refused(world):
    kasi = position(world, "kasi-tata-kelola")
    with pytest.raises(ValidationError) as error:
        people.assign_position(actor=world.planner, official=add(world), position=kasi, start=datetime.date(2021, 1, 1))
    assert "TMT harus sesudah" in message(error)
    assert Assignment.objects.get(position=kasi, official__user=world.section_head).end is None


def test_moving_an_official_ends_their_own_previous_post(world):
    official = add(world)
    first = people.assign_position(
        actor=world.planner, official=official, position=position(world, "kasi-tata-kelola"), start=TODAY - 30 * DAY
    )
    people.assign_position(actor=world.planner, official=official, position=position(world, "sekretaris"), start=TODAY)
    first.refresh_from_db()
    assert first.end == TODAY - DAY


def test_an_acting_post_needs_its_decree_and_consistent_dates(world):
    official, kasi = add(world), position(world, "kasi-tata-kelola")
    with pytest.raises(ValidationError) as error:
        people.assign_position(actor=world.planner, official=official, position=kasi, start=TODAY, acting_kind="plt")
    assert "nomor surat perintah" in " ".join(error.value.message_dict["decree_number"])
    with pytest.raises(ValidationError) as error:
        people.assign_position(
            actor=world.planner,
            official=official,
            position=kasi,
            start=TODAY,
            end=TODAY - DAY,
            acting_kind="plh",
            decree_number="800/1/2026",
        )
    assert "sebelum tanggal mulai" in " ".join(error.value.message_dict["end"])


def acting(world, official: Official, code: str, *, start=None, end=None, kind="plt") -> Assignment:
    return people.assign_position(
        actor=world.planner,
        official=official,
        position=position(world, code),
        start=start or TODAY - 5 * DAY,
        end=end or TODAY + 5 * DAY,
        acting_kind=kind,
        decree_number="800.1.3/12/2026",
    )


def test_ending_an_acting_post_early_keeps_it(world):
    plt = add(world, 9014, name="Plt Singkat")
    post = acting(world, plt, "kasi-tata-kelola")
    people.end_assignment(actor=world.planner, assignment=post, end=TODAY - DAY)
    post.refresh_from_db()
    assert post.end == TODAY - DAY
    with pytest.raises(ValidationError, match="sebelum tanggal mulai"):
        people.end_assignment(actor=world.planner, assignment=post, end=post.start - DAY)


# -- roles --------------------------------------------------------------------------------------------------


def with_login(world, number: int) -> Official:
    official = add(world, number, name=f"Pegawai {number}")
    people.give_login(actor=world.planner, official=official, agency=world.agency, username=f"p{number}")
    official.refresh_from_db()
    return official


def test_the_planner_grants_and_withdraws_the_planner_role_of_their_agency(world):
    official = with_login(world, 9020)
    grant = grant_role(actor=world.planner, user=official.user, role="planner", agency=world.agency)
    assert RoleGrant.objects.filter(user=official.user, role="planner", agency=world.agency).exists()
    with pytest.raises(ValidationError, match="sudah memiliki peran"):
        grant_role(actor=world.planner, user=official.user, role="planner", agency=world.agency)
    withdraw_role(actor=world.planner, grant=grant)
    assert not RoleGrant.objects.filter(user=official.user).exists()
    actions = AuditRecord.objects.filter(object_label="accounts.rolegrant", object_pk=str(grant.pk))
    assert sorted(actions.values_list("action", flat=True)) == ["created", "deleted"]


def test_the_scope_of_a_role_is_a_sentence_not_a_constraint_name(world):
    official = with_login(world, 9021)
    with pytest.raises(ValidationError) as error:
        grant_role(
            actor=world.planner, user=official.user, role="planner", agency=world.agency, region=world.agency.region
        )
    assert error.value.message_dict["region"] == [
        "Admin perencanaan diberikan untuk satu perangkat daerah: pilih perangkat daerahnya dan kosongkan wilayah."
    ]
    with pytest.raises(ValidationError) as error:
        grant_role(actor=None, user=official.user, role="inspectorate", agency=world.agency)
    assert "pilih wilayahnya dan kosongkan perangkat daerah" in message(error)
    assert not RoleGrant.objects.filter(user=official.user).exists()


def test_a_planner_gives_no_regional_role_nor_to_someone_outside_the_agency(world):
    official = with_login(world, 9022)
    with pytest.raises(PermissionDenied, match="administrator"):
        grant_role(actor=world.planner, user=official.user, role="inspectorate", region=world.agency.region)
    with pytest.raises(PermissionDenied):
        grant_role(actor=world.planner, user=world.outsider, role="planner", agency=world.agency)
    admin = User.objects.create_superuser("admin-roles", password="x-Admin-12345")
    grant_role(actor=admin, user=official.user, role="inspectorate", region=world.agency.region)
    assert RoleGrant.objects.filter(user=official.user, role="inspectorate").exists()


def test_nobody_withdraws_their_own_role(world):
    grant = RoleGrant.objects.get(user=world.planner)
    with pytest.raises(ValidationError, match="peran Anda sendiri"):
        withdraw_role(actor=world.planner, grant=grant)
    assert RoleGrant.objects.filter(pk=grant.pk).exists()
