"""An enacted decree is frozen: later changes make a draft of the next version; enacted versions print as they were."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from kinerja.reports.catalogue import DECREE, Request, build_document
from kinerja.reports.decree import build_decree
from kinerja.reports.document import from_data, to_data
from kinerja.reports.output import render
from kinerja.reports.services import enact_decree
from kinerja.strategy.models import PageIndicator
from kinerja.strategy.selectors import get_current_plan

from .readback import docx_text


def test_a_document_survives_freezing_unchanged(seed):
    document = build_decree(get_current_plan(seed), 2022, book=True)
    assert to_data(from_data(to_data(document))) == to_data(document)
    assert docx_text(render(from_data(to_data(document)), "docx")) == docx_text(render(document, "docx"))


def test_enacted_version_prints_as_it_was_and_a_change_makes_a_draft_of_the_next(world, seed):
    plan = get_current_plan(seed)
    with pytest.raises(PermissionDenied):
        enact_decree(actor=world.head_of_agency, plan=plan, year=2022)
    first = enact_decree(actor=world.planner, plan=plan, year=2022)
    assert first.version == 1
    with pytest.raises(ValidationError, match="Tidak ada perubahan"):
        enact_decree(actor=world.planner, plan=plan, year=2022)
    row = PageIndicator.objects.filter(position__agency=seed, position__code="kasi-tata-kelola").first()
    old_name, row.printed_name = row.name, "Indikator yang diganti sesudah penetapan"
    row.save()
    current = build_document(DECREE, Request(seed, plan, 2022))
    assert current.is_draft and "konsep versi 2" in " ".join(current.missing)
    enacted = build_document(DECREE, Request(seed, plan, 2022, version=1))
    text = docx_text(render(enacted, "docx"))
    assert old_name in text and "Indikator yang diganti" not in text
    assert enact_decree(actor=world.planner, plan=plan, year=2022).version == 2


def test_the_planner_enacts_from_the_documents_page_and_downloads_the_version(client, world, seed):
    client.force_login(world.planner)
    response = client.post(reverse("decree-enact", args=[seed.code]) + "?tahun=2022", follow=True)
    assert "ditetapkan sebagai versi 1" in response.content.decode()
    download = client.get(
        reverse("document-download", args=[seed.code, "keputusan-iku-iki", "docx"]) + "?tahun=2022&versi=1"
    )
    assert download.status_code == 200
    client.force_login(world.head_of_agency)
    assert client.post(reverse("decree-enact", args=[seed.code]) + "?tahun=2022").status_code == 404
