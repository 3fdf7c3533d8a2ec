from decimal import Decimal

from django import template

from kinerja.performance.achievement import category

register = template.Library()


@register.filter
def category_name(value: Decimal | None) -> str:
    return category(value) or "—"


@register.filter
def category_slug(value: Decimal | None) -> str:
    name = category(value)
    return name.lower().replace(" ", "-") if name else "none"


@register.filter
def get_item(mapping: dict, key: object) -> object:
    return mapping.get(key) if mapping else None


@register.filter
def achievement_up_to(measurement: object, quarter: int) -> Decimal | None:
    return measurement.achievement_up_to(int(quarter)) if measurement is not None else None
