"""Starting the LKjIP chapters is recorded in the agency's audit trail."""

from kinerja.core.models import AuditRecord
from kinerja.reports.services import start_report_chapters


def test_starting_report_chapters_is_recorded(world, seed):
    chapters = start_report_chapters(actor=world.secretary, agency=seed, year=2022)
    started = AuditRecord.objects.filter(object_label="reports.reportchapter", action="created")
    assert started.count() == len(chapters) == 4
    assert {r.agency_id for r in started} == {seed.pk} and {r.user for r in started} == {world.secretary}
    assert all(r.after["body"] and r.description.endswith("LKjIP 2022 dimulai") for r in started)
    start_report_chapters(actor=world.secretary, agency=seed, year=2022)  # already written: kept, not recorded
    assert AuditRecord.objects.filter(object_label="reports.reportchapter").count() == 4
