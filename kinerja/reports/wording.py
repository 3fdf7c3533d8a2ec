"""How official documents word dates, names and positions: pure functions, no database."""

import datetime

from kinerja.core.numbers import MISSING

MONTHS = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)
ORDINALS = ("KESATU", "KEDUA", "KETIGA", "KEEMPAT", "KELIMA", "KEENAM", "KETUJUH", "KEDELAPAN", "KESEMBILAN")
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def format_date_id(value: datetime.date | None) -> str:
    """ "14 Februari 2022"; None → "—"."""
    if value is None:
        return MISSING
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def letter_label(index: int) -> str:
    """a, b, … z, aa, ab … (index from 0): the labels of Menimbang."""
    if index < len(_LETTERS):
        return _LETTERS[index]
    return _LETTERS[index // len(_LETTERS) - 1] + _LETTERS[index % len(_LETTERS)]


def printed_official_name(name: str, with_titles: bool) -> str:
    """The name as a signature prints it: "Drs. Deky Tawaris, MM" → "Drs. DEKY TAWARIS, MM".

    Academic titles (the words before the name that end with a dot, and everything after the first comma)
    keep their spelling; the name itself is in capitals. Without titles only the name is printed.
    """
    main, comma, suffix = name.partition(",")
    words = main.split()
    prefix = []
    while len(words) > 1 and words[0].endswith("."):
        prefix.append(words.pop(0))
    core = " ".join(words).upper()
    if not with_titles:
        return core
    text = " ".join([*prefix, core])
    return f"{text},{suffix}" if comma else text


def rank_and_grade(rank: str, grade: str) -> str:
    """ "PEMBINA UTAMA MUDA, IV/c" as the seed prints it; "—" when neither is known."""
    return ", ".join(part for part in (rank.upper(), grade) if part) or MISSING


def qualified_title(title: str, agency_name: str) -> str:
    """A position title with the agency's name, without repeating the word they share:
    ("Kepala Dinas", "Dinas Komunikasi, Informatika dan Persandian") → "KEPALA DINAS KOMUNIKASI, INFORMATIKA
    DAN PERSANDIAN"."""
    title_words, name_words = title.upper().split(), agency_name.upper().split()
    if title_words and name_words and title_words[-1] == name_words[0]:
        name_words = name_words[1:]
    return " ".join([*title_words, *name_words])
