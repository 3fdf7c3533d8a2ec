"""The region's emblem: the administrator uploads a PNG or an SVG that can only draw (one service, checked by
content and size), through the admin's region form; the letterhead of the decree prints it in PDF and Word;
the built-in agency without an emblem prints exactly as before."""

import io
import subprocess

import docx
import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from kinerja.core.models import AuditRecord
from kinerja.organisation import services
from kinerja.organisation.models import Region
from kinerja.reports import output
from kinerja.reports.decree import build_decree
from kinerja.reports.document import Letterhead, to_data
from kinerja.strategy.selectors import find_current_plan

CLEAN_SVG = (
    b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
    b'width="100" height="120" viewBox="0 0 100 120"><defs><linearGradient id="g"><stop offset="0" '
    b'stop-color="#0a4"/></linearGradient></defs><path d="M50 2 L98 30 L86 118 L14 118 L2 30 Z" fill="url(#g)" '
    b'stroke="#000" stroke-width="3"/><use xlink:href="#g"/></svg>'
)
UNSAFE_SVGS = {
    "script": b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script><rect width="5" height="5"/></svg>',
    "onload": b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="5" height="5"/></svg>',
    "external image": b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
    b'<image xlink:href="http://example.org/x.png" width="5" height="5"/></svg>',
    "external href": b'<svg xmlns="http://www.w3.org/2000/svg"><image href="file:///etc/passwd"/></svg>',
    "css url": b'<svg xmlns="http://www.w3.org/2000/svg"><rect style="fill:url(http://example.org/a)"/></svg>',
    "style import": b'<svg xmlns="http://www.w3.org/2000/svg"><style>@import "http://x/y.css";</style></svg>',
    "foreign object": b'<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><p>x</p></foreignObject></svg>',
    "entity": b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaa">]><svg xmlns="http://www.w3.org/2000/svg">'
    b"<text>&a;</text></svg>",
}


def png(width: int = 120, height: int = 140) -> bytes:
    """A green shield-like square: what a PNG emblem is to the printers."""
    image = Image.new("RGB", (width, height), (0, 110, 50))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def administrator(django_user_model):
    return django_user_model.objects.create_superuser("admin-lambang", password="x-Admin-123")


def test_the_administrator_sets_a_png_emblem_and_it_is_audited(media, seed, administrator):
    region = services.set_region_emblem(
        actor=administrator, region=seed.region, upload=SimpleUploadedFile("logo.txt", png())
    )
    assert region.emblem.name.endswith(".png")  # named by its content, not by the upload's name
    assert Region.objects.get(pk=region.pk).emblem.read() == png()
    record = AuditRecord.objects.filter(object_label="organisation.region").latest("at")
    assert record.description == f"Lambang {region.name} diganti"


def test_a_clean_svg_is_an_emblem_and_replacing_it_removes_the_old_file(
    media, seed, administrator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first = services.set_region_emblem(
            actor=administrator, region=seed.region, upload=SimpleUploadedFile("a.svg", CLEAN_SVG)
        )
    old = first.emblem.path
    assert old.endswith(".svg")
    with django_capture_on_commit_callbacks(execute=True):
        services.set_region_emblem(actor=administrator, region=seed.region, upload=SimpleUploadedFile("b", png()))
    assert not (media / old).exists()


@pytest.mark.parametrize("name", sorted(UNSAFE_SVGS))
def test_an_svg_that_could_run_or_fetch_is_refused(media, seed, administrator, name):
    with pytest.raises(ValidationError) as refused:
        services.set_region_emblem(
            actor=administrator, region=seed.region, upload=SimpleUploadedFile("x.svg", UNSAFE_SVGS[name])
        )
    assert "emblem" in refused.value.message_dict
    assert not Region.objects.get(pk=seed.region.pk).emblem


def test_other_files_and_large_files_are_refused(media, seed, administrator):
    with pytest.raises(ValidationError, match="PNG atau SVG"):
        services.set_region_emblem(
            actor=administrator, region=seed.region, upload=SimpleUploadedFile("x.png", b"%PDF-1.7 not an image")
        )
    big = SimpleUploadedFile("besar.png", png() + b"\0" * services.EMBLEM_MAX_BYTES)
    with pytest.raises(ValidationError, match="paling besar 1 MB"):
        services.set_region_emblem(actor=administrator, region=seed.region, upload=big)


def test_only_the_administrator_changes_the_emblem(media, seed, world):
    for person in (world.planner, world.head_of_agency):
        with pytest.raises(PermissionDenied):
            services.set_region_emblem(actor=person, region=seed.region, upload=SimpleUploadedFile("a", png()))
    assert not Region.objects.get(pk=seed.region.pk).emblem


def test_the_admin_region_form_uploads_through_the_service(media, client, seed, administrator):
    client.force_login(administrator)
    url = reverse("admin:organisation_region_change", args=[seed.region.pk])
    form = {
        "code": seed.region.code,
        "kind": seed.region.kind,
        "name": seed.region.name,
        "province": seed.region.province,
    }
    form |= {"seat": seed.region.seat, "head_title": seed.region.head_title, "head": seed.region.head_id or ""}
    refused = client.post(url, {**form, "new_emblem": SimpleUploadedFile("x.svg", UNSAFE_SVGS["script"])})
    assert refused.status_code == 200
    assert "Gambar SVG tidak boleh memuat elemen «script»" in refused.content.decode()
    assert not Region.objects.get(pk=seed.region.pk).emblem
    saved = client.post(url, {**form, "new_emblem": SimpleUploadedFile("lambang.png", png())})
    assert saved.status_code == 302
    assert Region.objects.get(pk=seed.region.pk).emblem.name.endswith(".png")
    client.post(url, {**form, "remove_emblem": "on"})
    assert not Region.objects.get(pk=seed.region.pk).emblem


def _decree(seed):
    return build_decree(find_current_plan(seed), 2022)


def _letterhead(document) -> Letterhead:
    return next(block for block in document.sections[0].blocks if isinstance(block, Letterhead))


def test_without_an_emblem_the_letterhead_is_as_it_was(media, seed):
    document = _decree(seed)
    data = to_data(_letterhead(document))
    assert set(data) == {"_", "region", "agency", "lines"}  # the data an enacted decree was frozen with
    html = output.render(document, "pdf")
    assert html.startswith(b"%PDF")
    assert len(docx.Document(io.BytesIO(output.render(document, "docx"))).inline_shapes) == 0


def _left_of_first_page_is_green(pdf: bytes, tmp_path) -> bool:
    tmp_path.mkdir(parents=True, exist_ok=True)
    (tmp_path / "d.pdf").write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", str(tmp_path / "d.pdf"), str(tmp_path / "p")],
        check=True,
    )
    (page,) = tmp_path.glob("p*.png")
    image = Image.open(page).convert("RGB")
    width, height = image.size
    top_left = image.crop((0, 0, width // 3, height // 6))
    width, height = top_left.size
    pixels = (top_left.getpixel((x, y)) for x in range(0, width, 2) for y in range(0, height, 2))
    return any(g > 80 and r < 60 and b < 100 for r, g, b in pixels)


@pytest.mark.parametrize(("name", "content"), [("png", None), ("svg", CLEAN_SVG)])
def test_the_decree_prints_the_emblem_in_pdf_and_word(media, seed, administrator, tmp_path, name, content):
    content = content or png()
    assert not _left_of_first_page_is_green(output.render(_decree(seed), "pdf"), tmp_path / "before")
    services.set_region_emblem(actor=administrator, region=seed.region, upload=SimpleUploadedFile("x", content))
    seed.region.refresh_from_db()
    document = _decree(seed)
    assert _letterhead(document).emblem_kind == name
    pdf = output.render(document, "pdf")
    assert _left_of_first_page_is_green(pdf, tmp_path)
    word = docx.Document(io.BytesIO(output.render(document, "docx")))
    assert len(word.inline_shapes) == 1
    assert "PEMERINTAH KABUPATEN HALMAHERA UTARA" in word.tables[0].rows[0].cells[1].text


def test_the_report_cover_prints_the_emblem_only_when_there_is_one(media, seed, administrator):
    from kinerja.reports.document import Emblem
    from kinerja.reports.lkjip import build_report

    without = build_report(seed, 2022)
    assert not any(isinstance(block, Emblem) for block in without.sections[0].blocks)
    assert len(docx.Document(io.BytesIO(output.render(without, "docx"))).inline_shapes) == 0
    services.set_region_emblem(actor=administrator, region=seed.region, upload=SimpleUploadedFile("x", CLEAN_SVG))
    seed.region.refresh_from_db()
    document = build_report(seed, 2022)
    assert isinstance(document.sections[0].blocks[0], Emblem)
    assert len(docx.Document(io.BytesIO(output.render(document, "docx"))).inline_shapes) == 1
    assert output.render(document, "pdf").startswith(b"%PDF")
