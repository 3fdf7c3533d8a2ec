"""A central-government agency (a ministry's inspectorate with an Inspektorat Wilayah), made with the factories:
its decree and its head's agreement name the ministry, never a "PEMERINTAH …" or a "kepala daerah"."""

import datetime

import pytest

from kinerja.organisation import government
from kinerja.organisation.models import Region, Unit
from kinerja.organisation.tests.factories import (
    AgencyFactory,
    AssignmentFactory,
    OfficialFactory,
    PositionFactory,
    RegionFactory,
    UnitFactory,
)
from kinerja.reports.agreement import build_agreement
from kinerja.reports.decree import build_decree
from kinerja.reports.output import render
from kinerja.strategy.models import Decree, KeyIndicatorRow
from kinerja.strategy.tests.factories import (
    IndicatorFactory,
    ObjectiveFactory,
    PageIndicatorFactory,
    StrategicPlanFactory,
)

from .readback import docx_text, normalise, pdf_pages, pdf_text

YEAR = 2022


@pytest.fixture
def inspectorate(db):
    """Inspektorat Jenderal of the Kementerian Agama: the Inspector General, and the Inspektur Wilayah I below."""
    ministry = RegionFactory(
        code="kemenag",
        kind=Region.Kind.CENTRAL,
        name="Kementerian Agama Republik Indonesia",
        head_title="Menteri",
        seat="Jakarta",
    )
    minister = OfficialFactory(region=ministry, nip=None, name="H. Yaqut Cholil Qoumas", user=None)
    ministry.head = minister
    ministry.save()
    agency = AgencyFactory(
        region=ministry, code="itjen-kemenag", name="Inspektorat Jenderal", address="Jl. RS Fatmawati No. 33A"
    )
    top = UnitFactory(agency=agency, code="itjen", kind=Unit.Kind.INSPECTORATE, name="Inspektorat Jenderal")
    wilayah = UnitFactory(
        agency=agency,
        code="irwil-1",
        kind=Unit.Kind.REGIONAL_INSPECTORATE,
        name="Inspektorat Wilayah I",
        parent=top,
        order=1,
    )
    irjen = PositionFactory(agency=agency, unit=top, code="irjen", title="Inspektur Jenderal")
    irwil = PositionFactory(
        agency=agency, unit=wilayah, code="irwil-1", title="Inspektur Wilayah I", superior=irjen, order=1
    )
    AssignmentFactory(position=irjen, official__name="Dr. Faisal, S.H., M.H.", start=datetime.date(2021, 6, 1))
    AssignmentFactory(position=irwil, official__name="Dr. Nurul Badruttamam", start=datetime.date(2021, 6, 1))
    plan = StrategicPlanFactory(agency=agency, name="Renstra 2020–2024", first_year=2020, last_year=2024)
    objective = ObjectiveFactory(plan=plan, text="Meningkatnya akuntabilitas kinerja Kementerian Agama")
    key = IndicatorFactory(
        plan=plan, code="IKU.1", name="Nilai SAKIP Kementerian Agama", objective=objective, is_key=True
    )
    KeyIndicatorRow.objects.create(plan=plan, indicator=key, order=1)
    for position in (irjen, irwil):
        page_objective = ObjectiveFactory(plan=plan, performance=True, position=position)
        PageIndicatorFactory(objective=page_objective, indicator=key)
    Decree.objects.create(
        plan=plan,
        year=YEAR,
        number="12 Tahun 2022",
        date=datetime.date(2022, 2, 1),
        place="Jakarta",
        title="KEPUTUSAN INSPEKTUR JENDERAL KEMENTERIAN AGAMA",
        subject="INDIKATOR KINERJA UTAMA DAN INDIKATOR KINERJA INDIVIDU",
        signatory=irjen,
    )
    return agency


def test_each_kind_of_government_has_its_letterhead_and_its_head():
    cases = [
        (Region.Kind.REGENCY, "Kabupaten Halmahera Utara", "Bupati"),
        (Region.Kind.CITY, "Kota Ternate", "Wali Kota"),
        (Region.Kind.PROVINCE, "Provinsi Maluku Utara", "Gubernur"),
        (Region.Kind.CENTRAL, "Mahkamah Agung Republik Indonesia", "Ketua"),
        (Region.Kind.CENTRAL, "Kementerian Agama Republik Indonesia", "Menteri"),
        (Region.Kind.CENTRAL, "Badan Pusat Statistik", ""),
    ]
    printed = [(w.letterhead, w.head, w.role) for w in (government.wording(*case) for case in cases)]
    assert printed == [
        ("PEMERINTAH KABUPATEN HALMAHERA UTARA", "Bupati Halmahera Utara", "kepala daerah"),
        ("PEMERINTAH KOTA TERNATE", "Wali Kota Ternate", "kepala daerah"),
        ("PEMERINTAH PROVINSI MALUKU UTARA", "Gubernur Maluku Utara", "kepala daerah"),
        ("MAHKAMAH AGUNG REPUBLIK INDONESIA", "Ketua Mahkamah Agung Republik Indonesia", "pimpinan"),
        ("KEMENTERIAN AGAMA REPUBLIK INDONESIA", "Menteri Agama Republik Indonesia", "pimpinan"),
        ("BADAN PUSAT STATISTIK", "Kepala Badan Pusat Statistik", "pimpinan"),
    ]


def test_a_new_region_is_a_regency_as_before(db):
    region = RegionFactory()
    assert region.kind == Region.Kind.REGENCY
    assert region.wording.letterhead == f"PEMERINTAH {region.name.upper()}"


def test_the_inspectorates_decree_prints_the_ministry_on_its_letterhead(inspectorate):
    plan = inspectorate.plans.get()
    pdf = render(build_decree(plan, YEAR), "pdf")
    text = normalise(pdf_text(pdf))
    first_page = normalise(pdf_pages(pdf)[0]).removeprefix("KONSEP ")  # a draft: the vertical mark comes first
    assert first_page.startswith("KEMENTERIAN AGAMA REPUBLIK INDONESIA INSPEKTORAT JENDERAL"), first_page[:120]
    assert "PEMERINTAH KEMENTERIAN" not in text
    assert "kepala daerah" not in text.lower()
    assert "INSPEKTUR WILAYAH I" in text  # the Inspektorat Wilayah's page of Lampiran II
    word = normalise(docx_text(render(build_decree(plan, YEAR), "docx")))
    assert word.startswith("KEMENTERIAN AGAMA REPUBLIK INDONESIA INSPEKTORAT JENDERAL"), word[:120]
    assert "PEMERINTAH" not in word


def test_the_inspector_generals_agreement_is_signed_with_the_minister(inspectorate):
    irjen = inspectorate.positions.get(code="irjen")
    document = build_agreement(irjen, YEAR)
    text = normalise(pdf_text(render(document, "pdf")))
    assert "Menteri Agama Republik Indonesia" in text
    assert "MENTERI AGAMA REPUBLIK INDONESIA" in text  # above the minister's signature
    assert "H. Yaqut Cholil Qoumas" in text
    assert "Bupati" not in text and "kepala daerah" not in text.lower()
    assert not any("pihak kedua" in sentence for sentence in document.missing)


def test_without_a_recorded_minister_the_gap_names_the_ministry_not_a_regional_head(inspectorate):
    region = inspectorate.region
    region.head = None
    region.save()
    document = build_agreement(inspectorate.positions.get(code="irjen"), YEAR)
    gap = [sentence for sentence in document.missing if "pihak kedua" in sentence]
    assert gap == [
        "Inspektur Jenderal: Menteri (pimpinan Kementerian Agama Republik Indonesia) sebagai pihak kedua belum dicatat."
    ]


def test_the_organisation_page_names_the_inspektorat_wilayah(inspectorate, client, admin_user):
    client.force_login(admin_user)
    page = client.get(f"/instansi/{inspectorate.code}/organisasi/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Inspektorat Wilayah I" in html
    assert ">Inspektorat Wilayah<" in html  # the unit's kind, in Indonesian
