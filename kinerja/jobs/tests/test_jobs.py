"""Background jobs: a whole-agency document printed, or the agency workbook written, outside the request.

With the immediate backend (the tests' and `make run`'s) the job runs when the request that starts it commits;
with the database backend it waits in the queue until a worker (`manage.py db_worker`, here its Worker run in
this process for one task) takes it. Either way the person sees it on the page and downloads the same file the
synchronous download gives."""

import datetime
import io
import uuid

import openpyxl
import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from conftest import ensure_builtin_dataset
from kinerja.accounts.models import User
from kinerja.core.models import AuditRecord
from kinerja.jobs import services
from kinerja.jobs.models import EXPORT, Job
from kinerja.jobs.selectors import get_job, list_latest_jobs
from kinerja.organisation.models import Agency
from kinerja.reports import output
from kinerja.reports.tests.readback import docx_text, normalise, pdf_text

SEED = "halut-diskominfo"
DOCUMENTS = reverse("documents", args=[SEED]) + "?tahun=2022"
DECREE_PDF = reverse("document-download", args=[SEED, "keputusan-iku-iki", "pdf"]) + "?tahun=2022"
DATABASE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def renders(monkeypatch) -> list[str]:
    """The formats rendered, in order (the real renderer runs; only counted)."""
    done: list[str] = []
    real = output.render

    def counting(document, fmt):
        done.append(fmt)
        return real(document, fmt)

    monkeypatch.setattr(output, "render", counting)
    return done


def start(client, kind: str, fmt: str, year: int = 2022, back: str = DOCUMENTS, **extra: str):
    return client.post(
        reverse("job-start", args=[SEED]),
        {"jenis": kind, "format": fmt, "tahun": str(year), "triwulan": "4", "kembali": back, **extra},
    )


def body(response) -> bytes:
    return b"".join(response.streaming_content)


def run_queued_tasks() -> None:
    """What `manage.py db_worker --batch` does, in this process: take the queued tasks one by one and run them."""
    Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    ).run()


def test_a_job_prints_the_decree_the_download_then_serves_the_same_bytes(
    logged_in, world, media, renders, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = start(logged_in, "keputusan-iku-iki", "pdf")
    assert response.status_code == 302 and response["Location"] == DOCUMENTS + "#tugas-keputusan-iku-iki"
    job = Job.objects.get(owner=world.head_of_agency)
    assert (job.status, job.failure, job.filename) == ("done", "", "keputusan-iku-iki-halut-diskominfo-2022.pdf")
    assert renders == ["pdf"]
    prepared = body(logged_in.get(reverse("job-download", args=[SEED, job.pk])))
    text = normalise(pdf_text(prepared))
    assert normalise("KEPUTUSAN KEPALA DINAS KOMUNIKASI") in text.upper() and normalise("INDIKATOR KINERJA") in text
    # the synchronous download is the same file, from the kept prints: nothing rendered again
    downloaded = logged_in.get(DECREE_PDF)
    assert downloaded.content == prepared
    assert renders == ["pdf"]
    page = logged_in.get(DOCUMENTS).content.decode()
    assert "Siapkan PDF di latar belakang" in page
    assert f'href="{reverse("job-download", args=[SEED, job.pk])}"' in page and "siap" in page


def test_a_job_rolled_back_leaves_no_task_in_the_queue(world, settings):
    settings.TASKS = DATABASE

    class Refused(Exception):
        pass

    with pytest.raises(Refused), transaction.atomic():
        services.start_export_job(actor=world.planner, agency=world.agency)
        assert DBTaskResult.objects.count() == 1  # written with the job, in its transaction
        raise Refused
    assert (Job.objects.count(), DBTaskResult.objects.count()) == (0, 0)


def test_storage_that_cannot_be_written_fails_the_job_with_a_sentence(
    logged_in, settings, tmp_path, django_capture_on_commit_callbacks
):
    blocked = tmp_path / "berkas"
    blocked.write_text("a file where the storage folder should be")
    settings.MEDIA_ROOT = blocked
    with django_capture_on_commit_callbacks(execute=True):
        start(logged_in, "keputusan-iku-iki", "docx")
    job = Job.objects.get()
    assert job.status == "failed"
    assert job.failure.startswith("Berkas tidak dapat disiapkan karena kesalahan sistem")


def test_the_job_of_another_person_is_not_found(client, world, media, django_capture_on_commit_callbacks):
    client.force_login(world.head_of_agency)
    with django_capture_on_commit_callbacks(execute=True):
        start(client, "keputusan-iku-iki", "docx")
    job = Job.objects.get()
    urls = [reverse("job-status", args=[SEED, job.pk]), reverse("job-download", args=[SEED, job.pk])]
    assert [client.get(url).status_code for url in urls] == [200, 200]
    for other in (world.secretary, world.planner, world.outsider):
        client.force_login(other)
        assert [client.get(url).status_code for url in urls] == [404, 404]
    client.force_login(world.head_of_agency)
    assert client.get(reverse("job-status", args=["luar-dinas", job.pk])).status_code == 404  # not its agency
    assert client.get(reverse("job-status", args=[SEED, uuid.uuid4()])).status_code == 404


def test_who_may_start_is_who_may_download(client, world, media, django_capture_on_commit_callbacks):
    client.force_login(world.outsider)
    assert start(client, "keputusan-iku-iki", "docx").status_code == 404
    client.force_login(world.section_head)  # reads the agency: prints its documents, not its workbook
    assert start(client, EXPORT, "xlsx").status_code == 404
    assert Job.objects.count() == 0
    with django_capture_on_commit_callbacks(execute=True):
        assert start(client, "perjanjian-kinerja", "docx").status_code == 302
    job = Job.objects.get()
    assert (job.owner, job.status, job.position_code) == (world.section_head, "done", "")
    assert "PERJANJIAN KINERJA" in docx_text(body(client.get(reverse("job-download", args=[SEED, job.pk])))).upper()
    with pytest.raises(PermissionDenied):
        services.start_export_job(actor=world.head_of_agency, agency=world.agency)
    with pytest.raises(PermissionDenied):
        services.start_document_job(actor=None, agency=world.agency, kind="lkjip", fmt="pdf", year=2022)


@pytest.mark.parametrize(
    ("kind", "fmt", "year", "field"),
    [
        ("evaluasi-renja", "pdf", 2022, "kind"),  # quick to print: no background job
        ("tidak-ada", "pdf", 2022, "kind"),
        ("lkjip", "xlsx", 2022, "fmt"),
        ("lkjip", "pdf", 2040, "year"),
    ],
)
def test_a_job_that_makes_no_sense_is_refused(world, kind, fmt, year, field):
    with pytest.raises(ValidationError) as refused:
        services.start_document_job(actor=world.planner, agency=world.agency, kind=kind, fmt=fmt, year=year)
    assert field in refused.value.message_dict
    assert Job.objects.count() == 0


def test_a_refused_start_says_why_on_the_page(logged_in):
    response = start(logged_in, "lkjip", "pdf", year=2040)
    assert response.status_code == 302
    assert "Tahun di luar Renstra." in logged_in.get(response["Location"]).content.decode()


def test_starting_a_job_is_audited(world, media, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):  # queued: not run
        job = services.start_document_job(
            actor=world.planner, agency=world.agency, kind="buku-iku-iki", fmt="pdf", year=2022
        )
    entry = AuditRecord.objects.get(about_label="jobs.job")
    assert (entry.user_id, entry.agency_id, entry.action, entry.about_pk) == (
        world.planner.pk,
        world.agency.pk,
        "created",
        str(job.pk),
    )
    assert entry.after["kind"] == "buku-iku-iki" and entry.after["status"] == "queued"


def test_a_prepared_print_goes_stale_when_the_data_changes(logged_in, seed, media, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        start(logged_in, "keputusan-iku-iki", "docx")
    job = Job.objects.get()
    Agency.objects.filter(pk=seed.pk).update(telephone="(0924) 555-0101")  # printed in the letterhead
    logged_in.get(reverse("document-download", args=[SEED, "keputusan-iku-iki", "docx"]) + "?tahun=2022")
    assert logged_in.get(reverse("job-download", args=[SEED, job.pk])).status_code == 404
    page = logged_in.get(DOCUMENTS).content.decode()
    assert "Data berubah sesudah berkas ini disiapkan" in page


def test_a_job_whose_worker_died_is_given_up_when_the_file_is_asked_again(world, media, settings):
    settings.TASKS = DATABASE
    stuck = services.start_export_job(actor=world.planner, agency=world.agency)
    assert services.start_export_job(actor=world.planner, agency=world.agency) == stuck  # still on its way
    Job.objects.filter(pk=stuck.pk).update(status="running", started_at=timezone.now() - datetime.timedelta(hours=1))
    again = services.start_export_job(actor=world.planner, agency=world.agency)
    assert again != stuck and again.status == "queued"
    stuck.refresh_from_db()
    assert stuck.status == "failed" and stuck.failure.startswith("Penyiapan berhenti sebelum selesai")


def test_the_job_selectors_cost_one_query(world, django_assert_num_queries):
    jobs = [
        Job.objects.create(owner=world.planner, agency=world.agency, kind=kind, fmt=fmt, year=2022, status=status)
        for kind, fmt, status in [
            ("lkjip", "pdf", "done"),
            ("lkjip", "docx", "failed"),
            ("lkjip", "pdf", "queued"),
            ("buku-iku-iki", "pdf", "running"),
            (EXPORT, "xlsx", "queued"),
        ]
    ]
    Job.objects.create(owner=world.planner, agency=world.agency, kind="lkjip", fmt="pdf", year=2023)
    Job.objects.create(owner=world.secretary, agency=world.agency, kind="lkjip", fmt="pdf", year=2022)
    with django_assert_num_queries(1):
        latest = list_latest_jobs(world.planner, world.agency, year=2022, quarter=3, position_code="")
    assert {kind: [job.pk for job in found] for kind, found in latest.items()} == {
        EXPORT: [jobs[4].pk],
        "buku-iku-iki": [jobs[3].pk],
        "lkjip": [jobs[2].pk, jobs[1].pk],  # the latest of each format, of this year, of this person
    }
    get_job(world.planner, world.agency, jobs[0].pk)  # the person's reach, read once per request
    with django_assert_num_queries(1):
        assert get_job(world.planner, world.agency, jobs[0].pk) == jobs[0]
    assert get_job(world.secretary, world.agency, jobs[0].pk) is None


def test_the_workbook_job_is_offered_on_the_export_page_to_its_planner(client, world, media):
    client.force_login(world.planner)
    page = client.get(reverse("exchange-home", args=[SEED])).content.decode()
    assert "Siapkan XLSX di latar belakang" in page and 'name="jenis" value="buku-kerja"' in page


@pytest.mark.django_db(transaction=True)
def test_queued_jobs_are_taken_by_the_worker_done_or_failed_with_the_sentence(client, media, settings):
    """The package's worker loop itself (`db_worker --batch`), in this process: it closes the connections
    between tasks as in production, hence a transactional test (the seed is loaded again when emptied)."""
    settings.TASKS = DATABASE
    agency = ensure_builtin_dataset()
    planner = User.objects.get(username="perencana")
    client.force_login(planner)
    back = reverse("exchange-home", args=[SEED])
    assert start(client, EXPORT, "xlsx", back=back).status_code == 302
    job = Job.objects.get()
    task = DBTaskResult.objects.get()
    assert job.status == "queued" and job.task_id == str(task.id)
    page = client.get(back).content.decode()
    assert "menunggu giliran" in page and 'hx-trigger="every 3s"' in page  # the page polls while it waits
    status = client.get(reverse("job-status", args=[SEED, job.pk]), headers={"HX-Request": "true"})
    assert status.content.decode().startswith('<p class="job"') and "menunggu giliran" in status.content.decode()
    # the same file asked again while it waits: the same job, not a second one in the queue
    start(client, EXPORT, "xlsx", back=back)
    assert Job.objects.count() == 1 and DBTaskResult.objects.count() == 1
    # and the agreement of one position, whose position gets another code while the job waits in the queue
    agreement = services.start_document_job(
        actor=planner, agency=agency, kind="perjanjian-kinerja", fmt="docx", year=2022, position_code="kasi-tata-kelola"
    )
    agency.positions.filter(code="kasi-tata-kelola").update(code="kasi-tata-kelola-baru")

    run_queued_tasks()

    job.refresh_from_db()
    task.refresh_from_db()
    assert (job.status, task.status) == ("done", "SUCCESSFUL")
    assert job.started_at <= job.finished_at
    downloaded = client.get(reverse("job-download", args=[SEED, job.pk]))
    assert downloaded["Content-Disposition"].startswith(f'attachment; filename="{SEED}-')
    workbook = openpyxl.load_workbook(io.BytesIO(body(downloaded)), read_only=True)
    assert "Petunjuk" in workbook.sheetnames
    status = client.get(reverse("job-status", args=[SEED, job.pk]), headers={"HX-Request": "true"}).content.decode()
    assert "hx-trigger" not in status and "Unduh XLSX" in status  # done: the polling stops

    agreement.refresh_from_db()
    sentence = "Jabatan dokumen ini sudah tidak ada di instansi ini."
    assert (agreement.status, agreement.failure, agreement.file) == ("failed", sentence, "")
    assert agreement.finished_at is not None
    assert DBTaskResult.objects.get(pk=agreement.task_id).status == "FAILED"  # the engine's own record says so too
    page = client.get(reverse("job-status", args=[SEED, agreement.pk])).content.decode()
    assert "gagal" in page and sentence in page
    assert client.get(reverse("job-download", args=[SEED, agreement.pk])).status_code == 404
