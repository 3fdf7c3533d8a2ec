"""Where the duties-and-functions and spelling findings are read: the consistency page and command (by family) and
the documents page (the decree is not complete while an error of its duties and functions stands). The import
preview: kinerja/exchange/tests/test_preview_consistency.py (the layers keep performance from importing exchange)."""

import datetime
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

from kinerja.organisation.models import PositionFunction
from kinerja.performance.tests.test_consistency import Small
from kinerja.strategy.models import Decree

SEED = "halut-diskominfo"


def test_the_page_groups_the_new_families(logged_in, seed):
    html = logged_in.get(reverse("consistency-check", args=[SEED])).content.decode()
    assert 'id="cek-tugas-fungsi"' in html and 'id="cek-ejaan"' in html
    assert 'data-code="fungsi-nomor-ganda"' in html
    assert "Kata “pembanguan” tidak ada dalam kamus; mungkin maksudnya “pembangunan”" in html
    assert html.index('id="cek-tugas-fungsi"') < html.index('id="cek-ejaan"')


def test_the_command_prints_them_under_their_families(seed):
    out = StringIO()
    with pytest.raises(SystemExit):
        call_command("check_consistency", SEED, stdout=out)
    text = out.getvalue()
    assert "== Tugas dan fungsi" in text and "== Ejaan" in text
    assert "[KESALAHAN] fungsi-nomor-ganda" in text
    assert "[PERINGATAN] ejaan-kata: Kata “Kemanan” tidak ada dalam kamus (5 kali)" in text


@pytest.fixture
def small_with_decree(db) -> Small:
    small = Small()
    Decree.objects.create(
        plan=small.plan,
        year=2022,
        number="440/12/2022",
        date=datetime.date(2022, 1, 10),
        place="Tobelo",
        title="Keputusan Kepala Dinas Uji",
        subject="Indikator Kinerja Utama dan Indikator Kinerja Individu",
        signatory=small.head,
    )
    return small


def _decree_offer(client, small: Small) -> str:
    html = client.get(reverse("documents", args=[small.agency.code]) + "?tahun=2022").content.decode()
    offer = html[html.index('id="dokumen-keputusan-iku-iki"') :]
    return offer[: offer.index('id="dokumen-', 10)]  # up to the next document


def test_the_decree_is_not_complete_while_its_functions_are_misnumbered(client, small_with_decree):
    small = small_with_decree
    client.force_login(get_user_model().objects.create_superuser("admin-uji", password="x-uji-12345"))
    for order, (number, text) in enumerate([("1", "Penyusunan rencana"), ("1", "Pelaksanaan layanan")], start=1):
        PositionFunction.objects.create(position=small.staff, order=order, number=number, text=text)
    offer = _decree_offer(client, small)
    assert 'data-errors="1"' in offer and 'class="complete"' not in offer
    assert "?tahun=2022#cek-tugas-fungsi" in offer
    PositionFunction.objects.filter(position=small.staff, order=2).update(number="2")
    PositionFunction.objects.create(position=small.staff, order=3, text="Pelaporan layananan")  # a warning only
    offer = _decree_offer(client, small)
    assert "data-errors=" not in offer or 'data-errors="0"' in offer
    assert "#cek-tugas-fungsi" not in offer
