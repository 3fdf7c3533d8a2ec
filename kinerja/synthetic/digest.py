"""What the generator decided for a region, as one SHA-256: equal for two runs with one seed."""

import hashlib
from decimal import Decimal

from kinerja.core.models import AuditRecord
from kinerja.organisation.models import Agency, Official, Position, Region, Unit
from kinerja.performance.models import Actual, Evidence, Target
from kinerja.strategy.models import Indicator, PageIndicator


def region_digest(code: str) -> str:
    """A SHA-256 of what the generator decided for region `code` (codes, names, figures, states; not the
    database keys nor the timestamps): equal for two runs with one seed."""
    digest = hashlib.sha256()
    region = Region.objects.get(code=code)
    queries = [
        Agency.objects.filter(region=region).order_by("code").values_list("code", "name"),
        Unit.objects.filter(agency__region=region)
        .order_by("agency__code", "code")
        .values_list("agency__code", "code", "kind", "name", "parent__code"),
        Position.objects.filter(agency__region=region)
        .order_by("agency__code", "code")
        .values_list("agency__code", "code", "title", "unit__code", "superior__code"),
        Official.objects.filter(region=region).order_by("name").values_list("nip", "name", "user__username"),
        Indicator.objects.filter(plan__agency__region=region)
        .order_by("plan__agency__code", "code")
        .values_list("plan__agency__code", "code", "name", "formula", "polarity", "quarter_rule", "is_key"),
        PageIndicator.objects.filter(position__agency__region=region)
        .order_by("position__agency__code", "position__code", "indicator__code")
        .values_list("position__agency__code", "position__code", "objective__code", "indicator__code", "order"),
        Target.objects.filter(indicator__plan__agency__region=region)
        .order_by("indicator__plan__agency__code", "indicator__code", "kind", "year", "quarter")
        .values_list(
            "indicator__plan__agency__code", "indicator__code", "kind", "year", "quarter", "value", "value_upper"
        ),
        Actual.objects.filter(indicator__plan__agency__region=region)
        .order_by("indicator__plan__agency__code", "indicator__code", "year", "quarter")
        .values_list(
            "indicator__plan__agency__code",
            "indicator__code",
            "year",
            "quarter",
            "numerator",
            "denominator",
            "value",
            "status",
            "entered_by__username",
        ),
        Evidence.objects.filter(actual__indicator__plan__agency__region=region)
        .order_by("stored_name")
        .values_list("stored_name", "sha256"),
        AuditRecord.objects.filter(agency__region=region)
        .order_by("description", "action")
        .values_list("description", "action"),
    ]
    for query in queries:
        for row in query.iterator(chunk_size=5000):
            digest.update(repr(tuple(str(value) if isinstance(value, Decimal) else value for value in row)).encode())
    return digest.hexdigest()
