"""Family "nama-indikator": different indicators under the same or almost the same name, and a page's indicator
that reads like the one above it but is computed otherwise."""

from collections import defaultdict
from collections.abc import Iterable

from kinerja.strategy.models import Indicator

from .compare import first_word, normalise, shared_run, typo_pair
from .context import PlanData
from .findings import ERROR, WARNING, Finding, quoted
from .registry import check

FAMILY = "nama-indikator"
SHARED_RUN = 4  # words in a row two names must share for a page's indicator to look like one above it

_FIELDS = (
    ("formula", "jenis rumus"),
    ("unit", "satuan"),
    ("numerator", "pembilang"),
    ("denominator", "penyebut"),
    ("data_source", "sumber data"),
)


@check(family=FAMILY, codes=("nama-sama-isi-beda", "nama-sama-tercatat-ganda", "nama-mirip", "indikator-mirip-atasan"))
def check_shared_names(data: PlanData) -> Iterable[Finding]:
    """Indicators printed under the same name (with what differs between them), or under almost the same."""
    names = {indicator.pk: {normalise(name) for name in data.names_of(indicator)} for indicator in data.indicators}
    by_name: dict[str, list[Indicator]] = defaultdict(list)
    for indicator in data.indicators:
        for name in names[indicator.pk]:
            by_name[name].append(indicator)
    number_of = {indicator.pk: number for number, indicator in enumerate(data.indicators)}
    groups_seen: set[frozenset[int]] = set()
    same_pairs: set[tuple[int, int]] = set()
    for group in by_name.values():
        key = frozenset(indicator.pk for indicator in group)
        if len(group) < 2 or key in groups_seen:
            continue
        groups_seen.add(key)
        numbers = [number_of[indicator.pk] for indicator in group]
        same_pairs.update((a, b) for a in numbers for b in numbers if a < b)
        yield _same_name(data, group)
    yield from _almost_same_names(data, names, same_pairs)
    yield from _looks_like_above(data)


def _almost_same_names(
    data: PlanData, names: dict[int, set[str]], same_pairs: set[tuple[int, int]]
) -> Iterable[Finding]:
    """Two indicators whose names are a typo of each other (`_typo_pair`), at most two words apart. Candidates
    share their number of words and one third of their words, so that a regency's thousands of names are not all
    compared pair by pair."""
    entries: list[tuple[str, tuple[str, ...], int, Indicator]] = []
    candidates: dict[tuple, list[int]] = defaultdict(list)
    for number, indicator in enumerate(data.indicators):
        for name in sorted(names[indicator.pk]):
            words = tuple(name.split())
            size = len(words)
            entry = len(entries)
            entries.append((name, words, number, indicator))
            if size < 3:
                candidates[(size,)].append(entry)
                continue
            # Two names that differ in at most two words agree on at least one of three parts (pigeonhole).
            cuts = (0, size // 3, 2 * size // 3, size)
            for part in range(3):
                candidates[(size, part, *words[cuts[part] : cuts[part + 1]])].append(entry)
    done: set[tuple[int, int]] = set()
    for bucket in candidates.values():
        for index, first_entry in enumerate(bucket):
            name, words, first_number, first = entries[first_entry]
            for second_entry in bucket[index + 1 :]:
                other_name, other_words, second_number, second = entries[second_entry]
                pair = (min(first_number, second_number), max(first_number, second_number))
                if first_number == second_number or pair in done or pair in same_pairs:
                    continue
                if sum(1 for a, b in zip(words, other_words, strict=True) if a != b) > 2:
                    continue
                if not typo_pair(name, other_name):
                    continue
                done.add(pair)
                yield Finding(
                    FAMILY,
                    "nama-mirip",
                    WARNING,
                    f"Nama indikator {first.code} dan {second.code} hampir sama ({quoted(name)} / "
                    f"{quoted(other_name)}): kemungkinan salah ketik, atau dua catatan untuk satu indikator.",
                    data.places_of(first) + data.places_of(second),
                    "Bila keduanya satu indikator, gabungkan menjadi satu dan samakan namanya; bila berbeda, "
                    "bedakan namanya dengan jelas.",
                )


def _looks_like_above(data: PlanData) -> Iterable[Finding]:
    """An indicator on a page that reads like an indicator of an objective it contributes to (the same measure —
    "Persentase …" — and at least SHARED_RUN words in a row alike) but is computed otherwise: probably the
    indicator above, with another formula."""
    measuring: dict[int, set[int]] = defaultdict(set)
    for row in data.page_rows:
        measuring[row.objective_id].add(row.indicator_id)
    for indicator in data.indicators:
        if indicator.objective_id:
            measuring[indicator.objective_id].add(indicator.pk)
    reported: set[tuple[int, int]] = set()
    for row in data.page_rows:
        mine = data.indicator(row.indicator_id)
        seen = {row.objective_id}
        above = (
            data.objective(data.objective(row.objective_id).contributes_to_id)
            if data.objective(row.objective_id)
            else None
        )
        while above is not None and above.pk not in seen:
            seen.add(above.pk)
            for other_id in sorted(measuring.get(above.pk, ())):
                other = data.indicator(other_id)
                if other.pk == mine.pk or (mine.pk, other.pk) in reported or other.formula != mine.formula:
                    continue
                if first_word(mine.name) != first_word(other.name):
                    continue
                if shared_run(mine.name, other.name) < SHARED_RUN:
                    continue
                differing = [
                    label
                    for attribute, label in _FIELDS[1:]
                    if normalise(str(getattr(mine, attribute))) != normalise(str(getattr(other, attribute)))
                ]
                if not {"pembilang", "penyebut", "satuan"} & set(differing):
                    continue
                reported.add((mine.pk, other.pk))
                yield Finding(
                    FAMILY,
                    "indikator-mirip-atasan",
                    WARNING,
                    f"Indikator {mine.code} {quoted(mine.name, 100)} mirip indikator {other.code} "
                    f"{quoted(other.name, 100)} dari sasaran yang didukungnya, tetapi dihitung lain "
                    f"({', '.join(differing)} berbeda): kemungkinan indikator yang sama dengan rumus lain.",
                    data.places_of(mine) + data.places_of(other),
                    f"Bila maksudnya sama, pakai indikator {other.code} di halaman ini; bila berbeda, beri nama yang "
                    f"menunjukkan apa yang dihitung.",
                )
            above = data.objective(above.contributes_to_id)


def _same_name(data: PlanData, group: list[Indicator]) -> Finding:
    codes = ", ".join(indicator.code for indicator in group)
    places = [place for indicator in group for place in data.places_of(indicator)]
    differing = []
    for attribute, label in _FIELDS:
        values: dict[str, str] = {}
        for indicator in group:
            value = str(getattr(indicator, attribute))
            values.setdefault(normalise(value), value)
        if len(values) > 1:
            differing.append(f"{label} " + " dan ".join(quoted(value or "—", 60) for value in values.values()))
    if differing:
        return Finding(
            FAMILY,
            "nama-sama-isi-beda",
            ERROR,
            f"Nama indikator yang sama dipakai untuk {codes}, tetapi berbeda {'; '.join(differing)}. Satu nama "
            f"diukur dengan dua cara.",
            places,
            "Bila keduanya satu indikator, gabungkan dengan satu rumus, satuan dan sumber data; bila memang berbeda, "
            "beri nama yang membedakannya.",
        )
    return Finding(
        FAMILY,
        "nama-sama-tercatat-ganda",
        WARNING,
        f"{codes} bernama sama dengan rumus, satuan dan sumber data yang sama: satu indikator tercatat lebih dari "
        f"sekali, sehingga realisasinya diisi lebih dari sekali.",
        places,
        "Gabungkan menjadi satu indikator yang dicetak di setiap halaman yang memuatnya.",
    )
