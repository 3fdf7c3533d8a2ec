"""What the print_* commands share: write a Document, report what was written and what is missing."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from kinerja.reports.document import Document
from kinerja.reports.output import write


def write_document(command: BaseCommand, document: Document, path: str, allowed: tuple[str, ...]) -> None:
    try:
        size = write(document, path, allowed)
    except ValidationError as error:
        raise CommandError(" ".join(error.messages)) from error
    state = "KONSEP (data belum lengkap)" if document.is_draft else "lengkap"
    command.stdout.write(command.style.SUCCESS(f"{document.title} ditulis ke {path} ({size} bita), {state}."))
    if document.missing:
        command.stdout.write(f"Yang belum diisi ({len(document.missing)}):")
        for line in document.missing:
            command.stdout.write(f"  - {line}")
