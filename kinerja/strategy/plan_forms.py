"""The forms of the plan's pages: they read what a person typed (text, a whole number, an Indonesian decimal, a
choice among the plan's own rows) and hold no rule of the plan — every rule is the services' (`editing`,
`editing_indicators`), whose errors the views put next to their fields."""

from django import forms
from django.utils.translation import gettext_lazy as _

from kinerja.core.numbers import to_decimal

from .editing import responsible_positions
from .models import Indicator, Objective, StrategicPlan

TEXT = {"rows": 3, "cols": 70}
NUMBER = {"invalid": _("Write a whole number, for example 3.")}
YEAR = {"invalid": _("Write the year with four digits, for example 2021.")}


def coded(item: object) -> str:
    """A goal, objective or indicator in a list: its code, then its words ("S1 — Meningkatnya …", "IKU.2 — …")."""
    words = getattr(item, "text", None) or getattr(item, "name", "")
    return f"{item.code} — {words}"  # type: ignore[attr-defined]


def _text(label: str, *, area: bool = False, help_text: str = "") -> forms.CharField:
    widget = forms.Textarea(attrs=TEXT) if area else forms.TextInput()
    return forms.CharField(label=label, required=False, widget=widget, help_text=help_text, strip=True)


def _order() -> forms.IntegerField:
    return forms.IntegerField(
        label=_("Order"),
        required=False,
        min_value=0,
        max_value=32767,
        error_messages=NUMBER,
        help_text=_("Empty: after the last one."),
    )


class PlanForm(forms.Form):
    name = _text(_("Name"))
    first_year = forms.IntegerField(label=_("First year"), required=False, error_messages=YEAR)
    last_year = forms.IntegerField(label=_("Last year"), required=False, error_messages=YEAR)


class GoalForm(forms.Form):
    code = _text(_("Code"), help_text=_("Letters, digits, dots, hyphens and underscores, for example T1."))
    text = _text(_("Goal"), area=True)
    order = _order()


class ObjectiveForm(forms.Form):
    code = _text(_("Code"), help_text=_("Letters, digits, dots, hyphens and underscores, for example SS.1."))
    text = _text(_("Strategic objective"), area=True)
    goal = forms.ModelChoiceField(label=_("Goal"), queryset=None, required=False, empty_label=_("(no goal)"))
    order = _order()

    def __init__(self, *args, plan: StrategicPlan, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["goal"].queryset = plan.goals.order_by("order", "code")  # type: ignore[attr-defined]
        self.fields["goal"].label_from_instance = coded  # type: ignore[attr-defined]


class IndicatorForm(forms.Form):
    code = _text(_("Code"), help_text=_("Letters, digits, dots, hyphens and underscores, for example IKU.1."))
    name = _text(_("Name"), area=True)
    objective = forms.ModelChoiceField(
        label=_("Strategic objective"),
        queryset=None,
        required=False,
        empty_label=_("(none: an indicator of the IKI pages only)"),
    )
    is_key = forms.BooleanField(label=_("Key performance indicator (IKU)"), required=False)
    formula = forms.ChoiceField(label=_("Formula"), choices=[("", "—"), *Indicator.Formula.choices], required=False)
    numerator = _text(_("Numerator"), area=True, help_text=_("Only for a ratio."))
    denominator = _text(_("Denominator"), area=True, help_text=_("Only for a ratio."))
    factor = _text(_("Factor"), help_text=_("Only for a ratio, for example 100 for a percentage."))
    unit = _text(_("Unit of measure"), help_text=_("For example Persen, Dokumen, Nilai."))
    definition = _text(_("Definition / formula text"), area=True)
    data_source = _text(_("Data source"), area=True)
    responsible_position = forms.ModelChoiceField(
        label=_("Responsible position"), queryset=None, required=False, empty_label=_("(none)")
    )
    polarity = forms.ChoiceField(label=_("Polarity"), choices=Indicator.Polarity.choices)
    quarter_rule = forms.ChoiceField(
        label=_("How quarters make the year"), choices=[("", "—"), *Indicator.QuarterRule.choices], required=False
    )
    decimals = forms.IntegerField(label=_("Decimals"), required=False, error_messages=NUMBER)
    order = _order()

    def __init__(self, *args, plan: StrategicPlan, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        objectives = plan.objectives.filter(level=Objective.Level.STRATEGIC).order_by("order", "code")
        self.fields["objective"].queryset = objectives  # type: ignore[attr-defined]
        self.fields["objective"].label_from_instance = coded  # type: ignore[attr-defined]
        self.fields["responsible_position"].queryset = responsible_positions(plan)  # type: ignore[attr-defined]

    def clean_factor(self) -> object:
        try:
            return to_decimal(self.cleaned_data["factor"])
        except ValueError as error:
            raise forms.ValidationError(str(error)) from error


class KeyRowForm(forms.Form):
    indicator = forms.ModelChoiceField(label=_("Key performance indicator (IKU)"), queryset=None, required=False)
    order = _order()
    printed_objective = _text(_("Objective as printed"), area=True, help_text=_("Empty: the objective's own text."))
    printed_name = _text(_("Indicator as printed"), area=True, help_text=_("Empty: the indicator's own name."))
    printed_definition = _text(
        _("Definition as printed"), area=True, help_text=_("Empty: the indicator's own definition.")
    )
    printed_data_source = _text(
        _("Data source as printed"), area=True, help_text=_("Empty: the indicator's own data source.")
    )
    printed_responsible = _text(
        _("Responsible as printed"), area=True, help_text=_("Empty: the title of the responsible position.")
    )

    def __init__(self, *args, plan: StrategicPlan, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["indicator"].queryset = plan.indicators.order_by("-is_key", "order", "code")  # type: ignore[attr-defined]
        self.fields["indicator"].label_from_instance = coded  # type: ignore[attr-defined]
