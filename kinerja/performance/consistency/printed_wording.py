"""Family "tulisan-indikator": one indicator printed with another name, data source, definition or ratio
wording on some page or in Lampiran I."""

import re
from collections.abc import Iterable

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
                    f"Indikator {indicator.code} ditulis {quoted(text)} di {where}, sedikit berbeda dari namanya "
                    f"{quoted(indicator.name)} (kemungkinan salah ketik atau nama yang dipendekkan).",
                    [data.at_indicator(indicator), *places],
                    "Pakai satu tulisan nama indikator di semua halaman dan di Lampiran I.",
                )
            else:
                yield Finding(
                    FAMILY,
                    "dua-nama",
                    ERROR,
                    f"Satu indikator, dua nama: {indicator.code} bernama {quoted(indicator.name)}, tetapi {where} "
                    f"menulisnya {quoted(text)}.",
                    [data.at_indicator(indicator), *places],
                    "Tetapkan satu nama untuk indikator ini dan pakai di BAB II, Lampiran I dan setiap halaman IKI; "
                    "bila memang dua indikator, pisahkan menjadi dua indikator dengan rumusnya masing-masing.",
                )
        for text, places in _variants(data.printings(indicator, "data_source"), indicator.data_source):
            where = ", ".join(place.label for place in places)
            yield Finding(
                FAMILY,
                "sumber-data-berbeda",
                WARNING,
                f"Sumber data indikator {indicator.code} ditulis {quoted(text)} di {where}, berbeda dari "
                f"{quoted(indicator.data_source or '—')}.",
                [data.at_indicator(indicator), *places],
                "Tetapkan satu sumber data untuk indikator ini dan pakai di semua halaman dan di Lampiran I.",
            )
        if indicator.definition:
            for text, places in _variants(data.printings(indicator, "definition"), indicator.definition):
                where = ", ".join(place.label for place in places)
                yield Finding(
                    FAMILY,
                    "penjelasan-berbeda",
                    WARNING,
                    f"Penjelasan indikator {indicator.code} di {where} berbeda: {quoted(text)} dibanding "
                    f"{quoted(indicator.definition)}.",
                    [data.at_indicator(indicator), *places],
                    "Samakan penjelasan/formulasi indikator ini di semua halaman.",
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
            ("numerator", indicator.numerator, "pembilang"),
            ("denominator", indicator.denominator, "penyebut"),
        ):
            worded = match.group(term)
            if own and not same_term(worded, own):
                yield Finding(
                    FAMILY,
                    "rumus-berbeda",
                    WARNING,
                    f"Penjelasan indikator {indicator.code} di {place.label} menyebut {name} {quoted(worded)}, "
                    f"sedangkan rumusnya memakai {name} {quoted(own)}.",
                    [place, data.at_indicator(indicator)],
                    f"Pastikan penjelasan dan rumus menyebut {name} yang sama; bila isinya berbeda, perbaiki salah "
                    f"satunya.",
                )
