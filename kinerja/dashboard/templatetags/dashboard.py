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
def reads_region(user: object, region: object) -> bool:
    """Whether the user reads every agency of the region (Bappeda, the inspectorate, the administrator); the
    user's reach is computed once per request, so asking costs no query."""
    reach = reach_of(user)
    return bool(reach.admin or getattr(region, "pk", None) in reach.regions)
