"""Property-based fuzzing of every API operation against a live server (schemathesis + hypothesis).

The schema is read from the running server (/api/v1/schema/), every operation gets generated requests — valid
ones and, for operations that take input, invalid ones — sent with the token of a user who may write (the
planner for targets, the section head for actuals, the division head for verifying them), and every answer must
be no 5xx, a documented status code, and a body that matches the schema. The live server needs a transactional
database, which is emptied after each test, so the built-in agency is loaded inside the test when it is not
there.
"""

import copy
import os
import time
from collections import Counter
from decimal import Decimal

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, Phase, example, given
from hypothesis import settings as hypothesis_settings
from rest_framework.authtoken.models import Token
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance, status_code_conformance

from conftest import ensure_builtin_dataset
from kinerja.accounts.models import User
from kinerja.organisation.models import Agency, Official
from kinerja.performance import services, workflow
from kinerja.performance.models import Actual, Evidence, Target
from kinerja.reports.catalogue import KINDS
from kinerja.skp.models import Skp
from kinerja.skp.services import prepare_year
from kinerja.strategy.models import Indicator

pytestmark = pytest.mark.django_db(transaction=True)

# Examples per operation and generation mode: small, so the whole fuzz stays within a few minutes on 2 cores.
EXAMPLES = int(os.environ.get("KINERJA_FUZZ_EXAMPLES", "12"))
# Printing a PDF takes seconds: the document download gets fewer examples.
FEWER = {"GET /api/v1/documents/{kind}/": 4}
# Requests every run makes besides the generated ones: a real print of each file format.
EXPLICIT = {
    "GET /api/v1/documents/{kind}/": [
        {
            "path_parameters": {"kind": "keputusan-iku-iki"},
            "query": {"agency": "halut-diskominfo", "file_format": "docx", "year": 2022},
        },
        {
            "path_parameters": {"kind": "evaluasi-renja"},
            "query": {"agency": "halut-diskominfo", "file_format": "xlsx", "year": 2022, "quarter": 2},
        },
        {
            "path_parameters": {"kind": "perjanjian-kinerja"},
            "query": {"agency": "halut-diskominfo", "file_format": "pdf", "year": 2022, "position": "kasi-tata-kelola"},
        },
    ]
}
CHECKS = [not_a_server_error, status_code_conformance, response_schema_conformance]
# Who fuzzes what: the division head verifies and returns the section head's actuals, the planner reopens them; the
# section head enters actuals and evidence; the planner everything else (targets, reading, documents, token).


def _fuzzer_of(path: str) -> str:
    if path.endswith(("/verify/", "/return/", "/rating/")):  # the superior verifies and rates the section head's
        return "kabid"
    if path.startswith("/api/v1/actuals/") and not path.endswith("/reopen/"):
        return "kasi"
    return "perencana"


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _world() -> dict[str, list]:
    """The built-in agency with its people, some targets, and the section head's actuals in every state; the
    ids the fuzzer should hit besides random ones."""
    ensure_builtin_dataset()
    kasi, planner, kabid = (User.objects.get(username=name) for name in ("kasi", "perencana", "kabid"))
    page = Indicator.objects.filter(page_rows__position__code="kasi-tata-kelola").order_by("pk")
    for indicator in page:
        services.set_target(
            actor=planner,
            indicator=indicator,
            kind="year",
            year=2022,
            value=Decimal(10),
            value_upper=Decimal(20) if indicator.polarity == "range" else None,
        )
        for quarter in (1, 2, 3):
            terms = (
                {"numerator": Decimal(3), "denominator": Decimal(30)}
                if indicator.formula == Indicator.Formula.RATIO
                else {"value": Decimal(2)}
            )
            actual = services.record_actual(
                actor=kasi, indicator=indicator, year=2022, quarter=quarter, **terms, evidence=[("bukti.pdf", PDF)]
            )
            if quarter >= 2:
                actual = workflow.submit_actual(actor=kasi, actual=actual)
            if quarter == 3:
                workflow.verify_actual(actor=kabid, actual=actual)
    seed = Agency.objects.get(code="halut-diskominfo")
    prepare_year(actor=None, agency=seed, year=2022)  # every holder's SKP, the section head's rated by its superior
    return {
        "agency": ["halut-diskominfo", "luar-dinas"],
        "position": ["kasi-tata-kelola", "kabid-persandian", "kadis"],
        "kind": list(KINDS),
        "year": [2021, 2022, 2023, 2026],
        "indicator": [*list(page.values_list("pk", flat=True)), Indicator.objects.order_by("pk").last().pk],
        "actual": list(Actual.objects.values_list("pk", flat=True)),
        "id": sorted(
            {
                *Actual.objects.values_list("pk", flat=True),
                *Target.objects.values_list("pk", flat=True),
                *Evidence.objects.values_list("pk", flat=True),
                *seed.positions.values_list("pk", flat=True)[:3],
                *seed.units.values_list("pk", flat=True)[:2],
                *Official.objects.values_list("pk", flat=True)[:2],
                *Skp.objects.values_list("pk", flat=True),
            }
        ),
        "code": ["halut-diskominfo", "luar-dinas"],
    }


def _steer(schema: dict, known: dict[str, list]) -> dict:
    """A copy of the schema whose ids, codes and years can only be real ones: the fuzzer draws half of its valid
    requests from it (random ids alone would only ever meet 404)."""
    schema = copy.deepcopy(schema)

    def steered(name: str, original: dict) -> dict:
        return {"enum": known[name]} if name in known else original

    for path in schema["paths"].values():
        for operation in path.values():
            for parameter in operation.get("parameters", []):
                if "schema" in parameter:
                    parameter["schema"] = steered(parameter["name"], parameter["schema"])
    for component_name, component in schema["components"]["schemas"].items():
        if component_name.endswith("Request"):  # request bodies only (COMPONENT_SPLIT_REQUEST)
            for name in ("indicator", "year"):
                if name in component.get("properties", {}):
                    component["properties"][name] = steered(name, component["properties"][name])
    return schema


ANSWERS: Counter = Counter()


def _headers(username: str) -> dict[str, str]:
    """Read again for every call: POST /token/ replaces the caller's token, and the fuzzer calls it too."""
    return {"Authorization": f"Token {Token.objects.get_or_create(user=User.objects.get(username=username))[0].key}"}


def _fuzzer(strategy, examples: int, base_url: str, headers, explicit=()):
    @given(case=strategy)
    @hypothesis_settings(
        max_examples=examples,
        deadline=None,
        database=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    def fuzz(case):
        response = case.call(base_url=base_url, headers=headers(), timeout=60)
        ANSWERS[(f"{case.operation.method.upper()} {case.operation.path}", response.status_code)] += 1
        case.validate_response(response, checks=CHECKS)

    for case in explicit:
        fuzz = example(case=case)(fuzz)
    return fuzz


@pytest.mark.slow
def test_no_input_gives_a_server_error_or_an_answer_outside_the_schema(live_server, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    known = _world()
    started = time.monotonic()
    response = requests.get(f"{live_server.url}/api/v1/schema/?format=json", headers=_headers("perencana"), timeout=30)
    assert response.status_code == 200
    schema = schemathesis.openapi.from_dict(response.json())
    steered = schemathesis.openapi.from_dict(_steer(response.json(), known))

    failures, operations = [], 0
    for result in schema.get_all_operations():
        operation = result.ok()
        operations += 1
        label = f"{operation.method.upper()} {operation.path}"
        username = _fuzzer_of(operation.path)
        modes = [GenerationMode.POSITIVE]
        if operation.body or any(p.location == "query" for p in operation.iter_parameters()):
            modes.append(GenerationMode.NEGATIVE)
        for mode in modes:
            strategy = operation.as_strategy(generation_mode=mode)
            if mode == GenerationMode.POSITIVE:
                strategy = strategy | steered[operation.path][operation.method].as_strategy(generation_mode=mode)
            explicit = [operation.Case(**data) for data in EXPLICIT.get(label, [])] if mode == "positive" else []
            fuzz = _fuzzer(
                strategy, FEWER.get(label, EXAMPLES), live_server.url, lambda u=username: _headers(u), explicit
            )
            try:
                fuzz()
            except (Exception, BaseExceptionGroup) as error:  # every operation is fuzzed, all failures reported
                failures.append(f"{label} ({mode}): {type(error).__name__}: {str(error)[:1500]}")
    elapsed = time.monotonic() - started
    print(f"fuzzed {operations} operations, {sum(ANSWERS.values())} requests in {elapsed:.0f} s")
    for (label, code), count in sorted(ANSWERS.items()):
        print(f"  {label}: {code} × {count}")
    assert operations >= 30
    assert failures == [], "\n\n".join(failures)
