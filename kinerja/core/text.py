"""Texts compared as words: one normaliser for every comparison of names and wordings.

`normalise` keeps the words of a text and drops the rest — case, punctuation, runs of spaces — so that
"Persentase  Desa, yang terakses" and "persentase desa yang Terakses" compare equal. Two callers, two strengths,
each kept as it was when the two copies were merged here:

- `normalise(text)` — the consistency check of a plan: letters and digits of any script (and "_", which Python
  counts as a word character) are kept as they are, accents included, so "Kafé" and "Kafe" stay two wordings;
- `normalise(text, fold_accents=True)` — the regency view, which matches one indicator across agencies: accents
  are folded away (NFKD, then ASCII only: "é" is "e"), and only a–z, 0–9 and "%" are kept ("_" is a separator,
  a letter with no ASCII form is dropped).

Pure: no Django, no database.
"""

import re
import unicodedata

_NOT_WORD = re.compile(r"[^\w%]+")
_NOT_ASCII_WORD = re.compile(r"[^a-z0-9%]+")


def normalise(text: str, *, fold_accents: bool = False) -> str:
    """The text's words in lower case, one space apart; "%" counts as a word character."""
    if fold_accents:
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
        return " ".join(_NOT_ASCII_WORD.sub(" ", text).split())
    return " ".join(_NOT_WORD.sub(" ", text.lower()).split())
