"""Which documents an agency can print, in which formats, and how each is built: one list for the documents page,
the download view and the tests."""

from dataclasses import dataclass

from kinerja.organisation.models import Agency, Position
from kinerja.strategy.models import Decree, StrategicPlan

from .decree import build_decree
from .document import Document


class DocumentUnavailable(Exception):
    """The document cannot be built at all (not: built with gaps): the message says why, in Indonesian."""


@dataclass(frozen=True)
class DocumentKind:
    slug: str
    label: str
    formats: tuple[str, ...]
    needs_quarter: bool = False
    per_position: bool = False


DECREE = DocumentKind("keputusan-iku-iki", "Keputusan IKU/IKI", ("pdf", "docx"))
DECREE_BOOK = DocumentKind(
    "buku-iku-iki", "Buku IKU/IKI (sampul, kata pengantar, bab I–III, keputusan)", ("pdf", "docx")
)
KINDS = {kind.slug: kind for kind in (DECREE, DECREE_BOOK)}


@dataclass(frozen=True)
class Request:
    """What a document is asked for: the agency's plan, a year, and where the kind needs them a quarter or a
    position (None: every position)."""

    agency: Agency
    plan: StrategicPlan
    year: int
    quarter: int = 4
    position: Position | None = None


def build_document(kind: DocumentKind, request: Request) -> Document:
    if kind in (DECREE, DECREE_BOOK):
        try:
            return build_decree(request.plan, request.year, book=kind is DECREE_BOOK)
        except Decree.DoesNotExist as error:
            raise DocumentUnavailable(f"Belum ada keputusan IKU/IKI tahun {request.year}.") from error
    raise DocumentUnavailable(f"Dokumen “{kind.label}” belum dapat dicetak.")
