"""One column and one sheet of the column table: the kinds of cell, `Column`, `Sheet`, and `_c`, the short way the
sheet tables (`organisation_sheets`, `plan_sheets`, `figure_sheets`) write a column."""

from collections.abc import Iterable
from dataclasses import dataclass

TEXT, LONG, CODE, CODES, INT, NUMBER, BOOL, DATE, CHOICE, NIP = (
    "teks",
    "teks panjang",
    "kode",
    "daftar kode",
    "bilangan bulat",
    "angka",
    "ya/tidak",
    "tanggal",
    "pilihan",
    "NIP",
)
YES_NO = (("true", "Ya"), ("false", "Tidak"))
# The conditions under which a column is required (the Petunjuk sheet's "Wajib" column).
RATIO, NOT_RATIO = "Formula = Rasio", "Formula = Jumlah atau Nilai"
RANGE = "Polaritas indikator = Rentang (kecuali kondisi awal)"


@dataclass(frozen=True)
class Column:
    header: str
    key: str
    kind: str
    help: str
    required: bool = False
    choices: tuple[tuple[str, str], ...] = ()
    width: int = 18
    may_be_absent: bool = False  # added later: a workbook written before it has no such column, and is still read
    required_when: str = ""  # required only then (e.g. "Formula = Rasio"): marked, and checked by the loader
    aliases: tuple[str, ...] = ()  # former headers, still read (a workbook written before a column was renamed)

    @property
    def requirement(self) -> str:
        """What the Petunjuk sheet says in its "Wajib" column."""
        return "wajib" if self.required else (f"wajib bila {self.required_when}" if self.required_when else "")

    def choice_labels(self) -> list[str]:
        return [label for _, label in self.choices]


@dataclass(frozen=True)
class Sheet:
    name: str
    help: str
    columns: tuple[Column, ...]
    single: bool = False  # one record at most (the agency, the plan …)

    def column(self, key: str) -> Column | None:
        return next((column for column in self.columns if column.key == key), None)


def _c(
    header: str,
    key: str,
    kind: str,
    help_text: str,
    *,
    required: bool = False,
    choices: Iterable[tuple[str, str]] = (),
    width: int | None = None,
    may_be_absent: bool = False,
    when: str = "",
    was: str = "",
) -> Column:
    widths = {LONG: 60, TEXT: 32, CODE: 18, CODES: 24, NIP: 22}
    width = width or widths.get(kind, 14)
    aliases = (was,) if was else ()
    return Column(header, key, kind, help_text, required, tuple(choices), width, may_be_absent, when, aliases)


# The column several sheets (the plan's IKI rows, the targets, the actuals) have alike.
OF_INDICATOR = _c("Kode Indikator", "indicator", CODE, "Kode dari lembar Indikator.", required=True)
