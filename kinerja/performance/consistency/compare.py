"""How the checks compare two texts: the shared normaliser of kinerja.core.text, and when two texts are "almost
the same".

Names and texts are compared after `normalise` (lower case, punctuation and runs of spaces dropped), so a
difference of capitals, punctuation or spacing alone is never reported. Two normalised texts are "almost the
same" when `difflib.SequenceMatcher(...).ratio()` is at least `SIMILAR` (0.9): a probable typo or a second
wording of one text. Between two *different* indicators a name counts as almost the same only when, moreover,
both names have the same number of words, at most two of them differ, and every word that differs is itself a
near spelling of the other (ratio at least `WORD_SIMILAR`, 0.75): "Dokumen RKA-SKPD" and "Dokumen DPA-SKPD" are
two indicators, not a typo. Pure: no Django.
"""

import difflib

from kinerja.core.text import normalise

__all__ = ["SIMILAR", "WORD_SIMILAR", "close", "first_word", "normalise", "shared_run", "similarity", "typo_pair"]

SIMILAR = 0.9  # two normalised texts whose difflib ratio is at least this are "almost the same"
WORD_SIMILAR = 0.75  # between two indicators, each differing word must be this close to its counterpart


def similarity(first: str, second: str) -> float:
    return difflib.SequenceMatcher(None, normalise(first), normalise(second)).ratio()


def close(first: str, second: str) -> bool:
    """The same name written a little otherwise: almost the same, or one a shortening of the other (the shorter
    is almost the same as the longer's first words)."""
    a, b = sorted((normalise(first), normalise(second)), key=len)
    if difflib.SequenceMatcher(None, a, b).ratio() >= SIMILAR or f" {a} " in f" {b} ":
        return True
    start = " ".join(b.split()[: len(a.split())])
    return len(a.split()) >= 3 and difflib.SequenceMatcher(None, a, start).ratio() >= SIMILAR


def typo_pair(first: str, second: str) -> bool:
    """Two different normalised names that look like one name mistyped (see the module's docstring)."""
    a, b = normalise(first), normalise(second)
    if a == b:
        return False
    words_a, words_b = a.split(), b.split()
    if len(words_a) != len(words_b):
        return False
    differing = [(x, y) for x, y in zip(words_a, words_b, strict=True) if x != y]
    if not all(difflib.SequenceMatcher(None, x, y).ratio() >= WORD_SIMILAR for x, y in differing):
        return False
    return difflib.SequenceMatcher(None, a, b).ratio() >= SIMILAR


def first_word(text: str) -> str:
    words = normalise(text).split()
    return words[0] if words else ""


def shared_run(first: str, second: str) -> int:
    """The longest run of words the two normalised names have in common."""
    a, b = normalise(first).split(), normalise(second).split()
    return difflib.SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b)).size
