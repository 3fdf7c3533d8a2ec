"""Every write of the API, asked by every role of tests/test_access.py, answers as this table says.

tests/test_access.py walks every API URL with GET for every role (its `# --- api ---` rows); this file does the
same for every operation that changes something (POST, PATCH, DELETE), each on a fresh database: 401 without
login, 404 outside the caller's reach, 403 for a reader who may not do it, 400 for a body naming an indicator the
caller cannot read, and the success code for whom the access rules allow. The last test checks that every
writing operation of the OpenAPI description has its row here.
"""

import re
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import resolve, reverse
from drf_spectacular.generators import SchemaGenerator

from kinerja.performance import services, workflow
from kinerja.skp.models import BEHAVIOUR_NAMES
from kinerja.skp.tests.helpers import section_skp
from kinerja.strategy.models import Indicator
from tests.test_access import ROLES, user_for

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def answers(default: int, **others: int) -> dict[str, int]:
    table = dict.fromkeys(ROLES, default)
    table.update(anonymous=401, outsider=404)
    table.update(others)
    return table


# name → (method, how to build the URL from the state, body, expected answer per role)
WRITES = {
    "create actual": (
        "post",
        "api-actual-list",
        None,
        lambda s: {"indicator": s["indicator"], "year": 2022, "quarter": 4, "value": "1"},
        answers(403, section_head=201, outsider=400),
    ),
    "correct actual": ("patch", "api-actual-detail", "draft", {"value": "4"}, answers(403, section_head=200)),
    "submit": ("post", "api-actual-submit", "draft", {}, answers(403, section_head=200)),
    "verify": ("post", "api-actual-verify", "submitted", {}, answers(403, division_head=200, head_of_agency=200)),
    "return": (
        "post",
        "api-actual-return",
        "submitted",
        {"reason": "Kurang bukti."},
        answers(403, division_head=200, head_of_agency=200),
    ),
    "reopen": (
        "post",
        "api-actual-reopen",
        "verified",
        {"reason": "Salah ketik."},
        answers(403, division_head=200, head_of_agency=200, planner=200, admin=200),
    ),
    "evidence": ("post", "api-actual-evidence", "draft", "file", answers(403, section_head=201)),
    "create target": (
        "post",
        "api-target-list",
        None,
        lambda s: {"indicator": s["indicator"], "kind": "year", "year": 2023, "value": "5"},
        answers(403, planner=201, admin=201, outsider=400),
    ),
    "change target": ("patch", "api-target-detail", "target", {"value": "7"}, answers(403, planner=200, admin=200)),
    "clear target": ("delete", "api-target-detail", "target", None, answers(403, planner=204, admin=204)),
    "new token": ("post", "api-token", None, {}, answers(201, outsider=201)),
    # the section head's SKP: rated by the holder of the position above only; 404 for who may not read it
    "rate skp": (
        "post",
        "api-skp-rating",
        "skp",
        {"work": "sesuai", "behaviours": dict.fromkeys(BEHAVIOUR_NAMES, "sesuai")},
        answers(403, division_head=200, secretary=404, bappeda=404, ministry=404),
    ),
}


@pytest.fixture
def state(world, settings, tmp_path):
    """The section head's actuals of one indicator of their page in each state, and a target of it."""
    settings.MEDIA_ROOT = tmp_path
    indicator = Indicator.objects.get(plan__agency=world.agency, code="kasi-tata-kelola.O1.I1")
    kasi = world.section_head

    def actual(quarter: int):
        return services.record_actual(actor=kasi, indicator=indicator, year=2022, quarter=quarter, value=Decimal(2))

    draft, submitted, verified = actual(1), actual(2), actual(3)
    workflow.submit_actual(actor=kasi, actual=submitted)
    workflow.submit_actual(actor=kasi, actual=verified)
    workflow.verify_actual(actor=world.division_head, actual=verified)
    target = services.set_target(actor=world.planner, indicator=indicator, kind="year", year=2022, value=Decimal(9))
    return {
        "indicator": indicator.pk,
        "draft": draft.pk,
        "submitted": submitted.pk,
        "verified": verified.pk,
        "target": target.pk,
        "skp": section_skp(world).pk,
    }


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("operation", sorted(WRITES))
def test_every_role_gets_what_the_table_says_at_every_write(world, state, operation, role):
    method, name, on, body, expected = WRITES[operation]
    client = Client()
    user = user_for(role, world)
    if user is not None:
        client.force_login(user)
    url = reverse(name, args=[state[on]] if on else [])
    if body == "file":
        response = client.post(url, {"file": SimpleUploadedFile("bukti.pdf", PDF)})
    else:
        data = body(state) if callable(body) else body
        response = getattr(client, method)(url, data, content_type="application/json")
    assert response.status_code == expected[role], f"{operation} as {role}: {response.content[:300]}"


def test_every_writing_operation_of_the_schema_has_a_row():
    schema = SchemaGenerator().get_schema(request=None, public=True)
    operations = set()
    for path, items in schema["paths"].items():
        url = re.sub(r"\{[a-z_]+\}", "1", path)
        for method in items:
            if method in {"post", "patch", "put", "delete"}:
                operations.add((method, resolve(url).url_name))
    assert operations == {(method, name) for method, name, *_ in WRITES.values()}
