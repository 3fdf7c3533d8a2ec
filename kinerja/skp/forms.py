"""The SKP forms: they read what a person typed (numbers the Indonesian way); the services hold the rules."""

from django import forms
from django.utils.translation import gettext_lazy as _

from kinerja.performance.forms import DecimalTextField

from .models import BEHAVIOUR_NAMES, Rating, Rhk, RhkIndicator

RATING_CHOICES = [("", "—"), *Rating.choices]


class IndicatorForm(forms.Form):
    aspect = forms.ChoiceField(label=_("Aspect"), choices=RhkIndicator.Aspect.choices)
    name = forms.CharField(label=_("Indicator"), widget=forms.Textarea(attrs={"rows": 2}))
    target = DecimalTextField(label=_("Target"), required=False, help_text=_("For example 12 or 2,5."))
    unit = forms.CharField(
        label=_("Unit of measure"), required=False, max_length=60, help_text=_("For example: dokumen, bulan, %.")
    )


class StaffResultForm(forms.Form):
    parent = forms.ModelChoiceField(label=_("Superior's work result it supports"), queryset=Rhk.objects.none())
    text = forms.CharField(label=_("Work result"), widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: object, parents: list[Rhk], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["parent"]
        field.queryset = Rhk.objects.filter(pk__in=[parent.pk for parent in parents])  # type: ignore[attr-defined]
        field.label_from_instance = lambda result: result.text  # type: ignore[attr-defined]


class RatingForm(forms.Form):
    work_rating = forms.ChoiceField(label=_("Work result"), choices=RATING_CHOICES, required=False)
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        for key, name in BEHAVIOUR_NAMES.items():
            self.fields[f"behaviour_{key}"] = forms.ChoiceField(label=name, choices=RATING_CHOICES, required=False)

    def behaviours(self) -> dict[str, str]:
        return {key: self.cleaned_data.get(f"behaviour_{key}", "") for key in BEHAVIOUR_NAMES}


class StaffPositionForm(forms.Form):
    superior = forms.ModelChoiceField(label=_("Superior position"), queryset=None, empty_label="—")
    code = forms.CharField(label=_("Code"), max_length=60, help_text=_("Lowercase letters, digits and hyphens."))
    title = forms.CharField(
        label=_("Title"), max_length=300, help_text=_("For example: Pranata Komputer Ahli Pertama.")
    )
    duty = forms.CharField(label=_("Duty"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: object, positions: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["superior"].queryset = positions  # type: ignore[attr-defined]
