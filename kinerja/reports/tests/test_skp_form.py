"""The SKP printed (PDF / Word) from its page: read back as a person reads it, its "what is missing", who may print
it, and what the document costs in queries."""

import html
from decimal import Decimal

import pytest
from django.urls import reverse

from kinerja.organisation.models import Official
from kinerja.reports import output
from kinerja.reports.skp_form import build_skp_document
from kinerja.reports.tests.readback import docx_text, normalise, pdf_text
from kinerja.skp import services
from kinerja.skp.tests.helpers import ALL_AS_EXPECTED, official_of, section_skp, staff_member, staff_skp

SEED = "halut-diskominfo"
ALL_ABOVE = dict.fromkeys(ALL_AS_EXPECTED, "di_atas")


@pytest.fixture
def rated(world, seed):
    """The section head's SKP 2022, rated by the division head: work above, behaviour above → Sangat Baik."""
    skp = section_skp(world)
    for result in skp.results.all():
        for indicator in result.indicators.all():
            services.change_indicator(
                actor=world.section_head,
                indicator=indicator,
                aspect=indicator.aspect,
                name=indicator.name,
                target=Decimal("2.5"),
                unit=indicator.unit or "dokumen",
            )
        services.add_indicator(
            actor=world.section_head,
            result=result,
            aspect="waktu",
            name="Tepat waktu",
            target=Decimal(12),
            unit="bulan",
        )
    return services.rate_skp(actor=world.division_head, skp=skp, work="di_atas", behaviours=ALL_ABOVE, note="Teliti")


def print_url(skp, fmt: str) -> str:
    return reverse("skp-print", args=[SEED, skp.pk, fmt])


def test_the_rated_skp_reads_back_from_the_pdf_with_both_signatures(world, seed, rated):
    document = build_skp_document(seed, rated.pk)
    assert document.missing == []
    data = output.render(document, "pdf")
    text = normalise(pdf_text(data))
    official = official_of(world.section_head)
    rater = official_of(world.division_head)
    first = rated.results.order_by("order", "pk").first()
    for expected in (
        "SASARAN KINERJA PEGAWAI",
        "PEJABAT PENILAI KINERJA",
        official.name,
        official.nip,
        rater.name,
        rater.nip,
        first.text,
        "RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI",
        "Kuantitas",
        "Berorientasi Pelayanan",
        "Di atas ekspektasi",
        "PREDIKAT KINERJA PEGAWAI",
        "Sangat Baik",
        "Pegawai yang Dinilai",
        "Pejabat Penilai Kinerja",
    ):
        assert normalise(expected) in text, expected
    assert "KONSEP" not in text
    # the agency's own name, never the decree's misprint ("KOMUNKASI", kept only for reprinting the decree)
    assert normalise("DINAS KOMUNIKASI, INFORMATIKA DAN PERSANDIAN KABUPATEN HALMAHERA UTARA") in text
    assert "KOMUNKASI" not in text
    official_name = normalise(official.name)
    assert text.index(official_name) < text.index(normalise(rater.name))  # the official's column, then the rater's


def test_the_word_file_opens_with_the_same_official_rhk_and_predicate(world, seed, rated):
    text = normalise(docx_text(output.render(build_skp_document(seed, rated.pk), "docx")))
    official = official_of(world.section_head)
    for expected in (
        official.name,
        official.nip,
        rated.results.order_by("order", "pk").first().text,
        "Sangat Baik",
        "Pejabat Penilai Kinerja",
        official_of(world.division_head).name,
    ):
        assert normalise(expected) in text, expected


def test_a_draft_prints_as_konsep_listing_what_is_missing(world, seed):
    skp = section_skp(world)  # the seed has no target for 2022, and nothing is rated yet
    document = build_skp_document(seed, skp.pk)
    missing = " ".join(document.missing)
    assert "belum mempunyai target" in missing
    assert "Rating hasil kerja belum diberikan." in document.missing
    assert "Rating perilaku “Berorientasi Pelayanan” belum diberikan." in document.missing
    assert "Predikat kinerja pegawai belum ditetapkan." in document.missing
    text = normalise(pdf_text(output.render(document, "pdf")))
    assert "KONSEP" in text


def test_a_staff_skp_prints_the_superiors_rhk_it_supports_and_a_result_without_indicator(world, seed):
    staff, user = staff_member(world)
    own = section_skp(world)
    parent = own.results.order_by("order", "pk").first()
    skp = staff_skp(world, staff, user)
    assert "SKP belum mempunyai rencana hasil kerja (RHK)." in build_skp_document(seed, skp.pk).missing
    services.add_staff_result(actor=world.section_head, skp=skp, parent=parent, text="Terpasangnya sertifikat")
    document = build_skp_document(seed, skp.pk)
    assert any("“Terpasangnya sertifikat” belum mempunyai indikator" in sentence for sentence in document.missing)
    table = document.tables()[1]
    first = table.rows[1]
    assert [cell.plain for cell in first[:3]] == [
        "1.",
        f"{parent.text} ({own.position.title})",
        "Terpasangnya sertifikat",
    ]
    assert [cell.plain for cell in first[3:]] == ["—", "—", "—"]
    assert document.tables()[0].rows[0][5].plain == official_of(world.section_head).name  # the rater: the superior


def test_the_document_costs_a_fixed_number_of_queries(world, seed, rated, django_assert_max_num_queries):
    staff, user = staff_member(world)
    skp = staff_skp(world, staff, user)
    parent = rated.results.first()
    # rated SKP are final for work results: the staff SKP hangs on the section head's work results all the same
    for number in range(3):
        services.add_staff_result(actor=world.section_head, skp=skp, parent=parent, text=f"Hasil {number}")
    # get_skp (5: no proposal for a staff position), the position above, its holder
    with django_assert_max_num_queries(7):
        build_skp_document(seed, skp.pk)
    # the section head leads no unit of its own here: get_skp's 5 or 9 with the proposal, the post above, rated_by
    with django_assert_max_num_queries(11):
        build_skp_document(seed, rated.pk)


def test_the_skp_page_links_its_print_and_the_download_answers_who_may_read_it(client, world, seed, rated):
    client.force_login(world.section_head)
    page = html.unescape(client.get(reverse("skp-detail", args=[SEED, rated.pk])).content.decode())
    assert print_url(rated, "pdf") in page and print_url(rated, "docx") in page
    response = client.get(print_url(rated, "docx"))
    assert response.status_code == 200
    assert response["Content-Type"] == output.FORMATS["docx"].content_type
    nip = Official.objects.get(user=world.section_head).nip
    assert f'filename="skp-{SEED}-2022-{nip}.docx"' in response["Content-Disposition"]
    assert "Sangat Baik" in docx_text(response.content)
    client.force_login(world.secretary)  # another official of the agency: not theirs to read
    assert client.get(print_url(rated, "docx")).status_code == 404
    client.force_login(world.division_head)
    assert client.get(reverse("skp-print", args=[SEED, rated.pk, "xlsx"])).status_code == 404


def test_the_skp_page_lists_what_keeps_its_print_a_draft(client, world, seed):
    skp = section_skp(world)
    client.force_login(world.section_head)
    page = html.unescape(client.get(reverse("skp-detail", args=[SEED, skp.pk])).content.decode())
    assert 'id="skp-print-missing"' in page
    assert "Rating hasil kerja belum diberikan." in page
    assert "Pejabat penilai kinerja belum tercatat." not in page  # the division head holds the post above


def test_a_rated_complete_skp_page_shows_no_draft_list(client, world, seed, rated):
    client.force_login(world.section_head)
    page = html.unescape(client.get(reverse("skp-detail", args=[SEED, rated.pk])).content.decode())
    assert 'id="skp-print-missing"' not in page
