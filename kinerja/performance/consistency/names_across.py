"""Family "nama-unit": the names of the agency, its region, its units and positions, printed alike everywhere.

- `nama-jabatan-beda-unit`: a position's heading in Lampiran II names another unit than BAB I does (compared
  without case, "Kepala" and the abbreviations of `compare.SYNONYMS`);
- `nama-unit-bab-i`: a unit named in a chapter (a list item, a heading, "… dipimpin oleh") that is one of the
  agency's units written otherwise (a name far from every unit is something else, and not reported);
- `nama-instansi-berbeda`: the agency's name printed otherwise somewhere ("Dinas Komunikasi Informasi …");
- `nama-daerah-berbeda`: the region's name printed otherwise ("Halmahera Utra").

A misspelt word inside the agency's or the region's name printed otherwise is reported here only, with the name
it should read: the spelling check (ejaan) leaves out the words of `misprinted_names`.
"""

import difflib
import re
from collections.abc import Iterable, Iterator

from django.utils.translation import gettext, pgettext

from .compare import SYNONYMS, canonical
from .context import PlanData
from .findings import WARNING, Finding, Place, quoted
from .key_indicators import ABBREVIATIONS
from .registry import check

FAMILY = "nama-unit"
NAME_SIMILAR = 0.8  # a run of words this close to the agency's name is a printing of it
UNIT_SIMILAR = 0.75  # a unit named in a chapter this close to one of the agency's is that unit written otherwise
MISSPELT = 0.6  # a word this close to the name's word is a misspelling of it, not another word
REGION_SIMILAR = 0.85  # "Halmahera Selatan" is another regency (0.72), "Halmahera Utra" a misprint (0.97)
_UNIT_WORDS = r"(?:Sub\s*Bagian|Subbagian|Subbag|Bidang|Seksi|Sekretariat|UPTD|UPT)"
_LIST_ITEM = re.compile(rf"^\s*(?:[a-z0-9]{{1,2}}[.)]|\d+(?:\.\d+)+)\s+(?P<name>{_UNIT_WORDS}\b[^:]*?)\s*[;.,]?\s*$")
_LED_BY = re.compile(rf"\b(?P<name>{_UNIT_WORDS}\b[^.;:,]*?)\s+dipimpin\b")
_TOKEN = re.compile(r"\w+(?:-\w+)*")
_REGION_KINDS = {"kabupaten", "kota", "provinsi", "kab"}


def printed_texts(data: PlanData) -> list[tuple[str, Place]]:
    """Every text of the decree and the plan a person reads, with its place."""
    texts: list[tuple[str, Place]] = []
    if data.decree is not None:
        texts += [
            (data.decree.title, data.at_decree(pgettext("consistency place", "Decree, title"), data.decree.title))
        ]
        texts += [
            (data.decree.subject, data.at_decree(pgettext("consistency place", "Decree, subject"), data.decree.subject))
        ]
    texts += [(clause.text, data.at_clause(clause)) for clause in data.clauses]
    for chapter in data.chapters:
        paragraphs = chapter.body.replace("\r\n", "\n").split("\n\n")
        texts += [(text, data.at_chapter(chapter, text.strip())) for text in paragraphs if text.strip()]
    agency = data.agency
    if agency.printed_name:
        label = pgettext("consistency place", "Appendix I, INSTANSI")
        texts.append((agency.printed_name, data.at_agency(label, agency.printed_name)))
    texts.append((agency.duty, data.at_agency(pgettext("consistency place", "Appendix I, TUGAS"), agency.duty)))
    texts += [
        (
            f.text,
            data.at_agency(pgettext("consistency place", "Appendix I, FUNGSI %(label)s") % {"label": f.label}, f.text),
        )
        for f in data.agency_functions
    ]
    for position in data.positions:
        page = data.at_position(position)
        place = data.at_position_text(position, f"{page.label} {position.title}, TUGAS", position.duty)
        texts.append((position.duty, place))
    for function in data.position_functions:
        position = data.position_by_id[function.position_id]
        label = f"{data.at_position(position).label} {position.title}, FUNGSI {function.label}"
        texts.append((function.text, data.at_position_text(position, label, function.text)))
    for key_row in data.key_rows:
        place = data.at_key_row(key_row)
        names = ("name", "definition", "objective", "data_source", "responsible")
        texts += [(getattr(key_row, f"printed_{name}"), place) for name in names]
    for row in data.page_rows:
        place = data.at_row(row)
        texts += [(getattr(row, f"printed_{name}"), place) for name in ("name", "definition", "data_source")]
    for indicator in data.indicators:
        place = data.at_indicator(indicator)
        names = ("name", "definition", "numerator", "denominator", "data_source")
        texts += [(getattr(indicator, name), place) for name in names]
    texts += [(objective.text, data.at_objective(objective)) for objective in data.objectives]
    return [(text, place) for text, place in texts if text]


def _core(name: str) -> str:
    """A unit's or position's name as compared: canonical, without "kepala" and the position abbreviations."""
    words = " ".join(ABBREVIATIONS.get(word, word) for word in canonical(name).split()).split()
    return " ".join(words[1:] if words[:1] == ["kepala"] else words)


@check(family=FAMILY, codes=("nama-jabatan-beda-unit", "nama-unit-bab-i"))
def check_unit_names(data: PlanData) -> Iterable[Finding]:
    """Lampiran II's headings and the chapters name the units of BAB I."""
    units = {position.unit.pk: position.unit for position in data.positions}
    for position in data.positions:
        heading, unit = position.printed_title or position.title, position.unit
        title, name = _core(heading), _core(unit.name)
        if title == name or title.split()[:1] != name.split()[:1] or len(title.split()) == 1:
            continue  # the same unit, a position named otherwise ("Sekretaris", "Analis …"), or a bare "Kepala Dinas"
        without = "" if canonical(heading).startswith("kepala") else gettext(" (without “Kepala”)")
        yield Finding(
            FAMILY,
            "nama-jabatan-beda-unit",
            WARNING,
            (
                gettext(
                    "The IKI page (Appendix II) writes the position %(heading)s%(without)s, but its unit is "
                    "named %(unit)s in Chapter I."
                )
                % {"heading": quoted(heading), "without": without, "unit": quoted(unit.name)}
            ),
            [data.at_position_text(position, data.at_position(position).label, heading), data.at_unit(unit)],
            gettext(
                "Use one name of the unit in Chapter I, Appendix I and the heading of the IKI page "
                "(position = “Kepala” + the unit's name)."
            ),
        )
    names = {_core(unit.name): unit for unit in units.values()}
    reported = set()
    for chapter in data.chapters:
        for line in chapter.body.splitlines():
            found = [match.group("name") for match in _LED_BY.finditer(line)]
            item = _LIST_ITEM.match(line)
            found += [item.group("name")] if item else []
            for written in found:
                core = _core(written)
                if core in names or core in reported or not names:
                    continue
                near = max(names, key=lambda known: difflib.SequenceMatcher(None, core, known).ratio())
                if difflib.SequenceMatcher(None, core, near).ratio() < UNIT_SIMILAR:
                    continue  # not one of the units ("Bidang urusan pendidikan"): nothing to compare it with
                reported.add(core)
                yield Finding(
                    FAMILY,
                    "nama-unit-bab-i",
                    WARNING,
                    (
                        gettext(
                            "%(chapter)s writes the unit %(written)s, which is the name of no unit; the nearest is "
                            "%(near)s."
                        )
                        % {"chapter": chapter.title, "written": quoted(written), "near": quoted(names[near].name)}
                    ),
                    [
                        data.at_chapter(chapter, line.strip()),
                        data.at_unit(names[near]),
                    ],
                    gettext(
                        "Write the unit's name exactly as in the organisation's structure, the same in every "
                        "chapter and appendix."
                    ),
                )


def _tokens(text: str) -> list[str]:
    """The text's words in lower case, a hyphenated word one word ("dinas-dinas"), abbreviations read out."""
    words: list[str] = []
    for token in _TOKEN.findall(text.lower()):
        words += SYNONYMS.get(token, token).split()
    return words


def variants(text: str, name: str, similar: float) -> list[str]:
    """The runs of words in `text` that print `name` otherwise (near, not equal)."""
    own, words = _tokens(name), _tokens(text)
    if not own:
        return []
    found, index = [], 0
    while index < len(words):
        start = words[index]
        if not start.startswith(f"{own[0]}-") and difflib.SequenceMatcher(None, start, own[0]).ratio() < similar:
            index += 1
            continue
        if _shortened(words[index:], own):
            index += 1
            continue
        runs = [words[index : index + size] for size in (len(own) - 1, len(own), len(own) + 1) if size > 0]
        best = max(runs, key=lambda run: difflib.SequenceMatcher(None, " ".join(run), " ".join(own)).ratio())
        if best == own or own == words[index : index + len(own)]:
            index += len(own)
            continue
        if difflib.SequenceMatcher(None, " ".join(best), " ".join(own)).ratio() >= similar:
            found.append(" ".join(best))
            index += len(best)
        else:
            index += 1
    return found


def _shortened(words: list[str], own: list[str]) -> bool:
    """The name's first words (two or more) then words of another text: a shortening ("Dinas Kominfo terhadap …"),
    not a misprint ("Dinas Komunikasi Informasi …", whose third word is a near spelling of the name's)."""
    common = 0
    while common < min(len(words), len(own)) and words[common] == own[common]:
        common += 1
    if common < 2 or common == len(own):
        return False
    following = words[common] if common < len(words) else ""
    return difflib.SequenceMatcher(None, following, own[common]).ratio() < MISSPELT


def as_printed(variant: str, text: str) -> str:
    """The variant as the text prints it (capitals and punctuation), when it can be found."""
    pattern = r"[\W_]+".join(re.escape(word) for word in variant.split())
    match = re.search(rf"(?<!\w){pattern}(?!\w)", text, re.IGNORECASE)
    return match.group(0) if match else variant


def own_names(data: PlanData) -> list[tuple[str, str, float, str]]:
    """(code, name, how similar a printing must be, what it is) of the agency's name and of the region's."""
    region = data.decree.plan.agency.region.name if data.decree is not None else ""
    region_core = " ".join(word for word in region.split() if canonical(word) not in _REGION_KINDS)
    names = (
        ("nama-instansi-berbeda", data.agency.name, NAME_SIMILAR, pgettext("whose name", "agency")),
        ("nama-daerah-berbeda", region_core, REGION_SIMILAR, pgettext("whose name", "region")),
    )
    return [(code, name, similar, what) for code, name, similar, what in names if name]


def misprints(data: PlanData, name: str, similar: float) -> Iterator[tuple[str, str, str, Place]]:
    """(variant, as printed, text, place): each run of words of a text that prints `name` otherwise."""
    for text, place in printed_texts(data):
        for variant in variants(text, name, similar):
            yield variant, as_printed(variant, text), text, place


def misprinted_names(data: PlanData) -> list[tuple[str, str, str]]:
    """(text, as printed, variant) of every name of the agency or the region printed otherwise — what
    `check_own_names` reports — so that the spelling check (ejaan) does not report its misspelt words a second
    time ("KOMUNKASI", "Utra"). Worked out once for the context."""
    cache = data.__dict__.setdefault("_misprinted_names", {})
    if "names" not in cache:
        cache["names"] = [
            (text, printed, variant)
            for _, name, similar, _ in own_names(data)
            for variant, printed, text, _ in misprints(data, name, similar)
        ]
    return cache["names"]


@check(family=FAMILY, codes=("nama-instansi-berbeda", "nama-daerah-berbeda"))
def check_own_names(data: PlanData) -> Iterable[Finding]:
    """The agency's and the region's names printed alike wherever they are printed."""
    for code, name, similar, what in own_names(data):
        places: dict[str, list[Place]] = {}
        printed: dict[str, str] = {}
        for variant, as_printed_there, _, place in misprints(data, name, similar):
            printed.setdefault(variant, as_printed_there)
            if place not in places.setdefault(variant, []):
                places[variant].append(place)
        for variant, where in places.items():
            yield Finding(
                FAMILY,
                code,
                WARNING,
                gettext("The name of the %(what)s is written %(printed)s on %(where)s%(more)s, not %(name)s.")
                % {
                    "what": what,
                    "printed": quoted(printed[variant]),
                    "where": ", ".join(place.label for place in where[:6]),
                    "more": " …" if len(where) > 6 else "",
                    "name": quoted(name),
                },
                where,
                gettext("Write the name of the %(what)s alike everywhere: %(name)s.")
                % {"what": what, "name": quoted(name)},
            )
