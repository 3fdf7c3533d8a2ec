"""Issue 18's check in a real browser: a planner of a central-government body — a ministry's inspectorate, its region
of kind "pusat", its units and positions made by the administrator's workbook import — sets the agency up through
Kinerja's own pages only, never /admin/: an official with a login and a post (Pegawai & akun), the plan's goal,
strategic objective and IKU, the IKU table row, the head's IKI page (an objective serving the strategic one, a row),
a yearly target and the decree record. The decree then prints the ministry's letterhead — no "PEMERINTAH …" regency
wording, no "kepala daerah" — with what the planner typed (the PDF read back)."""

import os
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from kinerja.accounts.tests.factories import PASSWORD, RoleGrantFactory
from kinerja.exchange.loading.agency import load_agency_data
from kinerja.organisation.models import Assignment, Region
from kinerja.organisation.tests.factories import nip_for
from kinerja.performance.models import Target
from kinerja.reports.tests.readback import normalise, pdf_pages, pdf_text
from kinerja.strategy.models import Indicator, Objective, PageIndicator

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AGENCY = "itjen-kemenag"
YEAR = 2022
INDICATOR_NAME = "Nilai Reformasi Birokrasi Inspektorat Jenderal"


def ministry_inspectorate() -> dict:
    """What an administrator loads for a new agency: the region (a ministry), the agency, its units and positions,
    and an empty plan — everything else is the planner's, on Kinerja's pages."""
    return {
        "format": "kinerja-agency/1",
        "region": {
            "code": "kemenag",
            "kind": "pusat",
            "name": "Kementerian Agama Republik Indonesia",
            "seat": "Jakarta",
            "head_title": "Menteri",
        },
        "agency": {"code": AGENCY, "name": "Inspektorat Jenderal", "city": "Jakarta"},
        "units": [
            {"code": "itjen", "kind": "inspektorat", "name": "Inspektorat Jenderal", "parent": None},
            {"code": "irwil-1", "kind": "inspektorat_wilayah", "name": "Inspektorat Wilayah I", "parent": "itjen"},
        ],
        "positions": [
            {"code": "irjen", "unit": "itjen", "title": "Inspektur Jenderal", "superior": None},
            {"code": "irwil-1", "unit": "irwil-1", "title": "Inspektur Wilayah I", "superior": "irjen"},
        ],
        "plan": {"name": "Renstra Inspektorat Jenderal 2020–2024", "first_year": 2020, "last_year": 2024},
    }


def submit(page, selector: str) -> None:
    with page.expect_navigation():
        page.click(selector)


def test_a_central_government_planner_sets_up_the_agency_and_prints_its_decree(live_server, page):
    report = load_agency_data(actor=None, data=ministry_inspectorate(), source="itjen-kemenag.yaml")
    agency = report.agency
    assert agency.region.kind == Region.Kind.CENTRAL
    RoleGrantFactory(user__username="perencana-itjen", agency=agency)
    visited: list[str] = []
    page.on("request", lambda request: visited.append(request.url))
    url = f"{live_server.url}/instansi/{AGENCY}"

    page.set_viewport_size({"width": 1366, "height": 768})
    page.goto(f"{live_server.url}/masuk/")
    page.fill("#id_username", "perencana-itjen")
    page.fill("#id_password", PASSWORD)
    submit(page, "main button[type=submit]")

    # Pegawai & akun: the Inspector General, a login for them, their post from 2021
    page.goto(f"{url}/pegawai/")
    expect(page.locator("h1")).to_have_text("Pegawai & akun")
    page.fill("#id_nip", nip_for(7001))
    page.fill("#id_name", "Faisal")
    page.fill("#id_front_title", "Dr.")
    page.fill("#id_back_title", "S.H., M.H.")
    page.select_option("#id_grade", "IV/e")
    submit(page, "#add-official button[type=submit]")
    expect(page.locator("h1")).to_have_text("Dr. Faisal, S.H., M.H.")
    page.fill("#id_username", "irjen")
    submit(page, "#give-password")
    expect(page.locator("#initial-password")).to_be_visible()
    submit(page, "#secret a.btn")
    page.select_option("#id_position", label="Inspektur Jenderal")
    page.fill("#id_start", "2021-01-04")
    submit(page, "#assign")
    expect(page.locator("#person-history")).to_contain_text("Inspektur Jenderal")
    assert Assignment.objects.get(position__code="irjen").official.user.username == "irjen"

    # the plan: a goal, a strategic objective under it, its IKU, the IKU table's row
    page.goto(f"{url}/renstra/tujuan/baru/")
    page.fill("#id_code", "T1")
    page.fill("#id_text", "Terwujudnya tata kelola Kementerian Agama yang bersih dan akuntabel")
    submit(page, "#plan-form-save")
    page.goto(f"{url}/renstra/sasaran/baru/")
    page.fill("#id_code", "SS.1")
    page.fill("#id_text", "Meningkatnya akuntabilitas kinerja Kementerian Agama")
    page.select_option("#id_goal", label="T1 — Terwujudnya tata kelola Kementerian Agama yang bersih dan akuntabel")
    submit(page, "#plan-form-save")
    strategic = Objective.objects.get(plan__agency=agency, code="SS.1")
    page.goto(f"{url}/renstra/indikator/baru/")
    page.fill("#id_code", "IKU.1")
    page.fill("#id_name", INDICATOR_NAME)
    page.select_option("#id_objective", str(strategic.pk))
    page.check("#id_is_key")
    page.select_option("#id_formula", "value")
    page.fill("#id_unit", "Nilai")
    page.fill("#id_data_source", "Laporan evaluasi reformasi birokrasi")
    page.select_option("#id_responsible_position", label="Inspektur Jenderal")
    page.select_option("#id_quarter_rule", "last")
    submit(page, "#plan-form-save")
    indicator = Indicator.objects.get(plan__agency=agency, code="IKU.1")
    assert indicator.is_key and indicator.objective == strategic
    page.goto(f"{url}/renstra/iku/baru/")
    page.select_option("#id_indicator", str(indicator.pk))
    submit(page, "#plan-form-save")

    # the Inspector General's IKI page: an objective serving SS.1, with the IKU as its row
    page.goto(f"{url}/iki/irjen/ubah/")
    expect(page.locator("h1")).to_contain_text("Ubah halaman IKI")
    page.fill("#id_new-objective-code", "irjen.O1")
    page.fill("#id_new-objective-text", "Meningkatnya kualitas pengawasan intern")
    page.select_option("#id_new-objective-contributes_to", str(strategic.pk))
    submit(page, "#add-objective button[type=submit]")
    page_objective = Objective.objects.get(plan__agency=agency, code="irjen.O1")
    page.select_option("#id_new-row-objective", str(page_objective.pk))
    page.select_option("#id_new-row-indicator", str(indicator.pk))
    submit(page, "#add-row button[type=submit]")
    assert PageIndicator.objects.get(position__code="irjen").indicator == indicator

    # the target of 2022, on the target grid
    page.goto(f"{url}/target/")
    page.fill(f"input[name='t-{indicator.pk}-{YEAR}']", "85,5")
    submit(page, "main form button[type=submit]")
    assert Target.objects.get(indicator=indicator, kind="year", year=YEAR).value == Decimal("85.5")

    # the decree record of 2022, signed by the Inspector General
    page.goto(f"{url}/dokumen/catatan-keputusan/?tahun={YEAR}")
    page.fill("#id_number", "12 Tahun 2022")
    page.fill("#id_date", "01/02/2022")
    page.fill("#id_place", "Jakarta")
    page.select_option("#id_signatory", label="Inspektur Jenderal")
    page.fill("#id_title", "KEPUTUSAN INSPEKTUR JENDERAL KEMENTERIAN AGAMA")
    page.fill("#id_subject", "INDIKATOR KINERJA UTAMA DAN INDIKATOR KINERJA INDIVIDU")
    submit(page, "form.decree-record button[type=submit]")
    expect(page.locator("#id_number")).to_have_value("12 Tahun 2022")

    # printed: the ministry on the letterhead, never a regency's wording
    response = page.request.get(f"{url}/dokumen/keputusan-iku-iki.pdf?tahun={YEAR}")
    assert response.status == 200
    pdf = response.body()
    text = normalise(pdf_text(pdf))
    first_page = normalise(pdf_pages(pdf)[0]).removeprefix("KONSEP ")
    assert first_page.startswith("KEMENTERIAN AGAMA REPUBLIK INDONESIA INSPEKTORAT JENDERAL"), first_page[:160]
    assert "PEMERINTAH" not in text
    assert "kepala daerah" not in text.lower()
    assert "12 Tahun 2022" in text
    assert normalise(INDICATOR_NAME) in text
    assert normalise("Meningkatnya kualitas pengawasan intern") in text
    assert "Dr. FAISAL, S.H., M.H." in text  # above the signature, the name in capitals
    # the documents page names the ministry's head as its leader, not as a regional head
    page.goto(f"{url}/dokumen/?tahun={YEAR}")
    assert "kepala daerah" not in page.locator("main").inner_text().lower()
    assert [address for address in visited if "/admin/" in address] == []
