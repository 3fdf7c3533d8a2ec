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
            f"“Diktum {label}” disebut di {', '.join(place.label for place in places)}, tetapi keputusan ini tidak "
            f"mempunyai diktum {label.upper()}; diktumnya: {', '.join(clause.label for clause in dictums)}.",
            places,
            f"Sebut diktum dengan labelnya sendiri (mis. “Diktum {dictums[0].label}”).",
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
                problems.append(f"angka {figure} ditulis “{words}” ({spelled})")
            # The plan's own period counts its years (it holds a target for each); another ("RPJPD 2005-2025",
            # twenty years) may be counted either way.
            plans = (start, end) == (data.plan.first_year, data.plan.last_year)
            if figure != end - start + 1 and (plans or figure != end - start):
                problems.append(f"{start}–{end} mencakup {end - start + 1} tahun ({start} sampai dengan {end})")
            if problems:
                yield Finding(
                    FAMILY,
                    "lama-periode-tidak-cocok",
                    WARNING,
                    f"Lama periode tidak cocok di {place.label}: {quoted(match.group(0))} — {'; '.join(problems)}.",
                    [place, data.at_plan()],
                    f"Samakan lama periode dengan tahunnya: {figure} tahun adalah {start}–{start + figure - 1}; "
                    f"bila periodenya memang {start}–{end}, tulis {end - start + 1} tahun.",
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
                f"RPJMD yang disebut di {place.label} berlaku {start}–{end}, tidak mencakup tahun keputusan "
                f"{year} (Renstra {data.plan.first_year}–{data.plan.last_year}).",
                [place, data.at_plan()],
                "Sebut peraturan daerah tentang RPJMD yang berlaku untuk periode Renstra ini.",
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
            (f"{phrase} ({acronym})" if acronym != phrase else quoted(phrase), "judul keputusan", "Menimbang")
            for acronym, phrase in named.items()
            if not _covers(decided, acronym, phrase)
        ] + [
            (f"{phrase} ({acronym})" if acronym != phrase else quoted(phrase), f"Menimbang {clause.label}", "judul")
            for acronym, phrase in deciding.items()
            if not _covers(subject, acronym, phrase)
        ]
        for topic, where, other in missing:
            yield Finding(
                FAMILY,
                "judul-tidak-sesuai-menimbang",
                WARNING,
                f"{where[0].upper() + where[1:]} memuat {topic}, tetapi {other} tidak: judul "
                f"{quoted(subject)}, Menimbang {clause.label} {quoted(decided)}.",
                [data.at_decree("Keputusan, judul", subject), data.at_clause(clause)],
                "Samakan yang ditetapkan: judul (TENTANG) dan butir Menimbang yang menyatakan perlu ditetapkannya "
                "keputusan ini harus menyebut hal yang sama.",
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
            f"Nomor keputusan {quoted(data.decree.number)} memuat spasi di sekitar garis miring, sehingga tercetak "
            f"lain dari nomor yang sama tanpa spasi ({quoted(tight)}).",
            [data.at_decree("Keputusan, nomor", data.decree.number)],
            f"Tulis nomornya tanpa spasi: {quoted(tight)}.",
        )
    letters = [letter for letter in data.decree.subject if letter.isalpha()]
    lower = [word for word in data.decree.subject.split() if any(letter.islower() for letter in word)]
    if lower and sum(letter.isupper() for letter in letters) >= 0.8 * len(letters):
        yield Finding(
            FAMILY,
            "huruf-judul-campuran",
            WARNING,
            f"Judul keputusan ditulis dengan huruf kapital, kecuali {', '.join(quoted(word) for word in lower)}: "
            f"{quoted(data.decree.subject)}.",
            [data.at_decree("Keputusan, tentang", data.decree.subject)],
            "Tulis seluruh judul dengan huruf kapital.",
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
                f"Butir yang tidak diakhiri satu titik koma: {endings}.",
                [data.at_clause(clause) for clause in wrong],
                "Akhiri setiap butir Menimbang dan Mengingat dengan satu titik koma (“;”).",
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
                    f"Tanda kurung tidak berpasangan di {place.label}: {quoted(line, 160)}.",
                    [place],
                    "Tutup (atau hapus) tanda kurung yang terbuka.",
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
                    f"Butir daftar {chapter.title} diakhiri titik di tengah daftar yang butirnya diakhiri titik koma: "
                    f"{', '.join(quoted(item[:40] + '…' + item[-12:]) for item in wrong)}.",
                    [data.at_chapter(chapter, item) for item in wrong],
                    "Akhiri setiap butir daftar dengan titik koma; titik hanya pada butir terakhir.",
                )
