"""The Django admin is no second door (issue 18): the plan and the officials, whose rules live in Kinerja's services,
are shown in the admin with a link to the page where they are edited, and never written there; the organisation,
which has no page of its own, is edited in the admin with the model's rules, each refusal a sentence — never a
constraint's name."""

import pytest
from django.urls import reverse

from kinerja.organisation.models import Official, Unit
from kinerja.strategy.models import (
    Activity,
    Budget,
    Goal,
    Indicator,
    KeyIndicatorRow,
    Objective,
    PageIndicator,
    Programme,
    StrategicPlan,
    SubActivity,
)

pytestmark = pytest.mark.django_db

SEED = "halut-diskominfo"


@pytest.fixture
def administrator(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("admin-pintu", password="x-Admin-12345"))
    return client


def kinerja_pages() -> list[tuple[object, str]]:
    """One row of each plan model of the seed with the Kinerja page where it is edited."""
    strategic = Objective.objects.filter(plan__agency__code=SEED, level="strategic").first()
    performance = Objective.objects.filter(plan__agency__code=SEED, level="performance").select_related("position")
    performance = performance.first()
    row = PageIndicator.objects.filter(position__agency__code=SEED).select_related("position").first()
    key_row = KeyIndicatorRow.objects.filter(plan__agency__code=SEED).first()
    indicator = Indicator.objects.filter(plan__agency__code=SEED).first()
    goal = Goal.objects.filter(plan__agency__code=SEED).first()
    programmes = reverse("programme-edit", args=[SEED])
    programme = Programme.objects.filter(plan__agency__code=SEED).first()
    activity = Activity.objects.create(programme=programme, code="1.01", name="Kegiatan uji")
    sub_activity = SubActivity.objects.create(activity=activity, code="1.01.01", name="Sub kegiatan uji")
    return [
        (StrategicPlan.objects.get(agency__code=SEED), reverse("plan-edit", args=[SEED])),
        (goal, reverse("plan-goal-edit", args=[SEED, goal.code])),
        (strategic, reverse("plan-objective-edit", args=[SEED, strategic.code])),
        (performance, reverse("position-page-edit", args=[SEED, performance.position.code])),
        (indicator, reverse("plan-indicator-edit", args=[SEED, indicator.code])),
        (key_row, reverse("plan-key-row-edit", args=[SEED, key_row.pk])),
        (row, reverse("position-page-edit", args=[SEED, row.position.code])),
        (programme, programmes),
        (activity, programmes),
        (sub_activity, programmes),
    ]


def admin_url(obj: object, view: str, *args: object) -> str:
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_{view}", args=args)


def test_the_plan_is_shown_with_a_link_to_its_page_and_never_written_in_the_admin(administrator, seed):
    for obj, page in kinerja_pages():
        before = type(obj).objects.filter(pk=obj.pk).values().get()
        shown = administrator.get(admin_url(obj, "change", obj.pk))
        assert shown.status_code == 200, obj
        assert f'<a href="{page}">Buka halaman tempat data ini diubah</a>' in shown.content.decode(), obj
        assert administrator.get(page).status_code == 200, page  # the link opens a page with a form
        assert 'method="post"' in administrator.get(page).content.decode(), page
        assert administrator.post(admin_url(obj, "change", obj.pk), {"code": "X", "text": "X"}).status_code == 403
        assert administrator.post(admin_url(obj, "delete", obj.pk), {"post": "yes"}).status_code == 403
        assert administrator.get(admin_url(obj, "add")).status_code == 403, obj
        assert type(obj).objects.filter(pk=obj.pk).values().get() == before


def test_a_budget_is_shown_with_the_programme_page_and_not_written(administrator, seed):
    programme = Programme.objects.filter(plan__agency__code=SEED).first()
    activity = Activity.objects.create(programme=programme, code="1.01", name="Kegiatan uji")
    budget = Budget.objects.create(activity=activity, year=2024, amount=1000)
    shown = administrator.get(admin_url(budget, "change", budget.pk)).content.decode()
    assert f'<a href="{reverse("programme-edit", args=[SEED])}">' in shown
    assert administrator.post(admin_url(budget, "delete", budget.pk), {"post": "yes"}).status_code == 403
    assert Budget.objects.filter(pk=budget.pk).exists()


def test_an_official_is_shown_with_a_link_to_the_people_page_and_not_written(administrator, world):
    official = Official.objects.get(user=world.section_head)
    url = admin_url(official, "change", official.pk)
    page = reverse("person", args=[SEED, official.pk])
    assert f'<a href="{page}">' in administrator.get(url).content.decode()
    assert administrator.post(url, {"nip": "1", "name": "Orang Lain"}).status_code == 403
    assert administrator.get(reverse("admin:organisation_official_add")).status_code == 403
    official.refresh_from_db()
    assert official.name != "Orang Lain"


def test_a_unit_as_its_own_parent_reads_as_a_sentence_not_a_constraint_name(administrator, seed):
    unit = Unit.objects.filter(agency=seed, parent__isnull=False).first()
    url = reverse("admin:organisation_unit_change", args=[unit.pk])
    form = administrator.get(url).context["adminform"].form
    data = {name: (value.pk if hasattr(value, "pk") else value) for name, value in form.initial.items() if value}
    data["parent"] = unit.pk
    response = administrator.post(url, data)
    text = response.content.decode()
    assert response.status_code == 200
    assert "Unit kerja tidak dapat menjadi induknya sendiri." in text
    assert "unit_not_own_parent" not in text and "Batasan" not in text
    unit.refresh_from_db()
    assert unit.parent_id != unit.pk


def test_an_older_plan_is_only_shown_its_page_edits_the_latest(administrator, seed):
    from kinerja.strategy.tests.factories import GoalFactory, StrategicPlanFactory

    older = StrategicPlanFactory(agency=seed, name="Renstra 2016–2021", first_year=2016, last_year=2021)
    goal = GoalFactory(plan=older, code="T9")
    for obj in (older, goal):
        text = administrator.get(admin_url(obj, "change", obj.pk)).content.decode()
        assert "Hanya Renstra terbaru instansi yang diubah di Kinerja; Renstra ini disimpan apa adanya." in text
        assert "Buka halaman tempat data ini diubah" not in text


def test_an_agencys_region_is_shown_not_changed_in_the_admin(administrator, seed):
    """Moving an agency to another region moves its figures' region keys (performance.region_keys.move_agency),
    which the agency's file does: the admin's change form shows the region and cannot change it."""
    from kinerja.organisation.models import Agency, Region

    other = Region.objects.create(code="wilayah-lain", name="Kabupaten Lain", head_title="Bupati")
    url = reverse("admin:organisation_agency_change", args=[seed.pk])
    form = administrator.get(url).context["adminform"].form
    assert "region" not in form.fields
    data = {name: (value.pk if hasattr(value, "pk") else value) for name, value in form.initial.items() if value}
    data.update(
        {"region": other.pk, "functions-TOTAL_FORMS": 0, "functions-INITIAL_FORMS": 0, "functions-MAX_NUM_FORMS": 1000}
    )
    administrator.post(url, data)
    assert Agency.objects.get(pk=seed.pk).region_id == seed.region_id
    assert "region" in administrator.get(reverse("admin:organisation_agency_add")).context["adminform"].form.fields
