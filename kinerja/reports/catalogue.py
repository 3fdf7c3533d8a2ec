"""Which documents an agency can print, in which formats, and how each is built: one list for the documents page,
the download view and the tests."""

from dataclasses import dataclass

from kinerja.organisation.models import Agency, Position
from kinerja.strategy.models import Decree, StrategicPlan

from .agreement import build_agreement, build_agreements
from .decree import build_decree
from .document import Document
from .evaluation import build_evaluation
from .lkjip import build_report


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
AGREEMENT = DocumentKind("perjanjian-kinerja", "Perjanjian Kinerja", ("pdf", "docx"), per_position=True)
EVALUATION = DocumentKind(
    "evaluasi-renja", "Evaluasi hasil Renja per triwulan dan tabel capaian LKjIP", ("pdf", "xlsx"), needs_quarter=True
)
REPORT = DocumentKind("lkjip", "Laporan Kinerja Instansi Pemerintah (LKjIP)", ("docx", "pdf"))
KINDS = {kind.slug: kind for kind in (DECREE, DECREE_BOOK, AGREEMENT, EVALUATION, REPORT)}


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
    if kind is AGREEMENT:
        if request.position is not None:
            return build_agreement(request.position, request.year)
        return build_agreements(request.agency, request.year)
    if kind is EVALUATION:
        return build_evaluation(request.agency, request.year, request.quarter)
    if kind is REPORT:
        return build_report(request.agency, request.year)
    raise DocumentUnavailable(f"Dokumen “{kind.label}” belum dapat dicetak.")
