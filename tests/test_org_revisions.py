"""The organisation edited in place and the rest of the system: the workbook import refuses what the form refuses and
numbers the functions alike; a change after the decree was enacted is listed on the documents page as a change for
the next version, and the enacted version keeps printing exactly as it was enacted."""

import copy
import html
import re

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.urls import reverse

from kinerja.exchange.dataset_io import read_dataset
from kinerja.exchange.loading.agency import load_agency_data
from kinerja.exchange.loading.report import DatasetError
from kinerja.organisation import editing
from kinerja.organisation.models import Position
from kinerja.reports.selectors import get_decree_changes
from kinerja.reports.services import enact_decree
from kinerja.reports.tests.readback import normalise, pdf_text
from kinerja.strategy.selectors import get_current_plan

SEED = "halut-diskominfo"
NEW_DUTY = "Membantu Kepala Bidang Persandian dalam tata kelola persandian di lingkungan Pemerintah Daerah."
NEW_FUNCTION = "Penyusunan rencana kerja tata kelola persandian;"


def functions_of(position: Position) -> list[tuple[str, str]]:
    return [(f.label, f.text) for f in position.functions.order_by("order")]


def refusal(call, **kwargs) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as refused:
        call(**kwargs)
    return refused.value.message_dict


def test_the_import_numbers_the_functions_as_the_form_does_and_refuses_what_it_refuses(world, seed):
    data = read_dataset(settings.KINERJA_BUILTIN_DATASET)
    position = seed.positions.get(code="kasubag-umum")
    by_form = functions_of(position)  # the seed's "1" printed twice, read back as the form shows it
    assert by_form[:2] == [("1", "Menyusun Rencana Kerja Sub Bagian"), ("1", by_form[1][1])]
    wrong = copy.deepcopy(data)
    item = next(p for p in wrong["positions"] if p["code"] == "kasi-tata-kelola")
    item["title"] = "T" * 301
    with pytest.raises(DatasetError) as refused:
        load_agency_data(actor=world.planner, data=wrong, source="salah.yaml")
    by_import = [(p.field, p.message) for p in refused.value.problems]
    form = refusal(
        editing.change_position,
        actor=world.planner,
        position=seed.positions.get(code="kasi-tata-kelola"),
        title="T" * 301,
        duty="",
        functions=[],
    )
    assert ("title", form["title"][0]) in by_import


def test_a_change_after_enacting_is_listed_and_the_enacted_decree_prints_as_enacted(client, world, seed):
    plan = get_current_plan(seed)
    enacted = enact_decree(actor=world.planner, plan=plan, year=2022)
    frozen = enacted.document
    position = seed.positions.get(code="kasi-tata-kelola")
    old_duty, old_first = position.duty, functions_of(position)[0][1]
    editing.change_position(
        actor=world.planner,
        position=position,
        title=position.title,
        duty=NEW_DUTY,
        functions=[NEW_FUNCTION, *(text for _, text in functions_of(position)[1:])],
    )
    unit = seed.units.get(code="seksi-opini")
    editing.change_unit(actor=world.planner, unit=unit, name="Seksi Opini dan Informasi Publik", kind=unit.kind)
    sentences = get_decree_changes(plan, 2022).changes.sentences
    heading = "KEPALA SEKSI TATA KELOLA PERSANDIAN"
    assert any(s.startswith(f"Jabatan {heading}: tugas '") and NEW_DUTY in s for s in sentences), sentences
    assert any(s.startswith(f"Jabatan {heading}: fungsi '") and NEW_FUNCTION in s for s in sentences), sentences
    assert not any("Seksi Opini dan Informasi Publik" in s for s in sentences)  # the decree prints no unit names
    client.force_login(world.planner)
    page = html.unescape(client.get(reverse("documents", args=[SEED]) + "?tahun=2022").content.decode())
    assert NEW_DUTY in page
    links = dict(re.findall(r'<a href="([^"]+)"[^>]*data-(enacted|draft)-print', page))
    prints = {kind: normalise(pdf_text(client.get(link).content)) for link, kind in links.items()}
    assert normalise(old_duty) in prints["enacted"] and normalise(NEW_DUTY) not in prints["enacted"]
    assert normalise(old_first) in prints["enacted"] and normalise(NEW_FUNCTION) not in prints["enacted"]
    assert normalise(NEW_DUTY) in prints["draft"] and normalise(NEW_FUNCTION) in prints["draft"]
    enacted.refresh_from_db()
    assert enacted.document == frozen
