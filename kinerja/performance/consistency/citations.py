"""Family "sitasi": the regulations the decree cites — in Menimbang, Mengingat and every chapter — read with
`citation_parser` and compared with each other.

- `peraturan-nomor-berbeda`: one regulation (same kind, the same or nearly the same title) cited with another
  number or year elsewhere;
- `peraturan-ganda`: the same regulation twice in one list (Mengingat, Menimbang, or one list of a chapter);
- `peraturan-ditulis-berbeda`: one regulation (same kind, number and year) whose title is written otherwise
  elsewhere;
- `nomor-kosong`: a regulation or a gazette cited with an empty number ("Berita Daerah … Tahun 2016 Nomor");
- `sitasi-tidak-baku`: the kind, number or year written otherwise than "<Kind> Nomor <n> Tahun <yyyy> tentang …";
- `peraturan-daerah-lain`: a regional regulation of another region than the agency's;
- `peraturan-bukan-yang-berlaku`: a national regulation of `IN_FORCE` cited by its title with another number or
  year ("Undang-Undang Nomor 12 Tahun 2021 tentang Pembentukan Peraturan Perundang-Undangan": the law is 12/2011).
"""

import difflib
from collections import defaultdict
from collections.abc import Callable, Iterable

from django.utils.translation import gettext

from kinerja.strategy.models.decree import DecreeClause

from .citation_parser import Citation, parse_citations
from .compare import SIMILAR, canonical
from .context import PlanData
from .findings import ERROR, WARNING, Finding, Place, quoted
from .registry import check

FAMILY = "sitasi"
SAME_YEAR_SIMILAR = 0.85  # two titles of one kind and one year this close name one regulation
_REGIONAL = ("peraturan daerah", "peraturan bupati", "peraturan walikota", "peraturan wali kota", "peraturan gubernur")
_REGION_WORDS = frozenset({"kabupaten", "kota", "provinsi"})

# The national regulations a performance decree usually cites, as in force (kind as `Citation.kind_key` begins,
# number, year, title). A citation of one of these titles with another number or year is a typo or an old one.
IN_FORCE = (
    ("undang undang", "17", "2003", "Keuangan Negara"),
    ("undang undang", "25", "2004", "Sistem Perencanaan Pembangunan Nasional"),
    ("undang undang", "14", "2008", "Keterbukaan Informasi Publik"),
    ("undang undang", "12", "2011", "Pembentukan Peraturan Perundang-undangan"),
    ("undang undang", "23", "2014", "Pemerintahan Daerah"),
    ("peraturan pemerintah", "39", "2006", "Tata Cara Pengendalian dan Evaluasi Pelaksanaan Rencana Pembangunan"),
    (
        "peraturan pemerintah",
        "8",
        "2008",
        "Tahapan, Tata Cara Penyusunan, Pengendalian dan Evaluasi Pelaksanaan Rencana Pembangunan Daerah",
    ),
    ("peraturan pemerintah", "18", "2016", "Perangkat Daerah"),
    ("peraturan pemerintah", "12", "2019", "Pengelolaan Keuangan Daerah"),
    ("peraturan presiden", "29", "2014", "Sistem Akuntabilitas Kinerja Instansi Pemerintah"),
    ("peraturan presiden", "95", "2018", "Sistem Pemerintahan Berbasis Elektronik"),
    (
        "peraturan menteri",
        "PER/09/M.PAN/5/2007",
        "2007",
        "Pedoman Umum Penetapan Indikator Kinerja Utama di Lingkungan Instansi Pemerintah",
    ),
    (
        "peraturan menteri",
        "53",
        "2014",
        "Petunjuk Teknis Perjanjian Kinerja, Pelaporan Kinerja dan Tata Cara Reviu atas Laporan Kinerja Instansi "
        "Pemerintah",
    ),
)

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
    """ "same" when two citations name one regulation by kind and title (the region's name the kind already says
    left out of the title), "likely" when their titles are only near (same kind and year), "" otherwise."""
    if first.kind_key != second.kind_key or not first.title_key or not second.title_key:
        return ""
    head = next((head for head in _REGIONAL if first.kind_key.startswith(head)), "")
    region = first.kind_key[len(head) :].strip() if head else ""
    a, b = (key.replace(region, " ").strip() if region else key for key in (first.title_key, second.title_key))
    ratio = difflib.SequenceMatcher(None, " ".join(a.split()), " ".join(b.split())).ratio()
    if ratio >= SIMILAR:
        return "same"
    return "likely" if first.year == second.year and ratio >= SAME_YEAR_SIMILAR else ""


def _where(places: list[Place]) -> str:
    """The places by label; the items' own words when several are in one chapter."""
    labels = [place.label for place in places]
    if len(set(labels)) != len(labels):
        labels = [f"{place.label} ({quoted(place.text, 60)})" for place in places]
    return gettext(" and ").join(labels) if len(labels) == 2 else ", ".join(labels)


def _variants(group: list[Cited], key: Callable[[Cited], object]) -> dict[object, tuple[Citation, list[Place]]]:
    """The group's citations by `key`, each with the first citation and every place that prints it so."""
    found: dict[object, tuple[Citation, list[Place]]] = {}
    for item in group:
        citation, place, _list = item
        places = found.setdefault(key(item), (citation, []))[1]
        if place not in places:
            places.append(place)
    return found


@check(family=FAMILY, codes=("peraturan-nomor-berbeda", "peraturan-ganda", "peraturan-ditulis-berbeda"))
def check_citations_agree(data: PlanData) -> Iterable[Finding]:
    """One regulation cited alike everywhere, and once per list."""
    found = cited(data)
    numbered: dict[tuple[str, str, str], list[Cited]] = defaultdict(list)
    for item in found:
        if item[0].number:
            numbered[(item[0].kind_key, item[0].number, item[0].year)].append(item)
    for group in numbered.values():
        by_list = _variants(group, key=lambda item: item[2])
        for citation, places in by_list.values():
            if len(places) > 1:
                yield Finding(
                    FAMILY,
                    "peraturan-ganda",
                    WARNING,
                    gettext("%(label)s is cited %(count)s times in one list: %(where)s.")
                    % {"label": citation.label, "count": len(places), "where": _where(places)},
                    places,
                    gettext("Delete the repeated item and renumber the list."),
                )
        titles = _variants(group, key=lambda item: item[0].title_key)
        if len(titles) > 1:
            wordings = [
                gettext("%(title)s on %(where)s") % {"title": quoted(c.title, 200), "where": _where(places)}
                for c, places in titles.values()
            ]
            yield Finding(
                FAMILY,
                "peraturan-ditulis-berbeda",
                WARNING,
                gettext("The title of %(label)s is written differently: %(wordings)s.")
                % {"label": group[0][0].label, "wordings": "; ".join(wordings)},
                [place for _c, places in titles.values() for place in places],
                gettext("Copy the regulation's title exactly as in the Lembaran/Berita Daerah, the same everywhere."),
            )
    clusters: list[list[Cited]] = []
    for item in found:
        home = next((c for c in clusters if any(same_regulation(item[0], other[0]) for other in c)), None)
        if home is None:
            clusters.append([item])
        else:
            home.append(item)
    for cluster in clusters:
        numbers = _variants(cluster, key=lambda item: (item[0].number, item[0].year))
        if len(numbers) < 2:
            continue
        firsts = [citation for citation, _places in numbers.values()]
        sure = all(same_regulation(a, b) == "same" for a in firsts for b in firsts if a is not b)
        listed = [
            gettext("%(label)s on %(where)s") % {"label": c.label, "where": _where(places)}
            for c, places in numbers.values()
        ]
        yield Finding(
            FAMILY,
            "peraturan-nomor-berbeda",
            ERROR if sure else WARNING,
            (
                gettext(
                    "The same regulation%(maybe)s is cited with different numbers or years: %(listed)s (on %(title)s)."
                )
                % {
                    "maybe": "" if sure else gettext(" (probably)"),
                    "listed": "; ".join(listed),
                    "title": quoted(firsts[0].title, 120),
                }
            ),
            [place for _c, places in numbers.values() for place in places],
            gettext("Check the regulation's number and year in its official copy and use the right ones everywhere."),
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
                gettext("Empty number in %(texts)s on %(where)s.")
                % {"texts": ", ".join(quoted(text) for text in citation.empty_numbers), "where": where},
                places,
                gettext("Fill in the number from the Lembaran/Berita Daerah or the official copy of the regulation."),
            )
        elif code == "sitasi-tidak-baku":
            yield Finding(
                FAMILY,
                code,
                WARNING,
                gettext("The writing of %(label)s on %(where)s is not standard: %(problems)s.")
                % {"label": quoted(citation.label), "where": where, "problems": "; ".join(citation.problems)},
                places,
                gettext(
                    "Write it by the rule: “<Jenis peraturan> Nomor <nomor> Tahun <tahun> tentang <judul>”, "
                    "the kind of regulation in full (e.g. “Peraturan Daerah”, “Undang-Undang”)."
                ),
            )
        else:
            yield Finding(
                FAMILY,
                code,
                ERROR,
                gettext("%(label)s is a regulation of another region, not %(region)s (on %(where)s).")
                % {"label": citation.label, "region": data.decree.plan.agency.region.name, "where": where},
                places,
                gettext("Replace it with the region's own regulation on the same matter, or delete this item."),
            )


def _other_region(data: PlanData, citation: Citation) -> bool:
    """A regional regulation that names a region, not the agency's (nor its province)."""
    key = citation.kind_key
    head = next((head for head in _REGIONAL if key.startswith(head)), None)
    if head is None or data.decree is None:
        return False
    named = [word for word in key[len(head) :].split() if word not in _REGION_WORDS]
    region = data.decree.plan.agency.region
    if not region.province and (head == "peraturan gubernur" or key.startswith("peraturan daerah provinsi")):
        return False  # the agency's province is not known
    own = [
        [word for word in canonical(name).split() if word not in _REGION_WORDS]
        for name in (region.name, region.province)
    ]
    return bool(named) and named not in own


@check(family=FAMILY, codes=("peraturan-bukan-yang-berlaku",))
def check_national_regulations(data: PlanData) -> Iterable[Finding]:
    """A national regulation of `IN_FORCE` cited by its title with another number or year."""
    grouped: dict[str, tuple[Citation, tuple[str, str, str, str], list[Place]]] = {}
    for citation, place, _list in cited(data):
        for known in IN_FORCE:
            kind, number, year, title = known
            if not citation.kind_key.startswith(kind) or (citation.number, citation.year) == (number, year):
                continue
            if difflib.SequenceMatcher(None, citation.title_key, canonical(title)).ratio() >= SIMILAR:
                grouped.setdefault(citation.text, (citation, known, []))[2].append(place)
    for citation, (_kind, number, year, title), places in grouped.values():
        yield Finding(
            FAMILY,
            "peraturan-bukan-yang-berlaku",
            WARNING,
            (
                gettext(
                    "%(label)s on %(title)s on %(where)s: the regulation in force with that title (or almost "
                    "that title) is Nomor %(number)s Tahun %(year)s on %(own)s."
                )
                % {
                    "label": citation.label,
                    "title": quoted(citation.title),
                    "where": _where(places),
                    "number": number,
                    "year": year,
                    "own": quoted(title),
                }
            ),
            places,
            (
                gettext(
                    "Check its official copy: write Nomor %(number)s Tahun %(year)s, or, if another "
                    "regulation is meant, write its own title."
                )
                % {"number": number, "year": year}
            ),
        )
