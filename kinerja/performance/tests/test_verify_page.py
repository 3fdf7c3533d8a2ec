"""A whole IKI page verified at once (`workflow.verify_page`): only by a superior of the position, all or nothing,
each row as the page showed it; and its door on the verification page, with its confirmation."""

import html
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from kinerja.accounts.access import supervised_positions
from kinerja.core.models import AuditRecord
from kinerja.organisation.models import Position
from kinerja.performance import workflow
from kinerja.performance.models import Actual
from kinerja.performance.services import record_actual
from kinerja.performance.worklist import get_actuals_in_context, group_by_page
from kinerja.strategy.models import Indicator, PageIndicator
from kinerja.strategy.tests.factories import PageIndicatorFactory

YEAR, QUARTER = 2022, 2


@pytest.fixture
def position(seed) -> Position:
    return Position.objects.get(agency=seed, code="kasi-tata-kelola")


def enter(world, indicator: Indicator, value: str = "3") -> Actual:
    ratio = indicator.formula == "ratio"
    return record_actual(
        actor=world.section_head,
        indicator=indicator,
        year=YEAR,
        quarter=QUARTER,
        value=None if ratio else Decimal(value),
        numerator=Decimal(value) if ratio else None,
        denominator=Decimal(10) if ratio else None,
    )


@pytest.fixture
def page_actuals(world, seed, position) -> list[Actual]:
    """Three actuals of the section head's page (its one indicator and two more), 2022 quarter II, submitted
    (verified by the division head)."""
    objective = PageIndicator.objects.get(position=position).objective
    for order in (101, 102):
        PageIndicatorFactory(objective=objective, position=position, order=order, indicator__count=True)
    indicators = list(Indicator.objects.filter(page_rows__position=position).order_by("order", "code"))
    assert len(indicators) == 3
    return [workflow.submit_actual(actor=world.section_head, actual=enter(world, i)) for i in indicators]


def versions(actuals: list[Actual]) -> dict[int, str]:
    return {actual.pk: workflow.version_of(actual) for actual in actuals}


def states(actuals: list[Actual]) -> list[str]:
    return [Actual.objects.get(pk=actual.pk).status for actual in actuals]


def test_the_superior_verifies_every_row_of_the_page_at_once(world, position, page_actuals):
    done = workflow.verify_page(
        actor=world.division_head, position=position, year=YEAR, quarter=QUARTER, versions=versions(page_actuals)
    )
    assert len(done) == 3
    assert states(page_actuals) == [Actual.Status.VERIFIED] * 3
    assert {a.verified_by_id for a in Actual.objects.filter(pk__in=[a.pk for a in page_actuals])} == {
        world.division_head.pk
    }
    verified = AuditRecord.objects.filter(action=AuditRecord.Action.VERIFIED, user=world.division_head)
    assert verified.count() == 3  # each row in the trail, as one by one


@pytest.mark.parametrize("who", ["section_head", "secretary", "planner", "inspector", "outsider"])
def test_someone_who_does_not_supervise_the_position_is_refused_and_nothing_changes(world, position, page_actuals, who):
    with pytest.raises(PermissionDenied):
        workflow.verify_page(
            actor=getattr(world, who), position=position, year=YEAR, quarter=QUARTER, versions=versions(page_actuals)
        )
    assert states(page_actuals) == [Actual.Status.SUBMITTED] * 3


def test_a_row_changed_since_the_page_was_viewed_refuses_the_whole_page_naming_it(world, position, page_actuals):
    seen = versions(page_actuals)
    changed = page_actuals[1]
    workflow.return_actual(actor=world.head_of_agency, actual=changed, reason="Cek lagi")
    workflow.submit_actual(actor=world.section_head, actual=enter(world, changed.indicator, "5"))
    with pytest.raises(workflow.StaleActual) as refused:
        workflow.verify_page(actor=world.division_head, position=position, year=YEAR, quarter=QUARTER, versions=seen)
    message = " ".join(refused.value.messages)
    assert "Tidak ada yang diverifikasi" in message and changed.indicator.code in message
    assert "baru saja diubah" in message
    assert states(page_actuals) == [Actual.Status.SUBMITTED] * 3  # the first row, checked before, rolled back too


def test_a_row_not_waiting_refuses_the_whole_page(world, position, page_actuals):
    workflow.verify_actual(actor=world.head_of_agency, actual=page_actuals[2])
    seen = versions(page_actuals[:2]) | {
        page_actuals[2].pk: workflow.version_of(Actual.objects.get(pk=page_actuals[2].pk))
    }
    with pytest.raises(ValidationError, match="sudah diverifikasi"):
        workflow.verify_page(actor=world.division_head, position=position, year=YEAR, quarter=QUARTER, versions=seen)
    assert states(page_actuals[:2]) == [Actual.Status.SUBMITTED] * 2


def test_an_actual_of_another_page_or_quarter_is_refused(world, seed, position, page_actuals):
    other = Position.objects.get(agency=seed, code="kabid-persandian")
    with pytest.raises(ValidationError, match="tidak ada di halaman ini"):
        workflow.verify_page(
            actor=world.head_of_agency, position=other, year=YEAR, quarter=QUARTER, versions=versions(page_actuals)
        )
    with pytest.raises(ValidationError, match="tidak ada di halaman ini"):
        workflow.verify_page(
            actor=world.division_head, position=position, year=YEAR, quarter=3, versions=versions(page_actuals)
        )
    with pytest.raises(ValidationError):
        workflow.verify_page(actor=world.division_head, position=position, year=YEAR, quarter=QUARTER, versions={})
    assert states(page_actuals) == [Actual.Status.SUBMITTED] * 3


def test_a_closed_quarter_refuses_the_page(world, seed, position, page_actuals):
    workflow.close_period(actor=world.planner, agency=seed, year=YEAR, quarter=QUARTER)
    with pytest.raises(ValidationError, match="ditutup"):
        workflow.verify_page(
            actor=world.division_head, position=position, year=YEAR, quarter=QUARTER, versions=versions(page_actuals)
        )
    assert states(page_actuals) == [Actual.Status.SUBMITTED] * 3


# -- the door: the verification page ------------------------------------------------------------------------------


def page_of(client, seed) -> str:
    return html.unescape(client.get(reverse("verification", args=[seed.code])).content.decode())


def test_the_verification_page_offers_the_page_with_its_count_and_versions(client, world, seed, page_actuals):
    client.force_login(world.division_head)
    page = page_of(client, seed)
    group = page[page.index('id="page-kasi-tata-kelola-2022-2"') :]
    group = group[: group.index('id="returned"')]
    assert "Verifikasi semua di halaman ini (3)" in group
    assert "Saya sudah melihat 3 realisasi" in group
    for actual in page_actuals:
        assert f'name="version-{actual.pk}" value="{workflow.version_of(actual)}"' in group


def post_page(client, seed, actuals, **extra):
    url = reverse("verification-page", args=[seed.code, "kasi-tata-kelola"])
    data = {"year": YEAR, "quarter": QUARTER, **{f"version-{pk}": v for pk, v in versions(actuals).items()}, **extra}
    return client.post(url, data, follow=True)


def test_verifying_the_page_needs_the_confirmation(client, world, seed, page_actuals):
    client.force_login(world.division_head)
    response = post_page(client, seed, page_actuals)
    assert "tidak ada yang diverifikasi" in html.unescape(response.content.decode())
    assert states(page_actuals) == [Actual.Status.SUBMITTED] * 3
    response = post_page(client, seed, page_actuals, confirm="1")
    assert "3 realisasi" in html.unescape(response.content.decode())
    assert states(page_actuals) == [Actual.Status.VERIFIED] * 3


def test_a_stale_row_on_the_page_door_is_a_message_naming_it(client, world, seed, page_actuals):
    client.force_login(world.division_head)
    stale = page_actuals[0]
    url = reverse("verification-page", args=[seed.code, "kasi-tata-kelola"])
    data = {"year": YEAR, "quarter": QUARTER, "confirm": "1", **{f"version-{a.pk}": "x" for a in page_actuals[:1]}}
    data |= {f"version-{a.pk}": workflow.version_of(a) for a in page_actuals[1:]}
    page = html.unescape(client.post(url, data, follow=True).content.decode())
    assert "Tidak ada yang diverifikasi" in page and stale.indicator.code in page
    assert states(page_actuals) == [Actual.Status.SUBMITTED] * 3


def test_the_page_door_answers_not_found_to_someone_who_may_not_verify(client, world, seed, page_actuals):
    client.force_login(world.secretary)
    assert post_page(client, seed, page_actuals, confirm="1").status_code == 404
    assert states(page_actuals) == [Actual.Status.SUBMITTED] * 3


def test_the_waiting_rows_are_grouped_by_page_in_one_query(world, position, page_actuals, django_assert_num_queries):
    entries = get_actuals_in_context(
        Actual.objects.filter(pk__in=[a.pk for a in page_actuals]).select_related("indicator")
    )
    supervised = supervised_positions(world.division_head)
    with django_assert_num_queries(1):
        pages = group_by_page(entries, supervised)
    assert [(p.position, p.year, p.quarter, len(p.entries)) for p in pages] == [(position, YEAR, QUARTER, 3)]
    assert pages[0].anchor == "page-kasi-tata-kelola-2022-2"
    assert group_by_page(entries, supervised_positions(world.secretary)) == []  # on no page the secretary verifies
