"""Ejaan: every word of every text of the decree (`texts.written_texts`) checked against a real Indonesian
dictionary — Debian's hunspell-id (/usr/share/hunspell/id_ID.dic/.aff) read by `spylls`, a pure-Python Hunspell —
and the project's word list (`words-id.txt`: the government's own vocabulary, acronyms, place names and the
foreign terms a decree uses; each entry says why it is there); and a word or run of words typed twice
("Pengelolaan Pengelolaan", "di lingkungan di lingkungan").

One finding per misspelt word (all its places, at most `MAX_PLACES` listed), with the suggested word (`suggest`:
the word list's standard form, a word run together with the next, the decree's own correctly spelt words, one
typing slip from a dictionary entry — Hunspell's own suggester takes seconds a word and is not used).

Not checked: words of one letter (list labels), acronyms in capitals of up to `ACRONYM` letters (SAKIP, TIK, IKU,
SKPD …), Roman numerals ("BAB III", "Bab Iii"), addresses (http…, e-mail). The dictionary is read once per
process, on the first check (~0.2 s); every word's answer and every suggestion are kept for the process (the
first check of a process pays ~2 s of Hunspell look-ups on the seed, the next ones ~0.2 s); without the
dictionary installed the pass reports nothing (system-packages.txt installs it). A misspelt word inside the
agency's or the region's name printed otherwise ("DINAS KOMUNKASI …", "Halmahera Utra") is left to the family
"nama-unit" (`names_across`), which reports it with the name it should read.
"""

import difflib
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.utils.translation import gettext

from .context import PlanData
from .findings import WARNING, Finding, Place, quoted
from .names_across import misprinted_names
from .registry import check
from .texts import written_texts

FAMILY = "ejaan"
DICTIONARY = Path("/usr/share/hunspell/id_ID")  # .dic and .aff, Debian's hunspell-id
WORD_LIST = Path(__file__).with_name("words-id.txt")
ACRONYM = 5  # a word in capitals of at most this many letters is an acronym, not checked
CLOSE = 0.8  # the decree's own word (or the word list's) suggested for a misspelt one from this difflib ratio
VERY_CLOSE = 0.9  # … and preferred to every other suggestion from this one
MAX_PLACES = 6
MAX_KEPT = 20_000  # suggestions kept for the process, at most
REPEATED_RUN = 3  # a run of up to this many words typed twice in a row is reported

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_REPEATED = re.compile(
    rf"(?<![\w-])([^\W\d_]+(?:[ \t]+[^\W\d_]+){{0,{REPEATED_RUN - 1}}})[ \t]+\1(?![\w-])", re.IGNORECASE
)
_ROMAN = re.compile(r"M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})")  # "Bab Iii": a title cased
_ADDRESS = re.compile(r"\S+@\S+|\b(?:https?://|www\.)\S+", re.IGNORECASE)
_known: dict[str, bool] = {}  # every word's answer, for the process
_suggested: dict[tuple[int, str], str] = {}  # (the decree's vocabulary, word) → suggestion, for the process


@functools.cache
def dictionary():
    """The Hunspell dictionary, read once per process; None when hunspell-id is not installed."""
    if not DICTIONARY.with_suffix(".dic").exists():
        return None
    from spylls.hunspell import Dictionary  # read on first use only

    return Dictionary.from_files(str(DICTIONARY))


@functools.cache
def _word_list() -> tuple[frozenset[str], dict[str, str]]:
    words, standard = set(), {}
    for line in WORD_LIST.read_text(encoding="utf-8").splitlines():
        entry = line.split("#", 1)[0].strip().lower()
        if ">" in entry:
            wrong, right = (part.strip() for part in entry.split(">", 1))
            standard[wrong] = right
        elif entry:
            words.add(entry)
    return frozenset(words), standard


def project_words() -> frozenset[str]:
    """The word list's correct words, lower-cased: one entry a line, "#" starts a comment."""
    return _word_list()[0]


def standard_forms() -> dict[str, str]:
    """The word list's non-standard spellings and their standard form ("analisa > analisis"): reported."""
    return _word_list()[1]


def checked(word: str) -> bool:
    """Whether a word is checked at all (not a list label, not an acronym in capitals, not a Roman numeral)."""
    letters = word.replace("-", "")
    if len(letters) <= 1 or (letters.isupper() and len(letters) <= ACRONYM):
        return False
    return not (letters[0].isupper() and _ROMAN.fullmatch(letters.upper()))


def is_known(word: str) -> bool:
    """The word is in the word list or the dictionary (a hyphenated word: each part is)."""
    if word not in _known:
        found = word.lower() in project_words() or word.lower() in stems() or not checked(word)
        if not found:
            hunspell = dictionary()
            found = hunspell is None or hunspell.lookup(word)
        if not found and "-" in word:  # "Perundang-Undangan": each part capitalised in a title
            found = (word.lower() != word and is_known(word.lower())) or all(
                is_known(part) for part in word.split("-") if part
            )
        _known[word] = bool(found)
    return _known[word]


def word_spans(text: str) -> Iterator[tuple[str, int]]:
    """Each word of the text with where it starts (an address is blanked out, the positions kept)."""
    for match in _WORD.finditer(_ADDRESS.sub(lambda address: " " * len(address.group(0)), text)):
        yield match.group(0), match.start()


def words_of(text: str) -> list[str]:
    return [word for word, _ in word_spans(text)]


def names_printed_otherwise(text: str, misprinted: list[tuple[str, str, str]]) -> list[tuple[int, int]]:
    """Where in `text` the agency's or the region's name is printed otherwise (`names_across.misprinted_names`:
    (text read there, as printed, variant)): its misspelt words are reported by the family "nama-unit"."""
    spans = []
    for source, printed, variant in misprinted:
        offset = text.find(source)
        while offset >= 0:
            at = source.find(printed)
            if at < 0:  # not found as printed (an abbreviation read out): the variant's words, one by one
                words = set(variant.split())
                spans += [(offset + i, offset + i + len(w)) for w, i in word_spans(source) if w.lower() in words]
            while at >= 0:
                spans.append((offset + at, offset + at + len(printed)))
                at = source.find(printed, at + 1)
            offset = text.find(source, offset + 1)
    return spans


def _styled(suggestion: str, like: str) -> str:
    if like.isupper() and len(like) > 1:
        return suggestion.upper()
    if like[:1].isupper():
        return suggestion[:1].upper() + suggestion[1:]
    return suggestion


def _split(lower: str, vocabulary: dict[str, str]) -> str:
    """A word run together with the next: both halves spelt correctly in the decree ("bawahan di"), or "di"/"ke"
    and a dictionary word ("di kemudian")."""
    for cut in range(2, len(lower) - 1):
        head, tail = lower[:cut], lower[cut:]
        if (head in vocabulary and tail in vocabulary) or (head in {"di", "ke"} and len(tail) > 3 and is_known(tail)):
            return f"{head} {tail}"
    return ""


LETTERS = "abcdefghijklmnopqrstuvwxyz"


@functools.cache
def stems() -> frozenset[str]:
    """The dictionary's entries without their affixes, lower-cased (a set: looked up in no time)."""
    hunspell = dictionary()
    return frozenset(entry.stem.lower() for entry in hunspell.dic.words) if hunspell is not None else frozenset()


def _one_edit(lower: str, words) -> str:
    """A word of `words` one typing slip away: two letters swapped, a letter too many, wrong or missing."""
    swaps = [lower[:i] + lower[i + 1] + lower[i] + lower[i + 2 :] for i in range(len(lower) - 1)]
    extra = [lower[:i] + lower[i + 1 :] for i in range(len(lower))]
    wrong = [lower[:i] + letter + lower[i + 1 :] for i in range(len(lower)) for letter in LETTERS]
    missing = [lower[:i] + letter + lower[i:] for i in range(len(lower) + 1) for letter in LETTERS]
    candidates = dict.fromkeys(swaps + extra + wrong + missing)
    return next((c for c in candidates if c != lower and len(c) > 2 and c in words), "")


def suggest(word: str, vocabulary: dict[str, str]) -> str:
    """The suggested spelling, or "" when there is none; `vocabulary`: the decree's correctly spelt words,
    lower-cased → as written. In order: the standard form of a non-standard spelling (the word list's
    "analisa > analisis"); a short word in small letters is an acronym written small ("uu" → "UU"); each wrong
    part of a hyphenated word; a word run together with the next; a doubled letter too many that the dictionary
    accepts once ("Pelaksanaaan"); a word the decree spells correctly elsewhere, very close (`VERY_CLOSE`) or one
    typing slip away; a word of the decree or the word list that is close (`CLOSE`); a dictionary entry one slip
    away. Hunspell's own suggester is not used: it takes seconds a word."""
    lower = word.lower()
    if lower in standard_forms():
        return _styled(standard_forms()[lower], word)
    if len(lower) <= 3 and lower == word:
        return word.upper()
    if "-" in word:
        parts = [part if is_known(part) else suggest(part, vocabulary) for part in word.split("-")]
        return "-".join(parts) if all(parts) else ""
    found = _split(lower, vocabulary)
    if not found:
        doubled = [lower[:i] + lower[i + 1 :] for i in range(len(lower) - 1) if lower[i] == lower[i + 1]]
        found = next((candidate for candidate in doubled if is_known(candidate)), "")
    close = difflib.get_close_matches(lower, list(vocabulary) + sorted(project_words()), n=1, cutoff=CLOSE)
    if not found and close and difflib.SequenceMatcher(None, lower, close[0]).ratio() >= VERY_CLOSE:
        found = close[0]
    found = found or _one_edit(lower, vocabulary) or (close[0] if close else "")
    found = found or _one_edit(lower, stems() | project_words())
    return _styled(found, word) if found else ""


@dataclass
class _Misspelt:
    word: str
    excerpt: str
    places: list[Place] = field(default_factory=list)
    times: int = 0


def _excerpt(text: str, word: str, at: int | None = None) -> str:
    """The words around `word` in `text` (where it is first found, or at `at`)."""
    at = text.find(word) if at is None else at
    start = max(0, at - 40)
    return ("…" if start else "") + " ".join(text[start : at + len(word) + 40].split()) + "…"


@check(family=FAMILY, codes=("ejaan-kata",))
def check_spelling(data: PlanData) -> Iterator[Finding]:
    if dictionary() is None:
        return
    misspelt: dict[str, _Misspelt] = {}
    vocabulary: dict[str, str] = {}
    misprinted = misprinted_names(data)
    for written in written_texts(data):
        names = names_printed_otherwise(written.text, misprinted)
        for word, at in word_spans(written.text):
            if is_known(word):
                if "-" not in word and checked(word):
                    vocabulary.setdefault(word.lower(), word)
                continue
            if any(start <= at < end for start, end in names):
                continue  # a misprint of the agency's or the region's name: nama-unit reports it, with the name
            entry = misspelt.setdefault(word.lower(), _Misspelt(word, _excerpt(written.text, word, at)))
            entry.times += 1
            if written.place not in entry.places:
                entry.places.append(written.place)
    known = hash(frozenset(vocabulary))
    if len(_suggested) > MAX_KEPT:  # every edit of a decree makes another vocabulary: bounded
        _suggested.clear()
    for entry in misspelt.values():
        if (known, entry.word) not in _suggested:
            _suggested[known, entry.word] = suggest(entry.word, vocabulary)
        suggestion = _suggested[known, entry.word]
        where = gettext(" (%(times)s times)") % {"times": entry.times} if entry.times > 1 else ""
        meant = gettext("; perhaps “%(suggestion)s” is meant") % {"suggestion": suggestion} if suggestion else ""
        yield Finding(
            FAMILY,
            "ejaan-kata",
            WARNING,
            gettext("The word “%(word)s” is not in the dictionary%(where)s%(meant)s: %(excerpt)s")
            % {"word": entry.word, "where": where, "meant": meant, "excerpt": quoted(entry.excerpt, 110)},
            entry.places[:MAX_PLACES],
            (
                gettext(
                    "Write “%(suggestion)s” in every place. If the word is right (a term, an abbreviation or "
                    "a name), add it to the project's word list "
                    "(kinerja/performance/consistency/words-id.txt)."
                )
                % {"suggestion": suggestion}
            )
            if suggestion
            else gettext(
                "Check the spelling of this word in every place. If the word is right (a term, an "
                "abbreviation or a name), add it to the project's word list "
                "(kinerja/performance/consistency/words-id.txt)."
            ),
        )


def repeated_runs(text: str) -> list[str]:
    """The runs of one to REPEATED_RUN words typed twice in a row, only spaces between ("Pengelolaan
    Pengelolaan"; not "Undang - Undang"), as written the first time."""
    return [match.group(1) for match in _REPEATED.finditer(text) if len(match.group(1)) > 1]


@check(family=FAMILY, codes=("kata-berulang",))
def check_repeated_words(data: PlanData) -> Iterator[Finding]:
    found: dict[str, tuple[str, str, list[Place]]] = {}
    for written in written_texts(data):
        for run in repeated_runs(written.text):
            _, _, places = found.setdefault(run.lower(), (run, _excerpt(written.text, f"{run} {run}"), []))
            if written.place not in places:
                places.append(written.place)
    for run, excerpt, places in found.values():
        yield Finding(
            FAMILY,
            "kata-berulang",
            WARNING,
            gettext("“%(run)s %(run)s”: a word written twice in a row: %(excerpt)s")
            % {"run": run, "excerpt": quoted(excerpt, 110)},
            places[:MAX_PLACES],
            gettext("Delete the second “%(run)s” in every place.") % {"run": run},
        )


_NO_SPACE_AFTER = re.compile(r"[^\W\d_]+[,;][^\W\d_]+")  # "media,Penguatan", "fungsinya;dan" (not "1,5")
_SPACE_BEFORE = re.compile(r"[^\W\d_]+[ \t]+[,;]")  # "Perangkat Daerah ;", "Komunikasi ,Informatika"


def misplaced_marks(text: str) -> list[str]:
    """Commas and semicolons without a space after them between two words, or with a space before them."""
    return _NO_SPACE_AFTER.findall(text) + [" ".join(found.split()) for found in _SPACE_BEFORE.findall(text)]


@check(family=FAMILY, codes=("spasi-tanda-baca",))
def check_punctuation_spacing(data: PlanData) -> Iterator[Finding]:
    found: dict[str, tuple[str, list[Place]]] = {}
    for written in written_texts(data):
        for mark in misplaced_marks(written.text):
            _, places = found.setdefault(mark, (_excerpt(written.text, mark), []))
            if written.place not in places:
                places.append(written.place)
    for mark, (excerpt, places) in found.items():
        right = re.sub(r"\s*([,;])\s*", r"\1 ", mark).strip()
        problem = (
            gettext("a space before a punctuation mark")
            if " " in mark
            else gettext("no space after a punctuation mark")
        )
        yield Finding(
            FAMILY,
            "spasi-tanda-baca",
            WARNING,
            f"“{mark}”: {problem}: {quoted(excerpt, 110)}",
            places[:MAX_PLACES],
            (
                gettext(
                    "Write “%(right)s”: a comma or a semicolon right after the word before it, followed by one space."
                )
                % {"right": right}
            ),
        )
