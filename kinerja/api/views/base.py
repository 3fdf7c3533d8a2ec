"""What every resource of the API shares: the viewset cut to the caller's readable agencies, the input check,
the file-download negotiation and the list schema with its filters."""

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import viewsets
from rest_framework.negotiation import BaseContentNegotiation

from ..permissions import chosen_agency, readable
from ..schema import filter_parameters
from ..serializers.filters import ListFilters


def validated(serializer_class: type, data: object, **kwargs: object) -> dict:
    serializer = serializer_class(data=data, **kwargs)
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data


class ScopedViewSet(viewsets.GenericViewSet):
    # A viewset whose querysets are cut to the caller's readable agencies; `filters_used` names the query
    # parameters its list reads (checked by serializers.ListFilters: a wrong value answers 400). No docstring:
    # drf-spectacular would print it as every operation's description.

    filters_used: tuple[str, ...] = ()

    @property
    def filters(self) -> dict:
        if not hasattr(self, "_filters"):
            params = self.request.query_params
            data = {name: params.get(name) for name in self.filters_used if name in params}
            self._filters = validated(ListFilters, data)
            self._agency = chosen_agency(self.request.user, self._filters.get("agency"))
        return self._filters

    @property
    def agency(self):
        self.filters  # noqa: B018 — validates and looks the agency up once
        return self._agency

    def agencies(self) -> QuerySet:
        agency = self.agency if self.action == "list" else None
        scope = readable(self.request.user)
        return scope.filter(pk=agency.pk) if agency is not None else scope


class FileDownload(BaseContentNegotiation):
    """A file download answers with the file whatever the client's Accept header says (a client asking for
    application/pdf would otherwise get 406 from the JSON-only renderer); errors are still JSON."""

    def select_parser(self, request, parsers):
        return parsers[0]

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


def list_schema(*names: str, **kwargs: object) -> dict:
    return {"list": extend_schema(parameters=filter_parameters(*names), **kwargs)}
