"""The IKU/IKI decree printed from the built-in dataset, read back from the PDF and the Word file."""

import datetime
import re

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from conftest import ensure_builtin_dataset
from kinerja.organisation.models import Assignment, Position
from kinerja.reports.decree import build_decree
from kinerja.reports.output import render
from kinerja.reports.wording import format_date_id, letter_label, printed_official_name, qualified_title
from kinerja.strategy.models import Decree, DecreeClause, Indicator, KeyIndicatorRow, PageIndicator
from kinerja.strategy.selectors import get_current_plan

from .readback import docx_header_text, docx_text, find_in_order, normalise, pdf_page_sizes, pdf_pages, pdf_text

SEED = "halut-diskominfo"
# What the seed decree prints (../shared/seed, page 1-2 and the appendices), typed from the PDF.
SEED_NUMBER = "800/ 7.a /2022"
SEED_DATE = "14 Februari 2022"
SEED_SIGNATORY = "Drs. DEKY TAWARIS, MM"
SEED_RANK = "PEMBINA UTAMA MUDA, IV/c"
SEED_NIP = "196507201991121001"
SEED_POSITIONS = [
    "KEPALA DINAS",
    "SEKRETARIS",
    "KEPALA SUB BAGIAN PERENCANAAN DAN EVALUASI",
    "KEPALA SUB BAGIAN KEUANGAN",
    "KEPALA SUB UMUM DAN KEPEGAWAIAN",
    "KEPALA BIDANG PENGELOLAAN OPINI ASPIRASI PUBLIK DAN LAYANAN HUBUNGAN MEDIA",
    "SEKSI PENGELOLAAN OPINI ASPIRASI DAN INFORMASI PUBLIK",
    "KEPALA SEKSI KOMUNIKASI PUBLIK LINTAS SEKTORAL DAN PEMBERDAYAAN AKSES INFORMASI",
    "KEPALA SEKSI PENGELOLAAN PENGELOLAAN MEDIA KOMUNIKASI DAN PENETAPAN REGULASI E-GOVERNMENT",
    "KEPALA BIDANG LAYANAN INFRASTRUKTUR DASAR DAN DATA CENTER",
    "KEPALA SEKSI PELAYANAN PENGEMBANGAN DATA CENTER DAN INOVASI",
    "KEPALA SEKSI PENGEMBANGAN APLIKASI PEMERINTAHAN DAN PELAYANAN PUBLIK",
    "KEPALA SEKSI MONITORING TRAFIK ELEKTRONIK DAN KEMANAN INFORMASI",
    "KEPALA BIDANG PERSANDIAN",
    "KEPALA SEKSI TATA KELOLA PERSANDIAN",
    "KEPALA SEKSI OPERASIONAL PENGAMANAN PERSANDIAN",
    "KEPALA SEKSI PENGAWASAN DAN EVALUASI PENYELENGGARAAN PERSANDIAN",
]
SEED_IKU_ROWS = [
    "Persentasi layanan publik yang diselenggarakan secara online dan terintegrasi",
    "Rasio ketersediaan infrastruktur penunjang teknologi informasi dan komunikasi (persen)",
    "Persentase Perangkat Daerah yang menerima layanan keamanan informasi",
]


@pytest.fixture(scope="module")
def printed(django_db_setup, django_db_blocker) -> dict[str, str | list[str]]:
    """The decree of the built-in dataset, printed once for the module as PDF and Word and read back."""
    with django_db_blocker.unblock():
        plan = get_current_plan(ensure_builtin_dataset())
        document = build_decree(plan, 2022)
        pdf, docx = render(document, "pdf"), render(document, "docx")
    return {
        "pdf": normalise(pdf_text(pdf)),
        "pages": pdf_pages(pdf),
        "docx": normalise(docx_text(docx)),
        "missing": document.missing,
        "pdf_bytes": pdf,
    }


def expected_pages() -> list[tuple[str, list[str], list[str]]]:
    """For every position with an IKI page, in position order: its spine (heading, duty, functions and the
    indicator names, in the order printed) and the rest of what its page prints (objectives, formulas, sources)."""
    pages = []
    rows = PageIndicator.objects.select_related("indicator", "objective").order_by("objective__order", "order")
    for position in Position.objects.filter(agency__code=SEED).order_by("order").prefetch_related("functions"):
        spine = [position.heading, position.duty, *(function.text for function in position.functions.all())]
        rest = []
        for row in rows.filter(position=position):
            spine.append(row.name)
            rest += [row.objective.text, row.definition, row.data_source]
            if row.indicator.formula == Indicator.Formula.RATIO:
                rest += [row.indicator.numerator, "X 100%", row.indicator.denominator]
        pages.append((position.code, spine, rest))
    return pages


@pytest.mark.parametrize("kind", ["pdf", "docx"])
def test_the_decree_prints_the_seed_number_date_and_signatory(printed, kind):
    text = printed[kind]
    for item in (
        SEED_NUMBER,
        SEED_DATE,
        SEED_SIGNATORY,
        SEED_RANK,
        f"NIP {SEED_NIP}",
        "MEMUTUSKAN:",
        "Ditetapkan di Tobelo",
        "LAMPIRAN I",
        "LAMPIRAN II",
    ):
        assert normalise(item) in text, item
    assert printed["missing"] == []


@pytest.mark.parametrize("kind", ["pdf", "docx"])
def test_every_consideration_legal_basis_and_dictum_is_printed_in_order(printed, kind, seed):
    clauses = DecreeClause.objects.filter(decree__plan__agency=seed, decree__year=2022).order_by("kind", "order")
    by_kind = {kind_: [c.text for c in clauses if c.kind == kind_] for kind_ in DecreeClause.Kind.values}
    assert (len(by_kind["consideration"]), len(by_kind["legal_basis"]), len(by_kind["dictum"])) == (3, 6, 4)
    # the labels are a column of their own: a PDF's text may read them after the clauses beside them
    assert all(label in printed[kind] for label in ("Menimbang", "Mengingat", "Menetapkan", "KESATU", "KEEMPAT"))
    items = [*by_kind["consideration"], *by_kind["legal_basis"], "MEMUTUSKAN", *by_kind["dictum"]]
    missing, _ = find_in_order(printed[kind], items)
    assert missing == []


def check_segments(text: str, segments: list[tuple[str, list[str], list[str]]], start: int) -> list[str]:
    """Each segment (a name, its spine, the rest) in order: the spine items one after another (names of rows),
    the rest anywhere between the segment's start and the next segment's (a PDF's text may read the cells of a
    row in another order than left to right)."""
    problems = []
    bounds = []
    for name, spine, _rest in segments:
        missing, end = find_in_order(text, spine, start)
        problems += [f"{name}: {item}" for item in missing]
        bounds.append(start)
        start = end
    bounds.append(len(text))
    for (name, _spine, rest), begin, end in zip(segments, bounds, [*bounds[2:], len(text)], strict=False):
        part = text[begin:end]
        # the "X 100%" beside a fraction can be read in the middle of a long numerator, even inside a word
        untailed = re.sub(r"\s", "", part.replace("X 100%", ""))
        problems += [
            f"{name}: {item}"
            for item in rest
            if item and normalise(item) not in part and re.sub(r"\s", "", normalise(item)) not in untailed
        ]
    return problems


@pytest.mark.parametrize("kind", ["pdf", "docx"])
def test_appendix_one_prints_the_three_iku_rows_of_the_seed(printed, kind, seed):
    rows = list(KeyIndicatorRow.objects.filter(plan__agency=seed).select_related("indicator").order_by("order"))
    assert [row.name for row in rows] == SEED_IKU_ROWS
    assert "TUJUAN STRATEGIS" in printed[kind] and "PENANGGUNG JAWAB" in printed[kind]
    start = printed[kind].find("INDIKATOR KINERJA UTAMA (IKU)")
    segments = [
        (
            row.name,
            [row.name],
            [
                row.objective_text,
                row.definition,
                row.indicator.numerator,
                "X 100%",
                row.indicator.denominator,
                row.data_source,
                row.responsible,
            ],
        )
        for row in rows
    ]
    assert check_segments(printed[kind], segments, start) == []


@pytest.mark.parametrize("kind", ["pdf", "docx"])
def test_appendix_two_prints_every_position_with_its_duty_functions_and_iki_rows_in_seed_order(printed, kind, db):
    pages = expected_pages()
    assert [spine[0] for _, spine, _ in pages] == SEED_POSITIONS
    text = printed[kind]
    start = text.find(normalise("INDIKATOR KINERJA INDIVIDU (IKI)"))
    assert start > 0
    assert check_segments(text, pages, start) == []


def test_every_position_page_starts_on_its_own_landscape_page_with_the_corner_header(printed):
    starts = [page for page in printed["pages"] if "INDIKATOR KINERJA INDIVIDU (IKI)\n" in page and "JABATAN" in page]
    assert len(starts) == 17
    for page in starts:
        assert "LAMPIRAN II" in page and "NOMOR" in page and SEED_DATE in page
    sizes = pdf_page_sizes(printed["pdf_bytes"])
    # F4 is 215 × 330 mm = 609.4 × 935.4 pt: the decree pages portrait, the appendices landscape.
    assert round(sizes[0][0]) == 609 and round(sizes[0][1]) == 935
    assert round(sizes[-1][0]) == 935 and round(sizes[-1][1]) == 609


def test_building_the_decree_costs_the_same_queries_with_more_positions(seed, django_assert_num_queries):
    plan = get_current_plan(seed)
    with django_assert_num_queries(10):
        build_decree(plan, 2022)
    kasi = Position.objects.get(agency=seed, code="kasi-tata-kelola")
    for number in range(5):
        extra = Position.objects.create(
            agency=seed,
            code=f"extra-{number}",
            unit=kasi.unit,
            title=f"Staf {number}",
            superior=kasi,
            order=100 + number,
        )
        objective = plan.objectives.create(
            code=f"extra.O{number}", text=f"Sasaran {number}", level="performance", position=extra, order=100 + number
        )
        PageIndicator.objects.create(position=extra, objective=objective, indicator=plan.indicators.first())
    with django_assert_num_queries(10):
        document = build_decree(plan, 2022)
    assert len(document.sections) == 2 + 17 + 5


def test_an_incomplete_decree_still_prints_marked_konsep_and_lists_its_gaps(seed):
    plan = get_current_plan(seed)
    decree = Decree.objects.get(plan=plan, year=2022)
    decree.number = ""
    decree.save()
    decree.clauses.filter(kind=DecreeClause.Kind.LEGAL_BASIS).delete()
    Assignment.objects.filter(position=decree.signatory).delete()
    document = build_decree(plan, 2022)
    assert document.is_draft
    assert "Nomor keputusan belum diisi." in document.missing
    assert "Mengingat belum diisi." in document.missing
    assert any("Pejabat penanda tangan" in sentence for sentence in document.missing)
    pdf, docx = render(document, "pdf"), render(document, "docx")
    pages = pdf_pages(pdf)
    assert all("KONSEP" in page for page in pages if page.strip())
    assert "KONSEP" in docx_header_text(docx)
    assert "……" in pdf_text(pdf) and "……" in docx_text(docx)


def test_the_book_has_cover_contents_chapters_then_the_decree(seed):
    document = build_decree(get_current_plan(seed), 2022, book=True)
    text = normalise(pdf_text(render(document, "pdf")))
    missing, _ = find_in_order(
        text, ["DAFTAR ISI", "KATA PENGANTAR", "IKHTISAR EKSEKUTIF", "BAB I", "MEMUTUSKAN", "LAMPIRAN I", "LAMPIRAN II"]
    )
    assert missing == []
    contents = text[text.find("DAFTAR ISI") : text.find("KATA PENGANTAR", text.find("DAFTAR ISI") + 20)]
    assert normalise("Lampiran II — Indikator Kinerja Individu (IKI)") in contents


def test_print_decree_writes_the_file_the_suffix_names(seed, tmp_path, capsys):
    call_command("print_decree", SEED, "--year", "2022", "--output", str(tmp_path / "k.docx"))
    assert normalise(SEED_NUMBER) in normalise(docx_text((tmp_path / "k.docx").read_bytes()))
    with pytest.raises(CommandError, match=r"\.docx / \.pdf"):
        call_command("print_decree", SEED, "--year", "2022", "--output", str(tmp_path / "k.txt"))
    with pytest.raises(CommandError, match="tahun 2019"):
        call_command("print_decree", SEED, "--year", "2019", "--output", str(tmp_path / "k.pdf"))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (datetime.date(2022, 2, 14), "14 Februari 2022"),
        (datetime.date(2023, 12, 1), "1 Desember 2023"),
        (None, "—"),
    ],
)
def test_dates_are_written_the_indonesian_way(value, expected):
    assert format_date_id(value) == expected


@pytest.mark.parametrize(
    ("name", "titles", "expected"),
    [
        ("Drs. Deky Tawaris, MM", True, "Drs. DEKY TAWARIS, MM"),
        ("Drs. Deky Tawaris, MM", False, "DEKY TAWARIS"),
        ("Ir. H. Frans Manery", True, "Ir. H. FRANS MANERY"),
        ("Budi", True, "BUDI"),
    ],
)
def test_signatures_print_the_name_in_capitals_and_titles_as_written(name, titles, expected):
    assert printed_official_name(name, titles) == expected


def test_labels_and_qualified_titles():
    assert [letter_label(i) for i in (0, 2, 25, 26)] == ["a", "c", "z", "aa"]
    assert qualified_title("Kepala Dinas", "Dinas Komunikasi, Informatika dan Persandian") == (
        "KEPALA DINAS KOMUNIKASI, INFORMATIKA DAN PERSANDIAN"
    )
