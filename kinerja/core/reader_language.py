"""The reader's language for the pure modules (no Django: `core.numbers`, the citation parser of the consistency
check): the messages they write are English msgids of the catalogue (kinerja/locale), read through the translator
the interface passes in once at start (`kinerja.core.apps`: `use_translation(gettext)`). Without it (a script, a
pure test) the English msgid is what is read."""

from collections.abc import Callable

_translation: list[Callable[[str], str]] = [str]


def use_translation(translate: Callable[[str], str]) -> None:
    """Read the pure modules' messages through `translate` (the interface's gettext) from now on."""
    _translation[:] = [translate]


def gettext(message: str) -> str:
    """`message` in the reader's language (named `gettext` so that makemessages extracts the msgid)."""
    return _translation[0](message)
