"""The API is the third view of the dataset schema (data/schema.json), beside the dataset file and the workbook:
the built-in agency read through the API equals `data/halut-diskominfo.yaml` and the exporter's export, field by
field; figures written through the API are exported as sent, and after loading that export into an empty
database the API reads the same figures back.

One table (FIELDS) says, per record of the dataset, which API list holds it and which API field holds each of its
keys; NOT_EXPOSED lists every field of the schema the API does not show, API_ONLY every API field that is not a
field of the dataset. A field added to the schema or to a serializer fails the test until it is placed in one of
them."""

from decimal import Decimal
from typing import Any

from django.conf import settings
from django.test import Client
from django.urls import reverse
from rest_framework.authtoken.models import Token

from kinerja.accounts.models import User
from kinerja.actionplans.services import add_action
from kinerja.core.numbers import from_dataset, to_decimal
from kinerja.exchange.dataset_io import dump_dataset, parse_dataset, read_dataset, schema
from kinerja.exchange.exporter import export_agency_data
from kinerja.exchange.loading.agency import load_agency_data
from kinerja.exchange.tests.test_dataset import empty_the_database
from kinerja.organisation.models import Agency, Position
from kinerja.performance import services
from kinerja.performance.models import Actual, Target
from kinerja.strategy.models import Indicator

SEED = "halut-diskominfo"
PAGE_SIZE = 20  # smaller than the lists of the built-in agency, so that reading them follows the pages

# dataset record → (where the API has it, {dataset key: API field}). Where: a list's URL name with its query, or
# "^name" for a list nested in another API record (the enclosing dataset record's; for assignments, an official's
# `positions`; see api_records). An API field "x@record" is an id of an API record of `record`, compared as its
# code; "^x" is field x of the enclosing API record.
FIELDS: dict[str, tuple[str, dict[str, str]]] = {
    "region": ("api-agency-detail", {"code": "region_code", "name": "region"}),
    "agency": (
        "api-agency-detail",
        {
            "code": "code",
            "name": "name",
            "short_name": "short_name",
            "printed_name": "printed_name",
            "address": "address",
            "city": "city",
            "telephone": "telephone",
            "website": "website",
            "email": "email",
            "postcode": "postcode",
            "duty": "duty",
        },
    ),
    "units": ("api-unit-list", {"code": "code", "kind": "kind", "name": "name", "parent": "parent@units"}),
    "positions": (
        "api-position-list",
        {
            "code": "code",
            "unit": "unit@units",
            "title": "title",
            "printed_title": "printed_title",
            "superior": "superior@positions",
            "duty": "duty",
            "functions[].text": "functions",
        },
    ),
    "officials": ("api-official-list", {"nip": "nip", "name": "name", "rank": "rank", "grade": "grade"}),
    "assignments": (
        "^positions",
        {"official": "^nip", "position": "position_code", "start": "start", "end": "end", "acting": "acting"},
    ),
    "plan": ("api-plan-list", {"name": "name", "first_year": "first_year", "last_year": "last_year"}),
    "plan.goals": ("^goals", {"code": "code", "text": "text"}),
    "plan.objectives": (
        "api-objective-list?level=strategic",
        {"code": "code", "goal": "goal@plan.goals", "text": "text"},
    ),
    "plan.indicators": (
        "api-indicator-list",
        {
            "code": "code",
            "name": "name",
            "objective": "objective@plan.objectives",
            "is_key": "is_key",
            "formula": "formula",
            "numerator": "numerator",
            "denominator": "denominator",
            "factor": "factor",
            "definition": "definition",
            "unit": "unit",
            "data_source": "data_source",
            "responsible": "responsible_position_code",
            "polarity": "polarity",
            "quarter_rule": "quarter_rule",
            "decimals": "decimals",
            "fed_by": "fed_by",
        },
    ),
    "pages": ("api-iki-page-list", {"position": "code"}),
    "pages[].objectives": (
        "^objectives",
        {"code": "code", "text": "text", "contributes_to": "contributes_to@plan.objectives"},
    ),
    "pages[].objectives[].indicators": (
        "^rows",
        {
            "indicator": "code",
            "printed_name": "printed_name",
            "printed_definition": "printed_definition",
            "printed_data_source": "printed_data_source",
        },
    ),
    "targets": (
        "api-target-list",
        {
            "indicator": "indicator_code",
            "kind": "kind",
            "year": "year",
            "quarter": "quarter",
            "value": "value",
            "value_upper": "value_upper",
        },
    ),
    "actuals": (
        "api-actual-list",
        {
            "indicator": "indicator_code",
            "year": "year",
            "quarter": "quarter",
            "value": "value",
            "numerator": "numerator",
            "denominator": "denominator",
            "supporting_factors": "supporting_factors",
            "hindering_factors": "hindering_factors",
            "follow_up": "follow_up",
            "note": "note",
        },
    ),
    "actions": (
        "api-action-item-list",
        {
            "indicator": "indicator_code",
            "year": "year",
            "quarter": "quarter",
            "description": "description",
            "output_quantity": "output_quantity",
            "output_unit": "output_unit",
            "responsible_position": "responsible_position_code",
            "sub_activity": "sub_activity_code",
        },
    ),
}

# Every field of the schema the API does not show (the gap, visible; a new one fails the test).
NOT_EXPOSED = {
    "format",
    "actions[].progress",  # shown nested, with its state and evidence: `progress.outcome`, `progress.note`
    "actions[].progress_note",
    "positions[].kind",
    "assignments[].acting_kind",
    "assignments[].decree_number",
    "region.kind",
    "region.province",
    "region.seat",
    "region.head_title",
    "region.head",
    "region.head.nip",
    "region.head.name",
    "region.head.rank",
    "region.head.grade",
    "agency.functions",
    "agency.functions[].number",
    "agency.functions[].text",
    "positions[].functions[].number",
    "plan.key_indicator_rows",
    "plan.key_indicator_rows[].indicator",
    "plan.key_indicator_rows[].printed_objective",
    "plan.key_indicator_rows[].printed_name",
    "plan.key_indicator_rows[].printed_definition",
    "plan.key_indicator_rows[].printed_data_source",
    "plan.key_indicator_rows[].printed_responsible",
    "plan.programmes",
    "plan.programmes[].code",
    "plan.programmes[].name",
    "plan.programmes[].objectives",
    "plan.programmes[].indicators",
    "plan.programmes[].activities",
    "plan.programmes[].activities[].code",
    "plan.programmes[].activities[].name",
    "plan.programmes[].activities[].indicators",
    "plan.programmes[].activities[].sub_activities",
    "plan.programmes[].activities[].sub_activities[].code",
    "plan.programmes[].activities[].sub_activities[].name",
    "plan.programmes[].activities[].sub_activities[].indicators",
    "decree",
    "decree.number",
    "decree.date",
    "decree.place",
    "decree.year",
    "decree.title",
    "decree.subject",
    "decree.signatory",
    "decree.considerations",
    "decree.legal_bases",
    "decree.dictums",
    "decree.dictums[].label",
    "decree.dictums[].text",
    "decree.chapters",
    "decree.chapters[].kind",
    "decree.chapters[].title",
    "decree.chapters[].body",
}

# API fields that are not fields of the dataset: ids, the API's own order, the agency of a row, and values
# derived from the dataset's (checked in DERIVED).
API_ONLY = {
    "agency": {"region", "region_code"},  # the agency record of the API carries the region's two fields
    "units": {"id", "agency", "order"},
    "positions": {"id", "agency", "heading", "holders", "order"},
    "officials": {"id", "positions"},
    "assignments": {"position", "agency"},
    "plan": {"id", "agency", "goals"},
    "plan.goals": {"id"},
    "plan.objectives": {"id", "plan", "level", "position", "contributes_to", "order"},
    "plan.indicators": {"id", "plan", "responsible_position", "order"},
    "pages": {"position", "agency", "heading", "duty", "functions", "objectives"},
    "pages[].objectives": {"id", "rows"},
    "pages[].objectives[].indicators": {
        "id",
        "indicator",
        "name",
        "definition",
        "data_source",
        "unit",
        "formula",
        "order",
    },
    "targets": {"id", "agency", "indicator", "is_example", "updated_at"},
    "actuals": {
        "id",
        "agency",
        "indicator",
        "status",
        "status_reason",
        "entered_by",
        "verified_by",
        "verified_at",
        "is_example",
        "evidence",
        "updated_at",
    },
    "actions": {"id", "agency", "indicator", "order", "responsible_position", "sub_activity", "progress", "updated_at"},
}
API_ONLY["region"] = set(FIELDS["agency"][1].values())  # the region is read from the agency record

DECIMALS = {
    "plan.indicators.factor",
    "targets.value",
    "targets.value_upper",
    "actuals.value",
    "actuals.numerator",
    "actuals.denominator",
    "actions.output_quantity",
}
DEFAULTS = {"targets.quarter": 0, "plan.indicators.decimals": 2}  # what the loader reads for a missing key


def schema_paths(node: dict, prefix: str = "") -> set[str]:
    node = schema()["$defs"][node["$ref"].split("/")[-1]] if "$ref" in node else node
    paths: set[str] = set()
    for alternative in node.get("oneOf", []) + node.get("anyOf", []):
        paths |= schema_paths(alternative, prefix)
    for key, child in node.get("properties", {}).items():
        paths |= {prefix + key} | schema_paths(child, prefix + key + ".")
    if "items" in node:
        paths |= schema_paths(node["items"], prefix[:-1] + "[]." if prefix else "")
    return paths


def _path(record: str, key: str) -> str:
    return f"{record}[].{key}" if record not in {"region", "agency", "plan"} else f"{record}.{key}"


def mapped_paths() -> set[str]:
    paths = set()
    for record, (_, keys) in FIELDS.items():
        for key in keys:
            path = _path(record, key)
            while path:  # the field and the records holding it
                paths.add(path)
                path = path.rsplit(".", 1)[0].removesuffix("[]") if "." in path else ""
    return paths


# -- the API side --------------------------------------------------------------------------------------------------


def token_client(user: User) -> Client:
    return Client(HTTP_AUTHORIZATION=f"Token {Token.objects.get_or_create(user=user)[0].key}")


def read_all(client: Client, where: str, agency: str) -> list[dict]:
    """Every record of a list, page after page."""
    name, _, query = where.partition("?")
    params = {"agency": agency, "page_size": PAGE_SIZE, **dict(part.split("=") for part in query.split("&") if part)}
    response = client.get(reverse(name), params)
    records = []
    while True:
        assert response.status_code == 200, response.content
        body = response.json()
        records += body["results"]
        if not body["next"]:
            assert len(records) == body["count"]
            return records
        response = client.get(body["next"])


def api_records(client: Client, agency: str) -> dict[str, Any]:
    """The API's records, by dataset record (nested lists taken from their enclosing API record)."""
    detail = client.get(reverse("api-agency-detail", args=[agency]))
    assert detail.status_code == 200
    found: dict[str, Any] = {"region": [detail.json()], "agency": [detail.json()]}
    for record, (where, _) in FIELDS.items():
        if record in found or where.startswith("^"):
            continue
        found[record] = read_all(client, where, agency)
    plans = found["plan"]
    assert len(plans) == 1
    found["plan.goals"] = [dict(goal, **{"^": plans[0]}) for goal in plans[0]["goals"]]
    found["assignments"] = [
        dict(held, **{"^": official}) for official in found["officials"] for held in official["positions"]
    ]
    # a position without objectives has an empty IKI page; the dataset lists pages that have objectives
    found["pages"] = [page for page in found["pages"] if page["objectives"]]
    return found


def as_dataset(records: dict[str, Any]) -> dict[str, Any]:
    """The API's records in the dataset's shape, through FIELDS only."""
    codes = {
        record: {item["id"]: item["code"] for item in items}
        for record, items in records.items()
        if items and "id" in items[0] and "code" in items[0]
    }
    codes["plan.objectives"] = {o["id"]: o["code"] for o in records["plan.objectives"]} | {
        o["id"]: o["code"] for page in records["pages"] for o in page["objectives"]
    }

    def convert(record: str, item: dict) -> dict:
        mapped = {spec.split("@")[0] for spec in FIELDS[record][1].values() if not spec.startswith("^")}
        known = mapped | API_ONLY[record]
        fields = set(item) - {"^"}
        assert fields == known, (
            f"{record}: API fields neither mapped nor API-only: {fields - known}; "
            f"mapped or API-only but not in the API: {known - fields}"
        )
        out = {}
        for key, field in FIELDS[record][1].items():
            if field.startswith("^"):
                value = item["^"][field[1:]]
            elif "@" in field:
                field, target = field.split("@")
                value = codes[target][item[field]] if item[field] is not None else None
            else:
                value = item[field]
            out[key.removesuffix("[].text")] = value
        if record == "actuals" and out["numerator"] is not None:
            out["value"] = None  # a ratio's value is computed from its numerator and denominator
        return out

    data: dict[str, Any] = {
        "region": convert("region", records["region"][0]),
        "agency": convert("agency", records["agency"][0]),
        "plan": convert("plan", records["plan"][0]),
    }
    for record in ("units", "positions", "officials", "assignments", "targets", "actuals", "actions"):
        data[record] = [convert(record, item) for item in records[record]]
    data["plan"]["goals"] = [convert("plan.goals", goal) for goal in records["plan.goals"]]
    data["plan"]["objectives"] = [convert("plan.objectives", o) for o in records["plan.objectives"]]
    data["plan"]["indicators"] = [convert("plan.indicators", i) for i in records["plan.indicators"]]
    data["pages"] = [
        dict(
            convert("pages", page),
            objectives=[
                dict(
                    convert("pages[].objectives", objective),
                    indicators=[convert("pages[].objectives[].indicators", row) for row in objective["rows"]],
                )
                for objective in page["objectives"]
            ],
        )
        for page in records["pages"]
    ]
    return normalised(data)


# -- the dataset side ----------------------------------------------------------------------------------------------


def projected(dataset: dict[str, Any]) -> dict[str, Any]:
    """The dataset restricted to what FIELDS maps, with the loader's defaults filled in."""

    def pick(record: str, item: dict) -> dict:
        out = {}
        for key in FIELDS[record][1]:
            if key.endswith("[].text"):
                out[key.removesuffix("[].text")] = [
                    f["text"] if isinstance(f, dict) else f for f in item.get(key.removesuffix("[].text"), [])
                ]
            else:
                out[key] = item.get(key, DEFAULTS.get(f"{record}.{key}"))
        return out

    plan = dataset["plan"]
    data: dict[str, Any] = {
        "region": pick("region", dataset["region"]),
        "agency": pick("agency", dataset["agency"]),
        "plan": {
            **pick("plan", plan),
            "goals": [pick("plan.goals", goal) for goal in plan["goals"]],
            "objectives": [pick("plan.objectives", o) for o in plan["objectives"]],
            "indicators": [pick("plan.indicators", i) for i in plan["indicators"]],
        },
        "pages": [
            dict(
                pick("pages", page),
                objectives=[
                    dict(
                        pick("pages[].objectives", objective),
                        indicators=[pick("pages[].objectives[].indicators", row) for row in objective["indicators"]],
                    )
                    for objective in page["objectives"]
                ],
            )
            for page in dataset.get("pages", [])
        ],
    }
    for record in ("units", "positions", "officials", "assignments", "targets", "actuals", "actions"):
        data[record] = [pick(record, item) for item in dataset.get(record, [])]
    return normalised(data)


def _value(path: str, value: Any) -> Any:
    if value is None or value is False or (isinstance(value, str | list) and not value):
        # an empty field: missing in the dataset, blank or null in the API (a 0 is a figure)
        return None
    if path in DECIMALS:
        return Decimal(str(value))
    return value


def normalised(data: dict[str, Any]) -> dict[str, Any]:
    def walk(node: Any, path: str) -> Any:
        if isinstance(node, dict):
            return {key: walk(value, f"{path}.{key}" if path else key) for key, value in node.items()}
        if isinstance(node, list) and all(isinstance(item, dict) for item in node):
            return [walk(item, path) for item in node]
        return _value(path, node)

    out = walk(data, "")
    # the API lists officials by name and figures by indicator id; the dataset by name and by indicator order
    out["officials"].sort(key=lambda o: (o["name"], o["nip"] or ""))
    out["assignments"].sort(key=lambda a: (a["position"], a["start"], a["official"]))
    out["targets"].sort(key=lambda t: (t["indicator"], t["kind"], t["year"], t["quarter"] or 0))
    out["actuals"].sort(key=lambda a: (a["indicator"], a["year"], a["quarter"]))
    out["actions"].sort(key=lambda a: (a["indicator"], a["year"], a["quarter"]))  # stable: each quarter in order
    return out


def compare(api: dict[str, Any], dataset: dict[str, Any]) -> None:
    """Record by record and field by field, so that a difference names its place."""
    for record in ("region", "agency"):
        assert api[record] == dataset[record], record
    for key in ("name", "first_year", "last_year"):
        assert api["plan"][key] == dataset["plan"][key], f"plan.{key}"
    lists = {
        name: (api[name], dataset[name])
        for name in ("units", "positions", "officials", "assignments", "pages", "targets", "actuals", "actions")
    }
    lists.update(
        {f"plan.{name}": (api["plan"][name], dataset["plan"][name]) for name in ("goals", "objectives", "indicators")}
    )
    for name, (ours, theirs) in lists.items():
        assert len(ours) == len(theirs), name
        for index, (a, d) in enumerate(zip(ours, theirs, strict=True)):
            for key in d:
                assert a[key] == d[key], f"{name}[{index}] ({d.get('code') or d.get('indicator')}).{key}"
    assert api == dataset


# -- the tests -----------------------------------------------------------------------------------------------------


def test_every_field_of_the_schema_is_mapped_or_listed_as_not_exposed():
    paths = schema_paths(schema())
    assert mapped_paths() <= paths, mapped_paths() - paths
    assert not mapped_paths() & NOT_EXPOSED, mapped_paths() & NOT_EXPOSED
    assert paths - mapped_paths() == NOT_EXPOSED


def builtin_only() -> User:
    """A database holding the built-in dataset and nothing else (no people of the test world), and a superuser."""
    empty_the_database()
    load_agency_data(actor=None, data=read_dataset(settings.KINERJA_BUILTIN_DATASET), source="halut.yaml")
    return User.objects.create_superuser("admin-trip", password="x-Admin-12345")


def test_the_builtin_agency_through_the_api_equals_the_dataset_file_and_the_export(db):
    client = token_client(builtin_only())
    api = as_dataset(api_records(client, SEED))
    dataset = read_dataset(settings.KINERJA_BUILTIN_DATASET)
    export = export_agency_data(Agency.objects.get(code=SEED))
    compare(api, projected(dataset))
    compare(api, projected(export))
    # it did compare something, and read more than one page: every record of the dataset came through
    assert len(api["plan"]["indicators"]) == len(dataset["plan"]["indicators"]) > PAGE_SIZE
    assert sum(len(o["indicators"]) for p in api["pages"] for o in p["objectives"]) > 20
    assert any(i["fed_by"] for i in api["plan"]["indicators"]) and any(
        i["responsible"] for i in api["plan"]["indicators"]
    )


def test_derived_fields_of_the_api_follow_the_dataset(db):
    client = token_client(builtin_only())
    records = api_records(client, SEED)
    indicators = {i["code"]: i for i in records["plan.indicators"]}
    for position in records["positions"]:
        assert position["heading"] == (position["printed_title"] or position["title"].upper())
    for page in records["pages"]:
        for row in (row for objective in page["objectives"] for row in objective["rows"]):
            indicator = indicators[row["code"]]
            assert row["name"] == (row["printed_name"] or indicator["name"])
            assert row["data_source"] == (row["printed_data_source"] or indicator["data_source"])
            assert (row["unit"], row["formula"]) == (indicator["unit"], indicator["formula"])
    assert any(page["heading"] for page in records["pages"])


def test_the_comparison_names_a_field_that_differs(db):
    client = token_client(builtin_only())
    api = as_dataset(api_records(client, SEED))
    dataset = projected(read_dataset(settings.KINERJA_BUILTIN_DATASET))
    api["plan"]["indicators"][3]["fed_by"] = "evaluasi-sakip" if not api["plan"]["indicators"][3]["fed_by"] else None
    try:
        compare(api, dataset)
    except AssertionError as error:
        assert "plan.indicators[3]" in str(error) and "fed_by" in str(error)
    else:
        raise AssertionError("the comparison did not see the difference")


# -- figures written through the API ---------------------------------------------------------------------------


def post(client: Client, name: str, data: dict) -> dict:
    response = client.post(reverse(name), data, content_type="application/json")
    assert response.status_code == 201, response.content
    return response.json()


def test_figures_written_through_the_api_are_exported_and_read_back_from_an_empty_database(world):
    ratio = Indicator.objects.get(plan__agency=world.agency, code="IKU.5")
    count = Indicator.objects.get(plan__agency=world.agency, code="kasi-tata-kelola.O1.I1")
    # the section head's page has one indicator (a count); the ratio IKU.5 is on the division head's page
    planner, kasi, kabid = (
        token_client(world.planner),
        token_client(world.section_head),
        token_client(world.division_head),
    )
    targets = [
        {"indicator": ratio.pk, "kind": "year", "year": 2022, "value": "60,5"},
        {"indicator": ratio.pk, "kind": "quarter", "year": 2022, "quarter": 2, "value": "30"},
        {"indicator": count.pk, "kind": "baseline", "year": 2021, "value": "0"},
        {"indicator": count.pk, "kind": "end", "year": 2026, "value": "4"},
    ]
    for target in targets:
        post(planner, "api-target-list", target)
    actuals = [
        {
            "indicator": ratio.pk,
            "year": 2022,
            "quarter": 1,
            "numerator": "3",
            "denominator": "7",
            "follow_up": "Dilanjutkan.",
            "hindering_factors": "Jaringan terputus.",
        },
        {"indicator": count.pk, "year": 2022, "quarter": 1, "value": "0", "note": "Belum ada."},
        {"indicator": count.pk, "year": 2022, "quarter": 2, "value": "2", "supporting_factors": "Anggaran."},
    ]
    for actual in actuals:
        post(kabid if actual["indicator"] == ratio.pk else kasi, "api-actual-list", actual)
    code = {ratio.pk: ratio.code, count.pk: count.code}
    # the action plan is written on its pages (the API reads it): two actions of quarter II, in their order
    kasi_position = Position.objects.get(agency=world.agency, code="kasi-tata-kelola")
    for description, quantity in (("Menyusun rancangan kebijakan", Decimal("2.5")), ("Sosialisasi", None)):
        add_action(
            actor=world.section_head,
            indicator=Indicator.objects.select_related("plan__agency").get(pk=count.pk),
            year=2022,
            quarter=2,
            description=description,
            output_quantity=quantity,
            output_unit="dokumen" if quantity else "",
            responsible_position=kasi_position,
        )

    # the export holds exactly what was sent (a ratio by numerator and denominator; a zero is a figure)
    export = export_agency_data(world.agency)
    sent_targets = [{**t, "indicator": code[t["indicator"]]} for t in targets]
    sent_actuals = [{**a, "indicator": code[a["indicator"]]} for a in actuals]

    def numbers(row: dict, read=from_dataset) -> dict:  # the file's "60.5"; what was sent is read as the API reads it
        return {
            key: read(value) if key in {"value", "value_upper", "numerator", "denominator"} else value
            for key, value in row.items()
        }

    def sent(row: dict) -> dict:
        return numbers(row, to_decimal)

    key = lambda row: (row["indicator"], row.get("kind", ""), row["year"], row.get("quarter", 0))  # noqa: E731
    assert sorted(map(numbers, export["targets"]), key=key) == sorted(map(sent, sent_targets), key=key)
    assert sorted(map(numbers, export["actuals"]), key=key) == sorted(map(sent, sent_actuals), key=key)

    # the API reads the figures as the export has them
    admin = User.objects.create_superuser("admin-trip", password="x-Admin-12345")
    before = as_dataset(api_records(token_client(admin), SEED))
    compare(before, projected(export))
    assert len(before["targets"]) == 4 and len(before["actuals"]) == 3
    assert [a["description"] for a in before["actions"]] == ["Menyusun rancangan kebijakan", "Sosialisasi"]

    # into an empty database, and read back through the API: the same figures (and the same agency)
    text = dump_dataset(export)
    empty_the_database()
    assert not Target.objects.exists() and not Actual.objects.exists()
    load_agency_data(actor=None, data=parse_dataset(text, source="ekspor.yaml"), source="ekspor.yaml")
    records = api_records(token_client(admin), SEED)
    after = as_dataset(records)
    assert after["targets"] == before["targets"] and after["actuals"] == before["actuals"]
    assert after["actions"] == before["actions"]
    computed = next(a["value"] for a in records["actuals"] if a["indicator_code"] == "IKU.5")
    assert Decimal(computed) == services.stored_amount(Decimal(3) / Decimal(7) * 100), "a ratio's value is computed"
    compare(after, before)
    assert dump_dataset(export_agency_data(Agency.objects.get(code=SEED))) == text
