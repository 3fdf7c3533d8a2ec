"""THE table of what is measured: every page, API list, print and workbook exchange, by URL name.

One place for `make bench` (bench/run.py), the load run's pages and the query budgets of the tests
(tests/test_query_budgets.py). A URL name that does not resolve on this checkout (its app is not merged yet, or
it is named otherwise) is reported as "belum ada" (not measured) instead of failing; once it exists, it is
measured and its query count checked with nothing else to change. To add a page: one `Entry` line below.

`args` lists candidate argument lists, tried in order until one reverses (names of pages not written yet are
guesses; the first candidate that matches wins). Placeholders in them are filled from the subject:
  {agency} the agency's code, {region} its region's code, {position} an official's position with an IKI page
  (kasi-1-1), {head} the head of agency's position (kadis), {indicator} a key indicator (IKU.1), {year} 2026.
`as_user` says who asks: head (head of agency), official (holder of {position}), planner (admin perencanaan),
inspector (inspectorate of the region), admin (superuser).
`budget` is the most queries the page may cost (with the 5 every logged-in request costs); None: the tests
check only that a small and a big agency cost the same. `known_per_row` names a known per-row cost (reported by
the tests, not failed): remove it when fixed.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Entry:
    name: str
    label: str
    args: tuple[tuple[str, ...], ...] = (("{agency}",),)
    query: str = "tahun={year}"
    as_user: str = "head"
    budget: int | None = None
    kind: str = "page"  # page | api | print | export | import
    main: bool = True  # one of the main pages the issue names (reported first)
    notes: str = ""
    extra: dict = field(default_factory=dict)
    # A page known to cost queries per row, and why: the tests report it instead of failing (fix, then remove)
    known_per_row: str = ""


AGENCY = (("{agency}",),)
TABLE: tuple[Entry, ...] = (
    # -- pages on main today ----------------------------------------------------------------------------------
    Entry("home", "Beranda (daftar instansi)", ((),), query="", as_user="inspector", budget=5, main=False),
    Entry("agency-overview", "Ringkasan instansi", budget=22),
    Entry("organisation-tree", "Struktur organisasi", budget=11),
    Entry("plan-detail", "Renstra", budget=22),  # +1: the agency's figure (its IKI page rows), issue 16
    Entry("position-page", "Halaman IKI jabatan", (("{agency}", "{position}"),), budget=18),
    Entry("indicator-detail", "Halaman indikator", (("{agency}", "{indicator}"),), budget=15),
    Entry(
        "entry-page",
        "Pengisian realisasi",
        (("{agency}", "{position}"),),
        query="tahun={year}&triwulan=3",
        as_user="official",
        budget=19,
    ),  # +1: is the quarter closed (banner, read-only rows)
    # +3: targets, actuals, evidence of the items; +1: the IKI page each waiting item is verified on (issue 17);
    # +2: the plan and the action plan's progress waiting for the verifier (issue 21)
    Entry("verification", "Verifikasi", budget=17, main=False),
    # +2: the quarters' counts (the indicators on the plan's pages, their actuals of the year), issue 17;
    # +1 for the planner's menu, which shows Target and Periode once the agency has a plan, +1 the year the page
    # opens on (issue 18)
    Entry("periods", "Periode", as_user="planner", budget=12, main=False),
    Entry(
        "period-rows",
        "Periode: indikator per keadaan",
        (("{agency}", "{year}", "3", "belum-terverifikasi"),),
        query="",
        as_user="planner",
        budget=11,
        main=False,
    ),
    # the target pages: +1 for the closed periods, whose cells are shown read-only (issue 15); +1 the planner's menu;
    # the agency's grid +3 for the positions and units of its filters and the positions carrying each indicator,
    # the position's page +1 for the year it opens on (issue 18)
    Entry("agency-targets", "Target (seluruh instansi)", as_user="planner", budget=15, main=False),
    Entry(
        "position-targets", "Target jabatan", (("{agency}", "{position}"),), as_user="planner", budget=16, main=False
    ),
    Entry("agency-history", "Riwayat instansi", query="", budget=13, main=False),
    # the people page (issue 18): the planner's menu (1), the agency, its people and their assignments (2)
    Entry("people", "Pegawai & akun", query="", as_user="planner", budget=9, main=False),
    Entry(
        "position-holders", "Riwayat pemegang jabatan", (("{agency}", "{position}"),), query="", budget=10, main=False
    ),
    Entry("indicator-history", "Riwayat indikator", (("{agency}", "{indicator}"),), query="", budget=12, main=False),
    Entry(
        "documents",
        "Halaman dokumen",
        budget=93,
        main=False,
        notes="+1: the person's background jobs (kinerja.jobs); "
        "builds every document (six since the LKE) to list what is missing in each; +7: the consistency "
        'check, whose errors count against each document\'s "Lengkap" (issue 16); +1: the evaluation '
        "reads every IKI page row of the plan for its objective and agency figures (issue 16); +7: the check "
        "reads the decree's texts, once for all its families (issue 20: citations, structure, names, duties and "
        "functions, spelling); +5: the action plan, one more document (issue 21); +1: the changes since the "
        "decree was enacted (issue 18, item 3); +1: the SKP family of the consistency check (issue 21)",
    ),
    # -- the dashboard issue and the consistency check -----------------------------------------------------------
    Entry("dashboard", "Dasbor instansi", query="tahun={year}&triwulan=2", budget=15),
    Entry("performance-tree", "Pohon kinerja", query="tahun={year}&triwulan=2", budget=16),
    Entry(
        "region-view",
        "Kabupaten (semua instansi)",
        (("{region}",),),
        query="tahun={year}&triwulan=2",
        as_user="inspector",
        budget=13,  # issue 22: from the roll-ups (agencies, shared names) and their freshness, no figure read
    ),
    # the province view (issue 22): every regency of the province from the roll-ups
    Entry(
        "province-view",
        "Provinsi (semua kabupaten/kota)",
        (("{province}",),),
        query="tahun={year}&triwulan=2",
        as_user="inspector",
        budget=9,
    ),
    # the national view (issue 22): every province from the region roll-ups, for the administrator (no ministry role)
    Entry(
        "national-view",
        "Nasional (semua provinsi)",
        ((),),
        query="tahun={year}&triwulan=2",
        as_user="admin",
        budget=9,
    ),
    # +7 since issue 20: the decree's texts, read once for every family (the decree, its clauses and chapters,
    # units, functions, goals); +1 since issue 21: the SKP family's work results
    Entry("consistency-check", "Pemeriksaan konsistensi", budget=23, main=False),
    # issue 21: the SKP of the year (kinerja/skp/selectors.py) and the distribution (the plan's figures, 4 queries)
    Entry("skp-list", "SKP", budget=13, main=False),
    Entry("skp-distribution", "Distribusi predikat SKP", budget=17, main=False),
    # -- API lists (kinerja/api, under api/v1/, DRF router names `api-<basename>-list`; paginated) ---------------
    Entry("api-agency-list", "API: instansi", ((),), query="", as_user="inspector", kind="api", budget=6),
    Entry("api-indicator-list", "API: indikator", ((),), query="agency={agency}", kind="api", budget=7),
    Entry("api-target-list", "API: target", ((),), query="agency={agency}&year={year}", kind="api", budget=7),
    Entry("api-actual-list", "API: realisasi", ((),), query="agency={agency}&year={year}", kind="api", budget=8),
    Entry("api-position-list", "API: jabatan", ((),), query="agency={agency}", kind="api", budget=9, main=False),
    Entry("api-iki-page-list", "API: halaman IKI", ((),), query="agency={agency}", kind="api", budget=10, main=False),
    Entry(
        "api-achievement-page-list",
        "API: capaian per halaman IKI",
        ((),),
        query="agency={agency}",
        kind="api",
        budget=12,
    ),
    Entry(
        "api-achievement-agency-list", "API: capaian instansi", ((),), query="agency={agency}", kind="api", budget=12
    ),
    # -- printing (DOCX: PDF adds WeasyPrint's own time, measured by `make bench-print`) -------------------------
    Entry(
        "document-download",
        "Cetak keputusan IKU/IKI (docx)",
        (("{agency}", "keputusan-iku-iki", "docx"),),
        kind="print",
        budget=18,
    ),
    Entry(
        "document-download",
        "Cetak perjanjian kinerja, semua jabatan (docx)",
        (("{agency}", "perjanjian-kinerja", "docx"),),
        kind="print",
        budget=21,
    ),
    # -- workbook exchange (kinerja/exchange/workbook/) ------------------------------------------------------------
    # +1: the action plan (sheet Rencana Aksi, issue 21); +1: the example SKP's people left out (skp.ExampleRecord)
    Entry("exchange-export", "Ekspor buku kerja (xlsx)", query="", as_user="planner", kind="export", budget=33),
    # the import as a planner does it: upload the exported workbook, open the preview, confirm (three requests)
    Entry(
        "exchange-upload",
        "Impor buku kerja (unggah, pratinjau, impor)",
        query="",
        as_user="planner",
        kind="import",
        extra={"export": "exchange-export", "field": "berkas", "confirm": "impor/"},
        budget=99,
    ),  # an unchanged load: every table read once, nothing written (NOTES-loader.md); +4 since the
    # import asks who may change what (issue 15): the region's officials, their positions elsewhere, the grants;
    # +1 for the planner's menu (issue 18); +14 since issue 20: the preview runs the consistency check on the
    # agency as the file leaves it; +1 since issue 21: the check's SKP family
    # -- SAKIP evaluation -----------------------------------------------------------------------------------------
    Entry("evaluation-index", "Evaluasi SAKIP (instansi)", query="", budget=9, main=False),
    Entry(
        "evaluation-region",
        "Evaluasi SAKIP (wilayah)",
        (("{region}", "{year}"),),
        query="",
        as_user="inspector",
        budget=7,
        main=False,
    ),
)


@dataclass(frozen=True)
class Subject:
    agency: str
    region: str
    position: str = "kasi-1-1"
    province: str = "provinsi-sintetis"  # the generator's province, "Provinsi Sintetis"
    head: str = "kadis"
    indicator: str = "IKU.1"
    year: int = 2026

    def fill(self, text: str) -> str:
        return text.format(
            agency=self.agency,
            region=self.region,
            province=self.province,
            position=self.position,
            head=self.head,
            indicator=self.indicator,
            year=self.year,
        )


def resolve(entry: Entry, subject: Subject) -> str | None:
    """The URL of `entry` for `subject`; None when its name does not exist here (yet)."""
    from django.urls import NoReverseMatch, reverse

    for candidate in entry.args:
        try:
            url = reverse(entry.name, args=[subject.fill(arg) for arg in candidate])
        except NoReverseMatch:
            continue
        query = subject.fill(entry.query)
        return f"{url}?{query}" if query else url
    return None


def usernames(subject: Subject) -> dict[str, str]:
    """Who asks, by `as_user`: the generator's user names (kinerja.synthetic.people)."""
    return {
        "head": f"{subject.agency}.{subject.head}",
        "official": f"{subject.agency}.{subject.position}",
        "planner": f"{subject.agency}.perencana",
        "inspector": f"{subject.region}.inspektorat",
    }
