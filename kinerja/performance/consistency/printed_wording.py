"""Family "tulisan-indikator": one indicator printed with another name, data source, definition or ratio
wording on some page or in Lampiran I."""

import re
from collections.abc import Iterable

from django.utils.translation import gettext, pgettext

from kinerja.strategy.models import Indicator

from .compare import canonical, close, same_term
from .context import PlanData
from .findings import ERROR, WARNING, Finding, Place, quoted
from .registry import check

FAMILY = "tulisan-indikator"
_RATIO_WORDS = re.compile(
    r"perbandingan antara\s+(?P<numerator>.+?)\s+terhadap\s+(?P<denominator>.+?)\s*(?:,\s*yang dihitung|\.\s*$|$)",
    re.IGNORECASE | re.DOTALL,
)


def _variants(printed: list[tuple[str, Place]], own: str) -> list[tuple[str, list[Place]]]:
    """The texts that differ from `own` once canonical (synonyms read out, doubled words once), each once with
    every place printing it."""
    variants: dict[str, tuple[str, list[Place]]] = {}
    for text, place in printed:
        key = canonical(text)
        if key == canonical(own):
            continue
        variants.setdefault(key, (text, []))[1].append(place)
    return list(variants.values())


@check(
    family=FAMILY,
    codes=(
        "nama-beda-tipis",
        "dua-nama",
        "sumber-data-berbeda",
        "penjelasan-berbeda",
        "rumus-berbeda",
    ),
)
def check_printed_wording(data: PlanData) -> Iterable[Finding]:
    """One indicator printed with another name, definition, formula or data source on some page."""
    for indicator in data.indicators:
        for text, places in _variants(data.printings(indicator, "name"), indicator.name):
            is_close = close(text, indicator.name)
            where = ", ".join(place.label for place in places)
            if is_close:
                yield Finding(
                    FAMILY,
                    "nama-beda-tipis",
                    WARNING,
                    (
                        gettext(
                            "Indicator %(code)s is written %(text)s on %(where)s, slightly different from its name "
                            "%(name)s (probably a typo or a shortened name)."
                        )
                        % {"code": indicator.code, "text": quoted(text), "where": where, "name": quoted(indicator.name)}
                    ),
                    [data.at_indicator(indicator), *places],
                    gettext("Use one spelling of the indicator's name on every page and in Appendix I."),
                )
            else:
                yield Finding(
                    FAMILY,
                    "dua-nama",
                    ERROR,
                    gettext("One indicator, two names: %(code)s is named %(name)s, but %(where)s writes it %(text)s.")
                    % {"code": indicator.code, "name": quoted(indicator.name), "where": where, "text": quoted(text)},
                    [data.at_indicator(indicator), *places],
                    gettext(
                        "Choose one name for this indicator and use it in Chapter II, Appendix I and every IKI "
                        "page; if these really are two indicators, split it into two indicators, each with its "
                        "formula."
                    ),
                )
        for text, places in _variants(data.printings(indicator, "data_source"), indicator.data_source):
            where = ", ".join(place.label for place in places)
            yield Finding(
                FAMILY,
                "sumber-data-berbeda",
                WARNING,
                (
                    gettext(
                        "The data source of indicator %(code)s is written %(text)s on %(where)s, different from "
                        "%(own)s."
                    )
                    % {
                        "code": indicator.code,
                        "text": quoted(text),
                        "where": where,
                        "own": quoted(indicator.data_source or "—"),
                    }
                ),
                [data.at_indicator(indicator), *places],
                gettext("Choose one data source for this indicator and use it on every page and in Appendix I."),
            )
        if indicator.definition:
            for text, places in _variants(data.printings(indicator, "definition"), indicator.definition):
                where = ", ".join(place.label for place in places)
                yield Finding(
                    FAMILY,
                    "penjelasan-berbeda",
                    WARNING,
                    gettext("The definition of indicator %(code)s on %(where)s differs: %(text)s against %(own)s.")
                    % {
                        "code": indicator.code,
                        "where": where,
                        "text": quoted(text),
                        "own": quoted(indicator.definition),
                    },
                    [data.at_indicator(indicator), *places],
                    gettext("Make the definition/formulation of this indicator the same on every page."),
                )
        if indicator.formula == Indicator.Formula.RATIO:
            yield from _ratio_words(data, indicator)


def _ratio_words(data: PlanData, indicator: Indicator) -> Iterable[Finding]:
    """A definition that words the ratio ("perbandingan antara A terhadap B") with other terms than its formula."""
    texts = [(indicator.definition, data.at_indicator(indicator))] if indicator.definition else []
    texts += data.printings(indicator, "definition")
    for text, place in texts:
        match = _RATIO_WORDS.search(text)
        if not match:
            continue
        for term, own, name in (
            ("numerator", indicator.numerator, pgettext("ratio term", "numerator")),
            ("denominator", indicator.denominator, pgettext("ratio term", "denominator")),
        ):
            worded = match.group(term)
            if own and not same_term(worded, own):
                yield Finding(
                    FAMILY,
                    "rumus-berbeda",
                    WARNING,
                    (
                        gettext(
                            "The definition of indicator %(code)s on %(where)s names the %(term)s %(worded)s, "
                            "whereas its formula uses the %(term)s %(own)s."
                        )
                        % {
                            "code": indicator.code,
                            "where": place.label,
                            "term": name,
                            "worded": quoted(worded),
                            "own": quoted(own),
                        }
                    ),
                    [place, data.at_indicator(indicator)],
                    (
                        gettext(
                            "Make sure the definition and the formula name the same %(term)s; if they differ, "
                            "correct one of them."
                        )
                        % {"term": name}
                    ),
                )
