"""Which documents an agency can print, in which formats, and how each is built: one list for the documents page,
the download view and the tests."""

from dataclasses import dataclass

from django.conf import settings
from django.utils import translation

from kinerja.organisation.models import Agency, Position
from kinerja.strategy.models import Decree, StrategicPlan

from .action_plan import build_action_plan
from .agreement import build_agreement, build_agreements
from .decree import build_decree
from .document import Document, as_printed, from_data, to_data
from .evaluation import build_evaluation
from .lke import build_lke
from .lkjip import build_report
from .models import EnactedDecree


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
LKE = DocumentKind("lke-sakip", "Lembar Kerja Evaluasi SAKIP (LKE), hasil final", ("pdf", "xlsx"))
ACTION_PLAN = DocumentKind("rencana-aksi", "Rencana Aksi", ("pdf", "docx", "xlsx"), per_position=True)
KINDS = {kind.slug: kind for kind in (DECREE, DECREE_BOOK, AGREEMENT, EVALUATION, REPORT, LKE, ACTION_PLAN)}


@dataclass(frozen=True)
class Request:
    """What a document is asked for: the agency's plan, a year, and where the kind needs them a quarter or a
    position (None: every position)."""

    agency: Agency
    plan: StrategicPlan
    year: int
    quarter: int = 4
    position: Position | None = None
    version: int | None = None  # an enacted version of the decree; None: as the data prints it now


def build_document(kind: DocumentKind, request: Request) -> Document:
    """The document, always in Bahasa Indonesia: an official document reads the same whatever interface language
    the person who prints it chose (quarter names, predicates, every translated word)."""
    with translation.override(settings.LANGUAGE_CODE):
        return _build(kind, request)


def _build(kind: DocumentKind, request: Request) -> Document:
    if kind in (DECREE, DECREE_BOOK):
        if kind is DECREE and request.version is not None:
            enacted = EnactedDecree.objects.filter(
                decree__plan=request.plan, decree__year=request.year, version=request.version
            ).first()
            if enacted is None:
                raise DocumentUnavailable(f"Keputusan tahun {request.year} versi {request.version} tidak ada.")
            return from_data(enacted.document)
        try:
            document = build_decree(request.plan, request.year, book=kind is DECREE_BOOK)
        except Decree.DoesNotExist as error:
            raise DocumentUnavailable(f"Belum ada keputusan IKU/IKI tahun {request.year}.") from error
        last = latest_enacted(request.plan, request.year)
        if last is not None and kind is DECREE and as_printed(to_data(document)) != as_printed(last.document):
            document.missing.append(
                f"Data berubah sesudah versi {last.version} ditetapkan: ini konsep versi {last.version + 1}."
            )
        return document
    if kind is AGREEMENT:
        if request.position is not None:
            return build_agreement(request.position, request.year)
        return build_agreements(request.agency, request.year)
    if kind is EVALUATION:
        return build_evaluation(request.agency, request.year, request.quarter)
    if kind is REPORT:
        return build_report(request.agency, request.year)
    if kind is LKE:
        try:
            return build_lke(request.agency, request.year)
        except LookupError as error:
            raise DocumentUnavailable(str(error)) from error
    if kind is ACTION_PLAN:
        return build_action_plan(request.agency, request.plan, request.year, request.position)
    raise DocumentUnavailable(f"Dokumen “{kind.label}” belum dapat dicetak.")


def latest_enacted(plan: StrategicPlan, year: int) -> EnactedDecree | None:
    return EnactedDecree.objects.filter(decree__plan=plan, decree__year=year).order_by("-version").first()


def enacted_versions(plan: StrategicPlan, year: int) -> list[EnactedDecree]:
    return list(
        EnactedDecree.objects.filter(decree__plan=plan, decree__year=year)
        .select_related("enacted_by__official")
        .defer("document")
        .order_by("-version")
    )
