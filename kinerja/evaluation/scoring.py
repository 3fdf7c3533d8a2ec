"""Scoring of the SAKIP evaluation worksheet (LKE, PermenPANRB 88/2021; REGULATIONS.md §7): pure Decimal arithmetic.

- Each criterion is answered AA / A / BB / B / CC / C / D / E, worth 100 / 90 / 80 / 70 / 60 / 50 / 30 / 0.
- Criteria weigh equally inside a sub-component: its score = mean of its answers' values × its weight / 100.
- A component's score is the sum of its sub-components' scores; the total is the sum of the components'.
- `predicate(total)` gives the letter and its name, lower bounds EXCLUSIVE: > 90 AA, > 80 A, > 70 BB, > 60 B,
  > 50 CC, > 30 C, otherwise D — so exactly 90 is A and exactly 30 is D.

Rounding (the one place it happens): the sub-component score is computed EXACTLY as the fraction
sum(values) × weight / (100 × number of criteria) and only then quantised to 4 decimals, half-up (the 4
decimals the database keeps for every figure). Nothing else is rounded: components and the total are exact
sums of those 4-decimal scores, and the predicate is read off the total as it is. A score whose exact value has
at most 4 decimals is therefore exact; e.g. 7 answers AA,AA,A,A,A,A,A of weight 6 give
650 × 6 / 700 = 5.571428… → 5.5714.

Unanswered criteria (None or "") are reported by code; a sub-component, component or total with any
unanswered criterion has no score (None), so no final score is given while anything is unanswered.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction

from django.utils.functional import Promise
from django.utils.translation import gettext, pgettext_lazy

ANSWER_VALUES: dict[str, Decimal] = {
    "AA": Decimal(100),
    "A": Decimal(90),
    "BB": Decimal(80),
    "B": Decimal(70),
    "CC": Decimal(60),
    "C": Decimal(50),
    "D": Decimal(30),
    "E": Decimal(0),
}
ANSWERS: tuple[str, ...] = tuple(ANSWER_VALUES)
# What each answer says about a criterion, shown where it is chosen (the words of the predicate scale; E: nothing
# of the criterion is met, worth 0), in the reader's language.
ANSWER_MEANINGS: dict[str, Promise] = {
    "AA": pgettext_lazy("SAKIP answer", "Very satisfactory"),
    "A": pgettext_lazy("SAKIP answer", "Satisfactory"),
    "BB": pgettext_lazy("SAKIP answer", "Very good"),
    "B": pgettext_lazy("SAKIP answer", "Good"),
    "CC": pgettext_lazy("SAKIP answer", "Fair"),
    "C": pgettext_lazy("SAKIP answer", "Poor"),
    "D": pgettext_lazy("SAKIP answer", "Very poor"),
    "E": pgettext_lazy("SAKIP answer", "None / not met"),
}
PLACES = 4
QUANTUM = Decimal(1).scaleb(-PLACES)  # 0.0001

# (exclusive lower bound, letter, name), highest first; below the last bound: D.
# The names are the regulation's (Sangat Memuaskan …), in the reader's language.
PREDICATES: tuple[tuple[Decimal, str, Promise], ...] = (
    (Decimal(90), "AA", pgettext_lazy("SAKIP predicate", "Very Satisfactory")),
    (Decimal(80), "A", pgettext_lazy("SAKIP predicate", "Satisfactory")),
    (Decimal(70), "BB", pgettext_lazy("SAKIP predicate", "Very Good")),
    (Decimal(60), "B", pgettext_lazy("SAKIP predicate", "Good")),
    (Decimal(50), "CC", pgettext_lazy("SAKIP predicate", "Fair")),
    (Decimal(30), "C", pgettext_lazy("SAKIP predicate", "Poor")),
)
LOWEST: tuple[str, Promise] = ("D", pgettext_lazy("SAKIP predicate", "Very Poor"))
PREDICATE_NAMES: dict[str, Promise] = {letter: name for _, letter, name in PREDICATES} | {LOWEST[0]: LOWEST[1]}


def not_allowed_message(answer: object) -> str:
    text = gettext("Unknown answer “%(answer)s”; choose one of %(answers)s.")
    return text % {"answer": answer, "answers": ", ".join(ANSWERS)}


VALUES = frozenset(ANSWER_VALUES.values())


def answer_value(answer: str | int | Decimal) -> Decimal:
    """The value of an answer letter (case and spaces ignored), or an answer already given as its value (a number
    that is one of 100, 90, 80, 70, 60, 50, 30, 0); ValueError with an Indonesian message otherwise."""
    if isinstance(answer, int | Decimal) and not isinstance(answer, bool):
        if Decimal(answer) in VALUES:
            return Decimal(answer)
        raise ValueError(not_allowed_message(answer))
    letter = str(answer).strip().upper() if answer is not None else ""
    if letter not in ANSWER_VALUES:
        raise ValueError(not_allowed_message(answer))
    return ANSWER_VALUES[letter]


def is_unanswered(answer: object) -> bool:
    return answer is None or (isinstance(answer, str) and not answer.strip())


def _quantised(value: Fraction) -> Decimal:
    """A non-negative exact fraction half-up to 4 decimals, by integer arithmetic (no intermediate rounding)."""
    scaled = value * 10**PLACES
    whole, rest = divmod(scaled.numerator, scaled.denominator)
    if 2 * rest >= scaled.denominator:
        whole += 1
    return Decimal(whole).scaleb(-PLACES).quantize(QUANTUM)


def sub_component_score(answers: Sequence[str | int | Decimal | None], weight: Decimal | int | str) -> Decimal | None:
    """Mean of the answers' values × weight / 100, quantised to 4 decimals half-up; None when any answer is
    missing or there is none. An answer that is not a letter of ANSWERS raises ValueError."""
    if not answers or any(is_unanswered(answer) for answer in answers):
        for answer in answers:  # a wrong letter is refused even next to a missing one
            if not is_unanswered(answer):
                answer_value(answer)  # type: ignore[arg-type]
        return None
    total = sum((answer_value(answer) for answer in answers), Decimal(0))  # type: ignore[arg-type]
    exact = Fraction(total) * Fraction(Decimal(weight)) / (100 * len(answers))
    return _quantised(exact)


def sum_or_none(scores: Iterable[Decimal | None]) -> Decimal | None:
    """The exact sum; None when any part is None (or there is none)."""
    items = list(scores)
    present = [item for item in items if item is not None]
    if not items or len(present) < len(items):
        return None
    return sum(present, Decimal(0)).quantize(QUANTUM)  # a sum of 4-decimal numbers: quantize only fixes the exponent


def component_score(sub_scores: Iterable[Decimal | None]) -> Decimal | None:
    return sum_or_none(sub_scores)


def total_score(component_scores: Iterable[Decimal | None]) -> Decimal | None:
    return sum_or_none(component_scores)


def predicate(score: Decimal | int | str) -> tuple[str, str]:
    """("BB", "Sangat Baik") for a total of 75 (the name in the reader's language); lower bounds exclusive:
    90 → A, 30 → D."""
    value = Decimal(score)
    for bound, letter, name in PREDICATES:
        if value > bound:
            return letter, str(name)
    return LOWEST[0], str(LOWEST[1])


# -- a whole worksheet -----------------------------------------------------------------------------------------


@dataclass
class SubComponentInput:
    code: str
    weight: Decimal
    answers: Mapping[str, str | None]  # criterion code → answer letter (None/"" unanswered), in order


@dataclass
class ComponentInput:
    code: str
    weight: Decimal
    sub_components: Sequence[SubComponentInput]


@dataclass
class SubComponentResult:
    code: str
    weight: Decimal
    score: Decimal | None
    unanswered: list[str]


@dataclass
class ComponentResult:
    code: str
    weight: Decimal
    score: Decimal | None
    sub_components: list[SubComponentResult]

    @property
    def unanswered(self) -> list[str]:
        return [code for sub in self.sub_components for code in sub.unanswered]


@dataclass
class WorksheetResult:
    components: list[ComponentResult]
    unanswered: list[str] = field(default_factory=list)

    @property
    def total(self) -> Decimal | None:
        return total_score(component.score for component in self.components)

    @property
    def predicate(self) -> tuple[str, str] | None:
        total = self.total
        return None if total is None else predicate(total)

    @property
    def complete(self) -> bool:
        return not self.unanswered


def score_worksheet(components: Sequence[ComponentInput]) -> WorksheetResult:
    """Every sub-component, component and the total, with the codes of the unanswered criteria in order."""
    results = []
    for component in components:
        subs = []
        for sub in component.sub_components:
            missing = [code for code, answer in sub.answers.items() if is_unanswered(answer)]
            subs.append(
                SubComponentResult(
                    sub.code, Decimal(sub.weight), sub_component_score(list(sub.answers.values()), sub.weight), missing
                )
            )
        results.append(
            ComponentResult(component.code, Decimal(component.weight), component_score(sub.score for sub in subs), subs)
        )
    return WorksheetResult(results, [code for component in results for code in component.unanswered])
