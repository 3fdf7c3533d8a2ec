"""A staff position (issue 21: pelaksana / jabatan fungsional, kinerja.skp) is printed in no decree and no
performance agreement: the built-in documents print exactly as before one is added."""

from django.urls import reverse

from kinerja.organisation.models import Position
from kinerja.organisation.staff_positions import add_staff_position
from kinerja.reports.agreement import build_agreements
from kinerja.reports.decree import build_decree
from kinerja.reports.render_html import render_html
from kinerja.strategy.selectors import get_current_plan


def test_the_built_in_decree_and_the_agreements_print_unchanged_with_a_staff_position(world, seed):
    plan = get_current_plan(seed)
    before = render_html(build_decree(plan, 2022)), render_html(build_agreements(seed, 2022))
    staff = add_staff_position(
        actor=world.planner,
        superior=Position.objects.get(agency=seed, code="kasi-tata-kelola"),
        code="pranata-komputer",
        title="Pranata Komputer Ahli Pertama",
    )
    after = render_html(build_decree(plan, 2022)), render_html(build_agreements(seed, 2022))
    assert after == before
    assert staff.title.upper() not in after[0] and staff.title not in after[1]


def test_the_documents_page_offers_no_agreement_for_a_staff_position(world, seed, client):
    add_staff_position(
        actor=world.planner,
        superior=Position.objects.get(agency=seed, code="kasi-tata-kelola"),
        code="pranata-komputer",
        title="Pranata Komputer Ahli Pertama",
    )
    client.force_login(world.planner)
    page = client.get(reverse("documents", args=[seed.code]) + "?tahun=2022").content.decode()
    assert 'value="kasi-tata-kelola"' in page and "pranata-komputer" not in page
