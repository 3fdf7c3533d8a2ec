"""What a load did and what is wrong with an input file: the report (created, changed, unchanged, every value
changed) and the problems, each naming the file, the record and the field (or the sheet, row and column)."""

from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext

from kinerja.core import audit
from kinerja.core.numbers import format_exact
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
            where += ", " + gettext("column '%(column)s'") % {"column": self.field}
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
            where.append(gettext("sheet '%(sheet)s'") % {"sheet": self.sheet})
        if self.row:
            where.append(gettext("row %(row)s") % {"row": self.row})
        if self.record:
            where.append(self.record)
        if self.column:
            where.append(gettext("column '%(column)s'") % {"column": self.column})
        return f"{', '.join(where)}: {self.message}"


NEW, CHANGED, EXAMPLE = "baru", "diubah", "contoh"  # kinds of a change (keys; ImportResult says them)


@dataclass(frozen=True)
class Change:
    """One value a load writes: what (the plural label), which record, which field, before → after. `kind`: a
    changed value (`before` is what the database held), a figure of a new row (`before` is empty), or a figure
    that replaces an example figure (`before` is the example's value, which no exported file holds)."""

    label: str
    record: str
    field: str
    before: str
    after: str
    kind: str = CHANGED


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
        text = gettext("%(what)s: %(created)s new, %(updated)s changed, %(unchanged)s unchanged")
        return [
            text
            % {
                "what": name,
                "created": self.created[name],
                "updated": self.updated[name],
                "unchanged": self.unchanged[name],
            }
            for name in names
        ]


# What a load writes in the trail, in the record language whoever loads (core.audit.in_record_language).
def loaded_note(source: str) -> str:
    with audit.in_record_language():
        return gettext("Loaded from the file %(file)s") % {"file": source}


def loaded_description(source: str, created: int, updated: int) -> str:
    with audit.in_record_language():
        text = gettext("Agency data loaded from %(file)s: %(created)s new, %(updated)s changed")
        return text % {"file": source, "created": created, "updated": updated}


def replaced_description(model: Any, owner: Any) -> str:
    with audit.in_record_language():
        text = gettext("%(rows)s «%(owner)s» replaced")
        return text % {"rows": str(model._meta.verbose_name_plural).capitalize(), "owner": str(owner)[:150]}


def shown(value: Any) -> str:
    """A value as the preview shows it: a number the Indonesian way ("1.234,5")."""
    if isinstance(value, Decimal):
        return format_exact(value)
    return "" if value is None else str(value)
