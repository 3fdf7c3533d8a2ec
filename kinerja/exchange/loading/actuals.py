"""The actuals of a dataset: checked by `services.checked_actual`, loaded only where the person may enter them
(accounts.access), and written in bulk as drafts."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext

from kinerja.accounts.access import may_import_actuals
from kinerja.core import audit
from kinerja.organisation.models import Position
from kinerja.performance import rules, services
from kinerja.performance.models import Actual
from kinerja.performance.workflow import ensure_editable
from kinerja.strategy.models import Indicator, PageIndicator

from .figure_rows import OUT_OF_RANGE, FigureRows, _amounts, _Refused

ACTUAL_TEXTS = ("supporting_factors", "hindering_factors", "follow_up", "note")


class ActualRows(FigureRows):
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
                    gettext(
                        "the value of a ratio indicator is computed from the numerator and the denominator; "
                        "leave the value empty."
                    ),
                )
                continue
            if not ratio and (numerator is not None or denominator is not None):
                self.loader.problem(
                    record,
                    "numerator" if numerator is not None else "denominator",
                    gettext("a numerator and a denominator are only for ratio indicators; fill in the value."),
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
                self.loader.problem(
                    record, "quarter", gettext("this actual is a duplicate (same indicator, year and quarter).")
                )
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
                self.loader.problem(record, "numerator" if ratio else "value", rules.NOT_IMPORTING)
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
        self.write(
            Actual,
            created,
            updated,
            ["value", "numerator", "denominator", *ACTUAL_TEXTS, "is_example", "status", "entered_by", "updated_at"],
            services.actual_description,
        )
