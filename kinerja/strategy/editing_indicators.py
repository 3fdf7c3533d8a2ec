"""The indicators of the strategic plan and the rows of the IKU table (Lampiran I), edited in place: the second half
of the plan's one door (`editing` holds the plan, goals and strategic objectives, and the shared writing)."""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext, ngettext

from kinerja.core.actors import Actor

from .editing import code_message, code_taken, counted, delete_row, ensure_planner, next_order, stripped, write_row
from .models import Indicator, KeyIndicatorRow, StrategicPlan

# what a planner sets on an indicator (the rest — plan, order, fed_by — is the import's or the system's)
INDICATOR_FIELDS = (
    "code",
    "name",
    "objective",
    "is_key",
    "formula",
    "numerator",
    "denominator",
    "factor",
    "definition",
    "unit",
    "data_source",
    "responsible_position",
    "polarity",
    "quarter_rule",
    "decimals",
    "order",
)
KEY_ROW_FIELDS = (
    "indicator",
    "order",
    "printed_objective",
    "printed_name",
    "printed_definition",
    "printed_data_source",
    "printed_responsible",
)

# -- indicators ----------------------------------------------------------------------------------------------


@transaction.atomic
def save_indicator(
    *, actor: Actor, plan: StrategicPlan, indicator: Indicator | None = None, **values: Any
) -> Indicator:
    """Create (no `indicator`) or change an indicator of the plan: every field of INDICATOR_FIELDS (those not
    given keep their value). A formula other than a ratio keeps no numerator, denominator or factor (as the
    import stores it)."""
    ensure_planner(actor, plan)
    unknown = set(values) - set(INDICATOR_FIELDS)
    if unknown:
        raise TypeError(f"save_indicator: unknown fields {sorted(unknown)}")
    indicator = indicator or Indicator(plan=plan)
    if indicator.plan_id != plan.pk:
        raise PermissionDenied(gettext("The indicator belongs to another plan."))
    values = stripped(values)
    if values.get("order") is None:
        values["order"] = indicator.order if indicator.pk else next_order(plan.indicators.all(), indicator)
    if values.get("decimals") is None:
        values.pop("decimals", None)
    formula = values.get("formula", indicator.formula)
    if formula and formula != Indicator.Formula.RATIO:
        values.update(numerator="", denominator="", factor=None)
    unique = {}
    if "code" in values and code_taken(Indicator, plan, indicator, values["code"]):
        unique["code"] = code_message(values["code"])
    if not values.get("is_key", indicator.is_key) and indicator.pk and indicator.key_rows.exists():
        # the import refuses a row of the IKU table whose indicator is no IKU (KeyIndicatorRow.clean)
        unique["is_key"] = gettext(
            "The indicator still has a row in the IKU table (Appendix I): delete that row first."
        )
    return write_row(
        actor=actor,
        plan=plan,
        instance=indicator,
        values=values,
        unique=unique,
        description="Indikator «%(what)s» disimpan",
    )


@transaction.atomic
def delete_indicator(*, actor: Actor, indicator: Indicator) -> None:
    plan = indicator.plan
    ensure_planner(actor, plan)
    pages = list(indicator.page_rows.select_related("position").order_by("position__order"))
    titles = [row.position.title for row in pages]
    key_rows = indicator.key_rows.count()
    programmes = [
        *indicator.programmes.values_list("code", flat=True),
        *indicator.activities.values_list("code", flat=True),
        *indicator.sub_activities.values_list("code", flat=True),
    ]
    figures = indicator.targets.count() + indicator.actuals.count()  # type: ignore[attr-defined]
    uses = [
        *counted(
            ngettext("%(count)d IKI page (%(codes)s)", "%(count)d IKI pages (%(codes)s)", len(titles)),
            len(titles),
            titles,
        ),
        *counted(ngettext("%(count)d row of Appendix I", "%(count)d rows of Appendix I", key_rows), key_rows, []),
        *counted(
            ngettext(
                "%(count)d programme, activity or sub-activity (%(codes)s)",
                "%(count)d programmes, activities or sub-activities (%(codes)s)",
                len(programmes),
            ),
            len(programmes),
            programmes,
        ),
        *counted(ngettext("%(count)d target or actual", "%(count)d targets and actuals", figures), figures, []),
    ]
    delete_row(actor=actor, plan=plan, instance=indicator, uses=uses, description="Indikator «%(what)s» dihapus")


# -- the IKU table (Lampiran I) ------------------------------------------------------------------------------


@transaction.atomic
def save_key_row(
    *, actor: Actor, plan: StrategicPlan, row: KeyIndicatorRow | None = None, **values: Any
) -> KeyIndicatorRow:
    """Create (no `row`) or change a row of the IKU table: its indicator (an IKU of the plan, once), its order and
    the wording it prints where it differs from the indicator's."""
    ensure_planner(actor, plan)
    unknown = set(values) - set(KEY_ROW_FIELDS)
    if unknown:
        raise TypeError(f"save_key_row: unknown fields {sorted(unknown)}")
    row = row or KeyIndicatorRow(plan=plan)
    if row.plan_id != plan.pk:
        raise PermissionDenied(gettext("The row belongs to another plan."))
    values = stripped(values)
    if values.get("order") is None:
        values["order"] = row.order if row.pk else next_order(plan.key_rows.all(), row)
    unique = {}
    indicator = values.get("indicator", row.indicator if row.indicator_id else None)
    if indicator is None:
        unique["indicator"] = gettext("Choose the key indicator (IKU) of this row.")
    elif KeyIndicatorRow.objects.filter(plan=plan, indicator=indicator).exclude(pk=row.pk).exists():
        unique["indicator"] = gettext("This indicator already has a row in the IKU table.")
    return write_row(
        actor=actor,
        plan=plan,
        instance=row,
        values=values,
        unique=unique,
        description="Baris Lampiran I «%(what)s» disimpan",
    )


@transaction.atomic
def delete_key_row(*, actor: Actor, row: KeyIndicatorRow) -> None:
    plan = row.plan
    ensure_planner(actor, plan)
    delete_row(actor=actor, plan=plan, instance=row, uses=[], description="Baris Lampiran I «%(what)s» dihapus")
