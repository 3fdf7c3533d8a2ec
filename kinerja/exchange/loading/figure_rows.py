"""What the loading of targets and of actuals shares: the state of the load it runs in (`LoadState`), the numbers
of a row, each closed-period question asked once per period, the audit records, and what the preview shows of a
new or a changed row (`FigureRows`)."""

from collections import Counter
from collections.abc import Callable
from decimal import Decimal
from typing import Any, Protocol

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy, pgettext

from kinerja.core import audit
from kinerja.core.actors import Actor
from kinerja.core.models import AuditRecord
from kinerja.core.numbers import format_exact, from_dataset
from kinerja.organisation.models import Position
from kinerja.performance import region_keys
from kinerja.performance.models import Actual, Target
from kinerja.performance.rollups.outbox import mark_figures_changed
from kinerja.performance.workflow import ensure_period_open
from kinerja.strategy.models import Indicator, StrategicPlan

from .report import CHANGED, EXAMPLE, NEW, Change, LoadReport

BATCH = 500
OUT_OF_RANGE = gettext_lazy("this number is outside what can be stored (at most 16 digits before the comma).")


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


class FigureRows:
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
        return self.loader.lookup(
            self.loader.indicators, code, record, "indicator", pgettext("dataset record", "indicator")
        )

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

    def write(
        self,
        model: type[Target] | type[Actual],
        created: list,
        updated: list[tuple[Any, dict | None]],
        fields: list[str],
        describe: Callable[[Any, str], str],
    ) -> None:
        """Count the new and the changed rows; unless the file has problems, write them a few hundred at a time and
        record each in the trail (`describe`: the service's own description of the row)."""
        self.count(self.loader.report.created, model, len(created))
        self.count(self.loader.report.updated, model, len(updated))
        if self.loader.problems:
            return
        now = timezone.now()
        for obj, _ in updated:
            obj.updated_at = now
        agency = self.loader.report.agency  # as this load holds it (its region may be written at the end)
        for obj in created:
            region_keys.place_in(obj, agency)  # the region key, written once (docs/scale.md §1)
        model.objects.bulk_create(created, batch_size=BATCH)
        model.objects.bulk_update([obj for obj, _ in updated], fields, batch_size=BATCH)
        mark_figures_changed((obj.indicator_id, obj.year) for obj in [*created, *(o for o, _ in updated)])
        for obj, before in [*((o, None) for o in created), *updated]:
            action = AuditRecord.Action.CHANGED if before else AuditRecord.Action.CREATED
            self.trail(obj, before, obj.indicator, describe(obj, action))


def _change(label: str, record: str, name: str, before: Any, after: Any, kind: str) -> Change:
    """Numbers the Indonesian way, every significant decimal ("1.234,5"), as the person reads them in Excel."""
    shown = [
        ("" if value is None else format_exact(value) if isinstance(value, Decimal) else str(value))
        for value in (before, after)
    ]
    return Change(label, record, name, *shown, kind=kind)
