"""Turn a Document into bytes of a chosen format, for the download views and the print_* commands alike."""

from dataclasses import dataclass
from pathlib import Path

from django.core.exceptions import ValidationError

from .document import Document


@dataclass(frozen=True)
class Format:
    suffix: str
    content_type: str


FORMATS = {
    "pdf": Format("pdf", "application/pdf"),
    "docx": Format("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "xlsx": Format("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
}


def render(document: Document, kind: str) -> bytes:
    """The document as `kind` ("pdf", "docx" or "xlsx")."""
    if kind == "pdf":
        from .render_pdf import render_pdf

        return render_pdf(document)
    if kind == "docx":
        from .render_docx import render_docx

        return render_docx(document)
    if kind == "xlsx":
        from .render_xlsx import render_xlsx

        return render_xlsx(document)
    raise ValidationError(f"Format “{kind}” tidak dikenal.")


def format_of(path: str | Path, allowed: tuple[str, ...]) -> str:
    """The format named by a file's suffix, refused when the document is not printed in it."""
    kind = Path(path).suffix.lower().lstrip(".")
    if kind not in allowed:
        names = " / ".join(f".{item}" for item in allowed)
        raise ValidationError(f"Berkas keluaran harus berakhiran {names}, bukan “{Path(path).name}”.")
    return kind


def write(document: Document, path: str | Path, allowed: tuple[str, ...]) -> int:
    """Write the document to `path` in the format its suffix names; returns the number of bytes written."""
    data = render(document, format_of(path, allowed))
    Path(path).write_bytes(data)
    return len(data)
