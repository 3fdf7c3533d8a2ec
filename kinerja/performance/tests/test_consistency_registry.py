"""The registry of the consistency check: which checks run, in which order, and what each may report."""

from collections import defaultdict

import pytest

from kinerja.performance.consistency import (
    FAMILIES,
    check,
    check_agency,
    code_families,
    load_plan_data,
    registered_checks,
    run_checks,
)
from kinerja.performance.tests.test_consistency import BREAKS
from kinerja.strategy.selectors import find_current_plan

# The order the checks ran in when they were one module (run_checks' own list): the order of the findings.
ORDER = [
    ("keterkaitan", "check_cascade"),
    ("iku", "check_strategic_objectives"),
    ("iku", "check_responsible"),
    ("iku", "check_printed_responsible"),
    ("lampiran-i", "check_appendix_one"),
    ("tulisan-indikator", "check_printed_wording"),
    ("nama-indikator", "check_shared_names"),
    ("satuan-rumus", "check_formula_and_unit"),
    ("sumber-data", "check_data_source"),
    ("halaman", "check_pages"),
    ("target-triwulan", "check_quarter_targets"),
    ("sitasi", "check_citations_agree"),
    ("sitasi", "check_citation_form"),
    ("sitasi", "check_national_regulations"),
    ("struktur-keputusan", "check_dictum_references"),
    ("struktur-keputusan", "check_periods"),
    ("struktur-keputusan", "check_subject_and_considerations"),
    ("struktur-keputusan", "check_decree_form"),
    ("nama-unit", "check_unit_names"),
    ("nama-unit", "check_own_names"),
    ("tugas-fungsi", "check_numbering"),
    ("tugas-fungsi", "check_cut_functions"),
    ("tugas-fungsi", "check_repeated_functions"),
    ("ejaan", "check_spelling"),
    ("ejaan", "check_repeated_words"),
    ("ejaan", "check_punctuation_spacing"),
    ("skp", "check_work_results"),  # registered by kinerja.skp (the app above performance that reads the SKP)
]
# Codes of the SKP family, made to fire on the seed with SKP in kinerja/skp/tests/test_consistency.py
SKP_CODES = {"rhk-tanpa-gantungan", "sasaran-tanpa-rhk"}


def test_the_checks_run_family_by_family_in_the_reports_order():
    assert [(registered.family, registered.name) for registered in registered_checks()] == ORDER
    families = [registered.family for registered in registered_checks()]
    assert families == sorted(families, key=list(FAMILIES).index)


def test_every_code_a_check_may_report_has_a_test_that_makes_it_fire():
    """BREAKS fires each code on the small agency; the incomplete ratio is built in memory (the database refuses
    it): see test_consistency.py; the SKP family's codes fire in kinerja/skp/tests/test_consistency.py."""
    assert set(code_families()) == set(BREAKS) | {"rasio-tidak-lengkap"} | SKP_CODES


def test_each_finding_of_the_seed_is_reported_under_its_checks_family(seed):
    families = code_families()
    findings = check_agency(seed).findings
    assert findings
    for finding in findings:
        assert families[finding.code] == finding.check, finding.code


@pytest.mark.parametrize(
    ("family", "codes", "refused"),
    [
        ("no-such-family", ("kode-baru",), "unknown family"),
        ("halaman", (), "names the codes"),
        ("halaman", ("halaman-kosong",), "one check only"),  # pages.check_pages reports it
        ("halaman", ("kode-baru", "kode-baru"), "one check only"),
    ],
)
def test_a_check_is_refused_with_an_unknown_family_or_a_code_already_taken(family, codes, refused):
    before = registered_checks()
    with pytest.raises(ValueError, match=refused):
        check(family=family, codes=codes)(lambda data: [])
    assert registered_checks() == before


def test_the_checks_read_the_context_and_change_nothing_in_it(seed):
    """Every check gets the same PlanData: one that changed it would change the findings of the checks after it."""
    data = load_plan_data(seed, find_current_plan(seed))
    maps = ("rows_of_indicator", "rows_of_position", "rows_of_objective", "key_rows_of_indicator")
    before = {name: {key: list(rows) for key, rows in getattr(data, name).items()} for name in maps}
    first = run_checks(data)
    assert first and run_checks(data) == first
    for name in maps:
        assert getattr(data, name) == before[name], name
    assert not isinstance(data.rows_of_indicator, defaultdict)  # a look-up adds no key
