"""Tugas dan fungsi (consistency/duties_functions.py): on small hand-made lists of functions — another agency's
(a health office), not the seed's sentences — and what it reports on the seed."""

import pytest

from kinerja.organisation.models import AgencyFunction, PositionFunction
from kinerja.performance.consistency import ERROR, WARNING, check_agency
from kinerja.performance.consistency.duties_functions import ends_mid_sentence, same_but_for
from kinerja.performance.tests.test_consistency import Small, found


@pytest.fixture
def small(db) -> Small:
    return Small()


@pytest.mark.parametrize(
    ("text", "end"),
    [
        ("Penyusunan rencana kerja seksi pelayanan kesehatan dan", "dan"),
        ("Pembinaan teknis terhadap", "terhadap"),
        ("Pengawasan mutu obat serta", "serta"),
        ("Penyusunan laporan pelayanan kesehatan dasar,", ","),
        ("Penyusunan laporan hasil pelaksanaan tugas.,", ","),
        ("Pemantauan dan evaluasi pelayanan kesehatan;", ""),
        ("Pemantauan dan evaluasi pelayanan kesehatan", ""),
        ("Pengelolaan data kesehatan; dan", ""),  # the list's own "; dan" before its last item
        ("Pengelolaan data kesehatan;dan", ""),
        ("Pengelolaan data kesehatan, dan", ""),
        ("Pelaksanaan fungsi lain yang diberikan oleh atasan.", ""),
    ],
)
def test_a_function_that_stops_mid_sentence(text, end):
    assert ends_mid_sentence(text) == end


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        # a word added
        (
            "Penyusunan peraturan teknis pengelolaan obat antar puskesmas",
            "Penyusunan peraturan teknis operasional pengelolaan obat antar puskesmas",
            True,
        ),
        # punctuation and a spelling variant
        (
            "Penyiapan rencana kebutuhan pengadaan penyimpanan serta aset lainnya",
            "Penyiapan rencana kebutuhan pengadaan, penyimpanan serta asset lainnya",
            True,
        ),
        # a word run together with the next
        (
            "Mengevaluasi pelaksanaan tugas bawahan di lingkungan dinas",
            "Mengevaluasi pelaksanaan tugas bawahandi lingkungan dinas",
            True,
        ),
        # another word: two functions, however alike the sentences (difflib ratio 0.97)
        (
            "Penyiapan rencana kebutuhan perangkat lunak dalam rangka operasional",
            "Penyiapan rencana kebutuhan perangkat keras dalam rangka operasional",
            False,
        ),
        (
            "Mengarahkan pelaksanaan tugas bawahan di lingkungan dinas",
            "Mengevaluasi pelaksanaan tugas bawahan di lingkungan dinas",
            False,
        ),
        # three words added: another function
        ("Pengelolaan data kesehatan", "Pengelolaan data kesehatan ibu dan anak", False),
    ],
)
def test_nearly_the_same_function(first, second, same):
    assert same_but_for(first, second) is same
    assert same_but_for(second, first) is same


def _functions(small: Small, *texts: str, numbers: str = "") -> None:
    for order, text in enumerate(texts, start=1):
        number = numbers.split()[order - 1] if numbers else ""
        PositionFunction.objects.create(position=small.staff, order=order, number=number, text=text)


HEALTH = (
    "Penyusunan rencana kerja bidang pelayanan kesehatan;",
    "Pembinaan teknis puskesmas;",
    "Pengawasan mutu pelayanan kesehatan; dan",
    "Pelaksanaan fungsi lain yang diberikan oleh atasan.",
)


def test_a_clean_list_of_functions_is_not_reported(small):
    _functions(small, *HEALTH, numbers="1 2 3 4")
    AgencyFunction.objects.create(agency=small.agency, order=1, text="Perumusan kebijakan teknis bidang kesehatan")
    assert not [f for f in small.report().findings if f.check == "tugas-fungsi"]


def test_numbering_that_repeats_or_skips(small):
    _functions(small, *HEALTH, numbers="1 1 2 3")
    [repeated] = found(small.report(), "fungsi-nomor-ganda")
    assert repeated.level == ERROR
    assert "nomor 1 tercetak 2 kali" in repeated.message
    assert [place.text for place in repeated.places[1:]] == list(HEALTH[:2])
    PositionFunction.objects.all().delete()
    _functions(small, *HEALTH, numbers="2 3 5 6")
    skips = found(small.report(), "fungsi-nomor-lompat")
    assert [finding.message.split(": ", 1)[1] for finding in skips] == [
        "setelah nomor 0 tercetak nomor 2; nomor 1 tidak ada.",
        "setelah nomor 3 tercetak nomor 5; nomor 4 tidak ada.",
    ]


def test_the_agencys_own_functions_are_read(small):
    for order, text in enumerate(("Perumusan kebijakan teknis dan", "pelaksanaan kebijakan teknis"), start=1):
        AgencyFunction.objects.create(agency=small.agency, order=order, text=text)
    [cut] = found(small.report(), "fungsi-terpotong")
    assert cut.message.startswith("FUNGSI instansi 1 berhenti di tengah kalimat, pada kata “dan”")
    assert cut.places[1].text == "pelaksanaan kebijakan teknis"


def test_the_same_function_twice_and_one_inside_another(small):
    _functions(
        small,
        "Pelaksanaan koordinasi dengan unit kerja lain terkait fungsinya;",
        "Pembinaan teknis puskesmas kecamatan",
        "Pelaksanaan koordinasi dengan unit kerja lain terkait fungsinya",
        "Pembinaan teknis puskesmas kecamatan dan pengawasan mutu pelayanan kesehatan",
    )
    report = small.report()
    [twice] = found(report, "fungsi-ganda")
    assert "fungsi 1 dan 3 sama" in twice.message and twice.level == ERROR
    inside = found(report, "fungsi-di-dalam-fungsi")
    assert [(f.level, f.places[0].text, f.places[1].text) for f in inside] == [
        (
            WARNING,
            "Pembinaan teknis puskesmas kecamatan",
            "Pembinaan teknis puskesmas kecamatan dan pengawasan mutu pelayanan kesehatan",
        )
    ]


def test_a_piece_of_a_cut_function_is_reported_as_cut_only(small):
    _functions(
        small,
        "Penyusunan peraturan teknis pengawasan terhadap",
        "pelaksanaan pelayanan kesehatan dasar di puskesmas;",
        "Penyiapan instrumen pengawasan terhadap pelaksanaan pelayanan kesehatan dasar di puskesmas;",
    )
    report = small.report()
    assert [f.code for f in report.findings if f.check == "tugas-fungsi"] == ["fungsi-terpotong"]


# -- the seed ----------------------------------------------------------------------------------------------------


def test_the_seeds_duties_and_functions(seed):
    """data/README.md records each of these by hand (kasubag-umum, kabid-opini, kasi-opini, kasi-media,
    kabid-infra, kasubag-umum, kasi-operasional, kasi-pengawasan)."""
    report = check_agency(seed)
    pages = {
        code: sorted({place.url.rstrip("/").rsplit("/", 1)[1] for f in found(report, code) for place in f.places})
        for code in ("fungsi-nomor-ganda", "fungsi-terpotong", "fungsi-ganda", "fungsi-mirip")
    }
    assert pages == {
        "fungsi-nomor-ganda": ["kasubag-umum"],
        "fungsi-terpotong": ["kabid-opini", "kasi-pengawasan"],
        "fungsi-ganda": ["kasi-media", "kasi-opini"],
        "fungsi-mirip": ["kasi-operasional", "kasubag-umum"],
    }
    assert not found(report, "fungsi-nomor-lompat")
    assert (
        len(found(report, "fungsi-berakhir-koma")) == 7
    )  # kabid-opini 3, 4; kasi-opini 8; kasi-media 10–12; kabid-infra 2
    assert len(found(report, "fungsi-di-dalam-fungsi")) == 6  # kabid-opini 2, 3 in 7 and 4, 5 in 8; kabid-infra 2, 4
