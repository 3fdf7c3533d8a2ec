"""The documents page and its downloads, through the test client."""

import pytest
from django.urls import reverse

from kinerja.strategy.models import Decree

from .readback import docx_header_text, docx_text, normalise

SEED = "halut-diskominfo"


def test_the_documents_page_offers_the_decree_with_its_formats(logged_in):
    response = logged_in.get(reverse("documents", args=[SEED]) + "?tahun=2022")
    assert response.status_code == 200
    page = response.content.decode()
    assert "/dokumen/keputusan-iku-iki.pdf?tahun=2022" in page
    assert "/dokumen/keputusan-iku-iki.docx?tahun=2022" in page


def test_the_documents_page_lists_what_a_draft_lacks(logged_in, seed):
    Decree.objects.filter(plan__agency=seed, year=2022).update(number="")
    page = logged_in.get(reverse("documents", args=[SEED]) + "?tahun=2022").content.decode()
    assert "Nomor keputusan belum diisi." in page


def test_a_year_without_decree_prints_a_konsep_that_says_what_is_missing(logged_in):
    page = logged_in.get(reverse("documents", args=[SEED]) + "?tahun=2024").content.decode()
    assert "Catatan keputusan tahun 2024 belum ditulis" in page
    response = logged_in.get(reverse("document-download", args=[SEED, "keputusan-iku-iki", "docx"]) + "?tahun=2024")
    assert response.status_code == 200 and "KONSEP" in docx_header_text(response.content)


def test_the_decree_downloads_as_word_with_its_file_name(logged_in):
    response = logged_in.get(reverse("document-download", args=[SEED, "keputusan-iku-iki", "docx"]) + "?tahun=2022")
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="keputusan-iku-iki-halut-diskominfo-2022.docx"'
    assert normalise("800/ 7.a /2022") in normalise(docx_text(response.content))


@pytest.mark.parametrize(("kind", "fmt"), [("keputusan-iku-iki", "xlsx"), ("tidak-ada", "pdf")])
def test_an_unknown_document_or_format_is_not_found(logged_in, kind, fmt):
    assert logged_in.get(reverse("document-download", args=[SEED, kind, fmt]) + "?tahun=2022").status_code == 404


def test_documents_need_a_login(client):
    response = client.get(reverse("documents", args=[SEED]))
    assert response.status_code == 302 and "/masuk/" in response["Location"]


def test_the_position_page_offers_its_agreement_and_the_download_is_that_positions(logged_in):
    page = logged_in.get(reverse("position-page", args=[SEED, "kabid-persandian"]) + "?tahun=2022").content.decode()
    link = reverse("document-download", args=[SEED, "perjanjian-kinerja", "docx"])
    link += "?tahun=2022&amp;jabatan=kabid-persandian"
    assert link in page
    response = logged_in.get(link.replace("&amp;", "&"))
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('-2022-kabid-persandian.docx"')
    text = docx_text(response.content)
    assert "PERJANJIAN KINERJA" in text and "KEPALA BIDANG PERSANDIAN" in text.upper()


def test_an_unknown_position_is_not_found(logged_in):
    url = reverse("document-download", args=[SEED, "perjanjian-kinerja", "pdf"]) + "?tahun=2022&jabatan=tidak-ada"
    assert logged_in.get(url).status_code == 404


def test_a_document_prints_in_indonesian_whatever_the_readers_language(seed):
    """An official document reads the same for everyone: the quarter is "Triwulan II" even when the person
    printing it chose English for the interface."""
    from django.utils import translation

    from kinerja.reports.catalogue import EVALUATION, Request, build_document
    from kinerja.reports.document import to_data

    plan = seed.plans.first()
    with translation.override("en"):
        text = str(to_data(build_document(EVALUATION, Request(seed, plan, 2022, quarter=2))))
        assert translation.get_language() == "en"  # the reader's language is theirs again afterwards
    assert "Triwulan II" in text and "Quarter" not in text


def test_a_long_list_of_what_is_missing_is_folded_with_its_count(logged_in):
    """The agreements of every position list dozens of gaps: folded behind "N hal yang perlu dilengkapi" so the
    documents below stay in sight; a short list stays open."""
    import re

    page = logged_in.get(reverse("documents", args=[SEED]) + "?tahun=2022").content.decode()
    folded = re.findall(
        r'<details class="missing-list"><summary>(\d+) hal yang perlu dilengkapi</summary>'
        r'\s*<ul class="missing">(.*?)</ul>',
        page,
        re.S,
    )
    assert folded
    for count, items in folded:
        assert int(count) == items.count("<li>") > 8
    for items in re.findall(r'<ul class="missing">(.*?)</ul>', page, re.S):
        folded_here = any(items == each for _, each in folded)
        assert folded_here or items.count("<li>") <= 8  # a short list stays open
