from decimal import Decimal

from django import template

from kinerja.evaluation import links, scoring

register = template.Library()


@register.filter
def link_label(key: str) -> str:
    return links.link_label(key)


@register.simple_tag
def link_url(key: str, agency_code: str, year: int) -> str:
    return links.link_url(key, agency_code, year)


@register.filter
def answer_value(letter: str) -> Decimal | None:
    return scoring.ANSWER_VALUES.get(letter or "")


@register.filter
def predicate_name(letter: str) -> str:
    return scoring.PREDICATE_NAMES.get(letter or "", "")


@register.filter
def answer_meaning(letter: str) -> str:
    return scoring.ANSWER_MEANINGS.get(letter or "", "")


@register.simple_tag
def answer_scale() -> list[tuple[str, Decimal, str]]:
    """(letter, value, meaning) of every answer, best first: the legend and the options of each answer."""
    return [(letter, value, scoring.ANSWER_MEANINGS[letter]) for letter, value in scoring.ANSWER_VALUES.items()]
