"""The Indonesian catalogue is complete and compiled: no English leaks into the Indonesian interface through a
string nobody translated, a guess (`fuzzy`) nobody checked, or a .mo older than its .po."""

import gettext
from pathlib import Path

import pytest

LOCALE = Path(__file__).resolve().parent.parent / "kinerja" / "locale" / "id" / "LC_MESSAGES"


def unquote(parts: list[str]) -> str:
    return "".join(part[1:-1] for part in parts).encode("latin-1", "backslashreplace").decode("unicode_escape")


def entries() -> list[dict]:
    """Every entry of django.po but the header and the obsolete ones: msgid, msgctxt, plural, translations, flags."""
    found = []
    for block in (LOCALE / "django.po").read_text().split("\n\n"):
        lines = [line for line in block.strip().splitlines() if line]
        if not lines or all(line.startswith("#~") for line in lines if not line.startswith("#:")):
            continue
        fields: dict[str, list[str]] = {}
        key = ""
        for line in lines:
            if line.startswith("#"):
                continue
            if line.startswith('"'):
                fields[key].append(line)
            else:
                key, _, rest = line.partition(" ")
                fields[key] = [rest]
        msgid = unquote(fields.get("msgid", ['""']))
        if not msgid:
            continue
        flags = " ".join(line for line in lines if line.startswith("#,"))
        strs = [unquote(parts) for name, parts in fields.items() if name.startswith("msgstr")]
        found.append(
            {
                "id": msgid,
                "ctxt": "msgctxt" in fields,
                "plural": "msgid_plural" in fields,
                "fuzzy": "fuzzy" in flags,
                "strs": strs,
            }
        )
    return found


def test_the_catalogue_is_read():
    assert len(entries()) > 500


@pytest.mark.parametrize("entry", entries(), ids=lambda entry: entry["id"][:60])
def test_every_string_is_translated_and_checked(entry):
    assert not entry["fuzzy"], "a guessed translation nobody checked"
    assert all(entry["strs"]), "no Indonesian for it"


def test_the_compiled_catalogue_is_the_source_catalogue():
    with (LOCALE / "django.mo").open("rb") as compiled:
        catalogue = gettext.GNUTranslations(compiled)
    stale = [
        entry["id"]
        for entry in entries()
        if not entry["plural"] and not entry["ctxt"] and catalogue.gettext(entry["id"]) != entry["strs"][0]
    ]
    assert not stale, f"django.mo is older than django.po (make messages): {stale[:5]}"
