"""The targets of a dataset, checked by `services.checked_target` and written in bulk."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext

from kinerja.core import audit
from kinerja.performance import services
from kinerja.performance.models import Target

from .figure_rows import OUT_OF_RANGE, FigureRows, _amounts, _Refused

KIND_ORDER = {Target.Kind.BASELINE: 0, Target.Kind.YEAR: 1, Target.Kind.QUARTER: 2, Target.Kind.END: 3}


class TargetRows(FigureRows):
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
                self.loader.problem(
                    record, "kind", gettext("this target is a duplicate (same indicator, kind, year and quarter).")
                )
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
        self.write(
            Target,
            created,
            updated,
            ["value", "value_upper", "is_example", "updated_by", "updated_at"],
            services.target_description,
        )
