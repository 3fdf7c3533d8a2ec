"""The form of one action: reads what a person typed (numbers the Indonesian way); the service holds the rules."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kinerja.core.numbers import format_exact
from kinerja.core.periods import QUARTERS, quarter_label
from kinerja.organisation.models import Agency
from kinerja.performance.forms import DecimalTextField
from kinerja.strategy.models import StrategicPlan

from .models import ActionItem, ActionProgress
from .selectors import list_sub_activities

FIELDS = ("quarter", "description", "output_quantity", "output_unit", "responsible_position", "sub_activity")


class ActionForm(forms.Form):
    quarter = forms.TypedChoiceField(label=_("Quarter"), coerce=int)
    description = forms.CharField(label=_("What will be done"), widget=forms.Textarea(attrs={"rows": 2}))
    output_quantity = DecimalTextField(label=_("Output quantity"), help_text=_("For example 4 or 2,5."))
    output_unit = forms.CharField(
        label=_("Output unit"), required=False, max_length=60, help_text=_("For example: dokumen, laporan, kegiatan.")
    )
    responsible_position = forms.ModelChoiceField(label=_("Person in charge"), queryset=None, empty_label="—")
    sub_activity = forms.ModelChoiceField(
        label=_("Sub-activity (budget)"), queryset=None, required=False, empty_label=_("none")
    )

    def __init__(self, *args: object, agency: Agency, plan: StrategicPlan, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["quarter"].choices = [(q, quarter_label(q)) for q in QUARTERS]
        self.fields["responsible_position"].queryset = agency.positions.order_by("order", "title")
        self.fields["sub_activity"].queryset = list_sub_activities(plan)

    @classmethod
    def initial_of(cls, item: ActionItem) -> dict[str, object]:
        return {
            "quarter": item.quarter,
            "description": item.description,
            "output_quantity": "" if item.output_quantity is None else format_exact(item.output_quantity),
            "output_unit": item.output_unit,
            "responsible_position": item.responsible_position_id,
            "sub_activity": item.sub_activity_id,
        }


class ProgressForm(forms.Form):
    """How far an action was carried out, a note and (optionally) one evidence file; the service holds the rules."""

    outcome = forms.ChoiceField(
        label=pgettext_lazy("action plan", "Progress"), choices=ActionProgress.Outcome.choices, widget=forms.RadioSelect
    )
    note = forms.CharField(label=_("Note"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))
    evidence = forms.FileField(
        label=_("Evidence file"), required=False, help_text=_("PDF, image, Word or Excel; checked for what it is.")
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))
