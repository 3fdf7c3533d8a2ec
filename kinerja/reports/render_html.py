"""Any Document as HTML for WeasyPrint: sections become named pages (portrait, landscape, without numbers)."""

from html import escape
from pathlib import Path

from .document import (
    Block,
    Cell,
    Contents,
    CornerNote,
    Document,
    Emblem,
    Fraction,
    Heading,
    Letterhead,
    Paragraph,
    Section,
    Signatures,
    Table,
    Text,
)
from .emblem import data_uri

CSS_FILE = Path(__file__).with_name("print.css")
PAPER_SIZES = {"F4": (215, 330), "A4": (210, 297)}


def paper_size(paper: str) -> tuple[int, int]:
    """Width and height in millimetres of the configured paper, portrait; F4 when the name is unknown."""
    return PAPER_SIZES.get(paper.upper(), PAPER_SIZES["F4"])


def page_name(section: Section) -> str:
    return ("landscape" if section.landscape else "portrait") + ("" if section.page_numbers else "-plain")


def page_css(paper: str, draft: bool = False) -> str:
    """The named pages on the configured paper; a draft also says KONSEP in the top margin of every page,
    besides the watermark across it."""
    width, height = paper_size(paper)
    mark = '@top-right { content: "KONSEP"; font: bold 11pt "Liberation Sans", Arial, sans-serif; color: #c80000; }'
    mark = mark if draft else ""
    rules = []
    for landscape in (False, True):
        size = f"{height}mm {width}mm" if landscape else f"{width}mm {height}mm"
        name = "landscape" if landscape else "portrait"
        margin = "15mm 15mm 18mm 15mm" if landscape else "20mm 20mm 20mm 25mm"
        rules.append(f"@page {name} {{ size: {size}; margin: {margin}; {mark} }}")
        rules.append(
            f"@page {name}-plain {{ size: {size}; margin: {margin}; @bottom-center {{ content: none; }} {mark} }}"
        )
    return "\n".join(rules) + "\n"


def _runs(runs: list[Text | Fraction]) -> str:
    parts = []
    for run in runs:
        if isinstance(run, Fraction):
            parts.append(
                '<table class="fraction"><tr><td class="num">' + escape(run.numerator) + "</td>"
                '<td class="tail" rowspan="2">' + escape(run.tail) + "</td></tr>"
                '<tr><td class="den">' + escape(run.denominator) + "</td></tr></table>"
            )
            continue
        text = escape(run.text).replace("\n", "<br>")
        if run.bold:
            text = f"<b>{text}</b>"
        if run.italic:
            text = f"<i>{text}</i>"
        if run.underline:
            text = f"<u>{text}</u>"
        parts.append(text)
    return "".join(parts)


def _paragraph(paragraph: Paragraph) -> str:
    classes = [f"align-{paragraph.align}", f"size-{paragraph.size}"]
    if not paragraph.space_after:
        classes.append("tight")
    body = _runs(paragraph.runs)
    if paragraph.label:
        classes.append("labelled")
        body = f'<span class="label">{escape(paragraph.label)}</span><span class="labelled-text">{body}</span>'
    return f'<div class="p {" ".join(classes)}">{body}</div>'


def _cell(cell: Cell, tag: str) -> str:
    spans = ""
    if cell.rowspan > 1:
        spans += f' rowspan="{cell.rowspan}"'
    if cell.colspan > 1:
        spans += f' colspan="{cell.colspan}"'
    classes = f"align-{cell.align}" + (" bold" if cell.bold else "")
    body = "".join(_paragraph(paragraph) for paragraph in cell.paragraphs)
    return f'<{tag} class="{classes}"{spans}>{body}</{tag}>'


def _table(table: Table) -> str:
    total = sum(column.width for column in table.columns) or 1
    cols = "".join(f'<col style="width:{column.width * 100 / total:.2f}%">' for column in table.columns)
    head = "".join("<tr>" + "".join(_cell(cell, "th") for cell in row) + "</tr>" for row in table.header)
    bodies = []
    for group in table.groups:
        keep = " keep" if 1 < len(group) <= 6 else ""
        rows = "".join("<tr>" + "".join(_cell(cell, "td") for cell in row) + "</tr>" for row in group)
        bodies.append(f'<tbody class="group{keep}">{rows}</tbody>')
    head_html = f"<thead>{head}</thead>" if head else ""
    opening = f'<table class="{table.style} size-{table.size}"><colgroup>{cols}</colgroup>'
    return f"{opening}{head_html}{''.join(bodies)}</table>"


def _signatures(signatures: Signatures) -> str:
    """Two rows: what stands above the signing space (bottom-aligned), then the space, the name and what is
    below it — so that the names stand on one line however the titles above them wrap."""
    tops, bottoms = [], []
    for block in signatures.aligned():
        tops.append(
            "<td>"
            + "".join(f'<div class="sig-line">{escape(line) or "&nbsp;"}</div>' for line in block.above)
            + "</td>"
        )
        below = "".join(f'<div class="sig-line">{escape(line)}</div>' for line in block.below)
        bottoms.append(f'<td><div class="sig-space"></div><div class="sig-name">{escape(block.name)}</div>{below}</td>')
    if len(tops) == 1:
        tops.insert(0, "<td></td>")
        bottoms.insert(0, "<td></td>")
    return f'<table class="signatures"><tr class="sig-top">{"".join(tops)}</tr><tr>{"".join(bottoms)}</tr></table>'


def _letterhead(letterhead: Letterhead) -> str:
    lines = "".join(f'<div class="kop-line">{escape(line)}</div>' for line in letterhead.lines)
    kind, emblem = "kop", ""
    if letterhead.emblem:  # the region's emblem at the left; without one the letterhead is as it always was
        kind, emblem = "kop kop-with-emblem", f'<img class="kop-emblem" src="{escape(data_uri(letterhead))}" alt="">'
    return (
        f'<header class="{kind}">{emblem}<div class="kop-region">{escape(letterhead.region)}</div>'
        f'<div class="kop-agency">{escape(letterhead.agency)}</div>{lines}</header>'
    )


def _corner(note: CornerNote) -> str:
    rows = "".join(
        f'<tr><td class="corner-label">{escape(label)}</td><td class="colon">:</td><td>{escape(value)}</td></tr>'
        for label, value in note.rows
    )
    return f'<table class="corner">{rows}</table>'


def _contents(contents: Contents, document: Document) -> str:
    entries = "".join(
        f'<li><a href="#h-{index}">{escape(title)}</a></li>' for index, (_, title) in enumerate(document.contents())
    )
    return f'<h1 class="align-center">{escape(contents.title)}</h1><ul class="contents">{entries}</ul>'


def _block(block: Block, document: Document, anchors: dict[int, int]) -> str:
    if isinstance(block, Paragraph):
        return _paragraph(block)
    if isinstance(block, Heading):
        anchor = f' id="h-{anchors[id(block)]}"' if id(block) in anchors else ""
        return f'<h{block.level} class="align-{block.align}"{anchor}>{escape(block.text)}</h{block.level}>'
    if isinstance(block, Table):
        return _table(block)
    if isinstance(block, Signatures):
        return _signatures(block)
    if isinstance(block, Emblem):
        return f'<p class="emblem"><img src="{escape(data_uri(block))}" style="height: {block.height_mm}mm" alt=""></p>'
    if isinstance(block, Letterhead):
        return _letterhead(block)
    if isinstance(block, CornerNote):
        return _corner(block)
    if isinstance(block, Contents):
        return _contents(block, document)
    raise TypeError(f"unknown block {type(block).__name__}")


def render_html(document: Document) -> str:
    anchors = {id(entry): index for index, (entry, _) in enumerate(document.contents())}
    sections = "".join(
        f'<section class="{page_name(section)}"'
        + (f' id="h-{anchors[id(section)]}">' if id(section) in anchors else ">")
        + "".join(_block(block, document, anchors) for block in section.blocks)
        + "</section>"
        for section in document.sections
    )
    konsep = '<div class="konsep" aria-hidden="true">KONSEP</div>' if document.is_draft else ""
    css = page_css(document.paper, document.is_draft) + CSS_FILE.read_text(encoding="utf-8")
    return (
        f'<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>{escape(document.title)}</title>'
        f"<style>{css}</style></head><body>{konsep}{sections}</body></html>"
    )
