"""What the print_* commands share: the output argument, writing the file, reporting the gaps."""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from .document import Document
from .output import write


def add_output_argument(parser: CommandParser, allowed: tuple[str, ...]) -> None:
    names = "|".join(f"FILE.{kind}" for kind in allowed)
    parser.add_argument("--output", "-o", type=Path, required=True, metavar=names, help=f"berkas tujuan ({names})")


def print_document(command: BaseCommand, document: Document, path: Path, allowed: tuple[str, ...]) -> None:
    """Write `document` to `path` in the format its suffix names; say what was written and what is missing."""
    try:
        size = write(document, path, allowed)
    except ValidationError as error:
        raise CommandError(" ".join(error.messages)) from error
    size_text = f"{size:,}".replace(",", ".")
    command.stdout.write(command.style.SUCCESS(f"{document.title} ditulis ke {path} ({size_text} bita)."))
    if document.missing:
        command.stdout.write(command.style.WARNING("KONSEP — data yang belum lengkap:"))
        for sentence in document.missing:
            command.stdout.write(f"  - {sentence}")
