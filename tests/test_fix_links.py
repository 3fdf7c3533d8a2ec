"""Issue 18's check, the half without a browser: on the built-in agency, every consistency finding that offers a fix
("Perbaiki") opens, for the agency's planner, a page with a form that saves (status 200, a <form method="post">) —
never a read-only page, never the Django admin."""

import re
from html import unescape

from django.urls import reverse

from kinerja.performance.consistency import check_agency

SEED = "halut-diskominfo"


def post_forms(html: str) -> list[str]:
    return re.findall(r"<form\b[^>]*\bmethod=\"post\"", html, flags=re.I)


def test_every_fix_link_of_the_consistency_check_opens_a_form(client, world):
    report = check_agency(world.agency)
    fixes = {place.fix_url for finding in report.findings for place in finding.places if place.fix_url}
    assert len(fixes) > 10  # the seed's findings point at many places: the check is not vacuous
    client.force_login(world.planner)
    page = unescape(client.get(reverse("consistency-check", args=[SEED])).content.decode())
    shown = set(re.findall(r'href="([^"]+)" data-fix', page))
    assert {link.split("?")[0] for link in shown} == {fix.split("?")[0] for fix in fixes}
    for link in sorted(shown):
        assert not link.startswith("/admin/"), link
        response = client.get(link)
        assert response.status_code == 200, link
        assert post_forms(response.content.decode()), f"{link} shows no form that saves"


def test_the_findings_without_a_fix_are_few_and_named(world):
    """What is left without a "Perbaiki" link is listed here by check, so that a new check without one fails."""
    report = check_agency(world.agency)
    without = sorted({f.check for f in report.findings if not any(place.fix_url for place in f.places)})
    assert without == WITHOUT_FIX, without


# Checks whose places have no Kinerja form yet: none. The spelling check points at the form of the text each word is
# in; the names and the duties and functions at the unit's, the position's or the agency's form (organisation.editing).
WITHOUT_FIX: list[str] = []


def test_the_organisation_findings_open_the_organisation_forms(world):
    """The units' names, the positions' duties and functions and the agency's printed name are fixed in the forms of
    the organisation (not the IKI page's): each of the three checks points at them."""
    report = check_agency(world.agency)
    forms = {"unit": "/organisasi/unit/", "position": "/organisasi/jabatan/", "agency": "/organisasi/ubah/"}
    found = {
        (finding.check, kind)
        for finding in report.findings
        for place in finding.places
        for kind, part in forms.items()
        if part in place.fix_url
    }
    assert {("nama-unit", "unit"), ("nama-unit", "agency"), ("tugas-fungsi", "position")} <= found
    assert {("ejaan", "unit"), ("ejaan", "position")} <= found
