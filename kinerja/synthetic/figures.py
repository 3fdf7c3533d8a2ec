"""The figures of a synthetic agency: targets for the six plan years, actuals with their workflow state,
small evidence files and the audit records of the actuals."""

import datetime
import hashlib
import random
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from kinerja.core import audit, people
from kinerja.core.models import AuditRecord
from kinerja.performance import achievement
from kinerja.performance.models import Actual, Evidence, Target
from kinerja.performance.services import actual_description
from kinerja.strategy.models import Indicator
from kinerja.synthetic.drafts import AgencyDraft, Writer, rounded
from kinerja.synthetic.vocabulary import FIRST_YEAR, LAST_ACTUAL, LAST_YEAR, PDF_HEAD


def _level(indicator: Indicator, rng: random.Random) -> float:
    if indicator.is_percentage:  # the generator writes "Persen" exactly
        return rng.uniform(55, 90)
    if indicator.formula == "count":
        return float(rng.randint(4, 60))
    return rng.uniform(60, 90)


def write_figures(items: list[AgencyDraft], write: Writer) -> list[tuple[AgencyDraft, Actual]]:
    targets, actuals = [], []
    verified_at = timezone.make_aware(datetime.datetime(2026, 10, 15, 9, 0))
    for item in items:
        rng = item.rng
        keys = {"agency_id": item.agency.pk, "region_id": item.agency.region_id}  # the region key (scale.md §1)
        for indicator in item.indicators:
            base, places = _level(indicator, rng), indicator.decimals
            growth = rng.uniform(0.0, 0.03) * (-1 if indicator.polarity == "lower" else 1)
            width = base * 0.1 if indicator.polarity == "range" else None

            def target(
                kind: str,
                year: int,
                value: float,
                quarter: int = 0,
                indicator: Indicator = indicator,
                places: int = places,
                width: float | None = width,
                keys: dict = keys,
            ) -> Target:
                upper = rounded(value + width, places) if width is not None and kind != "baseline" else None
                return Target(
                    indicator=indicator,
                    kind=kind,
                    year=year,
                    quarter=quarter,
                    value=rounded(value, places),
                    value_upper=upper,
                    **keys,
                )

            targets.append(target("baseline", FIRST_YEAR - 1, base))
            targets.append(target("end", LAST_YEAR, base * (1 + growth * 6)))
            for year in range(FIRST_YEAR, LAST_YEAR + 1):
                value = base * (1 + growth * (year - FIRST_YEAR + 1))
                targets.append(target("year", year, value))
                if year == LAST_YEAR:
                    for quarter in (1, 2, 3, 4):
                        part = value / 4 * quarter if indicator.quarter_rule == "sum" else value
                        if indicator.quarter_rule == "sum" and indicator.formula == "count":
                            part = round(value) * quarter // 4
                        targets.append(target("quarter", year, part, quarter))
            owner = item.owner[indicator.code]
            superior = item.superior[owner] or owner
            for year in range(FIRST_YEAR, LAST_YEAR + 1):
                for quarter in (1, 2, 3, 4):
                    if (year, quarter) > LAST_ACTUAL or rng.random() < 0.03:
                        continue
                    level = base * (1 + growth * (year - FIRST_YEAR + 1)) * rng.uniform(0.8, 1.15)
                    actual = Actual(
                        indicator=indicator, year=year, quarter=quarter, entered_by=item.users[owner], **keys
                    )
                    if indicator.formula == "ratio":
                        denominator = Decimal(rng.randint(20, 400))
                        numerator = min(denominator, Decimal(round(float(denominator) * level / 100)))
                        actual.numerator, actual.denominator = numerator, denominator
                        actual.value = achievement.ratio_value(numerator, denominator, indicator.effective_factor)
                        actual.value = actual.value.quantize(Decimal("0.0001")) if actual.value is not None else None
                    elif indicator.formula == "count":
                        actual.value = Decimal(max(0, round(level / 4 if indicator.quarter_rule == "sum" else level)))
                    else:
                        actual.value = rounded(level, 2)
                    if (year, quarter) <= (2025, 4) or rng.random() < (0.7 if quarter <= 2 else 0.2):
                        actual.status = Actual.Status.VERIFIED
                        actual.verified_by, actual.verified_at = item.users[superior], verified_at
                    elif quarter <= 2 or rng.random() < 0.5:
                        actual.status = Actual.Status.SUBMITTED
                    if rng.random() < 0.3:
                        actual.supporting_factors = "Dukungan anggaran dan koordinasi lintas bidang."
                        actual.hindering_factors = "Keterbatasan sumber daya manusia."
                    actuals.append((item, actual))
    write(Target, targets)
    write(Actual, [actual for _, actual in actuals])
    return actuals


def write_evidence(code: str, actuals: list[tuple[AgencyDraft, Actual]], every: int, write: Writer) -> None:
    root = Path(settings.MEDIA_ROOT)
    rows = []
    for number, (_item, actual) in enumerate(actuals):
        if not every or number % every:
            continue
        stored = f"gen-{code}-{number:07d}.pdf"
        content = PDF_HEAD + f"% {code} {actual.indicator.code} {actual.year} TW{actual.quarter}\n%%EOF\n".encode()
        name = f"evidence/{actual.year}/{stored}"
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        rows.append(
            Evidence(
                actual=actual,
                file=name,
                stored_name=stored,
                original_name=f"bukti-{actual.indicator.code}-tw{actual.quarter}.pdf",
                kind="pdf",
                content_type="application/pdf",
                size=len(content),
                sha256=hashlib.sha256(content).hexdigest(),
                uploaded_by=actual.entered_by,
                agency_id=actual.agency_id,
                region_id=actual.region_id,
            )
        )
    write(Evidence, rows)


def write_audit(items: list[AgencyDraft], actuals: list[tuple[AgencyDraft, Actual]], write: Writer) -> None:
    """A record per actual (created) and per workflow step of the last year's actuals."""
    records = []
    when = timezone.make_aware(datetime.datetime(2026, 10, 1, 8, 0))
    for item, actual in actuals:
        indicator = actual.indicator
        with audit.in_record_language():  # named as the services name it: "Triwulan I 2024: 77,5"
            shown = str(actual)[:300]
        common = {
            "agency_id": item.agency.pk,
            "region_id": item.agency.region_id,
            "object_label": "performance.actual",
            "object_pk": str(actual.pk),
            "object_repr": shown,
            "about_label": "strategy.indicator",
            "about_pk": str(indicator.pk),
        }
        user = actual.entered_by
        after = {
            "indicator": indicator.pk,
            "year": actual.year,
            "quarter": actual.quarter,
            "value": None if actual.value is None else format(actual.value, "f"),
            "status": "draft",
        }
        at = when - datetime.timedelta(days=(LAST_YEAR - actual.year) * 365 + (4 - actual.quarter) * 91)
        records.append(
            AuditRecord(
                at=at,
                user=user,
                actor_name=people.display_name(user)[:200],
                action="created",
                description=actual_description(actual, AuditRecord.Action.CREATED),
                before=None,
                after=after,
                **common,
            )
        )
        if actual.year == LAST_YEAR and actual.status != Actual.Status.DRAFT:
            steps = ["submitted"] + (["verified"] if actual.status == Actual.Status.VERIFIED else [])
            for step in steps:
                by = user if step == "submitted" else actual.verified_by
                status = {"submitted": "submitted", "verified": "verified"}[step]
                records.append(
                    AuditRecord(
                        at=at + datetime.timedelta(days=3 if step == "submitted" else 7),
                        user=by,
                        actor_name=people.display_name(by)[:200],
                        action=step,
                        before={"status": after["status"]},
                        after={"status": status},
                        description=actual_description(actual, step),
                        **common,
                    )
                )
    write(AuditRecord, records)
