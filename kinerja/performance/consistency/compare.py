"""How the checks compare two texts: the shared normaliser of kinerja.core.text, the table of words that mean the
same, and when two texts are "almost the same".

Names and texts are compared after `normalise` (lower case, punctuation and runs of spaces dropped), so a
difference of capitals, punctuation or spacing alone is never reported. Before two wordings are called different,
`canonical` moreover reads out the abbreviations and synonyms of `SYNONYMS` (the one table of them: "OPD" is
"perangkat daerah", "Kab." is "kabupaten" …) and drops a word printed twice in a row ("seluruhnya seluruhnya"; a
hyphenated reduplication such as "Dinas-Dinas" is a word of its own and stays). Two normalised texts are "almost
the same" when `difflib.SequenceMatcher(...).ratio()` of their canonical forms is at least `SIMILAR` (0.9): a
probable typo or a second wording of one text. Between two *different* indicators a name counts as almost the same
only when, moreover, both names have the same number of words, at most two of them differ, and every word that
differs is itself a near spelling of the other (ratio at least `WORD_SIMILAR`, 0.75): "Dokumen RKA-SKPD" and
"Dokumen DPA-SKPD" are two indicators, not a typo. The two terms of a formula (`same_term`) are moreover the same
when they differ only by `FILLERS` ("seluruh", "yang telah" …) or by a trailing scope ("… di lingkup Pemerintah
Kabupaten …"): "Jumlah seluruh perangkat daerah di lingkup Pemerintah Kabupaten X" counts what "Jumlah OPD" counts.
Pure: no Django.
"""

import difflib
import re

from kinerja.core.text import normalise

__all__ = [
    "SIMILAR",
    "SYNONYMS",
    "WORD_SIMILAR",
    "canonical",
    "close",
    "first_word",
    "normalise",
    "same_term",
    "shared_run",
    "similarity",
    "typo_pair",
]

SIMILAR = 0.9  # two normalised texts whose difflib ratio is at least this are "almost the same"
WORD_SIMILAR = 0.75  # between two indicators, each differing word must be this close to its counterpart

# Words (normalised, one or more) → what they stand for. Government abbreviations only, each unambiguous in a
# performance decree; the position abbreviations ("Kabid" …) are read out by the names' own table.
SYNONYMS = {
    "opd": "perangkat daerah",
    "skpd": "perangkat daerah",
    "satuan kerja perangkat daerah": "perangkat daerah",
    "organisasi perangkat daerah": "perangkat daerah",
    "kab": "kabupaten",
    "kota madya": "kota",
    "kotamadya": "kota",
    "prov": "provinsi",
    "pemda": "pemerintah daerah",
    "pemkab": "pemerintah kabupaten",
    "pemkot": "pemerintah kota",
    "kominfo": "komunikasi informatika",
    "diskominfo": "dinas komunikasi informatika",
    "tik": "teknologi informasi dan komunikasi",
    "asn": "aparatur sipil negara",
    "uu": "undang undang",
    "pp": "peraturan pemerintah",
    "perpres": "peraturan presiden",
    "permendagri": "peraturan menteri dalam negeri",
    "perda": "peraturan daerah",
    "perbup": "peraturan bupati",
    "halut": "halmahera utara",
    "subbagian": "sub bagian",
    "subbag": "sub bagian",
    "subbidang": "sub bidang",
    "subbid": "sub bidang",
}
# Words a term of a formula may add without counting anything else: "Jumlah seluruh desa" is "Jumlah desa", "Jumlah
# OPD yang telah menerima …" is "Jumlah OPD menerima …".
FILLERS = frozenset({"seluruh", "seluruhnya", "semua", "yang", "telah", "sudah"})
_SYNONYM = re.compile(r"\b(" + "|".join(sorted(map(re.escape, SYNONYMS), key=len, reverse=True)) + r")\b")
_DOUBLED = re.compile(r"\b(\w+)(?:[ \t]+\1\b)+", re.IGNORECASE)
_SCOPE = re.compile(r"\s+(?:di|pada)\s+(?:lingkup|lingkungan|wilayah)\b.*$")


def undoubled(text: str) -> str:
    """The text with a word printed twice in a row ("di di", "Pengelolaan Pengelolaan") printed once."""
    return _DOUBLED.sub(r"\1", text)


def canonical(text: str) -> str:
    """`normalise`, with the abbreviations and synonyms of `SYNONYMS` read out and doubled words printed once."""
    return _SYNONYM.sub(lambda match: SYNONYMS[match.group(1)], normalise(undoubled(text)))


def similarity(first: str, second: str) -> float:
    return difflib.SequenceMatcher(None, canonical(first), canonical(second)).ratio()


def same_term(first: str, second: str) -> bool:
    """Two wordings of one term of a formula: the same once canonical, without fillers and a trailing scope."""

    def core(text: str) -> str:
        words = [word for word in _SCOPE.sub("", canonical(text)).split() if word not in FILLERS]
        return " ".join(words)

    a, b = core(first), core(second)
    return a == b or difflib.SequenceMatcher(None, a, b).ratio() >= SIMILAR


def close(first: str, second: str) -> bool:
    """The same name written a little otherwise: almost the same, or one a shortening of the other (the shorter
    is almost the same as the longer's first words)."""
    a, b = sorted((canonical(first), canonical(second)), key=len)
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
