from django import template

from kinerja.accounts.access import reach_of

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
