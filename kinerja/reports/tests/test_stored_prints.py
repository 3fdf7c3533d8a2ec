"""A printed document is kept once made and served again until the data it shows changes (reports.stored):
the second download renders nothing, a change of the data prints a new file and removes the old one."""

from decimal import Decimal

import pytest
from django.urls import reverse

from kinerja.organisation.models import Agency
from kinerja.reports import output, stored
from kinerja.strategy.models import Indicator

SEED = "halut-diskominfo"
DECREE_PDF = reverse("document-download", args=[SEED, "keputusan-iku-iki", "pdf"]) + "?tahun=2022"
DECREE_DOCX = reverse("document-download", args=[SEED, "keputusan-iku-iki", "docx"]) + "?tahun=2022"


@pytest.fixture
def renders(monkeypatch, settings, tmp_path) -> list[str]:
    """The formats rendered, in order (the real renderer runs; the storage is this test's own)."""
    settings.MEDIA_ROOT = tmp_path
    done: list[str] = []
    real = output.render

    def counting(document, kind):
        done.append(kind)
        return real(document, kind)

    monkeypatch.setattr(output, "render", counting)
    return done


def _stored(settings, kind: str = "keputusan-iku-iki") -> list[str]:
    folder = settings.MEDIA_ROOT / stored.PRINTED / SEED / kind
    return sorted(path.name for path in folder.iterdir() if not path.name.endswith(".lock")) if folder.is_dir() else []


def test_the_second_download_renders_nothing_and_gives_the_same_file(logged_in, renders, settings):
    first = logged_in.get(DECREE_PDF)
    assert first.status_code == 200 and first.content.startswith(b"%PDF")
    assert renders == ["pdf"]
    (name,) = _stored(settings)
    assert name.startswith("keputusan-iku-iki-halut-diskominfo-2022-") and name.endswith(".pdf")
    second = logged_in.get(DECREE_PDF)
    assert renders == ["pdf"]  # served from storage
    assert second.content == first.content
    assert second["Content-Disposition"] == 'attachment; filename="keputusan-iku-iki-halut-diskominfo-2022.pdf"'
    logged_in.get(DECREE_DOCX)
    assert renders == ["pdf", "docx"]  # another format is another file
    assert len(_stored(settings)) == 2


def test_a_change_of_the_data_prints_a_new_file_and_removes_the_old(logged_in, renders, settings, seed):
    first = logged_in.get(DECREE_PDF).content
    (old,) = _stored(settings)
    Agency.objects.filter(pk=seed.pk).update(telephone="(0924) 555-0101")  # printed in the letterhead
    changed = logged_in.get(DECREE_PDF).content
    assert renders == ["pdf", "pdf"]
    assert changed != first
    (new,) = _stored(settings)
    assert new != old  # the old print is gone: the same document with other data
    logged_in.get(DECREE_PDF)
    assert renders == ["pdf", "pdf"]


def test_a_changed_indicator_prints_the_decree_again(logged_in, renders, settings, seed):
    logged_in.get(DECREE_DOCX)
    Indicator.objects.filter(plan__agency=seed, code="IKU.4").update(factor=Decimal(1000))
    logged_in.get(DECREE_DOCX)
    assert renders == ["docx", "docx"]


def test_the_documents_page_says_a_print_is_being_prepared(logged_in):
    page = logged_in.get(reverse("documents", args=[SEED]) + "?tahun=2022").content.decode()
    assert 'data-print-status data-preparing="Sedang menyiapkan dokumen…"' in page
    assert 'role="status"' in page
    assert page.count("data-print=") >= 2


def test_a_stored_print_gone_from_storage_is_printed_again(logged_in, renders, settings):
    first = logged_in.get(DECREE_PDF).content
    (name,) = _stored(settings)
    (settings.MEDIA_ROOT / stored.PRINTED / SEED / "keputusan-iku-iki" / name).unlink()
    again = logged_in.get(DECREE_PDF)
    assert again.status_code == 200 and renders == ["pdf", "pdf"]
    assert _stored(settings) == [name] and len(again.content) > 1000 and first.startswith(b"%PDF")


def test_the_old_print_leaves_no_lock_file_behind(logged_in, renders, settings, seed):
    logged_in.get(DECREE_PDF)
    Agency.objects.filter(pk=seed.pk).update(telephone="(0924) 555-0102")
    logged_in.get(DECREE_PDF)
    folder = settings.MEDIA_ROOT / stored.PRINTED / SEED / "keputusan-iku-iki"
    assert len(list(folder.glob("*.lock"))) == 1 and len(list(folder.glob("*.pdf"))) == 1


def test_storage_that_cannot_be_written_still_serves_the_file_and_logs_it(logged_in, renders, settings, caplog):
    """MEDIA_ROOT that cannot be written (read-only, a full disk; here: a path under a plain file, which even root
    cannot make): the document is printed for this request and the error is logged, never a 500."""
    blocker = settings.MEDIA_ROOT / "not-a-folder"
    blocker.write_text("")
    settings.MEDIA_ROOT = blocker / "media"
    first = logged_in.get(DECREE_PDF)
    second = logged_in.get(DECREE_PDF)
    assert first.status_code == second.status_code == 200 and first.content.startswith(b"%PDF")
    assert renders == ["pdf", "pdf"]  # nothing kept: printed each time
    assert not (blocker / "media").exists()
    assert any("printed file not kept" in record.getMessage() for record in caplog.records)
