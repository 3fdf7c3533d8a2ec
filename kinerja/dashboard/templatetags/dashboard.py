from django import template

from kinerja.accounts.access import may_plan, may_read_log, reach_of
from kinerja.organisation.models import Agency

register = template.Library()


@register.filter
def get_index(sequence: list, index: int) -> object:
    try:
        return sequence[int(index)]
    except (IndexError, TypeError, ValueError):
        return None


@register.filter
def reads_region(user: object, agency: object) -> bool:
    """Whether the user reads every agency of the agency's region (Bappeda, the inspectorate, the
    administrator); the user's reach is computed once per request and the region is asked by its key, so
    asking costs no query."""
    reach = reach_of(user)
    return bool(reach.admin or getattr(agency, "region_id", None) in reach.regions)


@register.filter
def plans(user: object, agency: object) -> bool:
    """Whether the user keeps the agency's targets, periods, workbook and people (its planner, the
    administrator): the menu shows those items (no query: the reach is computed once per request)."""
    return isinstance(agency, Agency) and may_plan(user, agency)


@register.filter
def reads_log(user: object, agency: object) -> bool:
    """Whether the user reads the agency's change log (accounts.access.may_read_log)."""
    return isinstance(agency, Agency) and may_read_log(user, agency)


@register.filter
def has_plan(agency: object) -> bool:
    """Whether the agency has a strategic plan yet (its targets and periods need one): asked only for a planner's
    menu, once per request (1 query, kept on the agency object)."""
    if not isinstance(agency, Agency):
        return False
    if not hasattr(agency, "_kinerja_has_plan"):
        agency._kinerja_has_plan = agency.plans.exists()  # type: ignore[attr-defined]
    return agency._kinerja_has_plan  # type: ignore[attr-defined]
