"""The distribution of staff predicates under the organisation's predicate (REGULATIONS.md §8, as data)."""

from decimal import Decimal

import pytest

from kinerja.skp import predicate as p
from kinerja.skp.distribution import AT_LEAST, AT_MOST, DEFAULT_RULES, SOME, check_distribution


def ratings(**counts: int) -> dict[str, str]:
    """`sangat_baik=3, baik=1` → {"sangat_baik-1": "sangat_baik", …}: ids that say what they are."""
    return {f"{name}-{n}": name for name, count in counts.items() for n in range(1, count + 1)}


def test_a_unit_all_sangat_baik_under_a_baik_organisation_breaks_the_rule_and_names_every_rating():
    result = check_distribution(ratings(sangat_baik=5), p.BAIK)
    assert result.checked and not result.ok
    [breach] = result.breaches
    assert (breach.group, breach.kind, breach.share) == ((p.BUTUH_PERBAIKAN, p.KURANG), SOME, Decimal(0))
    assert sorted(breach.to_review) == [f"sangat_baik-{n}" for n in range(1, 6)]


@pytest.mark.parametrize(
    ("organisation", "counts", "broken"),
    [
        (p.ISTIMEWA, {"sangat_baik": 7, "baik": 3}, []),
        (p.ISTIMEWA, {"sangat_baik": 8, "baik": 2}, [((p.SANGAT_BAIK,), AT_MOST)]),
        (p.BAIK, {"baik": 7, "sangat_baik": 2, "butuh_perbaikan": 1}, []),
        (p.BAIK, {"baik": 8, "butuh_perbaikan": 2}, [((p.BAIK,), AT_MOST)]),
        (p.BAIK, {"baik": 5, "kurang": 1}, [((p.BAIK,), AT_MOST)]),
        (p.BUTUH_PERBAIKAN, {"butuh_perbaikan": 6, "baik": 3, "sangat_baik": 1}, []),
        (
            p.BUTUH_PERBAIKAN,
            {"butuh_perbaikan": 5, "baik": 3, "sangat_baik": 2},
            [((p.BUTUH_PERBAIKAN,), AT_LEAST), ((p.SANGAT_BAIK,), AT_MOST)],
        ),
        (p.KURANG, {"kurang": 6, "butuh_perbaikan": 1, "baik": 3}, []),
        (p.KURANG, {"kurang": 6, "baik": 4}, [((p.BUTUH_PERBAIKAN,), AT_LEAST)]),
        (p.SANGAT_KURANG, {"sangat_kurang": 6, "kurang": 1, "baik": 3}, []),
        (
            p.SANGAT_KURANG,
            {"sangat_kurang": 9, "sangat_baik": 1},
            [((p.KURANG, p.BUTUH_PERBAIKAN), AT_LEAST), ((p.SANGAT_BAIK,), AT_MOST)],
        ),
    ],
)
def test_each_organisation_predicate_bounds_the_distribution_as_the_table_says(organisation, counts, broken):
    result = check_distribution(ratings(**counts), organisation)
    assert [(breach.group, breach.kind) for breach in result.breaches] == broken


def test_an_at_most_breach_names_the_ratings_inside_the_group_and_an_at_least_breach_those_outside():
    result = check_distribution(ratings(butuh_perbaikan=5, baik=3, sangat_baik=2), p.BUTUH_PERBAIKAN)
    at_least, at_most = result.breaches
    assert sorted(at_least.to_review) == ["baik-1", "baik-2", "baik-3", "sangat_baik-1", "sangat_baik-2"]
    assert sorted(at_most.to_review) == ["sangat_baik-1", "sangat_baik-2"]
    assert at_least.share == Decimal(50) and at_most.share == Decimal(20)


def test_without_a_figure_or_without_ratings_nothing_is_checked():
    assert check_distribution(ratings(sangat_baik=3), None).breaches == []
    assert not check_distribution(ratings(sangat_baik=3), None).checked
    empty = check_distribution({}, p.BAIK)
    assert not empty.checked and empty.ok and empty.share(p.BAIK) is None


def test_the_rules_are_data_that_a_setting_replaces():
    strict = {p.BAIK: (((p.SANGAT_BAIK,), AT_MOST, 0),)}
    assert check_distribution(ratings(sangat_baik=1, baik=1), p.BAIK, strict).breaches[0].to_review == (
        "sangat_baik-1",
    )
    assert set(DEFAULT_RULES) == set(p.ORGANISATION_PREDICATES)


def test_an_unknown_predicate_is_refused():
    with pytest.raises(ValueError, match="unknown predicates"):
        check_distribution({"a": "istimewa"}, p.BAIK)
