"""The planner's page where the decree record of a year is written (Catatan keputusan): a thin view over
`decree_record.save_decree_record`; the lists are textareas, one item per paragraph, in their printed order."""

import re

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Max, Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from kinerja.accounts.access import agency_or_404, may_plan
from kinerja.core.periods import chosen_year
from kinerja.organisation.models import Agency, Position
from kinerja.performance.selectors import get_opening_year
from kinerja.strategy.models import Decree, DecreeClause, StrategicPlan
from kinerja.strategy.selectors import find_current_plan

from .decree_record import Dictum, save_decree_record
from .wording import qualified_title

DATE_SHOWN = "%d/%m/%Y"
DICTUM = re.compile(r"([A-Z][A-Z0-9]*)\s*:\s*(.*)", re.DOTALL)
TEXT = {"rows": 8, "cols": 80}


def paragraphs(text: str) -> list[str]:
    """A textarea's items: paragraphs separated by an empty line, in order."""
    return [part.strip() for part in re.split(r"\n\s*\n", text.replace("\r\n", "\n")) if part.strip()]


def parse_dictum(paragraph: str) -> Dictum:
    """“KESATU: text” → Dictum("KESATU", "text"); a paragraph without a label keeps an empty one."""
    match = DICTUM.fullmatch(paragraph)
    return Dictum(match[1], match[2]) if match else Dictum("", paragraph)


class DecreeRecordForm(forms.Form):
    number = forms.CharField(label=_("Number"), required=False, help_text=_("May stay empty until it is numbered."))
    date = forms.DateField(
        label=_("Date (dd/mm/yyyy)"),
        required=False,
        input_formats=[DATE_SHOWN, "%d-%m-%Y", "%Y-%m-%d"],
        widget=forms.DateInput(format=DATE_SHOWN),
        error_messages={"invalid": _("The date is not a date; write it as dd/mm/yyyy, for example 14/02/2022.")},
    )
    place = forms.CharField(label=_("Place"), required=False)
    signatory = forms.ModelChoiceField(
        label=_("Signing position"),
        queryset=Position.objects.none(),
        required=False,
        error_messages={"invalid_choice": _("Choose the position that signs the decree.")},
    )
    title = forms.CharField(label=_("Title"), required=False, widget=forms.Textarea(attrs={"rows": 2, "cols": 80}))
    subject = forms.CharField(
        label=_("About (TENTANG)"), required=False, widget=forms.Textarea(attrs={"rows": 2, "cols": 80})
    )
    considerations = forms.CharField(
        label=_("Considerations (Menimbang)"),
        required=False,
        widget=forms.Textarea(attrs=TEXT),
        help_text=_("One item per paragraph: leave an empty line between two items. Printed as a., b., c., …"),
    )
    legal_bases = forms.CharField(
        label=_("Legal bases (Mengingat)"),
        required=False,
        widget=forms.Textarea(attrs=TEXT),
        help_text=_("One item per paragraph: leave an empty line between two items. Printed as 1., 2., 3., …"),
    )
    dictums = forms.CharField(
        label=_("Dictums"),
        required=False,
        widget=forms.Textarea(attrs=TEXT),
        help_text=_("One dictum per paragraph, starting with its label: “KESATU: …”, “KEDUA: …”."),
    )

    def __init__(self, *args, agency: Agency, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["signatory"].queryset = agency.positions.order_by("order")  # type: ignore[attr-defined]


def get_decree_record(plan: StrategicPlan, year: int) -> Decree | None:
    """The decree record of `year` with its clauses in printed order (2 queries), or None."""
    return (
        plan.decrees.prefetch_related(Prefetch("clauses", DecreeClause.objects.order_by("kind", "order")))
        .filter(year=year)
        .first()
    )


def _initial(agency: Agency, year: int, decree: Decree | None) -> dict:
    if decree is None:
        head = agency.positions.order_by("order").first()
        enacting = qualified_title(head.title, agency.name) if head else ""
        return {
            "place": agency.city,
            "signatory": head,
            "title": f"KEPUTUSAN {enacting} {agency.region.name.upper()}".strip(),
            "subject": "INDIKATOR KINERJA UTAMA (IKU) DAN INDIKATOR KINERJA INDIVIDU (IKI) "
            f"{agency.name.upper()} TAHUN {year}",
        }
    lists: dict[str, list[str]] = {kind: [] for kind in DecreeClause.Kind.values}
    for clause in decree.clauses.all():
        text = f"{clause.label}: {clause.text}" if clause.kind == DecreeClause.Kind.DICTUM else clause.text
        lists[clause.kind].append(text)
    return {
        "number": decree.number,
        "date": decree.date,
        "place": decree.place,
        "signatory": decree.signatory_id,
        "title": decree.title,
        "subject": decree.subject,
        "considerations": "\n\n".join(lists[DecreeClause.Kind.CONSIDERATION]),
        "legal_bases": "\n\n".join(lists[DecreeClause.Kind.LEGAL_BASIS]),
        "dictums": "\n\n".join(lists[DecreeClause.Kind.DICTUM]),
    }


def decree_record(http: HttpRequest, agency: str) -> HttpResponse:
    agency_obj = agency_or_404(http.user, agency)
    plan = find_current_plan(agency_obj)
    if plan is None or not may_plan(http.user, agency_obj):
        raise Http404(gettext("This page was not found."))
    latest = plan.decrees.aggregate(year=Max("year"))["year"] or get_opening_year(plan)
    year = chosen_year(http, plan, latest)
    decree = get_decree_record(plan, year)
    if http.method == "POST":
        form = DecreeRecordForm(http.POST, agency=agency_obj)
        if form.is_valid():
            data = form.cleaned_data
            try:
                save_decree_record(
                    actor=http.user,
                    plan=plan,
                    year=year,
                    number=data["number"],
                    date=data["date"],
                    place=data["place"],
                    signatory=data["signatory"],
                    title=data["title"],
                    subject=data["subject"],
                    considerations=paragraphs(data["considerations"]),
                    legal_bases=paragraphs(data["legal_bases"]),
                    dictums=[parse_dictum(item) for item in paragraphs(data["dictums"])],
                )
            except PermissionDenied as error:
                raise Http404(gettext("This page was not found.")) from error
            except ValidationError as error:
                for field, errors in error.message_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                messages.success(http, gettext("The decree record %(year)s is saved.") % {"year": year})
                return redirect(f"{reverse('decree-record', args=[agency_obj.code])}?tahun={year}")
    else:
        form = DecreeRecordForm(initial=_initial(agency_obj, year, decree), agency=agency_obj)
    return render(
        http,
        "reports/decree_record.html",
        {
            "agency": agency_obj,
            "plan": plan,
            "year": year,
            "decree": decree,
            "form": form,
            "enacted": decree.enacted_versions.exists() if decree else False,
        },
        status=400 if form.errors else 200,
    )
