"""The pages' own words (issue 19, item 5, the views): what a page says after a save, a refusal or a decision is an
English msgid with the Indonesian of the catalogue, chosen by the language the person picked. The English interface
reads English; the Indonesian one reads, to the character, what it read before the views moved to the catalogue.
What the audit trail stores for no person (the command line, a visitor) is written in the record language and read
in the reader's. (The scan of these modules is `tests/test_service_language.py`'s `CONVERTED`.)"""

import html
from decimal import Decimal

import pytest
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.test import Client
from django.urls import reverse
from django.utils import translation

from kinerja.core import audit
from kinerja.performance import workflow
from kinerja.performance.evidence import add_evidence
from kinerja.performance.forms import ActualForm
from kinerja.performance.models import Actual, Target
from kinerja.performance.services import record_actual
from kinerja.strategy.models import Indicator

KASI = "kasi-tata-kelola"
YEAR = 2022
PERIOD = f"?tahun={YEAR}&triwulan=2"


def client_in(user: object, language: str) -> Client:
    """A browser of `user` that chose `language` (the cookie the language switch sets); "id" is the default."""
    client = Client()
    client.force_login(user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client


def read(response: object) -> str:
    assert response.status_code == 200, response.status_code
    return html.unescape(response.content.decode())


@pytest.fixture
def count(seed) -> Indicator:
    """A count on the section head's page, verified by the division head (2022, quarter II)."""
    return Indicator.objects.get(plan__agency=seed, code="kasi-tata-kelola.O1.I1")


def submitted(world, count) -> Actual:
    actual = record_actual(
        actor=world.section_head, indicator=count, year=YEAR, quarter=2, value=Decimal(3), numerator=None
    )
    return workflow.submit_actual(actor=world.section_head, actual=actual)


@pytest.mark.parametrize(
    ("language", "saved", "sent"),
    [
        ("en", "The actual was saved.", "The actual “{name}” was sent for verification."),
        ("id", "Realisasi tersimpan.", "Realisasi “{name}” dikirim untuk diverifikasi."),
    ],
)
def test_saving_and_sending_an_actual_is_said_in_the_chosen_language(world, seed, count, language, saved, sent):
    client = client_in(world.section_head, language)
    prefix = count.code.replace(".", "_")
    save = reverse("entry-save", args=[seed.code, KASI, count.code]) + PERIOD
    assert saved in read(client.post(save, {f"{prefix}-value": "3"}, follow=True))
    assert Actual.objects.get(indicator=count, year=YEAR, quarter=2).value == Decimal(3)
    send = reverse("entry-submit", args=[seed.code, KASI, count.code]) + PERIOD
    assert sent.format(name=count.name) in read(client.post(send, follow=True))
    assert Actual.objects.get(indicator=count, year=YEAR, quarter=2).status == Actual.Status.SUBMITTED


@pytest.mark.parametrize(
    ("language", "unconfirmed", "verified"),
    [
        (
            "en",
            "{name} (Quarter II 2022) was not verified: tick the statement that you have checked its target, "
            "achievement and supporting evidence.",
            "{name} (Quarter II 2022) verified.",
        ),
        (
            "id",
            "{name} (Triwulan II 2022) belum diverifikasi: centang pernyataan bahwa Anda sudah memeriksa target, "
            "capaian dan bukti dukungnya.",
            "{name} (Triwulan II 2022) diverifikasi.",
        ),
    ],
)
def test_a_verification_is_said_in_whole_sentences_of_the_chosen_language(
    world, seed, count, language, unconfirmed, verified
):
    actual = submitted(world, count)
    client = client_in(world.division_head, language)
    url = reverse("verification-decide", args=[seed.code, actual.pk])
    version = workflow.version_of(actual)
    assert unconfirmed.format(name=count.name) in read(
        client.post(url, {"action": "verify", "version": version}, follow=True)
    )
    assert Actual.objects.get(pk=actual.pk).status == Actual.Status.SUBMITTED
    page = read(client.post(url, {"action": "verify", "confirm": "1", "version": version}, follow=True))
    assert verified.format(name=count.name) in page
    assert Actual.objects.get(pk=actual.pk).status == Actual.Status.VERIFIED


@pytest.mark.parametrize(
    ("language", "refused", "quarter"),
    [
        (
            "en",
            "The targets were not saved: check the cells marked in red. Nothing was changed.",
            "There is no quarter “9”; choose a quarter 1–4.",
        ),
        (
            "id",
            "Target belum tersimpan: periksa sel yang ditandai merah. Tidak ada yang diubah.",
            "Triwulan “9” tidak ada; pilih triwulan 1–4.",
        ),
    ],
)
def test_the_planners_pages_refuse_in_the_chosen_language(world, seed, count, language, refused, quarter):
    client = client_in(world.planner, language)
    grid = client.post(reverse("agency-targets", args=[seed.code]), {f"t-{count.pk}-{YEAR}": "abc"})
    assert refused in html.unescape(grid.content.decode())
    assert not Target.objects.filter(indicator=count, kind=Target.Kind.YEAR, year=YEAR).exists()
    periods = reverse("periods", args=[seed.code]) + f"?tahun={YEAR}"
    assert quarter in read(client.post(periods, {"quarter": "9"}, follow=True))


def test_the_actual_forms_labels_in_both_languages():
    def labels() -> list[str]:
        return [str(field.label) for name, field in ActualForm().fields.items() if name != "version"]

    with translation.override("en"):
        english = labels()
    with translation.override("id"):
        indonesian = labels()
    assert english == [
        "Numerator",
        "Denominator",
        "Actual",
        "Supporting factors",
        "Hindering factors",
        "Follow-up",
        "Note",
        "Evidence",
    ]
    assert indonesian == [
        "Pembilang",
        "Penyebut",
        "Realisasi",
        "Faktor pendukung",
        "Faktor penghambat",
        "Tindak lanjut",
        "Catatan",
        "Bukti dukung",
    ]


def test_the_system_and_a_visitor_are_stored_in_indonesian_and_read_in_the_readers_language(seed, count):
    with translation.override("en"):
        system = audit.build(actor=None, action="changed", obj=count, before={"name": "a"}, after={"name": "b"})
        visitor = audit.build(actor=AnonymousUser(), action="changed", obj=count, before=None, after=None)
    assert (system.actor_name, visitor.actor_name) == ("Sistem (baris perintah)", "Anonim")
    assert system.description == f"Indikator «{count}» diubah"
    with translation.override("en"):
        assert (audit.who(system), audit.who(visitor)) == ("System (command line)", "Anonymous")
    with translation.override("id"):
        assert (audit.who(system), audit.who(visitor)) == ("Sistem (baris perintah)", "Anonim")
    system.actor_name = ""  # a record kept without a name reads as the system too
    with translation.override("en"):
        assert audit.who(system) == "System (command line)"


@pytest.mark.parametrize(
    ("language", "numbers", "sealed"),
    [
        (
            "en",
            "Numbers are written the Indonesian way: a dot separates thousands, a comma the decimals (1.234,5). "
            "«1.5» is refused: write 1,5. An Excel cell formatted as a percentage is read as the percentage it "
            "shows (98% becomes 98).",
            "The inspectorate's answers, notes and recommendations in the SAKIP evaluation show here once the "
            "evaluation is final.",
        ),
        (
            "id",
            "Angka ditulis cara Indonesia: titik memisahkan ribuan, koma memisahkan desimal (1.234,5). «1.5» "
            "ditolak: tulis 1,5. Sel Excel berformat persen dibaca sebagai persen yang tampak (98% menjadi 98).",
            "Jawaban, catatan dan rekomendasi inspektorat dalam evaluasi SAKIP tampil di sini setelah "
            "evaluasinya ditetapkan final.",
        ),
    ],
)
def test_the_pages_notes_that_were_written_in_the_templates_follow_the_language(world, seed, language, numbers, sealed):
    client = client_in(world.planner, language)
    assert numbers in read(client.get(reverse("exchange-home", args=[seed.code])))
    assert sealed in read(client.get(reverse("agency-history", args=[seed.code])))


def test_a_lost_evidence_file_is_said_in_the_chosen_language(world, seed, count, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    actual = record_actual(
        actor=world.section_head, indicator=count, year=YEAR, quarter=2, value=Decimal(3), numerator=None
    )
    evidence = add_evidence(actor=world.section_head, actual=actual, name="bukti.pdf", content=b"%PDF-1.4\n%%EOF\n")
    evidence.file.storage.delete(evidence.file.name)  # gone from the storage, still listed

    def answer(language: str) -> dict:
        client = client_in(world.section_head, language)
        response = client.get(reverse("api-evidence-download", args=[evidence.pk]), HTTP_ACCEPT="application/json")
        assert response.status_code == 404
        return response.json()

    assert answer("en") == {"detail": "The evidence file is not in the storage."}
    assert answer("id") == {"detail": "Berkas bukti tidak ditemukan di penyimpanan."}
