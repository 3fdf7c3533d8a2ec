"""The narrative chapters written in place (issue 18, item 4): the markup, the one door for both documents, the
planner's pages and what the printed documents show."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from kinerja.core.models import AuditRecord
from kinerja.reports.catalogue import DECREE_BOOK, REPORT, Request, build_document
from kinerja.reports.chapter_editing import save_decree_chapter, save_report_chapter
from kinerja.reports.chapter_views import get_chapter_rows
from kinerja.reports.chapters import Block, blocks
from kinerja.reports.models import ReportChapter
from kinerja.reports.output import render
from kinerja.strategy.models import Decree, DecreeChapter
from kinerja.strategy.selectors import get_current_plan

from .readback import docx_text, normalise, pdf_text

YEAR = 2022  # the seed's decree record and book chapters are of 2022

BODY = "Paragraf pembuka bab ini.\r\n\r\n1. Butir pertama\r\n2. Butir kedua\r\n\r\nParagraf penutup."


def decree(seed) -> Decree:
    return Decree.objects.get(plan__agency=seed, year=YEAR)


# --- the markup ---


def test_blocks_are_paragraphs_and_numbered_items():
    assert blocks(BODY) == [
        Block("Paragraf pembuka bab ini."),
        Block("Butir pertama", "1."),
        Block("Butir kedua", "2."),
        Block("Paragraf penutup."),
    ]
    # a lead-in line with "1. …" lines under it stays one paragraph, as the built-in book prints it
    assert blocks("Sasarannya adalah:\n1. Satu\n2. Dua") == [Block("Sasarannya adalah:\n1. Satu\n2. Dua")]
    assert blocks("1.1 Dasar Hukum") == [Block("1.1 Dasar Hukum")]
    assert blocks("  \n\n \n") == []


# --- the service ---


def test_the_planner_writes_an_lkjip_chapter_and_it_is_audited(world, seed):
    chapter = save_report_chapter(
        actor=world.planner, agency=seed, year=YEAR, kind="introduction", title="BAB I  PENDAHULUAN", body=BODY
    )
    assert chapter.title == "BAB I PENDAHULUAN" and "\r" not in chapter.body
    audit = AuditRecord.objects.get(object_label="reports.reportchapter", object_pk=str(chapter.pk))
    assert audit.action == AuditRecord.Action.CREATED and audit.user == world.planner
    assert audit.description.startswith("Bab “BAB I PENDAHULUAN” LKjIP 2022 ditulis")
    save_report_chapter(actor=world.planner, agency=seed, year=YEAR, kind="introduction", title="BAB I", body=BODY)
    save_report_chapter(actor=world.planner, agency=seed, year=YEAR, kind="introduction", title="BAB I", body=BODY)
    records = AuditRecord.objects.filter(object_label="reports.reportchapter", object_pk=str(chapter.pk))
    assert [r.action for r in records.order_by("at")] == [AuditRecord.Action.CREATED, AuditRecord.Action.CHANGED]
    assert records.order_by("-at")[0].before["title"] == "BAB I PENDAHULUAN"


def test_the_planner_changes_a_decree_book_chapter(world, seed):
    chapter = save_decree_chapter(actor=world.planner, decree=decree(seed), kind="foreword", title="KATA", body=BODY)
    assert DecreeChapter.objects.get(pk=chapter.pk).body.startswith("Paragraf pembuka")
    assert DecreeChapter.objects.filter(decree=decree(seed)).count() == 5  # changed, not added
    audit = AuditRecord.objects.get(object_label="strategy.decreechapter", object_pk=str(chapter.pk))
    assert audit.action == AuditRecord.Action.CHANGED and audit.before["title"] != "KATA"


@pytest.mark.parametrize("who", ["head_of_agency", "secretary", "inspector", "bappeda", "outsider"])
def test_only_the_planner_writes_chapters(world, seed, who):
    with pytest.raises(PermissionDenied):
        save_report_chapter(actor=getattr(world, who), agency=seed, year=YEAR, kind="closing", title="T", body="x")
    with pytest.raises(PermissionDenied):
        save_decree_chapter(actor=getattr(world, who), decree=decree(seed), kind="foreword", title="T", body="x")
    assert not ReportChapter.objects.filter(agency=seed).exists()
    assert not AuditRecord.objects.filter(object_label="strategy.decreechapter").exists()


@pytest.mark.parametrize(
    ("title", "body", "field", "sentence"),
    [
        ("", "x", "title", "Tulis judul bab"),
        ("J" * 201, "x", "title", "Judul lebih panjang dari 200 karakter"),
        ("BAB <b>I</b>", "x", "title", "tanpa tag HTML"),
        ("BAB I", "Teks <script>alert(1)</script>", "body", "tanpa tag HTML"),
        ("BAB I", "x" * 30_001, "body", "paling banyak 30000"),
        ("BAB I", "y" * 5_001, "body", "pisahkan dengan satu baris kosong"),
        ("BAB I", "1. Satu\n3. Tiga", "body", "seharusnya bernomor 2"),
        ("BAB I", "Paragraf\n\n2. Dua", "body", "seharusnya bernomor 1"),
    ],
)
def test_each_rule_refuses_in_indonesian_and_writes_nothing(world, seed, title, body, field, sentence):
    with pytest.raises(ValidationError) as refused:
        save_report_chapter(actor=world.planner, agency=seed, year=YEAR, kind="closing", title=title, body=body)
    assert any(sentence in message for message in refused.value.message_dict[field])
    with pytest.raises(ValidationError):
        save_decree_chapter(actor=world.planner, decree=decree(seed), kind="chapter_3", title=title, body=body)
    assert not ReportChapter.objects.filter(agency=seed).exists()
    assert not AuditRecord.objects.filter(object_label__in=["reports.reportchapter", "strategy.decreechapter"]).exists()


def test_a_kind_that_is_no_chapter_is_refused(world, seed):
    with pytest.raises(ValidationError):
        save_report_chapter(actor=world.planner, agency=seed, year=YEAR, kind="chapter_3", title="T", body="x")
    with pytest.raises(ValidationError):
        save_decree_chapter(actor=world.planner, decree=decree(seed), kind="closing", title="T", body="x")


# --- printing ---


def test_the_printed_lkjip_and_book_carry_the_written_text_and_its_list(world, seed):
    plan = get_current_plan(seed)
    save_report_chapter(actor=world.planner, agency=seed, year=YEAR, kind="closing", title="BAB IV PENUTUP", body=BODY)
    save_decree_chapter(actor=world.planner, decree=decree(seed), kind="chapter_3", title="BAB III UJI", body=BODY)
    report = build_document(REPORT, Request(seed, plan, YEAR))
    assert not any(line.startswith("Bab IV Penutup") for line in report.missing)
    printed = normalise(pdf_text(render(report, "pdf")))
    assert normalise("Paragraf pembuka bab ini.") in printed and normalise("Paragraf penutup.") in printed
    assert normalise("1. Butir pertama") in printed and normalise("2. Butir kedua") in printed
    book = build_document(DECREE_BOOK, Request(seed, plan, YEAR))
    printed = normalise(pdf_text(render(book, "pdf")))
    assert normalise("BAB III UJI") in printed and normalise("Paragraf penutup.") in printed
    word = docx_text(render(book, "docx"))
    assert "Butir kedua" in word and "Paragraf pembuka bab ini." in word


# --- the pages ---


def list_url(seed, year=YEAR):
    return reverse("chapters", args=[seed.code]) + f"?tahun={year}"


def form_url(seed, document, kind, year=YEAR):
    return reverse("chapter-edit", args=[seed.code, document, kind]) + f"?tahun={year}"


def test_the_list_shows_each_chapter_and_what_is_empty(client, world, seed):
    client.force_login(world.planner)
    page = client.get(list_url(seed)).content.decode()
    assert "Bab naratif 2022" in page and "masih kosong" in page
    assert (
        form_url(seed, "lkjip", "introduction").replace("&", "&amp;") in page
        or form_url(seed, "lkjip", "introduction") in page
    )
    assert form_url(seed, "buku-iku-iki", "foreword") in page
    assert page.count("data-chapter=") == 9  # four LKjIP chapters and five of the book
    # a year without a decree record: the book's chapters wait for it
    page = client.get(list_url(seed, 2023)).content.decode()
    assert page.count("data-chapter=") == 4 and "data-no-decree" in page


def test_the_form_previews_without_saving_then_saves(client, world, seed):
    client.force_login(world.planner)
    url = form_url(seed, "lkjip", "closing")
    page = client.get(url).content.decode()
    assert "Belum ditulis" in page and "BAB IV PENUTUP" in page  # starts with the default text
    preview = client.post(url, {"title": "BAB IV PENUTUP", "body": BODY, "preview": "1"})
    text = preview.content.decode()
    assert preview.status_code == 200 and 'data-item="2."' in text and "Butir kedua" in text
    assert not ReportChapter.objects.filter(agency=seed).exists()
    refused = client.post(url, {"title": "BAB IV", "body": "<p>Teks</p>"})
    assert refused.status_code == 400 and "tanpa tag HTML" in refused.content.decode()
    saved = client.post(url, {"title": "BAB IV PENUTUP", "body": BODY}, follow=True)
    assert "tersimpan" in saved.content.decode()
    assert ReportChapter.objects.get(agency=seed, year=YEAR, kind="closing").body.startswith("Paragraf pembuka")
    assert "sudah ditulis" in client.get(list_url(seed)).content.decode()


def test_a_book_chapter_without_a_decree_record_is_refused(client, world, seed):
    client.force_login(world.planner)
    response = client.post(form_url(seed, "buku-iku-iki", "foreword", 2023), {"title": "KATA", "body": "x"})
    assert response.status_code == 400 and "catatan keputusan" in response.content.decode()
    assert client.get(form_url(seed, "buku-iku-iki", "nothing")).status_code == 404


def test_only_the_planner_opens_or_posts_the_form(client, world, seed):
    client.force_login(world.head_of_agency)
    assert client.get(form_url(seed, "lkjip", "closing")).status_code == 404
    assert client.post(form_url(seed, "lkjip", "closing"), {"title": "T", "body": "x"}).status_code == 404
    assert not ReportChapter.objects.filter(agency=seed).exists()


def test_the_documents_page_links_what_is_missing_to_the_chapter_form(client, world, seed):
    client.force_login(world.planner)
    page = client.get(reverse("documents", args=[seed.code]) + f"?tahun={YEAR}").content.decode()
    link = reverse("chapter-edit", args=[seed.code, "lkjip", "introduction"]) + f"?tahun={YEAR}"
    assert f'<a href="{link}" data-chapter-link>Bab I Pendahuluan tahun {YEAR} belum ditulis' in page
    assert reverse("chapters", args=[seed.code]) + f"?tahun={YEAR}" in page
    client.force_login(world.head_of_agency)
    page = client.get(reverse("documents", args=[seed.code]) + f"?tahun={YEAR}").content.decode()
    assert "data-chapter-link" not in page and reverse("chapters", args=[seed.code]) not in page


def test_the_list_is_read_in_three_queries(world, seed, django_assert_max_num_queries):
    plan = get_current_plan(seed)
    with django_assert_max_num_queries(3):
        rows, _ = get_chapter_rows(seed, plan, YEAR)
    assert len(rows) == 9


def test_an_emptied_book_chapter_is_missing_and_links_to_its_form(client, world, seed):
    save_decree_chapter(actor=world.planner, decree=decree(seed), kind="foreword", title="KATA PENGANTAR", body="")
    client.force_login(world.planner)
    page = client.get(reverse("documents", args=[seed.code]) + f"?tahun={YEAR}").content.decode()
    link = reverse("chapter-edit", args=[seed.code, "buku-iku-iki", "foreword"]) + f"?tahun={YEAR}"
    assert f'<a href="{link}" data-chapter-link>Bab “Kata Pengantar” belum diisi.</a>' in page
