"""The action plan (Rencana Aksi) in the agency dataset: `actions`, exported from the plan and loaded through the
action plan's one door (`actionplans.services.add_action` and `change_action`: who may, the plan's year, the
position of the agency, the sub-activity of the plan, a closed quarter — the same rules and sentences as the
pages), and each action's progress of its quarter (`progress`, `progress_note`) through the progress's one door
(`actionplans.progress.record_progress`, who-may as the actuals' import: who enters the indicator's actuals or the
administrator; an open quarter, a progress still a draft). A progress the file repeats unchanged is left as it is,
whatever its state; a file without progress removes none.

A file's actions are matched per indicator, year and quarter by their order: the first row of a quarter is its
first action, and so on. A row that differs changes that action, a row beyond the stored ones adds one; an action
the file does not name is left as it is (removed on the Rencana aksi page). Example actions (`is_example`, made by
`load_example_performance`) are neither exported nor matched: a file's action is added beside them.
"""

from collections import defaultdict
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext

from kinerja.actionplans import services
from kinerja.actionplans.models import ActionItem, ActionProgress
from kinerja.actionplans.progress import record_progress
from kinerja.core.numbers import from_dataset
from kinerja.strategy.models import StrategicPlan, SubActivity

from .loading.report import LoadReport
from .loading.unit_of_work import UnitOfWork


def _label() -> str:
    """The report's name for the rows (the preview counts them per model, as `workbook.columns.MODEL_SHEETS`)."""
    return str(ActionItem._meta.verbose_name_plural)


def _progress_label() -> str:
    return str(ActionProgress._meta.verbose_name_plural)


def _quantity(value: Decimal | None) -> int | str | None:
    if value is None:
        return None
    value = value.normalize()
    return int(value) if value == value.to_integral_value() else format(value, "f")


def export_actions(plan: StrategicPlan) -> list[dict[str, Any]]:
    """The plan's actions (not the example ones) with their progress, in the order of the indicators, years,
    quarters (1 query)."""
    items = (
        ActionItem.objects.filter(indicator__plan=plan, is_example=False)
        .select_related("indicator", "responsible_position", "sub_activity", "progress")
        .order_by("indicator__order", "indicator__code", "year", "quarter", "order", "pk")
    )
    rows = []
    for item in items:
        row: dict[str, Any] = {
            "indicator": item.indicator.code,
            "year": item.year,
            "quarter": item.quarter,
            "description": item.description,
        }
        if item.output_quantity is not None:
            row["output_quantity"] = _quantity(item.output_quantity)
        if item.output_unit:
            row["output_unit"] = item.output_unit
        if item.responsible_position is not None:
            row["responsible_position"] = item.responsible_position.code
        if item.sub_activity is not None:
            row["sub_activity"] = item.sub_activity.code
        stored = getattr(item, "progress", None)
        if stored is not None:
            row["progress"] = stored.outcome
            if stored.note:
                row["progress_note"] = stored.note
        rows.append(row)
    return rows


class _Load:
    def __init__(self, work: UnitOfWork, plan: StrategicPlan):
        self.work, self.plan = work, plan
        self.indicators = {i.code: i for i in plan.indicators.select_related("plan__agency")}
        self.positions = {p.code: p for p in plan.agency.positions.all()}
        self.budget = {s.code: s for s in SubActivity.objects.filter(activity__programme__plan=plan)}
        self.stored: dict[tuple, list[ActionItem]] = defaultdict(list)
        stored = ActionItem.objects.filter(indicator__plan=plan, is_example=False).select_related(
            "indicator__plan__agency", "responsible_position", "sub_activity__activity__programme", "progress"
        )
        for item in stored.order_by("order", "pk"):
            self.stored[(item.indicator_id, item.year, item.quarter)].append(item)
        self.seen: dict[tuple, int] = defaultdict(int)

    def values(self, record: str, item: dict) -> dict[str, Any] | None:
        work = self.work
        try:
            quantity = from_dataset(item.get("output_quantity"))
        except ValueError as error:
            work.problem(record, "output_quantity", str(error))
            return None
        position = work.lookup(
            self.positions, item.get("responsible_position"), record, "responsible_position", "jabatan"
        )
        budget = work.lookup(self.budget, item.get("sub_activity"), record, "sub_activity", "sub kegiatan")
        if (item.get("responsible_position") and position is None) or (item.get("sub_activity") and budget is None):
            return None
        return {
            "description": item["description"],
            "output_quantity": quantity,
            "output_unit": item.get("output_unit", ""),
            "responsible_position": position,
            "sub_activity": budget,
        }

    def one(self, index: int, item: dict) -> None:
        record = f"actions[{index + 1}] ({item['indicator']})"
        indicator = self.work.lookup(self.indicators, item["indicator"], record, "indicator", "indikator")
        values = self.values(record, item) if indicator is not None else None
        if indicator is None or values is None:
            return
        key = (indicator.pk, item["year"], item["quarter"])
        place = self.seen[key]
        self.seen[key] += 1
        stored = self.stored[key][place] if place < len(self.stored[key]) else None
        try:
            action = self.action(stored, indicator, item, values)
            if item.get("progress") or item.get("progress_note"):
                self.progress(action, item)
        except PermissionDenied as error:
            self.work.problem(record, "", str(error))
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                for field_name, messages in error.message_dict.items():
                    for message in messages:
                        self.work.problem(record, "" if field_name == "__all__" else field_name, message)
            else:
                for message in error.messages:
                    self.work.problem(record, "", message)

    def action(self, stored: ActionItem | None, indicator: Any, item: dict, values: dict[str, Any]) -> ActionItem:
        """The row's action added or changed through the one door (or left as it is); the report counts it."""
        report: LoadReport = self.work.report
        if stored is None:
            added = services.add_action(
                actor=self.work.actor, indicator=indicator, year=item["year"], quarter=item["quarter"], **values
            )
            report.created[_label()] += 1
            return added
        values["description"] = values["description"].strip()
        values["output_unit"] = values["output_unit"].strip()
        changes = {name: value for name, value in values.items() if getattr(stored, name) != value}
        if not changes:
            report.unchanged[_label()] += 1
            return stored
        services.change_action(actor=self.work.actor, item=stored, **changes)
        report.updated[_label()] += 1
        return stored

    def progress(self, action: ActionItem, item: dict) -> None:
        """The row's progress through its one door, unless the file repeats the stored one."""
        report: LoadReport = self.work.report
        outcome, note = item.get("progress"), (item.get("progress_note") or "").strip()
        if not outcome:
            raise ValidationError({"progress": gettext("A note of progress needs the progress itself: fill it in.")})
        stored = getattr(action, "progress", None)  # read with the stored actions; a new action has none
        if stored is not None and (stored.outcome, stored.note) == (outcome, note):
            report.unchanged[_progress_label()] += 1
            return
        record_progress(actor=self.work.actor, action=action, outcome=outcome, note=note, imported=True)
        (report.created if stored is None else report.updated)[_progress_label()] += 1


def load_actions(work: UnitOfWork, plan: StrategicPlan) -> None:
    """The dataset's `actions` (optional) through the action plan's one door, after the plan is written."""
    items = work.data.get("actions", [])
    if not items:
        return
    load = _Load(work, plan)
    for index, item in enumerate(items):
        load.one(index, item)
