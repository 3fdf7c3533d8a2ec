"""Documents: the list of what an agency can print, and a printed file (as the Dokumen page prints it)."""

from django.db.models import Max
from django.http import HttpResponse
from django.utils.translation import gettext
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from kinerja.core.periods import QUARTERS, default_year
from kinerja.reports import output
from kinerja.reports.catalogue import KINDS, DocumentUnavailable, build_document
from kinerja.reports.catalogue import Request as DocumentRequest
from kinerja.strategy.selectors import find_current_plan

from ..permissions import chosen_agency
from ..serializers.documents import DocumentKindSerializer, DocumentQuery
from .base import FileDownload, validated

DOCUMENT_PARAMETERS = [
    OpenApiParameter(
        "kind", OpenApiTypes.STR, OpenApiParameter.PATH, enum=list(KINDS), description="Which document (see the list)."
    ),
    OpenApiParameter("agency", OpenApiTypes.STR, required=True, description="Agency code."),
    OpenApiParameter(
        "file_format",
        OpenApiTypes.STR,
        required=True,
        enum=["pdf", "docx", "xlsx"],
        description="File format (each document has its own: see the list).",
    ),
    OpenApiParameter("year", OpenApiTypes.INT, description="Year of the plan (default: the latest decree's)."),
    OpenApiParameter("quarter", OpenApiTypes.INT, enum=list(QUARTERS), description="Quarter (the evaluation)."),
    OpenApiParameter("position", OpenApiTypes.STR, description="Position code (an agreement of one position)."),
    OpenApiParameter("version", OpenApiTypes.INT, description="An enacted version of the decree."),
]


class DocumentListView(APIView):
    @extend_schema(
        summary="The documents an agency can print, with their formats",
        responses={200: DocumentKindSerializer(many=True)},
    )
    def get(self, request: Request) -> Response:
        data = [
            {
                "slug": kind.slug,
                "label": kind.label,
                "formats": list(kind.formats),
                "needs_quarter": kind.needs_quarter,
                "per_position": kind.per_position,
            }
            for kind in KINDS.values()
        ]
        return Response(DocumentKindSerializer(data, many=True).data)


class DocumentDownloadView(APIView):
    content_negotiation_class = FileDownload

    @extend_schema(
        summary="Print a document (as the Dokumen page does): the file in the chosen format",
        parameters=DOCUMENT_PARAMETERS,
        responses={
            (200, "application/pdf"): OpenApiTypes.BINARY,
            (200, output.FORMATS["docx"].content_type): OpenApiTypes.BINARY,
            (200, output.FORMATS["xlsx"].content_type): OpenApiTypes.BINARY,
        },
    )
    def get(self, request: Request, kind: str) -> HttpResponse:
        document_kind = KINDS.get(kind)
        if document_kind is None:
            raise NotFound(gettext("Unknown document."))
        query = validated(DocumentQuery, request.query_params)
        if query["file_format"] not in document_kind.formats:
            formats = ", ".join(document_kind.formats)
            text = gettext("This document is available as %(formats)s.")
            raise ValidationError({"file_format": [text % {"formats": formats}]})
        agency = chosen_agency(request.user, query["agency"])
        plan = find_current_plan(agency)
        if plan is None:
            raise NotFound(gettext("This agency has no Renstra yet."))
        year = query.get("year") or plan.decrees.aggregate(year=Max("year"))["year"] or default_year(plan)
        if not plan.first_year <= year <= plan.last_year:
            text = gettext("The year is outside the Renstra %(first)s–%(last)s.")
            raise ValidationError({"year": [text % {"first": plan.first_year, "last": plan.last_year}]})
        position = None
        if query.get("position"):
            position = agency.positions.filter(code=query["position"]).first()
            if position is None:
                raise NotFound(gettext("Position not found."))
        document_request = DocumentRequest(agency, plan, year, query["quarter"], position, query.get("version"))
        try:
            document = build_document(document_kind, document_request)
        except DocumentUnavailable as error:
            raise NotFound(str(error)) from error
        fmt = query["file_format"]
        response = HttpResponse(output.render(document, fmt), content_type=output.FORMATS[fmt].content_type)
        response["Content-Disposition"] = f'attachment; filename="{document.filename_stem}.{fmt}"'
        return response
