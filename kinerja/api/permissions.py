"""The API asks kinerja.accounts.access, as every page does, and adds no rule of its own.

- reading: every queryset is cut to `readable_agencies(user)`; a named agency goes through `agency_or_404`;
  anything outside the caller's reach answers 404, as if it did not exist;
- changing: `may_plan` (targets), `may_enter_actuals` (actuals and their evidence; the positions whose IKI
  pages print the indicator), and the workflow services ask `may_verify` themselves. A caller who reads the
  object but may not change it gets 403 (nothing is disclosed that the caller cannot read anyway).
"""

from contextlib import contextmanager

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import QuerySet
from django.utils.translation import gettext
from rest_framework.exceptions import PermissionDenied, ValidationError

from kinerja.accounts.access import agency_or_404, may_enter_actuals, may_plan, readable_agencies
from kinerja.organisation.models import Agency, Position
from kinerja.performance.rules import NOT_ENTERING, NOT_PLANNER
from kinerja.strategy.models import Indicator

# The services' own refusals (performance.rules), in the caller's language.
NOT_ALLOWED_PLAN = NOT_PLANNER
NOT_ALLOWED_ENTER = NOT_ENTERING


def readable(user: object) -> QuerySet[Agency]:
    return readable_agencies(user)


def chosen_agency(user: object, code: str | None) -> Agency | None:
    """The agency named in the query string (404 outside the caller's reach), or None for every readable one."""
    return agency_or_404(user, code) if code else None


def readable_indicator(user: object, pk: int, field: str = "indicator") -> Indicator:
    """An indicator named in a request body: a field error when it does not exist for the caller."""
    indicator = (
        Indicator.objects.select_related("plan__agency").filter(pk=pk, plan__agency__in=readable_agencies(user)).first()
    )
    if indicator is None:
        raise ValidationError({field: [gettext("Indicator not found.")]})
    return indicator


def ensure_may_plan(user: object, agency: Agency) -> None:
    if not may_plan(user, agency):
        raise PermissionDenied(NOT_ALLOWED_PLAN)


def ensure_may_enter(user: object, indicator: Indicator) -> None:
    """The caller holds a position whose IKI page prints the indicator (access.may_enter_actuals, 1 query)."""
    positions = Position.objects.filter(page_rows__indicator=indicator).only("pk")
    if not any(may_enter_actuals(user, position) for position in positions):
        raise PermissionDenied(NOT_ALLOWED_ENTER)


def field_errors(error: DjangoValidationError) -> dict[str, list[str]]:
    """A service's ValidationError as DRF field errors; a refusal of the whole object under non_field_errors."""
    if hasattr(error, "error_dict"):
        return {
            ("non_field_errors" if field == "__all__" else field): messages
            for field, messages in error.message_dict.items()
        }
    return {"non_field_errors": error.messages}


@contextmanager
def service_errors():
    """Around a call of performance.services / workflow: their ValidationError answers 400 with field errors
    (their PermissionDenied is answered 403 by DRF itself)."""
    try:
        yield
    except DjangoValidationError as error:
        raise ValidationError(field_errors(error)) from error
