"""Family "sitasi": the regulations the decree cites — in Menimbang, Mengingat and every chapter — read with
`citation_parser` and compared with each other.

- `peraturan-nomor-berbeda`: one regulation (same kind, the same or nearly the same title) cited with another
  number or year elsewhere;
- `peraturan-ganda`: the same regulation twice in one list (Mengingat, Menimbang, or one list of a chapter);
- `peraturan-ditulis-berbeda`: one regulation (same kind, number and year) whose title is written otherwise
  elsewhere;
- `nomor-kosong`: a regulation or a gazette cited with an empty number ("Berita Daerah … Tahun 2016 Nomor");
- `sitasi-tidak-baku`: the kind, number or year written otherwise than "<Kind> Nomor <n> Tahun <yyyy> tentang …";
- `peraturan-daerah-lain`: a regional regulation of another region than the agency's.
"""

import difflib
from collections.abc import Iterable, Iterator

from kinerja.strategy.models.decree import DecreeClause

from .citation_parser import Citation, parse_citations
from .compare import SIMILAR, canonical
from .context import PlanData
from .findings import ERROR, WARNING, Finding, Place, quoted
from .registry import check

FAMILY = "sitasi"
SAME_YEAR_SIMILAR = 0.85  # two titles of one kind and one year this close name one regulation
_STOP = frozenset({"dan", "di", "yang", "atas", "serta"})
_REGIONAL = ("peraturan daerah", "peraturan bupati", "peraturan walikota", "peraturan wali kota", "peraturan gubernur")
_REGION_WORDS = frozenset({"kabupaten", "kota", "provinsi"})

Cited = tuple[Citation, Place, str]  # the citation, where, the list it is an item of


def cited(data: PlanData) -> list[Cited]:
    """Every regulation the decree cites, with its place and its list, in the decree's order."""
    found: list[Cited] = []
    for kind in (DecreeClause.Kind.CONSIDERATION, DecreeClause.Kind.LEGAL_BASIS):
        for clause in data.clauses_of(kind):
            found += [(citation, data.at_clause(clause), kind) for citation in parse_citations(clause.text)]
    for chapter in data.chapters:
        for number, paragraph in enumerate(chapter.body.replace("\r\n", "\n").split("\n\n")):
            for line in paragraph.splitlines():
                for citation in parse_citations(line):
                    found.append((citation, data.at_chapter(chapter, line.strip()), f"{chapter.kind}-{number}"))
    return found


def same_regulation(first: Citation, second: Citation) -> str:
    """ "same" when two citations name one regulation by kind and title, "likely" when their titles are only near
    (same kind and year), "" otherwise."""
    if first.kind_key != second.kind_key or not first.title_key or not second.title_key:
        return ""
    a, b = first.title_key, second.title_key
    words_a, words_b = set(a.split()) - _STOP, set(b.split()) - _STOP
    ratio = difflib.SequenceMatcher(None, a, b).ratio()
    if ratio >= SIMILAR or words_a <= words_b or words_b <= words_a:
        return "same"
    return "likely" if first.year == second.year and ratio >= SAME_YEAR_SIMILAR else ""


def _where(first: Place, second: Place) -> str:
    if first.label != second.label:
        return f"{first.label} dan {second.label}"
    return f"{first.label}, {quoted(first.text, 60)} dan {quoted(second.text, 60)}"


def _pairs(found: list[Cited]) -> Iterator[tuple[Cited, Cited]]:
    for index, first in enumerate(found):
        for second in found[index + 1 :]:
            yield first, second


@check(family=FAMILY, codes=("peraturan-nomor-berbeda", "peraturan-ganda", "peraturan-ditulis-berbeda"))
def check_citations_agree(data: PlanData) -> Iterable[Finding]:
    """One regulation cited alike everywhere, and once per list."""
    found = cited(data)
    reported: set[tuple[str, str]] = set()
    for (first, first_place, first_list), (second, second_place, second_list) in _pairs(found):
        numbered_alike = (first.number, first.year) == (second.number, second.year)
        key = (" ".join(sorted((first.label, second.label))), first.title_key + "|" + second.title_key)
        if numbered_alike and first.kind_key == second.kind_key and first.number:
            if first_list == second_list and first_place != second_place:
                yield Finding(
                    FAMILY,
                    "peraturan-ganda",
                    WARNING,
                    f"{first.label} disebut dua kali dalam satu daftar: {_where(first_place, second_place)}.",
                    [first_place, second_place],
                    "Hapus salah satu butir yang sama dan sesuaikan penomoran daftar.",
                )
            elif canonical(first.text) != canonical(second.text) and first.title_key != second.title_key:
                if key in reported:
                    continue
                reported.add(key)
                yield Finding(
                    FAMILY,
                    "peraturan-ditulis-berbeda",
                    WARNING,
                    f"{first.label} ditulis berbeda: {quoted(first.text, 220)} di {first_place.label}, "
                    f"{quoted(second.text, 220)} di {second_place.label}.",
                    [first_place, second_place],
                    "Salin judul peraturan persis seperti di Lembaran/Berita Daerah, sama di semua tempat.",
                )
            continue
        sameness = same_regulation(first, second)
        if not sameness or numbered_alike or key in reported:
            continue
        reported.add(key)
        yield Finding(
            FAMILY,
            "peraturan-nomor-berbeda",
            ERROR if sameness == "same" else WARNING,
            f"Peraturan yang sama{'' if sameness == 'same' else ' (kemungkinan)'} disebut dengan nomor atau tahun "
            f"berbeda: {first.label} di {first_place.label}, {second.label} di {second_place.label} "
            f"(tentang {quoted(first.title, 120)}).",
            [first_place, second_place],
            "Periksa nomor dan tahun peraturan pada salinan resminya dan pakai yang benar di semua tempat.",
        )


@check(family=FAMILY, codes=("nomor-kosong", "sitasi-tidak-baku", "peraturan-daerah-lain"))
def check_citation_form(data: PlanData) -> Iterable[Finding]:
    """Each citation written in the standard form, with its numbers, of the agency's own region."""
    grouped: dict[tuple[str, str], tuple[Citation, list[Place]]] = {}
    for citation, place, _list in cited(data):
        for problem in ["nomor-kosong"] * bool(citation.empty_numbers) + ["sitasi-tidak-baku"] * bool(
            citation.problems
        ):
            grouped.setdefault((problem, citation.text), (citation, []))[1].append(place)
        if _other_region(data, citation):
            grouped.setdefault(("peraturan-daerah-lain", citation.text), (citation, []))[1].append(place)
    for (code, _text), (citation, places) in grouped.items():
        where = ", ".join(place.label for place in places)
        if code == "nomor-kosong":
            yield Finding(
                FAMILY,
                code,
                ERROR,
                f"Nomor kosong pada {', '.join(quoted(text) for text in citation.empty_numbers)} di {where}.",
                places,
                "Isi nomornya dari Lembaran/Berita Daerah atau salinan resmi peraturan itu.",
            )
        elif code == "sitasi-tidak-baku":
            yield Finding(
                FAMILY,
                code,
                WARNING,
                f"Penulisan {quoted(citation.label)} di {where} tidak baku: {'; '.join(citation.problems)}.",
                places,
                "Tulis sesuai kaidah: “<Jenis peraturan> Nomor <nomor> Tahun <tahun> tentang <judul>”, jenis "
                "peraturan lengkap (mis. “Peraturan Daerah”, “Undang-Undang”).",
            )
        else:
            yield Finding(
                FAMILY,
                code,
                ERROR,
                f"{citation.label} adalah peraturan daerah lain, bukan {data.decree.plan.agency.region.name} "
                f"(di {where}).",
                places,
                "Ganti dengan peraturan daerah sendiri yang mengatur hal yang sama, atau hapus butir ini.",
            )


def _other_region(data: PlanData, citation: Citation) -> bool:
    """A regional regulation that names a region, not the agency's (nor its province)."""
    key = citation.kind_key
    head = next((head for head in _REGIONAL if key.startswith(head)), None)
    if head is None or data.decree is None:
        return False
    named = [word for word in key[len(head) :].split() if word not in _REGION_WORDS]
    region = data.decree.plan.agency.region
    own = [
        [word for word in canonical(name).split() if word not in _REGION_WORDS]
        for name in (region.name, region.province)
    ]
    return bool(named) and named not in own
