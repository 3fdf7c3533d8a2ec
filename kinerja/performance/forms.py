"""Forms read numbers the Indonesian way and say what is wrong next to the field; services do the rest."""

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from kinerja.core.numbers import to_decimal


class DecimalTextField(forms.CharField):
    """A number typed as text, read by the one reader (`kinerja.core.numbers.to_decimal`): "85,5", "1.234,5";
    "1.5" is refused (a dot groups thousands), so is anything else, with the reader's message; empty is None."""

    def __init__(self, **kwargs: object) -> None:
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)
        self.widget.attrs.update({"inputmode": "decimal", "autocomplete": "off", "class": "num-input"})

    def to_python(self, value: object) -> Decimal | None:
        text = super().to_python(value)
        try:
            return to_decimal(text)
        except ValueError as error:
            raise ValidationError(str(error)) from error


def messages_of(error: ValidationError) -> list[str]:
    """Every message of a service's ValidationError, with or without fields."""
    if hasattr(error, "error_dict"):
        return [message for messages in error.message_dict.values() for message in messages]
    return list(error.messages)


def add_service_errors(form: forms.BaseForm, error: ValidationError, aliases: dict[str, str] | None = None) -> None:
    """A service's ValidationError onto a form: next to the field it names, else above the form."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error.messages)
        return
    for field, problems in error.message_dict.items():
        field = (aliases or {}).get(field, field)
        form.add_error(field if field in form.fields else None, problems)


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
    numerator = DecimalTextField(label=_("Numerator"))
    denominator = DecimalTextField(label=_("Denominator"))
    value = DecimalTextField(label=_("Actual"))
    supporting_factors = forms.CharField(
        label=_("Supporting factors"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    hindering_factors = forms.CharField(
        label=_("Hindering factors"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    follow_up = forms.CharField(label=_("Follow-up"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    evidence = MultipleFileField(label=_("Evidence"))
    version = forms.CharField(required=False, widget=forms.HiddenInput)  # the actual as the page showed it

    NEW = "baru"  # the page showed no actual yet

    def expected_version(self) -> str | None:
        """What the service checks: None when the post carried no version (not checked), "" for none yet."""
        version = self.cleaned_data.get("version") or None
        return "" if version == self.NEW else version


class HistoryFilterForm(forms.Form):
    """The filters of an agency's change log, all optional, read from the query string."""

    DATE_FORMATS = ["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"]
    SYSTEM = "sistem"

    pengguna = forms.ChoiceField(label=_("User"), required=False)
    jenis = forms.ChoiceField(label=_("Kind of object"), required=False)
    dari = forms.DateField(
        label=_("From"),
        required=False,
        input_formats=DATE_FORMATS,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    sampai = forms.DateField(
        label=_("Until"),
        required=False,
        input_formats=DATE_FORMATS,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    cari = forms.CharField(label=_("Text"), required=False, max_length=200)

    def __init__(
        self, *args: object, users: list[tuple[str, str]], kinds: list[tuple[str, str]], **kwargs: object
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["pengguna"].choices = [("", _("everyone")), (self.SYSTEM, _("the system")), *users]
        self.fields["jenis"].choices = [("", _("every kind")), *kinds]

    def clean(self) -> dict:
        data = super().clean()
        start, end = data.get("dari"), data.get("sampai")
        if start and end and end < start:
            self.add_error("sampai", _("The end date is before the start date."))
        return data
