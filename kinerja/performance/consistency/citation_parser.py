"""Regulations cited in a decree's text, read into (kind, number, year, title, gazette numbers).

`parse_citations(text)` finds every "<kind> Nomor <number> Tahun <year> tentang <title> (<gazettes>)" in a text —
"Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah", "Peraturan Bupati Halmahera Utara Nomor 32 Tahun
2016 tentang …", "Peraturan Menteri … Nomor : PER/09/M.PAN/5/2007 tentang …" — including one cited inside another's
title ("… tentang Perubahan Atas Peraturan Daerah Nomor 5 Tahun 2016 …"), and says what is wrong with how each is
written (`Citation.problems`). `kind_key` and `title_key` are the kind and title as compared across places. Pure: no
Django.
"""

import re
from dataclasses import dataclass, field

from kinerja.core.reader_language import gettext

from .compare import canonical

KIND_START = r"(?:Undang[\s\-–—]*Undang|Peraturan|Keputusan|Instruksi|Surat\s+Edaran)"
_WORD = rf"(?!Nomor\b)(?!{KIND_START})(?!t[ae]n?tang\b)[^\s;:()]+"
_CITATION = re.compile(
    rf"\b(?P<kind>{KIND_START}(?:\s+{_WORD}){{0,12}}?)\s+(?P<nomor>Nomor)\s*(?P<colon>:)?\s*"
    rf"(?P<number>(?!Tahun\b)[^\s,;()]*)\s*(?:\b(?P<tahun>Tahun)\s+(?P<year>\d{{4}})\b)?(?=[\s,;.)]|$)",
    re.IGNORECASE,
)
_TITLE = re.compile(
    rf"\s*,?\s*(?P<connector>t[ae]n?tang)\s+(?P<title>.*?)"
    rf"(?=\s*\((?:Lembaran|Berita|Tambahan)|\s*;|\.\s*(?:{KIND_START}|[A-Z]|$)|\s+sebagaimana\b|\s*,?\s+dan\s+{KIND_START}"
    rf"|\s*\(?\s*Lembaran|$)",
    re.IGNORECASE | re.DOTALL,
)
_GAZETTES = re.compile(r"\s*\((?P<gazettes>(?:Lembaran|Berita|Tambahan)[^)]*)\)", re.IGNORECASE)
_GAZETTE_SPLIT = re.compile(r",\s*(?=(?:Tambahan|Lembaran|Berita)\b)", re.IGNORECASE)
_STANDARD_KIND = re.compile(
    r"^(?:undang undang|peraturan pemerintah pengganti undang undang|peraturan pemerintah|peraturan presiden"
    r"|keputusan presiden|instruksi presiden|(?:peraturan|keputusan|instruksi) menteri \w.*|surat edaran \w.*"
    r"|peraturan daerah(?: \w.*)?|(?:peraturan|keputusan|instruksi) (?:bupati|walikota|wali kota|gubernur)(?: \w.*)?"
    r"|(?:peraturan|keputusan) (?:kepala|badan|lembaga|ketua|sekretaris|direktur|mahkamah) \w.*)$"
)
_HEAD_REGION = (("bupati", "kabupaten"), ("walikota", "kota"), ("wali kota", "kota"), ("gubernur", "provinsi"))


@dataclass(frozen=True)
class Gazette:
    """Where the regulation was promulgated: "Lembaran Negara Republik Indonesia Tahun 2003 Nomor 21"."""

    name: str
    year: str
    number: str


@dataclass
class Citation:
    kind: str  # as printed: "Undang - Undang", "Peraturan Daerah Kabupaten Halmahera Utara"
    number: str
    year: str
    title: str
    gazettes: list[Gazette]
    text: str  # the whole citation as printed
    problems: list[str] = field(default_factory=list)  # what is written otherwise than the standard form

    @property
    def kind_key(self) -> str:
        """The kind as compared: canonical, with the region's kind after its head left out ("Peraturan Bupati
        Kabupaten X" is "Peraturan Bupati X")."""
        key = canonical(self.kind)
        for head, region in _HEAD_REGION:
            key = key.replace(f"{head} {region} ", f"{head} ")
        return key

    @property
    def title_key(self) -> str:
        """The title as compared: canonical, acronyms in parentheses left out."""
        return canonical(re.sub(r"\([^)]*\)", " ", self.title))

    @property
    def label(self) -> str:
        year = f" Tahun {self.year}" if self.year else ""
        return f"{' '.join(self.kind.split())} Nomor {self.number or '…'}{year}"

    @property
    def empty_numbers(self) -> list[str]:
        """What is cited with an empty number: the regulation itself, or a gazette ("Tahun 2016 Nomor")."""
        empty = [self.label] if not self.number else []
        return empty + [" ".join(f"{g.name} Tahun {g.year} Nomor".split()) for g in self.gazettes if not g.number]


def parse_citations(text: str) -> list[Citation]:
    """Every regulation cited with a number in `text`, in order."""
    citations = []
    for match in _CITATION.finditer(text):
        end = match.end()
        title_match = _TITLE.match(text, end)
        title, connector = "", ""
        if title_match:
            title, connector = title_match.group("title").strip(" ,"), title_match.group("connector")
            end = title_match.end()
        gazettes = []
        gazette_match = _GAZETTES.match(text, end)
        if gazette_match:
            gazettes = [_gazette(part) for part in _GAZETTE_SPLIT.split(gazette_match.group("gazettes"))]
            end = gazette_match.end()
        number, year = match.group("number").strip().rstrip("."), match.group("year") or ""
        if not year and re.search(r"/((?:19|20)\d\d)$", number):
            year = number.rsplit("/", 1)[1]  # "PER/09/M.PAN/5/2007"
        citation = Citation(match.group("kind"), number, year, title, gazettes, text[match.start() : end].strip())
        citation.problems = _problems(match, citation, connector)
        citations.append(citation)
    return citations


def _gazette(part: str) -> Gazette:
    year = re.search(r"\bTahun\s+(\d{4})", part, re.IGNORECASE)
    number = re.search(r"\bNomor\s*:?\s*([^\s,;]*)", part, re.IGNORECASE)
    name = re.split(r"\b(?:Tahun|Nomor)\b", part, maxsplit=1, flags=re.IGNORECASE)[0].strip(" ,")
    return Gazette(name, year.group(1) if year else "", number.group(1).strip(" .") if number else "")


def _problems(match: re.Match, citation: Citation, connector: str) -> list[str]:
    """What is written otherwise than "<Kind> Nomor <number> Tahun <year> tentang <title>"."""
    problems = []
    kind = " ".join(citation.kind.split())
    if not _STANDARD_KIND.match(canonical(kind)):
        problems.append(gettext("the kind of regulation “%(kind)s” is incomplete or unknown") % {"kind": kind})
    elif re.match(r"Undang\s*[–—]\s*Undang|Undang\s+-|Undang-\s+Undang", kind, re.IGNORECASE):
        problems.append(
            gettext("“%(kind)s” is written with spaces or another dash, not “Undang-Undang”") % {"kind": kind}
        )
    if match.group("nomor") not in ("Nomor", "NOMOR") or (match.group("tahun") or "Tahun") not in ("Tahun", "TAHUN"):
        problems.append(gettext("“Nomor”/“Tahun” not written with a capital first letter"))
    if match.group("colon"):
        problems.append(gettext("a colon after “Nomor”"))
    if citation.number and re.search(r"(?:^|/)\d+[A-Za-z]", citation.number) and "/" in citation.number:
        problems.append(
            gettext("the number “%(number)s” is not whole (digits and letters without a slash between them)")
            % {"number": citation.number}
        )
    if citation.number and not citation.year:
        problems.append(gettext("the year is not named"))
    elif citation.year and not 1945 <= int(citation.year) <= 2100:
        problems.append(gettext("the year %(year)s is impossible") % {"year": citation.year})
    if connector and connector.lower() != "tentang":
        problems.append(gettext("“%(connector)s” for “tentang”") % {"connector": connector})
    return problems
