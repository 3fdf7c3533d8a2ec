"""The decree record written in place (issue 18, item 4): the one door, its page, and the KONSEP of a plan without
a record."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from kinerja.core.models import AuditRecord
from kinerja.organisation.tests.factories import PositionFactory
from kinerja.reports.catalogue import DECREE, DECREE_BOOK, Request, build_document
from kinerja.reports.decree_record import Dictum, save_decree_record
from kinerja.reports.output import render
from kinerja.reports.record_views import get_decree_record
from kinerja.reports.services import enact_decree
from kinerja.strategy.models import Decree, DecreeClause
from kinerja.strategy.selectors import get_current_plan

from .readback import docx_header_text, docx_text, normalise, pdf_text

YEAR = 2023  # the seed has a decree record for 2022 only


def record(world, seed, actor=None, **changes):
    plan = get_current_plan(seed)
    values = {
        "actor": world.planner,
        "plan": plan,
        "year": YEAR,
        "number": "800/ 9 /2023",
        "date": datetime.date(2023, 1, 16),
        "place": "Tobelo",
        "signatory": seed.positions.order_by("order").first(),
        "title": "KEPUTUSAN KEPALA DINAS UJI",
        "subject": "INDIKATOR KINERJA UTAMA TAHUN 2023",
        "considerations": ["Bahwa pertama", "Bahwa kedua"],
        "legal_bases": ["Undang-Undang Nomor 1 Tahun 2003"],
        "dictums": [Dictum("KESATU", "Menetapkan IKU."), Dictum("KEDUA", "Berlaku sejak ditetapkan.")],
    }
    values.update(changes)
    if actor is not None:
        values["actor"] = actor
    return save_decree_record(**values)


def clauses(decree: Decree, kind: str) -> list[tuple[str, str]]:
    return [(c.number, c.text) for c in decree.clauses.filter(kind=kind).order_by("order")]


# --- the service ---


def test_the_planner_writes_a_record_in_order_and_it_is_audited(world, seed):
    decree = record(world, seed)
    assert (decree.number, decree.place, decree.date) == ("800/ 9 /2023", "Tobelo", datetime.date(2023, 1, 16))
    assert clauses(decree, DecreeClause.Kind.CONSIDERATION) == [("", "Bahwa pertama"), ("", "Bahwa kedua")]
    assert clauses(decree, DecreeClause.Kind.DICTUM) == [
        ("KESATU", "Menetapkan IKU."),
        ("KEDUA", "Berlaku sejak ditetapkan."),
    ]
    audit = AuditRecord.objects.filter(object_label="strategy.decree", object_pk=str(decree.pk)).get()
    assert audit.action == AuditRecord.Action.CREATED and audit.user == world.planner
    # reorder, edit, remove: the lists are replaced in the order given; one more audit record
    decree = record(world, seed, considerations=["Bahwa kedua", "Bahwa pertama, diubah"], legal_bases=[])
    assert clauses(decree, DecreeClause.Kind.CONSIDERATION) == [("", "Bahwa kedua"), ("", "Bahwa pertama, diubah")]
    assert clauses(decree, DecreeClause.Kind.LEGAL_BASIS) == []
    changed = AuditRecord.objects.filter(object_label="strategy.decree", object_pk=str(decree.pk)).order_by("-at")
    assert changed.count() == 2 and changed[0].action == AuditRecord.Action.CHANGED
    assert changed[0].before["consideration"] == ["Bahwa pertama", "Bahwa kedua"]
    # saving the same again records nothing
    record(world, seed, considerations=["Bahwa kedua", "Bahwa pertama, diubah"], legal_bases=[])
    assert changed.count() == 2


@pytest.mark.parametrize("who", ["head_of_agency", "secretary", "inspector", "bappeda", "outsider"])
def test_only_the_planner_writes_the_record(world, seed, who):
    with pytest.raises(PermissionDenied):
        record(world, seed, actor=getattr(world, who))
    assert not Decree.objects.filter(plan__agency=seed, year=YEAR).exists()


@pytest.mark.parametrize(
    ("changes", "field", "sentence"),
    [
        ({"date": None}, "date", "dd/mm/yyyy"),
        ({"place": "  "}, "place", "tempat"),
        ({"signatory": None}, "signatory", "jabatan"),
        ({"title": ""}, "title", "judul"),
        ({"subject": ""}, "subject", "TENTANG"),
        ({"year": 2030}, "year", "2021–2026"),
        ({"considerations": ["Bahwa", " "]}, "considerations", "kosong"),
        ({"dictums": [Dictum("", "Tanpa label")]}, "dictums", "KESATU"),
        ({"dictums": [Dictum("KESEBELASAN", "Label terlalu panjang")]}, "dictums", "10"),
        ({"number": "x" * 101}, "number", "100"),
    ],
)
def test_each_rule_refuses_in_indonesian_and_writes_nothing(world, seed, changes, field, sentence):
    with pytest.raises(ValidationError) as refused:
        record(world, seed, **changes)
    assert field in refused.value.message_dict
    assert sentence in " ".join(refused.value.message_dict[field])
    assert not Decree.objects.filter(plan__agency=seed, year=YEAR).exists()
    assert not AuditRecord.objects.filter(object_label="strategy.decree", user=world.planner).exists()


def test_the_signatory_is_a_position_of_the_agency(world, seed):
    with pytest.raises(ValidationError, match="jabatan instansi ini"):
        record(world, seed, signatory=PositionFactory())


def test_the_number_may_wait_and_the_decree_is_then_a_konsep(world, seed):
    record(world, seed, number="")
    document = build_document(DECREE, Request(seed, get_current_plan(seed), YEAR))
    assert "Nomor keputusan belum diisi." in document.missing


# --- enactment ---


def test_a_record_changed_after_enactment_only_changes_the_next_draft(world, seed):
    plan = get_current_plan(seed)
    decree = Decree.objects.get(plan=plan, year=2022)
    enact_decree(actor=world.planner, plan=plan, year=2022)
    save_decree_record(
        actor=world.planner,
        plan=plan,
        year=2022,
        number="800/ 99 /2022",
        date=decree.date,
        place=decree.place,
        signatory=decree.signatory,
        title=decree.title,
        subject=decree.subject,
        considerations=[c.text for c in decree.clauses.filter(kind="consideration").order_by("order")],
        legal_bases=[c.text for c in decree.clauses.filter(kind="legal_basis").order_by("order")],
        dictums=[Dictum(c.number, c.text) for c in decree.clauses.filter(kind="dictum").order_by("order")],
    )
    enacted = docx_text(render(build_document(DECREE, Request(seed, plan, 2022, version=1)), "docx"))
    assert "800/ 7.a /2022" in enacted and "800/ 99 /2022" not in enacted
    current = build_document(DECREE, Request(seed, plan, 2022))
    assert "konsep versi 2" in " ".join(current.missing)
    assert "800/ 99 /2022" in docx_text(render(current, "docx"))


# --- printing without a record ---


def test_a_plan_without_a_record_prints_a_konsep_that_lists_what_is_missing(world, seed):
    plan = get_current_plan(seed)
    document = build_document(DECREE, Request(seed, plan, YEAR))
    assert document.is_draft
    assert document.missing[0].startswith(f"Catatan keputusan tahun {YEAR} belum ditulis")
    for sentence in ("Nomor keputusan belum diisi.", "Pejabat penanda tangan belum dipilih.", "Menimbang belum diisi."):
        assert sentence in document.missing
    docx = render(document, "docx")
    assert "KONSEP" in docx_header_text(docx)
    assert "INDIKATOR KINERJA UTAMA (IKU)" in docx_text(docx)  # Lampiran I prints from the plan
    assert "KONSEP" in pdf_text(render(document, "pdf"))
    book = build_document(DECREE_BOOK, Request(seed, plan, YEAR))
    assert book.is_draft and any("Kata Pengantar" in line or "Foreword" in line for line in book.missing)


def test_the_documents_page_lists_what_is_missing_and_links_to_the_record(client, world, seed):
    client.force_login(world.planner)
    page = client.get(reverse("documents", args=[seed.code]) + f"?tahun={YEAR}").content.decode()
    assert f"Catatan keputusan tahun {YEAR} belum ditulis" in page
    assert reverse("decree-record", args=[seed.code]) + f"?tahun={YEAR}" in page
    client.force_login(world.head_of_agency)
    page = client.get(reverse("documents", args=[seed.code]) + f"?tahun={YEAR}").content.decode()
    assert reverse("decree-record", args=[seed.code]) not in page


# --- the page ---


def page_url(seed, year=YEAR):
    return reverse("decree-record", args=[seed.code]) + f"?tahun={year}"


def test_the_page_shows_the_record_as_written(client, world, seed):
    client.force_login(world.planner)
    page = client.get(page_url(seed, 2022)).content.decode()
    assert "800/ 7.a /2022" in page and "14/02/2022" in page
    assert "KESATU: Indikator Kinerja Utama" in page
    assert reverse("document-download", args=[seed.code, "keputusan-iku-iki", "pdf"]) + "?tahun=2022" in page


def test_the_page_starts_a_record_and_refuses_bad_input_in_indonesian(client, world, seed):
    client.force_login(world.planner)
    head = seed.positions.order_by("order").first()
    form = {
        "number": "800/ 1 /2023",
        "date": "16/01/2023",
        "place": "Tobelo",
        "signatory": str(head.pk),
        "title": "KEPUTUSAN KEPALA DINAS",
        "subject": "IKU 2023",
        "considerations": "Bahwa pertama\r\n\r\nBahwa kedua",
        "legal_bases": "UU 1/2003",
        "dictums": "KESATU: Menetapkan.\r\n\r\nKEDUA: Berlaku\r\na. baris kedua",
    }
    refused = client.post(page_url(seed), {**form, "date": "31/02/2023", "dictums": "Tanpa label"})
    assert refused.status_code == 400
    assert "dd/mm/yyyy" in refused.content.decode() and "bukan tanggal" in refused.content.decode()
    refused = client.post(page_url(seed), {**form, "dictums": "Tanpa label", "place": ""})
    text = refused.content.decode()
    assert refused.status_code == 400 and "KESATU" in text and "Tulis tempat" in text
    assert not Decree.objects.filter(plan__agency=seed, year=YEAR).exists()
    saved = client.post(page_url(seed), form, follow=True)
    assert "tersimpan" in saved.content.decode()
    decree = Decree.objects.get(plan__agency=seed, year=YEAR)
    assert decree.date == datetime.date(2023, 1, 16)
    assert clauses(decree, DecreeClause.Kind.CONSIDERATION) == [("", "Bahwa pertama"), ("", "Bahwa kedua")]
    assert clauses(decree, DecreeClause.Kind.DICTUM) == [
        ("KESATU", "Menetapkan."),
        ("KEDUA", "Berlaku\na. baris kedua"),
    ]
    printed = normalise(docx_text(render(build_document(DECREE, Request(seed, get_current_plan(seed), YEAR)), "docx")))
    assert normalise("800/ 1 /2023") in printed and "Bahwa kedua" in printed


def test_only_the_planner_opens_or_posts_the_page(client, world, seed):
    client.force_login(world.head_of_agency)
    assert client.get(page_url(seed)).status_code == 404
    assert client.post(page_url(seed), {"place": "Tobelo"}).status_code == 404
    assert not Decree.objects.filter(plan__agency=seed, year=YEAR).exists()


def test_the_record_is_read_in_two_queries(world, seed, django_assert_max_num_queries):
    plan = get_current_plan(seed)
    with django_assert_max_num_queries(2):
        decree = get_decree_record(plan, 2022)
        assert len(decree.clauses.all()) > 5


def test_enacting_a_year_without_a_record_is_refused_with_what_is_missing(client, world, seed):
    client.force_login(world.planner)
    response = client.post(reverse("decree-enact", args=[seed.code]) + f"?tahun={YEAR}", follow=True)
    assert response.status_code == 200
    assert f"Keputusan masih KONSEP; lengkapi dahulu: Catatan keputusan tahun {YEAR}" in response.content.decode()
    assert not Decree.objects.filter(plan__agency=seed, year=YEAR).exists()
