"""Two rules of the plan that every door asks through the models' `clean()` (strategy/models/plan_rules.py): a
"contributes to" chain never comes back to where it started, and a plan's years are not shrunk past the years that
hold its figures. Each is tried through the service of the form, the page itself and the workbook/dataset import."""

import copy

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.urls import reverse

from kinerja.actionplans.models import ActionItem
from kinerja.exchange.dataset_io import read_dataset
from kinerja.exchange.loading.agency import load_agency_data
from kinerja.exchange.loading.report import DatasetError
from kinerja.performance.models import Actual, Target
from kinerja.strategy import editing, page_editing
from kinerja.strategy.models import Objective, StrategicPlan
from kinerja.strategy.selectors import get_current_plan

pytestmark = pytest.mark.django_db

CIRCLE = (
    "Sasaran akan saling mendukung secara melingkar: {chain}. Pilih sasaran di atasnya yang tidak kembali ke {code}."
)


def objective(code: str) -> Objective:
    return Objective.objects.get(code=code)


def contributes(code: str) -> str | None:
    above = objective(code).contributes_to
    return above.code if above else None


def dataset() -> dict:
    return copy.deepcopy(read_dataset(settings.KINERJA_BUILTIN_DATASET))


def page_objective(data: dict, code: str) -> dict:
    return next(item for page in data["pages"] for item in page["objectives"] if item["code"] == code)


def import_problems(data: dict, field: str) -> list[str]:
    with pytest.raises(DatasetError) as refused:
        load_agency_data(actor=None, data=data, source="uji.yaml")
    return [problem.message for problem in refused.value.problems if problem.field == field]


# --- a circle of "contributes to" ---


def test_a_two_step_circle_is_refused_by_the_service_naming_the_chain(world, seed):
    with pytest.raises(ValidationError) as refused:
        page_editing.change_page_objective(
            actor=world.planner,
            objective=objective("kadis.O1"),
            code="kadis.O1",
            text="Teks",
            contributes_to=objective("sekretaris.O1"),
        )
    chain = "kadis.O1 → sekretaris.O1 → kadis.O1"
    assert refused.value.message_dict["contributes_to"] == [CIRCLE.format(chain=chain, code="kadis.O1")]
    assert contributes("kadis.O1") == "S1"


def test_a_longer_circle_is_refused_and_a_chain_that_ends_at_the_top_is_kept(world, seed):
    with pytest.raises(ValidationError) as refused:
        page_editing.change_page_objective(
            actor=world.planner,
            objective=objective("kadis.O1"),
            code="kadis.O1",
            text="Teks",
            contributes_to=objective("kasubag-perencanaan.O1"),
        )
    chain = "kadis.O1 → kasubag-perencanaan.O1 → sekretaris.O1 → kadis.O1"
    assert refused.value.message_dict["contributes_to"] == [CIRCLE.format(chain=chain, code="kadis.O1")]
    page_editing.change_page_objective(
        actor=world.planner,
        objective=objective("kadis.O1"),
        code="kadis.O1",
        text="Teks",
        contributes_to=objective("S2"),
    )
    assert contributes("kadis.O1") == "S2"


def test_the_import_refuses_the_same_circle_and_writes_nothing(world, seed):
    # the loader resolves "contributes to" only against the objectives before it in the file; a code that comes
    # later and leads back to the row is a circle, and is named as one (the model's own sentence)
    data = dataset()
    page_objective(data, "kadis.O1")["contributes_to"] = "sekretaris.O1"
    chain = "kadis.O1 → sekretaris.O1 → kadis.O1"
    assert import_problems(data, "contributes_to") == [CIRCLE.format(chain=chain, code="kadis.O1")]
    assert contributes("kadis.O1") == "S1"
    assert contributes("sekretaris.O1") == "kadis.O1"


def test_a_longer_circle_in_the_file_is_named_and_a_forward_reference_without_one_stays_unknown(world, seed):
    data = dataset()
    # kasubag-perencanaan.O1 → sekretaris.O1 → kadis.O1 in the seed; closing it at the top names the whole circle
    page_objective(data, "kadis.O1")["contributes_to"] = "kasubag-perencanaan.O1"
    problems = import_problems(data, "contributes_to")
    assert len(problems) == 1 and problems[0].startswith("Sasaran akan saling mendukung secara melingkar: kadis.O1 → ")
    assert "kasubag-perencanaan.O1 → sekretaris.O1 → kadis.O1." in problems[0]
    data = dataset()
    page_objective(data, "kadis.O1")["contributes_to"] = "tidak-ada.O9"
    assert import_problems(data, "contributes_to") == ["sasaran 'tidak-ada.O9' tidak dikenal."]


def test_the_page_form_refuses_a_circle_next_to_the_field(client, world, seed):
    # sekretaris.O1 → S1 and kadis.O1 → kasubag-perencanaan.O1 (no circle yet), then, on the secretary's page,
    # sekretaris.O1 → kadis.O1 (offered: the superior's page) would close it
    for code, above in (("sekretaris.O1", "S1"), ("kadis.O1", "kasubag-perencanaan.O1")):
        item = objective(code)
        page_editing.change_page_objective(
            actor=world.planner, objective=item, code=code, text=item.text, contributes_to=objective(above)
        )
    item = objective("sekretaris.O1")
    client.force_login(world.planner)
    prefix = f"objective-{item.pk}"
    response = client.post(
        reverse("position-page-edit", kwargs={"agency": seed.code, "position": "sekretaris"}),
        {
            "action": "change-objective",
            "objective": item.pk,
            f"{prefix}-code": item.code,
            f"{prefix}-text": item.text,
            f"{prefix}-contributes_to": objective("kadis.O1").pk,
        },
    )
    assert response.status_code == 400
    chain = "sekretaris.O1 → kadis.O1 → kasubag-perencanaan.O1 → sekretaris.O1"
    assert CIRCLE.format(chain=chain, code="sekretaris.O1") in response.content.decode()
    assert contributes("sekretaris.O1") == "S1"


# --- shrinking the plan's years ---


def shrink_message(years: str) -> str:
    return (
        f"Tahun {years} masih memuat target, realisasi atau rencana aksi dan akan berada di luar Renstra: "
        "pertahankan tahun itu dalam Renstra, atau hapus dulu angka-angka tersebut."
    )


def test_shrinking_past_targets_actuals_and_action_items_is_refused_naming_the_years(world, seed):
    plan = get_current_plan(seed)
    indicator = plan.indicators.get(code="IKU.2")
    Target.objects.create(indicator=indicator, kind=Target.Kind.YEAR, year=2021, value=50)
    Actual.objects.create(indicator=indicator, year=2026, quarter=2, numerator=1, denominator=2)
    ActionItem.objects.create(indicator=indicator, year=2025, quarter=1, description="Rapat koordinasi")
    with pytest.raises(ValidationError) as refused:
        editing.save_plan(actor=world.planner, plan=plan, name=plan.name, first_year=2022, last_year=2024)
    assert refused.value.message_dict == {
        "first_year": [shrink_message("2021")],
        "last_year": [shrink_message("2025, 2026")],
    }
    plan.refresh_from_db()
    assert (plan.first_year, plan.last_year) == (2021, 2026)


def test_a_baseline_before_the_plan_does_not_hold_its_years_and_empty_years_may_go(world, seed):
    plan = get_current_plan(seed)
    indicator = plan.indicators.get(code="IKU.2")
    Target.objects.create(indicator=indicator, kind=Target.Kind.BASELINE, year=2020, value=40)
    Target.objects.create(indicator=indicator, kind=Target.Kind.YEAR, year=2022, value=50)
    editing.save_plan(actor=world.planner, plan=plan, name=plan.name, first_year=2021, last_year=2024)
    assert StrategicPlan.objects.get(pk=plan.pk).last_year == 2024


def test_the_import_refuses_the_same_shrink_with_the_same_sentence(world, seed):
    plan = get_current_plan(seed)
    Actual.objects.create(indicator=plan.indicators.get(code="IKU.2"), year=2026, quarter=4, numerator=1, denominator=2)
    data = dataset()
    data["plan"]["last_year"] = 2025
    assert import_problems(data, "last_year") == [shrink_message("2026")]
    with pytest.raises(ValidationError) as refused:
        editing.save_plan(actor=world.planner, plan=plan, name=plan.name, first_year=2021, last_year=2025)
    assert refused.value.message_dict["last_year"] == [shrink_message("2026")]
    assert StrategicPlan.objects.get(pk=plan.pk).last_year == 2026


def test_the_plan_form_shows_the_refusal_next_to_the_year(client, world, seed):
    plan = get_current_plan(seed)
    Actual.objects.create(indicator=plan.indicators.get(code="IKU.2"), year=2026, quarter=1, numerator=1, denominator=2)
    client.force_login(world.planner)
    response = client.post(
        reverse("plan-edit", kwargs={"agency": seed.code}),
        {"name": plan.name, "first_year": "2021", "last_year": "2025"},
    )
    assert shrink_message("2026") in response.content.decode()
    assert StrategicPlan.objects.get(pk=plan.pk).last_year == 2026
