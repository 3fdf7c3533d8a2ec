"""A broken or hostile file is refused with an Indonesian message, bounded in time and size, and never a 500:
YAML aliases (the "billion laughs" of YAML), an .xlsx whose XML is broken or declares an external entity (XXE),
a zip bomb, a number of 30 digits."""

import io
import time
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kinerja.exchange import dataset_io, importer
from kinerja.exchange.exporter import export_agency_data
from kinerja.exchange.importer import preview
from kinerja.exchange.loading.report import DatasetError
from kinerja.exchange.workbook import shape, xlsx
from kinerja.exchange.workbook.xlsx import write_workbook
from kinerja.performance.models import Target

SEED = "halut-diskominfo"
THIRTY_DIGITS = "123456789012345678901234567890"


@pytest.fixture(autouse=True)
def import_dir(settings, tmp_path):
    settings.KINERJA_IMPORT_DIR = tmp_path / "imports"
    return settings.KINERJA_IMPORT_DIR


def alias_bomb(levels: int = 9) -> str:
    """Each level names the one below ten times: 16 KB of text, 10**levels strings once expanded."""
    lines = ['a0: &a0 ["lol"]']
    for level in range(1, levels + 1):
        below = ", ".join([f"*a{level - 1}"] * 10)
        lines.append(f"a{level}: &a{level} [{below}]")
    return "\n".join(lines) + "\n"


def _sheet_member(content: bytes, sheet_name: str) -> str:
    """The zip member of a sheet, by its name in the workbook."""
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        book = archive.read("xl/workbook.xml").decode()
        rels = archive.read("xl/_rels/workbook.xml.rels").decode()
    import re

    rid = re.search(rf'<sheet [^>]*name="{re.escape(sheet_name)}"[^>]*r:id="(rId\d+)"', book).group(1)
    target = re.search(rf'<Relationship [^>]*Id="{rid}"[^>]*Target="([^"]+)"', rels) or re.search(
        rf'<Relationship [^>]*Target="([^"]+)"[^>]*Id="{rid}"', rels
    )
    path = target.group(1).lstrip("/")
    return path if path.startswith("xl/") else f"xl/{path}"


def rewritten(content: bytes, member: str, change) -> bytes:
    """The workbook with one zip member's bytes replaced by change(bytes)."""
    output = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(content)) as source, zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            data = source.read(item.filename)
            out.writestr(item, change(data) if item.filename == member else data)
    return output.getvalue()


XXE = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
)
LAUGHS = (
    b'<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
    b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>\n'
)


def _with_doctype(doctype: bytes, entity: bytes):
    def change(data: bytes) -> bytes:
        body = data.split(b"?>", 1)[1] if data.startswith(b"<?xml") else data
        return doctype + body.replace(b"<v>", b"<v>" + entity, 1)

    return change


def hostile_workbooks() -> dict[str, bytes]:
    content = write_workbook(None)
    sheet = _sheet_member(content, "Wilayah")
    return {
        "broken-sheet": rewritten(content, sheet, lambda data: data[: len(data) // 2]),
        "broken-workbook": rewritten(content, "xl/workbook.xml", lambda data: data[:-40]),
        "broken-strings": rewritten(content, "xl/sharedStrings.xml", lambda data: b"<sst><si><t>x</si></sst>")
        if "xl/sharedStrings.xml" in zipfile.ZipFile(io.BytesIO(content)).namelist()
        else content[:100],
        "xxe-sheet": rewritten(content, sheet, _with_doctype(XXE, b"&xxe;")),
        "xxe-workbook": rewritten(content, "xl/workbook.xml", _with_doctype(XXE, b"")),
        "laughs-sheet": rewritten(content, sheet, _with_doctype(LAUGHS, b"&d;")),
        "truncated-zip": content[: len(content) // 2],
    }


# -- YAML ------------------------------------------------------------------------------------------------


def test_yaml_aliases_are_refused_quickly_with_a_message_in_indonesian():
    started = time.perf_counter()
    with pytest.raises(DatasetError) as refused:
        dataset_io.parse_dataset(alias_bomb(), source="bom.yaml")
    assert time.perf_counter() - started < 1
    [problem] = refused.value.problems
    assert "alias" in problem.message and "tidak diizinkan" in problem.message


def test_a_yaml_anchor_alone_is_refused_too():
    with pytest.raises(DatasetError) as refused:
        dataset_io.parse_dataset("format: &f kinerja-agency/1\n", source="jangkar.yaml")
    assert "tidak diizinkan" in refused.value.problems[0].message


def test_an_uploaded_alias_bomb_gives_a_problem_in_the_preview_quickly(seed):
    started = time.perf_counter()
    result = preview(actor=None, name="bom.yaml", content=alias_bomb().encode())
    assert time.perf_counter() - started < 1
    assert not result.ok and "alias" in result.problems[0].message


def test_a_dataset_text_larger_than_the_bound_is_refused_before_it_is_parsed(seed, monkeypatch):
    monkeypatch.setattr(importer, "MAX_TEXT_BYTES", 1000)
    result = preview(actor=None, name="besar.yaml", content=b"# " + b"x" * 2000 + b"\n")
    assert [problem.message for problem in result.problems] == [
        "berkas data lebih besar dari batas (0 MB); pecah atau kecilkan berkasnya."
    ]


# -- xlsx ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", list(hostile_workbooks()))
def test_a_broken_or_hostile_workbook_is_refused_with_one_message(seed, kind):
    started = time.perf_counter()
    result = preview(actor=None, name=f"{kind}.xlsx", content=hostile_workbooks()[kind])
    assert time.perf_counter() - started < 5
    assert not result.ok
    messages = " ".join(problem.message for problem in result.problems)
    assert "buku kerja" in messages or "entitas" in messages, messages
    assert "passwd" not in messages and "root:" not in messages


def test_a_zip_bomb_is_refused_before_its_sheets_are_read(seed, monkeypatch):
    monkeypatch.setattr(xlsx, "MAX_UNPACKED_BYTES", 10_000)
    result = preview(actor=None, name="bom.xlsx", content=write_workbook(export_agency_data(seed)))
    assert [problem.message for problem in result.problems] == [
        "isi buku kerja ini terlalu besar setelah dibuka (lebih dari 0 MB); berkas ditolak."
    ]


def test_a_sheet_with_more_rows_than_the_bound_is_refused(seed, monkeypatch):
    monkeypatch.setattr(shape, "MAX_ROWS", 3)
    result = preview(actor=None, name="baris.xlsx", content=write_workbook(export_agency_data(seed)))
    assert any("lebih dari 3 baris" in problem.message for problem in result.problems), result.problems


@pytest.mark.parametrize("kind", ["xxe-sheet", "broken-sheet", "truncated-zip", "laughs-sheet"])
def test_the_preview_page_of_a_hostile_workbook_answers_with_a_message_not_a_500(client, world, kind):
    client.force_login(world.planner)
    response = client.post(
        reverse("exchange-upload", args=[SEED]),
        {"berkas": SimpleUploadedFile(f"{kind}.xlsx", hostile_workbooks()[kind])},
    )
    assert response.status_code == 302
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert 'id="confirm-import"' not in page.text
    assert "buku kerja" in page.text or "entitas" in page.text


# -- numbers ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("value", [THIRTY_DIGITS, f"-{THIRTY_DIGITS}", f"{THIRTY_DIGITS}.5", 1e300])
def test_a_huge_number_in_a_target_cell_is_a_problem_of_its_cell(seed, value):
    data = export_agency_data(seed)
    data["targets"] = [{"indicator": "IKU.1", "kind": "year", "year": 2023, "value": value}]
    before = Target.objects.count()
    result = importer.import_file(actor=None, name="angka.xlsx", content=write_workbook(data))
    assert not result.ok
    assert any(problem.sheet == "Target" and problem.row == 2 for problem in result.problems), result.problems
    assert Target.objects.count() == before


def test_a_huge_number_in_a_yaml_dataset_is_a_problem_not_an_error(seed):
    data = export_agency_data(seed)
    data["actuals"] = [{"indicator": "IKU.1", "year": 2023, "quarter": 1, "value": int(THIRTY_DIGITS)}]
    result = preview(actor=None, name="angka.yaml", content=dataset_io.dump_dataset(data).encode())
    assert not result.ok
    assert any("actuals" in problem.record for problem in result.problems), result.problems


def test_the_preview_page_of_a_thirty_digit_number_is_a_message(client, world):
    client.force_login(world.planner)
    data = export_agency_data(world.agency)
    data["targets"] = [{"indicator": "IKU.1", "kind": "year", "year": 2023, "value": THIRTY_DIGITS}]
    response = client.post(
        reverse("exchange-upload", args=[SEED]), {"berkas": SimpleUploadedFile("angka.xlsx", write_workbook(data))}
    )
    page = client.get(response["Location"])
    assert page.status_code == 200 and 'id="confirm-import"' not in page.text


def test_a_cell_in_the_far_corner_of_a_sheet_does_not_make_the_preview_read_a_million_rows(seed):
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(write_workbook(export_agency_data(seed))))
    book["Target"]["XFD1048576"] = "x"
    output = io.BytesIO()
    book.save(output)
    started = time.perf_counter()
    result = preview(actor=None, name="pojok.xlsx", content=output.getvalue())
    assert time.perf_counter() - started < 20
    assert any(
        problem.sheet == "Target" and f"lebih dari {shape.MAX_ROWS} baris" in problem.message
        for problem in result.problems
    ), result.problems[:3]


def _json_with(seed, place) -> bytes:
    import json

    data = export_agency_data(seed)
    place(data)
    return json.dumps(data).replace('"__HUGE__"', "1e400").replace('"__DIGITS__"', THIRTY_DIGITS).encode()


@pytest.mark.parametrize(
    "where", ["factor", "first_year", "decimals", "target_year", "quarter", "actual_value", "thousands_of_digits"]
)
def test_huge_or_infinite_numbers_anywhere_in_a_json_dataset_are_problems(seed, where):
    def place(data: dict) -> None:
        indicator = data["plan"]["indicators"][0]
        if where == "factor":
            indicator["formula"], indicator["factor"] = "ratio", "__HUGE__"
        elif where == "first_year":
            data["plan"]["first_year"] = "__DIGITS__"
        elif where == "decimals":
            indicator["decimals"] = "__DIGITS__"
        elif where == "target_year":
            data["targets"] = [{"indicator": indicator["code"], "kind": "year", "year": "__DIGITS__", "value": 1}]
        elif where == "quarter":
            data["actuals"] = [{"indicator": indicator["code"], "year": 2023, "quarter": "__DIGITS__", "value": 1}]
        elif where == "actual_value":
            data["actuals"] = [{"indicator": indicator["code"], "year": 2023, "quarter": 1, "value": "__HUGE__"}]
        else:
            data["plan"]["first_year"] = "__THOUSANDS__"

    content = _json_with(seed, place).replace(b'"__THOUSANDS__"', b"9" * 5000)
    result = preview(actor=None, name="angka.json", content=content)
    assert not result.ok


@pytest.mark.parametrize("written", [b"1e999", b"-1e999", b"1e308"])
def test_an_infinite_or_huge_number_typed_into_the_xml_of_a_cell_is_a_problem_of_its_cell(seed, written):
    data = export_agency_data(seed)
    data["targets"] = [{"indicator": "IKU.1", "kind": "year", "year": 2023, "value": 987654}]
    content = write_workbook(data)
    content = rewritten(
        content, _sheet_member(content, "Target"), lambda xml: xml.replace(b"<v>987654</v>", b"<v>" + written + b"</v>")
    )
    result = preview(actor=None, name="angka.xlsx", content=content)
    assert not result.ok
    assert any(problem.sheet == "Target" and problem.row == 2 for problem in result.problems), result.problems


def test_a_dataset_over_the_bound_is_refused_at_upload_and_not_kept(client, world, import_dir, monkeypatch):
    monkeypatch.setattr(importer, "MAX_TEXT_BYTES", 1000)
    client.force_login(world.planner)
    response = client.post(
        reverse("exchange-upload", args=[SEED]), {"berkas": SimpleUploadedFile("besar.yaml", b"# " + b"x" * 2000)}
    )
    assert response.status_code == 302 and response["Location"] == reverse("exchange-home", args=[SEED])
    assert not import_dir.exists() or not list(import_dir.iterdir())
