"""The form of a programme, an activity or a sub-activity on the programmes' edit page: it only takes the input
(budgets read the Indonesian way by `core.numbers.to_decimal`, the one reader of every door); every rule is the
service's (`programme_editing`)."""

from dataclasses import dataclass, field

from django import forms
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from kinerja.core.numbers import format_exact, to_decimal

from .programme_selectors import ProgrammeEditing

KINDS = ("programme", "activity", "sub_activity")


class ItemForm(forms.Form):
    code = forms.CharField(label=_("Code"), max_length=40, help_text=_("e.g. 2.16.02 or 2.16.02.1.01"))
    name = forms.CharField(label=_("Name"), widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: object, editing: ProgrammeEditing, kind: str, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.years = list(editing.plan.years)
        if kind == "programme":
            self.fields["objectives"] = forms.TypedMultipleChoiceField(
                label=_("Strategic objectives served"),
                coerce=int,
                required=False,
                choices=[(pk, f"{o.code} — {Truncator(o.text).chars(70)}") for pk, o in editing.objectives.items()],
                widget=forms.SelectMultiple(attrs={"size": 4}),
            )
        self.fields["indicators"] = forms.TypedMultipleChoiceField(
            label=_("Indicators served"),
            coerce=int,
            required=False,
            choices=[(pk, f"{i.code} — {Truncator(i.name).chars(70)}") for pk, i in editing.indicators.items()],
            widget=forms.SelectMultiple(attrs={"size": 6}),
            help_text=_("Ctrl or Cmd and click to choose several."),
        )
        if kind != "programme":
            self.fields["responsible_position"] = forms.TypedChoiceField(
                label=_("Responsible position"),
                coerce=int,
                empty_value=None,
                required=False,
                choices=[("", "—"), *((pk, p.title) for pk, p in editing.positions.items())],
            )
        for year in self.years:
            self.fields[f"budget_{year}"] = forms.CharField(
                label=_("Budget %(year)s (Rp)") % {"year": year}, required=False, max_length=40
            )

    def clean(self) -> dict:
        data = super().clean()
        budgets = {}
        for year in self.years:
            try:
                budgets[year] = to_decimal(data.get(f"budget_{year}", ""))
            except ValueError as error:
                self.add_error(f"budget_{year}", str(error))
        data["budgets"] = budgets
        return data


def initial_of(item: object, kind: str) -> dict:
    initial = {"code": item.code, "name": item.name, "indicators": [i.pk for i in item.indicators.all()]}
    if kind == "programme":
        initial["objectives"] = [o.pk for o in item.objectives.all()]
    else:
        initial["responsible_position"] = item.responsible_position_id
    for budget in item.budgets.all():
        initial[f"budget_{budget.year}"] = format_exact(budget.amount)
    return initial


@dataclass
class Entry:
    kind: str
    item: object
    form: ItemForm
    refusal: str = ""
    children: list["Entry"] = field(default_factory=list)
    new_child: ItemForm | None = None


def programme_entries(editing: ProgrammeEditing, bound: dict, refusals: dict) -> list[Entry]:
    """A form per item, filled with what is stored; the one just refused (`bound`, by prefix) with its errors."""

    def entry(kind: str, item: object, child_kind: str | None, children: list) -> Entry:
        prefix = f"{kind}-{item.pk}"
        form = bound.get(prefix) or ItemForm(editing=editing, kind=kind, prefix=prefix, initial=initial_of(item, kind))
        result = Entry(kind, item, form, refusals.get(prefix, ""), children)
        if child_kind:
            new_prefix = f"new-{child_kind}-{item.pk}"
            result.new_child = bound.get(new_prefix) or ItemForm(editing=editing, kind=child_kind, prefix=new_prefix)
        return result

    return [
        entry(
            "programme",
            programme,
            "activity",
            [
                entry(
                    "activity",
                    activity,
                    "sub_activity",
                    [entry("sub_activity", sub, None, []) for sub in activity.sub_activities.all()],
                )
                for activity in programme.activities.all()
            ],
        )
        for programme in editing.programmes
    ]
