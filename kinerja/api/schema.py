"""What the OpenAPI description says besides what drf-spectacular infers: query parameters of the filters, and
the error answers every operation can give (400 with field errors, 401, 403, 404)."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter

from kinerja.core.periods import QUARTERS

ERROR = {
    "type": "object",
    "description": "Why the request was refused.",
    "properties": {"detail": {"type": "string"}},
    "required": ["detail"],
}
FIELD_ERRORS = {
    "type": "object",
    "description": "Field errors: each field (or non_field_errors) with its messages; or a detail message.",
    "additionalProperties": {"anyOf": [{"type": "array", "items": {"type": "string"}}, {"type": "string"}]},
}
ERROR_ANSWERS = {
    "400": ("Invalid input: field errors.", "FieldErrors"),
    "401": ("Not authenticated (send `Authorization: Token …` or log in).", "Error"),
    "403": ("Authenticated, but not allowed to do this (or the CSRF token of a session is missing).", "Error"),
    "404": ("Not found, or outside the caller's reach.", "Error"),
}
PAGINATION_PARAMETERS = {"page", "page_size"}
WRITES = {"post", "put", "patch", "delete"}


def _parameter(name: str, kind: object, description: str, enum: list | None = None) -> OpenApiParameter:
    return OpenApiParameter(name, kind, OpenApiParameter.QUERY, required=False, description=description, enum=enum)


FILTERS = {
    "agency": _parameter("agency", OpenApiTypes.STR, "Agency code (e.g. halut-diskominfo)."),
    "year": _parameter("year", OpenApiTypes.INT, "Year (2000–2100)."),
    "quarter": _parameter("quarter", OpenApiTypes.INT, "Quarter 1–4.", enum=list(QUARTERS)),
    "position": _parameter("position", OpenApiTypes.STR, "Position code (needs `agency`)."),
    "indicator": _parameter("indicator", OpenApiTypes.INT, "Indicator id."),
    "kind": _parameter("kind", OpenApiTypes.STR, "Target kind.", enum=["baseline", "year", "quarter", "end"]),
    "status": _parameter("status", OpenApiTypes.STR, "Actual status.", enum=["draft", "submitted", "verified"]),
    "level": _parameter("level", OpenApiTypes.STR, "Objective level.", enum=["strategic", "performance"]),
    "actual": _parameter("actual", OpenApiTypes.INT, "Actual id."),
    "verified_only": _parameter("verified_only", OpenApiTypes.BOOL, "Count verified actuals only."),
}


def filter_parameters(*names: str) -> list[OpenApiParameter]:
    return [FILTERS[name] for name in names]


def add_error_answers(result: dict, generator: object, **kwargs: object) -> dict:
    """Postprocessing hook: every operation documents 401, 403 and 404; those that take input (a body, or query
    parameters besides the page) or change something (the services refuse a change with a reason) also 400."""
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    schemas["Error"] = ERROR
    schemas["FieldErrors"] = FIELD_ERRORS
    for path in result.get("paths", {}).values():
        for method, operation in path.items():
            if not isinstance(operation, dict) or "responses" not in operation:
                continue
            takes_input = (
                method in WRITES
                or "requestBody" in operation
                or any(
                    parameter.get("in") == "query" and parameter.get("name") not in PAGINATION_PARAMETERS
                    for parameter in operation.get("parameters", [])
                )
            )
            for code, (description, component) in ERROR_ANSWERS.items():
                if code == "400" and not takes_input:
                    continue
                operation["responses"].setdefault(
                    code,
                    {
                        "description": description,
                        "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{component}"}}},
                    },
                )
    return result
