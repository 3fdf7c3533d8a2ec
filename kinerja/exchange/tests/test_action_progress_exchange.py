"""The progress of the actions in the dataset and the workbook (columns "Progres" and "Catatan Progres" of the sheet
"Rencana Aksi"): exported with each action, imported through the progress's one door (`record_progress`, who-may
as the actuals' import: who enters the indicator's actuals or the administrator; a draft, an open quarter), left
alone when the file repeats it."""

import io

from openpyxl import load_workbook

from kinerja.accounts.models import User
from kinerja.actionplans.models import ActionItem, ActionProgress
from kinerja.actionplans.progress import record_progress, submit_progress, verify_progress
from kinerja.core.models import AuditRecord
from kinerja.exchange.exporter import export_agency_data
from kinerja.exchange.importer import import_file
from kinerja.exchange.tests.test_actions import SHEET, _actions
from kinerja.exchange.tests.test_dataset import empty_the_database
from kinerja.exchange.workbook.xlsx import write_workbook
from kinerja.organisation.models import Agency


def _progress() -> list[tuple]:
    return list(
        ActionProgress.objects.order_by("action__quarter", "action__order").values_list(
            "action__description", "outcome", "note", "status"
        )
    )


def _with_progress(world, seed) -> None:
    _actions(seed)
    first, second = ActionItem.objects.order_by("quarter", "order")[:2]
    record_progress(actor=world.section_head, action=first, outcome="done", note="Rancangan selesai")
    verify_progress(
        actor=world.division_head, progress=submit_progress(actor=world.section_head, progress=first.progress)
    )
    record_progress(actor=world.section_head, action=second, outcome="partly")


def _column(content: bytes, header: str) -> list:
    sheet = load_workbook(io.BytesIO(content))[SHEET]
    headers = [cell.value for cell in sheet[1]]
    return [row[headers.index(header)] for row in sheet.iter_rows(min_row=2, values_only=True) if row[0]]


def test_the_progress_is_exported_and_a_planners_round_trip_leaves_it_as_it_is(world, seed):
    _with_progress(world, seed)
    data = export_agency_data(seed)
    assert [(row.get("progress"), row.get("progress_note")) for row in data["actions"]] == [
        ("done", "Rancangan selesai"),
        ("partly", None),
        (None, None),
    ]
    content = write_workbook(data)
    assert _column(content, "Progres") == ["Terlaksana", "Terlaksana sebagian", None]
    assert _column(content, "Catatan Progres") == ["Rancangan selesai", None, None]
    before = _progress()

    # the planner may not enter progress, but a file that repeats it unchanged loads (a verified one included)
    result = import_file(actor=world.planner, name="instansi.xlsx", content=content, agency=seed)

    assert result.ok, [str(problem) for problem in result.problems]
    assert _progress() == before
    counted = {count.sheet: count for count in result.counts}
    assert counted[SHEET].unchanged == 3


def test_the_administrator_brings_progress_through_the_workbook_as_a_draft_named_in_the_trail(world, seed):
    _with_progress(world, seed)
    data = export_agency_data(seed)
    data["actions"][1]["progress"] = "done"
    data["actions"][1]["progress_note"] = "Rapat kedua selesai"
    data["actions"][2]["progress"] = "not_done"

    admin = User.objects.create_superuser("admin-progres", password="x-Admin-12345")
    result = import_file(actor=admin, name="x.xlsx", content=write_workbook(data), agency=seed)

    assert result.ok, [str(problem) for problem in result.problems]
    assert _progress() == [
        ("Menyusun rancangan kebijakan", "done", "Rancangan selesai", "verified"),
        ("Rapat pembahasan bersama Bagian Hukum", "done", "Rapat kedua selesai", "draft"),
        ("Sosialisasi kebijakan", "not_done", "", "draft"),
    ]
    trail = AuditRecord.objects.filter(object_label="actionplans.actionprogress", user=admin)
    assert trail.filter(action="changed").count() == 1 and trail.filter(action="created").count() == 1


def test_the_progress_doors_refusals_come_back_on_their_rows_and_nothing_is_written(world, seed):
    _with_progress(world, seed)
    data = export_agency_data(seed)
    data["actions"][2]["progress"] = "done"  # the planner does not enter an official's progress
    before, actions = _progress(), ActionItem.objects.count()

    result = import_file(actor=world.planner, name="x.xlsx", content=write_workbook(data), agency=seed)

    assert not result.ok
    found = {(problem.sheet, problem.row): problem.message for problem in result.problems}
    assert "melalui impor" in found[(SHEET, 4)], found
    assert _progress() == before and ActionItem.objects.count() == actions

    data = export_agency_data(seed)
    data["actions"][0]["progress"] = "partly"  # verified: changed only after it is reopened
    data["actions"][2]["progress_note"] = "Catatan tanpa progres"
    admin = User.objects.create_superuser("admin-progres", password="x-Admin-12345")
    result = import_file(actor=admin, name="x.xlsx", content=write_workbook(data), agency=seed)
    assert not result.ok
    found = {(problem.sheet, problem.row): problem.message for problem in result.problems}
    assert "sudah diverifikasi" in found[(SHEET, 2)], found
    assert "Progres" in " ".join(p.column for p in result.problems if p.row == 4), found
    assert _progress() == before


def test_the_progress_enters_an_empty_database_as_drafts_through_the_operators_load(world, seed):
    _with_progress(world, seed)
    content = write_workbook(export_agency_data(seed))
    empty_the_database()

    result = import_file(actor=None, name="instansi.xlsx", content=content)

    assert result.ok, [str(problem) for problem in result.problems]
    assert _progress() == [
        ("Menyusun rancangan kebijakan", "done", "Rancangan selesai", "draft"),
        ("Rapat pembahasan bersama Bagian Hukum", "partly", "", "draft"),
    ]
    assert Agency.objects.filter(code=seed.code).exists()
