"""The planner's pages for the narrative chapters (Bab naratif): the list of the LKjIP's and the decree book's
chapters of a year with what is still empty, and a form per chapter with a preview of the printed paragraphs.
Thin views over `chapter_editing`; `get_chapter_rows` is the one selector of the list."""

from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Max
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from kinerja.accounts.access import agency_or_404, may_plan
from kinerja.core.periods import chosen_year
from kinerja.organisation.models import Agency
from kinerja.performance.selectors import get_opening_year
from kinerja.strategy.models import Decree, DecreeChapter, StrategicPlan
from kinerja.strategy.selectors import find_current_plan

from .chapter_editing import save_decree_chapter, save_report_chapter
from .chapters import DEFAULTS, text_blocks
from .models import ReportChapter

LKJIP, BOOK = "lkjip", "buku-iku-iki"  # the documents' slugs, as the catalogue names them
DOCUMENT_NAMES = {LKJIP: _("Performance report (LKjIP)"), BOOK: _("IKU/IKI decree book")}


@dataclass(frozen=True)
class ChapterRow:
    """One chapter as the list shows it: which document, which chapter, its title and whether it is written."""

    document: str
    kind: str
    label: str
    title: str
    written: bool
    url: str


def chapter_url(agency: Agency, year: int, document: str, kind: str) -> str:
    return f"{reverse('chapter-edit', args=[agency.code, document, kind])}?tahun={year}"


def get_decree(plan: StrategicPlan, year: int) -> Decree | None:
    return plan.decrees.filter(year=year).first()


def get_chapter_rows(agency: Agency, plan: StrategicPlan, year: int) -> tuple[list[ChapterRow], Decree | None]:
    """The year's chapters of both documents in printed order (3 queries), and the decree they hang on."""
    report = {chapter.kind: chapter for chapter in ReportChapter.objects.filter(agency=agency, year=year)}
    rows = []
    for kind, default in DEFAULTS.items():
        chapter = report.get(kind)
        written = chapter is not None and bool(chapter.body.strip())
        title = chapter.title if chapter else default.title
        rows.append(ChapterRow(LKJIP, kind, default.label, title, written, chapter_url(agency, year, LKJIP, kind)))
    decree = get_decree(plan, year)
    book = {chapter.kind: chapter for chapter in decree.chapters.all()} if decree else {}
    if decree is not None:
        for kind, label in DecreeChapter.Kind.choices:
            chapter = book.get(kind)
            written = chapter is not None and bool(chapter.body.strip())
            title = chapter.title if chapter else str(label)
            rows.append(ChapterRow(BOOK, kind, str(label), title, written, chapter_url(agency, year, BOOK, kind)))
    return rows, decree


def missing_links(agency: Agency, year: int, slug: str, missing: list[str]) -> list[tuple[str, str]]:
    """The documents page's “what is missing” sentences, each with the form that fills it in ("" for none)."""
    links = []
    for sentence in missing:
        link = ""
        if slug == LKJIP:
            for kind, default in DEFAULTS.items():
                if sentence.startswith(f"{default.label} tahun {year} "):
                    link = chapter_url(agency, year, LKJIP, kind)
        elif slug == BOOK:
            for kind, label in DecreeChapter.Kind.choices:
                if f"“{label}”" in sentence:
                    link = chapter_url(agency, year, BOOK, kind)
        links.append((sentence, link))
    return links


class ChapterForm(forms.Form):
    title = forms.CharField(label=_("Title"), required=False, max_length=300)
    body = forms.CharField(
        label=_("Text"),
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 20, "cols": 90}),
        help_text=_(
            "Paragraphs are separated by an empty line. A block of lines that each start with a number and a full "
            "stop (“1. ”, “2. ”, …) prints as a numbered list. Plain text only, no HTML."
        ),
    )


def _planner_plan(http: HttpRequest, agency: str) -> tuple[Agency, StrategicPlan, int]:
    agency_obj = agency_or_404(http.user, agency)
    plan = find_current_plan(agency_obj)
    if plan is None or not may_plan(http.user, agency_obj):
        raise Http404(gettext("This page was not found."))
    latest = plan.decrees.aggregate(year=Max("year"))["year"] or get_opening_year(plan)
    return agency_obj, plan, chosen_year(http, plan, latest)


def chapters(http: HttpRequest, agency: str) -> HttpResponse:
    agency_obj, plan, year = _planner_plan(http, agency)
    rows, decree = get_chapter_rows(agency_obj, plan, year)
    return render(
        http,
        "reports/chapters.html",
        {
            "agency": agency_obj,
            "plan": plan,
            "year": year,
            "decree": decree,
            "documents": [
                (DOCUMENT_NAMES[slug], [row for row in rows if row.document == slug]) for slug in (LKJIP, BOOK)
            ],
        },
    )


def _current(agency: Agency, plan: StrategicPlan, year: int, document: str, kind: str, decree: Decree | None):
    """The chapter's title and text as the form starts them: the written ones, or what prints meanwhile."""
    if document == LKJIP:
        chapter = ReportChapter.objects.filter(agency=agency, year=year, kind=kind).first()
        default = DEFAULTS[kind]  # type: ignore[index]
        plan_name = f"Rencana Strategis {plan.first_year}–{plan.last_year}"
        if chapter is not None and chapter.body.strip():
            return default.label, chapter.title, chapter.body, True
        text = default.text(agency=agency.name, year=year, plan=plan_name)
        return default.label, chapter.title if chapter else default.title, text, False
    label = str(DecreeChapter.Kind(kind).label)
    chapter = decree.chapters.filter(kind=kind).first() if decree else None
    if chapter is None:
        return label, label.upper(), "", False
    return label, chapter.title, chapter.body, bool(chapter.body.strip())


def chapter_edit(http: HttpRequest, agency: str, document: str, kind: str) -> HttpResponse:
    agency_obj, plan, year = _planner_plan(http, agency)
    kinds = ReportChapter.Kind.values if document == LKJIP else DecreeChapter.Kind.values if document == BOOK else []
    if kind not in kinds:
        raise Http404(gettext("This page was not found."))
    decree = get_decree(plan, year) if document == BOOK else None
    label, title, body, written = _current(agency_obj, plan, year, document, kind, decree)
    form = ChapterForm(initial={"title": title, "body": body})
    preview = text_blocks(body)
    if http.method == "POST":
        form = ChapterForm(http.POST)
        if form.is_valid():
            data = form.cleaned_data
            preview = text_blocks(data["body"])
            if "preview" not in http.POST:
                try:
                    if document == LKJIP:
                        save_report_chapter(
                            actor=http.user,
                            agency=agency_obj,
                            year=year,
                            kind=kind,
                            title=data["title"],
                            body=data["body"],
                        )
                    elif decree is None:
                        raise ValidationError(gettext("Write the decree record of this year first."))
                    else:
                        save_decree_chapter(
                            actor=http.user, decree=decree, kind=kind, title=data["title"], body=data["body"]
                        )
                except PermissionDenied as error:
                    raise Http404(gettext("This page was not found.")) from error
                except ValidationError as error:
                    errors_by_field = error.message_dict if hasattr(error, "error_dict") else {None: error.messages}
                    for field, errors in errors_by_field.items():
                        form.add_error(field if field in form.fields else None, errors)
                else:
                    messages.success(http, gettext("The chapter “%(title)s” is saved.") % {"title": label})
                    return redirect(chapter_url(agency_obj, year, document, kind))
    return render(
        http,
        "reports/chapter_form.html",
        {
            "agency": agency_obj,
            "plan": plan,
            "year": year,
            "document": document,
            "kind": kind,
            "document_name": DOCUMENT_NAMES[document],
            "label": label,
            "written": written,
            "decree": decree,
            "form": form,
            "preview": preview,
        },
        status=400 if form.errors else 200,
    )
