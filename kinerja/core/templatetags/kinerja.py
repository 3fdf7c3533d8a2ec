from decimal import Decimal

from django import template

from kinerja.core.numbers import format_number, format_percent

register = template.Library()


@register.filter
def number(value: Decimal | int | None, decimals: int = 2) -> str:
    return format_number(value, int(decimals))


@register.filter
def percent(value: Decimal | None, decimals: int = 2) -> str:
    return format_percent(value, int(decimals))

