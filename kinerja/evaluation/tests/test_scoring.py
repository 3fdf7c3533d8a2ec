"""The LKE arithmetic of REGULATIONS.md §7, table-driven: values, sub-component scores, sums, every boundary."""

from decimal import Decimal

import pytest

from kinerja.evaluation import scoring
from kinerja.evaluation.scoring import ComponentInput, SubComponentInput

D = Decimal


@pytest.mark.parametrize(
    ("letter", "value"),
    [
        ("AA", 100),
        ("A", 90),
        ("BB", 80),
        ("B", 70),
        ("CC", 60),
        ("C", 50),
        ("D", 30),
        ("E", 0),
        (" bb ", 80),
    ],
)
def test_answer_values(letter, value):
    assert scoring.answer_value(letter) == D(value)


def test_an_answer_given_as_its_value_counts_the_same():
    assert scoring.answer_value(90) == D(90) and scoring.answer_value(D("30")) == D(30)
    assert (
        scoring.sub_component_score([100, D(90), "A"], D("4.5"))
        == scoring.sub_component_score(["AA", "A", "A"], D("4.5"))
        == D("4.2")
    )


@pytest.mark.parametrize("wrong", ["F", "AAA", "100", "", None, "B+", 85, D("90.5"), -1, True])
def test_an_answer_not_allowed_is_refused_in_indonesian(wrong):
    with pytest.raises(ValueError, match="tidak dikenal; pilih salah satu dari AA, A, BB, B, CC, C, D, E"):
        scoring.answer_value(wrong)


@pytest.mark.parametrize(
    ("score", "letter", "name"),
    [
        ("100", "AA", "Sangat Memuaskan"),
        ("90.0001", "AA", "Sangat Memuaskan"),
        ("90", "A", "Memuaskan"),
        ("80.0001", "A", "Memuaskan"),
        ("80", "BB", "Sangat Baik"),
        ("70.01", "BB", "Sangat Baik"),
        ("70", "B", "Baik"),
        ("60.0001", "B", "Baik"),
        ("60", "CC", "Cukup"),
        ("50.0001", "CC", "Cukup"),
        ("50", "C", "Kurang"),
        ("30.0001", "C", "Kurang"),
        ("30", "D", "Sangat Kurang"),
        ("29.9999", "D", "Sangat Kurang"),
        ("0", "D", "Sangat Kurang"),
    ],
)
def test_predicate_lower_bounds_are_exclusive(score, letter, name):
    assert scoring.predicate(D(score)) == (letter, name)


@pytest.mark.parametrize(
    ("answers", "weight", "expected"),
    [
        (["AA"] * 7, "6", "6"),  # all AA: the whole weight
        (["E"] * 3, "5", "0"),
        (["A", "BB", "B"], "9", "7.2"),  # mean 80 × 9 / 100
        (["AA", "A", "A"], "4.5", "4.2"),  # 280 / 3 × 4.5 / 100 = 4.2 exactly
        (["AA", "AA", "A", "A", "A", "A", "A"], "6", "5.5714"),  # 650 × 6 / 700 = 5.571428… half-up
        (["AA", "A", "A"], "15", "14"),
        (["A", "A", "B"], "7.5", "6.25"),  # 250 / 3 × 7.5 / 100 = 6.25
        (["AA", "BB", "BB"], "12.5", "10.8333"),  # 260 / 3 × 12.5 / 100 = 10.83333…
        (["A", "BB"], "9", "7.65"),
        (["AA", "D", "D"], "1", "0.5333"),  # 160 / 300 = 0.53333…
        (["A", "A", "A", "A", "A", "A", "AA", "AA", "AA"], "4.5", "4.2"),  # 840 × 4.5 / 900
        (["C", "C", "CC"], "0.1", "0.0533"),  # 160 / 3 × 0.1 / 100 = 0.05333…
        (["AA", "AA", "E"], "0.1", "0.0667"),  # 200 / 3 × 0.1 / 100 = 0.06666… half-up
    ],
)
def test_sub_component_score(answers, weight, expected):
    assert scoring.sub_component_score(answers, D(weight)) == D(expected)


def test_half_up_at_the_fifth_decimal():
    # 2 answers AA + E → mean 50; × 0.00009 / 100 = 0.000045 → 0.0000; × 0.0001 → 0.00005 → 0.0001 (half-up)
    assert scoring.sub_component_score(["AA", "E"], D("0.0001")) == D("0.0001")
    assert scoring.sub_component_score(["AA", "E"], D("0.00009")) == D("0")


def test_unanswered_gives_no_score_but_a_wrong_letter_still_raises():
    assert scoring.sub_component_score(["AA", None, "A"], D(6)) is None
    assert scoring.sub_component_score(["AA", ""], D(6)) is None
    assert scoring.sub_component_score([], D(6)) is None
    with pytest.raises(ValueError):
        scoring.sub_component_score(["X", None], D(6))


def test_sums_are_exact_and_none_propagates():
    assert scoring.component_score([D("5.5714"), D("7.2"), D("12")]) == D("24.7714")
    assert scoring.component_score([D("1"), None]) is None
    assert scoring.total_score([D("24.7714"), D("25"), D("12.5"), D("20.1")]) == D("82.3714")


def _worksheet(answer_for):
    """The 2021 shape (§7): weights and criteria counts per sub-component; answer_for(criterion code)."""
    shape = {
        "A": ("30", [("6", 7), ("9", 10), ("15", 8)]),
        "B": ("30", [("6", 3), ("9", 7), ("15", 10)]),
        "C": ("15", [("3", 6), ("4.5", 9), ("7.5", 7)]),
        "D": ("25", [("5", 3), ("7.5", 5), ("12.5", 5)]),
    }
    components = []
    for code, (weight, subs) in shape.items():
        inputs = []
        for number, (sub_weight, count) in enumerate(subs, start=1):
            answers = {f"{code}.{number}.{i}": answer_for(f"{code}.{number}.{i}") for i in range(1, count + 1)}
            inputs.append(SubComponentInput(f"{code}.{number}", D(sub_weight), answers))
        components.append(ComponentInput(code, D(weight), inputs))
    return components


def test_a_worksheet_all_aa_scores_100_and_all_a_scores_90_which_is_a():
    result = scoring.score_worksheet(_worksheet(lambda code: "AA"))
    assert result.total == D(100)
    assert result.predicate == ("AA", "Sangat Memuaskan")
    assert [c.score for c in result.components] == [D(30), D(30), D(15), D(25)]
    result = scoring.score_worksheet(_worksheet(lambda code: "A"))
    assert result.total == D(90)
    assert result.predicate == ("A", "Memuaskan")
    result = scoring.score_worksheet(_worksheet(lambda code: "D"))
    assert result.total == D(30)
    assert result.predicate == ("D", "Sangat Kurang")


def test_a_worked_example_with_mixed_answers():
    # A.1 (weight 6, 7 criteria): first two AA, the rest A → 5.5714; every other criterion BB → weight × 0.8
    def answer(code):
        if code.startswith("A.1."):
            return "AA" if code in ("A.1.1", "A.1.2") else "A"
        return "BB"

    result = scoring.score_worksheet(_worksheet(answer))
    a = result.components[0]
    assert [s.score for s in a.sub_components] == [D("5.5714"), D("7.2"), D("12")]
    assert a.score == D("24.7714")
    assert [c.score for c in result.components[1:]] == [D(24), D(12), D(20)]
    assert result.total == D("80.7714")
    assert result.predicate == ("A", "Memuaskan")
    assert result.complete


def test_unanswered_criteria_are_listed_and_no_total_is_given():
    result = scoring.score_worksheet(_worksheet(lambda code: None if code in ("B.2.3", "D.3.5") else "B"))
    assert result.unanswered == ["B.2.3", "D.3.5"]
    assert result.total is None and result.predicate is None
    assert result.components[0].score == D(21)  # A is complete: 70% of 30
    assert result.components[1].score is None
