"""Importing an agency file (.xlsx workbook, .json or .yaml dataset): a preview, then the import in one transaction.

The file is read (a workbook cell by cell), checked against the schema, and loaded by the one loader — inside a
transaction that is rolled back for the preview. Problems are collected, never stopped at the first, and put
back where the person who wrote the file looks for them (sheet, row and column of a workbook). With any
problem nothing is written. What the importing user may change is the loader's to decide (loader.py).

A hostile file is bounded before it is parsed: YAML/JSON up to MAX_TEXT_BYTES and without YAML anchors or aliases
(dataset_io), a workbook checked whole by workbook.xlsx (no DTD or entity, unzipped size bounded) and read up to
workbook.shape.MAX_ROWS rows of workbook.shape.MAX_COLUMNS columns a sheet.
"""

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jsonschema
from django.apps import apps
from django.db import transaction
from django.utils.translation import gettext, pgettext

from kinerja.core.actors import Actor
from kinerja.organisation.models import Agency
from kinerja.performance.consistency import Report, check_agency

from . import dataset_io
from .loading.agency import load_agency_data
from .loading.report import CHANGED, EXAMPLE, NEW, CellProblem, DatasetError, LoadReport
from .workbook.columns import MODEL_SHEETS
from .workbook.rows import Origins, locate, record_path
from .workbook.xlsx import read_workbook

MAX_TEXT_BYTES = 2 * 1024 * 1024  # a YAML/JSON dataset: bounds the time of parsing it (~5 s; an agency is ~100 KB)
MAX_ROUNDS = 5  # schema rounds: each drops the records it refused, so the loader still sees the rest


@dataclass(frozen=True)
class SheetCount:
    sheet: str
    created: int
    updated: int
    unchanged: int


@dataclass(frozen=True)
class ChangedValue:
    """One value the import writes, where the file holds it. `before` is what the database holds (a new row has
    none); numbers are written the Indonesian way."""

    sheet: str
    row: int | None
    column: str
    record: str
    before: str
    after: str
    kind: str = CHANGED

    @property
    def text(self) -> str:
        """ "baru: 81", "diubah 80 → 81", or "baru: 81 (menggantikan angka contoh 80)"."""
        empty = gettext("(empty)")
        after = self.after or empty
        if self.kind == NEW:
            return gettext("new: %(after)s") % {"after": after}
        if self.kind == EXAMPLE and self.before:
            text = gettext("new: %(after)s (replaces the example figure %(before)s)")
            return text % {"after": after, "before": self.before}
        if self.kind == EXAMPLE:
            return gettext("new: %(after)s") % {"after": after}
        return gettext("changed %(before)s → %(after)s") % {"before": self.before or empty, "after": after}


@dataclass
class ImportResult:
    source: str
    problems: list[CellProblem] = field(default_factory=list)
    counts: list[SheetCount] = field(default_factory=list)
    changes: list[ChangedValue] = field(default_factory=list)
    agency_code: str = ""
    agency_name: str = ""
    new_agency: bool = False
    applied: bool = False
    # the preview's consistency check of the agency as the file would leave it: warnings that do not block
    consistency: Report | None = None

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def changed(self) -> bool:
        return any(count.created or count.updated for count in self.counts)

    def lines(self) -> list[str]:
        text = gettext("%(what)s: %(created)s new, %(updated)s changed, %(unchanged)s unchanged")
        return [
            text % {"what": c.sheet, "created": c.created, "updated": c.updated, "unchanged": c.unchanged}
            for c in self.counts
        ]


class _Reading:
    """One file on its way to the loader, with every problem found so far."""

    def __init__(self, name: str, content: bytes):
        self.source = Path(name).name or "berkas"
        self.content = content
        self.is_workbook = Path(name).suffix.lower() not in {".json", ".yaml", ".yml"}
        self.problems: list[CellProblem] = []
        self.seen: set[tuple] = set()
        self.origins: Origins = {}
        self.dropped: set[str] = set()  # codes of records refused by the schema (their references are not news)
        self.data: dict[str, Any] | None = None

    def add(self, problem: CellProblem) -> None:
        """One message per cell: the first one found."""
        if problem.key in self.seen and (problem.row or problem.record):
            return
        self.seen.add(problem.key)
        self.problems.append(problem)

    def place(self, path: tuple, field_name: str, message: str, record: str = "") -> None:
        if self.is_workbook:
            sheet, row, column = locate(self.origins, path, field_name)
            self.add(CellProblem(self.source, sheet, row, column, message))
        else:
            self.add(
                CellProblem(
                    self.source, "", None, field_name, message, record=record or pgettext("dataset record", "file")
                )
            )

    def read(self) -> None:
        if self.is_workbook:
            read = read_workbook(self.content, source=self.source)
            for problem in read.problems:
                self.add(problem)
            self.data, self.origins = read.data, read.origins
            self.dropped |= read.refused_keys
            return
        if len(self.content) > MAX_TEXT_BYTES:
            self.add(
                CellProblem(
                    self.source,
                    "",
                    None,
                    "",
                    gettext("the data file is larger than the limit (%(mb)s MB); split or shrink the file.")
                    % {"mb": MAX_TEXT_BYTES // (1024 * 1024)},
                )
            )
            return
        try:
            text = self.content.decode("utf-8")
        except UnicodeDecodeError:
            self.add(CellProblem(self.source, "", None, "", gettext("the file is not UTF-8 text.")))
            return
        try:
            self.data = dataset_io.parse_dataset(
                text, source=self.source, as_json=self.source.lower().endswith(".json")
            )
        except DatasetError as error:
            for problem in error.problems:
                self.add(CellProblem(self.source, "", None, problem.field, problem.message, record=problem.record))

    def check_schema(self) -> bool:
        """The schema's problems; the refused records of a workbook are dropped so that the loader can still
        check the rest. False when the data cannot go to the loader."""
        if self.data is None:
            return False
        validator = jsonschema.Draft202012Validator(dataset_io.schema(), format_checker=jsonschema.FormatChecker())
        for _ in range(MAX_ROUNDS):
            errors = list(validator.iter_errors(self.data))
            if not errors:
                return True
            drop: set[tuple] = set()
            fatal = False
            for error in errors:
                path, message = dataset_io._message(error)
                last = path[-1] if path else ""
                field_name = last if isinstance(last, str) else ""
                record = tuple(path[:-1]) if field_name else tuple(path)
                self.place(record, field_name, message, dataset_io._record_label(self.data, list(path))[0])
                indexes = [i for i, part in enumerate(record) if isinstance(part, int)]
                if indexes:
                    drop.add(record[: indexes[-1] + 1])
                else:
                    fatal = True
            if fatal or not self.is_workbook:
                return False
            for path in sorted(drop, key=lambda p: [(0, x) if isinstance(x, int) else (1, x) for x in p], reverse=True):
                self._drop(path)
        return False

    def _drop(self, path: tuple) -> None:
        node: Any = self.data
        for part in path[:-1]:
            node = node[part]
        item = node.pop(path[-1])
        for key in ("code", "nip", "name", "position", "indicator"):
            if isinstance(item, dict) and isinstance(item.get(key), str):
                self.dropped.add(item[key])

    def loader_problems(self, error: DatasetError) -> None:
        for problem in error.problems:
            if any(f"'{code}'" in problem.message for code in self.dropped):
                continue
            self.place(record_path(problem.record), problem.field, problem.message, problem.record)


def _counts(report: LoadReport) -> list[SheetCount]:
    by_label = {str(apps.get_model(label)._meta.verbose_name_plural): sheet for label, sheet in MODEL_SHEETS.items()}
    totals: dict[str, Counter] = {}
    for kind, counter in (("created", report.created), ("updated", report.updated), ("unchanged", report.unchanged)):
        for label, number in counter.items():
            totals.setdefault(by_label.get(label, label), Counter())[kind] += number
    order = list(dict.fromkeys(MODEL_SHEETS.values()))
    return [
        SheetCount(sheet, c["created"], c["updated"], c["unchanged"])
        for sheet, c in sorted(totals.items(), key=lambda item: order.index(item[0]) if item[0] in order else 99)
    ]


def _run(name: str, content: bytes, *, actor: Actor, agency: Agency | None, apply: bool) -> ImportResult:
    reading = _Reading(name, content)
    result = ImportResult(source=reading.source)
    reading.read()
    loadable = reading.check_schema()
    data = reading.data
    if data is not None and isinstance(data.get("agency"), dict):
        result.agency_code = str(data["agency"].get("code", ""))
        result.agency_name = str(data["agency"].get("name", ""))
        existing = Agency.objects.select_related("region").filter(code=result.agency_code).first()
        result.new_agency = existing is None
        if agency is not None and result.agency_code != agency.code:
            reading.place(
                ("agency",),
                "code",
                gettext("this file is for agency '%(file)s', not '%(open)s' that is open.")
                % {"file": result.agency_code, "open": agency.code},
            )
            loadable = False
        if (
            agency is not None
            and isinstance(data.get("region"), dict)
            and data["region"].get("code") != agency.region.code
        ):
            reading.place(
                ("region",), "code", gettext("this agency is in region '%(region)s'.") % {"region": agency.region.code}
            )
            loadable = False
    if loadable and data is not None:
        dry_run = bool(reading.problems) or not apply
        try:
            report = load_agency_data(
                actor=actor,
                data=data,
                source=reading.source,
                dry_run=dry_run,
                inspect=None if apply else lambda loaded: _check(result, loaded.agency),
            )
        except DatasetError as error:
            reading.loader_problems(error)
        else:
            result.counts = _counts(report)
            for change in report.changes:
                path = record_path(change.record)
                if reading.is_workbook:
                    sheet, row, column = locate(reading.origins, path, change.field)
                else:
                    sheet, row, column = "", None, change.field
                result.changes.append(
                    ChangedValue(sheet, row, column, change.record, change.before, change.after, change.kind)
                )
            result.applied = not dry_run and not reading.problems
    result.problems = reading.problems
    return result


def _check(result: ImportResult, agency: Agency) -> None:
    """The consistency check of the agency as the file leaves it (inside the preview's rolled-back load)."""
    result.consistency = check_agency(agency)


def preview(*, actor: Actor, name: str, content: bytes, agency: Agency | None = None) -> ImportResult:
    """What importing the file would create, change and leave, per sheet; its problems; and the consistency
    check of the agency as it would leave it (`consistency`, warnings that do not block). Writes nothing."""
    return _run(name, content, actor=actor, agency=agency, apply=False)


def import_file(*, actor: Actor, name: str, content: bytes, agency: Agency | None = None) -> ImportResult:
    """Import the file in one transaction; with any problem nothing is written (`applied` is False).

    `agency`: the agency whose page the file was uploaded on (the file must be that agency's); None for the
    command line and the administrator's import of a new agency."""
    with transaction.atomic():
        return _run(name, content, actor=actor, agency=agency, apply=True)
