"""One vocabulary wherever a person reads: "Triwulan I" … "Triwulan IV" (never "TW 1", "triwulan 1"), officials by
name and title (never their user name), Indonesian numbers in the log (never "77.5000"), and no internal codes on
the consistency page (the family's title instead)."""

import html as html_module
import re
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from kinerja.core import people
from kinerja.core.models import AuditRecord
from kinerja.core.periods import quarter_label
from kinerja.performance import services, workflow
from kinerja.performance.consistency import check_agency
from kinerja.strategy.models import Indicator

SECTION_HEAD = "Kepala Seksi Uji, S.Kom"  # conftest: the official the account "kasi" stands for


def visible(html: str) -> str:
    """The text a person reads: tags (and their attributes) removed, entities decoded, spaces joined."""
    text = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return " ".join(html_module.unescape(re.sub(r"<[^>]+>", " ", text)).split())


@pytest.mark.parametrize(
    ("quarter", "long", "short"),
    [
        (1, "Triwulan I", "TW I"),
        (2, "Triwulan II", "TW II"),
        (3, "Triwulan III", "TW III"),
        (4, "Triwulan IV", "TW IV"),
        ("2", "Triwulan II", "TW II"),
        (0, "—", "—"),
        (5, "—", "—"),
        (None, "—", "—"),
        ("abc", "—", "—"),
        (True, "—", "—"),
    ],
)
def test_a_quarter_has_one_written_form(quarter, long, short):
    assert quarter_label(quarter) == long
    assert quarter_label(quarter, short=True) == short


@pytest.fixture
def indicator(seed) -> Indicator:
    """A count on the page of kasi-tata-kelola: the section head enters its actuals."""
    return (
        Indicator.objects.filter(plan__agency=seed, formula="count", page_rows__position__code="kasi-tata-kelola")
        .order_by("order")
        .first()
    )


def test_a_user_is_named_as_the_official_they_stand_for(world):
    assert world.section_head.username == "kasi"
    assert people.display_name(world.section_head) == SECTION_HEAD
    assert people.display_name(world.planner) == "Perencana Uji"  # no official: the full name
    bare = get_user_model().objects.create_user("tanpa.nama")
    assert people.display_name(bare) == "tanpa.nama"  # neither: the user name, the last resort
    assert people.display_name(None) == "—"


def test_the_log_names_the_official_not_the_account(logged_in, world, seed, indicator):
    services.record_actual(actor=world.section_head, indicator=indicator, year=2022, quarter=1, value=Decimal(3))
    # a record written before this change kept the user name: the log still names the official
    AuditRecord.objects.filter(user=world.section_head).update(actor_name="kasi")
    page = visible(logged_in.get(reverse("agency-history", args=[seed.code])).content.decode())
    assert SECTION_HEAD in page
    assert " kasi " not in f" {page} "
    history = visible(logged_in.get(reverse("indicator-history", args=[seed.code, indicator.code])).content.decode())
    assert SECTION_HEAD in history and " kasi " not in f" {history} "


def test_the_log_writes_numbers_and_quarters_the_indonesian_way(logged_in, world, seed):
    ratio = Indicator.objects.get(plan__agency=seed, code="IKU.4")  # × 100: 155 / 200 gives 77.5
    services.record_actual(
        actor=world.head_of_agency,
        indicator=ratio,
        year=2022,
        quarter=1,
        numerator=Decimal(155),
        denominator=Decimal(200),
    )
    page = visible(logged_in.get(reverse("agency-history", args=[seed.code])).content.decode())
    assert "Realisasi Triwulan I 2022 indikator IKU.4 dibuat" in page
    assert "nilai realisasi 77,50" in page and "triwulan Triwulan I" in page  # field by field
    assert not re.search(r"\bTW ?[1-4]\b|\b[Tt]riwulan [1-4]\b", page)
    history = visible(logged_in.get(reverse("indicator-history", args=[seed.code, "IKU.4"])).content.decode())
    assert "77.5" not in history  # "77.5000" was the log's name of the actual
    assert "Realisasi: Triwulan I 2022: 77,5" in history


def test_the_log_filter_lists_officials_by_name(logged_in, world, seed, indicator):
    services.record_actual(actor=world.section_head, indicator=indicator, year=2022, quarter=1, value=Decimal(3))
    response = logged_in.get(reverse("agency-history", args=[seed.code]))
    choices = dict(response.context["form"].fields["pengguna"].choices)
    assert choices[str(world.section_head.pk)] == SECTION_HEAD


def test_a_stale_save_names_who_changed_it_by_name(world, indicator):
    actual = services.record_actual(
        actor=world.section_head, indicator=indicator, year=2022, quarter=1, value=Decimal(3)
    )
    assert workflow.last_changed_by(actual) == SECTION_HEAD


def test_the_consistency_page_shows_the_family_title_not_the_code(logged_in, seed):
    report = check_agency(seed)
    codes = {finding.code for finding in report.findings}
    assert "sasaran-strategis-tanpa-iku" in codes  # the seed's own contradiction
    page = visible(logged_in.get(reverse("consistency-check", args=[seed.code])).content.decode())
    for code in codes:
        assert code not in page, code
    assert page.count("Sasaran strategis, IKU dan penanggung jawab") >= 2  # the group and its findings


def test_the_entry_and_verification_pages_write_the_quarter_in_roman_numerals(client, world, seed, indicator):
    services.record_actual(actor=world.section_head, indicator=indicator, year=2022, quarter=2, value=Decimal(3))
    client.force_login(world.section_head)
    url = reverse("entry-page", args=[seed.code, "kasi-tata-kelola"])
    page = visible(client.get(url, {"tahun": 2022, "triwulan": 2}).content.decode())
    assert "Triwulan II" in page
    assert not re.search(r"\b(TW|[Tt]riwulan) ?[1-4]\b", page), re.findall(r".{30}\b(?:TW|[Tt]riwulan) ?[1-4]\b", page)
    period = visible(client.get(reverse("agency-overview", args=[seed.code]), {"tahun": 2022}).content.decode())
    assert not re.search(r"\b[Tt]riwulan ?[1-4]\b|\btriwulan I", period)
