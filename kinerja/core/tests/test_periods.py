"""The calendar every page and document shares (kinerja.core.periods), table by table."""

import datetime
from dataclasses import dataclass, field

import pytest
from django.template import Context, Template

from kinerja.core import periods


@dataclass
class Query:
    GET: dict[str, str] = field(default_factory=dict)


@dataclass
class Plan:
    first_year: int = 2021
    last_year: int = 2026


def test_a_year_has_four_quarters_with_roman_names():
    assert periods.QUARTERS == (1, 2, 3, 4)
    assert [periods.roman(q) for q in periods.QUARTERS] == ["I", "II", "III", "IV"]
    with pytest.raises(KeyError):
        periods.roman(5)


@pytest.mark.parametrize(
    ("year", "quarter", "end"),
    [
        (2022, 1, datetime.date(2022, 3, 31)),
        (2022, 2, datetime.date(2022, 6, 30)),
        (2022, 3, datetime.date(2022, 9, 30)),
        (2022, 4, datetime.date(2022, 12, 31)),
        (2024, 1, datetime.date(2024, 3, 31)),
    ],
)
def test_a_quarter_ends_on_the_last_day_of_its_third_month(year, quarter, end):
    assert periods.quarter_end(year, quarter) == end


@pytest.mark.parametrize("quarter", [0, 5, -1])
def test_there_is_no_end_of_a_quarter_that_does_not_exist(quarter):
    with pytest.raises(ValueError, match="not 1–4"):
        periods.quarter_end(2022, quarter)


@pytest.mark.parametrize(
    ("day", "quarter"),
    [
        (datetime.date(2022, 1, 1), 1),
        (datetime.date(2022, 3, 31), 1),
        (datetime.date(2022, 4, 1), 2),
        (datetime.date(2022, 6, 30), 2),
        (datetime.date(2022, 7, 1), 3),
        (datetime.date(2022, 10, 1), 4),
        (datetime.date(2022, 12, 31), 4),
    ],
)
def test_a_day_falls_in_its_quarter(day, quarter):
    assert periods.quarter_of(day) == quarter


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("2022", 2022),
        (" 2023 ", 2023),
        ("2000", 2000),
        ("2100", 2100),
        ("1999", None),
        ("2101", None),
        ("abc", None),
        ("", None),
        (None, None),
        ("20x2", None),
        ("-2022", None),
        ("2022.0", None),
        ("²", None),
        ("٢٠٢٢", None),
        ("9" * 40, None),
        ("02022", None),
    ],
)
def test_a_year_is_plain_digits_within_the_range(text, year):
    assert periods.parse_year(text) == year


@pytest.mark.parametrize(
    ("text", "quarter"),
    [
        ("1", 1),
        ("4", 4),
        (" 2 ", 2),
        ("0", None),
        ("5", None),
        ("9", None),
        ("01", None),
        ("IV", None),
        ("", None),
        (None, None),
        ("²", None),
    ],
)
def test_a_quarter_is_1_to_4(text, quarter):
    assert periods.parse_quarter(text) == quarter


@pytest.mark.parametrize(
    ("query", "default", "year"),
    [
        ({"tahun": "2023"}, None, 2023),
        ({"tahun": "2021"}, 2022, 2021),
        ({"tahun": "2026"}, 2022, 2026),
        ({"tahun": "2020"}, 2022, 2022),  # before the plan: the page's default
        ({"tahun": "2027"}, 2022, 2022),  # after the plan
        ({"tahun": "abc"}, 2022, 2022),
        ({"tahun": "²"}, 2022, 2022),
        ({}, 2025, 2025),
        ({"tahun": "abc"}, None, "this year within the plan"),
        ({}, 2030, "this year within the plan"),  # a default outside the plan is never the page's year
        ({}, 2019, "this year within the plan"),
    ],
)
def test_the_chosen_year_is_a_year_of_the_plan_or_the_default(query, default, year):
    expected = periods.default_year(Plan()) if year == "this year within the plan" else year
    assert periods.chosen_year(Query(query), Plan(), default) == expected


@pytest.mark.parametrize(
    ("today", "year"),
    [
        (datetime.date(2019, 5, 1), 2021),
        (datetime.date(2023, 5, 1), 2023),
        (datetime.date(2030, 5, 1), 2026),
    ],
)
def test_the_default_year_is_this_year_kept_inside_the_plan(today, year):
    assert periods.default_year(Plan(), today) == year


@pytest.mark.parametrize(
    ("today", "figures", "year"),
    [
        (datetime.date(2023, 5, 1), {2022, 2023}, 2023),  # this year has figures: this year
        (datetime.date(2026, 5, 1), {2022}, 2022),  # this year is empty: the latest year with figures
        (datetime.date(2026, 5, 1), {2021, 2024}, 2024),
        (datetime.date(2023, 5, 1), {2022, 2025}, 2022),  # the latest up to this year, not a future one
        (datetime.date(2019, 5, 1), {2025}, 2025),  # before the plan: its only year with figures
        (datetime.date(2030, 5, 1), {2022, 2024}, 2024),  # after the plan: never 2030, never the last year blindly
        (datetime.date(2030, 5, 1), {2020, 2031}, 2026),  # figures outside the plan do not count
        (datetime.date(2023, 5, 1), set(), 2023),  # no figures at all: this year
    ],
)
def test_a_page_opens_on_the_latest_year_of_the_plan_with_figures(today, figures, year):
    assert periods.default_year(Plan(), today, figures) == year


@pytest.mark.parametrize(
    ("query", "quarter"),
    [
        ({"triwulan": "3"}, 3),
        ({"triwulan": "9"}, 2),
        ({"triwulan": "x"}, 2),
        ({}, 2),
    ],
)
def test_the_chosen_quarter_is_1_to_4_or_todays(query, quarter):
    assert periods.chosen_quarter(Query(query), today=datetime.date(2024, 5, 6)) == quarter


@pytest.mark.parametrize(("query", "year"), [({"tahun": "2022"}, 2022), ({"tahun": "1200"}, None), ({}, None)])
def test_a_page_without_a_plan_takes_any_year_2000_to_2100(query, year):
    assert periods.chosen_any_year(Query(query)) == year


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (1, "I"),
        (2, "II"),
        (3, "III"),
        (4, "IV"),
        (5, ""),
        ("1", ""),
        (None, ""),
    ],
)
def test_templates_print_a_quarter_in_roman_numerals(value, shown):
    assert Template("{% load kinerja %}{{ q|roman }}").render(Context({"q": value})) == shown
