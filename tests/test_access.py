"""Every URL of the URL configuration, asked by every role, answers as this table says.

A URL name missing from the table fails the test: a new page must say who may open it. An object outside a
user's reach answers 404 (as if it did not exist), never 403.
"""

from decimal import Decimal

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from kinerja.accounts.access import (
    agency_or_404,
    may_enter_actuals,
    may_evaluate,
    may_plan,
    may_verify,
    reach_of,
    readable_agencies,
)
from kinerja.accounts.models import RoleGrant, User
from kinerja.performance.services import record_actual
from kinerja.strategy.models import Indicator

ROLES = (
    "anonymous",
    "outsider",
    "section_head",
    "division_head",
    "secretary",
    "head_of_agency",
    "planner",
    "inspector",
    "bappeda",
    "ministry",
    "admin",
)
SEED = "halut-diskominfo"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def answers(default: int, anonymous: int = 302, outsider: int = 404, **others: int) -> dict[str, int]:
    table = {role: default for role in ROLES}
    table.update(anonymous=anonymous, outsider=outsider, **others)
    if "ministry" not in others:  # the ministry reads every region as Bappeda reads its own, and writes nothing
        table["ministry"] = table["bappeda"]
    return table


READ = answers(200)
NOBODY_BUT = dict.fromkeys(ROLES[1:], 404)
# --- api ---
API_LIST = answers(200, anonymous=401, outsider=200)
API_READ = answers(200, anonymous=401)
API_POST = answers(405, anonymous=401, outsider=405)


def api_ids(ids: dict) -> dict:
    """Objects of the built-in agency the API rows of the table name by id (a target made when missing)."""
    from kinerja.organisation.models import Official, Position, Unit
    from kinerja.performance.models import Target
    from kinerja.strategy.models import Objective, StrategicPlan

    if "api" not in ids:
        indicator = Indicator.objects.get(plan__agency__code=SEED, code="IKU.5")
        target, _ = Target.objects.get_or_create(
            indicator=indicator, kind="year", year=2022, quarter=0, defaults={"value": Decimal(50)}
        )
        ids["api"] = {
            "unit": Unit.objects.get(agency__code=SEED, code="dinas").pk,
            "position": Position.objects.get(agency__code=SEED, code="kasi-tata-kelola").pk,
            "official": Official.objects.get(nip="196507201991121001").pk,
            "plan": StrategicPlan.objects.get(agency__code=SEED).pk,
            "objective": Objective.objects.filter(plan__agency__code=SEED).first().pk,
            "indicator": indicator.pk,
            "target": target.pk,
        }
    return ids["api"]


def skp_ids(ids: dict) -> dict:
    """The section head's SKP 2022 (prepared by the system when missing), its first work result and indicator."""
    from kinerja.organisation.models import Official, Position
    from kinerja.skp.models import Skp
    from kinerja.skp.services import prepare_skp

    if "skp" not in ids:
        official = Official.objects.get(user__username="kasi")
        skp = Skp.objects.filter(official=official, year=2022).first() or prepare_skp(
            actor=None,
            position=Position.objects.get(agency__code=SEED, code="kasi-tata-kelola"),
            official=official,
            year=2022,
        )
        result = skp.results.order_by("order").first()
        ids.update(skp=skp.pk, rhk=result.pk, rhk_indicator=result.indicators.first().pk)
    return ids


def action_id(ids: dict) -> int:
    """An action of the section head's indicator in 2022, written by the system (made when missing)."""
    from kinerja.actionplans.models import ActionItem
    from kinerja.actionplans.services import add_action
    from kinerja.organisation.models import Position

    if "action" not in ids:
        item = ActionItem.objects.filter(indicator__code="kasi-tata-kelola.O1.I1").first() or add_action(
            actor=None,
            indicator=Indicator.objects.select_related("plan__agency").get(
                plan__agency__code=SEED, code="kasi-tata-kelola.O1.I1"
            ),
            year=2022,
            quarter=1,
            description="Menyusun rancangan kebijakan",
            output_quantity=Decimal(1),
            output_unit="dokumen",
            responsible_position=Position.objects.get(agency__code=SEED, code="kasi-tata-kelola"),
        )
        ids["action"] = item.pk
    return ids["action"]


def job_id(ids: dict) -> str:
    """A workbook the planner prepared in the background (done, its file in this test's storage): the planner's
    own, nobody else's — the administrator's neither."""
    from django.conf import settings

    from kinerja.jobs.models import Job
    from kinerja.organisation.models import Agency

    if "job" not in ids:
        job = Job.objects.create(
            owner=User.objects.get(username="perencana"),
            agency=Agency.objects.get(code=SEED),
            kind="buku-kerja",
            fmt="xlsx",
            status="done",
            file=f"jobs/{SEED}/uji.xlsx",
            filename=f"{SEED}.xlsx",
        )
        (settings.MEDIA_ROOT / "jobs" / SEED).mkdir(parents=True, exist_ok=True)
        (settings.MEDIA_ROOT / job.file).write_bytes(b"PK-")
        ids["job"] = str(job.pk)
    return ids["job"]


def progress_evidence_id(ids: dict) -> int:
    """An evidence file of the progress of that action, entered by the system (made when missing)."""
    from kinerja.actionplans import progress
    from kinerja.actionplans.models import ActionItem

    if "progress-evidence" not in ids:
        action = ActionItem.objects.get(pk=action_id(ids))
        entered = progress.record_progress(actor=None, action=action, outcome="done")
        evidence = progress.add_progress_evidence(actor=None, progress=entered, name="bukti.pdf", content=PDF)
        ids["progress-evidence"] = evidence.pk
    return ids["progress-evidence"]


def person_id() -> int:
    """The section head of the built-in agency, an official on its people page."""
    from kinerja.organisation.models import Official

    return Official.objects.get(nip="198502022010012002").pk


def key_row_id() -> int:
    """The first row of the built-in agency's IKU table (Lampiran I)."""
    from kinerja.strategy.models import KeyIndicatorRow

    return KeyIndicatorRow.objects.filter(plan__agency__code=SEED).order_by("order").first().pk


# name → (how to build the URL, expected answer per role)
TABLE = {
    "home": (lambda ids: reverse("home"), answers(200, outsider=200)),
    "my-entry": (lambda ids: reverse("my-entry"), answers(302, outsider=302)),  # to their entry page, or home
    "login": (lambda ids: reverse("login"), answers(200, anonymous=200, outsider=200)),
    "logout": (lambda ids: reverse("logout"), answers(405, outsider=405)),
    "set_language": (lambda ids: reverse("set_language"), answers(302, anonymous=302, outsider=302)),
    "admin:index": (lambda ids: reverse("admin:index"), answers(302, outsider=302, admin=200)),
    "agency-overview": (lambda ids: reverse("agency-overview", args=[SEED]), READ),
    "organisation-tree": (lambda ids: reverse("organisation-tree", args=[SEED]), READ),
    # --- the organisation edited in place (organisation.editing): the agency's planner and the administrator ---
    "agency-edit": (lambda ids: reverse("agency-edit", args=[SEED]), answers(404, planner=200, admin=200)),
    "unit-edit": (lambda ids: reverse("unit-edit", args=[SEED, "seksi-opini"]), answers(404, planner=200, admin=200)),
    "position-edit": (
        lambda ids: reverse("position-edit", args=[SEED, "kasi-tata-kelola"]),
        answers(404, planner=200, admin=200),
    ),
    "plan-detail": (lambda ids: reverse("plan-detail", args=[SEED]), READ),
    "position-page": (lambda ids: reverse("position-page", args=[SEED, "kasi-tata-kelola"]), READ),
    "indicator-detail": (lambda ids: reverse("indicator-detail", args=[SEED, "IKU.5"]), READ),
    # the IKI page edited in place (strategy/page_views.py): the agency's planner and the administrator
    "position-page-edit": (
        lambda ids: reverse("position-page-edit", args=[SEED, "kasi-tata-kelola"]),
        answers(404, planner=200, admin=200),
    ),
    "programme-edit": (lambda ids: reverse("programme-edit", args=[SEED]), answers(404, planner=200, admin=200)),
    "entry-page": (lambda ids: reverse("entry-page", args=[SEED, "kasi-tata-kelola"]), answers(404, section_head=200)),
    # saving and previewing answer POST only; a GET is refused before anything else
    "entry-save": (
        lambda ids: reverse("entry-save", args=[SEED, "kasi-tata-kelola", ids["indicator"]]),
        answers(405, outsider=405),
    ),
    "entry-preview": (
        lambda ids: reverse("entry-preview", args=[SEED, "kasi-tata-kelola", ids["indicator"]]),
        answers(405, outsider=405),
    ),
    "entry-submit": (
        lambda ids: reverse("entry-submit", args=[SEED, "kasi-tata-kelola", ids["indicator"]]),
        answers(405, outsider=405),
    ),
    "verification": (lambda ids: reverse("verification", args=[SEED]), READ),
    "verification-decide": (
        lambda ids: reverse("verification-decide", args=[SEED, ids["actual"]]),
        answers(405, outsider=405),
    ),
    "verification-page": (
        lambda ids: reverse("verification-page", args=[SEED, "kasi-tata-kelola"]),
        answers(405, outsider=405),
    ),
    "periods": (lambda ids: reverse("periods", args=[SEED]), answers(404, planner=200, admin=200)),
    "period-rows": (
        lambda ids: reverse("period-rows", args=[SEED, 2022, 2, "belum-terverifikasi"]),
        answers(404, planner=200, admin=200),
    ),
    "indicator-history": (lambda ids: reverse("indicator-history", args=[SEED, "IKU.5"]), READ),
    "agency-history": (
        lambda ids: reverse("agency-history", args=[SEED]),
        answers(404, head_of_agency=200, planner=200, inspector=200, admin=200),
    ),
    "agency-targets": (lambda ids: reverse("agency-targets", args=[SEED]), answers(404, planner=200, admin=200)),
    "position-targets": (
        lambda ids: reverse("position-targets", args=[SEED, "kasi-tata-kelola"]),
        answers(404, planner=200, admin=200),
    ),
    "evidence-download": (lambda ids: reverse("evidence-download", args=[SEED, ids["evidence"]]), READ),
    "documents": (lambda ids: reverse("documents", args=[SEED]) + "?tahun=2022", READ),
    "decree-record": (
        lambda ids: reverse("decree-record", args=[SEED]) + "?tahun=2022",
        answers(404, planner=200, admin=200),
    ),
    "decree-enact": (lambda ids: reverse("decree-enact", args=[SEED]), answers(405, outsider=405)),
    "chapters": (
        lambda ids: reverse("chapters", args=[SEED]) + "?tahun=2022",
        answers(404, planner=200, admin=200),
    ),
    "chapter-edit": (
        lambda ids: reverse("chapter-edit", args=[SEED, "lkjip", "introduction"]) + "?tahun=2022",
        answers(404, planner=200, admin=200),
    ),
    "document-download": (
        lambda ids: reverse("document-download", args=[SEED, "keputusan-iku-iki", "docx"]) + "?tahun=2022",
        READ,
    ),
    # --- the strategic plan edited in place: the agency's planner and the administrator; deletes answer POST only ---
    "plan-edit": (lambda ids: reverse("plan-edit", args=[SEED]), answers(404, planner=200, admin=200)),
    "plan-goal-new": (lambda ids: reverse("plan-goal-new", args=[SEED]), answers(404, planner=200, admin=200)),
    "plan-goal-edit": (lambda ids: reverse("plan-goal-edit", args=[SEED, "T1"]), answers(404, planner=200, admin=200)),
    "plan-objective-new": (
        lambda ids: reverse("plan-objective-new", args=[SEED]),
        answers(404, planner=200, admin=200),
    ),
    "plan-objective-edit": (
        lambda ids: reverse("plan-objective-edit", args=[SEED, "S1"]),
        answers(404, planner=200, admin=200),
    ),
    "plan-indicator-new": (
        lambda ids: reverse("plan-indicator-new", args=[SEED]),
        answers(404, planner=200, admin=200),
    ),
    "plan-indicator-edit": (
        lambda ids: reverse("plan-indicator-edit", args=[SEED, "IKU.5"]),
        answers(404, planner=200, admin=200),
    ),
    "plan-key-row-new": (lambda ids: reverse("plan-key-row-new", args=[SEED]), answers(404, planner=200, admin=200)),
    "plan-key-row-edit": (
        lambda ids: reverse("plan-key-row-edit", args=[SEED, key_row_id()]),
        answers(404, planner=200, admin=200),
    ),
    **{
        name: (lambda ids, name=name, key=key: reverse(name, args=[SEED, key()]), answers(405, outsider=405))
        for name, key in (
            ("plan-goal-delete", lambda: "T1"),
            ("plan-objective-delete", lambda: "S1"),
            ("plan-indicator-delete", lambda: "IKU.5"),
            ("plan-key-row-delete", key_row_id),
        )
    },
    # --- action plan (Rencana Aksi): read by every reader of the agency; written by the planner and the holder of a
    # page printing the indicator (the section head here); the administrator plans every agency ---
    "action-plan": (lambda ids: reverse("action-plan", args=[SEED]) + "?tahun=2022", READ),
    "action-plan-indicator": (
        lambda ids: reverse("action-plan-indicator", args=[SEED, "kasi-tata-kelola.O1.I1"]) + "?tahun=2022",
        READ,
    ),
    "action-edit": (
        lambda ids: reverse("action-edit", args=[SEED, action_id(ids)]),
        answers(404, section_head=200, planner=200, admin=200),
    ),
    "action-remove": (lambda ids: reverse("action-remove", args=[SEED, action_id(ids)]), answers(405, outsider=405)),
    "action-move": (lambda ids: reverse("action-move", args=[SEED, action_id(ids)]), answers(405, outsider=405)),
    # --- SKP: the list is read by every reader of the agency (each sees the SKP they may); an SKP by its official
    # (the section head here), the superior (the division head), the head, the planner, the inspectorate and the
    # administrator; its indicators changed by the official and the superior; the distribution by the head, the
    # planner, the inspectorate and the administrator; staff positions added by the planner; writes answer POST only
    "skp-list": (lambda ids: reverse("skp-list", args=[SEED]) + "?tahun=2022", READ),
    "skp-detail": (
        lambda ids: reverse("skp-detail", args=[SEED, skp_ids(ids)["skp"]]),
        answers(200, secretary=404, bappeda=404),
    ),
    # the SKP printed (PDF / Word): whoever reads the SKP (the same answers for .docx, kinerja/skp/tests/test_print.py)
    "skp-print": (
        lambda ids: reverse("skp-print", args=[SEED, skp_ids(ids)["skp"], "pdf"]),
        answers(200, secretary=404, bappeda=404),
    ),
    "skp-indicator-edit": (
        lambda ids: reverse("skp-indicator-edit", args=[SEED, skp_ids(ids)["rhk_indicator"]]),
        answers(404, section_head=200, division_head=200),
    ),
    "skp-distribution": (
        lambda ids: reverse("skp-distribution", args=[SEED]) + "?tahun=2022",
        answers(404, head_of_agency=200, planner=200, inspector=200, admin=200),
    ),
    "skp-staff-position": (
        lambda ids: reverse("skp-staff-position", args=[SEED]),
        answers(404, planner=200, admin=200),
    ),
    "skp-prepare": (lambda ids: reverse("skp-prepare", args=[SEED]), answers(405, outsider=405)),
    # the SKP exchanged: every reader of the agency downloads the SKP they may read (Bappeda an empty file) and may
    # upload ratings, each row rated through skp.services.rate_skp as that person (kinerja/skp/tests/test_exchange.py)
    "skp-export": (lambda ids: reverse("skp-export", args=[SEED, "json"]) + "?tahun=2022", READ),
    "skp-ratings-import": (lambda ids: reverse("skp-ratings-import", args=[SEED]), READ),
    **{
        name: (
            lambda ids, name=name, key=key: reverse(name, args=[SEED, skp_ids(ids)[key]]),
            answers(405, outsider=405),
        )
        for name, key in (
            ("skp-result-add", "skp"),
            ("skp-rate", "skp"),
            ("skp-result-remove", "rhk"),
            ("skp-indicator-add", "rhk"),
            ("skp-indicator-remove", "rhk_indicator"),
        )
    },
    # the ratings made final (head, planner) and reopened (head): POST only, refused by skp.finalisation
    # (kinerja/skp/tests/test_finalisation.py)
    "skp-finalise": (lambda ids: reverse("skp-finalise", args=[SEED]), answers(405, outsider=405)),
    "skp-reopen": (lambda ids: reverse("skp-reopen", args=[SEED]), answers(405, outsider=405)),
    # an action's progress: read by every reader (the form only for who enters the indicator's actuals; its posts are
    # refused by actionplans.progress, tests in kinerja/actionplans/tests/test_progress*.py)
    "action-progress": (lambda ids: reverse("action-progress", args=[SEED, action_id(ids)]), READ),
    "action-progress-evidence": (
        lambda ids: reverse("action-progress-evidence", args=[SEED, progress_evidence_id(ids)]),
        READ,
    ),
    # --- people (Pegawai & akun): the agency's planner and the administrator; writes answer POST only ---
    "people": (lambda ids: reverse("people", args=[SEED]), answers(404, planner=200, admin=200)),
    "person": (lambda ids: reverse("person", args=[SEED, person_id()]), answers(404, planner=200, admin=200)),
    **{
        name: (lambda ids, name=name: reverse(name, args=[SEED, person_id()]), answers(405, outsider=405))
        for name in ("person-change", "person-login", "person-reset-link", "person-assign", "person-grant")
    },
    "assignment-end": (lambda ids: reverse("assignment-end", args=[SEED, person_id(), 1]), answers(405, outsider=405)),
    "person-withdraw": (
        lambda ids: reverse("person-withdraw", args=[SEED, person_id(), 1]),
        answers(405, outsider=405),
    ),
    "position-holders": (lambda ids: reverse("position-holders", args=[SEED, "kasi-tata-kelola"]), READ),
    # the reset link a planner hands over: open without login (a wrong token shows "no longer valid")
    "password_reset_confirm": (
        lambda ids: reverse("password_reset_confirm", args=["MQ", "set-password"]),
        answers(200, anonymous=200, outsider=200),
    ),
    "password_change": (lambda ids: reverse("password_change"), answers(200, outsider=200)),
    "password_change_done": (lambda ids: reverse("password_change_done"), answers(200, outsider=200)),
    "password_reset_complete": (
        lambda ids: reverse("password_reset_complete"),
        answers(200, anonymous=200, outsider=200),
    ),
    # --- consistency ---
    "consistency-check": (lambda ids: reverse("consistency-check", args=[SEED]), READ),
    # --- dashboard ---
    "dashboard": (lambda ids: reverse("dashboard", args=[SEED]) + "?tahun=2022&triwulan=1", READ),
    "performance-tree": (lambda ids: reverse("performance-tree", args=[SEED]) + "?tahun=2022&triwulan=1", READ),
    "publish": (lambda ids: reverse("publish", args=[SEED]), answers(405, outsider=405)),  # POST only
    "region-view": (
        lambda ids: reverse("region-view", args=["halut"]),
        answers(404, inspector=200, bappeda=200, admin=200),
    ),
    # the regencies of the seed's province (Maluku Utara): who reads one of them (as the regency view)
    "province-view": (
        lambda ids: reverse("province-view", args=["maluku-utara"]),
        answers(404, inspector=200, bappeda=200, admin=200),
    ),
    # every province (the ministry's view): the administrator only — there is no national reader role yet
    "national-view": (lambda ids: reverse("national-view"), answers(404, ministry=200, admin=200)),
    "public-index": (lambda ids: reverse("public-index"), answers(200, anonymous=200, outsider=200)),
    # the public page of a published agency: everyone, without login (an unpublished one answers 404)
    "public-page": (
        lambda ids: reverse(
            "public-page", args=[__import__("kinerja.dashboard.tests.factory", fromlist=["published"]).published(SEED)]
        ),
        answers(200, anonymous=200, outsider=200),
    ),
    "public-csv": (
        lambda ids: reverse(
            "public-csv", args=[__import__("kinerja.dashboard.tests.factory", fromlist=["published"]).published(SEED)]
        ),
        answers(200, anonymous=200, outsider=200),
    ),
    # published, but no decree enacted yet: nothing to show (the enacted PDF is tested in kinerja/dashboard)
    "public-decree": (
        lambda ids: reverse(
            "public-decree",
            args=[__import__("kinerja.dashboard.tests.factory", fromlist=["published"]).published(SEED)],
        ),
        answers(404, anonymous=404, outsider=404),
    ),
    # --- evaluation ---
    "evaluation-index": (lambda ids: reverse("evaluation-index", args=[SEED]), READ),
    "evaluation-start": (lambda ids: reverse("evaluation-start", args=[SEED]), answers(405, outsider=405)),
    "evaluation-page": (lambda ids: reverse("evaluation-page", args=[SEED, 2022]), READ),
    "evaluation-result": (lambda ids: reverse("evaluation-result", args=[SEED, 2022]), READ),
    "evaluation-submit": (lambda ids: reverse("evaluation-submit", args=[SEED, 2022]), answers(405, outsider=405)),
    "evaluation-finalise": (lambda ids: reverse("evaluation-finalise", args=[SEED, 2022]), answers(405, outsider=405)),
    "evaluation-self": (lambda ids: reverse("evaluation-self", args=[SEED, 2022, "A.a.1"]), answers(405, outsider=405)),
    "evaluation-answer": (
        lambda ids: reverse("evaluation-answer", args=[SEED, 2022, "A.a.1"]),
        answers(405, outsider=405),
    ),
    "evaluation-evidence-add": (
        lambda ids: reverse("evaluation-evidence-add", args=[SEED, 2022, "A.a.1"]),
        answers(405, outsider=405),
    ),
    # no evaluation exists in this table's data: the evidence answers 404 to everyone (tested further in
    # kinerja/evaluation/tests/test_views.py)
    "evaluation-evidence": (lambda ids: reverse("evaluation-evidence", args=[SEED, 2022, 1]), answers(404)),
    "evaluation-evidence-remove": (
        lambda ids: reverse("evaluation-evidence-remove", args=[SEED, 2022, 1]),
        answers(405, outsider=405),
    ),
    "evaluation-follow-up": (
        lambda ids: reverse("evaluation-follow-up", args=[SEED, 2022, 1]),
        answers(405, outsider=405),
    ),
    "evaluation-region": (
        lambda ids: reverse("evaluation-region", args=["halut", 2022]),
        answers(404, inspector=200, bappeda=200, admin=200),
    ),
    # --- workbook ---
    # a preview names an upload kept under var/ by a signed token bound to the agency page ("" for a new agency)
    "exchange-template": (lambda ids: reverse("exchange-template"), answers(404, planner=200, admin=200)),
    "exchange-home": (lambda ids: reverse("exchange-home", args=[SEED]), answers(404, planner=200, admin=200)),
    "exchange-export": (lambda ids: reverse("exchange-export", args=[SEED]), answers(404, planner=200, admin=200)),
    "exchange-upload": (lambda ids: reverse("exchange-upload", args=[SEED]), answers(405, outsider=405)),
    "exchange-preview": (
        lambda ids: reverse(
            "exchange-preview",
            args=[SEED, __import__("kinerja.exchange.uploads", fromlist=["keep"]).keep(b"-", "x.xlsx", SEED)],
        ),
        answers(404, planner=200, admin=200),
    ),
    "exchange-confirm": (lambda ids: reverse("exchange-confirm", args=[SEED, "t"]), answers(405, outsider=405)),
    "exchange-new": (lambda ids: reverse("exchange-new"), answers(404, admin=200)),
    "exchange-new-preview": (
        lambda ids: reverse(
            "exchange-new-preview",
            args=[__import__("kinerja.exchange.uploads", fromlist=["keep"]).keep(b"-", "x.xlsx", "")],
        ),
        answers(404, admin=200),
    ),
    "exchange-new-confirm": (lambda ids: reverse("exchange-new-confirm", args=["t"]), answers(405, outsider=405)),
    # --- api ---
    # The JSON API answers 401 (not a redirect) without login; its lists answer 200 to anyone logged in (cut to
    # what the caller reads: an outsider gets their own agency's), its objects 404 outside the caller's reach;
    # POST-only actions answer a GET with 405. Writes by role: kinerja/api/tests/test_api_access.py.
    **{
        f"api-{name}-list": (lambda ids, name=name: reverse(f"api-{name}-list"), API_LIST)
        for name in (
            "agency",
            "unit",
            "position",
            "official",
            "plan",
            "objective",
            "indicator",
            "iki-page",
            "target",
            "actual",
            "evidence",
            "action-item",
            "skp",
            "achievement-page",
            "achievement-agency",
        )
    },
    "api-agency-detail": (lambda ids: reverse("api-agency-detail", args=[SEED]), API_READ),
    "api-unit-detail": (lambda ids: reverse("api-unit-detail", args=[api_ids(ids)["unit"]]), API_READ),
    "api-position-detail": (lambda ids: reverse("api-position-detail", args=[api_ids(ids)["position"]]), API_READ),
    "api-official-detail": (lambda ids: reverse("api-official-detail", args=[api_ids(ids)["official"]]), API_READ),
    "api-plan-detail": (lambda ids: reverse("api-plan-detail", args=[api_ids(ids)["plan"]]), API_READ),
    "api-objective-detail": (lambda ids: reverse("api-objective-detail", args=[api_ids(ids)["objective"]]), API_READ),
    "api-indicator-detail": (lambda ids: reverse("api-indicator-detail", args=[api_ids(ids)["indicator"]]), API_READ),
    "api-iki-page-detail": (lambda ids: reverse("api-iki-page-detail", args=[api_ids(ids)["position"]]), API_READ),
    "api-target-detail": (lambda ids: reverse("api-target-detail", args=[api_ids(ids)["target"]]), API_READ),
    "api-actual-detail": (lambda ids: reverse("api-actual-detail", args=[ids["actual"]]), API_READ),
    **{
        f"api-actual-{name}": (lambda ids, name=name: reverse(f"api-actual-{name}", args=[ids["actual"]]), API_POST)
        for name in ("submit", "verify", "return", "reopen", "evidence")
    },
    "api-action-item-detail": (lambda ids: reverse("api-action-item-detail", args=[action_id(ids)]), API_READ),
    # an SKP: read per SKP as on its page (access.may_read_skp); rated by POST (kinerja/api/tests/test_skp.py)
    "api-skp-detail": (
        lambda ids: reverse("api-skp-detail", args=[skp_ids(ids)["skp"]]),
        answers(200, anonymous=401, secretary=404, bappeda=404),
    ),
    "api-skp-rating": (lambda ids: reverse("api-skp-rating", args=[skp_ids(ids)["skp"]]), API_POST),
    "api-evidence-detail": (lambda ids: reverse("api-evidence-detail", args=[ids["evidence"]]), API_READ),
    "api-evidence-download": (lambda ids: reverse("api-evidence-download", args=[ids["evidence"]]), API_READ),
    "api-document-list": (lambda ids: reverse("api-document-list"), API_LIST),
    "api-document-download": (
        lambda ids: (
            reverse("api-document-download", args=["keputusan-iku-iki"]) + f"?agency={SEED}&file_format=docx&year=2022"
        ),
        API_READ,
    ),
    "api-token": (lambda ids: reverse("api-token"), API_LIST),
    "api-schema": (lambda ids: reverse("api-schema"), API_LIST),
    "api-docs": (lambda ids: reverse("api-docs"), answers(200, outsider=200)),
    # --- scale ---
    # --- background jobs: started by a POST; a job is its owner's only (404 for everyone else) ---
    "job-start": (lambda ids: reverse("job-start", args=[SEED]), answers(405, outsider=405)),
    "job-status": (lambda ids: reverse("job-status", args=[SEED, job_id(ids)]), answers(404, planner=200)),
    "job-download": (lambda ids: reverse("job-download", args=[SEED, job_id(ids)]), answers(404, planner=200)),
}


def url_names(patterns=None, prefix: str = "") -> set[str]:
    names = set()
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(pattern, URLResolver):
            namespace = f"{prefix}{pattern.namespace}:" if pattern.namespace else prefix
            if namespace == "admin:":  # the admin keeps its own permissions; its index stands for it
                names.add("admin:index")
                continue
            names |= url_names(pattern.url_patterns, namespace)
        elif isinstance(pattern, URLPattern) and pattern.name:
            names.add(prefix + pattern.name)
    return names


@pytest.fixture
def ids(seed, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    indicator = Indicator.objects.get(plan__agency=seed, code="IKU.5")
    # IKU.5 is on no page the section head holds: set up by the system (actor None), as a command would
    actual = record_actual(
        actor=None,
        indicator=indicator,
        year=2022,
        quarter=1,
        numerator=Decimal(3),
        denominator=Decimal(30),
        evidence=[("bukti.pdf", PDF)],
    )
    return {"indicator": indicator.code, "evidence": actual.evidence.get().pk, "actual": actual.pk}


def user_for(role: str, world) -> User | None:
    if role == "anonymous":
        return None
    if role == "admin":
        return User.objects.filter(is_superuser=True).first() or User.objects.create_superuser(
            "admin-uji", password="x-Admin-12345"
        )
    if role == "ministry":
        user, _ = User.objects.get_or_create(username="kementerian-uji")
        RoleGrant.objects.get_or_create(user=user, role=RoleGrant.Role.MINISTRY)
        return user
    return getattr(world, role)


def test_every_url_has_a_rule():
    assert url_names() - set(TABLE) == set(), "a URL without a rule in tests/test_access.py"


@pytest.mark.slow
def test_every_role_gets_what_the_table_says_at_every_url(client, world, ids):
    wrong = []
    for role in ROLES:
        user = user_for(role, world)
        client.logout()
        if user is not None:
            client.force_login(user)
        for name, (build, expected) in TABLE.items():
            status = client.get(build(ids)).status_code
            if status != expected[role]:
                wrong.append(f"{name} as {role}: {status}, expected {expected[role]}")
    assert wrong == [], "\n".join(wrong)


def test_an_outsider_cannot_reach_the_agency_by_any_lookup(world):
    with pytest.raises(Exception, match="tidak ditemukan"):
        agency_or_404(world.outsider, SEED)
    assert list(readable_agencies(world.outsider).values_list("code", flat=True)) == ["luar-dinas"]
    assert may_plan(world.outsider, world.agency) is False


def test_roles_come_from_positions_and_grants(world):
    assert "Kepala perangkat daerah" in reach_of(world.head_of_agency).roles
    assert "Atasan" in reach_of(world.division_head).roles
    assert reach_of(world.section_head).roles == ["Pejabat"]
    assert reach_of(world.planner).roles == ["Admin perencanaan"]
    assert reach_of(world.inspector).roles == ["Inspektorat"]
    assert reach_of(world.bappeda).roles == ["Bappeda"]
    assert reach_of(user_for("ministry", world)).roles == ["Kementerian"]
    assert reach_of(None).roles == []


def test_who_enters_verifies_plans_and_evaluates(world):
    agency = world.agency
    kasi_position = agency.positions.get(code="kasi-tata-kelola")
    assert may_enter_actuals(world.section_head, kasi_position)
    assert not may_enter_actuals(world.division_head, kasi_position)
    assert not may_enter_actuals(world.planner, kasi_position)
    # the superior directly above, and the head of agency, verify; nobody verifies what they entered themselves
    assert may_verify(world.division_head, [kasi_position], world.section_head.pk)
    assert may_verify(world.head_of_agency, [kasi_position], world.section_head.pk)
    assert not may_verify(world.secretary, [kasi_position], world.section_head.pk)
    assert not may_verify(world.section_head, [kasi_position], world.section_head.pk)
    assert not may_verify(world.division_head, [kasi_position], world.division_head.pk)
    assert may_plan(world.planner, agency) and not may_plan(world.head_of_agency, agency)
    assert may_evaluate(world.inspector, agency) and not may_evaluate(world.bappeda, agency)
