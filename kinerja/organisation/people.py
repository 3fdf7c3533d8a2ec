"""The agency's people: the one door that adds an official, gives their login and assigns their positions.

Every write here is one service — keyword-only, `actor` first, in one transaction — that asks
`accounts/access.py` who may (the agency's planner for the officials they manage, or the administrator), checks
every rule, records the change in the audit trail and raises `PermissionDenied` or `ValidationError` with a
sentence in Bahasa Indonesia that says what to change. The people page, and any other door, only call them.
Roles are granted by `kinerja.accounts.roles`.

A change of holder (mutasi) never deletes: the old assignment ends the day before the new TMT and stays as the
position's and the person's history. An acting post (Plt./Plh.) runs beside the definitive one, with its decree
number and dates; while it is in force its holder enters and verifies for the position (accounts.access)."""

import datetime
import secrets

from django.contrib.auth import password_validation
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from kinerja.accounts.access import may_manage_official, may_manage_people, may_set_password
from kinerja.accounts.models import User
from kinerja.core import audit
from kinerja.core.actors import Actor
from kinerja.core.models import AuditRecord

from .models import Agency, Assignment, Official, Position
from .nip import nip_problem

# The civil-servant grades (golongan ruang) and the rank (pangkat) each carries (PP 99/2000).
GRADES = {
    "I/a": "Juru Muda",
    "I/b": "Juru Muda Tingkat I",
    "I/c": "Juru",
    "I/d": "Juru Tingkat I",
    "II/a": "Pengatur Muda",
    "II/b": "Pengatur Muda Tingkat I",
    "II/c": "Pengatur",
    "II/d": "Pengatur Tingkat I",
    "III/a": "Penata Muda",
    "III/b": "Penata Muda Tingkat I",
    "III/c": "Penata",
    "III/d": "Penata Tingkat I",
    "IV/a": "Pembina",
    "IV/b": "Pembina Tingkat I",
    "IV/c": "Pembina Utama Muda",
    "IV/d": "Pembina Utama Madya",
    "IV/e": "Pembina Utama",
}
# An initial password: four groups of four, without the letters and digits that are read alike (l, 1, O, 0).
BEYOND_REACH = gettext_noop(
    "This login reaches beyond your agency (an administrator, the inspectorate, Bappeda, another agency's "
    "planner or the head of an agency): only the administrator changes its password."
)
ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def name_with_titles(front: str, name: str, back: str) -> str:
    """ "Dr. Ir. Budi Santoso, S.Kom., M.T." from the front titles, the name and the back titles."""
    text = " ".join(part for part in (front.strip(), name.strip()) if part)
    back = back.strip().lstrip(",").strip()
    return f"{text}, {back}" if back else text


def _ensure_people(actor: Actor, agency: Agency) -> None:
    if actor is not None and not may_manage_people(actor, agency):
        raise PermissionDenied(_("Only the planner of this agency or the administrator keeps its people."))


def _ensure_official(actor: Actor, official: Official, agency: Agency) -> None:
    _ensure_people(actor, agency)
    if actor is not None and not may_manage_official(actor, official, agency):
        raise PermissionDenied(
            _("%(name)s holds a position of another agency or region: ask the administrator to move them first.")
            % {"name": official.name}
        )


def _details_errors(nip: str, name: str, grade: str, official: Official | None = None) -> dict:
    """The rules of an official's details, as sentences naming the field."""
    errors = {}
    others = Official.objects.exclude(pk=official.pk) if official is not None else Official.objects.all()
    if not nip:
        errors["nip"] = _("Fill in the 18-digit NIP.")
    elif problem := nip_problem(nip):
        errors["nip"] = problem
    elif others.filter(nip=nip).exists():
        errors["nip"] = _("NIP %(nip)s is already registered: find that official in the list instead.") % {"nip": nip}
    if not name:
        errors["name"] = _("Fill in the name (without titles; the titles have their own fields).")
    if grade and grade not in GRADES:
        errors["grade"] = _("%(grade)s is not a civil-servant grade: choose one from I/a to IV/e, e.g. III/c.") % {
            "grade": grade
        }
    return errors


@transaction.atomic
def create_official(
    *,
    actor: Actor,
    agency: Agency,
    nip: str,
    name: str,
    front_title: str = "",
    back_title: str = "",
    rank: str = "",
    grade: str = "",
) -> Official:
    """Add an official (ASN) of the agency's region, with a valid NIP, the name with titles, rank and grade."""
    _ensure_people(actor, agency)
    nip, name, rank, grade = nip.strip().replace(" ", ""), name.strip(), rank.strip(), grade.strip()
    errors = _details_errors(nip, name, grade)
    if errors:
        raise ValidationError(errors)
    official = Official(
        region=agency.region,
        nip=nip,
        name=name_with_titles(front_title, name, back_title),
        rank=rank or GRADES.get(grade, ""),
        grade=grade,
    )
    official.full_clean()
    official.save()
    audit.record_change(actor=actor, obj=official, before=None, agency=agency.pk)
    return official


@transaction.atomic
def update_official(
    *, actor: Actor, official: Official, agency: Agency, nip: str, name: str, rank: str = "", grade: str = ""
) -> Official:
    """Correct an official's NIP, name with titles, rank or grade (a promotion is a new grade)."""
    _ensure_official(actor, official, agency)
    official = Official.objects.select_for_update().get(pk=official.pk)
    nip, name, rank, grade = nip.strip().replace(" ", ""), name.strip(), rank.strip(), grade.strip()
    errors = _details_errors(nip, name, grade, official)
    if errors:
        raise ValidationError(errors)
    before = audit.snapshot(official)
    official.nip, official.name, official.grade = nip, name, grade
    official.rank = rank or GRADES.get(grade, "")
    official.full_clean()
    official.save()
    audit.record_change(actor=actor, obj=official, before=before, agency=agency.pk)
    return official


def _new_password() -> str:
    return "-".join("".join(secrets.choice(ALPHABET) for _ in range(4)) for _ in range(4))


@transaction.atomic
def give_login(*, actor: Actor, official: Official, agency: Agency, username: str = "") -> tuple[User, str]:
    """Create the official's login (when they have none, named `username`) or give the existing one a new
    initial password. Returns the account and the password, in clear this once: only its hash is stored."""
    _ensure_official(actor, official, agency)
    account = User.objects.filter(pk=official.user_id).first()
    if account is not None and actor is not None and not may_set_password(actor, account):
        raise PermissionDenied(_(BEYOND_REACH))
    password = _new_password()
    if account is None:
        username = username.strip()
        if not username:
            raise ValidationError({"username": _("Fill in a user name, e.g. the NIP.")})
        if User.objects.filter(username__iexact=username).exists():
            raise ValidationError(
                {"username": _("The user name %(name)s is taken: choose another one.") % {"name": username}}
            )
        account = User(username=username, first_name=official.name[:150])
        account.set_password(password)
        account.must_change_password = True  # the planner has seen it: the person replaces it at first login
        account.full_clean()
        password_validation.validate_password(password, account)
        account.save()
        audit.record(
            actor=actor,
            action=AuditRecord.Action.CREATED,
            obj=account,
            before=None,
            after=audit.snapshot(account, exclude=["password", "last_login"]),
            agency=agency.pk,
            about=official,
        )
        before = audit.snapshot(official)
        official.user = account
        official.save(update_fields=["user", "updated_at"])
        audit.record_change(actor=actor, obj=official, before=before, agency=agency.pk)
    else:
        password_validation.validate_password(password, account)
        account.set_password(password)
        account.must_change_password = True
        account.save(update_fields=["password", "must_change_password"])
        with audit.in_record_language():
            description = _("New initial password for %(name)s") % {"name": account.get_username()}
        audit.record(
            actor=actor,
            action=AuditRecord.Action.CHANGED,
            obj=account,
            before=None,
            after=None,
            agency=agency.pk,
            about=official,
            description=description,
        )
    return account, password


@transaction.atomic
def make_reset_token(*, actor: Actor, official: Official, agency: Agency) -> tuple[str, str]:
    """Django's password-reset token for the official's login, as (uidb64, token), to be shown as a link to
    copy (there may be no mail server). It works once, until the password changes or it expires."""
    _ensure_official(actor, official, agency)
    account = User.objects.filter(pk=official.user_id).first()
    if account is None:
        raise ValidationError(_("%(name)s has no login yet: create the login first.") % {"name": official.name})
    if actor is not None and not may_set_password(actor, account):
        raise PermissionDenied(_(BEYOND_REACH))
    with audit.in_record_language():
        description = _("Password reset link made for %(name)s") % {"name": account.get_username()}
    audit.record(
        actor=actor,
        action=AuditRecord.Action.CHANGED,
        obj=account,
        before=None,
        after=None,
        agency=agency.pk,
        about=official,
        description=description,
    )
    return urlsafe_base64_encode(force_bytes(account.pk)), default_token_generator.make_token(account)


def _end(actor: Actor, assignment: Assignment, end: datetime.date, agency_id: int) -> None:
    before = audit.snapshot(assignment)
    assignment.end = end
    assignment.save(update_fields=["end", "updated_at"])
    audit.record_change(actor=actor, obj=assignment, before=before, agency=agency_id, about=assignment.official)


@transaction.atomic
def assign_position(
    *,
    actor: Actor,
    official: Official,
    position: Position,
    start: datetime.date,
    acting_kind: str = "",
    decree_number: str = "",
    end: datetime.date | None = None,
) -> Assignment:
    """`official` holds `position` from `start` (TMT). A definitive assignment (mutasi) ends, the day before,
    the position's holders (definitive and acting) and the official's own definitive post that run on that
    day; their rows stay as history. An acting one (Plt./Plh.) needs its decree number and ends the others not."""
    agency = position.agency
    _ensure_official(actor, official, agency)
    if official.region_id != agency.region_id:
        raise PermissionDenied(_("%(name)s is an official of another region.") % {"name": official.name})
    acting = bool(acting_kind)
    decree_number = decree_number.strip()
    errors = {}
    if acting_kind and acting_kind not in Assignment.ActingKind.values:
        errors["acting_kind"] = _("Choose Plt. or Plh., or leave it empty for a definitive holder.")
    if end is not None and end < start:
        errors["end"] = _("The end date is before the start date (TMT): correct one of them.")
    assignment = Assignment(
        official=official,
        position=position,
        start=start,
        end=end,
        acting=acting,
        acting_kind=acting_kind,
        decree_number=decree_number,
    )
    try:
        assignment.clean()  # the model's own rules (an acting post's decree), the same for every door
    except ValidationError as problem:
        errors.update(problem.message_dict)
    if errors:
        raise ValidationError(errors)
    held = Assignment.objects.select_for_update().select_related("official", "position")
    runs_on_start = Q(end__isnull=True) | Q(end__gte=start)
    overlap = held.filter(official=official, position=position, start__lte=end or datetime.date.max)
    if overlap.filter(runs_on_start).exists():
        raise ValidationError(
            {"start": _("%(name)s already holds this position on that date.") % {"name": official.name}}
        )
    ending = []
    if not acting:
        ending = list(held.filter(runs_on_start).filter(Q(position=position) | Q(official=official, acting=False)))
        later = [item for item in ending if item.start >= start]
        if later:
            raise ValidationError(
                {
                    "start": _(
                        "%(name)s holds %(position)s from %(date)s: the TMT must come after that date, or end "
                        "that assignment first."
                    )
                    % {
                        "name": later[0].official.name,
                        "position": later[0].position,
                        "date": f"{later[0].start:%d-%m-%Y}",
                    }
                }
            )
    assignment.full_clean()
    for item in ending:
        _end(actor, item, start - datetime.timedelta(days=1), item.position.agency_id)
    assignment.save()
    audit.record_change(actor=actor, obj=assignment, before=None, agency=agency.pk, about=official)
    return assignment


@transaction.atomic
def end_assignment(*, actor: Actor, assignment: Assignment, end: datetime.date) -> Assignment:
    """End an assignment on `end` (the last day held): an acting post that finishes early, a holder who
    leaves the agency. The row stays as history."""
    assignment = (
        Assignment.objects.select_for_update().select_related("official", "position__agency").get(pk=assignment.pk)
    )
    agency = assignment.position.agency
    _ensure_official(actor, assignment.official, agency)
    if end < assignment.start:
        raise ValidationError({"end": _("The end date is before the start date (TMT): correct one of them.")})
    if assignment.end is not None and assignment.end < end:
        raise ValidationError(
            {"end": _("This assignment already ended on %(date)s.") % {"date": f"{assignment.end:%d-%m-%Y}"}}
        )
    _end(actor, assignment, end, agency.pk)
    return assignment
