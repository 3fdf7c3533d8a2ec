"""Every write of targets, actuals and evidence: validated, in one transaction, with Indonesian messages.

One door: pages, the API, the admin, the import and the commands call these functions, and each checks both who
may (through `kinerja.accounts.access` only: `may_plan` for targets, `may_enter_actuals` for actuals) and every
domain rule (year and quarter inside the plan, period open, editable state, indicators fed by the SAKIP
evaluation, ratio terms, numbers the database can hold). They raise `PermissionDenied` (who may) or
`ValidationError` naming the field (what is allowed); each door turns them into its own answer.

Trusted paths are named as such: `actor=None` is the system itself (a management command, the loader of a new
agency; no person to ask about), `is_example=True` is the example-data command, and `feed_actual` is the SAKIP
evaluation writing its score into the indicators it feeds. No door passes any of them.
"""

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from kinerja.core import audit, stored_files
from kinerja.core.actors import Actor
from kinerja.core.models import AuditRecord
from kinerja.core.periods import QUARTERS, quarter_label
from kinerja.strategy.models import Indicator

from . import achievement

# Evidence has its own module; its functions are part of this module's public face (one door for every write).
from .evidence import (  # noqa: F401
    add_evidence,
    evidence_description,
    remove_evidence,
)
from .models import Actual, Target
from .rules import LIMIT, ensure_may_enter, ensure_may_plan, ensure_typed_by_hand, in_range
from .workflow import StaleActual, ensure_editable, ensure_period_open, ensure_version

STORED = Decimal("0.0001")
TEXT_MAX = 4000  # factors, follow-up and note: a few paragraphs, not a document (evidence files are for that)


def _stored(value: Decimal | None) -> Decimal | None:
    """Half-up to the 4 decimals the database keeps; a ratio's exact value is recomputed from its terms."""
    return None if value is None else value.quantize(STORED, rounding=ROUND_HALF_UP)


def _check_year(indicator: Indicator, year: int, field: str = "year") -> None:
    plan = indicator.plan
    if not plan.first_year <= year <= plan.last_year:
        raise ValidationError({field: f"Tahun {year} di luar Renstra {plan.first_year}–{plan.last_year}."})


def _check_quarter(quarter: int) -> None:
    if quarter not in QUARTERS:
        raise ValidationError({"quarter": f"Triwulan {quarter} tidak ada; pilih triwulan 1–4."})


def _agency_id(indicator: Indicator) -> int:
    return indicator.plan.agency_id


def target_description(target: Target, action: str) -> str:
    """ "Target tahunan 2022 indikator IKU.1 diubah" — what the audit trail says of a target."""
    with audit.in_record_language():
        period = (
            f"{quarter_label(target.quarter)} {target.year}" if target.kind == Target.Kind.QUARTER else f"{target.year}"
        )
        return (
            f"{target.get_kind_display()} {period} indikator {target.indicator.code} {AuditRecord.Action(action).label}"
        )


def actual_description(actual: Actual, action: str) -> str:
    with audit.in_record_language():
        return (
            f"Realisasi {quarter_label(actual.quarter)} {actual.year} indikator {actual.indicator.code} "
            f"{AuditRecord.Action(action).label}"
        )


def _whole_if_count(indicator: Indicator, value: Decimal, field: str) -> None:
    if indicator.formula == Indicator.Formula.COUNT:
        if value < 0:
            raise ValidationError({field: "Jumlah tidak boleh negatif."})
        if indicator.decimals == 0 and value != value.to_integral_value():
            raise ValidationError({field: "Jumlah harus bilangan bulat."})


def target_period_checked(kind: str) -> bool:
    """A year's and a quarter's target change only while their period is open (baseline and end do not)."""
    return kind in (Target.Kind.YEAR, Target.Kind.QUARTER)


def checked_target(
    indicator: Indicator,
    *,
    kind: str,
    year: int,
    quarter: int = 0,
    value: Decimal | None,
    value_upper: Decimal | None = None,
) -> int:
    """Every rule of one target's figures (not the closed periods); the quarter it is stored under (0 unless
    `kind` is a quarter). ValidationError naming the field. No query once `indicator.plan` is loaded."""
    if kind == Target.Kind.BASELINE:
        if year > indicator.plan.first_year:
            raise ValidationError({"year": "Tahun kondisi awal tidak boleh sesudah tahun pertama Renstra."})
    else:
        _check_year(indicator, year)
    if kind == Target.Kind.QUARTER:
        _check_quarter(quarter)
    else:
        quarter = 0
    in_range(value, "value")
    in_range(value_upper, "value_upper")
    if value is None:
        if value_upper is not None:
            raise ValidationError({"value": "Isi batas bawah rentang target."})
        return quarter
    _whole_if_count(indicator, value, "value")
    if indicator.polarity == Indicator.Polarity.RANGE and kind != Target.Kind.BASELINE:
        if value_upper is None:
            raise ValidationError({"value_upper": "Target rentang membutuhkan batas atas."})
        if value_upper < value:
            raise ValidationError({"value_upper": "Batas atas tidak boleh lebih kecil dari batas bawah."})
    elif value_upper is not None:
        raise ValidationError({"value_upper": "Hanya indikator dengan target rentang yang mempunyai batas atas."})
    return quarter


@transaction.atomic
def set_target(
    *,
    actor: Actor,
    indicator: Indicator,
    kind: str,
    year: int,
    quarter: int = 0,
    value: Decimal | None,
    value_upper: Decimal | None = None,
    is_example: bool = False,
) -> Target | None:
    """Set (or, with no value, clear) one target of an indicator. Returns the target, None when cleared.

    A target set again to the value it has changes nothing, so it is not refused in a closed period: a page
    that posts a whole grid saves its open cells however many of its periods are closed."""
    if not is_example:
        ensure_may_plan(actor, indicator)
    quarter = checked_target(indicator, kind=kind, year=year, quarter=quarter, value=value, value_upper=value_upper)
    lookup = {"indicator": indicator, "kind": kind, "year": year, "quarter": quarter}
    existing = Target.objects.select_for_update().filter(**lookup).first()
    value, value_upper = _stored(value), _stored(value_upper)
    if existing is None and value is None:
        return None
    if existing is not None and (existing.value, existing.value_upper, existing.is_example) == (
        value,
        value_upper,
        is_example,
    ):
        return existing  # nothing changed: nothing saved, nothing recorded
    if target_period_checked(kind) and not is_example:
        ensure_period_open(indicator, year, quarter)
    if value is None:
        audit.record(
            actor=actor,
            action=AuditRecord.Action.DELETED,
            obj=existing,
            before=audit.snapshot(existing),
            after=None,
            agency=_agency_id(indicator),
            about=indicator,
            description=target_description(existing, AuditRecord.Action.DELETED),
        )
        existing.delete()
        return None
    target = existing or Target(**lookup)
    before = audit.snapshot(existing)
    target.value, target.value_upper = value, value_upper
    target.is_example, target.updated_by = is_example, actor
    target.full_clean()
    if existing is None:
        _insert(target)
    else:
        target.save(update_fields=["value", "value_upper", "is_example", "updated_by", "updated_at"])
    action = AuditRecord.Action.CHANGED if before else AuditRecord.Action.CREATED
    audit.record_change(
        actor=actor,
        obj=target,
        before=before,
        agency=_agency_id(indicator),
        about=indicator,
        description=target_description(target, action),
    )
    return target


def _insert(obj: Target | Actual) -> None:
    """A new row; another request that inserted the same one first is a conflict, not a 500."""
    try:
        with transaction.atomic():
            obj.save(force_insert=True)
    except IntegrityError as error:
        raise StaleActual("Data ini baru saja diisi oleh pengguna lain; muat ulang.", code="stale") from error


def quarter_target_warnings(
    indicator: Indicator, year_target: Decimal | None, quarters: dict[int, Decimal | None]
) -> list[str]:
    """What the planner should see when the action plan's quarters do not make the year's target."""
    if year_target is None:
        return []
    values = [quarters.get(quarter) for quarter in QUARTERS]
    if all(value is None for value in values):
        return []
    combined = achievement.combine_quarters(values, indicator.quarter_rule)
    if indicator.quarter_rule == Indicator.QuarterRule.LAST and values[3] is None:
        return ["Target triwulan IV belum diisi; untuk indikator ini triwulan IV sama dengan target tahunan."]
    if combined is not None and combined != year_target:
        rule = {"sum": "Jumlah target triwulan", "last": "Target triwulan IV", "average": "Rata-rata target triwulan"}
        return [
            f"{rule[indicator.quarter_rule]} ({combined.normalize():f}) tidak sama dengan "
            f"target tahunan ({year_target.normalize():f})."
        ]
    return []


def realised_value(indicator: Indicator, numerator: Decimal | None, denominator: Decimal | None) -> Decimal | None:
    return achievement.ratio_value(numerator, denominator, indicator.effective_factor)


def checked_terms(
    indicator: Indicator, *, value: Decimal | None, numerator: Decimal | None, denominator: Decimal | None
) -> tuple[Decimal | None, Decimal | None, Decimal | None]:
    """The (value, numerator, denominator) an actual of `indicator` stores; ValidationError naming the field.

    A ratio needs both terms, a non-negative numerator, a positive denominator and, for a percentage, a
    numerator no larger than the denominator; its value is computed. A count is whole and not negative.
    """
    for field, figure in (("value", value), ("numerator", numerator), ("denominator", denominator)):
        in_range(figure, field)
    if indicator.formula == Indicator.Formula.RATIO:
        numerator, denominator = _stored(numerator), _stored(denominator)
        errors: dict[str, str] = {}
        if numerator is None:
            errors["numerator"] = "Isi pembilang."
        elif numerator < 0:
            errors["numerator"] = "Pembilang tidak boleh negatif."
        if denominator is None:
            errors["denominator"] = "Isi penyebut."
        elif denominator <= 0:
            errors["denominator"] = "Penyebut harus lebih besar dari 0."
        if not errors and indicator.is_percentage and numerator > denominator:
            errors["numerator"] = "Pembilang tidak boleh lebih besar dari penyebut untuk indikator persen."
        if errors:
            raise ValidationError(errors)
        value = realised_value(indicator, numerator, denominator)
        if value is not None and abs(value) >= LIMIT:
            raise ValidationError({"numerator": "Hasil bagi pembilang dan penyebut terlalu besar; periksa angkanya."})
        return value, numerator, denominator
    if value is None:
        raise ValidationError({"value": "Isi realisasi."})
    _whole_if_count(indicator, value, "value")
    return value, None, None


def checked_texts(**texts: str) -> None:
    """An actual's factors, follow-up and note: a few paragraphs each; ValidationError naming the field."""
    too_long = {
        field: f"Paling panjang {TEXT_MAX} karakter (tertulis {len(text)})."
        for field, text in texts.items()
        if len(text.strip()) > TEXT_MAX
    }
    if too_long:
        raise ValidationError(too_long)


def checked_actual(
    indicator: Indicator,
    *,
    year: int,
    quarter: int,
    value: Decimal | None,
    numerator: Decimal | None,
    denominator: Decimal | None,
    **texts: str,
) -> tuple[Decimal | None, Decimal | None, Decimal | None]:
    """Every rule of one actual's figures and texts (not the closed periods nor its state): the (value,
    numerator, denominator) it stores, rounded as the database keeps them. No query once `indicator.plan` is
    loaded; ValidationError naming the field."""
    _check_year(indicator, year)
    _check_quarter(quarter)
    value, numerator, denominator = checked_terms(indicator, value=value, numerator=numerator, denominator=denominator)
    checked_texts(**texts)
    return _stored(value), _stored(numerator), _stored(denominator)


def stored_amount(value: Decimal | None) -> Decimal | None:
    """A figure as the database keeps it (4 decimals, half-up)."""
    return _stored(value)


WRITTEN = (
    "value",
    "numerator",
    "denominator",
    "supporting_factors",
    "hindering_factors",
    "follow_up",
    "note",
    "is_example",
    "entered_by_id",
    "status",
    "verified_by_id",
    "verified_at",
)


@transaction.atomic
def record_actual(
    *,
    actor: Actor,
    indicator: Indicator,
    year: int,
    quarter: int,
    value: Decimal | None = None,
    numerator: Decimal | None = None,
    denominator: Decimal | None = None,
    supporting_factors: str = "",
    hindering_factors: str = "",
    follow_up: str = "",
    note: str = "",
    evidence: Sequence[tuple[str, bytes]] = (),
    is_example: bool = False,
    version: str | None = None,
) -> Actual:
    """Record what an indicator achieved in a quarter, with its evidence files (name, content), all or nothing.

    A ratio's value is computed, never typed. `version` is the one the door showed (`workflow.version_of`; ""
    for none yet): when the actual changed since, `StaleActual` and nothing is saved. None: not checked."""
    if not is_example:  # example figures are invented, loaded verified, and replaced whole by their command
        ensure_may_enter(actor, indicator)
        ensure_typed_by_hand(indicator)
    return _write_actual(
        actor=actor,
        indicator=indicator,
        year=year,
        quarter=quarter,
        value=value,
        numerator=numerator,
        denominator=denominator,
        texts={
            "supporting_factors": supporting_factors,
            "hindering_factors": hindering_factors,
            "follow_up": follow_up,
            "note": note,
        },
        evidence=evidence,
        is_example=is_example,
        version=version,
    )


@transaction.atomic
def feed_actual(
    *, actor: Actor, indicator: Indicator, year: int, quarter: int, value: Decimal, note: str, source: str
) -> Actual:
    """Trusted path: the SAKIP evaluation (`source`) writes its score as the actual of an indicator it feeds.
    Its caller (evaluation.services.finalise) checked that `actor` may evaluate. Every rule applies but the
    state: a figure typed by hand before the fed-by rule (even submitted or verified) gives way to the score, so
    no one can block the evaluation's finalising."""
    if indicator.fed_by != source:
        raise ValidationError(f"Indikator {indicator.code} tidak diisi oleh {source}.")
    return _write_actual(
        actor=actor,
        indicator=indicator,
        year=year,
        quarter=quarter,
        value=value,
        numerator=None,
        denominator=None,
        texts={"note": note},
        evidence=(),
        is_example=False,
        version=None,
        any_state=True,
    )


def _write_actual(
    *,
    actor: Actor,
    indicator: Indicator,
    year: int,
    quarter: int,
    value: Decimal | None,
    numerator: Decimal | None,
    denominator: Decimal | None,
    texts: dict[str, str],
    evidence: Sequence[tuple[str, bytes]],
    is_example: bool,
    version: str | None,
    any_state: bool = False,
) -> Actual:
    """Every domain rule, then the write: the row is locked before its state is read, only the columns that
    change are saved, and the change is recorded."""
    _check_year(indicator, year)
    _check_quarter(quarter)
    for name, content in evidence:  # every file checked before anything is written to disk
        stored_files.checked_kind(name, content)
    texts = {name: texts.get(name, "") for name in ("supporting_factors", "hindering_factors", "follow_up", "note")}
    value, numerator, denominator = checked_actual(
        indicator,
        year=year,
        quarter=quarter,
        value=value,
        numerator=numerator,
        denominator=denominator,
        **texts,
    )
    existing = Actual.objects.select_for_update().filter(indicator=indicator, year=year, quarter=quarter).first()
    ensure_version(existing, version)
    if not is_example:
        ensure_period_open(indicator, year, quarter)
        if not any_state:
            ensure_editable(existing)
    before = audit.snapshot(existing)
    was = {name: getattr(existing, name) for name in WRITTEN} if existing is not None else {}
    actual = existing or Actual(indicator=indicator, year=year, quarter=quarter)
    actual.value, actual.numerator, actual.denominator = value, numerator, denominator
    for name, text in texts.items():
        setattr(actual, name, text.strip())
    actual.is_example, actual.entered_by = is_example, actor
    actual.status = Actual.Status.VERIFIED if is_example else Actual.Status.DRAFT
    if existing is not None and existing.status == Actual.Status.VERIFIED and not is_example:
        actual.verified_by, actual.verified_at = None, None  # a verification was of the figure replaced
    actual.full_clean()
    changed = [
        name.removesuffix("_id") for name in WRITTEN if existing is not None and getattr(actual, name) != was[name]
    ]
    if existing is None:
        _insert(actual)
    elif changed:
        actual.save(update_fields=[*changed, "updated_at"])
    if existing is None or changed:
        action = AuditRecord.Action.CHANGED if before else AuditRecord.Action.CREATED
        audit.record_change(
            actor=actor,
            obj=actual,
            before=before,
            agency=_agency_id(indicator),
            about=indicator,
            description=actual_description(actual, action),
        )
    for name, content in evidence:
        add_evidence(actor=actor, actual=actual, name=name, content=content, is_example=is_example)
    return actual
