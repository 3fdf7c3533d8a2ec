"""Who may read and change what: the one place every page, download and command asks.

A user's reach is worked out once per request from three sources:
- `is_superuser`: the system administrator, who reads every agency and administers the data, but enters no
  figure of anyone;
- the positions the user's official holds today (organisation.Assignment), definitively or acting (Plt./Plh.)
  from the start to the end of the acting decree — `organisation.selectors.current_assignments` is the one rule
  of "holds today", read once in `reach_of`: an official reads their agency and enters the actuals of the
  indicators on their own IKI pages; the holder of a position verifies the actuals of the positions directly
  below it; the head of agency (the holder of a position without superior) reads everything of the agency and
  verifies the actuals of the whole agency;
- role grants (RoleGrant): the agency planner (admin perencanaan) keeps the plan, targets, decree and periods of
  one agency; the inspectorate and regional planning (Bappeda) read every agency of their region, and the
  inspectorate evaluates.
Anyone else — an official of another agency, a visitor without login — reaches nothing: the lookups below raise
Http404, never a 403 that would confirm the object exists.

This module sits in `accounts` but reads positions and assignments of `organisation` (the import-linter contract
allows exactly these imports): the rules need the position tree, and every app above may ask them.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext_lazy, pgettext_lazy

from kinerja.organisation.models import Agency, Assignment, Official, Position, Region
from kinerja.organisation.selectors import current_assignments

from .models import RoleGrant

NOT_FOUND = gettext_lazy("This page was not found.")
ROLE_NAMES = {
    "admin": pgettext_lazy("role", "System administrator"),
    RoleGrant.Role.PLANNER: pgettext_lazy("role", "Agency planner"),
    "official": pgettext_lazy("role", "Official"),
    "superior": pgettext_lazy("role", "Superior"),
    "head": pgettext_lazy("role", "Head of agency"),
    RoleGrant.Role.INSPECTORATE: pgettext_lazy("role", "Inspectorate"),
    RoleGrant.Role.REGIONAL_PLANNING: pgettext_lazy("role", "Regional planning"),
    RoleGrant.Role.MINISTRY: pgettext_lazy("role", "Ministry"),
}


@dataclass(frozen=True)
class Reach:
    admin: bool = False
    held: frozenset[int] = frozenset()  # positions the user's official holds today
    agencies: frozenset[int] = frozenset()  # agencies of those positions
    headed: frozenset[int] = frozenset()  # agencies whose top position the official holds
    planned: frozenset[int] = frozenset()  # agencies the user is planner of
    regions: frozenset[int] = frozenset()  # regions the user reads (inspectorate, Bappeda)
    inspected: frozenset[int] = frozenset()  # regions the user evaluates (inspectorate)
    national: bool = False  # reads every region and the national view (ministry), writes nothing

    superior: bool = False  # holds a position with a position below it

    @property
    def roles(self) -> list[str]:
        """The names of the user's roles, in the reader's language."""
        names = []
        if self.admin:
            names.append(ROLE_NAMES["admin"])
        if self.planned:
            names.append(ROLE_NAMES[RoleGrant.Role.PLANNER])
        if self.held:
            names.append(ROLE_NAMES["official"])
        if self.superior:
            names.append(ROLE_NAMES["superior"])
        if self.headed:
            names.append(ROLE_NAMES["head"])
        if self.inspected:
            names.append(ROLE_NAMES[RoleGrant.Role.INSPECTORATE])
        if self.regions - self.inspected:
            names.append(ROLE_NAMES[RoleGrant.Role.REGIONAL_PLANNING])
        if self.national:
            names.append(ROLE_NAMES[RoleGrant.Role.MINISTRY])
        return [str(name) for name in names]


NOBODY = Reach()


def reach_of(user: object, on: datetime.date | None = None) -> Reach:
    """The user's reach today, computed once per user object (2 queries)."""
    if not getattr(user, "is_authenticated", False):
        return NOBODY
    cached = getattr(user, "_kinerja_reach", None)
    if cached is not None and on is None:
        return cached
    on = on or datetime.date.today()
    assignments = list(
        current_assignments(on)
        .filter(official__user=user)
        .values_list("position_id", "position__agency_id", "position__superior_id")
        .annotate(below=Count("position__subordinates"))
    )
    held = frozenset(row[0] for row in assignments)
    headed = frozenset(row[1] for row in assignments if row[2] is None)
    grants = list(RoleGrant.objects.filter(user=user).values_list("role", "agency_id", "region_id"))
    reach = Reach(
        admin=bool(getattr(user, "is_superuser", False)),
        held=held,
        agencies=frozenset(row[1] for row in assignments),
        headed=headed,
        superior=any(row[3] for row in assignments),
        planned=frozenset(agency for role, agency, _ in grants if role == RoleGrant.Role.PLANNER),
        regions=frozenset(region for role, _, region in grants if region is not None),
        inspected=frozenset(region for role, _, region in grants if role == RoleGrant.Role.INSPECTORATE),
        national=any(role == RoleGrant.Role.MINISTRY for role, _, _ in grants),
    )
    if on == datetime.date.today():
        user._kinerja_reach = reach  # type: ignore[attr-defined]
    return reach


# -- reading ---------------------------------------------------------------------------------------------


def may_read_agency(user: object, agency: Agency) -> bool:
    reach = reach_of(user)
    return (
        reach.admin
        or reach.national
        or agency.pk in reach.agencies
        or agency.pk in reach.planned
        or agency.region_id in reach.regions
    )


def readable_agencies(user: object) -> QuerySet[Agency]:
    reach = reach_of(user)
    agencies = Agency.objects.select_related("region").order_by("region__name", "name")
    if reach.admin or reach.national:
        return agencies
    return agencies.filter(Q(pk__in=reach.agencies | reach.planned) | Q(region_id__in=reach.regions))


def may_read_region(user: object, region: Region) -> bool:
    """Reads the views above a region's agencies (the regency view, the region's line in the province view): the
    inspectorate and regional planning (Bappeda) of the region, the ministry, the administrator."""
    reach = reach_of(user)
    return reach.admin or reach.national or region.pk in reach.regions


def may_read_country(user: object) -> bool:
    """Reads the national view (every province): the ministry (`RoleGrant.Role.MINISTRY`, a reader of every region
    that writes nothing) and the administrator."""
    reach = reach_of(user)
    return reach.admin or reach.national


def agency_or_404(user: object, code: str) -> Agency:
    """The agency with `code` when the user may read it; Http404 otherwise, as if it did not exist."""
    agency = Agency.objects.select_related("region").filter(code=code).first()
    if agency is None or not may_read_agency(user, agency):
        raise Http404(NOT_FOUND)
    return agency


# -- changing ---------------------------------------------------------------------------------------------


def may_plan(user: object, agency: Agency) -> bool:
    """Keeps the agency's plan, pages, targets, decree and periods: its planner, or the administrator."""
    reach = reach_of(user)
    return reach.admin or agency.pk in reach.planned


def may_manage_people(user: object, agency: Agency) -> bool:
    """Keeps the agency's people: adds officials, gives them a login, assigns positions (with acting posts) and
    grants roles within the agency. Its planner, or the administrator; which official a planner may change is
    `managed_officials`, which role `may_grant_role`."""
    return may_plan(user, agency)


def may_grant_role(user: object, role: str, agency: Agency | None, region: Region | None, account: object) -> bool:
    """Grants or withdraws `role` of `account` (a user): the administrator any role of anyone; an agency's
    planner only the planner role of their own agency, and only to an official they manage (`managed_officials`;
    the inspectorate and Bappeda of a region are given by the administrator)."""
    reach = reach_of(user)
    if reach.admin:
        return True
    if role != RoleGrant.Role.PLANNER or agency is None or agency.pk not in reach.planned:
        return False
    official = Official.objects.filter(user=account).first() if getattr(account, "pk", None) else None
    return official is not None and may_manage_official(user, official, agency)


def may_set_password(user: object, account: object) -> bool:
    """Gives a login, an initial password or a reset link to `account`: the administrator to anyone; a planner
    never to an administrator's account, nor to one holding a role beyond the planner's own agencies (an
    inspector, Bappeda, another agency's planner: taking over their login would reach further than the planner
    does), nor to the head of an agency (who signs the agreements and verifies above every other post: a planner
    holding the head's login would approve their own agency's figures). The official's record itself is
    `managed_officials`. Two queries for a planner."""
    reach = reach_of(user)
    if reach.admin:
        return True
    if getattr(account, "is_superuser", False) or getattr(account, "is_staff", False):
        return False
    account_id = getattr(account, "pk", None)
    grants = RoleGrant.objects.filter(user_id=account_id)
    if grants.exclude(role=RoleGrant.Role.PLANNER, agency_id__in=reach.planned).exists():
        return False
    heads = Assignment.objects.filter(official__user_id=account_id, position__superior__isnull=True)
    return not heads.filter(Q(end__isnull=True) | Q(end__gte=datetime.date.today())).exists()


def may_change_region(user: object) -> bool:
    """Creates or changes a region, its head (the regent) and which region an agency belongs to, and creates an
    agency: the administrator only (a region is shared by every agency in it)."""
    return reach_of(user).admin


def managed_officials(user: object, agency: Agency, officials: Iterable[Official]) -> frozenset[int]:
    """Those of `officials` (rows of the database) whose record the user may change, or assign to a position of
    `agency` (the import of the agency's file): every one for the administrator; for the agency's planner, an
    official of the agency's region who is not the head of a region and holds no position of another agency
    today or later (a past one is kept: an official moved here is this agency's now). Nobody else's.
    Two queries for a planner, none otherwise."""
    officials = list(officials)
    reach = reach_of(user)
    if reach.admin:
        return frozenset(official.pk for official in officials)
    if agency.pk not in reach.planned or not officials:
        return frozenset()
    ids = {official.pk for official in officials if official.region_id == agency.region_id}
    if not ids:
        return frozenset()
    elsewhere = (
        Assignment.objects.filter(official_id__in=ids)
        .exclude(position__agency_id=agency.pk)
        .filter(Q(end__isnull=True) | Q(end__gte=datetime.date.today()))
    )
    ids -= set(elsewhere.values_list("official_id", flat=True))
    ids -= set(Region.objects.filter(head_id__in=ids).values_list("head_id", flat=True))
    return frozenset(ids)


def may_manage_official(user: object, official: Official, agency: Agency) -> bool:
    """One official of `managed_officials`."""
    return official.pk in managed_officials(user, agency, [official])


def may_enter_actuals(user: object, position: Position) -> bool:
    """Enters the actuals of the indicators on a position's IKI page: the official who holds it."""
    return position.pk in reach_of(user).held


def may_write_action_plan(user: object, indicator: object) -> bool:
    """Writes the action plan (Rencana Aksi) of an indicator: the agency's planner (`may_plan`), or the official
    who holds today — definitively or acting, as for `may_enter_actuals` — a position whose IKI page prints the
    indicator. One query for a holder, none otherwise."""
    plan = indicator.plan  # type: ignore[attr-defined]
    if may_plan(user, plan.agency):
        return True
    held = reach_of(user).held
    if not held:
        return False
    return indicator.page_rows.filter(position_id__in=held).exists()  # type: ignore[attr-defined]


def may_import_actuals(user: object, positions: Iterable[Position]) -> bool:
    """Writes (creates or changes) the actual of an indicator printed on `positions`' IKI pages through an import:
    whoever may enter it on one of those pages, and the administrator, who brings an agency's recorded history into
    Kinerja (the audit trail names them as who entered it). Not the planner: an official's actual is the
    official's, whichever door it comes through."""
    return reach_of(user).admin or any(may_enter_actuals(user, position) for position in positions)


def may_verify(user: object, positions: list[Position] | set[int], entered_by_id: int | None) -> bool:
    """Verifies, returns or reopens an actual of an indicator printed on `positions`' pages: the superior of one
    of them (the head of agency for all of them), never the person who entered it."""
    if entered_by_id is not None and entered_by_id == getattr(user, "pk", None):
        return False
    ids = {getattr(position, "pk", position) for position in positions}
    return bool(ids & supervised_positions(user))


def supervised_positions(user: object) -> frozenset[int]:
    """The positions whose actuals the user verifies: those directly below a position they hold, and every
    position of an agency they head (1 query, once per user object)."""
    reach = reach_of(user)
    if not reach.held:
        return frozenset()
    cached = getattr(user, "_kinerja_supervised", None)
    if cached is None:
        below = Position.objects.filter(Q(superior_id__in=reach.held) | Q(agency_id__in=reach.headed))
        cached = frozenset(below.values_list("id", flat=True))
        user._kinerja_supervised = cached  # type: ignore[attr-defined]
    return cached


def may_evaluate(user: object, agency: Agency) -> bool:
    """Scores the agency's SAKIP evaluation: the inspectorate of its region."""
    return agency.region_id in reach_of(user).inspected


def may_see_addresses(user: object) -> bool:
    """The client addresses of the audit trail are personal data: the system administrator only."""
    return bool(getattr(user, "is_superuser", False))


def may_read_log(user: object, agency: Agency) -> bool:
    """Reads the agency-wide change log: its planner, its head, the inspectorate of its region, the administrator."""
    reach = reach_of(user)
    return reach.admin or agency.pk in reach.planned or agency.pk in reach.headed or agency.region_id in reach.inspected


def may_read_evaluation_secrets(user: object, agency: Agency, *, final: bool = False) -> bool:
    """Reads the inspectorate's answers, notes, recommendations and scores of the agency's SAKIP evaluation, on
    every page, log, export and API: the inspectorate of its region and the administrator always; everyone who
    reads the agency once the evaluation is final (`final`). Before that, not the agency's planner, head or
    officials, nor Bappeda."""
    reach = reach_of(user)
    if reach.admin or agency.region_id in reach.inspected:
        return True
    return final and may_read_agency(user, agency)


# -- SKP (kinerja.skp) -------------------------------------------------------------------------------------------
# An SKP belongs to an official (`skp.official`) for a position and year. Its superior is whoever holds today the
# position above (`skp.position.superior`), definitively or acting. The rules of state (a draft changes, a rated SKP
# is rated again, final ratings change no more) are the services' own.


def _own_skp(user: object, skp: object) -> bool:
    official = skp.official  # type: ignore[attr-defined]
    return official.user_id is not None and official.user_id == getattr(user, "pk", None)


def _superior_of_skp(user: object, skp: object) -> bool:
    superior_id = skp.position.superior_id  # type: ignore[attr-defined]
    return superior_id is not None and superior_id in reach_of(user).held


def may_read_skp(user: object, skp: object) -> bool:
    """Reads an SKP: its official, the holder of the position above, the agency's head and planner, the inspectorate
    of the region and the administrator. Not other officials, nor Bappeda (an SKP is personal)."""
    reach = reach_of(user)
    agency = skp.position.agency  # type: ignore[attr-defined]
    if reach.admin or agency.pk in reach.planned or agency.pk in reach.headed or agency.region_id in reach.inspected:
        return True
    return _own_skp(user, skp) or _superior_of_skp(user, skp)


def may_edit_skp(user: object, skp: object) -> bool:
    """Changes the indicators and targets of an SKP's work results: its official and the superior."""
    return _own_skp(user, skp) or _superior_of_skp(user, skp)


def may_prepare_skp(user: object, position: Position) -> bool:
    """Prepares the SKP of a position's holder for a year: the agency's planner (`may_plan`), the holder, or the
    holder of the position above."""
    held = reach_of(user).held
    return may_plan(user, position.agency) or position.pk in held or position.superior_id in held


def may_write_staff_results(user: object, skp: object) -> bool:
    """Creates the work results of a staff SKP from the superior's own (intervensi): the holder of the position
    above."""
    return _superior_of_skp(user, skp)


def may_rate_skp(user: object, skp: object) -> bool:
    """Rates an SKP at year end: the holder of the position above, never the official rated."""
    return _superior_of_skp(user, skp) and not _own_skp(user, skp)


def may_read_skp_distribution(user: object, agency: Agency) -> bool:
    """Reads the agency's distribution of SKP predicates against the allowed one: its head, its planner, the
    inspectorate of its region, the administrator."""
    reach = reach_of(user)
    return reach.admin or agency.pk in reach.planned or agency.pk in reach.headed or agency.region_id in reach.inspected


def may_finalise_skp(user: object, agency: Agency) -> bool:
    """Makes the agency's SKP ratings of a year final (after the distribution check): its head and its planner."""
    reach = reach_of(user)
    return agency.pk in reach.planned or agency.pk in reach.headed


def may_reopen_skp(user: object, agency: Agency) -> bool:
    """Reopens final SKP ratings, with a reason: the head of agency only."""
    return agency.pk in reach_of(user).headed
