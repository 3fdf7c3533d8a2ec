"""Any Document as Word (.docx) through python-docx: what offices edit before signing.

Sections keep their orientation on the configured paper; grid tables repeat their header rows on every page,
rows do not split, rows tied by a rowspan are kept together; a ratio's formula is a small table (numerator
over a rule over denominator, the factor beside it) so that long descriptions wrap inside the cell.
"""

import io

from docx import Document as new_docx
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.text.paragraph import Paragraph as WordParagraph

from .document import (
    Block,
    Contents,
    CornerNote,
    Document,
    Emblem,
    Fraction,
    Heading,
    Letterhead,
    Paragraph,
    Section,
    SignatureBlock,
    Signatures,
    Table,
    Text,
)
from .emblem import png_bytes
from .render_html import paper_size

BODY_FONT = "Bookman Old Style"
TABLE_FONT = "Arial"
ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}
SIZES = {"small": Pt(9), "large": Pt(13), "title": Pt(16)}
MARGINS = {False: (20, 20, 25, 20), True: (15, 18, 15, 15)}  # top, bottom, left, right in mm


def _set(element, tag: str, **attributes) -> None:
    child = OxmlElement(tag)
    for name, value in attributes.items():
        child.set(qn(f"w:{name}"), value)
    element.append(child)


def _styles(docx) -> None:
    normal = docx.styles["Normal"]
    normal.font.name = BODY_FONT
    normal.font.size = Pt(11)
    normal.paragraph_format.space_after = Pt(4)
    for level, size in ((1, 12), (2, 11), (3, 11)):
        style = docx.styles[f"Heading {level}"]
        style.font.name = BODY_FONT
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.italic = level == 3
        style.font.color.rgb = RGBColor(0, 0, 0)
        style.paragraph_format.space_before = Pt(6)
        style.paragraph_format.space_after = Pt(6)
        style.paragraph_format.keep_with_next = True
    for name, size in (("Tabel", 8.5), ("Tabel besar", 10)):
        style = docx.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        style.font.name = TABLE_FONT
        style.font.size = Pt(size)
        style.paragraph_format.space_after = Pt(0)


def _page(section, paper: str, spec: Section) -> None:
    width, height = paper_size(paper)
    if spec.landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Mm(height), Mm(width)
    else:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Mm(width), Mm(height)
    top, bottom, left, right = MARGINS[spec.landscape]
    section.top_margin, section.bottom_margin = Mm(top), Mm(bottom)
    section.left_margin, section.right_margin = Mm(left), Mm(right)


def _field(paragraph, instruction: str, placeholder: str = "") -> None:
    run = paragraph.add_run()
    _set(run._r, "w:fldChar", fldCharType="begin")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = instruction
    run._r.append(instr)
    _set(run._r, "w:fldChar", fldCharType="separate")
    if placeholder:
        paragraph.add_run(placeholder)
    end = paragraph.add_run()
    _set(end._r, "w:fldChar", fldCharType="end")


def _header_footer(section, spec: Section, draft: bool) -> None:
    section.header.is_linked_to_previous = False
    section.footer.is_linked_to_previous = False
    header = section.header.paragraphs[0]
    header.text = ""
    if draft:
        header.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = header.add_run("KONSEP")
        run.bold = True
        run.font.size = Pt(28)
        run.font.color.rgb = RGBColor(0xC8, 0x00, 0x00)
    footer = section.footer.paragraphs[0]
    footer.text = ""
    if spec.page_numbers:
        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _field(footer, "PAGE", "1")


def _runs(paragraph, runs: list[Text]) -> None:
    """The text runs of a paragraph (its fractions are small tables that `_paragraphs` places after it)."""
    for run in runs:
        piece = paragraph.add_run(run.text)
        piece.bold = run.bold or None
        piece.italic = run.italic or None
        piece.underline = run.underline or None


def _fraction(container, fraction: Fraction, width_mm: float, style: str) -> None:
    table = container.add_table(rows=2, cols=2)
    table.autofit = False
    tail_width = min(18.0, width_mm * 0.3)
    widths = (width_mm - tail_width, tail_width)
    texts = ((fraction.numerator, fraction.tail), (fraction.denominator, None))
    for row_index, row in enumerate(table.rows):
        for column_index, cell in enumerate(row.cells):
            cell.width = Mm(widths[column_index])
            text = texts[row_index][column_index]
            if text is not None:
                paragraph = cell.paragraphs[0]
                paragraph.style = style
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER if column_index == 0 else WD_ALIGN_PARAGRAPH.LEFT
                paragraph.add_run(text)
    borders = OxmlElement("w:tcBorders")
    _set(borders, "w:bottom", val="single", sz="6", space="0", color="000000")
    table.cell(0, 0)._tc.get_or_add_tcPr().append(borders)
    tail = table.cell(0, 1).merge(table.cell(1, 1))
    tail.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER


def _paragraphs(container, paragraphs: list[Paragraph], width_mm: float, style: str | None = None, first=None) -> None:
    """Add `paragraphs` to a document body or a cell; `first` is an existing empty paragraph to fill."""
    for paragraph in paragraphs:
        fractions = [run for run in paragraph.runs if isinstance(run, Fraction)]
        texts = [run for run in paragraph.runs if isinstance(run, Text)]
        if texts or not fractions:
            target = first if first is not None else container.add_paragraph()
            first = None
            if style:
                target.style = style
            target.alignment = ALIGN[paragraph.align]
            if not paragraph.space_after:
                target.paragraph_format.space_after = Pt(0)
            if paragraph.label:
                target.paragraph_format.left_indent = Mm(8)
                target.paragraph_format.first_line_indent = Mm(-8)
                target.add_run(paragraph.label + "\t")
            _runs(target, texts)
            if paragraph.size in SIZES:
                for run in target.runs:
                    run.font.size = SIZES[paragraph.size]
                    if paragraph.size != "small":
                        run.bold = True
        for fraction in fractions:
            _fraction(container, fraction, width_mm, style or "Normal")
            if first is not None:  # a cell's own first paragraph stays empty above the fraction: remove it
                first._p.getparent().remove(first._p)
                first = None


def _table(docx, table: Table, width_mm: float) -> None:
    rows = [*table.header, *table.rows]
    if not rows:
        return
    total = sum(column.width for column in table.columns) or 1
    widths = [width_mm * column.width / total for column in table.columns]
    out = docx.add_table(rows=len(rows), cols=len(widths))
    out.autofit = False
    grid = table.style == "grid"
    if grid:
        out.style = "Table Grid"
    style = ("Tabel" if table.size == "small" else "Tabel besar") if grid else None
    cells = [list(row.cells) for row in out.rows]
    for row in cells:
        for index, cell in enumerate(row):
            cell.width = Mm(widths[index])
    for index, row in enumerate(out.rows):
        properties = row._tr.get_or_add_trPr()
        _set(properties, "w:cantSplit", val="true")
        if index < len(table.header):
            _set(properties, "w:tblHeader", val="true")
    group_ends = set()
    position = len(table.header)
    for group in table.groups:
        position += len(group)
        group_ends.add(position - 1)
    for row_index, column, cell in table.layout():
        target = cells[row_index][column]
        if cell.rowspan > 1 or cell.colspan > 1:
            target = target.merge(cells[row_index + cell.rowspan - 1][column + cell.colspan - 1])
        span_width = sum(widths[column : column + cell.colspan])
        _paragraphs(target, cell.paragraphs or [Paragraph.of("")], span_width, style, first=target.paragraphs[0])
        is_header = row_index < len(table.header)
        for paragraph in target.paragraphs:
            if cell.align != "left":
                paragraph.alignment = ALIGN[cell.align]
            if is_header and grid:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            if cell.bold or (is_header and grid):
                for run in paragraph.runs:
                    run.bold = True
            # rows of one group stay on one page: every row but the group's last keeps with the next
            if grid and not is_header and row_index + cell.rowspan - 1 not in group_ends:
                paragraph.paragraph_format.keep_with_next = True
        if is_header and grid:
            shading = OxmlElement("w:shd")
            shading.set(qn("w:val"), "clear")
            shading.set(qn("w:fill"), "D9D9D9")
            target._tc.get_or_add_tcPr().append(shading)
    docx.add_paragraph().paragraph_format.space_after = Pt(0)


def _signatures(docx, signatures: Signatures, width_mm: float) -> None:
    """Two rows, as in the PDF: the lines above the signing space bottom-aligned, then space, name, lines below.
    They never stand alone on a page: what is just before them (a paragraph, a table's last row) keeps with them."""
    for element in reversed([child for child in docx.element.body if child.tag != qn("w:sectPr")][-2:]):
        last = element.findall(qn("w:tr"))[-1:] if element.tag == qn("w:tbl") else [element]
        for paragraph in (p for part in last for p in part.iter(qn("w:p"))):
            WordParagraph(paragraph, None).paragraph_format.keep_with_next = True
    blocks: list[SignatureBlock | None] = list(signatures.aligned())
    columns = max(2, len(blocks))
    if len(blocks) == 1:
        blocks.insert(0, None)
    table = docx.add_table(rows=2, cols=columns)
    table.autofit = False
    for column, block in enumerate(blocks):
        top, bottom = table.cell(0, column), table.cell(1, column)
        top.width = bottom.width = Mm(width_mm / columns)
        top.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.BOTTOM
        if block is None:
            continue
        for cell, lines in ((top, block.above), (bottom, ["", "", "", block.name, *block.below])):
            for index, line in enumerate(lines):
                paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
                paragraph.paragraph_format.space_after = Pt(0)
                paragraph.paragraph_format.keep_with_next = True
                run = paragraph.add_run(line)
                if cell is bottom and index == 3:
                    run.bold = True
                    run.underline = True
    for row in table.rows:
        _set(row._tr.get_or_add_trPr(), "w:cantSplit", val="true")


def _letterhead(docx, letterhead: Letterhead) -> None:
    lines = [(letterhead.region, Pt(13), True), (letterhead.agency, Pt(14), True)]
    lines += [(line, Pt(9.5), False) for line in letterhead.lines]
    if letterhead.emblem:
        _letterhead_with_emblem(docx, letterhead, lines)
        return
    for index, (text, size, bold) in enumerate(lines):
        paragraph = docx.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.space_after = Pt(0)
        run = paragraph.add_run(text)
        run.font.size = size
        run.bold = bold
        if index == len(lines) - 1:
            borders = OxmlElement("w:pBdr")
            _set(borders, "w:bottom", val="double", sz="12", space="4", color="000000")
            paragraph._p.get_or_add_pPr().append(borders)
    docx.add_paragraph()


def _letterhead_with_emblem(docx, letterhead: Letterhead, lines: list[tuple[str, object, bool]]) -> None:
    """The emblem (2.2 cm high) in a narrow left cell, the lines centred in the wide one, the double rule below."""
    table = docx.add_table(rows=1, cols=3)
    table.autofit = False
    emblem, text, _right = table.rows[0].cells
    for cell, width in zip(table.rows[0].cells, (26, 120, 26), strict=True):
        cell.width = Mm(width)
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    emblem.paragraphs[0].add_run().add_picture(io.BytesIO(png_bytes(letterhead)), height=Mm(22))
    for index, (line, size, bold) in enumerate(lines):
        paragraph = text.paragraphs[0] if index == 0 else text.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.space_after = Pt(0)
        run = paragraph.add_run(line)
        run.font.size = size
        run.bold = bold
    rule = docx.add_paragraph()
    rule.paragraph_format.space_after = Pt(0)
    borders = OxmlElement("w:pBdr")
    _set(borders, "w:bottom", val="double", sz="12", space="4", color="000000")
    rule._p.get_or_add_pPr().append(borders)
    docx.add_paragraph()


def _corner(docx, note: CornerNote, width_mm: float) -> None:
    table = docx.add_table(rows=len(note.rows), cols=3)
    table.alignment = WD_TABLE_ALIGNMENT.RIGHT
    table.autofit = False
    widths = (28, 4, max(40.0, width_mm * 0.45 - 32))
    for row, (label, value) in zip(table.rows, note.rows, strict=True):
        for cell, width, text in zip(row.cells, widths, (label, ":", value), strict=True):
            cell.width = Mm(width)
            paragraph = cell.paragraphs[0]
            paragraph.paragraph_format.space_after = Pt(0)
            run = paragraph.add_run(text)
            run.font.size = Pt(9.5)
    docx.add_paragraph()


def _contents(docx, contents: Contents, document: Document) -> None:
    heading = docx.add_paragraph()
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    heading.add_run(contents.title).bold = True
    paragraph = docx.add_paragraph()
    placeholder = "\n".join(title for _, title in document.contents())
    _field(paragraph, 'TOC \\o "1-1" \\h \\z \\u', placeholder)
    settings = docx.settings.element
    _set(settings, "w:updateFields", val="true")


def _block(docx, block: Block, document: Document, width_mm: float) -> None:
    if isinstance(block, Paragraph):
        _paragraphs(docx, [block], width_mm)
    elif isinstance(block, Heading):
        if block.in_contents:  # only these reach the table of contents (TOC \o "1-1")
            paragraph = docx.add_heading(block.text, level=1)
        else:
            paragraph = docx.add_paragraph()
            run = paragraph.add_run(block.text)
            run.bold = True
            run.italic = block.level >= 3
            paragraph.paragraph_format.space_before = Pt(6)
            paragraph.paragraph_format.keep_with_next = True
        paragraph.alignment = ALIGN[block.align]
    elif isinstance(block, Table):
        _table(docx, block, width_mm)
    elif isinstance(block, Signatures):
        _signatures(docx, block, width_mm)
    elif isinstance(block, Emblem):
        picture = docx.add_paragraph()
        picture.alignment = WD_ALIGN_PARAGRAPH.CENTER
        picture.add_run().add_picture(io.BytesIO(png_bytes(block)), height=Mm(block.height_mm))
    elif isinstance(block, Letterhead):
        _letterhead(docx, block)
    elif isinstance(block, CornerNote):
        _corner(docx, block, width_mm)
    elif isinstance(block, Contents):
        _contents(docx, block, document)
    else:
        raise TypeError(f"unknown block {type(block).__name__}")


def render_docx(document: Document) -> bytes:
    docx = new_docx()
    _styles(docx)
    docx.core_properties.title = document.title
    docx.core_properties.language = "id-ID"
    for index, spec in enumerate(document.sections):
        section = docx.sections[0] if index == 0 else docx.add_section(WD_SECTION.NEW_PAGE)
        _page(section, document.paper, spec)
        _header_footer(section, spec, document.is_draft)
        width, height = paper_size(document.paper)
        _top, _bottom, left, right = MARGINS[spec.landscape]
        usable = (height if spec.landscape else width) - left - right
        if spec.contents_title:  # a hidden level-1 heading, so that Word's table of contents lists the section
            marker = docx.add_heading("", level=1)
            run = marker.add_run(spec.contents_title)
            run.font.hidden = True
        for block in spec.blocks:
            _block(docx, block, document, usable)
    buffer = io.BytesIO()
    docx.save(buffer)
    return buffer.getvalue()
