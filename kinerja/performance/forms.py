"""Forms read numbers the Indonesian way and say what is wrong next to the field; services do the rest."""

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError

from kinerja.core.numbers import to_decimal


class DecimalTextField(forms.CharField):
    """A number typed as text: "85,5", "1.234,5" or "85.5"; anything else is an error, empty is None."""

    def __init__(self, **kwargs: object) -> None:
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)
        self.widget.attrs.update({"inputmode": "decimal", "autocomplete": "off", "class": "num-input"})

    def to_python(self, value: object) -> Decimal | None:
        text = super().to_python(value)
        try:
            return to_decimal(text)
        except ValueError as error:
            raise ValidationError(f"'{text}' bukan angka. Contoh penulisan yang benar: 85,5 atau 1.234") from error


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, **kwargs: object) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def clean(self, data: object, initial: object = None) -> list:
        if isinstance(data, list | tuple):
            return [super(MultipleFileField, self).clean(item, initial) for item in data]
        return [super().clean(data, initial)] if data else []


class ActualForm(forms.Form):
    numerator = DecimalTextField(label="Pembilang")
    denominator = DecimalTextField(label="Penyebut")
    value = DecimalTextField(label="Realisasi")
    supporting_factors = forms.CharField(label="Faktor pendukung", required=False, widget=forms.Textarea(
        attrs={"rows": 2}))
    hindering_factors = forms.CharField(label="Faktor penghambat", required=False, widget=forms.Textarea(
        attrs={"rows": 2}))
    follow_up = forms.CharField(label="Tindak lanjut", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    note = forms.CharField(label="Catatan", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    evidence = MultipleFileField(label="Bukti dukung")
