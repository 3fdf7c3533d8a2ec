"""One document model for every printed document: plain data that the Word, PDF and Excel renderers read.

A builder (decree.py, agreement.py, evaluation.py, lkjip.py) gathers its data in a fixed number of queries
and returns a `Document`; a renderer (render_html/render_pdf, render_docx, render_xlsx) turns any `Document`
into a file. No builder knows a file format and no renderer knows what a decree is, so an edit to an
indicator shows in every document and every format at once.

Missing data never raises: a builder prints the gap as "—" (MISSING) or a dotted line (DOTS) and adds a
sentence to `Document.missing`; a document with anything missing is a draft, printed with KONSEP across
each page.
"""

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

DOTS = "……………………………"

Align = Literal["left", "center", "right", "justify"]


@dataclass
class Text:
    """A run of text inside a paragraph."""

    text: str
    bold: bool = False
    italic: bool = False
    underline: bool = False


@dataclass
class Fraction:
    """A formula printed as numerator over denominator, followed by a tail such as "X 100%"."""

    numerator: str
    denominator: str
    tail: str = ""


@dataclass
class Paragraph:
    """A paragraph: runs of text, or a single fraction. `label` is a hanging label ("a.", "1.", "KESATU")."""

    runs: list[Text | Fraction]
    align: Align = "left"
    size: Literal["small", "normal", "large", "title"] = "normal"
    label: str = ""
    space_after: bool = True

    @classmethod
    def of(cls, text: str, *, bold: bool = False, **options) -> "Paragraph":
        return cls([Text(text, bold=bold)], **options)

    @property
    def plain(self) -> str:
        parts = []
        for run in self.runs:
            if isinstance(run, Fraction):
                parts.append(f"{run.numerator} / {run.denominator} {run.tail}".strip())
            else:
                parts.append(run.text)
        return "".join(parts)


@dataclass
class Heading:
    """A heading; level 1 headings with `in_contents` are listed in the table of contents."""

    text: str
    level: int = 1
    align: Align = "center"
    in_contents: bool = False


@dataclass
class Cell:
    """A table cell: paragraphs, spans, and for Excel the raw value (a Decimal, an int or a formula "=…")."""

    paragraphs: list[Paragraph]
    rowspan: int = 1
    colspan: int = 1
    align: Align = "left"
    bold: bool = False
    value: Decimal | int | str | None = None
    number_format: str = ""
    key: str = ""  # not printed: the code of what the cell names (an indicator, objective), to compare versions

    @classmethod
    def of(cls, text: str, **options) -> "Cell":
        return cls([Paragraph.of(text, space_after=False)], **options)

    @property
    def plain(self) -> str:
        return "\n".join(paragraph.plain for paragraph in self.paragraphs)


@dataclass
class Column:
    """A column: its share of the table's width (any unit; the renderers scale), and its Excel width."""

    width: float
    excel_width: float | None = None


@dataclass
class Table:
    """A table. Header rows repeat on every page; a row group (rows tied by a rowspan) is not split when it
    fits on a page. `style` "grid" draws borders and uses the sans-serif table font; "plain" is a layout table
    (Menimbang, INSTANSI / TUGAS / FUNGSI) in the body font without borders."""

    columns: list[Column]
    header: list[list[Cell]]
    groups: list[list[list[Cell]]]
    style: Literal["grid", "plain"] = "grid"
    size: Literal["small", "normal"] = "small"
    title: str = ""  # the sheet name when the table goes to Excel
    freeze_columns: int = 0

    @property
    def rows(self) -> list[list[Cell]]:
        return [row for group in self.groups for row in group]

    def layout(self) -> list[tuple[int, int, Cell]]:
        """(row, column, cell) of every cell, header rows first, given the rowspans and colspans above it."""
        taken: set[tuple[int, int]] = set()
        placed = []
        for row_index, row in enumerate([*self.header, *self.rows]):
            column = 0
            for cell in row:
                while (row_index, column) in taken:
                    column += 1
                placed.append((row_index, column, cell))
                for down in range(cell.rowspan):
                    for across in range(cell.colspan):
                        taken.add((row_index + down, column + across))
                column += cell.colspan
        return placed


@dataclass
class SignatureBlock:
    """One signature: lines above the signing space (place, date, position), the name, lines below it."""

    above: list[str]
    name: str
    below: list[str]


@dataclass
class Signatures:
    """One signature block on the right, or two side by side (left: the superior, right: the holder)."""

    blocks: list[SignatureBlock]

    def aligned(self) -> list[SignatureBlock]:
        """The blocks with blank lines on top of the shorter ones, so that the names stand on one line."""
        depth = max((len(block.above) for block in self.blocks), default=0)
        return [
            SignatureBlock([""] * (depth - len(block.above)) + block.above, block.name, block.below)
            for block in self.blocks
        ]


@dataclass
class Letterhead:
    region: str
    agency: str
    lines: list[str]
    emblem: str = ""  # the region's emblem, base64 (printed at the left of the letterhead); "" for none
    emblem_kind: str = ""  # "png" or "svg"


@dataclass
class Emblem:
    """The region's emblem alone, centred (the cover of a report); base64 and "png"/"svg" as in a Letterhead."""

    emblem: str
    emblem_kind: str
    height_mm: int = 35


@dataclass
class CornerNote:
    """The appendix header at the top right: label / NOMOR / TANGGAL / TENTANG rows."""

    rows: list[tuple[str, str]]


@dataclass
class Contents:
    """The table of contents: the headings marked `in_contents` and the sections with a `contents_title`."""

    title: str = "DAFTAR ISI"


Block = Paragraph | Heading | Table | Signatures | Letterhead | Emblem | CornerNote | Contents


@dataclass
class Section:
    """A run of pages with one orientation; every section starts on a new page."""

    blocks: list[Block]
    landscape: bool = False
    page_numbers: bool = True
    name: str = ""
    contents_title: str = ""  # listed in the table of contents under this title, without a visible heading


@dataclass
class Document:
    title: str
    filename_stem: str
    sections: list[Section]
    paper: str = "F4"
    missing: list[str] = field(default_factory=list)

    @property
    def is_draft(self) -> bool:
        return bool(self.missing)

    def contents(self) -> list[tuple[Section | Heading, str]]:
        """The entries of the table of contents in document order: (the section or heading, its title)."""
        entries: list[tuple[Section | Heading, str]] = []
        for section in self.sections:
            if section.contents_title:
                entries.append((section, section.contents_title))
            entries += [
                (block, block.text) for block in section.blocks if isinstance(block, Heading) and block.in_contents
            ]
        return entries

    def tables(self) -> list[Table]:
        return [block for section in self.sections for block in section.blocks if isinstance(block, Table)]


# -- freezing: a document as JSON and back (an enacted decree is kept exactly as it was printed) ----------------

_TYPES = {
    cls.__name__: cls
    for cls in (
        Text,
        Fraction,
        Paragraph,
        Heading,
        Cell,
        Column,
        Table,
        SignatureBlock,
        Signatures,
        Letterhead,
        Emblem,
        CornerNote,
        Contents,
        Section,
        Document,
    )
}


# Fields added after documents were frozen: left out while empty, so that a document printed without them has the
# data it had (an enacted decree compares equal to the same decree printed today).
_LEFT_OUT_WHEN_EMPTY = {"Letterhead": ("emblem", "emblem_kind"), "Cell": ("key",)}


def to_data(value: object) -> object:
    """A document (or any part of it) as JSON-ready data, every dataclass tagged with its name."""
    if type(value).__name__ in _TYPES:
        left_out = _LEFT_OUT_WHEN_EMPTY.get(type(value).__name__, ())
        fields = {name: item for name, item in vars(value).items() if not (name in left_out and not item)}
        return {"_": type(value).__name__, **{name: to_data(item) for name, item in fields.items()}}
    if isinstance(value, Decimal):
        return {"_": "Decimal", "v": str(value)}
    if isinstance(value, list | tuple):
        return [to_data(item) for item in value]
    return value


def as_printed(data: object) -> object:
    """Frozen data without what is not printed (the cells' keys): two versions that print the same are equal."""
    if isinstance(data, list):
        return [as_printed(item) for item in data]
    if isinstance(data, dict):
        return {
            name: as_printed(item) for name, item in data.items() if not (name == "key" and data.get("_") == "Cell")
        }
    return data


def from_data(data: object) -> object:
    """The inverse of `to_data`."""
    if isinstance(data, list):
        return [from_data(item) for item in data]
    if isinstance(data, dict) and "_" in data:
        if data["_"] == "Decimal":
            return Decimal(data["v"])
        fields = {name: from_data(item) for name, item in data.items() if name != "_"}
        if data["_"] == "CornerNote":
            fields["rows"] = [tuple(row) for row in fields["rows"]]
        return _TYPES[data["_"]](**fields)
    return data
