"""The forms of the IKI page's edit page: they only take the input, offering the choices the page reads once
(`page_selectors`); every rule is the service's (`page_editing`), whose refusals the view puts next to the field."""

from dataclasses import dataclass, field

from django import forms
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from .page_selectors import PageEditing

TEXT = {"rows": 2}


class ObjectiveForm(forms.Form):
    code = forms.CharField(label=_("Code"), max_length=60, help_text=_("e.g. kasi-media.O1"))
    text = forms.CharField(label=_("Performance objective"), widget=forms.Textarea(attrs=TEXT))
    contributes_to = forms.TypedChoiceField(label=_("Contributes to"), coerce=int, empty_value=None, required=False)

    def __init__(self, *args: object, editing: PageEditing, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["contributes_to"].choices = [("", "—"), *above_choices(editing)]


class RowForm(forms.Form):
    objective = forms.TypedChoiceField(label=_("Under the objective"), coerce=int)
    indicator = forms.TypedChoiceField(label=_("Indicator"), coerce=int)
    printed_name = forms.CharField(
        label=_("Indicator as printed"),
        required=False,
        widget=forms.Textarea(attrs=TEXT),
        help_text=_("Empty or unchanged: the indicator's own name."),
    )
    printed_definition = forms.CharField(
        label=_("Explanation / formula as printed"),
        required=False,
        widget=forms.Textarea(attrs=TEXT),
        help_text=_("Empty or unchanged: the indicator's own definition."),
    )
    printed_data_source = forms.CharField(
        label=_("Data source as printed"),
        required=False,
        widget=forms.Textarea(attrs=TEXT),
        help_text=_("Empty or unchanged: the indicator's own data source."),
    )

    def __init__(self, *args: object, editing: PageEditing, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["objective"].choices = [
            (pk, f"{objective.code} — {Truncator(objective.text).chars(70)}")
            for pk, objective in editing.objectives.items()
        ]
        self.fields["indicator"].choices = [
            (pk, f"{indicator.code} — {Truncator(indicator.name).chars(90)}")
            for pk, indicator in editing.indicators.items()
        ]


def above_choices(editing: PageEditing) -> list[tuple[str, list[tuple[int, str]]]]:
    """The objectives an objective may serve, grouped: the superior's page, then the strategic objectives."""
    groups: dict[str, list[tuple[int, str]]] = {}
    for pk, objective in editing.above.items():
        if objective.position_id:
            group = str(_("Page of %(position)s")) % {"position": objective.position.title}
        else:
            group = str(_("Strategic objectives"))
        groups.setdefault(group, []).append((pk, f"{objective.code} — {Truncator(objective.text).chars(80)}"))
    return list(groups.items())


@dataclass
class RowItem:
    row: object
    form: RowForm
    refusal: str = ""


@dataclass
class ObjectiveItem:
    objective: object
    form: ObjectiveForm
    rows: list[RowItem] = field(default_factory=list)
    refusal: str = ""


def page_items(editing: PageEditing, bound: dict, refusals: dict) -> list[ObjectiveItem]:
    """A form per objective and per row, filled with what the page prints now; the one just refused (`bound`,
    by its prefix) with what was sent and its errors."""
    items = []
    for view in editing.page.objectives:
        objective = view.objective
        prefix = f"objective-{objective.pk}"
        form = bound.get(prefix) or ObjectiveForm(
            editing=editing,
            prefix=prefix,
            initial={"code": objective.code, "text": objective.text, "contributes_to": objective.contributes_to_id},
        )
        item = ObjectiveItem(objective, form, refusal=refusals.get(prefix, ""))
        for row in view.rows:
            prefix = f"row-{row.pk}"
            row_form = bound.get(prefix) or RowForm(
                editing=editing,
                prefix=prefix,
                initial={
                    "objective": row.objective_id,
                    "indicator": row.indicator_id,
                    "printed_name": row.name,
                    "printed_definition": row.definition,
                    "printed_data_source": row.data_source,
                },
            )
            item.rows.append(RowItem(row, row_form, refusals.get(prefix, "")))
        items.append(item)
    return items
