"""How printed documents word dates and names: pure functions, no database."""

import datetime

from kinerja.core.numbers import MISSING

MONTHS = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)


def format_date_id(value: datetime.date | None) -> str:
    """ "14 Februari 2022"; None → "—"."""
    if value is None:
        return MISSING
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


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
