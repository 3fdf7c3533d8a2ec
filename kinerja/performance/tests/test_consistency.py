"""The consistency check: what it finds in the built-in decree, and each check firing and not firing on a small
agency built here."""

from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from kinerja.organisation.models import Agency, Position, PositionFunction, Region, Unit
from kinerja.organisation.tests.factories import AgencyFactory
from kinerja.performance.consistency import (
    ERROR,
    WARNING,
    Finding,
    Report,
    check_agency,
    load_plan_data,
    run_checks,
)
from kinerja.performance.models import Target
from kinerja.performance.tests.decree_breaks import DECREE_BREAKS, LEGAL_BASES, make_decree
from kinerja.strategy.models import (
    Goal,
    Indicator,
    KeyIndicatorRow,
    Objective,
    PageIndicator,
    StrategicPlan,
)

# plan, positions (with units), objectives, indicators, IKU rows, page rows, targets; then the decree's texts
# (texts.load_texts): the decree, its clauses and chapters, units, agency functions, position functions, goals;
# the SKP family's work results (kinerja/skp/consistency.py)
CHECK_QUERIES = 15


def found(report: Report | list[Finding], code: str) -> list[Finding]:
    findings = report.findings if isinstance(report, Report) else report
    return [finding for finding in findings if finding.code == code]


def subjects(finding: Finding, label: str = "Indikator") -> set[str]:
    """The codes of the indicators (or objectives) a finding names among its places."""
    return {place.text.split(" — ")[0] for place in finding.places if place.label == label}


def indicator_codes(report: Report, code: str) -> set[str]:
    return {subject for finding in found(report, code) for subject in subjects(finding)}


# -- the built-in agency ---------------------------------------------------------------------------------------


@pytest.fixture
def seed_report(seed) -> Report:
    return check_agency(seed)


def test_seed_chapter_two_indicators_missing_from_appendix_one(seed_report):
    """BAB II has five indicators, Lampiran I three rows: IKU.1 (SAKIP) and IKU.4 are not in Lampiran I."""
    findings = found(seed_report, "bab-ii-tidak-di-lampiran-i")
    assert indicator_codes(seed_report, "bab-ii-tidak-di-lampiran-i") == {"IKU.1", "IKU.4"}
    assert all(finding.level == ERROR for finding in findings)
    assert not found(seed_report, "lampiran-i-tidak-di-bab-ii")


def test_seed_strategic_objective_without_iku(seed_report):
    """S1's only indicator, IKU.1, has no Lampiran I row: S1 has no IKU."""
    findings = found(seed_report, "sasaran-strategis-tanpa-iku")
    assert [subjects(finding, "Sasaran strategis") for finding in findings] == [{"S1"}]


def test_seed_iku3_responsible_position_does_not_print_it(seed_report):
    """Lampiran I makes kabid-opini responsible for IKU.3, which only the kadis and kabid-infra pages print."""
    [finding] = found(seed_report, "penanggung-jawab-tidak-memuat")
    assert subjects(finding) == {"IKU.3"}
    assert "Kepala Bidang Pengelolaan Opini" in finding.message
    urls = {place.url for place in finding.places}
    assert "/instansi/halut-diskominfo/iki/kabid-opini/" in urls
    assert "/instansi/halut-diskominfo/iki/kabid-infra/" in urls
    assert not found(seed_report, "iku-tanpa-penanggung-jawab")


def test_seed_appendix_one_objectives_that_chapter_two_does_not_have(seed_report):
    """Lampiran I prints IKU.3 and IKU.5 under objectives that are none of BAB II's; IKU.2's is S2 as printed."""
    assert indicator_codes(seed_report, "lampiran-i-sasaran-tidak-ada") == {"IKU.3", "IKU.5"}
    findings = found(seed_report, "lampiran-i-sasaran-tidak-ada")
    assert not found(seed_report, "lampiran-i-sasaran-lain") and not found(seed_report, "lampiran-i-sasaran-beda-tipis")
    assert any("Meningkatnya tata kelola pemerintahan daerah berbasis elektronik" in f.message for f in findings)
    assert any("Meningkatny Keamanan Sistem Informasi" in f.message for f in findings)


def test_seed_indicator_with_two_names(seed_report):
    """Lampiran I calls IKU.2 "Rasio ketersediaan infrastruktur …"; IKU.1 is worded three ways."""
    two_names = found(seed_report, "dua-nama")
    assert indicator_codes(seed_report, "dua-nama") == {"IKU.1", "IKU.2"}
    [iku2] = [finding for finding in two_names if "IKU.2" in subjects(finding)]
    assert "Rasio ketersediaan infrastruktur penunjang teknologi informasi dan komunikasi" in iku2.message
    assert iku2.level == ERROR
    assert any(place.label == "Lampiran I, baris 2" for place in iku2.places)


def test_seed_names_that_differ_only_slightly(seed_report):
    """ "Persentasi" in Lampiran I (IKU.3), "jaringa" in BAB II (IKU.2), the shortened IKU.5 in Lampiran I."""
    slight = found(seed_report, "nama-beda-tipis")
    assert {"IKU.2", "IKU.3", "IKU.4", "IKU.5"} == indicator_codes(seed_report, "nama-beda-tipis")
    assert all(finding.level == WARNING for finding in slight)
    assert any("Persentasi layanan publik" in finding.message for finding in slight)


def test_seed_same_name_with_different_units(seed_report):
    """ "Jumlah Sumber Daya Komunikasi Publik yang Meningkat Kapasitasnya": Data on kasi-kompub, Dokumen on
    kasi-media."""
    [finding] = found(seed_report, "nama-sama-isi-beda")
    assert subjects(finding) == {"kasi-kompub.O4.I1", "kasi-media.O3.I1"}
    assert "satuan “Data” dan “Dokumen”" in finding.message
    assert finding.level == ERROR


def test_seed_differing_data_sources_and_formula_words(seed_report):
    assert indicator_codes(seed_report, "sumber-data-berbeda") == {"IKU.1", "IKU.2", "IKU.3", "IKU.5"}
    sekretaris = [
        f
        for f in found(seed_report, "sumber-data-berbeda")
        if any(place.label == "Halaman IKI Sekretaris" for place in f.places)
    ]
    assert len(sekretaris) == 1 and "Hasil Evaluasi Inspektorat Kab. Halut" in sekretaris[0].message
    formula = found(seed_report, "rumus-berbeda")
    iku3 = [f for f in formula if "IKU.3" in subjects(f)]
    # IKU.2's "jumlah desa seluruhnya seluruhnya" is "Jumlah Desa", IKU.5's "Perangkat Daerah … di lingkup
    # Pemerintah Kabupaten …" is "OPD": not reported (compare.same_term, issue 20 item 6)
    assert len(iku3) == 1 and formula == iku3
    assert "Jumlah seluruh layanan publik yang harus diselenggarakan" in iku3[0].message
    assert "penyebut" in iku3[0].message


def test_seed_page_indicator_like_the_iku_above_with_another_formula(seed_report):
    """kabid-opini's "Persentase Hasil Penyebarluasan informasi dan komunikasi publik …" reads like IKU.4 of the
    objective it contributes to, but counts information, where IKU.4 counts people."""
    [finding] = found(seed_report, "indikator-mirip-atasan")
    assert subjects(finding) == {"kabid-opini.O1.I1", "IKU.4"}
    assert "pembilang, penyebut" in finding.message


def test_seed_objectives(seed_report):
    """kasi-media's second cell holds two objectives; the head's O2 and O3 are worded otherwise than S2 and S3."""
    [double] = found(seed_report, "sasaran-ganda")
    assert subjects(double, "Sasaran kinerja") == {"kasi-media.O2"}
    assert "Terlaksananya Manajemen Komunikasi Krisis" in double.message
    [typo] = found(seed_report, "sasaran-beda-tipis")
    assert subjects(typo, "Sasaran kinerja") == {"kadis.O3"}
    [head] = found(seed_report, "sasaran-kepala-beda")
    assert subjects(head, "Sasaran kinerja") == {"kadis.O2"}


def test_seed_shared_indicators_and_units(seed_report):
    assert indicator_codes(seed_report, "indikator-jabatan-setingkat") == {"kasi-opini.O3.I1", "kasi-datacenter.O2.I1"}
    wrong_unit = indicator_codes(seed_report, "satuan-tidak-sesuai-nama")
    assert {"kasubag-umum.O1.I1", "kasubag-umum.O1.I11", "kasubag-umum.O1.I12", "kasi-pengawasan.O1.I1"} <= wrong_unit
    assert not any(code.startswith("kasubag-perencanaan") for code in wrong_unit)  # "Jumlah Dokumen …" in Dokumen
    assert "IKU.1" in indicator_codes(seed_report, "nama-seperti-sasaran")
    only_unit = indicator_codes(seed_report, "sumber-data-hanya-satuan")
    assert "kasubag-umum.O1.I11" in only_unit and "kasi-opini.O2.I1" not in only_unit  # "Dokumen Layanan …"


def test_seed_has_no_false_alarms(seed_report):
    """What the seed does right is not reported: the cascade links, a page for every position, a data source for
    every indicator, percentages as ratios in Persen, and RKA/DPA-SKPD as two indicators, not a typo."""
    for code in (
        "sasaran-tanpa-induk",
        "kontribusi-bukan-atasan",
        "kontribusi-melompat",
        "kontribusi-melingkar",
        "indikator-tanpa-tempat",
        "halaman-kosong",
        "sasaran-tanpa-indikator",
        "tanpa-sumber-data",
        "persentase-bukan-rasio",
        "persentase-bukan-persen",
        "jumlah-dalam-persen",
        "rasio-tidak-lengkap",
        "nama-mirip",
        "nama-sama-tercatat-ganda",
        "iku-tidak-di-lampiran-i",
        "lampiran-i-bukan-iku",
        "penanggung-jawab-tercetak-beda",
        "sasaran-strategis-tanpa-turunan",
    ):
        assert not found(seed_report, code), code
    assert seed_report.has_errors
    # data/README.md, "Pemeriksaan konsistensi", lists these findings one by one
    assert (len(seed_report.errors), len(seed_report.warnings)) == (19, 173)


def test_the_example_figures_add_no_finding(seed, seed_report, example_figures):
    """The example data's quarterly targets make their years (the rule of the target pages), so loading them
    changes nothing in the report (`seed_report` is read before `example_figures` inserts the rows the services
    write: tests/test_example_fixture.py)."""
    assert Target.objects.filter(indicator__plan__agency=seed, kind="quarter").exists()
    assert check_agency(seed).codes() == seed_report.codes()


def test_the_command_on_the_seed(seed):
    out = StringIO()
    with pytest.raises(SystemExit) as exit_:
        call_command("check_consistency", "halut-diskominfo", stdout=out)
    assert exit_.value.code == 1
    text = out.getvalue()
    assert "== BAB II dan Lampiran I" in text
    assert "[KESALAHAN] bab-ii-tidak-di-lampiran-i: Indikator IKU.4" in text
    assert "[PERINGATAN] sasaran-ganda" in text
    assert "Perbaikan: " in text
    assert "</instansi/halut-diskominfo/iki/kabid-opini/>" in text


def test_the_command_refuses_an_unknown_agency(db):
    with pytest.raises(CommandError) as error:
        call_command("check_consistency", "tidak-ada", stdout=StringIO())
    assert error.value.returncode == 2


# -- a small agency built here ---------------------------------------------------------------------------------


class Small:
    """A small agency whose plan is consistent: a head with one strategic objective and its IKU, and one division
    head below with a count. Each test breaks one thing."""

    def __init__(self, code: str = "uji-dinas", sections: int = 1) -> None:
        region, _ = Region.objects.get_or_create(code="uji", defaults={"name": "Kabupaten Uji"})
        self.agency = Agency.objects.create(region=region, code=code, name="Dinas Uji")
        self.unit = Unit.objects.create(agency=self.agency, code="dinas", kind=Unit.Kind.AGENCY, name="Dinas Uji")
        self.head = self.position("kadis", "Kepala Dinas Uji")
        self.plan = StrategicPlan.objects.create(
            agency=self.agency, name="Renstra Uji", first_year=2021, last_year=2026
        )
        goal = Goal.objects.create(plan=self.plan, code="T1", text="Meningkatnya pelayanan publik")
        self.s1 = Objective.objects.create(
            plan=self.plan, code="S1", level="strategic", goal=goal, text="Meningkatnya kualitas layanan perizinan"
        )
        self.iku = Indicator.objects.create(
            plan=self.plan,
            code="IKU.1",
            name="Persentase izin yang terbit tepat waktu",
            objective=self.s1,
            is_key=True,
            formula="ratio",
            numerator="Jumlah izin yang terbit tepat waktu",
            denominator="Jumlah izin yang terbit",
            factor=Decimal(100),
            unit="Persen",
            data_source="Laporan layanan perizinan",
            responsible_position=self.head,
            quarter_rule="last",
        )
        self.key_row = KeyIndicatorRow.objects.create(plan=self.plan, indicator=self.iku, order=1)
        self.head_objective = self.objective("kadis.O1", self.head, self.s1.text, self.s1)
        self.head_row = PageIndicator.objects.create(
            position=self.head, objective=self.head_objective, indicator=self.iku, order=1
        )
        self.sections = []
        for number in range(1, sections + 1):
            position = self.position(f"kabid-{number}", f"Kepala Bidang Layanan {number}", superior=self.head)
            objective = self.objective(
                f"kabid-{number}.O1", position, f"Terlaksananya layanan bidang {number}", self.head_objective
            )
            indicator = self.count(f"kabid-{number}.O1.I1", f"Jumlah Dokumen Layanan Bidang {number}")
            PageIndicator.objects.create(position=position, objective=objective, indicator=indicator, order=1)
            self.sections.append((position, objective, indicator))
        self.staff, self.staff_objective, self.iki = self.sections[0]

    def position(self, code: str, title: str, superior: Position | None = None) -> Position:
        return Position.objects.create(
            agency=self.agency,
            code=code,
            unit=self.unit,
            title=title,
            superior=superior,
            order=Position.objects.filter(agency=self.agency).count(),
        )

    def objective(self, code: str, position: Position, text: str, above: Objective | None) -> Objective:
        return Objective.objects.create(
            plan=self.plan, code=code, level="performance", position=position, text=text, contributes_to=above
        )

    def count(self, code: str, name: str, **fields) -> Indicator:
        values = {"formula": "count", "unit": "Dokumen", "data_source": "Arsip bidang", "quarter_rule": "sum"}
        values.update(fields)
        return Indicator.objects.create(plan=self.plan, code=code, name=name, definition=name, **values)

    def report(self, year: int | None = None) -> Report:
        return check_agency(self.agency, year=year)


@pytest.fixture
def small(db) -> Small:
    return Small()


def test_a_consistent_agency_has_no_finding(small):
    _update(small.key_row, printed_responsible="Kadis Uji")  # "Kadis" reads "Kepala Dinas"
    report = small.report()
    assert report.findings == []
    assert not report.has_errors


def _peer(small: Small) -> tuple[Position, Objective]:
    position = small.position("kabid-lain", "Kepala Bidang Lain", superior=small.head)
    objective = small.objective("kabid-lain.O1", position, "Terlaksananya urusan lain", small.head_objective)
    PageIndicator.objects.create(
        position=position,
        objective=objective,
        indicator=small.count("kabid-lain.O1.I1", "Jumlah Dokumen Urusan Lain"),
        order=1,
    )
    return position, objective


def _update(instance, **fields) -> None:
    type(instance).objects.filter(pk=instance.pk).update(**fields)


def _strategic(
    small: Small, code: str = "S2", text: str = "Meningkatnya keamanan informasi daerah", key: bool = True
) -> Objective:
    objective = Objective.objects.create(plan=small.plan, code=code, level="strategic", text=text, order=2)
    indicator = Indicator.objects.create(
        plan=small.plan,
        code=f"IKU.{code}",
        name=f"Indeks keamanan {code}",
        objective=objective,
        is_key=key,
        formula="value",
        unit="Indeks",
        data_source="Laporan",
        responsible_position=small.head,
        quarter_rule="last",
    )
    PageIndicator.objects.create(position=small.head, objective=small.head_objective, indicator=indicator, order=5)
    if key:
        KeyIndicatorRow.objects.create(plan=small.plan, indicator=indicator, order=2)
    return objective


BREAKS = {
    # code: (what to break, the level expected)
    "sasaran-tanpa-induk": (lambda s: _update(s.staff_objective, contributes_to=None), ERROR),
    "kontribusi-melompat": (lambda s: _update(s.staff_objective, contributes_to=s.s1), WARNING),
    "kontribusi-bukan-atasan": (lambda s: _update(s.staff_objective, contributes_to=_peer(s)[1]), WARNING),
    "kontribusi-melingkar": (lambda s: _update(s.head_objective, contributes_to=s.staff_objective), ERROR),
    "sasaran-strategis-tanpa-turunan": (lambda s: _update(s.head_objective, contributes_to=None), ERROR),
    "indikator-tanpa-tempat": (lambda s: s.count("lepas", "Jumlah Dokumen Lepas"), WARNING),
    "sasaran-strategis-tanpa-iku": (lambda s: _strategic(s, key=False), ERROR),
    "indikator-strategis-tanpa-halaman": (lambda s: PageIndicator.objects.filter(pk=s.head_row.pk).delete(), ERROR),
    "iku-tanpa-penanggung-jawab": (lambda s: _update(s.iku, responsible_position=None), ERROR),
    "penanggung-jawab-tidak-memuat": (lambda s: _update(s.iku, responsible_position=s.staff), ERROR),
    "penanggung-jawab-tercetak-beda": (lambda s: _update(s.key_row, printed_responsible="Kasi Pengaduan"), WARNING),
    "bab-ii-tidak-di-lampiran-i": (lambda s: KeyIndicatorRow.objects.all().filter(pk=s.key_row.pk).delete(), ERROR),
    "iku-tidak-di-lampiran-i": (lambda s: _update(s.iki, is_key=True, responsible_position=s.staff), ERROR),
    "lampiran-i-tidak-di-bab-ii": (
        lambda s: (
            _update(s.iki, is_key=True, responsible_position=s.staff),
            KeyIndicatorRow.objects.create(plan=s.plan, indicator=s.iki, order=3),
        ),
        ERROR,
    ),
    "lampiran-i-bukan-iku": (lambda s: _update(s.iku, is_key=False), ERROR),
    "lampiran-i-sasaran-beda-tipis": (
        lambda s: _update(s.key_row, printed_objective="Meningkatnya kualitas layananan perizinan"),
        WARNING,
    ),
    "lampiran-i-sasaran-lain": (
        lambda s: (_strategic(s), _update(s.key_row, printed_objective="Meningkatnya keamanan informasi daerah.")),
        ERROR,
    ),
    "lampiran-i-sasaran-tidak-ada": (
        lambda s: _update(s.key_row, printed_objective="Terwujudnya tata kelola pemerintahan yang bersih"),
        ERROR,
    ),
    "dua-nama": (lambda s: _update(s.head_row, printed_name="Rasio ketepatan waktu pelayanan"), ERROR),
    "nama-beda-tipis": (lambda s: _update(s.key_row, printed_name="Persentasi izin yang terbit tepat waktu"), WARNING),
    "sumber-data-berbeda": (lambda s: _update(s.key_row, printed_data_source="Dinas Uji"), WARNING),
    "penjelasan-berbeda": (
        lambda s: _update(PageIndicator.objects.get(indicator=s.iki), printed_definition="Dokumen yang dibuat"),
        WARNING,
    ),
    "rumus-berbeda": (
        lambda s: _update(
            s.key_row,
            printed_definition=(
                "Persentase izin tepat waktu merupakan perbandingan antara jumlah izin yang terbit tepat waktu "
                "terhadap "
                "jumlah seluruh permohonan yang masuk, yang dihitung dengan formula:"
            ),
        ),
        WARNING,
    ),
    "nama-sama-isi-beda": (lambda s: _on_staff_page(s, s.iki.name, unit="Laporan"), ERROR),
    "nama-sama-tercatat-ganda": (lambda s: _on_staff_page(s, s.iki.name), WARNING),
    "nama-mirip": (lambda s: _on_staff_page(s, "Jumlah Dokumen Layanaan Bidang 1"), WARNING),
    "indikator-mirip-atasan": (
        lambda s: _on_staff_page(
            s,
            "Persentase izin yang terbit tepat waktu di bidang",
            formula="ratio",
            unit="Persen",
            factor=Decimal(100),
            numerator="Jumlah izin bidang yang terbit tepat waktu",
            denominator="Jumlah izin bidang",
            quarter_rule="last",
        ),
        WARNING,
    ),
    "persentase-bukan-rasio": (lambda s: _update(s.iki, name="Persentase dokumen layanan", unit="Persen"), ERROR),
    "persentase-bukan-persen": (lambda s: _update(s.iku, unit="Dokumen"), ERROR),
    "jumlah-dalam-persen": (lambda s: _update(s.iki, unit="Persen"), ERROR),
    "persen-tanpa-faktor-100": (lambda s: _update(s.iku, factor=Decimal(1000)), ERROR),
    "satuan-tidak-sesuai-nama": (lambda s: _update(s.iki, name="Jumlah Paket Layanan Bidang"), WARNING),
    "nama-seperti-sasaran": (lambda s: _update(s.iki, name="Meningkatnya dokumen layanan"), WARNING),
    "tanpa-sumber-data": (lambda s: _update(s.iki, data_source=""), ERROR),
    "sumber-data-hanya-satuan": (lambda s: _update(s.iki, data_source="Dokumen"), WARNING),
    "halaman-kosong": (lambda s: s.position("kasi", "Kepala Seksi Kosong", superior=s.staff), ERROR),
    "sasaran-tanpa-indikator": (
        lambda s: s.objective("kabid-1.O2", s.staff, "Tersedianya sarana", s.head_objective),
        ERROR,
    ),
    "sasaran-ganda": (lambda s: _update(s.staff_objective, text="Terlaksananya layanan\nTersedianya sarana"), WARNING),
    "sasaran-beda-tipis": (
        lambda s: _update(s.head_objective, text="Meningkatnya kualitas layanan perizinann"),
        WARNING,
    ),
    "sasaran-kepala-beda": (lambda s: _update(s.head_objective, text="Terwujudnya layanan perizinan daring"), WARNING),
    "indikator-jabatan-setingkat": (
        lambda s: PageIndicator.objects.create(
            position=_peer(s)[0], objective=Objective.objects.get(code="kabid-lain.O1"), indicator=s.iki, order=2
        ),
        WARNING,
    ),
    "target-triwulan-tidak-cocok": (lambda s: _targets(s.iki, 2022, Decimal(10), [1, 2, 3, 3]), ERROR),
    # tugas-fungsi: the division head's FUNGSI (duties_functions.py; more cases in test_consistency_duties.py)
    "fungsi-nomor-ganda": (
        lambda s: _functions(s, "Penyusunan rencana", "Pelaksanaan layanan", "Pelaporan", numbers="112"),
        ERROR,
    ),
    "fungsi-nomor-lompat": (
        lambda s: _functions(s, "Penyusunan rencana", "Pelaksanaan layanan", "Pelaporan", numbers="124"),
        ERROR,
    ),
    "fungsi-terpotong": (
        lambda s: _functions(s, "Penyusunan rencana kerja bidang dan", "pelaporan hasil kerja bidang"),
        ERROR,
    ),
    "fungsi-berakhir-koma": (
        lambda s: _functions(s, "Penyusunan rencana kerja bidang,", "Pelaporan hasil kerja bidang"),
        WARNING,
    ),
    "fungsi-ganda": (
        lambda s: _functions(s, "Pelaporan hasil kerja bidang;", "Penyusunan rencana", "Pelaporan hasil kerja bidang."),
        ERROR,
    ),
    "fungsi-mirip": (
        lambda s: _functions(
            s, "Penyusunan rencana kerja bidang layanan", "Penyusunan rencana kerja tahunan bidang layanan"
        ),
        WARNING,
    ),
    "fungsi-di-dalam-fungsi": (
        lambda s: _functions(s, "Koordinasi dengan unit kerja lain", "Koordinasi dengan unit kerja lain dan pelaporan"),
        WARNING,
    ),
    # ejaan (spelling.py; more cases in test_consistency_spelling.py)
    "ejaan-kata": (lambda s: _update(s.staff, duty="Melaksanakan pengelolaan layananan perizinan"), WARNING),
    "spasi-tanda-baca": (lambda s: _update(s.staff, duty="Melaksanakan pengelolaan,perizinan"), WARNING),
    "kata-berulang": (
        lambda s: _update(s.staff, duty="Melaksanakan pengelolaan pengelolaan layanan perizinan"),
        WARNING,
    ),
}
BREAKS |= DECREE_BREAKS  # the checks of the decree's texts (decree_breaks.py)


def _functions(small: Small, *texts: str, numbers: str = "") -> None:
    """The division head's FUNGSI, numbered as printed (`numbers`, one digit each) or in order."""
    for order, text in enumerate(texts, start=1):
        number = numbers[order - 1] if numbers else ""
        PositionFunction.objects.create(position=small.staff, order=order, number=number, text=text)


def _on_staff_page(small: Small, name: str, **fields) -> Indicator:
    indicator = small.count("kabid-1.O1.I2", name, **fields)
    PageIndicator.objects.create(position=small.staff, objective=small.staff_objective, indicator=indicator, order=2)
    return indicator


def _targets(indicator: Indicator, year: int, year_target: Decimal, quarters: list[int]) -> None:
    Target.objects.create(indicator=indicator, kind="year", year=year, value=year_target)
    for quarter, value in enumerate(quarters, start=1):
        Target.objects.create(indicator=indicator, kind="quarter", year=year, quarter=quarter, value=Decimal(value))


@pytest.mark.parametrize("code", BREAKS)
def test_each_check_fires_on_what_it_checks(small, code):
    assert not found(small.report(), code)  # not before
    breaking, level = BREAKS[code]
    breaking(small)
    findings = found(small.report(), code)
    assert findings, f"{code} did not fire"
    assert {finding.level for finding in findings} == {level}
    for finding in findings:
        assert finding.message and finding.fix and finding.places
        assert all(place.url.startswith("/instansi/uji-dinas/") for place in finding.places if place.url)


def test_checks_that_the_database_cannot_hold_run_on_the_data_in_memory(small):
    """A ratio without numerator or denominator is refused by the database; the check still knows it."""
    data = load_plan_data(small.agency, small.plan)
    iku = next(indicator for indicator in data.indicators if indicator.code == "IKU.1")
    iku.numerator = ""
    iku.factor = None
    [finding] = found(run_checks(data), "rasio-tidak-lengkap")
    assert "pembilang dan faktor" in finding.message
    assert finding.level == ERROR


def test_two_indicators_that_differ_by_a_word_are_not_a_typo(small):
    _on_staff_page(small, "Jumlah Dokumen Layanan Bidang 2")  # a digit: another indicator
    _on_staff_page_2 = small.count("rka", "Jumlah Dokumen RKA-SKPD dan Laporan Hasil Koordinasi")
    dpa = small.count("dpa", "Jumlah Dokumen DPA-SKPD dan Laporan Hasil Koordinasi")
    for order, indicator in enumerate((_on_staff_page_2, dpa), start=3):
        PageIndicator.objects.create(
            position=small.staff, objective=small.staff_objective, indicator=indicator, order=order
        )
    assert not found(small.report(), "nama-mirip")


def test_quarterly_targets_use_the_target_pages_rule(small):
    _targets(small.iki, 2022, Decimal(10), [1, 2, 3, 4])  # sum: 10
    _targets(small.iku, 2022, Decimal(80), [20, 40, 60, 75])  # last: 75, not 80
    _targets(small.iki, 2023, Decimal(12), [3, 3, 3, 2])  # 11
    report = small.report()
    assert {(f.message.split(",")[0], tuple(subjects(f))) for f in found(report, "target-triwulan-tidak-cocok")} == {
        ("Tahun 2022", ("IKU.1",)),
        ("Tahun 2023", ("kabid-1.O1.I1",)),
    }
    # the target pages' own sentence (services.quarter_target_warnings)
    assert (
        "Target triwulan IV (75) tidak sama dengan target tahunan (80)"
        in found(report, "target-triwulan-tidak-cocok")[0].message
    )
    only_2022 = small.report(year=2022)
    assert len(found(only_2022, "target-triwulan-tidak-cocok")) == 1


def test_an_agency_without_a_plan(db):
    agency = AgencyFactory(code="tanpa-renstra", name="Dinas Tanpa Renstra")
    report = check_agency(agency)
    assert report.codes() == ["tanpa-renstra"] and report.has_errors


def test_the_command_exit_status(small):
    out = StringIO()
    call_command("check_consistency", "uji-dinas", stdout=out)  # nothing found: no SystemExit
    assert "Tidak ada yang perlu diperbaiki." in out.getvalue()
    _update(small.iki, data_source="Dokumen")  # a warning only
    out = StringIO()
    call_command("check_consistency", "uji-dinas", stdout=out)
    assert "0 kesalahan, 1 peringatan" in out.getvalue()
    _update(small.iki, data_source="")
    with pytest.raises(SystemExit) as exit_:
        call_command("check_consistency", "uji-dinas", "--year", "2022", stdout=StringIO())
    assert exit_.value.code == 1


def test_the_check_costs_a_fixed_number_of_queries(seed, db, django_assert_max_num_queries):
    """The seed, and an agency with more positions, pages, indicators and targets than the seed."""
    with django_assert_max_num_queries(CHECK_QUERIES):
        seed_report = check_agency(seed)
    bigger = Small("uji-besar", sections=90)
    for _position, _objective, indicator in bigger.sections[:40]:
        _targets(indicator, 2022, Decimal(10), [1, 2, 3, 3])
    make_decree(bigger, legal_bases=[*LEGAL_BASES] * 20)  # its clauses and chapters read at once too
    assert PageIndicator.objects.filter(objective__plan=bigger.plan).count() > 71
    with django_assert_max_num_queries(CHECK_QUERIES):
        report = bigger.report()
        groups = report.groups
    assert len(found(report, "target-triwulan-tidak-cocok")) == 40
    assert groups and seed_report.findings


# -- the page --------------------------------------------------------------------------------------------------

PER_PAGE_QUERIES = 3 + CHECK_QUERIES  # session, user, the agency (access), then the check


def test_the_page_lists_the_findings_grouped_with_links_and_fixes(logged_in, seed):
    from django.urls import reverse

    response = logged_in.get(reverse("consistency-check", args=[seed.code]))
    assert response.status_code == 200
    html = response.content.decode()
    report = check_agency(seed)
    assert f'<span class="stat level-error"><b>{len(report.errors)}</b>' in html
    assert f'<span class="stat level-warning"><b>{len(report.warnings)}</b>' in html
    assert 'id="cek-lampiran-i"' in html and "BAB II dan Lampiran I" in html
    assert 'data-code="bab-ii-tidak-di-lampiran-i"' in html
    assert 'href="/instansi/halut-diskominfo/iki/kabid-opini/"' in html
    assert 'href="/instansi/halut-diskominfo/indikator/IKU.4/"' in html
    assert html.count('class="finding-fix"') == len(report.findings)
    assert "Rasio ketersediaan infrastruktur penunjang teknologi informasi dan komunikasi" in html


def test_the_plan_page_links_to_the_check(logged_in, seed):
    from django.urls import reverse

    html = logged_in.get(reverse("plan-detail", args=[seed.code])).content.decode()
    assert f'href="{reverse("consistency-check", args=[seed.code])}"' in html


def test_the_page_of_a_clean_agency_and_the_year_picker(client, small):
    from django.contrib.auth import get_user_model
    from django.urls import reverse

    admin = get_user_model().objects.create_superuser("admin-uji", password="x-uji-12345")
    client.force_login(admin)
    url = reverse("consistency-check", args=["uji-dinas"])
    html = client.get(url).content.decode()
    assert 'id="consistency-clean"' in html
    _targets(small.iki, 2022, Decimal(10), [1, 2, 3, 3])
    html = client.get(url + "?tahun=2023").content.decode()
    assert 'id="consistency-clean"' in html  # 2023 has no targets
    html = client.get(url + "?tahun=2022").content.decode()
    assert 'data-code="target-triwulan-tidak-cocok"' in html
    assert 'href="/instansi/uji-dinas/target/kabid-1/?tahun=2022"' in html  # the administrator plans
    assert client.get(url + "?tahun=abc").status_code == 200


def test_the_page_costs_a_fixed_number_of_queries(logged_in, seed, django_assert_max_num_queries):
    from django.urls import reverse

    from conftest import PER_REQUEST_QUERIES

    bigger = Small("uji-besar", sections=60)
    for _position, _objective, indicator in bigger.sections[:20]:
        _targets(indicator, 2022, Decimal(10), [1, 2, 3, 3])
    with django_assert_max_num_queries(PER_PAGE_QUERIES + PER_REQUEST_QUERIES):
        assert logged_in.get(reverse("consistency-check", args=[seed.code])).status_code == 200
    logged_in.force_login(get_admin())
    with django_assert_max_num_queries(PER_PAGE_QUERIES + PER_REQUEST_QUERIES):
        response = logged_in.get(reverse("consistency-check", args=["uji-besar"]))
    assert response.content.decode().count('data-code="target-triwulan-tidak-cocok"') == 20


def get_admin():
    from django.contrib.auth import get_user_model

    return get_user_model().objects.create_superuser("admin-besar", password="x-uji-12345")


def test_a_row_pointing_outside_the_agency_is_left_out(small, seed):
    """The models' clean() refuses it, the database does not: the check leaves it out rather than crash."""
    stranger = seed.positions.get(code="kasi-tata-kelola")
    PageIndicator.objects.create(position=stranger, objective=small.staff_objective, indicator=small.iki, order=9)
    assert small.report().findings == []
