"""What the importer and the consistency check tell a person, in the language the person chose (issue 19, item 5):
English msgids, and the Indonesian of the catalogue — the very text the Indonesian interface read before."""

from decimal import Decimal

import pytest
from django.utils import translation

from kinerja.core.numbers import TOO_LARGE, to_decimal
from kinerja.exchange import dataset_io
from kinerja.exchange.importer import preview
from kinerja.exchange.loading.report import DatasetError
from kinerja.exchange.tests.test_workbook import second_agency_workbook
from kinerja.performance.consistency import FAMILIES, check_agency
from kinerja.performance.templatetags.measurement import category_name
from kinerja.strategy.models import Indicator


def in_both(call):
    """What `call` answers in English and in Bahasa Indonesia."""
    with translation.override("en"):
        english = call()
    with translation.override("id"):
        indonesian = call()
    return english, indonesian


def test_an_import_problem_names_its_place_and_reason_in_the_readers_language(seed):
    content = second_agency_workbook(mistakes=True)
    english, indonesian = in_both(
        lambda: [str(problem) for problem in preview(actor=None, name="salah.xlsx", content=content).problems]
    )
    assert english == [
        "salah.xlsx, sheet 'Pejabat', row 2, column 'NIP': NIP '197001011995033001': digit 15 (sex) must be 1 or 2.",
        "salah.xlsx, sheet 'Target', row 4, column 'Target': 'dua' is not a number. Write numbers like 85,5 or "
        "1.234,5 (a dot separates thousands, a comma the decimals).",
        "salah.xlsx, sheet 'Unit Kerja', row 4, column 'Kode Unit': code 'bidang-ekonomi' is a duplicate.",
        "salah.xlsx, sheet 'Jabatan', row 3, column 'Atasan': superior position 'kaban-x' is not known.",
        "salah.xlsx, sheet 'Target', row 3, column 'Tahun': The year 2030 is outside the Renstra 2021–2026.",
        "salah.xlsx, sheet 'Realisasi', row 2, column 'Penyebut': Fill in the denominator.",
    ]
    assert indonesian == [
        "salah.xlsx, lembar 'Pejabat', baris 2, kolom 'NIP': NIP '197001011995033001': digit ke-15 (jenis kelamin) "
        "harus 1 atau 2.",
        "salah.xlsx, lembar 'Target', baris 4, kolom 'Target': 'dua' bukan angka. Tulis angka seperti 85,5 atau "
        "1.234,5 (titik memisahkan ribuan, koma memisahkan desimal).",
        "salah.xlsx, lembar 'Unit Kerja', baris 4, kolom 'Kode Unit': kode 'bidang-ekonomi' ganda.",
        "salah.xlsx, lembar 'Jabatan', baris 3, kolom 'Atasan': jabatan atasan 'kaban-x' tidak dikenal.",
        "salah.xlsx, lembar 'Target', baris 3, kolom 'Tahun': Tahun 2030 di luar Renstra 2021–2026.",
        "salah.xlsx, lembar 'Realisasi', baris 2, kolom 'Penyebut': Isi penyebut.",
    ]


def test_a_refused_dataset_says_why_in_the_readers_language():
    def refusal() -> str:
        with pytest.raises(DatasetError) as refused:
            dataset_io.parse_dataset("format: kinerja-agency/1\nwarna: merah\n", source="x.yaml")
        return str(refused.value).splitlines()[:2]

    assert in_both(refusal) == (
        ["x.yaml: file: unknown field: warna.", "x.yaml: file, column 'region': is required."],
        ["x.yaml: berkas: kolom tidak dikenal: warna.", "x.yaml: berkas, kolom 'region': wajib diisi."],
    )


def test_a_consistency_finding_reads_in_the_readers_language(seed):
    indicator = Indicator.objects.get(plan__agency=seed, code="IKU.5")
    Indicator.objects.filter(pk=indicator.pk).update(data_source="")

    def finding():
        report = check_agency(seed)
        (found,) = [f for f in report.findings if f.code == "tanpa-sumber-data"]
        group = next(group for group in report.groups if found in group.findings)
        return found.message, found.fix, str(found.level_name), str(group.title), found.places[0].label

    english, indonesian = in_both(finding)
    name = f"IKU.5 “{indicator.name}”"
    assert english == (
        f"Indicator {name} has no data source: its actuals cannot be verified.",
        "Fill in its data source (the document, system or unit that produces the figure).",
        "Error",
        "Data source",
        "Indicator",
    )
    assert indonesian == (
        f"Indikator {name} tidak mempunyai sumber data: realisasinya tidak dapat diverifikasi.",
        "Isi sumber datanya (dokumen, sistem atau unit yang menghasilkan angka).",
        "Kesalahan",
        "Sumber data",
        "Indikator",
    )
    assert str(FAMILIES["sumber-data"]) == "Sumber data"  # the default language of the interface


def test_the_number_reader_refuses_in_the_readers_language():
    def refused(text: str) -> str:
        with pytest.raises(ValueError) as refusal:
            to_decimal(text)
        return str(refusal.value)

    assert in_both(lambda: refused("1.5")) == (
        "'1.5' is not read: a dot separates thousands (1.234 means one thousand two hundred and thirty-four). For "
        "decimals write a comma, e.g. 1,5.",
        "'1.5' tidak dibaca: titik adalah pemisah ribuan (1.234 berarti seribu dua ratus tiga puluh empat). Untuk "
        "desimal tulis koma, mis. 1,5.",
    )
    assert in_both(lambda: str(TOO_LARGE)) == (
        "Number too large: at most 16 digits before the comma.",
        "Angka terlalu besar: paling banyak 16 angka sebelum koma.",
    )


def test_an_achievement_category_is_named_in_the_readers_language():
    assert in_both(lambda: category_name(Decimal(95))) == ("Very High", "Sangat Tinggi")
    assert in_both(lambda: category_name(Decimal(40))) == ("Very Low", "Sangat Rendah")
    assert in_both(lambda: category_name(None)) == ("—", "—")
