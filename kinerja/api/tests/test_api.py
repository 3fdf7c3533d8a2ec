"""The JSON API end to end: reading, the life of an actual, targets, evidence, achievements, documents, tokens,
field errors, filters and pagination — through the same access rules and services as the pages."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from rest_framework.authtoken.models import Token

from kinerja.core.models import AuditRecord
from kinerja.performance import workflow
from kinerja.performance.models import Actual, Evidence, Target
from kinerja.strategy.models import Indicator

SEED = "halut-diskominfo"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def ratio(seed) -> Indicator:
    """IKU.5, a percentage ratio on the section head's page (kasi-tata-kelola)."""
    return Indicator.objects.get(plan__agency=seed, code="IKU.5")


@pytest.fixture
def count(seed) -> Indicator:
    return Indicator.objects.get(plan__agency=seed, code="kasi-tata-kelola.O1.I1")


def as_user(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def post(client: Client, name: str, data: dict | None = None, *args) -> object:
    return client.post(reverse(name, args=args), data or {}, content_type="application/json")


def patch(client: Client, name: str, data: dict, *args) -> object:
    return client.patch(reverse(name, args=args), data, content_type="application/json")


# -- reading -------------------------------------------------------------------------------------------------------


def test_reading_the_agency_its_tree_plan_and_pages(world):
    client = as_user(world.section_head)
    agency = client.get(reverse("api-agency-detail", args=[SEED])).json()
    assert agency["name"] == world.agency.name and agency["region_code"] == world.agency.region.code
    positions = client.get(reverse("api-position-list"), {"agency": SEED, "position": "kasi-tata-kelola"}).json()
    assert [p["code"] for p in positions["results"]] == ["kasi-tata-kelola"]
    assert positions["results"][0]["holders"][0]["name"] == "Kepala Seksi Uji, S.Kom"
    plan = client.get(reverse("api-plan-list"), {"agency": SEED}).json()["results"][0]
    assert (plan["first_year"], plan["last_year"]) == (2021, 2026)
    page = client.get(reverse("api-iki-page-detail", args=[positions["results"][0]["id"]])).json()
    codes = [row["code"] for objective in page["objectives"] for row in objective["rows"]]
    assert "kasi-tata-kelola.O1.I1" in codes and page["heading"] == "KEPALA SEKSI TATA KELOLA PERSANDIAN"
    indicators = client.get(reverse("api-indicator-list"), {"agency": SEED, "position": "kasi-tata-kelola"}).json()
    assert sorted(i["code"] for i in indicators["results"]) == sorted(codes)
    units = client.get(reverse("api-unit-list"), {"agency": SEED}).json()
    assert units["count"] == world.agency.units.count()
    objectives = client.get(reverse("api-objective-list"), {"agency": SEED, "level": "strategic"}).json()
    assert objectives["count"] and {o["level"] for o in objectives["results"]} == {"strategic"}
    officials = client.get(reverse("api-official-list"), {"agency": SEED}).json()
    assert "Kepala Seksi Uji, S.Kom" in [o["name"] for o in officials["results"]]


def test_an_outsider_reads_nothing_of_the_agency(world, ratio):
    client = as_user(world.outsider)
    assert [a["code"] for a in client.get(reverse("api-agency-list")).json()["results"]] == ["luar-dinas"]
    assert client.get(reverse("api-agency-detail", args=[SEED])).status_code == 404
    assert client.get(reverse("api-indicator-detail", args=[ratio.pk])).status_code == 404
    assert client.get(reverse("api-unit-list"), {"agency": SEED}).status_code == 404
    assert client.get(reverse("api-official-list")).json()["count"] == 1  # only themself


def test_anonymous_gets_401_and_a_session_without_csrf_token_403(world):
    assert Client().get(reverse("api-actual-list")).status_code == 401
    assert Client().post(reverse("api-actual-list"), {}, content_type="application/json").status_code == 401
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(world.section_head)
    assert strict.get(reverse("api-actual-list")).status_code == 200
    assert strict.post(reverse("api-actual-list"), {}, content_type="application/json").status_code == 403


# -- the life of an actual -----------------------------------------------------------------------------------------


def test_official_enters_and_submits_superior_returns_and_verifies(world, count):
    kasi, kabid = as_user(world.section_head), as_user(world.division_head)
    created = post(
        kasi, "api-actual-list", {"indicator": count.pk, "year": 2022, "quarter": 1, "value": "2", "note": "lewat API"}
    )
    assert created.status_code == 201, created.content
    actual = created.json()
    assert (actual["value"], actual["status"], actual["entered_by"]) == ("2.0000", "draft", world.section_head.pk)
    # the same row again replaces the draft (200), as the entry page does
    again = post(kasi, "api-actual-list", {"indicator": count.pk, "year": 2022, "quarter": 1, "value": "3"})
    assert again.status_code == 200 and again.json()["value"] == "3.0000" and again.json()["id"] == actual["id"]
    corrected = patch(kasi, "api-actual-detail", {"supporting_factors": "Anggaran tersedia."}, actual["id"])
    assert corrected.status_code == 200
    assert (corrected.json()["value"], corrected.json()["note"]) == ("3.0000", "")
    assert post(kasi, "api-actual-submit", None, actual["id"]).json()["status"] == "submitted"
    # a submitted actual is not typed over; nobody verifies what they entered; a colleague does not verify
    assert patch(kasi, "api-actual-detail", {"value": "1"}, actual["id"]).status_code == 400
    assert post(kasi, "api-actual-verify", None, actual["id"]).status_code == 403
    assert post(as_user(world.secretary), "api-actual-verify", None, actual["id"]).status_code == 403
    empty = post(kabid, "api-actual-return", {"reason": ""}, actual["id"])
    assert empty.status_code == 400 and list(empty.json()) == ["reason"]
    returned = post(kabid, "api-actual-return", {"reason": "Lampirkan daftar hadir."}, actual["id"])
    assert returned.status_code == 200
    assert (returned.json()["status"], returned.json()["status_reason"]) == ("draft", "Lampirkan daftar hadir.")
    post(kasi, "api-actual-submit", None, actual["id"])
    verified = post(kabid, "api-actual-verify", None, actual["id"])
    assert verified.status_code == 200 and verified.json()["verified_by"] == world.division_head.pk
    replay = post(kabid, "api-actual-verify", None, actual["id"])
    assert replay.status_code == 400 and replay.json() == {"non_field_errors": ["Realisasi ini sudah diverifikasi."]}
    reopened = post(as_user(world.planner), "api-actual-reopen", {"reason": "Salah ketik."}, actual["id"])
    assert reopened.status_code == 200 and reopened.json()["status"] == "draft"
    # the same audit trail as the pages
    records = AuditRecord.objects.filter(object_label="performance.actual", object_pk=str(actual["id"]))
    assert {"created", "changed", "submitted", "returned", "verified", "reopened"} <= set(
        records.values_list("action", flat=True)
    )


def test_a_ratio_is_computed_from_its_terms(world, ratio):
    kabid = as_user(world.division_head)
    created = post(
        kabid,
        "api-actual-list",
        {"indicator": ratio.pk, "year": 2022, "quarter": 1, "numerator": "3", "denominator": "30"},
    )
    assert created.status_code == 201 and created.json()["value"] == "10.0000"
    corrected = patch(kabid, "api-actual-detail", {"denominator": "60"}, created.json()["id"])
    assert corrected.json()["value"] == "5.0000" and corrected.json()["numerator"] == "3.0000"


def test_who_may_not_enter_is_refused(world, count):
    body = {"indicator": count.pk, "year": 2022, "quarter": 1, "value": "3"}
    for user in (world.division_head, world.head_of_agency, world.planner, world.inspector):
        assert post(as_user(user), "api-actual-list", body).status_code == 403
    refused = post(as_user(world.outsider), "api-actual-list", body)
    assert refused.json() == {"indicator": ["Indikator tidak ditemukan."]}
    assert not Actual.objects.exists()


def test_an_outsider_gets_404_on_every_action(world, count):
    actual = post(
        as_user(world.section_head),
        "api-actual-list",
        {"indicator": count.pk, "year": 2022, "quarter": 1, "value": "3"},
    ).json()
    outsider = as_user(world.outsider)
    for name in ("api-actual-submit", "api-actual-verify", "api-actual-return", "api-actual-reopen"):
        assert post(outsider, name, {"reason": "x"}, actual["id"]).status_code == 404, name
    assert patch(outsider, "api-actual-detail", {"numerator": "1"}, actual["id"]).status_code == 404
    assert outsider.get(reverse("api-actual-detail", args=[actual["id"]])).status_code == 404


@pytest.mark.parametrize(
    ("body", "errors"),
    [
        ({"numerator": "3"}, {"denominator": ["Isi penyebut."]}),
        ({"numerator": "3", "denominator": "0"}, {"denominator": ["Penyebut harus lebih besar dari 0."]}),
        (
            {"numerator": "40", "denominator": "30"},
            {"numerator": ["Pembilang tidak boleh lebih besar dari penyebut untuk indikator persen."]},
        ),
        ({"numerator": "tiga", "denominator": "30"}, "numerator"),
        ({"numerator": "NaN", "denominator": "30"}, "numerator"),
        (
            {"numerator": "3", "denominator": "30", "value": "10"},
            {"value": ["Nilai rasio dihitung dari pembilang dan penyebut; jangan diisi."]},
        ),
        ({"numerator": "3", "denominator": "30", "year": 2030}, {"year": ["Tahun 2030 di luar Renstra 2021–2026."]}),
        ({"numerator": "3", "denominator": "30", "quarter": 5}, "quarter"),
        (
            {"numerator": "3", "denominator": "30", "note": "x" * 4001},
            {"note": ["Paling panjang 4000 karakter (tertulis 4001)."]},
        ),
    ],
)
def test_bad_input_is_answered_with_field_errors(world, ratio, body, errors):
    """Exact messages where the services word them; the field alone where DRF's own catalogue does."""
    data = {"indicator": ratio.pk, "year": 2022, "quarter": 1, **body}
    response = post(as_user(world.division_head), "api-actual-list", data)
    assert response.status_code == 400
    assert (response.json() == errors) if isinstance(errors, dict) else (list(response.json()) == [errors])
    assert not Actual.objects.exists()


def test_a_count_takes_whole_numbers_and_a_closed_quarter_refuses(world, count):
    kasi = as_user(world.section_head)
    body = {"indicator": count.pk, "year": 2022, "quarter": 2, "value": "1,5"}
    assert post(kasi, "api-actual-list", body).json() == {"value": ["Jumlah harus bilangan bulat."]}
    workflow.close_period(actor=world.planner, agency=world.agency, year=2022, quarter=2)
    refused = post(kasi, "api-actual-list", {**body, "value": "2"})
    assert refused.status_code == 400
    assert refused.json() == {
        "non_field_errors": ["Periode Triwulan II tahun 2022 sudah ditutup; data tidak dapat diubah."]
    }


# -- evidence ------------------------------------------------------------------------------------------------------


def test_evidence_upload_is_checked_and_downloads(world, count):
    kasi = as_user(world.section_head)
    actual = post(kasi, "api-actual-list", {"indicator": count.pk, "year": 2022, "quarter": 1, "value": "1"}).json()
    url = reverse("api-actual-evidence", args=[actual["id"]])
    uploaded = kasi.post(url, {"file": SimpleUploadedFile("bukti.pdf", PDF)})
    assert uploaded.status_code == 201 and uploaded.json()["kind"] == "pdf"
    refused = kasi.post(url, {"file": SimpleUploadedFile("bukan.pdf", b"just text, not a pdf")})
    assert refused.status_code == 400 and list(refused.json()) == ["file"]
    assert list(kasi.post(url, {}).json()) == ["file"]
    assert as_user(world.division_head).post(url, {"file": SimpleUploadedFile("b.pdf", PDF)}).status_code == 403
    evidence = Evidence.objects.get()
    head = as_user(world.head_of_agency)
    download = head.get(reverse("api-evidence-download", args=[evidence.pk]), HTTP_ACCEPT="application/pdf")
    assert download.status_code == 200 and b"".join(download.streaming_content) == PDF
    listed = head.get(reverse("api-evidence-list"), {"actual": actual["id"]}).json()
    assert [e["original_name"] for e in listed["results"]] == ["bukti.pdf"]
    post(kasi, "api-actual-submit", None, actual["id"])
    late = kasi.post(url, {"file": SimpleUploadedFile("lagi.pdf", PDF)})
    assert late.status_code == 400 and "non_field_errors" in late.json()


# -- targets -------------------------------------------------------------------------------------------------------


def test_the_planner_sets_changes_and_clears_targets(world, ratio):
    planner = as_user(world.planner)
    created = post(planner, "api-target-list", {"indicator": ratio.pk, "kind": "year", "year": 2022, "value": "50"})
    assert created.status_code == 201 and created.json()["value"] == "50.0000"
    same = post(planner, "api-target-list", {"indicator": ratio.pk, "kind": "year", "year": 2022, "value": "55"})
    assert same.status_code == 200 and same.json()["id"] == created.json()["id"]
    changed = patch(planner, "api-target-detail", {"value": "60"}, created.json()["id"])
    assert changed.status_code == 200 and changed.json()["value"] == "60.0000"
    for empty in ("", None):  # no figure is not "remove": a 400, never a 500 (found by the fuzz)
        answer = post(planner, "api-target-list", {"indicator": ratio.pk, "kind": "end", "year": 2022, "value": empty})
        assert answer.status_code == 400 and "value" in answer.json(), answer.content
        answer = patch(planner, "api-target-detail", {"value": empty}, created.json()["id"])
        assert answer.status_code == 400 and "value" in answer.json(), answer.content
    bad = post(planner, "api-target-list", {"indicator": ratio.pk, "kind": "year", "year": 2040, "value": "1"})
    assert bad.status_code == 400 and bad.json() == {"year": ["Tahun 2040 di luar Renstra 2021–2026."]}
    upper = post(
        planner,
        "api-target-list",
        {"indicator": ratio.pk, "kind": "year", "year": 2023, "value": "1", "value_upper": "2"},
    )
    assert upper.json() == {"value_upper": ["Hanya indikator dengan target rentang yang mempunyai batas atas."]}
    assert (
        post(
            as_user(world.section_head),
            "api-target-list",
            {"indicator": ratio.pk, "kind": "year", "year": 2022, "value": "1"},
        ).status_code
        == 403
    )
    assert as_user(world.outsider).delete(reverse("api-target-detail", args=[created.json()["id"]])).status_code == 404
    assert planner.delete(reverse("api-target-detail", args=[created.json()["id"]])).status_code == 204
    assert not Target.objects.exists()


# -- achievements --------------------------------------------------------------------------------------------------


def test_achievements_per_page_and_per_agency_follow_the_arithmetic(world, ratio):
    planner, kabid = as_user(world.planner), as_user(world.division_head)
    post(planner, "api-target-list", {"indicator": ratio.pk, "kind": "year", "year": 2022, "value": "50"})
    actual = post(
        kabid,
        "api-actual-list",
        {"indicator": ratio.pk, "year": 2022, "quarter": 1, "numerator": "3", "denominator": "30"},
    ).json()
    pages = kabid.get(
        reverse("api-achievement-page-list"), {"agency": SEED, "position": "kabid-persandian", "year": 2022}
    ).json()["results"]
    row = next(row for row in pages[0]["rows"] if row["code"] == "IKU.5")
    # 3/30 × 100 = 10 against a target of 50: 20 %, Sangat Rendah
    assert (row["target"], row["actual"], row["achievement"], row["category"]) == (
        "50.0000",
        "10.0000",
        "20.0000",
        "Sangat Rendah",
    )
    assert row["statuses"] == ["draft", None, None, None]
    assert pages[0]["rollup"]["counted"] == 1
    verified_only = kabid.get(
        reverse("api-achievement-page-list"),
        {"agency": SEED, "position": "kabid-persandian", "year": 2022, "verified_only": "true"},
    ).json()
    assert next(r for r in verified_only["results"][0]["rows"] if r["code"] == "IKU.5")["achievement"] is None
    post(kabid, "api-actual-submit", None, actual["id"])
    agencies = kabid.get(reverse("api-achievement-agency-list"), {"year": 2022}).json()["results"]
    assert agencies[0]["agency"] == SEED and agencies[0]["rollup"]["mean"] == "20.0000"
    units = {unit["code"]: unit["rollup"]["mean"] for unit in agencies[0]["units"]}
    assert units[world.division_head.official.assignments.get().position.unit.code] == "20.0000"
    assert list(kabid.get(reverse("api-achievement-page-list"), {"quarter": 7}).json()) == ["quarter"]


# -- documents and tokens ------------------------------------------------------------------------------------------


def test_documents_are_listed_and_printed_through_the_catalogue(world):
    client = as_user(world.inspector)
    kinds = client.get(reverse("api-document-list")).json()
    assert "keputusan-iku-iki" in [kind["slug"] for kind in kinds]
    url = reverse("api-document-download", args=["keputusan-iku-iki"])
    docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    response = client.get(url, {"agency": SEED, "file_format": "docx", "year": 2022}, HTTP_ACCEPT=docx)
    assert response.status_code == 200 and response.content[:2] == b"PK"
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert client.get(url, {"agency": SEED, "file_format": "xlsx"}).json() == {
        "file_format": ["Dokumen ini tersedia sebagai pdf, docx."]
    }
    assert client.get(url, {"agency": SEED, "file_format": "docx", "year": 2030}).status_code == 400
    assert (
        client.get(
            reverse("api-document-download", args=["tidak-ada"]), {"agency": SEED, "file_format": "pdf"}
        ).status_code
        == 404
    )
    assert as_user(world.outsider).get(url, {"agency": SEED, "file_format": "docx"}).status_code == 404


def test_a_token_authenticates_and_a_new_one_ends_the_old(world):
    client = as_user(world.section_head)
    assert client.get(reverse("api-token")).json() == {"token": None}
    first = client.post(reverse("api-token")).json()["token"]
    api = Client(HTTP_AUTHORIZATION=f"Token {first}")
    assert api.get(reverse("api-agency-list")).json()["results"][0]["code"] == SEED
    second = client.post(reverse("api-token")).json()["token"]
    assert second != first and Token.objects.get(user=world.section_head).key == second
    assert api.get(reverse("api-agency-list")).status_code == 401
    assert Client(HTTP_AUTHORIZATION=f"Token {second}").get(reverse("api-agency-list")).status_code == 200


def test_the_schema_and_the_docs_page(world):
    client = as_user(world.bappeda)
    schema = client.get(reverse("api-schema"), {"format": "json"}).json()
    assert schema["openapi"].startswith("3.")
    submit = schema["paths"]["/api/v1/actuals/{id}/submit/"]["post"]["responses"]
    assert {"200", "400", "401", "403", "404"} <= set(submit)
    docs = client.get(reverse("api-docs"))
    assert docs.status_code == 200 and b"<script>" not in docs.content and b"api-docs.js" in docs.content
    assert "script-src 'self'" in docs["Content-Security-Policy"]


# -- filters and pagination ----------------------------------------------------------------------------------------


def test_filters_are_checked(world):
    client = as_user(world.head_of_agency)
    assert list(client.get(reverse("api-target-list"), {"year": "dua"}).json()) == ["year"]
    assert client.get(reverse("api-position-list"), {"position": "kadis"}).json() == {
        "position": ["Kode jabatan hanya berlaku bersama agency."]
    }
    assert client.get(reverse("api-unit-list"), {"agency": "luar-dinas"}).status_code == 404
    assert client.get(reverse("api-unit-list"), {"agency": "Bukan Kode!"}).status_code == 400


def test_pages_are_bounded(world):
    client = as_user(world.head_of_agency)
    first = client.get(reverse("api-indicator-list"), {"page_size": 2}).json()
    assert len(first["results"]) == 2 and first["next"].endswith("page=2&page_size=2")
    assert len(client.get(reverse("api-indicator-list"), {"page_size": 10_000}).json()["results"]) == min(
        200, Indicator.objects.filter(plan__agency=world.agency).count()
    )
    assert client.get(reverse("api-indicator-list"), {"page": 999}).status_code == 404


def test_odd_input_answers_4xx_never_5xx(world, count):
    """What a fuzzer might send and a database might choke on: out-of-range ids, NUL characters."""
    kasi = as_user(world.section_head)
    assert kasi.get(reverse("api-actual-detail", args=["9" * 30])).status_code == 404
    assert kasi.get(reverse("api-actual-list"), {"indicator": "9" * 30}).status_code == 400
    assert kasi.get(reverse("api-unit-list"), {"agency": "a\x00b"}).status_code == 400
    assert kasi.get(reverse("api-actual-list"), {"page": "9" * 30}).status_code == 404
    assert (
        post(
            kasi, "api-actual-list", {"indicator": count.pk, "year": 2022, "quarter": 1, "value": "1", "note": "a\x00b"}
        ).status_code
        == 400
    )
    actual = post(kasi, "api-actual-list", {"indicator": count.pk, "year": 2022, "quarter": 1, "value": "1"}).json()
    upload = kasi.post(
        reverse("api-actual-evidence", args=[actual["id"]]), {"file": SimpleUploadedFile("bukti\x00.pdf", PDF)}
    )
    assert upload.status_code == 201 and "\x00" not in upload.json()["original_name"]
