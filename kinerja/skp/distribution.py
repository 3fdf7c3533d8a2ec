"""How staff predicates may be distributed under the organisation's predicate (../shared/REGULATIONS.md §8). Pure.

The rule comes from a circular letter read from a secondary source, marked **uncertain**: it is data —
`DEFAULT_RULES` below, replaced as a whole by the setting `KINERJA_SKP_DISTRIBUTION` — never code. Each rule names
a group of staff predicates and a bound on its share of the ratings:

- `at_most` N: at most N % of the ratings are in the group;
- `at_least` N: at least N % are;
- `some`: at least one is ("some must be Butuh Perbaikan or Kurang").

`check_distribution(ratings, organisation, rules)` counts the ratings (an id → a staff predicate), tests every
rule of the organisation's predicate and, for each broken rule, names the ratings to review: for `at_most` those
inside the group (one of them should be lower), for `at_least` and `some` those outside it.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from .predicate import BAIK, BUTUH_PERBAIKAN, ISTIMEWA, KURANG, PREDICATES, SANGAT_BAIK, SANGAT_KURANG

AT_MOST, AT_LEAST, SOME = "at_most", "at_least", "some"
HUNDRED = Decimal(100)

Rule = tuple[tuple[str, ...], str, int]  # (group of staff predicates, kind, percent)

DEFAULT_RULES: dict[str, tuple[Rule, ...]] = {
    ISTIMEWA: (((SANGAT_BAIK,), AT_MOST, 70),),
    BAIK: (((BAIK,), AT_MOST, 70), ((BUTUH_PERBAIKAN, KURANG), SOME, 0)),
    BUTUH_PERBAIKAN: (((BUTUH_PERBAIKAN,), AT_LEAST, 60), ((SANGAT_BAIK,), AT_MOST, 10)),
    KURANG: (((KURANG,), AT_LEAST, 60), ((BUTUH_PERBAIKAN,), AT_LEAST, 10), ((SANGAT_BAIK,), AT_MOST, 10)),
    SANGAT_KURANG: (
        ((SANGAT_KURANG,), AT_LEAST, 60),
        ((KURANG, BUTUH_PERBAIKAN), AT_LEAST, 10),
        ((SANGAT_BAIK,), AT_MOST, 0),
    ),
}


@dataclass(frozen=True)
class Breach:
    group: tuple[str, ...]
    kind: str
    percent: int
    share: Decimal  # the group's share of the ratings, in percent
    to_review: tuple[object, ...]  # the ids of the ratings to look at again


@dataclass
class Distribution:
    organisation: str | None  # the organisation's predicate; None: no figure, nothing checked
    counts: dict[str, int] = field(default_factory=dict)
    total: int = 0
    rules: tuple[Rule, ...] = ()
    breaches: list[Breach] = field(default_factory=list)

    def share(self, predicate: str) -> Decimal | None:
        if not self.total:
            return None
        return Decimal(self.counts.get(predicate, 0)) * HUNDRED / Decimal(self.total)

    @property
    def checked(self) -> bool:
        return self.organisation is not None and self.total > 0

    @property
    def ok(self) -> bool:
        return not self.breaches


def _broken(kind: str, percent: int, inside: int, total: int) -> bool:
    if kind == AT_MOST:
        return inside * 100 > percent * total
    if kind == AT_LEAST:
        return inside * 100 < percent * total
    if kind == SOME:
        return inside == 0
    raise ValueError(f"unknown kind of rule: {kind!r}")


def check_distribution(
    ratings: Mapping[object, str],
    organisation: str | None,
    rules: Mapping[str, Sequence[Rule]] | None = None,
) -> Distribution:
    """The distribution of `ratings` (id → staff predicate) against the rules of `organisation`'s predicate."""
    rules = DEFAULT_RULES if rules is None else rules
    unknown = set(ratings.values()) - set(PREDICATES)
    if unknown:
        raise ValueError(f"unknown predicates: {sorted(unknown)}")
    counts = {name: sum(1 for value in ratings.values() if value == name) for name in PREDICATES}
    result = Distribution(organisation, counts, len(ratings), tuple(rules.get(organisation or "", ())))
    if not result.checked:
        return result
    for group, kind, percent in result.rules:
        inside = sum(counts[name] for name in group)
        if not _broken(kind, percent, inside, result.total):
            continue
        in_group = kind == AT_MOST
        to_review = tuple(key for key, value in ratings.items() if (value in group) == in_group)
        share = Decimal(inside) * HUNDRED / Decimal(result.total)
        result.breaches.append(Breach(tuple(group), kind, percent, share, to_review))
    return result
