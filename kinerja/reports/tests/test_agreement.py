"""The performance agreement (PK) built from the data: parties, targets, budgets, gaps and query counts."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.db import IntegrityError, transaction

from kinerja.core.numbers import format_number
from kinerja.organisation.models import Assignment, Official, Position
from kinerja.performance.example_data import clear_example_performance
from kinerja.performance.models import Target
from kinerja.reports.agreement import build_agreement, build_agreements
from kinerja.reports.document import DOTS, Document, Section, Signatures, Table
from kinerja.reports.tests.readback import docx_text, find_in_order, normalise, pdf_text
from kinerja.reports.wording import format_date_id, printed_official_name
from kinerja.strategy import services
from kinerja.strategy.models import Activity, Budget, PageIndicator, Programme, SubActivity

YEAR = 2022


@pytest.fixture
def example(example_figures):
    """The seed with its example targets and budgets (conftest: inserted in bulk inside each test's transaction,
    so nothing leaks into the audit trail of later tests)."""
    return example_figures


@pytest.fixture
def bare(seed):
    """The seed agency without any example data (removed inside the test's transaction)."""
    clear_example_performance(actor=None, agency=seed)
    return seed


def position(agency, code: str) -> Position:
    return agency.positions.get(code=code)


def sections_of(document: Document, code: str) -> tuple[Section, Section]:
    by_name = {section.name: section for section in document.sections}
    return by_name[code], by_name[f"{code}-lampiran"]


def tables(section: Section) -> list[Table]:
    return [block for block in section.blocks if isinstance(block, Table) and block.style == "grid"]


def signatures(section: Section) -> Signatures:
    return next(block for block in section.blocks if isinstance(block, Signatures))


def indicator_rows(appendix: Section) -> list[tuple[str, str]]:
    """(indicator, target) of every row of the target table: the last two cells of each row."""
    target_table = tables(appendix)[0]
    return [(row[-2].plain, row[-1].plain) for row in target_table.rows]


def budget_rows(appendix: Section) -> list[tuple[str, str]]:
    budget_table = tables(appendix)[1]
    return [(row[-2].plain, row[-1].plain) for row in budget_table.rows]


def expected_rows(pos: Position) -> list[tuple[str, str]]:
    """What the appendix must carry, straight from the database: the page rows and that year's targets."""
    expected = []
    rows = PageIndicator.objects.filter(position=pos).select_related("indicator", "objective")
    for row in rows.order_by("objective__order", "order"):
        target = Target.objects.get(indicator=row.indicator, kind="year", year=YEAR)
        text = format_number(target.value, row.indicator.decimals)
        if target.value_upper is not None:
            text += f" – {format_number(target.value_upper, row.indicator.decimals)}"
        expected.append((row.name, f"{text} {row.indicator.unit}"))
    return expected


@pytest.mark.parametrize("code", ["kadis", "sekretaris", "kabid-infra", "kasi-tata-kelola"])
def test_agreement_carries_exactly_the_positions_indicators_and_targets(example, code):
    pos = position(example, code)
    document = build_agreement(pos, YEAR)
    _, appendix = sections_of(document, code)
    assert indicator_rows(appendix) == expected_rows(pos)
    assert len(expected_rows(pos)) > 0
    assert not any("target" in sentence for sentence in document.missing)
    assert document.filename_stem == f"perjanjian-kinerja-{example.code}-{YEAR}-{code}"


def test_a_target_that_changes_shows_in_the_agreement(example):
    pos = position(example, "kasi-tata-kelola")
    row = PageIndicator.objects.filter(position=pos).select_related("indicator").first()
    Target.objects.filter(indicator=row.indicator, kind="year", year=YEAR).update(value=Decimal("7"))
    _, appendix = sections_of(build_agreement(pos, YEAR), "kasi-tata-kelola")
    assert (row.name, f"{format_number(Decimal(7), row.indicator.decimals)} {row.indicator.unit}") in (
        indicator_rows(appendix)
    )


def test_a_missing_target_prints_a_dash_and_is_listed(example):
    pos = position(example, "kasi-tata-kelola")
    row = PageIndicator.objects.filter(position=pos).select_related("indicator").first()
    Target.objects.filter(indicator=row.indicator, kind="year", year=YEAR).delete()
    document = build_agreement(pos, YEAR)
    _, appendix = sections_of(document, "kasi-tata-kelola")
    assert (row.name, "—") in indicator_rows(appendix)
    assert any(row.name in sentence and "target" in sentence for sentence in document.missing)
    assert document.is_draft


def test_the_head_of_agencys_second_party_is_the_regent(example):
    document = build_agreement(position(example, "kadis"), YEAR)
    statement, appendix = sections_of(document, "kadis")
    for section in (statement, appendix):
        second, first = signatures(section).blocks
        assert second.name == "Ir. FRANS MANERY"
        assert "BUPATI HALMAHERA UTARA," in second.above
        assert "PIHAK KEDUA," in second.above
        assert second.below == []  # an elected regent has no NIP
        assert first.name == "Drs. DEKY TAWARIS, MM"
        assert "NIP 196507201991121001" in first.below
        assert "PIHAK PERTAMA," in first.above
    names = [cell.plain for table in statement.blocks if isinstance(table, Table) for row in table.rows for cell in row]
    assert "Ir. Frans Manery" in names and "Bupati Halmahera Utara" in names
    assert not any("Bupati" in sentence for sentence in document.missing)


def test_without_a_recorded_regent_the_second_party_is_dotted_and_listed(example):
    region = example.region
    region.head = None
    region.save()
    document = build_agreement(position(example, "kadis"), YEAR)
    statement, _ = sections_of(document, "kadis")
    assert signatures(statement).blocks[0].name == DOTS
    assert any("Bupati" in sentence and "pihak kedua" in sentence for sentence in document.missing)


def vacate(agency, code: str) -> None:
    """The shared world gives kabid-persandian a holder; these tests need the post vacant."""
    Assignment.objects.filter(position__agency=agency, position__code=code).delete()


def test_a_position_without_holder_still_prints_and_lists_the_gap(example):
    vacate(example, "kabid-persandian")
    document = build_agreement(position(example, "kabid-persandian"), YEAR)
    statement, appendix = sections_of(document, "kabid-persandian")
    assert signatures(statement).blocks[1].name == DOTS
    assert f"NIP {DOTS}" in signatures(appendix).blocks[1].below
    assert any(
        "Kepala Bidang Persandian" in sentence and "pemegang jabatan" in sentence for sentence in document.missing
    )
    assert document.is_draft


def test_the_subordinate_of_a_vacant_post_lists_the_missing_superior(example):
    vacate(example, "kabid-persandian")
    document = build_agreement(position(example, "kasi-tata-kelola"), YEAR)
    statement, _ = sections_of(document, "kasi-tata-kelola")
    second, first = signatures(statement).blocks
    assert first.name == "KEPALA SEKSI UJI, S.Kom"
    assert second.name == DOTS
    assert any("atasan" in sentence for sentence in document.missing)


def test_the_agreement_is_signed_when_both_parties_hold_their_posts(example):
    # The secretary holds the post from 3 January 2022, the head of agency from 14 February 2022.
    document = build_agreement(position(example, "sekretaris"), YEAR)
    statement, _ = sections_of(document, "sekretaris")
    second, first = signatures(statement).blocks
    assert first.above[0] == "Tobelo, 14 Februari 2022"
    assert second.name == "Drs. DEKY TAWARIS, MM"


def test_the_agreement_is_signed_on_2_january_when_both_already_hold_their_posts(example):
    for assignment in Assignment.objects.filter(position__agency=example):
        assignment.start = datetime.date(2021, 6, 1)
        assignment.save()
    statement, _ = sections_of(build_agreement(position(example, "sekretaris"), YEAR), "sekretaris")
    assert signatures(statement).blocks[1].above[0] == "Tobelo, 2 Januari 2022"


def test_the_head_of_agency_lists_the_programmes_with_their_budgets(example):
    document = build_agreement(position(example, "kadis"), YEAR)
    _, appendix = sections_of(document, "kadis")
    budget_table = tables(appendix)[1]
    assert [cell.plain for cell in budget_table.header[0]] == ["No", "Program", "Anggaran (Rp)"]
    budgets = {
        budget.programme.name: budget.amount
        for budget in Budget.objects.filter(programme__plan__agency=example, year=YEAR).select_related("programme")
    }
    assert len(budgets) == Programme.objects.filter(plan__agency=example).count() == 4
    rows = budget_rows(appendix)
    assert rows[:-1] == [(name, f"Rp {format_number(amount, 0)}") for name, amount in budgets.items()]
    assert rows[-1] == ("Jumlah", f"Rp {format_number(sum(budgets.values()), 0)}")
    assert not any("anggaran" in sentence.lower() for sentence in document.missing)


def test_budgets_by_level_activities_for_a_head_of_division_sub_activities_for_a_section_head(example):
    programme = Programme.objects.get(plan__agency=example, code="2.21.02")
    kabid, kasi = position(example, "kabid-persandian"), position(example, "kasi-tata-kelola")
    activity = Activity.objects.create(programme=programme, code="2.21.02.1.01", name="Kegiatan persandian")
    services.set_responsible_position(actor=None, item=activity, position=kabid)
    sub = SubActivity.objects.create(activity=activity, code="2.21.02.1.01.0001", name="Sub kegiatan sandi")
    services.set_responsible_position(actor=None, item=sub, position=kasi)
    services.set_budget(actor=None, activity=activity, year=YEAR, amount=Decimal("150000000"))
    services.set_budget(actor=None, sub_activity=sub, year=YEAR, amount=Decimal("1234567"))

    _, appendix = sections_of(build_agreement(kabid, YEAR), "kabid-persandian")
    assert tables(appendix)[1].header[0][1].plain == "Kegiatan"
    assert budget_rows(appendix) == [("Kegiatan persandian", "Rp 150.000.000"), ("Jumlah", "Rp 150.000.000")]

    _, appendix = sections_of(build_agreement(kasi, YEAR), "kasi-tata-kelola")
    assert tables(appendix)[1].header[0][1].plain == "Sub Kegiatan"
    assert budget_rows(appendix) == [("Sub kegiatan sandi", "Rp 1.234.567"), ("Jumlah", "Rp 1.234.567")]

    # A head of division of another field has no activity yet: a dash, and the gap is listed.
    document = build_agreement(position(example, "kabid-infra"), YEAR)
    _, appendix = sections_of(document, "kabid-infra")
    assert budget_rows(appendix) == [("—", "—"), ("Jumlah", "—")]
    assert any("kegiatan" in sentence for sentence in document.missing)


def test_the_budget_level_is_a_setting(example, settings):
    settings.KINERJA_AGREEMENT_BUDGET_LEVELS = ("programme", "programme", "activity")
    _, appendix = sections_of(build_agreement(position(example, "sekretaris"), YEAR), "sekretaris")
    assert tables(appendix)[1].header[0][1].plain == "Program"


def test_a_programme_without_budget_prints_a_dash_and_is_listed(example):
    Budget.objects.filter(programme__code="2.16.03", year=YEAR).delete()
    document = build_agreement(position(example, "kadis"), YEAR)
    _, appendix = sections_of(document, "kadis")
    assert ("Program aplikasi informatika", "—") in budget_rows(appendix)
    assert budget_rows(appendix)[-1] == ("Jumlah", "—")
    assert any("Program aplikasi informatika" in sentence for sentence in document.missing)


def test_all_agreements_in_one_document_in_position_order(example):
    document = build_agreements(example, YEAR)
    codes = list(example.positions.structural().order_by("order").values_list("code", flat=True))
    assert len(codes) == 17
    assert [section.name for section in document.sections] == [
        name for code in codes for name in (code, f"{code}-lampiran")
    ]
    assert document.filename_stem == f"perjanjian-kinerja-{example.code}-{YEAR}"
    for code in codes:
        _, appendix = sections_of(document, code)
        assert indicator_rows(appendix) == expected_rows(position(example, code))


def test_query_count_is_fixed_for_one_position_and_for_all(example, django_assert_max_num_queries):
    kasi = position(example, "kasi-tata-kelola")
    with django_assert_max_num_queries(14):
        build_agreement(kasi, YEAR)
    with django_assert_max_num_queries(14):
        document = build_agreements(example, YEAR)
    assert len(document.sections) == 34


def test_without_example_data_every_target_and_budget_is_a_gap(bare):
    document = build_agreement(position(bare, "kadis"), YEAR)
    _, appendix = sections_of(document, "kadis")
    assert {target for _, target in indicator_rows(appendix)} == {"—"}
    assert document.is_draft


def test_a_year_outside_every_plan_is_refused(bare):
    with pytest.raises(ValidationError) as error:
        build_agreement(position(bare, "kadis"), 2030)
    assert "year" in error.value.message_dict


# -- the budget service ---------------------------------------------------------------------------------


def test_the_service_refuses_a_negative_budget(bare):
    programme = Programme.objects.filter(plan__agency=bare).first()
    with pytest.raises(ValidationError) as error:
        services.set_budget(actor=None, programme=programme, year=YEAR, amount=Decimal("-1"))
    assert "amount" in error.value.message_dict
    assert not Budget.objects.filter(programme=programme).exists()


def test_the_service_refuses_a_budget_with_two_items(bare):
    programme = Programme.objects.filter(plan__agency=bare).first()
    activity = Activity.objects.create(programme=programme, code="x.1", name="Kegiatan uji")
    with pytest.raises(ValidationError) as error:
        services.set_budget(actor=None, programme=programme, activity=activity, year=YEAR, amount=Decimal(5))
    assert set(error.value.message_dict) == {"programme", "activity"}
    with pytest.raises(ValidationError):
        services.set_budget(actor=None, year=YEAR, amount=Decimal(5))
    assert not Budget.objects.exists()


def test_the_service_refuses_a_float_and_a_year_outside_the_plan(bare):
    programme = Programme.objects.filter(plan__agency=bare).first()
    with pytest.raises(ValidationError) as error:
        services.set_budget(actor=None, programme=programme, year=YEAR, amount=1.5)
    assert "amount" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        services.set_budget(actor=None, programme=programme, year=2030, amount=Decimal(1))
    assert "year" in error.value.message_dict


def test_the_service_sets_replaces_and_clears_one_budget_per_item_and_year(bare):
    programme = Programme.objects.filter(plan__agency=bare).first()
    services.set_budget(actor=None, programme=programme, year=YEAR, amount=Decimal("1000"))
    services.set_budget(actor=None, programme=programme, year=YEAR, amount=Decimal("2000.005"))
    assert list(Budget.objects.filter(programme=programme).values_list("amount", flat=True)) == [Decimal("2000.01")]
    services.set_budget(actor=None, programme=programme, year=YEAR, amount=None)
    assert not Budget.objects.filter(programme=programme).exists()


def test_the_database_refuses_two_items_and_a_second_budget_for_the_same_year(bare):
    programme = Programme.objects.filter(plan__agency=bare).first()
    activity = Activity.objects.create(programme=programme, code="x.2", name="Kegiatan uji")
    with pytest.raises(IntegrityError), transaction.atomic():
        Budget.objects.create(programme=programme, activity=activity, year=YEAR, amount=Decimal(1))
    with pytest.raises(IntegrityError), transaction.atomic():
        Budget.objects.create(year=YEAR, amount=Decimal(1))
    Budget.objects.create(programme=programme, year=YEAR, amount=Decimal(1))
    with pytest.raises(IntegrityError), transaction.atomic():
        Budget.objects.create(programme=programme, year=YEAR, amount=Decimal(2))
    with pytest.raises(IntegrityError), transaction.atomic():
        Budget.objects.create(activity=activity, year=YEAR, amount=Decimal(-1))


def test_a_responsible_position_of_another_agency_is_refused(bare):
    programme = Programme.objects.filter(plan__agency=bare).first()
    activity = Activity.objects.create(programme=programme, code="x.3", name="Kegiatan uji")
    outsider = Position.objects.get(agency__code="luar-dinas")
    with pytest.raises(ValidationError) as error:
        services.set_responsible_position(actor=None, item=activity, position=outsider)
    assert "responsible_position" in error.value.message_dict


def test_example_budgets_are_removed_with_the_example_data(example):
    assert Budget.objects.filter(programme__plan__agency=example, is_example=True).count() == 4 * 6
    call_command("clear_example_performance", example.code)
    assert not Budget.objects.filter(programme__plan__agency=example).exists()


# -- wording --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (datetime.date(2022, 2, 14), "14 Februari 2022"),
        (datetime.date(2022, 1, 2), "2 Januari 2022"),
        (datetime.date(2023, 12, 31), "31 Desember 2023"),
        (None, "—"),
    ],
)
def test_format_date_id(value, text):
    assert format_date_id(value) == text


@pytest.mark.parametrize(
    ("name", "with_titles", "printed"),
    [
        ("Drs. Deky Tawaris, MM", True, "Drs. DEKY TAWARIS, MM"),
        ("Drs. Deky Tawaris, MM", False, "DEKY TAWARIS"),
        ("Ir. Frans Manery", True, "Ir. FRANS MANERY"),
        ("Frans Manery", True, "FRANS MANERY"),
    ],
)
def test_printed_official_name(name, with_titles, printed):
    assert printed_official_name(name, with_titles) == printed


def test_the_regent_is_an_official_of_the_region_without_nip(bare):
    head = bare.region.head
    assert head is not None and head.nip is None and head.region_id == bare.region_id
    assert Official.objects.filter(name="Ir. Frans Manery").count() == 1


# -- the command ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--year", "2022", "--output", "pk.xlsx"], ".pdf"),
        (["--year", "2022", "--position", "tidak-ada", "--output", "pk.pdf"], "tidak-ada"),
        (["--year", "2030", "--output", "pk.pdf"], "2030"),
    ],
)
def test_print_agreement_refuses_with_a_message(bare, tmp_path, arguments, message):
    arguments = [arg if not arg.startswith("pk.") else str(tmp_path / arg) for arg in arguments]
    with pytest.raises(CommandError) as error:
        call_command("print_agreement", bare.code, *arguments)
    assert message in str(error.value)
    assert not list(tmp_path.iterdir())


def test_print_agreement_refuses_an_unknown_agency(bare, tmp_path):
    with pytest.raises(CommandError):
        call_command("print_agreement", "tidak-ada", "--year", "2022", "--output", str(tmp_path / "pk.pdf"))


@pytest.mark.parametrize("suffix", ["pdf", "docx"])
def test_print_agreement_writes_a_file_that_reads_back_with_the_parties_targets_and_budgets(
    example,
    tmp_path,
    capsys,
    suffix,
):
    path = tmp_path / f"pk.{suffix}"
    call_command("print_agreement", example.code, "--year", "2022", "--position", "kadis", "--output", str(path))
    data = path.read_bytes()
    text = normalise(pdf_text(data) if suffix == "pdf" else docx_text(data))
    kadis = position(example, "kadis")
    budgets = Budget.objects.filter(programme__plan__agency=example, year=YEAR).order_by("programme__order")
    statement = [
        "PERJANJIAN KINERJA TAHUN 2022",
        "Drs. Deky Tawaris, MM",
        "pihak pertama",
        "Ir. Frans Manery",
        "Bupati Halmahera Utara",
        "pihak kedua",
    ]
    appendix = [
        "PERJANJIAN KINERJA TAHUN 2022",
        *(item for name, target in expected_rows(kadis) for item in (name, target)),
        *(f"Rp {format_number(budget.amount, 0)}" for budget in budgets),
    ]
    not_found, cursor = find_in_order(text, statement)
    assert not_found == []
    not_found, _ = find_in_order(text, appendix, cursor + 1)
    assert not_found == []
    # Both signature blocks, on both pages (the Word file reads a block's lines before the next block's).
    for line in ("Tobelo, 14 Februari 2022", "Ir. FRANS MANERY", "Drs. DEKY TAWARIS, MM", "NIP 196507201991121001"):
        assert text.count(normalise(line)) == 2, line
    assert "ditulis ke" in capsys.readouterr().out


@pytest.mark.parametrize("kind, label", [("plh", "Plh."), ("plt", "Plt.")])
def test_an_acting_holder_signs_as_plt_or_plh(example, kind, label):
    """An acting holder signs the post as Plt. or Plh. (the acting kind of the assignment), the title in capitals
    and the label as written."""
    vacate(example, "kabid-persandian")
    acting = Official.objects.create(region=example.region, nip="198001012005011002", name="Plh Uji, S.T.")
    Assignment.objects.create(
        official=acting,
        position=position(example, "kabid-persandian"),
        start=datetime.date(2022, 1, 1),
        acting=True,
        acting_kind=kind,
        decree_number="800/12/SP/2022",
    )
    statement, appendix = sections_of(build_agreement(position(example, "kabid-persandian"), YEAR), "kabid-persandian")
    _, first = signatures(statement).blocks
    assert first.above[2] == f"{label} KEPALA BIDANG PERSANDIAN DINAS KOMUNIKASI, INFORMATIKA DAN PERSANDIAN,"
    parties = [block for block in statement.blocks if isinstance(block, Table) and block.style == "plain"]
    first_post = parties[0].groups[0][1][2].plain
    assert first_post == f"{label} Kepala Bidang Persandian Dinas Komunikasi, Informatika dan Persandian"
    # the superior holds the post definitively: no label
    second, _ = signatures(statement).blocks
    assert second.above[2] == "KEPALA DINAS KOMUNIKASI, INFORMATIKA DAN PERSANDIAN,"
    assert any(getattr(block, "plain", "") == f"Jabatan: {first_post}" for block in appendix.blocks)
