"""A final evaluation's score as the quarter-4 actual of every indicator it feeds (`Indicator.fed_by`), through
`performance.services.feed_actual`, with the result page as its evidence."""

import hashlib
import secrets
from decimal import Decimal

from django.urls import reverse
from django.utils.translation import gettext

from kinerja.core import audit
from kinerja.core.actors import Actor
from kinerja.core.models import AuditRecord
from kinerja.organisation.models import Agency
from kinerja.performance import region_keys
from kinerja.performance import services as performance
from kinerja.performance.models import Actual, Evidence
from kinerja.strategy.models import Indicator

from ..models import Evaluation

FED_BY = "evaluasi-sakip"
FED_QUARTER = 4  # a yearly score: the actual of quarter 4, the year's figure of a `last` (or `sum`) indicator


def fed_indicators(agency: Agency, year: int) -> list[Indicator]:
    return list(
        Indicator.objects.filter(
            plan__agency=agency, fed_by=FED_BY, plan__first_year__lte=year, plan__last_year__gte=year
        ).select_related("plan__agency")
    )


def result_url(evaluation: Evaluation) -> str:
    return reverse("evaluation-result", args=[evaluation.agency.code, evaluation.year])


def feed_indicators(actor: Actor, evaluation: Evaluation, total: Decimal, predicate: tuple[str, str]) -> None:
    """The score becomes the quarter-4 actual of each fed indicator, with the result page as its evidence."""
    url = result_url(evaluation)
    with audit.in_record_language():  # stored with the actual, read by everyone
        note = gettext(
            "Score of the SAKIP evaluation of %(year)s by the inspectorate: %(total)s (%(predicate)s, %(meaning)s)."
        ) % {
            "year": evaluation.year,
            "total": f"{total:f}",
            "predicate": predicate[0],
            "meaning": predicate[1],
        }
        name = gettext("Result of the SAKIP evaluation %(year)s") % {"year": evaluation.year}
    for indicator in fed_indicators(evaluation.agency, evaluation.year):
        existing = Actual.objects.filter(
            indicator=indicator, year=evaluation.year, quarter=FED_QUARTER, is_example=True
        ).first()
        if existing is not None:  # an invented example figure gives way to the real score
            audit.record(
                actor=actor,
                action=AuditRecord.Action.DELETED,
                obj=existing,
                before=audit.snapshot(existing),
                after=None,
                agency=evaluation.agency_id,
                about=indicator,
                description=performance.actual_description(existing, AuditRecord.Action.DELETED),
            )
            existing.delete()
        actual = performance.feed_actual(
            actor=actor,
            indicator=indicator,
            year=evaluation.year,
            quarter=FED_QUARTER,
            value=total,
            source=FED_BY,
            note=note,
        )
        evidence = Evidence(
            actual=actual,
            link=url,
            stored_name=f"tautan-{secrets.token_hex(16)}",
            original_name=name,
            kind="tautan",
            content_type="text/uri-list",
            size=0,
            sha256=hashlib.sha256(url.encode()).hexdigest(),
            uploaded_by=actor,
        )
        region_keys.place_evidence(evidence, actual)
        evidence.full_clean()
        evidence.save()
        audit.record_change(
            actor=actor,
            obj=evidence,
            before=None,
            agency=evaluation.agency_id,
            about=indicator,
            description=performance.evidence_description(evidence, AuditRecord.Action.CREATED),
        )
