"""The example SKP of 2022: loaded with the example figures, the chain working down to the staff, the distribution
page showing them with a break, the same every time, and removed whole by the command that removes the examples."""

import html

from django.core.management import call_command
from django.urls import reverse

from kinerja.core.models import AuditRecord
from kinerja.organisation.models import Assignment, Official, Position
from kinerja.performance.example_data import MORE_EXAMPLES
from kinerja.skp.example_data import clear_example_skp, load_example_skp
from kinerja.skp.models import ExampleRecord, Rhk, RhkIndicator, Skp
from kinerja.skp.selectors import get_skp

from .helpers import YEAR

SEED = "halut-diskominfo"
MODELS = (Skp, Rhk, RhkIndicator, ExampleRecord, Official, Position, Assignment)


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELS}


def shown(seed) -> list[tuple]:
    """What a reader sees of the example: each SKP's position, official, predicate and its work results."""
    return [
        (skp.position.code, skp.official.name, skp.official.nip, skp.predicate, [r.text for r in skp.results.all()])
        for skp in Skp.objects.filter(position__agency=seed, is_example=True).order_by("position__code")
    ]


def test_the_example_skp_come_and_go_with_the_example_figures(seed):
    assert (load_example_skp, clear_example_skp) in MORE_EXAMPLES  # the same commands load and clear them
    before = counts()
    assert load_example_skp(actor=None, agency=seed) > 20
    first = shown(seed)
    structural = seed.positions.structural().count()
    assert Skp.objects.filter(position__agency=seed, is_example=True, position__kind="struktural").count() == structural
    assert Position.objects.filter(agency=seed, kind="staf").count() == 7
    assert Skp.objects.filter(is_example=True, status="rated").count() >= 19
    assert Skp.objects.filter(is_example=True, position__kind="staf", results__indicators__isnull=False).exists()

    call_command("clear_example_performance", SEED)
    assert counts() == before  # nothing of it is left
    assert AuditRecord.objects.filter(note__startswith="Data contoh dihapus", object_label="skp.skp").exists()

    load_example_skp(actor=None, agency=seed)
    assert shown(seed) == first  # the same example every time


def test_a_staff_members_example_work_result_reaches_a_strategic_objective(example_figures, world):
    skp = Skp.objects.get(position__code="pranata-komputer-aplikasi", year=YEAR)
    view = get_skp(example_figures, skp.pk)
    assert view.results and all(item.reaches_objective for item in view.results)
    assert view.results[0].chain[0].kind == "RHK atasan"
    assert [i.aspect for i in view.results[0].indicators] == ["kuantitas", "kualitas", "waktu"]
    assert skp.predicate == "sangat_baik" and skp.is_example


def test_the_distribution_page_shows_the_example_with_its_break(client, world, example_figures):
    client.force_login(world.head_of_agency)
    page = html.unescape(client.get(reverse("skp-distribution", args=[SEED]) + f"?tahun={YEAR}").content.decode())
    aplikasi = page.split('data-label="Seksi Pengembangan Aplikasi Pemerintahan dan Pelayanan Publik"')[1]
    aplikasi = aplikasi.split("</section>")[0]
    assert "Paling banyak 70 % boleh Sangat Baik; di sini 100,00 %." in aplikasi
    head = Skp.objects.get(position__code="kasi-aplikasi", year=YEAR).official.name
    assert "Perlu ditinjau" in aplikasi and head in aplikasi
    keuangan = page.split('data-label="Sub Bagian Keuangan"')[1].split("</section>")[0]
    assert "Distribusinya memenuhi aturan." in keuangan
    assert "Belum dinilai" in page and "Kepala Seksi Uji, S.Kom" in page  # the section head left unrated
    assert "Tetapkan penilaian final" in page
