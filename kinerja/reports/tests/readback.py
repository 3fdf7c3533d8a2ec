"""Reading printed documents back, as a person would: the text of a PDF (pdftotext) and of a Word file."""

import io
import re
import subprocess
import tempfile
from pathlib import Path

from docx import Document as open_docx

WORD_TEXT = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"


def normalise(text: str) -> str:
    """One line, single spaces, and no hyphen or slash with the spaces around it: a PDF's text breaks lines
    after "perundang-" or "Kabupaten/", WeasyPrint hyphenates long words in narrow cells (U+2010), and
    pdftotext joins them differently than they were typed."""
    text = re.sub(r"\s+", " ", text)
    return re.sub(r"\s*[-/\u2010\u00ad]\s*", "", text).strip()


def pdf_text(data: bytes) -> str:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "document.pdf"
        path.write_bytes(data)
        return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def pdf_page_sizes(data: bytes) -> list[tuple[float, float]]:
    """Width and height in points of every page (pdfinfo)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "document.pdf"
        path.write_bytes(data)
        info = subprocess.run(
            ["pdfinfo", "-f", "1", "-l", "9999", str(path)], capture_output=True, text=True, check=True
        ).stdout
    sizes = re.findall(r"^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", info, flags=re.MULTILINE)
    return [(float(width), float(height)) for width, height in sizes]


def pdf_pages(data: bytes) -> list[str]:
    return pdf_text(data).split("\f")


def docx_text(data: bytes) -> str:
    """Every piece of text of the body in document order, nested tables included."""
    document = open_docx(io.BytesIO(data))
    return " ".join(node.text or "" for node in document.element.body.iter(WORD_TEXT))


def docx_header_text(data: bytes) -> str:
    document = open_docx(io.BytesIO(data))
    return " ".join(paragraph.text for section in document.sections for paragraph in section.header.paragraphs)


def find_in_order(text: str, items: list[str], start: int = 0) -> tuple[list[str], int]:
    """The items not found in `text` one after another (each after the previous), and where the search ended."""
    missing = []
    cursor = start
    for item in items:
        index = text.find(normalise(item), cursor)
        if index < 0:
            missing.append(item)
        else:
            cursor = index
    return missing, cursor
