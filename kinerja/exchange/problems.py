"""What is wrong with an input file: every problem names the file, the record and the field."""

from dataclasses import dataclass


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
