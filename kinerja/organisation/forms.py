"""The forms of the people page: they only take the input; every rule is the service's (organisation.people,
accounts.roles), whose refusals `add_service_errors` puts next to the field they name."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from kinerja.accounts.models import RoleGrant

from .models import Assignment, Position, Unit
from .people import GRADES


def add_service_errors(form: forms.BaseForm, error: ValidationError) -> None:
    """A service's ValidationError onto a form: next to the field it names, else above the form."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error.messages)
        return
    for field, problems in error.message_dict.items():
        form.add_error(field if field in form.fields else None, problems)


def date_input() -> forms.DateInput:
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class OfficialForm(forms.Form):
    nip = forms.CharField(label=_("NIP"), max_length=30, help_text=_("18 digits"))
    front_title = forms.CharField(label=_("Front titles"), max_length=50, required=False, help_text=_("e.g. Dr. Ir."))
    name = forms.CharField(label=_("Name"), max_length=150)
    back_title = forms.CharField(
        label=_("Back titles"), max_length=60, required=False, help_text=_("e.g. S.Kom., M.T.")
    )
    grade = forms.ChoiceField(
        label=_("Grade (golongan)"),
        required=False,
        choices=[("", "—")] + [(grade, f"{grade} — {rank}") for grade, rank in GRADES.items()],
    )
    rank = forms.CharField(
        label=_("Rank (pangkat)"),
        max_length=100,
        required=False,
        help_text=_("Empty: the rank of the grade."),
    )


class OfficialChangeForm(forms.Form):
    nip = forms.CharField(label=_("NIP"), max_length=30)
    name = forms.CharField(label=_("Name with titles"), max_length=200)
    grade = OfficialForm.base_fields["grade"]
    rank = OfficialForm.base_fields["rank"]


class LoginForm(forms.Form):
    username = forms.CharField(label=_("User name"), max_length=150, required=False)


class AssignForm(forms.Form):
    position = forms.ModelChoiceField(label=_("Position"), queryset=Position.objects.none())
    start = forms.DateField(label=_("From (TMT)"), widget=date_input())
    acting_kind = forms.ChoiceField(
        label=_("As"),
        required=False,
        choices=[("", _("definitive holder")), *Assignment.ActingKind.choices],
    )
    decree_number = forms.CharField(
        label=_("Decree number"), max_length=200, required=False, help_text=_("Required for a Plt. or Plh.")
    )
    end = forms.DateField(label=_("Until"), required=False, widget=date_input(), help_text=_("For a Plt. or Plh."))

    def __init__(self, *args: object, agency: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["position"].queryset = Position.objects.filter(agency=agency).order_by("order")


class EndForm(forms.Form):
    end = forms.DateField(label=_("Last day"), widget=date_input())


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=RoleGrant.Role.choices)

    def __init__(self, *args: object, roles: list[str], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = [(value, label) for value, label in RoleGrant.Role.choices if value in roles]


# -- the organisation edited in place (organisation.editing) ------------------------------------------------------

ORG_TEXT = {"rows": 5, "cols": 70}
FUNCTIONS_HELP = _(
    "One function a line. The number before “)” is the number the decree prints; leave it out to number the "
    "functions 1, 2, 3 … in order."
)


class UnitForm(forms.Form):
    name = forms.CharField(label=_("Name of the unit"), required=False)
    kind = forms.ChoiceField(label=_("Kind of unit"), required=False, choices=[])

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = Unit.Kind.choices


class PositionForm(forms.Form):
    title = forms.CharField(label=_("Title of the position"), required=False)
    printed_title = forms.CharField(
        label=_("Title as printed on the IKI page"),
        required=False,
        help_text=_("Only when the decree prints it otherwise than the title in capitals; empty otherwise."),
    )
    duty = forms.CharField(label=_("Duty (tugas)"), required=False, widget=forms.Textarea(attrs=ORG_TEXT))
    functions = forms.CharField(
        label=_("Functions (fungsi)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 12, "cols": 70}),
        help_text=FUNCTIONS_HELP,
    )


class AgencyForm(forms.Form):
    name = forms.CharField(label=_("Name of the agency"), required=False)
    printed_name = forms.CharField(
        label=_("Name as printed in the IKU table"),
        required=False,
        help_text=_("Leave empty to print the name in capitals."),
    )
    duty = forms.CharField(label=_("Duty (tugas)"), required=False, widget=forms.Textarea(attrs=ORG_TEXT))
    functions = forms.CharField(
        label=_("Functions (fungsi)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 12, "cols": 70}),
        help_text=FUNCTIONS_HELP,
    )
