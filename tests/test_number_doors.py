"""One number reader (issue 16, point 4): the same text means the same number at every door — the target page, the
entry form, a workbook's text cell, a workbook's number cell (a percentage cell as the percentage it shows) and the
JSON API — or is refused at every door with the same message. Each door writes a quarterly target of IKU.2 and the
Target table is read back."""

import io
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from kinerja.exchange.exporter import export_agency_data
from kinerja.exchange.importer import import_file
from kinerja.exchange.workbook.xlsx import write_workbook
from kinerja.performance.forms import DecimalTextField
from kinerja.performance.models import Target
from kinerja.strategy.models import Indicator

YEAR, QUARTER = 2022, 2
AMBIGUOUS = "tulis koma, mis. 1,5."
TOO_LARGE = "Angka terlalu besar: paling banyak 16 angka sebelum koma."

# text → the number stored, or a fragment of the one message every door gives
TEXTS = [
    ("1.234", Decimal(1234)),
    ("1.234,5", Decimal("1234.5")),
    ("1,5", Decimal("1.5")),
    ("98 %", Decimal(98)),
    ("1.5", AMBIGUOUS),
    ("1" * 30, TOO_LARGE),
    ("dua", "bukan angka"),
]


def _indicator(world) -> Indicator:
    return Indicator.objects.get(plan__agency=world.agency, code="IKU.2")


def _stored(world) -> Decimal | None:
    target = Target.objects.filter(indicator=_indicator(world), kind="quarter", year=YEAR, quarter=QUARTER).first()
    return None if target is None else target.value


def through_form(world, text: str) -> str:
    """The entry form's number field (the same field as the actual's numerator, denominator and value)."""
    try:
        value = DecimalTextField().clean(text)
    except ValidationError as error:
        return " ".join(error.messages)
    from kinerja.performance import services

    services.set_target(
        actor=world.planner, indicator=_indicator(world), kind="quarter", year=YEAR, quarter=QUARTER, value=value
    )
    return ""


def through_page(world, text: str) -> str:
    client = Client()
    client.force_login(world.planner)
    url = reverse("position-targets", args=[world.agency.code, "kadis"]) + f"?tahun={YEAR}"
    response = client.post(url, {f"q-{_indicator(world).pk}-{QUARTER}": text}, follow=True)
    assert response.status_code == 200
    return response.content.decode()


def through_api(world, text: str) -> str:
    client = Client()
    client.force_login(world.planner)
    body = {"indicator": _indicator(world).pk, "kind": "quarter", "year": YEAR, "quarter": QUARTER, "value": text}
    response = client.post(reverse("api-target-list"), body, content_type="application/json")
    assert response.status_code in (201, 400), response.content
    return response.content.decode()


def _workbook(world, value, number_format: str | None = None) -> str:
    """The agency's own export with one more target row whose Target cell holds `value` (as typed in Excel)."""
    data = export_agency_data(world.agency)
    data.setdefault("targets", []).append(
        {"indicator": "IKU.2", "kind": "quarter", "year": YEAR, "quarter": QUARTER, "value": 1}
    )
    book = load_workbook(io.BytesIO(write_workbook(data)))
    sheet = book["Target"]
    header = [cell.value for cell in sheet[1]]
    last = max(row for row in range(1, sheet.max_row + 1) if sheet.cell(row, 1).value is not None)
    cell = sheet.cell(last, header.index("Target") + 1)
    cell.value = value
    cell.number_format = number_format or ("@" if isinstance(value, str) else "General")
    output = io.BytesIO()
    book.save(output)
    result = import_file(actor=world.planner, name="instansi.xlsx", content=output.getvalue(), agency=world.agency)
    return "\n".join(problem.message for problem in result.problems)


def through_workbook_text_cell(world, text: str) -> str:
    return _workbook(world, text)


DOORS = {
    "form": through_form,
    "page": through_page,
    "api": through_api,
    "workbook text cell": through_workbook_text_cell,
}


@pytest.mark.parametrize("door", DOORS)
@pytest.mark.parametrize(("text", "expected"), TEXTS, ids=[text[:12] for text, _ in TEXTS])
def test_the_same_text_is_the_same_number_or_the_same_refusal_at_every_door(world, door, text, expected):
    answer = DOORS[door](world, text)
    if isinstance(expected, Decimal):
        assert _stored(world) == expected, answer[:2000]
    else:
        assert _stored(world) is None
        assert expected in answer, answer[:2000]


@pytest.mark.parametrize(
    ("value", "number_format", "expected"),
    [
        (Decimal(1234), "#,##0", Decimal(1234)),
        (Decimal("1234.5"), "General", Decimal("1234.5")),
        (Decimal("0.98"), "0%", Decimal(98)),  # typed "98%" in Excel, which stores 0,98: the target is 98
        (Decimal("0.985"), "0.0%", Decimal("98.5")),
    ],
)
def test_a_workbook_number_cell_is_the_number_excel_shows(world, value, number_format, expected):
    assert _workbook(world, value, number_format) == ""
    assert _stored(world) == expected


def test_a_huge_number_cell_is_refused_with_the_same_message(world):
    assert TOO_LARGE in _workbook(world, Decimal("1" * 30), "0")
    assert _stored(world) is None
