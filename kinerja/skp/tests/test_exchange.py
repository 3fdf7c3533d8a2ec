"""The SKP exchanged: the export read back (openpyxl, json) holds the seed's SKP after `prepare_skp`, per SKP the
reader may read; the import of ratings rates through `services.rate_skp`, refuses what it refuses and saves
nothing from a refused file."""

import io
import json
import zipfile
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from kinerja.performance.models import Target
from kinerja.skp import services
from kinerja.skp.exchange import export_document, read_skps, readable, skps_of
from kinerja.skp.exchange_import import RATED, REFUSED, SKIPPED, UNKNOWN, import_ratings
from kinerja.skp.exchange_workbook import export_bytes
from kinerja.skp.models import Skp

from .helpers import ALL_AS_EXPECTED, SECTION, YEAR, official_of, staff_member, staff_skp

SEED = "halut-diskominfo"
ABOVE = "Di atas ekspektasi"


def _sheet(content: bytes, name: str) -> list[dict]:
    sheet = load_workbook(io.BytesIO(content), read_only=True)[name]
    rows = list(sheet.iter_rows(values_only=True))
    return [dict(zip(rows[0], row, strict=False)) for row in rows[1:]]


@pytest.fixture
def prepared(world, seed):
    """Every SKP 2022 of the seed's holders (prepare_skp through prepare_year), a staff member with an
    intervention, and the section head's SKP rated by the division head."""
    staff, staff_user = staff_member(world)
    services.prepare_year(actor=None, agency=seed, year=YEAR)
    own = Skp.objects.get(position__code=SECTION)
    staff_one = Skp.objects.get(position=staff)
    result = services.add_staff_result(
        actor=world.section_head, skp=staff_one, parent=own.results.order_by("order").first(), text="Menyusun SOP"
    )
    services.add_indicator(
        actor=world.section_head, result=result, aspect="waktu", name="SOP selesai", target=Decimal("2.5"), unit="bulan"
    )
    services.rate_skp(actor=world.division_head, skp=own, work="di_atas", behaviours=ALL_AS_EXPECTED, note="Baik")
    return own, staff_one, staff_user


def test_the_json_export_holds_every_skp_of_the_seed_with_its_iki_rows_targets_and_ratings(world, seed, prepared):
    own, staff_one, _user = prepared
    document = json.loads(export_bytes(export_document(world.planner, seed, YEAR), "json"))
    assert document["format"] == "kinerja-skp" and document["year"] == YEAR and document["agency"]["code"] == SEED
    records = {record["id"]: record for record in document["skp"]}
    assert set(records) == set(Skp.objects.filter(year=YEAR).values_list("pk", flat=True))
    assert len(records) >= 5
    for skp in Skp.objects.filter(year=YEAR).exclude(position=staff_one.position).select_related("official"):
        record = records[skp.pk]
        assert record["official"]["nip"] == skp.official.nip
        rows = list(skp.position.page_rows.order_by("objective__order", "order").select_related("objective"))
        assert [r["text"] for r in record["results"]] == [row.objective.text for row in rows]
        for result, row in zip(record["results"], rows, strict=True):
            assert result["basis"] == "iki" and result["iki_indicator"] == row.name
            target = Target.objects.filter(indicator=row.indicator, kind="year", year=YEAR).first()
            expected = None if target is None or target.value is None else Decimal(target.value)
            (indicator,) = result["indicators"]
            assert indicator["aspect"] == "kuantitas" and indicator["unit"] == row.indicator.unit
            assert (None if indicator["target"] is None else Decimal(indicator["target"])) == expected
            assert result["chain"][0]["kind"] == "iki" and result["chain"][-1]["kind"] == "sasaran_strategis"
            assert result["strategic_objective"] == result["chain"][-1]["text"]
    rated = records[own.pk]
    assert rated["rating"]["work"] == "di_atas" and rated["rating"]["predicate"] == "baik"
    assert rated["rating"]["behaviours"] == ALL_AS_EXPECTED and rated["rating"]["note"] == "Baik"
    assert rated["rater"]["nip"] == official_of(world.division_head).nip
    assert rated["rater"]["position_code"] == own.position.superior.code
    staff = records[staff_one.pk]
    (result,) = staff["results"]
    assert result["basis"] == "intervensi" and result["superior_result_id"] == own.results.order_by("order")[0].pk
    assert [link["kind"] for link in result["chain"]][:2] == ["rhk_atasan", "iki"]
    assert result["indicators"][0] | {"id": 0} == {
        "id": 0,
        "aspect": "waktu",
        "name": "SOP selesai",
        "target": "2.5",
        "unit": "bulan",
    }
    assert staff["rater"]["name"] == official_of(world.section_head).name  # who will rate: the holder above
    assert staff["rating"]["work"] is None and staff["rating"]["predicate"] is None  # missing: null, never 0


def test_the_workbook_export_reads_back_with_openpyxl(world, seed, prepared):
    own, staff_one, _user = prepared
    content = export_bytes(export_document(world.planner, seed, YEAR), "xlsx")
    book = load_workbook(io.BytesIO(content), read_only=True)
    assert book.sheetnames == ["Petunjuk", "SKP", "RHK", "Indikator", "Penilaian"]
    skps = _sheet(content, "SKP")
    assert {row["ID SKP"] for row in skps} == set(Skp.objects.filter(year=YEAR).values_list("pk", flat=True))
    assert {row["Jenis Jabatan"] for row in skps} == {"Struktural", "Pelaksana/Fungsional"}
    results = [row for row in _sheet(content, "RHK") if row["ID SKP"] == own.pk]
    assert [row["Rencana Hasil Kerja"] for row in results] == list(
        own.results.order_by("order").values_list("text", flat=True)
    )
    assert all(row["Dasar"] == "IKI" and row["Sasaran Strategis"] for row in results)
    indicators = [row for row in _sheet(content, "Indikator") if row["ID SKP"] == staff_one.pk]
    assert [(r["Aspek"], r["Target"], r["Satuan"]) for r in indicators] == [("Waktu", 2.5, "bulan")]
    rating = next(row for row in _sheet(content, "Penilaian") if row["ID SKP"] == own.pk)
    assert rating["Rating Hasil Kerja"] == ABOVE and rating["Akuntabel"] == "Sesuai ekspektasi"
    assert rating["Predikat Kinerja"] == "Baik"


def test_each_reader_gets_the_skp_they_may_read(client, world, seed, prepared):
    own, staff_one, staff_user = prepared

    def ids(user) -> set[int]:
        return {record["id"] for record in export_document(user, seed, YEAR)["skp"]}

    assert ids(world.section_head) == {own.pk, staff_one.pk}  # their own, and their staff member's
    assert ids(staff_user) == {staff_one.pk}
    assert own.pk in ids(world.division_head) and staff_one.pk not in ids(world.division_head)
    assert ids(world.bappeda) == set()
    secretarys = set(Skp.objects.filter(official=official_of(world.secretary)).values_list("pk", flat=True))
    assert ids(world.secretary) == secretarys and own.pk not in secretarys  # their own only
    client.force_login(world.section_head)
    response = client.get(reverse("skp-export", args=[SEED, "json"]) + f"?tahun={YEAR}")
    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    assert {record["id"] for record in json.loads(response.content)["skp"]} == {own.pk, staff_one.pk}
    page = client.get(reverse("skp-list", args=[SEED]) + f"?tahun={YEAR}").content.decode()
    assert "Unduh SKP:" in page and reverse("skp-export", args=[SEED, "xlsx"]) in page


@pytest.mark.parametrize("more", [0, 6])
def test_the_export_costs_a_fixed_number_of_queries(world, seed, prepared, django_assert_max_num_queries, more):
    own = prepared[0]
    parent = own.results.first()
    for number in range(more):
        staff, user = staff_member(world, f"staf-{number}", f"staf{number}")
        skp = staff_skp(world, staff, user)
        result = services.add_staff_result(actor=world.section_head, skp=skp, parent=parent, text=f"Hasil {number}")
        services.add_indicator(actor=None, result=result, aspect="kuantitas", name="Jumlah", target=1, unit="dok")
    with django_assert_max_num_queries(5):
        items = read_skps(readable(None, skps_of(seed, YEAR)))
    assert len(items) == 5 + more  # the seed's four holders, the staff member and the more


# -- the import of ratings -------------------------------------------------------------------------------------


def _filled(content: bytes, ratings: dict[int, tuple[str, str]]) -> bytes:
    """The exported workbook with the Penilaian sheet's work and behaviour ratings filled for the SKP named."""
    book = load_workbook(io.BytesIO(content))
    sheet = book["Penilaian"]
    headers = [cell.value for cell in sheet[1]]
    for row in sheet.iter_rows(min_row=2):
        skp_id = row[headers.index("ID SKP")].value
        if skp_id in ratings:
            work, behaviour = ratings[skp_id]
            row[headers.index("Rating Hasil Kerja")].value = work
            for name in ("Berorientasi Pelayanan", "Akuntabel", "Kompeten", "Harmonis", "Loyal", "Adaptif"):
                row[headers.index(name)].value = behaviour
            row[headers.index("Kolaboratif")].value = behaviour
        else:
            for cell in row[3:]:
                cell.value = None
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_ratings_filled_in_the_workbook_are_imported_through_the_service(world, seed, prepared):
    _own, staff_one, _user = prepared
    exported = export_bytes(export_document(world.section_head, seed, YEAR), "xlsx")
    content = _filled(exported, {staff_one.pk: (ABOVE, ABOVE)})
    checked = import_ratings(actor=world.section_head, agency=seed, content=content, name="skp.xlsx", dry_run=True)
    assert checked.clean and not checked.saved and Skp.objects.get(pk=staff_one.pk).status == "draft"
    report = import_ratings(actor=world.section_head, agency=seed, content=content, name="skp.xlsx")
    assert report.saved and report.count(RATED) == 1 and report.count(SKIPPED) == 1
    (skipped,) = (row for row in report.rows if row.outcome == SKIPPED)
    assert skipped.official == official_of(world.section_head).name  # their own SKP, not rated in the file
    skp = Skp.objects.get(pk=staff_one.pk)
    assert (skp.status, skp.work_rating, skp.behaviour_rating, skp.predicate) == (
        "rated",
        "di_atas",
        "di_atas",
        "sangat_baik",
    )
    assert skp.rated_by == official_of(world.section_head)


def test_a_file_with_a_row_the_importer_may_not_rate_saves_nothing(world, seed, prepared):
    own, staff_one, _user = prepared
    exported = export_bytes(export_document(world.section_head, seed, YEAR), "xlsx")
    # the section head rates their staff member (allowed) and themself (refused by the service)
    content = _filled(exported, {staff_one.pk: (ABOVE, ABOVE), own.pk: ("Sesuai ekspektasi", "Sesuai ekspektasi")})
    before = Skp.objects.get(pk=own.pk).work_rating
    report = import_ratings(actor=world.section_head, agency=seed, content=content, name="skp.xlsx")
    outcomes = {row.skp_id: (row.outcome, row.message) for row in report.rows}
    assert outcomes[str(staff_one.pk)] == (RATED, "")
    assert outcomes[str(own.pk)] == (REFUSED, "Hanya pemegang jabatan atasan yang menilai SKP ini.")
    assert not report.saved and not report.clean
    assert Skp.objects.get(pk=staff_one.pk).status == "draft" and Skp.objects.get(pk=own.pk).work_rating == before


def test_a_bad_rating_value_and_an_unknown_skp_are_reported_and_nothing_is_saved(world, seed, prepared):
    _own, staff_one, _user = prepared
    document = export_document(None, seed, YEAR)
    record = next(r for r in document["skp"] if r["id"] == staff_one.pk)
    record["rating"] = {"work": "luar biasa", "behaviours": ALL_AS_EXPECTED, "note": ""}
    stranger = json.loads(json.dumps(record)) | {"id": 999999}
    stranger["rating"] = {"work": "sesuai", "behaviours": ALL_AS_EXPECTED}
    document["skp"] = [record, stranger]
    content = json.dumps(document).encode()
    report = import_ratings(actor=world.section_head, agency=seed, content=content, name="skp.json")
    assert [(row.outcome, row.message) for row in report.rows] == [
        (REFUSED, "Beri penilaian hasil kerja."),
        (UNKNOWN, "Tidak ada SKP instansi ini dengan ID dan NIP tersebut."),
    ]
    assert Skp.objects.get(pk=staff_one.pk).status == "draft"


def test_a_file_that_is_not_an_export_is_refused_whole(world, seed, prepared):
    book = Workbook()
    out = io.BytesIO()
    book.save(out)
    report = import_ratings(actor=world.section_head, agency=seed, content=out.getvalue(), name="x.xlsx")
    assert report.problem == "Buku kerja tidak mempunyai lembar Penilaian." and report.rows == []
    report = import_ratings(actor=world.section_head, agency=seed, content=b"not a zip", name="x.xlsx")
    assert report.problem == "Berkas bukan buku kerja Excel (.xlsx)."
    exported = export_bytes(export_document(world.section_head, seed, YEAR), "xlsx")
    hostile = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(exported)) as source, zipfile.ZipFile(hostile, "w") as target:
        for member in source.infolist():
            data = source.read(member)
            if member.filename == "xl/workbook.xml":
                data = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "e">]>' + data.split(b"?>", 1)[-1]
            target.writestr(member, data)
    report = import_ratings(actor=world.section_head, agency=seed, content=hostile.getvalue(), name="x.xlsx")
    assert report.problem == "Buku kerja memuat DTD: tidak dibaca."


def test_the_import_page_shows_the_report_of_every_row(client, world, seed, prepared):
    own, staff_one, _user = prepared
    exported = export_bytes(export_document(world.section_head, seed, YEAR), "xlsx")
    content = _filled(exported, {staff_one.pk: ("Sesuai ekspektasi", "Sesuai ekspektasi"), own.pk: (ABOVE, ABOVE)})
    client.force_login(world.section_head)
    url = reverse("skp-ratings-import", args=[SEED])
    assert "Impor penilaian SKP" in client.get(url).content.decode()
    upload = io.BytesIO(content)
    upload.name = "skp.xlsx"
    response = client.post(url, {"berkas": upload, "impor": "1"})
    page = response.content.decode()
    assert response.status_code == 400
    assert "tidak ada yang disimpan" in page and "ditolak" in page and "dinilai" in page
    assert Skp.objects.get(pk=staff_one.pk).status == "draft"


def test_the_commands_export_and_import(world, seed, prepared, tmp_path):
    _own, staff_one, _user = prepared
    target = tmp_path / "skp.xlsx"
    call_command("export_skp", SEED, "--year", str(YEAR), "--output", str(target))
    filled = tmp_path / "isi.xlsx"
    filled.write_bytes(_filled(target.read_bytes(), {staff_one.pk: (ABOVE, "Sesuai ekspektasi")}))
    out = io.StringIO()
    call_command("import_skp_ratings", SEED, str(filled), "--user", "kasi", stdout=out)
    assert Skp.objects.get(pk=staff_one.pk).predicate == "baik"
    assert "dinilai" in out.getvalue()


def test_the_export_re_imports_unchanged(world, seed, prepared):
    own = prepared[0]
    rating_fields = ("status", "work_rating", "behaviour_rating", "predicate", "rating_note", "rated_by_id")
    before = Skp.objects.filter(pk=own.pk).values(*rating_fields).get()
    exported = export_document(None, seed, YEAR)["skp"]
    for file_format, name in (("xlsx", "skp.xlsx"), ("json", "skp.json")):
        content = export_bytes(export_document(world.division_head, seed, YEAR), file_format)
        report = import_ratings(actor=world.division_head, agency=seed, content=content, name=name)
        assert report.saved, [(row.where, row.outcome, row.message) for row in report.rows]
        assert {row.outcome for row in report.rows} == {RATED, SKIPPED}  # the division head's own: not rated
        assert Skp.objects.filter(pk=own.pk).values(*rating_fields).get() == before
        assert export_document(None, seed, YEAR)["skp"] == exported  # the whole export, record by record
