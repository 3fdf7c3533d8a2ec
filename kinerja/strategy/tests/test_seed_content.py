"""The built-in agency carries the whole 2022 decree of Diskominfo dan Persandian Halmahera Utara."""

from collections import Counter

from kinerja.organisation.models import Position, Unit
from kinerja.strategy.models import Decree, Indicator, KeyIndicatorRow, Objective, PageIndicator, Programme

# Indicator rows per IKI page, counted from Lampiran II of the seed.
ROWS_PER_PAGE = {
    "kadis": 5,
    "sekretaris": 1,
    "kasubag-perencanaan": 7,
    "kasubag-keuangan": 6,
    "kasubag-umum": 19,
    "kabid-opini": 1,
    "kasi-opini": 3,
    "kasi-kompub": 4,
    "kasi-media": 6,
    "kabid-infra": 2,
    "kasi-datacenter": 4,
    "kasi-aplikasi": 3,
    "kasi-keamanan": 4,
    "kabid-persandian": 1,
    "kasi-tata-kelola": 1,
    "kasi-operasional": 2,
    "kasi-pengawasan": 2,
}
# Performance objectives (SASARAN KINERJA) per page.
OBJECTIVES_PER_PAGE = {
    "kadis": 3,
    "sekretaris": 1,
    "kasubag-perencanaan": 1,
    "kasubag-keuangan": 1,
    "kasubag-umum": 2,
    "kabid-opini": 1,
    "kasi-opini": 3,
    "kasi-kompub": 4,
    "kasi-media": 6,
    "kabid-infra": 1,
    "kasi-datacenter": 4,
    "kasi-aplikasi": 3,
    "kasi-keamanan": 4,
    "kabid-persandian": 1,
    "kasi-tata-kelola": 1,
    "kasi-operasional": 2,
    "kasi-pengawasan": 2,
}


def test_seed_has_every_unit_and_position_of_the_decree(seed):
    assert Unit.objects.filter(agency=seed).count() == 17
    kinds = Counter(Unit.objects.filter(agency=seed).values_list("kind", flat=True))
    assert kinds == {"dinas": 1, "sekretariat": 1, "sub_bagian": 3, "bidang": 3, "seksi": 9}
    assert Position.objects.filter(agency=seed).count() == 17
    head = Position.objects.get(agency=seed, code="kadis")
    assert head.superior is None
    assert Position.objects.filter(agency=seed, superior__isnull=True).count() == 1


def test_every_position_has_its_duty_and_functions(seed):
    for position in Position.objects.filter(agency=seed).prefetch_related("functions"):
        assert position.duty, position.code
        assert position.functions.count() >= 3, position.code
    assert Position.objects.get(agency=seed, code="kadis").functions.count() == 12
    assert Position.objects.get(agency=seed, code="sekretaris").functions.count() == 12


def test_seed_has_the_plan_goal_objectives_indicators_and_programmes(seed):
    plan = seed.plans.get()
    assert (plan.first_year, plan.last_year) == (2021, 2026)
    assert plan.goals.count() == 1
    assert plan.objectives.filter(level=Objective.Level.STRATEGIC).count() == 3
    assert Indicator.objects.filter(plan=plan, objective__isnull=False).count() == 5
    assert KeyIndicatorRow.objects.filter(plan=plan).count() == 3
    assert Programme.objects.filter(plan=plan).count() == 4


def test_seed_has_all_iki_pages_with_their_objectives_and_rows(seed):
    rows = Counter(PageIndicator.objects.filter(position__agency=seed).values_list("position__code", flat=True))
    assert dict(rows) == ROWS_PER_PAGE
    assert sum(rows.values()) == 71
    objectives = Counter(Objective.objects.filter(position__agency=seed).values_list("position__code", flat=True))
    assert dict(objectives) == OBJECTIVES_PER_PAGE
    assert sum(objectives.values()) == 40


def test_seed_keeps_the_printed_wording(seed):
    plan = seed.plans.get()
    assert plan.goals.get().text.startswith("Meningkatkan Pemerataan Akses Infrastruktur TIK Berkualitas")
    assert Indicator.objects.get(plan=plan, code="IKU.2").numerator == (
        "Jumlah Desa terakses jaringan Telekomunikasi Seluler"
    )
    assert Indicator.objects.get(plan=plan, code="IKU.2").denominator == "Jumlah Desa"
    head_page = PageIndicator.objects.filter(position__code="kadis").select_related("indicator")
    assert [row.name for row in head_page][:2] == [
        "Nilai Akuntabilitas kinerja Dinas Komunikasi, Informatika dan Persandian Kab. Halut (SAKIP)",
        "Persentase Desa yang terakses jaringan telekomunikasi seluler",
    ]
    umum = Position.objects.get(agency=seed, code="kasubag-umum")
    assert umum.heading == "KEPALA SUB UMUM DAN KEPEGAWAIAN"
    labels = [function.label for function in umum.functions.all()][:3]
    assert labels == ["1", "1", "2"]  # the page numbers its first two functions "1)."


def test_seed_decree_record(seed):
    decree = Decree.objects.get(plan__agency=seed)
    assert decree.number == "800/ 7.a /2022"
    assert decree.date.isoformat() == "2022-02-14"
    assert decree.place == "Tobelo"
    assert decree.signatory.code == "kadis"
    assert decree.clauses.filter(kind="consideration").count() == 3
    assert decree.clauses.filter(kind="legal_basis").count() == 6
    assert list(decree.clauses.filter(kind="dictum").values_list("number", flat=True)) == [
        "KESATU",
        "KEDUA",
        "KETIGA",
        "KEEMPAT",
    ]
    assert decree.chapters.count() == 5
