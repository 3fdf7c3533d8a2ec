"""Every finding of the consistency check pinned, whole and in order: on the built-in decree, and on the small agency
of `test_consistency.py` broken once per check. The pinned list (`consistency_findings.json`) was written by the
check before its re-cut into a package of checks, so a re-cut that changes a finding, a place or the order fails here.

When a change of the findings is meant (a new check, a new wording), rewrite the list and review its diff:
`KINERJA_WRITE_PINNED=1 .venv/bin/pytest -q kinerja/performance/tests/test_consistency_pinned.py`.
"""

import json
import os
from pathlib import Path

import pytest
from django.db import transaction

from kinerja.performance.consistency import Finding, check_agency
from kinerja.performance.tests.test_consistency import BREAKS, Small

PINNED = Path(__file__).with_name("consistency_findings.json")
WRITE = os.environ.get("KINERJA_WRITE_PINNED") == "1"


def as_data(findings: list[Finding]) -> list[dict]:
    return [
        {
            "check": finding.check,
            "code": finding.code,
            "level": finding.level,
            "message": finding.message,
            "fix": finding.fix,
            "places": [[place.label, place.text, place.url, place.for_planner] for place in finding.places],
        }
        for finding in findings
    ]


def pinned(key: str, found: object) -> object:
    """The pinned value of `key`; with KINERJA_WRITE_PINNED=1, `found` is written in its place."""
    data = json.loads(PINNED.read_text(encoding="utf-8")) if PINNED.exists() else {}
    if WRITE:
        data[key] = found
        PINNED.write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return data[key]


def test_the_seed_findings_are_the_pinned_ones_in_order(seed):
    findings = as_data(check_agency(seed).findings)
    # the plan 62, the decree's citations, structure and names 36, duties and functions 20, misspelt words 58,
    # repeated words 4, marks 12
    assert len(findings) == 192
    expected = pinned("seed", findings)
    assert [(f["code"], f["level"]) for f in findings] == [(f["code"], f["level"]) for f in expected]
    for mine, theirs in zip(findings, expected, strict=True):
        assert mine == theirs


def test_each_break_of_the_small_agency_finds_the_pinned_findings(db):
    found: dict[str, list[dict]] = {}
    for code, (breaking, _level) in BREAKS.items():
        with transaction.atomic():
            small = Small()
            breaking(small)
            found[code] = as_data(small.report().findings)
            transaction.set_rollback(True)
    assert all(found.values())
    expected = pinned("breaks", found)
    assert sorted(found) == sorted(expected)
    for code in BREAKS:
        assert found[code] == expected[code], code


@pytest.mark.skipif(not PINNED.exists(), reason="nothing pinned yet")
def test_the_pinned_list_is_not_being_rewritten():
    """A run with KINERJA_WRITE_PINNED=1 passes whatever it finds: never leave it set."""
    assert not WRITE
