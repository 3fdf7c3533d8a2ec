"""The targets and actuals of a dataset, loaded in bulk through the rules of kinerja.performance.services.

Every row is checked by the services' own validation helpers (`checked_target`, `checked_actual`,
`ensure_period_open`, `ensure_editable`) — never a second copy of a rule — and the rows are then written a few
hundred at a time, with one audit record each (as the services record them). A few queries per load, not per row:
the existing figures of the plan are read once, each closed-period question is asked once per period.
"""

from collections import Counter
from decimal import Decimal
from typing import Any, Protocol

from django.core.exceptions import ValidationError
from django.utils import timezone

from kinerja.accounts.access import may_import_actuals
from kinerja.core import audit
from kinerja.core.actors import Actor
from kinerja.core.models import AuditRecord
from kinerja.core.numbers import format_exact, from_dataset
from kinerja.organisation.models import Position
from kinerja.performance import rules, services
from kinerja.performance.models import Actual, Target
from kinerja.performance.workflow import ensure_editable, ensure_period_open
from kinerja.strategy.models import Indicator, PageIndicator, StrategicPlan

from .report import CHANGED, EXAMPLE, NEW, Change, LoadReport

KIND_ORDER = {Target.Kind.BASELINE: 0, Target.Kind.YEAR: 1, Target.Kind.QUARTER: 2, Target.Kind.END: 3}
ACTUAL_TEXTS = ("supporting_factors", "hindering_factors", "follow_up", "note")
BATCH = 500
NOT_YOURS = (
    "realisasi diisi oleh pejabat yang memegang jabatan yang halaman IKI-nya memuat indikator ini; "
    "Anda tidak dapat mengisinya atau mengubahnya melalui impor."
)
OUT_OF_RANGE = "angka ini di luar batas yang dapat disimpan (paling banyak 16 angka sebelum koma)."


class _Refused(Exception):
    def __init__(self, field_name: str, message: str):
        super().__init__(message)
        self.field_name, self.message = field_name, message


def _amounts(item: dict, *names: str) -> list[Decimal | None]:
    """The numbers of a row (the schema allows an int, a float or a decimal string "12.5"), read by
    core.numbers.from_dataset; _Refused names the field and carries the reader's message (e.g. too large)."""
    numbers = []
    for name in names:
        try:
            numbers.append(from_dataset(item.get(name)))
        except ValueError as error:
            raise _Refused(name, str(error)) from error
    return numbers


class LoadState(Protocol):
    """What the figures need of the load that runs them (the unit of work): the file, who loads it, the rows loaded
    so far by code and by key, the report, the trail and the problems."""

    data: dict[str, Any]
    actor: Actor
    trusted: bool
    trail: list[AuditRecord]
    report: LoadReport
    problems: list
    positions: dict[str, Position | None]
    indicators: dict[str, Indicator | None]
    rows_by_pk: Any
    children: Any

    @property
    def note(self) -> str: ...

    def problem(self, record: str, field_name: str, message: str) -> None: ...

    def lookup(self, table: dict, code: Any, record: str, field_name: str, what: str) -> Any: ...


class _Figures:
    def __init__(self, loader: LoadState, plan: StrategicPlan):
        self.loader = loader
        self.plan = plan
        self.periods: dict[tuple[int, int], str | None] = {}
        self.entry: dict[int, list[Position]] | None = None  # indicator → the positions printing it (`printing`)
        indicators = [indicator for indicator in loader.indicators.values() if indicator is not None]
        for indicator in indicators:  # the services read indicator.plan(.agency): loaded once for all
            indicator.plan = plan
        plan.agency = loader.report.agency

    def problems_of(self, record: str, error: ValidationError) -> None:
        if hasattr(error, "error_dict"):
            for field_name, messages in error.message_dict.items():
                for message in messages:
                    self.loader.problem(record, "" if field_name == "__all__" else field_name, message)
        else:
            for message in error.messages:
                self.loader.problem(record, "", message)

    def closed(self, indicator: Indicator, year: int, quarter: int) -> str | None:
        """Why the period is closed (asked once per period), None when it is open."""
        key = (year, quarter)
        if key not in self.periods:
            try:
                ensure_period_open(indicator, year, quarter)
                self.periods[key] = None
            except ValidationError as error:
                self.periods[key] = error.messages[0]
        return self.periods[key]

    def indicator(self, record: str, code: str) -> Indicator | None:
        return self.loader.lookup(self.loader.indicators, code, record, "indicator", "indikator")

    def trail(self, obj: Any, before: dict | None, indicator: Indicator, description: str) -> None:
        action = AuditRecord.Action.CHANGED if before else AuditRecord.Action.CREATED
        self.loader.trail.append(
            audit.build(
                actor=self.loader.actor,
                action=action,
                obj=obj,
                before=before,
                after=audit.snapshot(obj),
                agency=self.plan.agency_id,
                about=indicator,
                note=self.loader.note,
                description=description,
            )
        )

    def printing(self) -> dict[int, list[Position]]:
        """The positions whose IKI pages print each indicator once the file is loaded: the file's pages, and the
        stored pages of the positions the file leaves out (no query: the loader has read them)."""
        loader = self.loader
        named = {page["position"] for page in loader.data.get("pages", [])}
        named_ids = {position.pk for code, position in loader.positions.items() if code in named and position}
        positions = loader.rows_by_pk[Position]
        result: dict[int, list[Position]] = {}
        for position_id, rows in loader.children.get(PageIndicator, {}).items():
            if position_id not in named_ids and position_id in positions:
                for row in rows:
                    result.setdefault(row["indicator_id"], []).append(positions[position_id])
        for page in loader.data.get("pages", []):
            position = loader.positions.get(page["position"])
            for objective in page.get("objectives", []):
                for row in objective.get("indicators", []):
                    indicator = loader.indicators.get(row["indicator"])
                    if position is not None and indicator is not None:
                        result.setdefault(indicator.pk, []).append(position)
        return result

    def may_enter(self, indicator: Indicator) -> bool:
        """The operator loads any actual; anyone else only where they may enter it (accounts.access)."""
        if self.loader.trusted:
            return True
        if self.entry is None:
            self.entry = self.printing()
        return may_import_actuals(self.loader.actor, self.entry.get(indicator.pk, []))

    def count(self, counter: Counter, model: type, n: int = 1) -> None:
        counter[str(model._meta.verbose_name_plural)] += n

    def change(self, model: type, record: str, existing: Any, after: dict[str, Any]) -> None:
        """The values a row changes, with what the database held (an example figure's value says so)."""
        label = str(model._meta.verbose_name_plural)
        kind = EXAMPLE if existing.is_example else CHANGED
        for name, value in after.items():
            old = getattr(existing, name)
            if old != value or (kind == EXAMPLE and value not in (None, "")):
                self.loader.report.changes.append(_change(label, record, name, old, value, kind))

    def new(self, model: type, record: str, after: dict[str, Any]) -> None:
        """The figures of a new row, so that the preview shows what it will hold ("baru: 81")."""
        label = str(model._meta.verbose_name_plural)
        for name, value in after.items():
            if value is not None and value != "":
                self.loader.report.changes.append(_change(label, record, name, None, value, NEW))

    # -- targets --------------------------------------------------------------------------------------
    def targets(self, items: list[dict]) -> None:
        existing = {
            (t.indicator_id, t.kind, t.year, t.quarter): t for t in Target.objects.filter(indicator__plan=self.plan)
        }
        seen: set[tuple] = set()
        created, updated = [], []
        for index, item in enumerate(items):
            record = f"targets[{index + 1}] ({item['indicator']})"
            indicator = self.indicator(record, item["indicator"])
            if indicator is None:
                continue
            kind, year = item["kind"], item["year"]
            try:
                value, value_upper = _amounts(item, "value", "value_upper")
            except _Refused as refused:
                self.loader.problem(record, refused.field_name, refused.message)
                continue
            try:
                quarter = services.checked_target(
                    indicator,
                    kind=kind,
                    year=year,
                    quarter=item.get("quarter", 0),
                    value=value,
                    value_upper=value_upper,
                )
                value, value_upper = services.stored_amount(value), services.stored_amount(value_upper)
            except ValidationError as error:
                self.problems_of(record, error)
                continue
            except ArithmeticError:  # a number the database cannot hold (the services' own range check aside)
                self.loader.problem(record, "value", OUT_OF_RANGE)
                continue
            key = (indicator.pk, kind, year, quarter)
            if key in seen:
                self.loader.problem(record, "kind", "target ini ganda (indikator, jenis, tahun dan triwulan sama).")
                continue
            seen.add(key)
            target = existing.get(key)
            if target is not None and (target.value, target.value_upper, target.is_example) == (
                value,
                value_upper,
                False,
            ):
                self.count(self.loader.report.unchanged, Target)
                continue
            if services.target_period_checked(kind):
                reason = self.closed(indicator, year, quarter)
                if reason:
                    self.loader.problem(record, "quarter" if quarter else "year", reason)
                    continue
            if target is None:
                target = Target(indicator=indicator, kind=kind, year=year, quarter=quarter)
                created.append(target)
                self.new(Target, record, {"value": value, "value_upper": value_upper})
                before = None
            else:
                target.indicator = indicator
                self.change(Target, record, target, {"value": value, "value_upper": value_upper})
                before = audit.snapshot(target)
                updated.append((target, before))
            target.value, target.value_upper, target.is_example = value, value_upper, False
            target.updated_by = self.loader.actor if getattr(self.loader.actor, "pk", None) else None
            try:
                target.full_clean(
                    exclude=["indicator", "updated_by"], validate_unique=False, validate_constraints=False
                )
            except ValidationError as error:
                self.problems_of(record, error)
        self.count(self.loader.report.created, Target, len(created))
        self.count(self.loader.report.updated, Target, len(updated))
        if self.loader.problems:
            return
        now = timezone.now()
        for target, _ in updated:
            target.updated_at = now
        Target.objects.bulk_create(created, batch_size=BATCH)
        Target.objects.bulk_update(
            [target for target, _ in updated],
            ["value", "value_upper", "is_example", "updated_by", "updated_at"],
            batch_size=BATCH,
        )
        for target, before in [*((t, None) for t in created), *updated]:
            action = AuditRecord.Action.CHANGED if before else AuditRecord.Action.CREATED
            self.trail(target, before, target.indicator, services.target_description(target, action))

    # -- actuals --------------------------------------------------------------------------------------
    def actuals(self, items: list[dict]) -> None:
        existing = {(a.indicator_id, a.year, a.quarter): a for a in Actual.objects.filter(indicator__plan=self.plan)}
        seen: set[tuple] = set()
        created, updated = [], []
        for index, item in enumerate(items):
            record = f"actuals[{index + 1}] ({item['indicator']})"
            indicator = self.indicator(record, item["indicator"])
            if indicator is None:
                continue
            year, quarter = item["year"], item["quarter"]
            ratio = indicator.formula == Indicator.Formula.RATIO
            try:
                value, numerator, denominator = _amounts(item, "value", "numerator", "denominator")
            except _Refused as refused:
                self.loader.problem(record, refused.field_name, refused.message)
                continue
            if ratio and value is not None:
                self.loader.problem(
                    record,
                    "value",
                    "nilai indikator rasio dihitung dari pembilang dan penyebut; kosongkan kolom nilai.",
                )
                continue
            if not ratio and (numerator is not None or denominator is not None):
                self.loader.problem(
                    record,
                    "numerator" if numerator is not None else "denominator",
                    "pembilang dan penyebut hanya untuk indikator rasio; isi kolom nilai.",
                )
                continue
            texts = {name: item.get(name, "").strip() for name in ACTUAL_TEXTS}
            try:
                value, numerator, denominator = services.checked_actual(
                    indicator,
                    year=year,
                    quarter=quarter,
                    value=value,
                    numerator=numerator,
                    denominator=denominator,
                    **texts,
                )
            except ValidationError as error:
                self.problems_of(record, error)
                continue
            except ArithmeticError:
                self.loader.problem(record, "numerator" if ratio else "value", OUT_OF_RANGE)
                continue
            key = (indicator.pk, year, quarter)
            if key in seen:
                self.loader.problem(record, "quarter", "realisasi ini ganda (indikator, tahun dan triwulan sama).")
                continue
            seen.add(key)
            after = {"value": value, "numerator": numerator, "denominator": denominator, **texts}
            actual = existing.get(key)
            if (
                actual is not None
                and not actual.is_example
                and all(getattr(actual, name) == wanted for name, wanted in after.items())
            ):
                self.count(self.loader.report.unchanged, Actual)
                continue
            if not self.may_enter(indicator):
                self.loader.problem(record, "numerator" if ratio else "value", NOT_YOURS)
                continue
            try:
                if not self.loader.trusted:  # the operator's dataset may carry what the evaluation fed
                    rules.ensure_typed_by_hand(indicator)
            except ValidationError as error:
                self.loader.problem(record, "numerator" if ratio else "value", error.messages[0])
                continue
            try:
                ensure_editable(actual)
            except ValidationError as error:
                self.problems_of(record, error)
                continue
            reason = self.closed(indicator, year, quarter)
            if reason:
                self.loader.problem(record, "quarter", reason)
                continue
            if actual is None:
                actual = Actual(indicator=indicator, year=year, quarter=quarter)
                created.append(actual)
                self.new(Actual, record, {name: after[name] for name in ("value", "numerator", "denominator")})
                before = None
            else:
                actual.indicator = indicator
                self.change(Actual, record, actual, after)
                before = audit.snapshot(actual)
                updated.append((actual, before))
            for name, wanted in after.items():
                setattr(actual, name, wanted)
            actual.is_example, actual.status = False, Actual.Status.DRAFT
            actual.entered_by = self.loader.actor if getattr(self.loader.actor, "pk", None) else None
            try:
                actual.full_clean(
                    exclude=["indicator", "entered_by", "verified_by"],
                    validate_unique=False,
                    validate_constraints=False,
                )
            except ValidationError as error:
                self.problems_of(record, error)
        self.count(self.loader.report.created, Actual, len(created))
        self.count(self.loader.report.updated, Actual, len(updated))
        if self.loader.problems:
            return
        now = timezone.now()
        for actual, _ in updated:
            actual.updated_at = now
        Actual.objects.bulk_create(created, batch_size=BATCH)
        Actual.objects.bulk_update(
            [actual for actual, _ in updated],
            ["value", "numerator", "denominator", *ACTUAL_TEXTS, "is_example", "status", "entered_by", "updated_at"],
            batch_size=BATCH,
        )
        for actual, before in [*((a, None) for a in created), *updated]:
            action = AuditRecord.Action.CHANGED if before else AuditRecord.Action.CREATED
            self.trail(actual, before, actual.indicator, services.actual_description(actual, action))


def _change(label: str, record: str, name: str, before: Any, after: Any, kind: str) -> Change:
    """Numbers the Indonesian way, every significant decimal ("1.234,5"), as the person reads them in Excel."""
    shown = [
        ("" if value is None else format_exact(value) if isinstance(value, Decimal) else str(value))
        for value in (before, after)
    ]
    return Change(label, record, name, *shown, kind=kind)


def load_figures(loader: LoadState, plan: StrategicPlan) -> None:
    """The dataset's `targets` and `actuals` (both optional) for the indicators the loader has just loaded."""
    targets, actuals = loader.data.get("targets", []), loader.data.get("actuals", [])
    if not targets and not actuals:
        return
    figures = _Figures(loader, plan)
    figures.targets(targets)
    figures.actuals(actuals)
