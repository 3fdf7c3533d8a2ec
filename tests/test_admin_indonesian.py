"""The Django admin, where administrators read it, is Indonesian: no English permission names ("Can add role"), no
"Choose" in the widgets, no "Axes" section, none of Django's broken Indonesian ("Autentidikasi berdasarkan-sandi",
"Rubah", "Diadakan"). The strings are checked in what a person reads: the text of the page, and the admin's
JavaScript catalogue for what its widgets write."""

import html as html_module
import json
import re

import pytest
from django.urls import reverse

ENGLISH_OR_BROKEN = [
    "Can add",
    "Can change",
    "Can delete",
    "Can view",
    "Choose",
    "Axes",
    "AXES",
    "Autentidikasi",
    "autentidikasi",
    "mengautentifikasi",
    "Diadakan",
    "Ditiadakan",
    "Rubah",
    "merubah",
    "atau sedikit",
    "Path",
    "Locked Out",
    "Navigasi pencarian barang",
]


def visible(html: str) -> str:
    text = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return " ".join(html_module.unescape(re.sub(r"<[^>]+>", " ", text)).split())


@pytest.fixture
def administrator(client, django_user_model):
    user = django_user_model.objects.create_superuser("admin-uji", password="x-Admin-123")
    client.force_login(user)
    return client


def test_the_admin_reads_in_indonesian(administrator, world):
    pages = [
        reverse("admin:index"),
        reverse("admin:accounts_user_add"),
        reverse("admin:accounts_user_change", args=[world.section_head.pk]),
        reverse("admin:auth_group_add"),
        reverse("admin:accounts_rolegrant_add"),
        reverse("admin:axes_accessattempt_changelist"),
        reverse("admin:accounts_user_changelist"),
        reverse("admin:organisation_region_change", args=[world.agency.region_id]),
        reverse("admin:axes_accesslog_changelist"),
    ]
    for url in pages:
        response = administrator.get(url)
        assert response.status_code == 200, url
        text = visible(response.content.decode())
        found = [word for word in ENGLISH_OR_BROKEN if re.search(rf"\b{re.escape(word)}\b", text)]
        assert found == [], (url, found)
        assert not re.search(r"\bYa No\b", text), url  # a yes/no filter says "Ya Tidak"


def test_permissions_and_sections_are_named_in_indonesian(administrator, world):
    text = visible(administrator.get(reverse("admin:auth_group_add")).content.decode())
    assert "Akun | peran | Dapat menambah peran" in text
    assert "Akun | pengguna | Dapat melihat pengguna" in text
    index = visible(administrator.get(reverse("admin:index")).content.decode())
    assert "Perlindungan masuk" in index
    user = visible(administrator.get(reverse("admin:accounts_user_add")).content.decode())
    assert "Masuk dengan kata sandi" in user


def test_the_admin_widgets_write_indonesian(administrator):
    script = administrator.get(reverse("admin:jsi18n")).content.decode()
    catalog = json.loads(re.search(r"const newcatalog = (\{.*?\});", script, flags=re.S).group(1))
    choose = catalog['Choose %s by selecting them and then select the "Choose" arrow button.']
    assert "Choose" not in choose and choose.startswith("Pilih")
    assert catalog["Filter"] == "Saring"
    assert "Remove" not in catalog['Remove %s by selecting them and then select the "Remove" arrow button.']


# What the admin showed in English before (issue 18, item 9) and what its read-only plan pages could show: the
# model and field names, Django's own buttons and headings, and the link to the page where a row is edited.
ENGLISH_WORDS = [
    "Site administration",
    "Change",
    "Add",
    "Delete",
    "History",
    "Save",
    "Home",
    "View site",
    "Log out",
    "strategic plan",
    "objective",
    "indicator",
    "position",
    "official",
    "contributes to",
    "edited in Kinerja",
    "Open the page",
    "Authentication",
    "Authorization",
    "AXES",
    "Axes",
]


def test_the_admin_index_and_the_plan_and_people_pages_carry_no_english(administrator, world):
    from kinerja.organisation.models import Official
    from kinerja.strategy.models import Indicator, Objective

    objective = Objective.objects.filter(plan__agency=world.agency, level="performance").first()
    pages = [
        reverse("admin:index"),
        reverse("admin:strategy_objective_change", args=[objective.pk]),
        reverse("admin:strategy_indicator_change", args=[Indicator.objects.filter(plan__agency=world.agency)[0].pk]),
        reverse("admin:organisation_official_change", args=[Official.objects.get(user=world.section_head).pk]),
        reverse("admin:organisation_unit_add"),
    ]
    for url in pages:
        response = administrator.get(url)
        assert response.status_code == 200, url
        text = visible(response.content.decode())
        found = [word for word in ENGLISH_WORDS if re.search(rf"\b{re.escape(word)}\b", text)]
        assert found == [], (url, found)
    assert "Buka halaman tempat data ini diubah" in visible(administrator.get(pages[1]).content.decode())
