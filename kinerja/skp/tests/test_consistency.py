"""The "skp" family of the consistency check: a work result hanging on nothing, an objective no one works on."""

from kinerja.performance.consistency import check_agency
from kinerja.skp import services
from kinerja.strategy.models import Objective

from .helpers import YEAR, section_skp, staff_member, staff_skp


def skp_findings(agency, year=None):
    return [finding for finding in check_agency(agency, year=year).findings if finding.check == "skp"]


def test_an_agency_without_skp_gets_no_skp_finding(seed):
    assert skp_findings(seed) == []


def test_the_strategic_objectives_no_work_result_reaches_are_named(world, seed):
    skp = section_skp(world)
    findings = skp_findings(seed, YEAR)
    reached = {item.page_row.objective.contributes_to for item in skp.results.select_related("page_row__objective")}
    assert all(f.code == "sasaran-tanpa-rhk" for f in findings)
    strategic = Objective.objects.filter(plan__agency=seed, level="strategic")
    named = {f.places[0].text.split(" — ")[0] for f in findings}
    assert named and named == {o.code for o in strategic} - {o.code for o in _strategic_of(reached)}
    assert "Tidak ada rencana hasil kerja SKP 2022" in findings[0].message


def _strategic_of(objectives):
    found = set()
    for objective in objectives:
        while objective is not None and objective.level != "strategic":
            objective = objective.contributes_to
        if objective is not None:
            found.add(objective)
    return found


def test_a_work_result_whose_chain_breaks_is_an_error_naming_the_skp(world, seed):
    staff, user = staff_member(world)
    own = section_skp(world)
    parent = own.results.select_related("page_row__objective").first()
    skp = staff_skp(world, staff, user)
    services.add_staff_result(actor=world.section_head, skp=skp, parent=parent, text="Menyusun SOP")
    assert not [f for f in skp_findings(seed, YEAR) if f.code == "rhk-tanpa-gantungan"]
    Objective.objects.filter(pk=parent.page_row.objective_id).update(contributes_to=None)
    broken = [f for f in skp_findings(seed, YEAR) if f.code == "rhk-tanpa-gantungan"]
    assert {f.level for f in broken} == {"error"}
    texts = " ".join(f.message for f in broken)
    assert "“Menyusun SOP” milik Staf Uji, A.Md (SKP 2022) tidak sampai ke sasaran strategis" in texts
    assert f"/skp/{skp.pk}/" in " ".join(place.url for f in broken for place in f.places)
