"""Invented but plausible action plans for 2022 — for a handful of IKU and IKI of the built-in agency, the actions of
each quarter with their output, person in charge and (when the plan has one under the indicator's programme) a
sub-activity, and the progress of each quarter — every row marked as example data.

Loaded and removed by the same commands as the example figures (`load_example_performance`,
`clear_example_performance`): `apps.ActionPlansConfig.ready` registers both with `performance.example_data`.
Written through the one door (`services.add_action`, `progress.record_progress`, the system as actor); an
indicator or a position the agency does not have is left out, so another agency gets only what fits.
"""

import random
from decimal import Decimal

from django.db import transaction
from django.db.models import Q

from kinerja.core import audit
from kinerja.core.actors import Actor
from kinerja.core.models import AuditRecord
from kinerja.organisation.models import Agency
from kinerja.strategy.models import SubActivity
from kinerja.strategy.selectors import find_current_plan

from . import progress, services
from .models import ActionItem, ActionProgress, ProgressEvidence

EXAMPLE_YEAR = 2022
NOTE_CLEARED = "Data contoh dihapus (clear_example_performance)."

# indicator → (programme of its budget, person in charge, the actions of quarters I–IV: text, quantity, unit)
PLANS: dict[str, tuple[str, str, list[tuple[str, str, str]]]] = {
    "IKU.2": (
        "2.16.03",
        "kabid-infra",
        [
            ("Pendataan desa yang belum terjangkau sinyal telekomunikasi seluler", "1", "laporan"),
            ("Koordinasi dengan operator seluler dan BAKTI untuk rencana pembangunan BTS", "2", "kegiatan"),
            ("Verifikasi lapangan desa yang mulai terakses jaringan seluler", "1", "laporan"),
            ("Penyusunan laporan cakupan jaringan seluler per desa", "1", "dokumen"),
        ],
    ),
    "IKU.3": (
        "2.16.03",
        "kasi-aplikasi",
        [
            ("Inventarisasi layanan publik perangkat daerah yang belum diselenggarakan secara daring", "1", "dokumen"),
            ("Pengembangan dan integrasi aplikasi layanan publik perangkat daerah", "2", "aplikasi"),
            ("Bimbingan teknis operator aplikasi layanan publik perangkat daerah", "1", "kegiatan"),
            ("Evaluasi pemanfaatan layanan publik daring dan terintegrasi", "1", "laporan"),
        ],
    ),
    "IKU.4": (
        "2.16.02",
        "kabid-opini",
        [
            ("Penyusunan rencana publikasi dan agenda informasi publik tahun berjalan", "1", "dokumen"),
            ("Diseminasi informasi kebijakan daerah melalui media sosial, radio dan media cetak", "60", "konten"),
            ("Pelaksanaan forum komunikasi publik bersama perangkat daerah", "2", "kegiatan"),
            ("Evaluasi penyebarluasan informasi dan komunikasi publik", "1", "laporan"),
        ],
    ),
    "IKU.5": (
        "2.21.02",
        "kabid-persandian",
        [
            ("Pemetaan kebutuhan layanan keamanan informasi perangkat daerah", "1", "dokumen"),
            ("Penilaian indeks keamanan informasi (KAMI) pada perangkat daerah", "8", "perangkat daerah"),
            ("Pemasangan sertifikat elektronik bagi pejabat perangkat daerah", "40", "sertifikat"),
            ("Penyusunan laporan layanan keamanan informasi", "1", "laporan"),
        ],
    ),
    "kasi-tata-kelola.O1.I1": (
        "2.21.02",
        "kasi-tata-kelola",
        [
            ("Penyusunan rancangan kebijakan tata kelola keamanan informasi", "1", "dokumen"),
            ("Rapat pembahasan rancangan kebijakan bersama Bagian Hukum", "2", "kegiatan"),
            ("Sosialisasi kebijakan tata kelola keamanan informasi", "1", "kegiatan"),
            ("Penetapan dan publikasi kebijakan tata kelola persandian", "1", "dokumen"),
        ],
    ),
    "kasi-aplikasi.O1.I1": (
        "2.16.03",
        "kasi-aplikasi",
        [
            ("Analisis kebutuhan aplikasi dan proses bisnis pemerintahan berbasis elektronik", "1", "dokumen"),
            ("Pengembangan aplikasi tata naskah dinas elektronik", "1", "aplikasi"),
            ("Uji coba aplikasi bersama perangkat daerah pengguna", "1", "kegiatan"),
            ("Penyusunan manual pengguna dan serah terima aplikasi", "1", "dokumen"),
        ],
    ),
    "kasi-opini.O1.I1": (
        "2.16.02",
        "kasi-opini",
        [
            ("Monitoring opini dan aspirasi publik di media daring", "3", "laporan"),
            ("Monitoring opini dan aspirasi publik di media sosial dan kanal pengaduan", "3", "laporan"),
            ("Monitoring opini dan aspirasi publik di media daring", "3", "laporan"),
            ("Penyusunan rekapitulasi tahunan opini dan aspirasi publik", "1", "dokumen"),
        ],
    ),
    "kasubag-perencanaan.O1.I1": (
        "2.16.01",
        "kasubag-perencanaan",
        [
            ("Penyusunan Rencana Kerja (Renja) perangkat daerah", "1", "dokumen"),
            ("Penyusunan Perjanjian Kinerja dan Rencana Aksi", "1", "dokumen"),
            ("Penyusunan laporan kinerja triwulanan", "2", "laporan"),
            ("Penyusunan rancangan LKjIP perangkat daerah", "1", "dokumen"),
        ],
    ),
}
# how far an action of a quarter was carried out, drawn per action: mostly done
OUTCOMES = (
    ("done", "Terlaksana sesuai jadwal."),
    ("done", "Terlaksana; dokumentasi ada di sub bagian terkait."),
    ("done", "Terlaksana sesuai jadwal."),
    ("partly", "Sebagian terlaksana; sisanya dilanjutkan pada triwulan berikutnya."),
    ("not_done", "Tidak terlaksana karena penyesuaian anggaran; dijadwalkan ulang."),
)


def _sub_activities(plan) -> dict[str, SubActivity]:
    """The first sub-activity of each programme of the plan, by the programme's code (1 query)."""
    first: dict[str, SubActivity] = {}
    rows = SubActivity.objects.filter(activity__programme__plan=plan).select_related("activity__programme")
    for sub in rows.order_by("activity__order", "activity__code", "order", "code"):
        first.setdefault(sub.activity.programme.code, sub)
    return first


@transaction.atomic
def load_example_actions(*, actor: Actor, agency: Agency) -> int:
    """The example action plans of 2022 with each action's progress; returns how many actions were added."""
    plan = find_current_plan(agency)
    if plan is None or EXAMPLE_YEAR not in plan.years:
        return 0
    indicators = {i.code: i for i in plan.indicators.select_related("plan__agency").filter(code__in=PLANS)}
    positions = {p.code: p for p in agency.positions.all()}
    budget = _sub_activities(plan)
    added = 0
    for code, (programme, person, quarters) in PLANS.items():
        indicator = indicators.get(code)
        if indicator is None:
            continue
        rng = random.Random(f"{agency.code}:{code}:actions")  # noqa: S311 (example figures, not secrets)
        for quarter, (description, quantity, unit) in enumerate(quarters, start=1):
            item = services.add_action(
                actor=actor,
                indicator=indicator,
                year=EXAMPLE_YEAR,
                quarter=quarter,
                description=description,
                output_quantity=Decimal(quantity),
                output_unit=unit,
                responsible_position=positions.get(person),
                sub_activity=budget.get(programme),
                is_example=True,
            )
            outcome, note = rng.choice(OUTCOMES)
            progress.record_progress(actor=actor, action=item, outcome=outcome, note=note, is_example=True)
            added += 1
    return added


def _removed(actor: Actor, agency: Agency, items: list, describe) -> None:
    AuditRecord.objects.bulk_create(
        [
            audit.build(
                actor=actor,
                action=AuditRecord.Action.DELETED,
                obj=item,
                before=audit.snapshot(item),
                after=None,
                agency=agency,
                about=describe(item),
                note=NOTE_CLEARED,
            )
            for item in items
        ],
        batch_size=500,
    )


@transaction.atomic
def clear_example_actions(*, actor: Actor, agency: Agency) -> int:
    """Remove the example actions and the example progress, with whatever progress and evidence hangs on an example
    action; every removal is in the audit trail with the values removed. Returns how many rows were removed."""
    progresses = list(
        ActionProgress.objects.filter(
            Q(is_example=True) | Q(action__is_example=True), action__indicator__plan__agency=agency
        ).select_related("action__indicator")
    )
    evidence = list(
        ProgressEvidence.objects.filter(progress__in=progresses).select_related("progress__action__indicator")
    )
    _removed(actor, agency, evidence, lambda e: e.progress.action.indicator)
    for item in evidence:
        item.file.delete(save=False)
    removed = ProgressEvidence.objects.filter(pk__in=[e.pk for e in evidence]).delete()[0]
    _removed(actor, agency, progresses, lambda p: p.action.indicator)
    removed += ActionProgress.objects.filter(pk__in=[p.pk for p in progresses]).delete()[0]
    items = list(ActionItem.objects.filter(indicator__plan__agency=agency, is_example=True).select_related("indicator"))
    _removed(actor, agency, items, lambda i: i.indicator)
    removed += ActionItem.objects.filter(pk__in=[i.pk for i in items]).delete()[0]
    return removed
