"""The life of an actual — draft → submitted → verified, or returned with a reason — and closed periods.

Every transition is a service: keyword-only, `actor` first, in one transaction, checked against
`accounts.access` (who may) and against the state the actual is in (a replayed verification is refused, not
repeated). Only the official who entered an actual submits it; only a superior of a position whose page prints
the indicator (the head of agency for the whole agency) verifies or returns it, never the person who entered it;
a verified actual changes only after it is reopened with a reason, by a superior or the agency's planner.

No lost write: every step re-reads the actual under a row lock (`select_for_update`, taken before the state is
read) and, when the door carries the version it showed (`version_of`), refuses a stale one with `StaleActual`;
each step saves only the columns it changes. Nothing moves in a closed quarter — not even a verification or a
reopening: a closed quarter is frozen, so the planner reopens the period first (with a reason), then the actual.
"""

import datetime
from collections.abc import Mapping

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Model
from django.utils.translation import gettext, gettext_lazy

from kinerja.accounts.access import may_plan, may_verify
from kinerja.core import audit
from kinerja.core.actors import Actor
from kinerja.core.models import AuditRecord
from kinerja.core.periods import QUARTER_NAMES, QUARTERS, quarter_label
from kinerja.organisation.models import Agency, Position
from kinerja.strategy.models import Indicator
from kinerja.strategy.selectors import find_current_plan

from .models import Actual, PeriodLock
from .period_status import get_quarter_status
from .rollups.outbox import mark_figures_changed
from .steps import (
    REOPEN,
    RETURN,
    SUBMIT,
    VERIFY,
    Texts,
    apply_step,
    audit_action,
    check_step,
    checked_reason,
    ensure_draft,
)

# What a closed quarter refuses to do with an actual, and how to go on (`ensure_quarter_open`).
CLOSED_FOR = {
    "submit": gettext_lazy(
        "The period %(quarter)s %(year)s is closed; the actual cannot be submitted. Ask the planner to reopen "
        "the period first."
    ),
    "verify": gettext_lazy(
        "The period %(quarter)s %(year)s is closed; the actual cannot be verified. Ask the planner to reopen "
        "the period first."
    ),
    "return": gettext_lazy(
        "The period %(quarter)s %(year)s is closed; the actual cannot be returned. Ask the planner to reopen "
        "the period first."
    ),
    "reopen": gettext_lazy(
        "The period %(quarter)s %(year)s is closed; the actual cannot be reopened. Ask the planner to reopen "
        "the period first."
    ),
}


# -- periods --------------------------------------------------------------------------------------------------


def closed_quarters(agency: Agency, year: int, today: datetime.date | None = None) -> set[int]:
    """The quarters of `year` closed for the agency today, by hand or by their deadline (1 query)."""
    today = today or datetime.date.today()
    return {lock.quarter for lock in PeriodLock.objects.filter(agency=agency, year=year) if lock.is_closed_on(today)}


def closed_years(agency: Agency, years: list[int], today: datetime.date | None = None) -> set[int]:
    """The years among `years` with a quarter closed for the agency today (1 query): their yearly targets are
    frozen."""
    today = today or datetime.date.today()
    return {lock.year for lock in PeriodLock.objects.filter(agency=agency, year__in=years) if lock.is_closed_on(today)}


def ensure_period_open(indicator: Indicator, year: int, quarter: int | None) -> None:
    """ValidationError when the period is closed: a quarter, or for a yearly figure (quarter None or 0) any
    quarter of the year."""
    closed = closed_quarters(indicator.plan.agency, year)
    if quarter and quarter in closed:
        text = gettext("The period %(quarter)s %(year)s is closed; its data cannot be changed.")
        raise ValidationError(text % {"quarter": quarter_label(quarter), "year": year})
    if not quarter and closed:
        text = gettext("The year %(year)s has a closed period; its yearly targets cannot be changed.")
        raise ValidationError(text % {"year": year})


class StaleActual(ValidationError):
    """The actual changed since the page or request that wants to change it was read: nothing was saved."""


def version_at(moment: datetime.datetime) -> str:
    """The version of an actual last changed at `moment` (its `updated_at`, as the API shows it)."""
    return moment.astimezone(datetime.UTC).isoformat()


def version_of(actual: Actual | None) -> str:
    """The version a door shows with an actual and sends back with its change ("" for none yet)."""
    return version_at(actual.updated_at) if actual is not None and actual.pk else ""


def last_changed_by(obj: Model) -> str:
    """Who changed `obj` last, as the audit trail names them (1 query, only when a conflict is reported)."""
    entry = (
        AuditRecord.objects.filter(object_label=obj._meta.label_lower, object_pk=str(obj.pk))
        .select_related("user__official")
        .order_by("-at", "-pk")
        .first()
    )
    return audit.who(entry) if entry is not None else gettext("another user")


def ensure_version(actual: Actual | None, version: str | None) -> None:
    """`version` None: not checked (a door without one); otherwise the actual must be as the door showed it."""
    if version is None or version == version_of(actual):
        return
    who = last_changed_by(actual) if actual is not None else gettext("another user")
    raise StaleActual(gettext("This data was just changed by %(who)s; reload.") % {"who": who}, code="stale")


def check_quarter(quarter: object) -> int:
    """A quarter 1–4; ValidationError naming the field otherwise."""
    if isinstance(quarter, bool) or quarter not in QUARTERS:
        raise ValidationError(
            {"quarter": gettext("There is no quarter %(quarter)s; choose a quarter 1–4.") % {"quarter": quarter}}
        )
    return int(quarter)


class StaleCounts(ValidationError):
    """The quarter's counts changed since the planner confirmed them: it is not closed, they are asked again."""


@transaction.atomic
def close_period(
    *,
    actor: Actor,
    agency: Agency,
    year: int,
    quarter: int,
    deadline: datetime.date | None = None,
    confirmed: str | None = None,
) -> PeriodLock:
    """Close a quarter now, or (with `deadline`) let it close itself after that day. `confirmed` is the token of
    the counts the planner was shown (`period_status.QuarterStatus.token`): when given, a quarter whose counts
    moved since (an actual entered, sent or verified in between) is refused with `StaleCounts`."""
    if not may_plan(actor, agency):
        raise PermissionDenied(gettext("Only the planner of this agency closes a period."))
    check_quarter(quarter)
    plan = find_current_plan(agency) if confirmed is not None else None
    if plan is not None and get_quarter_status(agency, plan, year, quarter).token != confirmed:
        text = gettext(
            "Quarter %(quarter)s %(year)s changed since you looked at it; check its counts again before closing."
        )
        raise StaleCounts(text % {"quarter": QUARTER_NAMES[quarter], "year": year}, code="stale")
    lock = PeriodLock.objects.select_for_update().filter(
        agency=agency, year=year, quarter=quarter
    ).first() or PeriodLock(agency=agency, year=year, quarter=quarter)
    before = audit.snapshot(lock) if lock.pk else None
    if deadline is None:
        lock.closed = True
    lock.deadline, lock.changed_by = deadline, actor
    lock.full_clean()
    try:
        with transaction.atomic():  # another planner closing the same quarter at the same moment: told, no 500
            lock.save()
    except IntegrityError as error:
        text = gettext("This period was just changed by another user; reload.")
        raise ValidationError(text, code="stale") from error
    with audit.in_record_language():
        values = {"quarter": quarter_label(quarter), "year": year}
        if deadline:
            text = gettext("Period %(quarter)s %(year)s closed after %(day)s")
            description = text % {**values, "day": f"{deadline:%d/%m/%Y}"}
        else:
            description = gettext("Period %(quarter)s %(year)s closed") % values
    audit.record_change(actor=actor, obj=lock, before=before, agency=agency, description=description)
    return lock


@transaction.atomic
def reopen_period(*, actor: Actor, agency: Agency, year: int, quarter: int, reason: str) -> PeriodLock:
    if not may_plan(actor, agency):
        raise PermissionDenied(gettext("Only the planner of this agency reopens a period."))
    check_quarter(quarter)
    lock = PeriodLock.objects.select_for_update().filter(agency=agency, year=year, quarter=quarter).first()
    if lock is None or not lock.is_closed_on(datetime.date.today()):
        text = gettext("The period %(quarter)s %(year)s is not closed.")
        raise ValidationError(text % {"quarter": quarter_label(quarter), "year": year})
    before = audit.snapshot(lock)
    lock.closed, lock.deadline, lock.reason, lock.changed_by = False, None, checked_reason(reason), actor
    lock.full_clean()
    lock.save()
    audit.record(
        actor=actor,
        action=AuditRecord.Action.REOPENED,
        obj=lock,
        before=before,
        after=audit.snapshot(lock),
        agency=agency,
        note=lock.reason,
        description=_reopened(quarter, year),
    )
    return lock


def _reopened(quarter: int, year: int) -> str:
    with audit.in_record_language():
        return gettext("Period %(quarter)s %(year)s reopened") % {"quarter": quarter_label(quarter), "year": year}


# -- the life of an actual ----------------------------------------------------------------------------------------


def _recorded(actor: Actor, action: str, actual: Actual, before: dict | None, note: str = "") -> Actual:
    """Every transition goes into the audit trail, on the indicator's history page, with the values around it;
    the roll-ups are marked in the same transaction (verified-only figures follow the state)."""
    mark_figures_changed([(actual.indicator_id, actual.year)])
    audit.record(
        actor=actor,
        action=action,
        obj=actual,
        before=before,
        after=audit.snapshot(actual),
        agency=actual.indicator.plan.agency_id,
        note=note,
        about=actual.indicator,
    )
    return actual


ACTUAL_TEXTS = Texts(
    not_entered_by=gettext_lazy("Only the official who entered this actual submits it."),
    not_verifier=gettext_lazy("Only a superior of the official who entered this actual verifies it."),
    submitted_already=gettext_lazy("This actual has already been submitted."),
    verified_already=gettext_lazy("This actual is already verified."),
    not_submitted=gettext_lazy("This actual has not been submitted for verification."),
    return_not_submitted=gettext_lazy("Only an actual waiting for verification can be returned."),
    reopen_not_verified=gettext_lazy("Only a verified actual can be reopened."),
    not_editable_verified=gettext_lazy(
        "This actual is verified; it cannot be changed before it is returned or reopened."
    ),
    not_editable_submitted=gettext_lazy(
        "This actual is waiting for verification; it cannot be changed before it is returned or reopened."
    ),
)


def ensure_editable(actual: Actual | None) -> None:
    """An actual is typed and corrected only as a draft (new, or returned, or reopened)."""
    ensure_draft(actual, ACTUAL_TEXTS)


def _locked(actual: Actual, version: str | None = None) -> Actual:
    """The actual re-read under a row lock before its state is read: two clicks on "verify", or a save and a
    submit, cannot both pass the state check; a door that showed an older version is refused."""
    locked = Actual.objects.select_for_update().select_related("indicator__plan__agency").get(pk=actual.pk)
    ensure_version(locked, version)
    return locked


def ensure_quarter_open(actual: Actual, doing: str) -> None:
    """The actual's quarter is open; in a closed one the message says how to go on (`doing`: a key of
    `CLOSED_FOR`)."""
    try:
        ensure_period_open(actual.indicator, actual.year, actual.quarter)
    except ValidationError as error:
        text = str(CLOSED_FOR[doing]) % {"quarter": quarter_label(actual.quarter), "year": actual.year}
        raise ValidationError(text, code="closed") from error


def _step(actor: Actor, step: str, actual: Actual, version: str | None, reason: str = "") -> Actual:
    """One step of the shared state rule (`steps`): who may and the state, the quarter open, then the change."""
    actual = _locked(actual, version)
    check_step(actor=actor, step=step, entry=actual, indicator=actual.indicator, texts=ACTUAL_TEXTS)
    ensure_quarter_open(actual, step)
    before = audit.snapshot(actual)
    actual.save(update_fields=apply_step(actor=actor, step=step, entry=actual, reason=reason))
    note = actual.status_reason if step in (RETURN, REOPEN) else ""
    return _recorded(actor, audit_action(step), actual, before, note)


@transaction.atomic
def submit_actual(*, actor: Actor, actual: Actual, version: str | None = None) -> Actual:
    return _step(actor, SUBMIT, actual, version)


@transaction.atomic
def verify_actual(*, actor: Actor, actual: Actual, version: str | None = None) -> Actual:
    return _step(actor, VERIFY, actual, version)


@transaction.atomic
def return_actual(*, actor: Actor, actual: Actual, reason: str, version: str | None = None) -> Actual:
    """Back to the official as a draft, with the reason they must read."""
    return _step(actor, RETURN, actual, version, reason)


@transaction.atomic
def reopen_actual(*, actor: Actor, actual: Actual, reason: str, version: str | None = None) -> Actual:
    """A verified actual becomes a draft again, by a superior or the agency's planner, with a reason. In a closed
    quarter it is refused like every change there: the planner reopens the period first."""
    return _step(actor, REOPEN, actual, version, reason)


@transaction.atomic
def verify_page(
    *, actor: Actor, position: Position, year: int, quarter: int, versions: Mapping[int, str]
) -> list[Actual]:
    """Verify at once the actuals of one position's IKI page that the verifier viewed: `versions` maps each
    actual's id to the version the page showed. All or nothing: each row passes `verify_actual` (who may, its
    state, its quarter open, its version) or nothing is verified, and the refusal names the row."""
    check_quarter(quarter)
    if not may_verify(actor, {position.pk}, None):
        raise PermissionDenied(gettext("Only a superior of this position verifies its page."))
    if not versions:
        raise ValidationError(gettext("No actual of this page was chosen to be verified."))
    actuals = {
        actual.pk: actual
        for actual in Actual.objects.filter(
            pk__in=list(versions), year=year, quarter=quarter, indicator__page_rows__position=position
        ).select_related("indicator")
    }
    missing = set(versions) - set(actuals)
    if missing:
        text = gettext(
            "%(count)s of the actuals asked for are not on this page for quarter %(quarter)s %(year)s; "
            "reload the verification page."
        )
        raise ValidationError(text % {"count": len(missing), "quarter": QUARTER_NAMES[quarter], "year": year})
    verified = []
    for pk in sorted(actuals, key=lambda pk: (actuals[pk].indicator.order, actuals[pk].indicator.code)):
        actual = actuals[pk]
        try:
            verified.append(verify_actual(actor=actor, actual=actual, version=versions[pk]))
        except ValidationError as error:
            text = gettext("Nothing was verified. %(code)s %(name)s: %(reason)s") % {
                "code": actual.indicator.code,
                "name": actual.indicator.name,
                "reason": " ".join(error.messages),
            }
            raise type(error)(text, code=getattr(error, "code", None)) from error
    return verified
