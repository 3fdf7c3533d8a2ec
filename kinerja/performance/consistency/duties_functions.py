"""Tugas dan fungsi: the numbered list of functions (FUNGSI) of the agency and of each position, as the decree
prints it.

- numbering: a printed number that repeats ("1)", "1)", "2)") or skips ("3)", "5)") — an error, the decree's list
  is misnumbered;
- a function cut off: one that ends mid-sentence — on a joining word ("dan", "serta", "atau", "yang", a
  preposition) that is not the list's own "; dan" — an error, the function runs on into the next item; one that
  ends on a comma — a warning, a cut or a wrong mark;
- the same function twice in one list — an error when the two read the same (`normalise`), a warning when they
  are nearly the same: word by word (`same_but_for`), at most `NEAR_WORDS` words added or left out and at most
  `NEAR_WORDS` words that are spelling variants of each other (character ratio at least `VARIANT`). A ratio over
  the whole sentence is not used: "Mengarahkan … tugas bawahan" and "Mengevaluasi … tugas bawahan" score 0.94 and
  are two functions;
- a function printed whole inside another of the same list (at least `CONTAINED_WORDS` words): a warning — unless
  it is a piece of a function cut in two (it, or the one before it, ends on a joining word), reported as cut
  already.
"""

import difflib
import re
from collections.abc import Iterator, Sequence

from django.utils.translation import gettext, pgettext

from kinerja.core.models import OrderedTextItem

from .compare import normalise
from .context import PlanData
from .findings import ERROR, WARNING, Finding, Place, quoted
from .registry import check

FAMILY = "tugas-fungsi"
NEAR_WORDS = 2  # nearly the same: at most this many words added/left out, and this many spelling variants
VARIANT = 0.8  # two words are spelling variants when their difflib ratio is at least this ("asset"/"aset")
CONTAINED_WORDS = 4  # a function printed inside another counts from this many words
# A function that ends on one of these words stops mid-sentence (after ";" or "," they are the list's own "dan").
JOINING_WORDS = frozenset(
    {"dan", "serta", "atau", "yang", "di", "ke", "dari", "terhadap", "untuk", "dengan", "oleh", "bagi", "pada"}
    | {"meliputi", "dalam", "antara", "maupun"}
)
_LAST_WORD = re.compile(r"([;,]?)\s*([^\W\d_]+)\W*$")


def function_lists(data: PlanData) -> Iterator[tuple[str, Place, Sequence[OrderedTextItem]]]:
    """The agency's functions and each position's, with who they belong to and where they are printed."""
    texts = data.texts
    if texts.agency_functions:
        yield (
            pgettext("whose functions", "agency"),
            data.at_agency(pgettext("consistency place", "Functions of the agency"), data.agency.name),
            texts.agency_functions,
        )
    for position in data.positions:
        functions = texts.functions_of_position.get(position.pk, [])
        if functions:
            yield position.title, data.at_position_text(position, data.at_position(position).label), functions


def _function_place(owner: Place, function: OrderedTextItem) -> Place:
    return Place(f"FUNGSI {function.label} — {owner.text}", function.text, owner.url, fix_url=owner.fix_url)


@check(family=FAMILY, codes=("fungsi-nomor-ganda", "fungsi-nomor-lompat"))
def check_numbering(data: PlanData) -> Iterator[Finding]:
    for owner, place, functions in function_lists(data):
        labels = [function.label.strip().rstrip(").").strip() for function in functions]
        if not all(label.isdigit() for label in labels):
            continue
        numbers = [int(label) for label in labels]
        repeated = sorted({number for number in numbers if numbers.count(number) > 1})
        for number in repeated:
            items = [function for function in functions if function.label.strip().rstrip(").") == str(number)]
            yield Finding(
                FAMILY,
                "fungsi-nomor-ganda",
                ERROR,
                (
                    gettext(
                        "FUNGSI %(owner)s: number %(number)s is printed %(times)s times, so the numbers after it "
                        "are shifted (%(count)s functions numbered 1–%(last)s)."
                    )
                    % {
                        "owner": owner,
                        "number": number,
                        "times": len(items),
                        "count": len(functions),
                        "last": max(numbers),
                    }
                ),
                [place] + [_function_place(place, item) for item in items],
                gettext(
                    "Number the functions again in order (1, 2, 3 …), or merge two items if they are one function."
                ),
            )
        expected = 1
        for function, number in zip(functions, numbers, strict=True):
            if number > expected:
                yield Finding(
                    FAMILY,
                    "fungsi-nomor-lompat",
                    ERROR,
                    (
                        gettext(
                            "FUNGSI %(owner)s: after number %(previous)s comes number %(number)s; number "
                            "%(expected)s%(rest)s is missing."
                        )
                        % {
                            "owner": owner,
                            "previous": expected - 1,
                            "number": number,
                            "expected": expected,
                            "rest": "" if number == expected + 1 else f"–{number - 1}",
                        }
                    ),
                    [place, _function_place(place, function)],
                    gettext("Number the functions again in order, or add the missing function."),
                )
            expected = max(expected, number + 1)


def ends_mid_sentence(text: str) -> str:
    """ "dan" (the joining word it ends on), "," (it ends on a comma), or "" (it ends as a function ends). A
    list's "…; dan" or "…, dan" before its last item is not a cut."""
    stripped = text.rstrip()
    if stripped.endswith(","):
        return ","
    match = _LAST_WORD.search(stripped)
    if match is None or stripped[-1:] in ";.:":
        return ""
    mark, word = match.groups()
    if word.lower() in JOINING_WORDS and not (mark and word.lower() in {"dan", "serta", "atau"}):
        return word
    return ""


@check(family=FAMILY, codes=("fungsi-terpotong", "fungsi-berakhir-koma"))
def check_cut_functions(data: PlanData) -> Iterator[Finding]:
    for owner, place, functions in function_lists(data):
        for number, function in enumerate(functions):
            end = ends_mid_sentence(function.text)
            if not end:
                continue
            following = functions[number + 1] if number + 1 < len(functions) else None
            places = [_function_place(place, function)]
            if following is not None:
                places.append(_function_place(place, following))
                goes_on = gettext("; function %(label)s seems to continue it (%(text)s)") % {
                    "label": following.label,
                    "text": quoted(following.text, 60),
                }
            else:
                goes_on = gettext(", and no function follows it")
            if end == ",":
                yield Finding(
                    FAMILY,
                    "fungsi-berakhir-koma",
                    WARNING,
                    gettext("FUNGSI %(owner)s %(label)s ends with a comma: %(text)s%(goes_on)s.")
                    % {"owner": owner, "label": function.label, "text": quoted(function.text, 90), "goes_on": goes_on},
                    places,
                    gettext("End the item with a semicolon, or merge it with the next item if they are one function."),
                )
            else:
                yield Finding(
                    FAMILY,
                    "fungsi-terpotong",
                    ERROR,
                    (
                        gettext(
                            "FUNGSI %(owner)s %(label)s stops in the middle of a sentence, at the word “%(word)s”: "
                            "%(text)s%(goes_on)s."
                        )
                        % {
                            "owner": owner,
                            "label": function.label,
                            "word": end,
                            "text": quoted(function.text, 90),
                            "goes_on": goes_on,
                        }
                    ),
                    places,
                    gettext("Merge the pieces into one function and number them again, or complete the sentence."),
                )


def same_but_for(first: str, second: str) -> bool:
    """Nearly the same function: the same words but for at most NEAR_WORDS words added or left out and at most
    NEAR_WORDS spelling variants; a word run together with the next ("bawahandi") is the same words."""
    a, b = normalise(first).split(), normalise(second).split()
    if min(len(a), len(b)) < 4 or abs(len(a) - len(b)) > NEAR_WORDS + 1 or len(set(a) ^ set(b)) > 4 * NEAR_WORDS:
        return False  # too short, or too many words apart (cheap before difflib)
    added = variants = 0
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        left, right = a[i1:i2], b[j1:j2]
        if "".join(left) == "".join(right):
            continue
        if tag == "replace" and len(left) == len(right):
            close = all(
                difflib.SequenceMatcher(None, x, y).ratio() >= VARIANT for x, y in zip(left, right, strict=True)
            )
            if not close:
                return False
            variants += len(left)
        elif tag == "replace":
            return False
        else:
            added += len(left) + len(right)
    return added <= NEAR_WORDS and variants <= NEAR_WORDS


@check(family=FAMILY, codes=("fungsi-ganda", "fungsi-mirip", "fungsi-di-dalam-fungsi"))
def check_repeated_functions(data: PlanData) -> Iterator[Finding]:
    for owner, place, functions in function_lists(data):
        normalised = [normalise(function.text) for function in functions]
        reported: set[int] = set()
        for i, first in enumerate(functions):
            for j in range(i + 1, len(functions)):
                second = functions[j]
                places = [_function_place(place, first), _function_place(place, second)]
                if normalised[i] == normalised[j]:
                    reported.add(j)
                    yield Finding(
                        FAMILY,
                        "fungsi-ganda",
                        ERROR,
                        gettext("FUNGSI %(owner)s: functions %(first)s and %(second)s are the same: %(text)s.")
                        % {
                            "owner": owner,
                            "first": first.label,
                            "second": second.label,
                            "text": quoted(first.text, 90),
                        },
                        places,
                        gettext("Delete function %(label)s and number the functions after it again.")
                        % {"label": second.label},
                    )
                elif same_but_for(first.text, second.text):
                    reported.add(j)
                    yield Finding(
                        FAMILY,
                        "fungsi-mirip",
                        WARNING,
                        (
                            gettext(
                                "FUNGSI %(owner)s: functions %(first)s and %(second)s are almost the same: "
                                "%(text)s and %(other)s."
                            )
                            % {
                                "owner": owner,
                                "first": first.label,
                                "second": second.label,
                                "text": quoted(first.text, 70),
                                "other": quoted(second.text, 70),
                            }
                        ),
                        places,
                        gettext("If both are one function, delete one; if they differ, write clearly how."),
                    )
        cut = {i for i, function in enumerate(functions) if ends_mid_sentence(function.text) not in {"", ","}}
        for i, inner in enumerate(functions):
            if i in reported or len(normalised[i].split()) < CONTAINED_WORDS:
                continue
            if i in cut or i - 1 in cut:  # a piece of a function cut in two: reported as cut already
                continue
            outer = [
                functions[j]
                for j in range(len(functions))
                if j != i and normalised[i] != normalised[j] and f" {normalised[i]} " in f" {normalised[j]} "
            ]
            if outer:
                labels = ", ".join(function.label for function in outer)
                yield Finding(
                    FAMILY,
                    "fungsi-di-dalam-fungsi",
                    WARNING,
                    (
                        gettext(
                            "FUNGSI %(owner)s: function %(label)s %(text)s is printed whole inside function "
                            "%(labels)s: the same function twice, or a piece of one function."
                        )
                        % {"owner": owner, "label": inner.label, "text": quoted(inner.text, 70), "labels": labels}
                    ),
                    [_function_place(place, inner)] + [_function_place(place, function) for function in outer],
                    (
                        gettext(
                            "Delete function %(label)s if it is held already, or split function %(labels)s into "
                            "items that do not repeat."
                        )
                        % {"label": inner.label, "labels": labels}
                    ),
                )
