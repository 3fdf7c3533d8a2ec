"""The SKP printed (PDF / Word) from its page: read back as a person reads it, its "what is missing", who may print
it, and what the document costs in queries."""

import html
from decimal import Decimal

import pytest
from django.urls import reverse

from kinerja.organisation.models import Official
from kinerja.reports import output
from kinerja.reports.tests.readback import docx_text, normalise, pdf_text
from kinerja.skp import services
from kinerja.skp.printing import build_skp_document

from .helpers import ALL_AS_EXPECTED, official_of, section_skp, staff_member, staff_skp

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
            actor=world.section_head, result=result, aspect="waktu", name="Tepat waktu", target=Decimal(12), unit="bulan"
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
    open("/tmp/skpprint/rated.pdf", "wb").write(data)
