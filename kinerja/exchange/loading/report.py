"""What a load did and what is wrong with an input file: the report (created, changed, unchanged, every value
changed) and the problems, each naming the file, the record and the field (or the sheet, row and column)."""

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from kinerja.organisation.models import Agency


@dataclass(frozen=True)
class Problem:
    source: str
    record: str
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.source}: {self.record}" if self.record else self.source
        if self.field:
            where += f", kolom '{self.field}'"
        return f"{where}: {self.message}"


class DatasetError(Exception):
    """The file is refused; nothing of it was written."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(problem) for problem in problems))


@dataclass(frozen=True)
class CellProblem:
    """A problem of an imported file where the person who wrote it looks for it: the sheet, row and column of
    a workbook, or the record and field of a YAML/JSON dataset."""

    source: str
    sheet: str
    row: int | None
    column: str
    message: str
    record: str = ""

    @property
    def key(self) -> tuple:
        return self.sheet, self.row, self.column, self.record

    def __str__(self) -> str:
        where = [self.source]
        if self.sheet:
            where.append(f"lembar '{self.sheet}'")
        if self.row:
            where.append(f"baris {self.row}")
        if self.record:
            where.append(self.record)
        if self.column:
            where.append(f"kolom '{self.column}'")
        return f"{', '.join(where)}: {self.message}"


@dataclass(frozen=True)
class Change:
    """One value a load changes: what (the plural label), which record, which field, before → after."""

    label: str
    record: str
    field: str
    before: str
    after: str


@dataclass
class LoadReport:
    agency: Agency | None = None
    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    unchanged: Counter = field(default_factory=Counter)
    changes: list[Change] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(sum(self.created.values()) + sum(self.updated.values()))

    def lines(self) -> list[str]:
        names = sorted(set(self.created) | set(self.updated) | set(self.unchanged))
        return [
            f"{name}: {self.created[name]} baru, {self.updated[name]} diubah, {self.unchanged[name]} tetap"
            for name in names
        ]


def shown(value: Any) -> str:
    return "" if value is None else str(value)
