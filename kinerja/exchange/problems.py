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
