"""Family "struktur-keputusan": the decree agrees with itself.

- `diktum-tidak-ada`: a clause refers to a dictum label the decree does not have ("Diktum Pertama" where the
  dictums are KESATU, KEDUA …);
- `lama-periode-tidak-cocok`: a period whose stated length does not match its years ("5 (lima) tahun yaitu
  2021-2026": six years), or whose figure and words disagree ("5 (enam) tahun");
- `rpjmd-tidak-mencakup`: the RPJMD cited does not cover the decree's year;
- `judul-tidak-sesuai-menimbang`: the decree's subject covers what the considerations do not set out to decide
  (the "perlu ditetapkan Keputusan … tentang …" item), or the reverse;
- `nomor-keputusan-tidak-baku`, `huruf-judul-campuran`, `tanda-baca-butir`, `kurung-tidak-lengkap`: the decree's
  number with spaces around its slashes ("800/ 7.a /2022"); a word in lower case in a subject written in capitals;
  an item of Menimbang or Mengingat not closed by one ";" (the last may end with "."), or an item of a chapter's
  list closed by "." amid items closed by ";"; a bracket left open ("… Indikator Kinerja Individu (IKI").
"""

import re
from collections.abc import Iterable

from django.utils.translation import gettext, pgettext

from kinerja.strategy.models.decree import DecreeClause

from .compare import canonical, normalise
from .context import PlanData
from .findings import ERROR, WARNING, Finding, Place, quoted
from .registry import check

FAMILY = "struktur-keputusan"
NUMBER_WORDS = {
    "satu": 1,
    "dua": 2,
    "tiga": 3,
    "empat": 4,
    "lima": 5,
    "enam": 6,
    "tujuh": 7,
    "delapan": 8,
    "sembilan": 9,
    "sepuluh": 10,
    "sebelas": 11,
    "dua belas": 12,
    "lima belas": 15,
    "dua puluh": 20,
    "dua puluh lima": 25,
}
_DICTUM_REFERENCE = re.compile(r"\bDiktum\s+(?:ke(?:\s*-\s*|\s+))?(?P<label>[A-Za-z]+|\d+)\b", re.IGNORECASE)
_PERIOD = re.compile(
    r"(?P<figure>\d+)\s*\(\s*(?P<words>[a-z ]+?)\s*\)\s*tahun\b[^.;\d]{0,60}?"
    r"(?P<start>(?:19|20)\d\d)\s*[-–—]\s*(?P<end>(?:19|20)\d\d)",
    re.IGNORECASE,
)
_RPJMD = re.compile(
    r"(?:Rencana\s+Pembangunan\s+Jangka\s+Menengah\s+Daerah|RPJMD)\b[^.;]{0,120}?"
    r"(?P<start>(?:19|20)\d\d)\s*[-–—]\s*(?P<end>(?:19|20)\d\d)",
    re.IGNORECASE,
)
_DECIDES = re.compile(r"perlu\s+(?:di)?(?:tetapkan|menetapkan)\b.*?\btentang\s+(?P<subject>.+)$", re.I | re.S)
_ITEM = re.compile(r"^\s*[a-z0-9]{1,2}[.)]\s")
_LABEL = re.compile(r"^\s*\(?[a-z0-9]{1,3}\)\s")
_ACRONYM = re.compile(r"(?P<phrase>[A-Za-z][\w ]*?)\s*\((?P<acronym>[A-Z]{2,})\)")


def decree_texts(data: PlanData) -> list[tuple[str, Place]]:
    """Every clause and every chapter paragraph of the decree, with its place."""
    texts = [(clause.text, data.at_clause(clause)) for clause in data.clauses]
    for chapter in data.chapters:
        for paragraph in chapter.body.replace("\r\n", "\n").split("\n\n"):
            if paragraph.strip():
                texts.append((paragraph, data.at_chapter(chapter, paragraph.strip())))
    return texts


@check(family=FAMILY, codes=("diktum-tidak-ada",))
def check_dictum_references(data: PlanData) -> Iterable[Finding]:
    """Every "Diktum X" names a dictum of the decree."""
    dictums = data.clauses_of(DecreeClause.Kind.DICTUM)
    labels = {normalise(clause.label) for clause in dictums}
    if not dictums:
        return
    missing: dict[str, list[Place]] = {}
    for text, place in decree_texts(data):
        for match in _DICTUM_REFERENCE.finditer(text):
            label = match.group("label")
            if normalise(label) not in labels and not (label.isdigit() and 1 <= int(label) <= len(dictums)):
                missing.setdefault(match.group("label"), []).append(place)
    for label, places in missing.items():
        yield Finding(
            FAMILY,
            "diktum-tidak-ada",
            ERROR,
            (
                gettext(
                    "“Diktum %(label)s” is named on %(where)s, but this decree has no dictum %(upper)s; its "
                    "dictums: %(dictums)s."
                )
                % {
                    "label": label,
                    "where": ", ".join(place.label for place in places),
                    "upper": label.upper(),
                    "dictums": ", ".join(clause.label for clause in dictums),
                }
            ),
            places,
            gettext("Name the dictum by its own label (e.g. “Diktum %(label)s”).") % {"label": dictums[0].label},
        )


@check(family=FAMILY, codes=("lama-periode-tidak-cocok", "rpjmd-tidak-mencakup"))
def check_periods(data: PlanData) -> Iterable[Finding]:
    """A period's stated length matches its years; the RPJMD cited covers the decree's year."""
    year = data.decree.year if data.decree is not None else data.year
    reported: set[tuple[str, str]] = set()
    for text, place in decree_texts(data):
        for match in _PERIOD.finditer(text):
            figure, words = int(match.group("figure")), normalise(match.group("words"))
            start, end = int(match.group("start")), int(match.group("end"))
            spelled = NUMBER_WORDS.get(words)
            problems = []
            if spelled is not None and spelled != figure:
                problems.append(
                    gettext("the figure %(figure)s is written “%(words)s” (%(spelled)s)")
                    % {"figure": figure, "words": words, "spelled": spelled}
                )
            # The plan's own period counts its years (it holds a target for each); another ("RPJPD 2005-2025",
            # twenty years) may be counted either way.
            plans = (start, end) == (data.plan.first_year, data.plan.last_year)
            if figure != end - start + 1 and (plans or figure != end - start):
                problems.append(
                    gettext("%(start)s–%(end)s covers %(years)s years (%(start)s up to %(end)s)")
                    % {"start": start, "end": end, "years": end - start + 1}
                )
            if problems:
                yield Finding(
                    FAMILY,
                    "lama-periode-tidak-cocok",
                    WARNING,
                    gettext("The length of a period does not match on %(where)s: %(text)s — %(problems)s.")
                    % {"where": place.label, "text": quoted(match.group(0)), "problems": "; ".join(problems)},
                    [place, data.at_plan()],
                    (
                        gettext(
                            "Make the length of the period match its years: %(figure)s years are %(start)s–%(last)s; "
                            "if the period really is %(start)s–%(end)s, write %(years)s years."
                        )
                        % {
                            "figure": figure,
                            "start": start,
                            "last": start + figure - 1,
                            "end": end,
                            "years": end - start + 1,
                        }
                    ),
                )
        for match in _RPJMD.finditer(text):
            start, end = int(match.group("start")), int(match.group("end"))
            key = (f"{start}-{end}", place.label)
            if year is None or start <= year <= end or key in reported:
                continue
            reported.add(key)
            yield Finding(
                FAMILY,
                "rpjmd-tidak-mencakup",
                WARNING,
                (
                    gettext(
                        "The RPJMD cited on %(where)s is in force %(start)s–%(end)s and does not cover the "
                        "decree's year %(year)s (Renstra %(first)s–%(last)s)."
                    )
                    % {
                        "where": place.label,
                        "start": start,
                        "end": end,
                        "year": year,
                        "first": data.plan.first_year,
                        "last": data.plan.last_year,
                    }
                ),
                [place, data.at_plan()],
                gettext("Cite the regional regulation on the RPJMD in force for the period of this Renstra."),
            )


def topics(text: str) -> dict[str, str]:
    """The subjects a text names by acronym, each with its last words as printed (one a letter of the acronym):
    "Indikator Kinerja Utama (IKU)" → {"IKU": "Indikator Kinerja Utama"}."""
    found = {}
    for match in _ACRONYM.finditer(text):
        words = match.group("phrase").split()
        found[match.group("acronym")] = " ".join(words[-len(match.group("acronym")) :])
    return found


def parts(text: str, *names: str) -> dict[str, str]:
    """A subject without acronyms in its parts: "Indikator Kinerja Utama dan Indikator Kinerja Individu Dinas X
    Tahun 2022" → the two kinds of indicator (the agency's and region's names and the year left out)."""
    words = f" {canonical(text)} "
    for name in names:
        words = words.replace(f" {canonical(name)} ", " ") if name else words
    words = re.sub(r" tahun \d{4} ", " ", words)
    found = [part.strip() for part in words.split(" dan ") if len(part.split()) >= 2]
    return {part: part for part in found}


def _covers(text: str, acronym: str, phrase: str) -> bool:
    return bool(re.search(rf"\b{acronym}\b", text)) or f" {canonical(phrase)} " in f" {canonical(text)} "


@check(family=FAMILY, codes=("judul-tidak-sesuai-menimbang",))
def check_subject_and_considerations(data: PlanData) -> Iterable[Finding]:
    """The subject (TENTANG) and the consideration that decides ("perlu ditetapkan Keputusan … tentang …") name the
    same things."""
    if data.decree is None:
        return
    subject = data.decree.subject
    for clause in data.clauses_of(DecreeClause.Kind.CONSIDERATION):
        match = _DECIDES.search(clause.text)
        if not match:
            continue
        decided = match.group("subject")
        named, deciding = topics(subject), topics(decided)
        if not named and not deciding:  # no acronyms: the parts of each, joined by "dan"
            names = (data.agency.name, data.decree.plan.agency.region.name)
            named, deciding = parts(subject, *names), parts(decided, *names)
        missing = [
            (
                f"{phrase} ({acronym})" if acronym != phrase else quoted(phrase),
                pgettext("decree part", "the decree's title"),
                "Menimbang",
            )
            for acronym, phrase in named.items()
            if not _covers(decided, acronym, phrase)
        ] + [
            (
                f"{phrase} ({acronym})" if acronym != phrase else quoted(phrase),
                f"Menimbang {clause.label}",
                pgettext("decree part", "the title"),
            )
            for acronym, phrase in deciding.items()
            if not _covers(subject, acronym, phrase)
        ]
        for topic, where, other in missing:
            yield Finding(
                FAMILY,
                "judul-tidak-sesuai-menimbang",
                WARNING,
                (
                    gettext(
                        "%(where)s holds %(topic)s, but %(other)s does not: title %(subject)s, Menimbang "
                        "%(label)s %(decided)s."
                    )
                    % {
                        "where": where[0].upper() + where[1:],
                        "topic": topic,
                        "other": other,
                        "subject": quoted(subject),
                        "label": clause.label,
                        "decided": quoted(decided),
                    }
                ),
                [data.at_decree(pgettext("consistency place", "Decree, title"), subject), data.at_clause(clause)],
                gettext(
                    "Make what is decided the same: the title (TENTANG) and the item of Menimbang that says "
                    "this decree must be issued must name the same things."
                ),
            )


@check(
    family=FAMILY,
    codes=("nomor-keputusan-tidak-baku", "huruf-judul-campuran", "tanda-baca-butir", "kurung-tidak-lengkap"),
)
def check_decree_form(data: PlanData) -> Iterable[Finding]:
    """The decree's number without spaces around its slashes; each item of Menimbang and Mengingat closed by ";"
    (the last may end with "."), once; every bracket closed."""
    if data.decree is None:
        return
    if re.search(r"\s/|/\s", data.decree.number):
        tight = re.sub(r"\s*/\s*", "/", data.decree.number)
        yield Finding(
            FAMILY,
            "nomor-keputusan-tidak-baku",
            WARNING,
            (
                gettext(
                    "The decree's number %(number)s has spaces around its slashes, so it prints otherwise "
                    "than the same number without spaces (%(tight)s)."
                )
                % {"number": quoted(data.decree.number), "tight": quoted(tight)}
            ),
            [data.at_decree(pgettext("consistency place", "Decree, number"), data.decree.number)],
            gettext("Write the number without spaces: %(tight)s.") % {"tight": quoted(tight)},
        )
    letters = [letter for letter in data.decree.subject if letter.isalpha()]
    lower = [word for word in data.decree.subject.split() if any(letter.islower() for letter in word)]
    if lower and sum(letter.isupper() for letter in letters) >= 0.8 * len(letters):
        yield Finding(
            FAMILY,
            "huruf-judul-campuran",
            WARNING,
            gettext("The decree's title is written in capitals, except %(words)s: %(subject)s.")
            % {"words": ", ".join(quoted(word) for word in lower), "subject": quoted(data.decree.subject)},
            [data.at_decree(pgettext("consistency place", "Decree, subject"), data.decree.subject)],
            gettext("Write the whole title in capitals."),
        )
    for kind in (DecreeClause.Kind.CONSIDERATION, DecreeClause.Kind.LEGAL_BASIS):
        clauses = data.clauses_of(kind)
        wrong = [
            clause
            for number, clause in enumerate(clauses, 1)
            if re.search(r"[;.,:]\s*[;.,:]\s*$", clause.text)
            or (number < len(clauses) and not clause.text.rstrip().endswith(";"))
        ]
        if wrong:
            name = "Menimbang" if kind == DecreeClause.Kind.CONSIDERATION else "Mengingat"
            endings = ", ".join(f"{name} {clause.label} (“…{clause.text.rstrip()[-3:]}”)" for clause in wrong)
            yield Finding(
                FAMILY,
                "tanda-baca-butir",
                WARNING,
                gettext("Items not ended by one semicolon: %(endings)s.") % {"endings": endings},
                [data.at_clause(clause) for clause in wrong],
                gettext("End every item of Menimbang and Mengingat with one semicolon (“;”)."),
            )
    yield from _chapter_list_endings(data)
    for text, place in decree_texts(data):
        lines = [_LABEL.sub("", line) for line in text.splitlines()]  # "a) …" is a list label, not a bracket
        if sum(line.count("(") for line in lines) == sum(line.count(")") for line in lines):
            continue  # balanced, if over two lines
        for line in lines:
            if line.count("(") != line.count(")"):
                yield Finding(
                    FAMILY,
                    "kurung-tidak-lengkap",
                    WARNING,
                    gettext("Unpaired bracket on %(where)s: %(line)s.")
                    % {"where": place.label, "line": quoted(line, 160)},
                    [place],
                    gettext("Close (or delete) the open bracket."),
                )


def _chapter_list_endings(data: PlanData) -> Iterable[Finding]:
    """A list of a chapter whose items end with ";" and one of them, not the last, with "."."""
    for chapter in data.chapters:
        for paragraph in chapter.body.replace("\r\n", "\n").split("\n\n"):
            items = [line.rstrip() for line in paragraph.splitlines() if _ITEM.match(line)]
            closed = sum(item.endswith(";") for item in items)
            wrong = [item for item in items[:-1] if item.endswith(".")]
            if len(items) >= 3 and wrong and closed * 2 >= len(items):
                yield Finding(
                    FAMILY,
                    "tanda-baca-butir",
                    WARNING,
                    (
                        gettext(
                            "Items of a list of %(chapter)s end with a full stop in the middle of a list whose items "
                            "end with a semicolon: %(items)s."
                        )
                        % {
                            "chapter": chapter.title,
                            "items": ", ".join(quoted(item[:40] + "…" + item[-12:]) for item in wrong),
                        }
                    ),
                    [data.at_chapter(chapter, item) for item in wrong],
                    gettext("End every item of the list with a semicolon; a full stop only after the last item."),
                )
