"""Any Document as PDF: its HTML (render_html) printed by WeasyPrint with the fonts installed on the machine."""

from .document import Document
from .render_html import render_html


def render_pdf(document: Document) -> bytes:
    from weasyprint import HTML  # imported here: loading pango costs time that pages without PDF need not pay

    return HTML(string=render_html(document)).write_pdf()


def render_pdf_of_html(html: str) -> bytes:
    """WeasyPrint alone on ready HTML: what the benchmark compares building a document against."""
    from weasyprint import HTML

    return HTML(string=html).write_pdf()
