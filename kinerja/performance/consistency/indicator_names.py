"""Family "nama-indikator": different indicators under the same or almost the same name, and a page's indicator
that reads like the one above it but is computed otherwise."""

from collections import defaultdict
from collections.abc import Iterable

from django.utils.translation import gettext, pgettext_lazy

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
# The fields as a finding names them (the labels above are the keys the checks compare).
_FIELD_NAMES = {
    "jenis rumus": pgettext_lazy("indicator field", "formula type"),
    "satuan": pgettext_lazy("indicator field", "unit"),
    "pembilang": pgettext_lazy("indicator field", "numerator"),
    "penyebut": pgettext_lazy("indicator field", "denominator"),
    "sumber data": pgettext_lazy("indicator field", "data source"),
}


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
                    (
                        gettext(
                            "The names of indicators %(first)s and %(second)s are almost the same (%(name)s / "
                            "%(other)s): probably a typo, or two records of one indicator."
                        )
                        % {
                            "first": first.code,
                            "second": second.code,
                            "name": quoted(name),
                            "other": quoted(other_name),
                        }
                    ),
                    data.places_of(first) + data.places_of(second),
                    gettext(
                        "If both are one indicator, merge them into one and give them one name; if they differ, "
                        "name them clearly apart."
                    ),
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
                    (
                        gettext(
                            "Indicator %(code)s %(name)s is like indicator %(other)s %(other_name)s of the objective "
                            "it supports, but computed otherwise (%(fields)s differ): probably the same indicator "
                            "with another formula."
                        )
                        % {
                            "code": mine.code,
                            "name": quoted(mine.name, 100),
                            "other": other.code,
                            "other_name": quoted(other.name, 100),
                            "fields": ", ".join(str(_FIELD_NAMES[label]) for label in differing),
                        }
                    ),
                    data.places_of(mine) + data.places_of(other),
                    (
                        gettext(
                            "If it means the same, use indicator %(other)s on this page; if not, give it a name that "
                            "says what is computed."
                        )
                        % {"other": other.code}
                    ),
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
            shown = gettext(" and ").join(quoted(value or "—", 60) for value in values.values())
            differing.append(f"{_FIELD_NAMES[label]} {shown}")
    if differing:
        return Finding(
            FAMILY,
            "nama-sama-isi-beda",
            ERROR,
            (
                gettext(
                    "The same indicator name is used for %(codes)s, but they differ in %(differing)s. One "
                    "name is measured in two ways."
                )
                % {"codes": codes, "differing": "; ".join(differing)}
            ),
            places,
            gettext(
                "If both are one indicator, merge them with one formula, unit and data source; if they "
                "really differ, give them names that tell them apart."
            ),
        )
    return Finding(
        FAMILY,
        "nama-sama-tercatat-ganda",
        WARNING,
        (
            gettext(
                "%(codes)s have the same name with the same formula, unit and data source: one indicator "
                "is recorded more than once, so its actuals are entered more than once."
            )
            % {"codes": codes}
        ),
        places,
        gettext("Merge them into one indicator printed on every page that carries it."),
    )
