"""The example action plans of 2022: loaded with the example figures, marked as example data, shown on the pages and
in the printed plan, and removed by the same command as the example figures — nothing else with them."""

from decimal import Decimal

from django.core.management import call_command
from django.urls import reverse

from kinerja.actionplans import progress
from kinerja.actionplans.example_data import PLANS
from kinerja.actionplans.models import ActionItem, ActionProgress
from kinerja.actionplans.selectors import get_action_plan
from kinerja.core.models import AuditRecord
from kinerja.organisation.models import Position

from .helpers import YEAR, indicator_of


def test_the_example_figures_bring_an_action_plan_with_progress_for_each_quarter(example_figures):
    items = ActionItem.objects.filter(indicator__plan__agency=example_figures)
    assert items.count() == 4 * len(PLANS) and not items.filter(is_example=False).exists()
    for code in ("IKU.2", "IKU.5", "kasi-tata-kelola.O1.I1", "kasubag-perencanaan.O1.I1"):
        assert sorted(items.filter(indicator__code=code).values_list("quarter", flat=True)) == [1, 2, 3, 4]
    first = items.select_related("responsible_position").get(indicator__code="kasi-tata-kelola.O1.I1", quarter=1)
    assert first.description == "Penyusunan rancangan kebijakan tata kelola keamanan informasi"
    assert (first.output_quantity, first.output_unit) == (Decimal(1), "dokumen")
    assert first.responsible_position.code == "kasi-tata-kelola"
    progress_rows = ActionProgress.objects.filter(action__in=items)
    assert progress_rows.count() == items.count()
    assert set(progress_rows.values_list("status", "is_example").distinct()) == {("verified", True)}
    assert {"done", "partly", "not_done"} >= set(progress_rows.values_list("outcome", flat=True)) >= {"done"}


def test_the_action_plan_page_shows_the_examples(client, world, example_figures):
    client.force_login(world.head_of_agency)
    page = client.get(reverse("action-plan", args=[example_figures.code]) + f"?tahun={YEAR}").content.decode()
    assert "Pendataan desa yang belum terjangkau sinyal telekomunikasi seluler" in page
    assert 'data-status="verified"' in page
    plan = get_action_plan(indicator_of(example_figures).plan, YEAR)
    assert not [m for m in plan.missing if m.indicator.code in PLANS]


def test_clearing_the_example_figures_removes_the_example_actions_and_keeps_real_ones(world, example_figures):
    real = ActionItem.objects.create(
        indicator=indicator_of(example_figures),
        year=YEAR,
        quarter=2,
        description="Aksi yang diisi sendiri",
        responsible_position=Position.objects.get(agency=example_figures, code="kasi-tata-kelola"),
    )
    progress.record_progress(actor=world.section_head, action=real, outcome="done")
    examples = ActionItem.objects.filter(is_example=True).count()
    before = AuditRecord.objects.count()

    call_command("clear_example_performance", example_figures.code)

    assert list(ActionItem.objects.values_list("description", flat=True)) == ["Aksi yang diisi sendiri"]
    assert list(ActionProgress.objects.values_list("action_id", "is_example")) == [(real.pk, False)]
    removed = AuditRecord.objects.filter(pk__gt=0).order_by("-pk")[: AuditRecord.objects.count() - before]
    labels = [entry.object_label for entry in removed if entry.object_label.startswith("actionplans.")]
    assert labels.count("actionplans.actionitem") == examples
    assert labels.count("actionplans.actionprogress") == examples
