"""The checks of the decree's texts (issue 20, items 1, 2, 3 and 6): the citation parser and the comparison of
wordings on small hand-made texts of other regions, the families on the small agency's decree, and what they
report on the built-in decree (each finding read against the seed text, /work/shared/seed/)."""

import pytest

from kinerja.performance.consistency.citation_parser import parse_citations
from kinerja.performance.consistency.compare import canonical, same_term, similarity
from kinerja.performance.consistency.decree_structure import topics
from kinerja.performance.consistency.names_across import variants
from kinerja.performance.tests.decree_breaks import CHAPTER_1, DECREE_BREAKS, DICTUMS, LEGAL_BASES, make_decree

from .test_consistency import found, small  # noqa: F401 (the fixture)

# -- the parser -------------------------------------------------------------------------------------------------


def test_a_law_with_its_gazettes():
    (law,) = parse_citations(
        "Undang-Undang Nomor 6 Tahun 2014 tentang Desa (Lembaran Negara Republik Indonesia Tahun 2014 Nomor 7, "
        "Tambahan Lembaran Negara Republik Indonesia Nomor 5495);"
    )
    assert (law.kind, law.number, law.year, law.title) == ("Undang-Undang", "6", "2014", "Desa")
    assert [(g.name, g.year, g.number) for g in law.gazettes] == [
        ("Lembaran Negara Republik Indonesia", "2014", "7"),
        ("Tambahan Lembaran Negara Republik Indonesia", "", "5495"),
    ]
    assert not law.problems and not law.empty_numbers


def test_a_citation_inside_another_and_two_in_one_sentence():
    first, inner = parse_citations(
        "Peraturan Daerah Provinsi Jawa Tengah Nomor 2 Tahun 2019 tentang Perubahan Atas Peraturan Daerah Nomor 5 "
        "Tahun 2016 tentang Rencana Pembangunan Jangka Menengah Daerah Tahun 2018-2023;"
    )
    assert (first.kind, first.number, first.year) == ("Peraturan Daerah Provinsi Jawa Tengah", "2", "2019")
    assert (inner.kind, inner.number, inner.year) == ("Peraturan Daerah", "5", "2016")
    assert inner.title == "Rencana Pembangunan Jangka Menengah Daerah Tahun 2018-2023"
    one, two = parse_citations(
        "dibentuk berdasarkan Peraturan Wali Kota Sukabumi Nomor 7 Tahun 2020 tentang Susunan Organisasi dan "
        "Peraturan Wali Kota Sukabumi Nomor 8 Tahun 2020 tentang Tata Kerja Dinas."
    )
    assert (one.number, one.title, two.number, two.title) == ("7", "Susunan Organisasi", "8", "Tata Kerja Dinas")


@pytest.mark.parametrize(
    ("text", "number", "year"),
    [
        (
            "Peraturan Menteri Pendayagunaan Aparatur Negara Nomor PER/09/M.PAN/5/2007 tentang Pedoman",
            "PER/09/M.PAN/5/2007",
            "2007",
        ),
        ("Keputusan Menteri Dalam Negeri Nomor 050-5889 Tahun 2021 tentang Hasil Verifikasi", "050-5889", "2021"),
        ("Peraturan Presiden Nomor 95 Tahun 2018 tentang Sistem Pemerintahan Berbasis Elektronik", "95", "2018"),
        ("Peraturan Gubernur Bali Nomor 12a Tahun 2019 tentang Tata Kelola", "12a", "2019"),
        ("PERATURAN BUPATI SLEMAN NOMOR 4 TAHUN 2021 TENTANG TATA KERJA", "4", "2021"),
    ],
)
def test_standard_citations_have_no_problem(text, number, year):
    (citation,) = parse_citations(text)
    assert (citation.number, citation.year, citation.problems) == (number, year, [])


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("Peraturan Nomor 5 Tahun 2016 tentang RPJMD", "tidak lengkap atau tidak dikenal"),
        ("Peraturan Pemerintahan Nomor 12 Tahun 2019 tentang Pengelolaan Keuangan Daerah", "tidak dikenal"),
        ("Undang - Undang Nomor 6 Tahun 2014 tentang Desa", "bukan “Undang-Undang”"),
        ("Undang–Undang Nomor 6 Tahun 2014 tentang Desa", "bukan “Undang-Undang”"),
        ("Peraturan Menteri Dalam Negeri nomor 86 tahun 2017 tentang Tata Cara", "huruf awal kapital"),
        ("Peraturan Menteri Dalam Negeri Nomor : 86 Tahun 2017 tentang Tata Cara", "titik dua"),
        ("Peraturan Menteri PAN Nomor PER/20M.PAN/11/2008 tentang Petunjuk Teknis", "tidak utuh"),
        ("Peraturan Bupati Sleman Nomor 4 tentang Tata Kerja", "tahun tidak disebut"),
        ("Undang-Undang Nomor 6 Tahun 2014 tantang Desa", "“tantang” untuk “tentang”"),
    ],
)
def test_malformed_citations_say_what_is_wrong(text, problem):
    (citation,) = parse_citations(text)
    assert any(problem in found_problem for found_problem in citation.problems), citation.problems


def test_empty_numbers_and_texts_without_citations():
    (citation,) = parse_citations(
        "Peraturan Bupati Sleman Nomor 12 Tahun 2018 tentang Tata Kerja (Berita Daerah Kabupaten Sleman Tahun 2018 "
        "Nomor)."
    )
    assert citation.empty_numbers == ["Berita Daerah Kabupaten Sleman Tahun 2018 Nomor"]
    assert parse_citations("Peraturan ini berlaku sejak tanggal diundangkan.") == []
    assert parse_citations("Keputusan Kepala Dinas tentang Indikator Kinerja Utama (IKU);") == []


def test_kind_and_title_as_compared():
    regent, short = parse_citations(
        "Peraturan Bupati Kabupaten Sleman Nomor 3 Tahun 2017 tentang Struktur Organisasi (SOTK); "
        "Peraturan Bupati Sleman Nomor 3 Tahun 2017 tentang Struktur Organisasi"
    )
    assert regent.kind_key == short.kind_key == "peraturan bupati sleman"
    assert regent.title_key == short.title_key == "struktur organisasi"


# -- comparing wordings (item 6) ---------------------------------------------------------------------------------


def test_synonyms_and_doubled_words_are_read_out_in_one_place():
    assert canonical("Jumlah OPD") == canonical("Jumlah Perangkat Daerah") == canonical("jumlah SKPD")
    assert canonical("Pemerintah Kab. Sleman") == canonical("Pemerintah Kabupaten Sleman")
    assert canonical("data yang di di olah") == canonical("data yang di olah")
    assert canonical("Dinas-Dinas Kesehatan") != canonical("Dinas Kesehatan")  # a plural, not a doubled word
    assert similarity("Jumlah OPD yang menerima layanan", "Jumlah perangkat daerah yang menerima layanan") == 1


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        ("jumlah sekolah seluruhnya seluruhnya", "Jumlah Sekolah", True),
        ("Jumlah seluruh OPD di lingkup Pemerintah Kota Bogor", "Jumlah Perangkat Daerah", True),
        ("Jumlah OPD yang telah menerima layanan", "Jumlah Perangkat Daerah menerima layanan", True),
        ("Jumlah sekolah yang terakreditasi A", "Jumlah sekolah", False),
        ("Jumlah seluruh layanan yang harus diselenggarakan secara daring", "Jumlah layanan", False),
    ],
)
def test_two_terms_of_a_formula(first, second, same):
    assert same_term(first, second) is same


def test_an_objective_worded_with_a_synonym_is_the_same_objective(small):  # noqa: F811
    """ "OPD" for "Perangkat Daerah", "Kab." for "Kabupaten": neither a slightly different objective on the page nor
    in Lampiran I (item 6)."""
    from kinerja.strategy.models import KeyIndicatorRow, Objective

    Objective.objects.filter(pk=small.s1.pk).update(text="Meningkatnya kualitas layanan perizinan Perangkat Daerah")
    Objective.objects.filter(pk=small.head_objective.pk).update(text="Meningkatnya kualitas layanan perizinan OPD")
    KeyIndicatorRow.objects.filter(pk=small.key_row.pk).update(
        printed_objective="Meningkatnya kualitas layanan perizinan SKPD"
    )
    codes = [f.code for f in small.report().findings]
    assert "sasaran-beda-tipis" not in codes and "lampiran-i-sasaran-beda-tipis" not in codes
    Objective.objects.filter(pk=small.head_objective.pk).update(text="Meningkatnya kualitas layanan perijinan OPD")
    assert "sasaran-beda-tipis" in [f.code for f in small.report().findings]


def test_the_agencys_name_printed_otherwise_shortened_or_plural():
    name = "Dinas Komunikasi, Informatika dan Statistik"
    assert variants("oleh Dinas Komunikasi Informasi dan Statistik Kota Bogor", name, 0.8) == [
        "dinas komunikasi informasi dan statistik"
    ]
    assert variants("DINAS KOMUNKASI INFORMATIKA DAN STATISTIK", name, 0.8) == [
        "dinas komunkasi informatika dan statistik"
    ]
    assert variants("Dinas Kominfo terhadap jumlah OPD", name, 0.8) == []  # a shortening
    assert variants("Dinas Komunikasi, Informatika, dan Statistik", name, 0.8) == []
    assert variants("Dinas-Dinas Komunikasi, Informatika dan Statistik", name, 0.8) != []
    assert variants("Kabupaten Bogor dan Kabupaten Bogr", "Bogor", 0.85) == ["bogr"]
    assert variants("Halmahera Selatan", "Halmahera Utara", 0.85) == []


def test_topics_named_by_acronym():
    assert topics("INDIKATOR KINERJA UTAMA (IKU) dan INDIKATOR KINERJA INDIVIDU (IKI) DINAS X") == {
        "IKU": "INDIKATOR KINERJA UTAMA",
        "IKI": "INDIKATOR KINERJA INDIVIDU",
    }


# -- the families on the small agency's decree --------------------------------------------------------------------


def test_a_consistent_decree_has_no_finding_of_these_families(small):  # noqa: F811
    make_decree(small)
    report = small.report()
    assert [f.code for f in report.findings if f.check in ("sitasi", "struktur-keputusan", "nama-unit")] == []
    assert not report.findings


def test_the_decree_checks_tolerate_what_is_right(small):  # noqa: F811
    """A period of five years written 2021-2025, a dictum named by its label, a regulation of the province's, two
    regulations of one year whose titles share a word, a head written "Kabid", the same regulation cited in two
    lists."""
    chapter = CHAPTER_1.replace("6 (enam) tahun yaitu 2021-2026", "5 (lima) tahun yaitu 2021-2025")
    chapter += "\n\nBidang Layanan 1 dipimpin oleh seorang Kabid."
    legal = [*LEGAL_BASES, "Peraturan Gubernur Jawa Uji Nomor 1 Tahun 2020 tentang Tata Kelola;"]
    legal += [
        f"Peraturan Bupati Uji Nomor {n} Tahun 2020 tentang {title};" for n, title in ((1, "Desa"), (2, "Dana Desa"))
    ]
    make_decree(small, chapter_1=chapter, legal_bases=legal, dictums=[*DICTUMS, ("KEEMPAT", "Diktum KETIGA berlaku.")])
    small.agency.region.province = "Jawa Uji"
    small.agency.region.save()
    from kinerja.organisation.models import Unit

    unit = Unit.objects.create(
        agency=small.agency, code="b1", kind="bidang", name="Bidang Layanan 1", parent=small.unit
    )
    small.staff.unit = unit
    small.staff.title = "KABID LAYANAN 1"
    small.staff.save()
    assert [f.code for f in small.report().findings] == []
    small.staff.title = "Kabid Layanan Satu"  # the abbreviation read out, the unit's name compared
    small.staff.save()
    assert [f.code for f in small.report().findings] == ["nama-jabatan-beda-unit"]


@pytest.mark.parametrize(
    ("subject", "decides", "fires"),
    [
        (
            "INDIKATOR KINERJA UTAMA DAN INDIKATOR KINERJA INDIVIDU DINAS UJI TAHUN 2022",
            "Indikator Kinerja Utama",
            True,
        ),
        ("INDIKATOR KINERJA UTAMA DINAS UJI KABUPATEN UJI TAHUN 2022", "Indikator Kinerja Utama Dinas Uji", False),
        ("INDIKATOR KINERJA UTAMA DINAS UJI", "Indikator Kinerja Utama dan Rencana Kinerja Tahunan", True),
    ],
)
def test_a_subject_without_acronyms_is_compared_by_its_parts(small, subject, decides, fires):  # noqa: F811
    considerations = [f"bahwa perlu ditetapkan Keputusan Kepala Dinas Uji tentang {decides};"]
    make_decree(small, subject=subject, considerations=considerations)
    assert bool(found(small.report(), "judul-tidak-sesuai-menimbang")) is fires


def test_a_provincial_regulation_is_another_regions_only_when_the_province_is_known(small):  # noqa: F811
    make_decree(
        small, legal_bases=[*LEGAL_BASES, "Peraturan Gubernur Jawa Uji Nomor 1 Tahun 2020 tentang Tata Kelola;"]
    )
    assert not found(small.report(), "peraturan-daerah-lain")  # the region's province is not filled in
    small.agency.region.province = "Sulawesi Uji"
    small.agency.region.save()
    (finding,) = found(small.report(), "peraturan-daerah-lain")
    assert "Peraturan Gubernur Jawa Uji Nomor 1 Tahun 2020" in finding.message


def test_list_endings_and_capitals_that_are_right(small):  # noqa: F811
    """A chapter's list without punctuation, or closed by "." only at its end; a subject in capitals throughout."""
    lists = "Sasaran:\n1. Meningkatnya A\n2. Meningkatnya B\n3. Meningkatnya C.\n\nProgram:\na. X;\nb. Y;\nc. Z."
    make_decree(small, chapter_1=CHAPTER_1 + "\n\n" + lists)
    assert not found(small.report(), "tanda-baca-butir") and not found(small.report(), "huruf-judul-campuran")


@pytest.mark.parametrize(
    ("sentence", "fires"),
    [
        ("RPJPD disusun untuk 20 (dua puluh) tahun yaitu 2005-2025.", False),  # another period: either count
        ("RPJMD disusun untuk 5 (lima) tahun yaitu 2021-2025.", False),
        ("Renstra disusun untuk 5 (lima) tahun yaitu 2021-2026.", True),  # the plan's own years: six
        ("RPJPD disusun untuk 20 (dua puluh) tahun yaitu 2005-2020.", True),
    ],
)
def test_a_period_is_counted_as_the_plan_counts_its_years(small, sentence, fires):  # noqa: F811
    make_decree(small, chapter_1=CHAPTER_1 + "\n\n" + sentence)
    assert bool(found(small.report(), "lama-periode-tidak-cocok")) is fires


@pytest.mark.parametrize(
    ("reference", "fires"),
    [
        ("Diktum KETIGA", False),
        ("diktum Kesatu", False),
        ("Diktum ke-2", False),
        ("Diktum ke-5", True),
        ("Diktum KELIMA", True),
    ],
)
def test_a_dictum_named_by_its_label_or_its_place(small, reference, fires):  # noqa: F811
    make_decree(small, dictums=[*DICTUMS, ("KEEMPAT", f"Ketentuan dalam {reference} berlaku.")])
    assert bool(found(small.report(), "diktum-tidak-ada")) is fires


def test_a_bracket_over_two_lines_is_closed(small):  # noqa: F811
    make_decree(small, chapter_1=CHAPTER_1 + "\n\nDaftar (lihat\nlampiran) berikut.")
    assert not found(small.report(), "kurung-tidak-lengkap")


def test_a_dictum_figure_and_words_that_disagree(small):  # noqa: F811
    make_decree(small, chapter_1=CHAPTER_1.replace("6 (enam) tahun", "6 (lima) tahun"))
    (finding,) = found(small.report(), "lama-periode-tidak-cocok")
    assert "angka 6 ditulis “lima” (5)" in finding.message
    assert "2021–2026 mencakup" not in finding.message


@pytest.mark.parametrize("code", DECREE_BREAKS)
def test_each_break_names_both_wordings_or_places(small, code):  # noqa: F811
    breaking, _level = DECREE_BREAKS[code]
    breaking(small)
    (finding,) = found(small.report(), code)
    assert finding.fix and len(finding.message) > 40


# -- the seed --------------------------------------------------------------------------------------------------


@pytest.fixture
def decree_findings(seed):
    from kinerja.performance.consistency import check_agency

    report = check_agency(seed)
    return {code: [f.message for f in found(report, code)] for code in {f.code for f in report.findings}}


def test_seed_citations(decree_findings):
    """Mengingat 4 (Perda 8/2016) and the Ikhtisar and BAB I 1.3 (Perda 15/2016); Menimbang b (PermenPAN 20/2007)
    and BAB I 1.2 g (PER/09M.PAN/5/2007); 1.2 f and h (PermenPAN-RB 29/2010 twice); Mengingat 6 (Perbup 32/2016,
    "Dinas-Dinas", Berita Daerah without number); Perda Kota Mediun in 1.2 i; the irregular kinds and numbers."""
    numbers = decree_findings["peraturan-nomor-berbeda"]
    assert len(numbers) == 2
    assert any("Nomor 8 Tahun 2016" in m and "Nomor 15 Tahun 2016" in m for m in numbers)
    assert any("Nomor 20 Tahun 2007" in m and "PER/09M.PAN/5/2007" in m for m in numbers)
    (twice,) = decree_findings["peraturan-ganda"]
    assert "Nomor 29 Tahun 2010" in twice
    perbup, permenpan = decree_findings["peraturan-ditulis-berbeda"]
    assert "Nomor 32 Tahun 2016" in perbup and "Dinas-Dinas" in perbup
    assert "Nomor 29 Tahun 2010" in permenpan and "Instansi Pemerintahaan”" in permenpan
    (empty,) = decree_findings["nomor-kosong"]
    assert "Berita Daerah Kabupaten Halmahera Utara Tahun 2016 Nomor”" in empty
    (other,) = decree_findings["peraturan-daerah-lain"]
    assert "Kota Mediun Nomor 03 Tahun 2006" in other
    malformed = " ".join(decree_findings["sitasi-tidak-baku"])
    assert len(decree_findings["sitasi-tidak-baku"]) == 7
    for printed in ("Undang - Undang", "Undang–Undang", "Peraturan Nomor 5", "Peraturan Pemerintahan", "tantang"):
        assert printed in malformed, printed
    assert "nomor : 86" not in malformed and "86 Tahun 2017" in malformed and "PER/09M.PAN/5/2007" in malformed


def test_seed_regulations_not_as_in_force(decree_findings):
    """BAB I 1.2 a: UU 12/2021 for UU 12/2011; 1.2 g: PER/09M.PAN/5/2007; Menimbang b: Nomor 20 Tahun 2007 for the
    IKU guideline of 2007 (PER/09/M.PAN/5/2007, whose title is nearly the same)."""
    found_ = " ".join(decree_findings["peraturan-bukan-yang-berlaku"])
    assert len(decree_findings["peraturan-bukan-yang-berlaku"]) == 3
    assert "Nomor 12 Tahun 2021" in found_ and "Nomor 12 Tahun 2011" in found_
    assert "PER/09M.PAN/5/2007" in found_ and "Nomor 20 Tahun 2007" in found_


def test_seed_decree_structure(decree_findings):
    """KEDUA and KETIGA refer to "Diktum Pertama"; BAB III's "5 (lima) tahun yaitu 2021-2026"; the RPJMD
    2016-2021 (Mengingat 5, BAB I 1.2 j); the subject has IKI, Menimbang c decides on IKU only; the number
    "800/ 7.a /2022"; the subject's lower-case "dan"; Menimbang a closed by "." and Mengingat 2 by ");.", BAB I
    1.2 f by "." amid ";"; BAB I 1.1's "(IKI" left open."""
    (dictum,) = decree_findings["diktum-tidak-ada"]
    assert "Diktum Pertama" in dictum and "KESATU, KEDUA, KETIGA, KEEMPAT" in dictum
    (period,) = decree_findings["lama-periode-tidak-cocok"]
    assert "5 (lima) tahun yaitu 2021-2026" in period
    assert len(decree_findings["rpjmd-tidak-mencakup"]) == 2
    (subject,) = decree_findings["judul-tidak-sesuai-menimbang"]
    assert "INDIKATOR KINERJA INDIVIDU (IKI)" in subject
    (number,) = decree_findings["nomor-keputusan-tidak-baku"]
    assert "800/ 7.a /2022" in number and "“800/7.a/2022”" in number
    considerations, legal_bases, chapter = decree_findings["tanda-baca-butir"]
    assert "Menimbang 1 (“…du.”)" in considerations and "Mengingat 2 (“…);.”)" in legal_bases
    assert "“f. Peraturan Menteri" in chapter and "h. " not in chapter
    (capitals,) = decree_findings["huruf-judul-campuran"]
    assert "kecuali “dan”" in capitals
    (bracket,) = decree_findings["kurung-tidak-lengkap"]  # the list labels "a)" are not brackets
    assert "Indikator Kinerja Individu (IKI”" in bracket


def test_seed_names_across_chapters(decree_findings):
    """kasubag-umum's and kasi-opini's headings vs BAB I; BAB I's "Data Center Sipil"; the agency's name as
    "KOMUNKASI", "Informasi" and "Dinas-Dinas"; the region as "Halmahera Utra" and "Halmaera Utara"."""
    headings = " ".join(decree_findings["nama-jabatan-beda-unit"])
    assert len(decree_findings["nama-jabatan-beda-unit"]) == 2
    assert "Kepala Sub Umum dan Kepegawaian" in headings and "Sub Bagian Umum dan Kepegawaiaan" in headings
    assert "Seksi Pengelolaan Opini Aspirasi dan Informasi Publik" in headings and "tanpa “Kepala”" in headings
    (sipil,) = decree_findings["nama-unit-bab-i"]
    assert "Data Center Sipil" in sipil
    names = " ".join(decree_findings["nama-instansi-berbeda"])
    assert len(decree_findings["nama-instansi-berbeda"]) == 3
    for printed in ("DINAS KOMUNKASI INFORMATIKA", "Informasi dan Persandian", "Dinas-Dinas Komunikasi"):
        assert printed in names, printed
    regions = " ".join(decree_findings["nama-daerah-berbeda"])
    assert "Halmahera Utra" in regions and "Halmaera Utara" in regions


def test_seed_false_alarms_stay_silent(decree_findings):
    """What the seed writes right or only shortens is not reported: "Dinas Kominfo (dan Persandian)", "Halmahera
    Selatan" (another regency in UU 1/2003), kasi-datacenter's "inovasi" in lower case, the Perda of Kota Mediun
    is not Halmahera Utara's Perda 15/2016 printed otherwise, and the formula terms of IKU.2 and IKU.5."""
    every = " ".join(message for messages in decree_findings.values() for message in messages)
    assert "Kominfo" not in " ".join(decree_findings["nama-instansi-berbeda"])
    assert "Selatan" not in every
    assert "inovasi" not in " ".join(decree_findings["nama-jabatan-beda-unit"])
    assert not any("Mediun" in m for m in decree_findings["peraturan-nomor-berbeda"])
    assert not any("IKU.2" in m or "IKU.5" in m for m in decree_findings["rumus-berbeda"])
