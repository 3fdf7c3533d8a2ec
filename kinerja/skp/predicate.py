"""The SKP rating arithmetic of PermenPANRB 6/2022 as ../shared/REGULATIONS.md §8 states it. Pure: no database.

- `predicate(work, behaviour)`: the matrix of §8 (a work rating and a behaviour rating give the predicate);
- `overall_behaviour(ratings)`: the behaviour rating from the seven BerAKHLAK values. The regulation leaves the
  overall judgement to the superior; Kinerja's documented rule is the MEDIAN of the seven ratings (ordered
  Di bawah < Sesuai < Di atas): "Di atas" when at least four values are rated above, "Di bawah" when at least four
  are below, "Sesuai" otherwise;
- `work_from_achievement(achievement, bounds)`: the work rating proposed for the head of a unit from the achievement
  of the unit they lead (bounds: a setting, `KINERJA_SKP_WORK_BOUNDS`, default 110 and 91 — §2's "Sangat Tinggi"
  starts at 91);
- `organisation_predicate(achievement, bounds)`: the predicate of the agency or a unit from its achievement
  (bounds: a setting, `KINERJA_ORGANISATION_PREDICATE_BOUNDS`, default 110 / 91 / 76 / 51).

A missing achievement gives no proposal (None, shown as "—"), never a rating.
"""

from collections.abc import Sequence
from decimal import Decimal

ABOVE, AS_EXPECTED, BELOW = "di_atas", "sesuai", "di_bawah"
RATINGS = (ABOVE, AS_EXPECTED, BELOW)

# the staff predicates (predikat kinerja pegawai), best first
SANGAT_BAIK, BAIK, BUTUH_PERBAIKAN, KURANG, SANGAT_KURANG = (
    "sangat_baik",
    "baik",
    "butuh_perbaikan",
    "kurang",
    "sangat_kurang",
)
PREDICATES = (SANGAT_BAIK, BAIK, BUTUH_PERBAIKAN, KURANG, SANGAT_KURANG)

# the organisation's (or unit's) predicate, best first
ISTIMEWA = "istimewa"
ORGANISATION_PREDICATES = (ISTIMEWA, BAIK, BUTUH_PERBAIKAN, KURANG, SANGAT_KURANG)

# §8: work (rows) × behaviour (columns)
MATRIX: dict[tuple[str, str], str] = {
    (ABOVE, BELOW): KURANG,
    (ABOVE, AS_EXPECTED): BAIK,
    (ABOVE, ABOVE): SANGAT_BAIK,
    (AS_EXPECTED, BELOW): KURANG,
    (AS_EXPECTED, AS_EXPECTED): BAIK,
    (AS_EXPECTED, ABOVE): BAIK,
    (BELOW, BELOW): SANGAT_KURANG,
    (BELOW, AS_EXPECTED): BUTUH_PERBAIKAN,
    (BELOW, ABOVE): BUTUH_PERBAIKAN,
}

BEHAVIOUR_VALUES = (
    "berorientasi_pelayanan",
    "akuntabel",
    "kompeten",
    "harmonis",
    "loyal",
    "adaptif",
    "kolaboratif",
)

DEFAULT_WORK_BOUNDS = (Decimal(110), Decimal(91))
DEFAULT_ORGANISATION_BOUNDS = (Decimal(110), Decimal(91), Decimal(76), Decimal(51))

_ORDER = {BELOW: 0, AS_EXPECTED: 1, ABOVE: 2}


def predicate(work: str, behaviour: str) -> str:
    """The predicate of a work rating and a behaviour rating (§8); ValueError for an unknown rating."""
    try:
        return MATRIX[(work, behaviour)]
    except KeyError:
        raise ValueError(f"unknown rating: {work!r}, {behaviour!r}") from None


def overall_behaviour(ratings: Sequence[str]) -> str:
    """The median of the seven BerAKHLAK ratings; ValueError unless there are seven known ratings."""
    if len(ratings) != len(BEHAVIOUR_VALUES) or any(rating not in _ORDER for rating in ratings):
        raise ValueError("seven ratings of di_atas / sesuai / di_bawah are needed")
    ordered = sorted(ratings, key=_ORDER.__getitem__)
    return ordered[len(ordered) // 2]


def _bounds(bounds: Sequence[Decimal | str | int], count: int) -> list[Decimal]:
    values = [Decimal(str(bound)) for bound in bounds]
    if len(values) != count or values != sorted(values, reverse=True):
        raise ValueError(f"{count} bounds, highest first, are needed")
    return values


def work_from_achievement(
    achievement: Decimal | None, bounds: Sequence[Decimal | str | int] = DEFAULT_WORK_BOUNDS
) -> str | None:
    """Di atas from the first bound (inclusive), Sesuai from the second, Di bawah below; None without a figure."""
    if achievement is None:
        return None
    above, expected = _bounds(bounds, 2)
    if achievement >= above:
        return ABOVE
    if achievement >= expected:
        return AS_EXPECTED
    return BELOW


def organisation_predicate(
    achievement: Decimal | None, bounds: Sequence[Decimal | str | int] = DEFAULT_ORGANISATION_BOUNDS
) -> str | None:
    """Istimewa, Baik, Butuh Perbaikan, Kurang from each bound (inclusive), Sangat Kurang below; None without a
    figure."""
    if achievement is None:
        return None
    for bound, name in zip(_bounds(bounds, 4), ORGANISATION_PREDICATES, strict=False):
        if achievement >= bound:
            return name
    return SANGAT_KURANG
