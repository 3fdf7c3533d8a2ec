"""What a kind of government prints: the one place where a region's kind becomes the words of a document.

A regional government (Pemerintah Daerah) — a province, a regency, a city — prints "PEMERINTAH KABUPATEN …" on
the letterhead, and its head is the Gubernur, Bupati or Wali Kota of the region's name without "Provinsi",
"Kabupaten" or "Kota" ("Bupati Halmahera Utara"): the *kepala daerah*. A central-government body (a ministry, an
agency, a court) prints its own name on the letterhead ("MAHKAMAH AGUNG REPUBLIK INDONESIA"), and its head is the
Menteri, Kepala or Ketua of that name ("Ketua Mahkamah Agung Republik Indonesia", "Menteri Agama Republik
Indonesia" for the Kementerian Agama Republik Indonesia): its *pimpinan*.

Pure: no Django, no database; the kinds are the values of `Region.Kind`.
"""

from dataclasses import dataclass

PROVINCE, REGENCY, CITY, CENTRAL = "provinsi", "kabupaten", "kota", "pusat"
REGIONAL = (PROVINCE, REGENCY, CITY)
# The head's title a new region of the kind gets when none is given.
DEFAULT_HEAD_TITLE = {PROVINCE: "Gubernur", REGENCY: "Bupati", CITY: "Wali Kota", CENTRAL: "Kepala"}
_REGION_PREFIXES = ("Kabupaten ", "Kota ", "Provinsi ")


@dataclass(frozen=True)
class Wording:
    """The words a document prints for one government."""

    letterhead: str  # the first line of the letterhead: "PEMERINTAH KABUPATEN HALMAHERA UTARA"
    head: str  # the head with the government's name: "Bupati Halmahera Utara"
    head_role: str  # what the head is, with the name: "kepala daerah Kabupaten Halmahera Utara"
    role: str  # what the head is: "kepala daerah", "pimpinan"
    is_regional: bool


def wording(kind: str, name: str, head_title: str) -> Wording:
    """The words of a government of `kind` named `name` whose head is called `head_title` (blank: the kind's)."""
    name = name.strip()
    title = head_title.strip() or DEFAULT_HEAD_TITLE.get(kind, "")
    if kind == CENTRAL:  # "Menteri Agama Republik Indonesia" heads the Kementerian Agama Republik Indonesia
        short = name.removeprefix("Kementerian ") if title.lower() == "menteri" else name
        return Wording(name.upper(), f"{title} {short}".strip(), f"pimpinan {name}".strip(), "pimpinan", False)
    short = name
    for prefix in _REGION_PREFIXES:
        if short.startswith(prefix):
            short = short[len(prefix) :]
            break
    return Wording(
        f"PEMERINTAH {name.upper()}",
        f"{title} {short}".strip(),
        f"kepala daerah {name}".strip(),
        "kepala daerah",
        True,
    )
