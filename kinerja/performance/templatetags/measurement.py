from decimal import Decimal

from django import template
from django.utils.translation import pgettext_lazy

from kinerja.performance import achievement
from kinerja.performance.achievement import category

register = template.Library()

# The categories of §2 in the reader's language; the official Indonesian names (achievement.py) are the catalogue's
# translation, and what the printed documents write whatever the interface's language.
CATEGORY_NAMES = {
    achievement.SANGAT_TINGGI: pgettext_lazy("achievement category", "Very High"),
    achievement.TINGGI: pgettext_lazy("achievement category", "High"),
    achievement.SEDANG: pgettext_lazy("achievement category", "Medium"),
    achievement.RENDAH: pgettext_lazy("achievement category", "Low"),
    achievement.SANGAT_RENDAH: pgettext_lazy("achievement category", "Very Low"),
}


@register.filter
def category_name(value: Decimal | None) -> str:
    name = category(value)
    return str(CATEGORY_NAMES[name]) if name else "—"


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
