"""The Impor / Ekspor pages: download, upload → preview → confirm, and who may do what."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from conftest import PER_REQUEST_QUERIES
from kinerja.accounts.models import User
from kinerja.core.models import AuditRecord
from kinerja.exchange.exporter import export_agency_data
from kinerja.exchange.tests.test_workbook import second_agency_workbook
from kinerja.exchange.workbook.shape import GUIDE
from kinerja.exchange.workbook.xlsx import write_workbook
from kinerja.organisation.models import Agency, Position

SEED = "halut-diskominfo"


@pytest.fixture(autouse=True)
def import_dir(settings, tmp_path):
    settings.KINERJA_IMPORT_DIR = tmp_path / "imports"
    return settings.KINERJA_IMPORT_DIR


@pytest.fixture
def admin_user(db):
    return User.objects.create_superuser("admin-uji", password="x-Admin-12345")


def _upload(client, url: str, content: bytes, name: str = "instansi.xlsx"):
    return client.post(url, {"berkas": SimpleUploadedFile(name, content)})


def test_planner_downloads_the_blank_template_and_the_filled_workbook(client, world):
    client.force_login(world.planner)
    blank = client.get(reverse("exchange-template"))
    assert blank.status_code == 200 and "attachment" in blank["Content-Disposition"]
    assert load_workbook(io.BytesIO(blank.content)).sheetnames[0] == GUIDE
    filled = client.get(reverse("exchange-export", args=[SEED]))
    book = load_workbook(io.BytesIO(filled.content))
    assert book["Jabatan"].max_row > 10
    assert book["Instansi"]["A2"].value == SEED


def test_the_agency_page_links_to_import_export_for_the_planner_only(client, world):
    client.force_login(world.planner)
    assert reverse("exchange-home", args=[SEED]) in client.get(reverse("agency-overview", args=[SEED])).text
    client.force_login(world.head_of_agency)
    assert reverse("exchange-home", args=[SEED]) not in client.get(reverse("agency-overview", args=[SEED])).text


def test_the_home_page_costs_a_fixed_number_of_queries(client, world, django_assert_max_num_queries):
    client.force_login(world.planner)
    # +1: the planner's menu asks whether the agency has a plan (Target, Periode); +1: the planner's background
    # jobs of the agency (kinerja.jobs: the workbook prepared in the background)
    with django_assert_max_num_queries(PER_REQUEST_QUERIES + 6):
        assert client.get(reverse("exchange-home", args=[SEED])).status_code == 200


def test_upload_preview_confirm_changes_the_agency_and_records_who(client, world, import_dir):
    client.force_login(world.planner)
    data = export_agency_data(world.agency)
    data["agency"]["telephone"] = "(0924) 21000"
    response = _upload(client, reverse("exchange-upload", args=[SEED]), write_workbook(data))
    assert response.status_code == 302
    assert list(import_dir.iterdir()), "the upload waits under var/, not in the session"
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert "(0924) 21000" in page.text and 'id="confirm-import"' in page.text
    assert Agency.objects.get(code=SEED).telephone == "", "a preview writes nothing"
    confirm = reverse("exchange-confirm", args=[SEED, response["Location"].rstrip("/").split("/")[-1]])
    done = client.post(confirm)
    assert done.status_code == 302
    assert Agency.objects.get(code=SEED).telephone == "(0924) 21000"
    assert AuditRecord.objects.filter(action="loaded", user=world.planner).exists()
    assert not list(import_dir.iterdir()), "the confirmed upload is removed"


def test_a_token_is_not_a_path_and_not_for_another_agency(client, world):
    client.force_login(world.planner)
    response = _upload(client, reverse("exchange-upload", args=[SEED]), write_workbook(None))
    token = response["Location"].rstrip("/").split("/")[-1]
    assert client.get(reverse("exchange-preview", args=[SEED, token + "x"])).status_code == 404
    assert client.get(reverse("exchange-preview", args=[SEED, "..%2F..%2Fetc"])).status_code == 404
    assert client.get(reverse("exchange-new-preview", args=[token])).status_code == 404


def test_errors_are_listed_per_cell_and_nothing_can_be_confirmed(client, world):
    client.force_login(world.planner)
    data = export_agency_data(world.agency)
    data["positions"][3]["superior"] = "jabatan-tidak-ada"
    response = _upload(client, reverse("exchange-upload", args=[SEED]), write_workbook(data))
    page = client.get(response["Location"])
    assert "jabatan-tidak-ada" in page.text and 'id="confirm-import"' not in page.text
    token = response["Location"].rstrip("/").split("/")[-1]
    client.post(reverse("exchange-confirm", args=[SEED, token]))
    assert not Position.objects.filter(superior__code="jabatan-tidak-ada").exists()


def test_a_planner_cannot_import_another_agency_nor_change_the_region(client, world):
    client.force_login(world.planner)
    other = _upload(client, reverse("exchange-upload", args=[SEED]), second_agency_workbook())
    assert "halut-bappeda" in client.get(other["Location"]).text
    token = other["Location"].rstrip("/").split("/")[-1]
    client.post(reverse("exchange-confirm", args=[SEED, token]))
    assert not Agency.objects.filter(code="halut-bappeda").exists()
    data = export_agency_data(world.agency)
    data["region"]["name"] = "Kabupaten Lain"
    response = _upload(client, reverse("exchange-upload", args=[SEED]), write_workbook(data))
    page = client.get(response["Location"])
    assert "hanya diubah oleh administrator" in page.text
    from kinerja.exchange.dataset_io import dump_dataset

    as_yaml = _upload(client, reverse("exchange-upload", args=[SEED]), dump_dataset(data).encode(), "data.yaml")
    assert "hanya diubah oleh administrator" in client.get(as_yaml["Location"]).text
    token = as_yaml["Location"].rstrip("/").split("/")[-1]
    client.post(reverse("exchange-confirm", args=[SEED, token]))
    assert world.agency.region.__class__.objects.get(code="halut").name != "Kabupaten Lain"


def test_the_administrator_imports_a_new_agency(client, admin_user):
    client.force_login(admin_user)
    response = _upload(client, reverse("exchange-new"), second_agency_workbook(), "bappeda.xlsx")
    assert response.status_code == 302
    page = client.get(response["Location"])
    assert 'id="confirm-import"' in page.text
    token = response["Location"].rstrip("/").split("/")[-1]
    done = client.post(reverse("exchange-new-confirm", args=[token]))
    assert done["Location"] == reverse("agency-overview", args=["halut-bappeda"])
    assert client.get(done["Location"]).status_code == 200
    assert client.get(reverse("position-page", args=["halut-bappeda", "kabid-ekonomi"])).status_code == 200
    decree = client.get(
        reverse("document-download", args=["halut-bappeda", "keputusan-iku-iki", "docx"]) + "?tahun=2022"
    )
    assert decree.status_code == 200 and decree.content[:2] == b"PK", "the new agency's decree prints"


def test_a_planner_has_no_new_agency_import(client, world):
    client.force_login(world.planner)
    assert client.get(reverse("exchange-new")).status_code == 404
    response = _upload(client, reverse("exchange-new"), second_agency_workbook())
    assert response.status_code == 404


# -- what an export leaves out, what an import writes (issue 16, point 5) ------------------------------------------


def test_the_download_page_and_the_guide_say_that_example_figures_are_not_exported(client, world, example_figures):
    from kinerja.performance.models import Actual, Target

    client.force_login(world.planner)
    page = client.get(reverse("exchange-home", args=[SEED])).text
    targets = Target.objects.filter(indicator__plan__agency=world.agency, is_example=True).count()
    actuals = Actual.objects.filter(indicator__plan__agency=world.agency, is_example=True).count()
    assert targets and actuals
    assert "Angka contoh tidak diekspor." in page
    assert f"{targets} target contoh dan {actuals} realisasi contoh yang tidak ikut diekspor" in page
    book = load_workbook(io.BytesIO(client.get(reverse("exchange-export", args=[SEED])).content))
    guide = " ".join(str(cell.value) for row in book[GUIDE].iter_rows() for cell in row if cell.value)
    assert "Angka contoh tidak diekspor" in guide
    assert "98% (yang disimpan Excel sebagai 0,98) menjadi 98" in guide
    assert book["Target"]["A2"].value is None  # the example targets shown on the screen are not in the file


def _preview_of(client, data: dict) -> str:
    response = _upload(client, reverse("exchange-upload", args=[SEED]), write_workbook(data))
    assert response.status_code == 302, response.content[:500]
    return client.get(response["Location"]).text


def test_the_preview_shows_new_figures_with_their_values_and_changed_ones_with_the_value_kinerja_holds(
    client, world, example_figures
):
    from decimal import Decimal

    from kinerja.core.numbers import format_exact
    from kinerja.performance import services
    from kinerja.performance.models import Target
    from kinerja.strategy.models import Indicator

    iku2 = Indicator.objects.get(plan__agency=world.agency, code="IKU.2")
    kept = services.set_target(
        actor=world.planner, indicator=iku2, kind="end", year=iku2.plan.last_year, value=Decimal(80)
    )
    example = Target.objects.filter(indicator__plan__agency=world.agency, is_example=True, kind="quarter").first()
    taken = set(Target.objects.filter(indicator=iku2).values_list("kind", "year", "quarter"))
    free_year = next(
        year for year in range(iku2.plan.first_year - 5, iku2.plan.first_year) if ("baseline", year, 0) not in taken
    )
    data = export_agency_data(world.agency)
    [row] = [t for t in data["targets"] if t["kind"] == "end"]
    assert row["value"] == 80
    row["value"] = "1234.5"  # the file (a program's dataset strings) says 1.234,5
    data["targets"] += [
        {"indicator": "IKU.2", "kind": "baseline", "year": free_year, "value": 81},
        {
            "indicator": example.indicator.code,
            "kind": "quarter",
            "year": example.year,
            "quarter": example.quarter,
            "value": 81,
        },
    ]
    client.force_login(world.planner)
    page = _preview_of(client, data)
    assert "diubah 80 → 1.234,5" in page
    assert "baru: 81</td>" in page
    assert f"baru: 81 (menggantikan angka contoh {format_exact(example.value)})" in page
    assert "Sesudah" not in page and "1234.5" not in page
    assert Target.objects.get(pk=kept.pk).value == Decimal(80)  # a preview writes nothing
