"""The planner's pages of the strategic plan (issue 18, item 2): forms that show the one door's refusals next to their
fields, the consistency check's count after a save, the links from the plan, the indicator and the consistency
check ("Perbaiki"), and what the page costs."""

import re
from html import unescape
from urllib.parse import quote

from django.urls import reverse

from kinerja.performance.consistency import check_agency
from kinerja.strategy.models import Indicator, KeyIndicatorRow

SEED = "halut-diskominfo"
INDICATOR = "kasubag-umum.O1.I2"  # counts "Paket" in Dokumen: a warning of the seed (satuan-tidak-sesuai-nama)


def form_of(indicator: Indicator, **changes: str) -> dict[str, str]:
    values = {
        "code": indicator.code,
        "name": indicator.name,
        "objective": str(indicator.objective_id or ""),
        "formula": indicator.formula,
        "numerator": indicator.numerator,
        "denominator": indicator.denominator,
        "factor": "" if indicator.factor is None else str(int(indicator.factor)),
        "unit": indicator.unit,
        "definition": indicator.definition,
        "data_source": indicator.data_source,
        "responsible_position": str(indicator.responsible_position_id or ""),
        "polarity": indicator.polarity,
        "quarter_rule": indicator.quarter_rule,
        "decimals": str(indicator.decimals),
        "order": str(indicator.order),
    }
    if indicator.is_key:
        values["is_key"] = "on"
    values.update(changes)
    return values


def messages_of(response) -> list[str]:
    return [str(message) for message in response.wsgi_request._messages]


def test_the_planner_saves_an_indicator_and_reads_what_the_consistency_check_now_reports(client, world, seed):
    def unit_findings() -> list[str]:
        return [
            f.message
            for f in check_agency(seed).findings
            if f.code == "satuan-tidak-sesuai-nama" and INDICATOR in f.message
        ]

    assert len(unit_findings()) == 1
    client.force_login(world.planner)
    indicator = Indicator.objects.get(plan__agency=seed, code=INDICATOR)
    back = reverse("consistency-check", args=[SEED])
    url = reverse("plan-indicator-edit", args=[SEED, INDICATOR]) + f"?kembali={quote(back)}"
    response = client.post(url, form_of(indicator, unit="Paket", kembali=back), follow=True)
    assert response.redirect_chain == [(back, 302)]
    indicator.refresh_from_db()
    assert indicator.unit == "Paket"
    report = check_agency(seed)
    text = unescape(response.content.decode())
    assert (
        f"Indikator disimpan. Pemeriksaan konsistensi kini melaporkan {len(report.errors)} kesalahan dan "
        f"{len(report.warnings)} peringatan." in text
    )
    assert unit_findings() == []


def test_a_refusal_is_shown_next_to_its_field_and_nothing_is_saved(client, world, seed):
    client.force_login(world.planner)
    indicator = Indicator.objects.get(plan__agency=seed, code="IKU.2")
    url = reverse("plan-indicator-edit", args=[SEED, "IKU.2"])
    response = client.post(url, form_of(indicator, factor="1.5"))
    assert response.status_code == 400
    assert re.search(r'class="field-factor">.*?tulis koma', unescape(response.content.decode()), re.S)
    response = client.post(url, form_of(indicator, numerator="", code="IKU.5"))
    assert response.status_code == 400
    text = unescape(response.content.decode())
    assert re.search(r'class="field-code">.*?Kode IKU\.5 sudah dipakai dalam Renstra ini', text, re.S)
    assert re.search(r'class="field-numerator">.*?Rasio harus memiliki pembilang\.', text, re.S)
    indicator.refresh_from_db()
    assert indicator.numerator and indicator.code == "IKU.2"


def test_a_new_goal_and_a_refused_deletion(client, world, seed):
    client.force_login(world.planner)
    response = client.post(reverse("plan-goal-new", args=[SEED]), {"code": "T2", "text": "Tujuan kedua", "order": ""})
    assert response.status_code == 302
    assert seed.plans.get().goals.get(code="T2").order == 2
    response = client.post(reverse("plan-goal-delete", args=[SEED, "T1"]), follow=True)
    assert response.redirect_chain[-1][0] == reverse("plan-goal-edit", args=[SEED, "T1"])
    assert messages_of(response)[-1:] == [
        "Tidak dapat dihapus selama masih dipakai oleh 3 sasaran strategis (S1, S2, S3)."
    ]
    response = client.post(reverse("plan-goal-delete", args=[SEED, "T2"]), follow=True)
    assert not seed.plans.get().goals.filter(code="T2").exists()
    assert messages_of(response)[0].startswith("Tujuan T2 dihapus. Pemeriksaan konsistensi kini melaporkan ")


def test_the_indicator_form_costs_a_fixed_number_of_queries(client, world, django_assert_max_num_queries):
    client.force_login(world.planner)
    with django_assert_max_num_queries(13):
        response = client.get(reverse("plan-indicator-edit", args=[SEED, "IKU.5"]))
    assert response.status_code == 200
    text = unescape(response.content.decode())
    assert 'value="IKU.5"' in text and "Faktor pengali" in text and 'value="100"' in text


def test_the_plan_and_the_indicator_link_to_their_forms_for_the_planner_only(client, world):
    plan_url, indicator_url = reverse("plan-detail", args=[SEED]), reverse("indicator-detail", args=[SEED, "IKU.5"])
    edit = reverse("plan-indicator-edit", args=[SEED, "IKU.5"])
    client.force_login(world.planner)
    plan_page = client.get(plan_url).content.decode()
    assert edit in plan_page and reverse("plan-goal-edit", args=[SEED, "T1"]) in plan_page
    assert reverse("plan-objective-edit", args=[SEED, "S1"]) in plan_page
    assert reverse("plan-key-row-new", args=[SEED]) in plan_page and "Tambah tujuan" in plan_page
    assert edit in client.get(indicator_url).content.decode()
    client.force_login(world.section_head)
    assert "/renstra/" + "indikator" not in client.get(plan_url).content.decode()
    assert edit not in client.get(indicator_url).content.decode()


def test_every_plan_finding_offers_its_form_to_the_planner(client, world):
    url = reverse("consistency-check", args=[SEED])
    client.force_login(world.planner)
    text = unescape(client.get(url).content.decode())
    fixes = re.findall(r'href="([^"]+)" data-fix', text)
    paths = {fix.split("?")[0] for fix in fixes}
    assert reverse("plan-indicator-edit", args=[SEED, "IKU.1"]) in paths
    assert reverse("plan-objective-edit", args=[SEED, "S1"]) in paths
    assert reverse("plan-edit", args=[SEED]) in paths
    first_row = KeyIndicatorRow.objects.filter(plan__agency__code=SEED).order_by("order").first()
    assert reverse("plan-key-row-edit", args=[SEED, first_row.pk]) in paths
    assert reverse("decree-record", args=[SEED]) in paths
    assert reverse("chapter-edit", args=[SEED, "buku-iku-iki", "chapter_1"]) in paths
    assert all("kembali=" in fix for fix in fixes)
    assert ">Perbaiki<" in text
    # the IKI pages' places (a performance objective, a page row) open the page's edit form
    ganda = re.search(r'data-code="sasaran-ganda">.*?</li>\s*</ul>', text, re.S)[0]
    assert 'href="/instansi/halut-diskominfo/iki/' in ganda and "/ubah/?kembali=" in ganda
    assert any(path.startswith(f"/instansi/{SEED}/iki/") and path.endswith("/ubah/") for path in paths)
    client.force_login(world.section_head)
    assert "data-fix" not in client.get(url).content.decode()


def test_a_save_never_returns_to_another_site(client, world, seed):
    client.force_login(world.planner)
    indicator = Indicator.objects.get(plan__agency=seed, code="IKU.5")
    url = reverse("plan-indicator-edit", args=[SEED, "IKU.5"])
    response = client.post(url, form_of(indicator, kembali="https://contoh.example/"))
    assert response.status_code == 302
    assert response["Location"] == reverse("indicator-detail", args=[SEED, "IKU.5"])
