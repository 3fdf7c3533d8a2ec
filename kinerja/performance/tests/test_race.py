"""No lost write (issue 15, item 3): a save and a submit of the same actual at the same moment, in real parallel
transactions (threads, each with its own database connection), never lose the submission; parallel saves of one
actual never fail with a 500.

The lock that makes this safe is `select_for_update` (PostgreSQL) and, on SQLite, transactions that take the
write lock when they begin (`transaction_mode: IMMEDIATE`) with a busy timeout. The in-memory SQLite database of
the test run is one connection shared by every thread, so the race is meaningful only on PostgreSQL: on SQLite
these tests are skipped (run them with DATABASE_URL pointing at PostgreSQL, as the README says)."""

import threading
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import close_old_connections, connection, connections
from django.test import Client
from django.urls import reverse

from conftest import ensure_builtin_dataset
from kinerja.accounts.models import User
from kinerja.core.models import AuditRecord
from kinerja.performance import services, workflow
from kinerja.performance.models import Actual
from kinerja.strategy.models import Indicator

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="the test database of SQLite is one in-memory connection shared by every thread: no real parallel "
    "transactions to race; run on PostgreSQL (DATABASE_URL)",
)
ROUNDS = 12
YEAR, QUARTER = 2022, 3


def run_together(*calls) -> list[object]:
    """Start every call at the same moment on its own thread and connection; their results or exceptions."""
    barrier = threading.Barrier(len(calls))
    results: list[object] = [None] * len(calls)

    def run(index: int, call) -> None:
        try:
            barrier.wait(timeout=10)
            results[index] = call()
        except Exception as error:  # every outcome is examined by the test
            results[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(index, call)) for index, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in threads), "a write waited for ever"
    close_old_connections()
    return results


@pytest.fixture
def kasi_indicator(transactional_db) -> Indicator:
    agency = ensure_builtin_dataset()
    return (
        Indicator.objects.filter(plan__agency=agency, page_rows__position__code="kasi-tata-kelola", formula="count")
        .order_by("order")
        .first()
    )


def test_a_save_and_a_submit_at_the_same_moment_never_lose_the_submission(kasi_indicator):
    kasi = User.objects.get(username="kasi")
    lost = []
    for round_ in range(ROUNDS):
        Actual.objects.filter(indicator=kasi_indicator).delete()
        actual = services.record_actual(
            actor=kasi, indicator=kasi_indicator, year=YEAR, quarter=QUARTER, value=Decimal(1)
        )

        def save(value=Decimal(round_ + 2)):
            return services.record_actual(
                actor=User.objects.get(pk=kasi.pk), indicator=kasi_indicator, year=YEAR, quarter=QUARTER, value=value
            )

        def submit(actual=actual):
            return workflow.submit_actual(actor=User.objects.get(pk=kasi.pk), actual=actual)

        saved, submitted = run_together(save, submit)
        assert not isinstance(submitted, Exception), submitted  # the submit waits for the save, then goes
        assert not isinstance(saved, Exception) or isinstance(saved, ValidationError), saved
        final = Actual.objects.get(pk=actual.pk)
        if final.status != Actual.Status.SUBMITTED:
            lost.append(round_)
        if isinstance(saved, ValidationError):  # the submit went first: the save is refused, never undoes it
            assert "menunggu verifikasi" in " ".join(saved.messages)
            assert final.value == Decimal(1)
        sent = AuditRecord.objects.get(
            object_label="performance.actual", object_pk=str(actual.pk), action=AuditRecord.Action.SUBMITTED
        )
        assert Decimal(sent.after["value"]) == final.value  # nothing changed the figure after it was sent
    assert lost == []


def test_parallel_saves_of_one_actual_through_the_page_give_no_500(kasi_indicator):
    url = reverse("entry-save", args=["halut-diskominfo", "kasi-tata-kelola", kasi_indicator.code])
    url += f"?tahun={YEAR}&triwulan={QUARTER}"
    prefix = kasi_indicator.code.replace(".", "_")
    kasi = User.objects.get(username="kasi")

    def post(value: int):
        def call():
            client = Client()
            client.force_login(kasi)
            return client.post(url, {f"{prefix}-value": str(value)}).status_code

        return call

    for _ in range(3):
        statuses = run_together(*(post(value) for value in range(1, 7)))
        assert all(status in (200, 302) for status in statuses), statuses
    assert Actual.objects.filter(indicator=kasi_indicator, year=YEAR, quarter=QUARTER).count() == 1


def test_verify_and_return_at_the_same_moment_one_wins_the_other_is_told(kasi_indicator):
    kasi, kabid = User.objects.get(username="kasi"), User.objects.get(username="kabid")
    for _ in range(ROUNDS // 2):
        Actual.objects.filter(indicator=kasi_indicator).delete()
        actual = services.record_actual(
            actor=kasi, indicator=kasi_indicator, year=YEAR, quarter=QUARTER, value=Decimal(1)
        )
        workflow.submit_actual(actor=kasi, actual=actual)
        verified, returned = run_together(
            lambda actual=actual: workflow.verify_actual(actor=User.objects.get(pk=kabid.pk), actual=actual),
            lambda actual=actual: workflow.return_actual(
                actor=User.objects.get(pk=kabid.pk), actual=actual, reason="Periksa"
            ),
        )
        outcomes = [not isinstance(result, Exception) for result in (verified, returned)]
        assert outcomes.count(True) == 1, (verified, returned)
        loser = returned if outcomes[0] else verified
        assert isinstance(loser, ValidationError) and not isinstance(loser, PermissionDenied)
        final = Actual.objects.get(pk=actual.pk)
        assert final.status == (Actual.Status.VERIFIED if outcomes[0] else Actual.Status.DRAFT)


def test_two_planners_closing_the_same_quarter_at_once_give_no_500(kasi_indicator):
    from kinerja.performance.models import PeriodLock

    planner = User.objects.get(username="perencana")
    agency = kasi_indicator.plan.agency
    for quarter in (1, 2, 3, 4):
        results = run_together(
            *(
                lambda: workflow.close_period(
                    actor=User.objects.get(pk=planner.pk),
                    agency=agency,
                    year=2023,
                    quarter=quarter,  # noqa: B023 (run before the loop moves on)
                )
                for _ in range(3)
            )
        )
        assert all(not isinstance(result, Exception) or isinstance(result, ValidationError) for result in results), (
            results
        )
        assert PeriodLock.objects.filter(agency=agency, year=2023, quarter=quarter, closed=True).count() == 1
