"""Granting and withdrawing roles (RoleGrant): the one door of the people page, the admin and the commands.

Each service asks `access.py` who may (an agency's planner gives the planner role of their own agency to an
official they manage; the administrator any role) and every rule (the scope of the role: `RoleGrant.clean`; a
role given once), records the change in the audit trail and raises typed errors with a sentence that says what
to change. The organisation's rows (agency, region, official) come as objects: this module sits below
`organisation` in the layers and imports none of it."""

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from kinerja.core import audit
from kinerja.core.actors import Actor
from kinerja.core.models import AuditRecord

from .access import may_grant_role
from .models import RoleGrant, User


def _ensure_may(actor: Actor, role: str, agency: object, region: object, account: User) -> None:
    """Who may give or withdraw `role` of `account` (None is the system itself)."""
    if actor is not None and not may_grant_role(actor, role, agency, region, account):
        raise PermissionDenied(
            _(
                "Only the administrator gives this role; a planner gives the planner role of their own agency to "
                "its officials."
            )
        )


@transaction.atomic
def grant_role(*, actor: Actor, user: User, role: str, agency: object = None, region: object = None) -> RoleGrant:
    """Give `user` the `role` over `agency` (planner) or `region` (inspectorate, regional planning)."""
    grant = RoleGrant(user=user, role=role, agency=agency, region=region)
    if role not in RoleGrant.Role.values:
        raise ValidationError({"role": _("Choose a role from the list.")})
    grant.clean()  # the scope and the role given once, as sentences, before who may (which reads the scope)
    _ensure_may(actor, role, agency, region, user)
    grant.full_clean(validate_unique=False, validate_constraints=False)
    grant.save()
    audit.record_change(actor=actor, obj=grant, before=None, agency=getattr(agency, "pk", None))
    return grant


@transaction.atomic
def withdraw_role(*, actor: Actor, grant: RoleGrant) -> None:
    """Withdraw a role; nobody withdraws their own (ask another planner or the administrator)."""
    grant = (
        RoleGrant.objects.select_for_update(of=("self",)).select_related("user", "agency", "region").get(pk=grant.pk)
    )
    if actor is not None and grant.user_id == getattr(actor, "pk", None):
        raise ValidationError(_("You cannot withdraw your own role: ask another planner or the administrator."))
    _ensure_may(actor, grant.role, grant.agency, grant.region, grant.user)
    audit.record(
        actor=actor,
        action=AuditRecord.Action.DELETED,
        obj=grant,
        before=audit.snapshot(grant),
        after=None,
        agency=grant.agency_id,
    )
    grant.delete()


def list_grants(users: Iterable[int]) -> QuerySet[RoleGrant]:
    """The role grants of the given users, with their agency and region (1 query)."""
    return RoleGrant.objects.filter(user_id__in=list(users)).select_related("agency", "region").order_by("role")
