"""The rules every write of a target or an actual asks first: who may (through `kinerja.accounts.access` only),
whether a figure fits the database, whether an indicator is typed at all. Used by `services`; `actor` None is the
system itself (a command, the loader of a new agency)."""

from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext, gettext_lazy

from kinerja.accounts.access import may_enter_actuals, may_import_actuals, may_plan
from kinerja.core.actors import Actor
from kinerja.organisation.models import Position
from kinerja.strategy.models import Indicator

LIMIT = Decimal(10) ** 16  # 20 digits with 4 decimals: what the database columns hold
NOT_PLANNER = gettext_lazy("Only the planner of this agency changes targets.")
NOT_ENTERING = gettext_lazy(
    "Only an official holding a position whose IKI page prints this indicator enters its actuals."
)
NOT_IMPORTING = gettext_lazy(
    "an actual is entered by the official holding a position whose IKI page carries this indicator; "
    "you cannot enter or change it through an import."
)
FED = gettext_lazy("The actual of this indicator comes from the result of the SAKIP evaluation; it is not typed.")


def in_range(value: Decimal | None, field: str) -> None:
    """A figure the database holds: finite, fewer than 17 digits before the decimal comma."""
    if value is not None and (not value.is_finite() or abs(value) >= LIMIT):
        raise ValidationError({field: gettext("The number is too large: at most 16 digits before the comma.")})


def ensure_may_plan(actor: Actor, indicator: Indicator) -> None:
    """Targets are kept by the agency's planner (or the administrator); `actor` None is the system."""
    if actor is not None and not may_plan(actor, indicator.plan.agency):
        raise PermissionDenied(NOT_PLANNER)


def ensure_may_enter(actor: Actor, indicator: Indicator) -> None:
    """Actuals are entered by an official holding a position whose IKI page prints the indicator (1 query)."""
    if actor is None:
        return
    positions = Position.objects.filter(page_rows__indicator=indicator).only("pk")
    if not any(may_enter_actuals(actor, position) for position in positions):
        raise PermissionDenied(NOT_ENTERING)


def ensure_may_import(actor: Actor, indicator: Indicator) -> None:
    """What an official enters for an indicator (its actuals, its actions' progress) comes through an import only
    from who may enter it, or from the administrator bringing an agency's recorded history
    (`access.may_import_actuals`; 1 query)."""
    if actor is None:
        return
    positions = Position.objects.filter(page_rows__indicator=indicator).only("pk")
    if not may_import_actuals(actor, positions):
        raise PermissionDenied(NOT_IMPORTING)


def ensure_typed_by_hand(indicator: Indicator) -> None:
    """An indicator fed by the SAKIP evaluation takes its actual from the evaluation only (`feed_actual`)."""
    if indicator.fed_by:
        raise ValidationError(FED, code="fed_by")
