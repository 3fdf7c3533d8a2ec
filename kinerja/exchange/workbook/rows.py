"""The dataset as the rows of each sheet, the rows of a read workbook as the dataset (remembering which sheet row
each record came from), and a problem of the dataset put back on its cell."""

import re
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext

from kinerja.exchange.dataset_io import FORMAT
from kinerja.exchange.loading.report import CellProblem
from kinerja.strategy.models import DecreeClause

from .columns import SHEET

Clause = DecreeClause.Kind
CLAUSE_LISTS = {Clause.CONSIDERATION: "considerations", Clause.LEGAL_BASIS: "legal_bases", Clause.DICTUM: "dictums"}


def _functions_rows(items: list[Any], **parent: str) -> list[dict]:
    rows = []
    for item in items:
        number, text = ("", item) if isinstance(item, str) else (item.get("number", ""), item["text"])
        rows.append({**parent, "number": number, "text": text})
    return rows


def dataset_rows(data: dict[str, Any]) -> dict[str, list[dict]]:
    """The dataset as the rows of each sheet (values in dataset form)."""
    region = dict(data["region"])
    head = region.pop("head", None) or {}
    region.update({f"head.{key}": value for key, value in head.items()})
    plan = data.get("plan") or {}
    rows: dict[str, list[dict]] = {
        "Wilayah": [region],
        "Instansi": [{key: value for key, value in data["agency"].items() if key != "functions"}],
        "Fungsi Instansi": _functions_rows(data["agency"].get("functions", [])),
        "Unit Kerja": list(data.get("units", [])),
        "Jabatan": [{k: v for k, v in item.items() if k != "functions"} for item in data.get("positions", [])],
        "Fungsi Jabatan": [
            row
            for item in data.get("positions", [])
            for row in _functions_rows(item.get("functions", []), position=item["code"])
        ],
        "Pejabat": list(data.get("officials", [])),
        "Penugasan": list(data.get("assignments", [])),
        "Renstra": [{key: plan[key] for key in ("name", "first_year", "last_year")}] if plan else [],
        "Tujuan": list(plan.get("goals", [])),
        "Sasaran Strategis": list(plan.get("objectives", [])),
        "Indikator": list(plan.get("indicators", [])),
        "IKU": list(plan.get("key_indicator_rows", [])),
        "Program": [{k: v for k, v in item.items() if k != "activities"} for item in plan.get("programmes", [])],
        "Kegiatan": [
            {"programme": p["code"], **{k: v for k, v in a.items() if k != "sub_activities"}}
            for p in plan.get("programmes", [])
            for a in p.get("activities", [])
        ],
        "Sub Kegiatan": [
            {"programme": p["code"], "activity": a["code"], **s}
            for p in plan.get("programmes", [])
            for a in p.get("activities", [])
            for s in a.get("sub_activities", [])
        ],
        "Sasaran Kinerja": [
            {"position": page["position"], **{k: v for k, v in o.items() if k != "indicators"}}
            for page in data.get("pages", [])
            for o in page["objectives"]
        ],
        "Indikator IKI": [
            {"objective": o["code"], **row}
            for page in data.get("pages", [])
            for o in page["objectives"]
            for row in o.get("indicators", [])
        ],
        "Keputusan": [],
        "Isi Keputusan": [],
        "Bab Keputusan": [],
        "Target": list(data.get("targets", [])),
        "Realisasi": list(data.get("actuals", [])),
        "Rencana Aksi": list(data.get("actions", [])),
    }
    decree = data.get("decree")
    if decree:
        rows["Keputusan"] = [
            {key: decree[key] for key in ("number", "date", "place", "year", "title", "subject", "signatory")}
        ]
        rows["Isi Keputusan"] = [
            *({"part": Clause.CONSIDERATION.value, "text": text} for text in decree.get("considerations", [])),
            *({"part": Clause.LEGAL_BASIS.value, "text": text} for text in decree.get("legal_bases", [])),
            *({"part": Clause.DICTUM.value, **dictum} for dictum in decree.get("dictums", [])),
        ]
        rows["Bab Keputusan"] = list(decree.get("chapters", []))
    return rows


Origins = dict[tuple, tuple[str, int]]  # a dataset record's path → (sheet, row)


@dataclass
class Builder:
    rows: dict[str, list[dict]]  # each row with its "_row" (the sheet's row number)
    problems: list[CellProblem]
    source: str
    origins: Origins = field(default_factory=dict)

    def problem(self, sheet: str, row: dict | int | None, key: str, message: str) -> None:
        number = row.get("_row") if isinstance(row, dict) else row
        column = SHEET[sheet].column(key)
        self.problems.append(CellProblem(self.source, sheet, number, column.header if column else "", message))

    def at(self, path: tuple, sheet: str, row: dict) -> None:
        self.origins[path] = (sheet, row["_row"])

    @staticmethod
    def clean(row: dict, *drop: str) -> dict:
        return {key: value for key, value in row.items() if key != "_row" and key not in drop}

    def one(self, sheet: str, required: bool = True) -> dict | None:
        rows = self.rows[sheet]
        if not rows:
            if required:
                self.problems.append(
                    CellProblem(self.source, sheet, None, "", gettext("this sheet must hold one row."))
                )
            return None
        for extra in rows[1:]:
            self.problem(sheet, extra, "", gettext("this sheet holds only one row; this row is one too many."))
        return rows[0]

    def build(self) -> dict[str, Any] | None:
        region_row = self.one("Wilayah")
        agency_row = self.one("Instansi")
        plan_row = self.one("Renstra")
        if region_row is None or agency_row is None:
            return None
        region = self.clean(region_row)
        head = {key.removeprefix("head."): region.pop(key) for key in list(region) if key.startswith("head.")}
        if head:
            if "name" in head:
                region["head"] = head
            else:
                self.problem(
                    "Wilayah",
                    region_row,
                    "head.name",
                    gettext(
                        "fill in the name of the head (regional head, minister, head or chair), or leave them all "
                        "empty."
                    ),
                )
        self.at(("region",), "Wilayah", region_row)
        self.at(("region", "head"), "Wilayah", region_row)
        agency = self.clean(agency_row)
        self.at(("agency",), "Instansi", agency_row)
        functions = self.functions("Fungsi Instansi", self.rows["Fungsi Instansi"], ("agency", "functions"))
        if functions:
            agency["functions"] = functions
        data: dict[str, Any] = {"format": FORMAT, "region": region, "agency": agency}
        data["units"] = self.listed("Unit Kerja", ("units",))
        positions = self.listed("Jabatan", ("positions",))
        codes = [item.get("code") for item in positions]
        by_position: dict[str, list[dict]] = {}
        for row in self.rows["Fungsi Jabatan"]:
            code = row.get("position")
            if code is not None and code not in codes:
                self.problem(
                    "Fungsi Jabatan",
                    row,
                    "position",
                    gettext("position '%(code)s' is not on the sheet Jabatan.") % {"code": code},
                )
                continue
            by_position.setdefault(code, []).append(row)
        for index, (position, code) in enumerate(zip(positions, codes, strict=True)):
            functions = self.functions("Fungsi Jabatan", by_position.get(code, []), ("positions", index, "functions"))
            if functions:
                position["functions"] = functions
        data["positions"] = positions
        data["officials"] = self.listed("Pejabat", ("officials",))
        for official in data["officials"]:
            official.setdefault("nip", None)
        data["assignments"] = self.listed("Penugasan", ("assignments",))
        if plan_row is not None:
            data["plan"] = self.plan(plan_row)
        data["pages"] = self.pages()
        decree_row = self.one("Keputusan", required=False)
        if decree_row is not None:
            data["decree"] = self.decree(decree_row)
        for sheet, key in (("Target", "targets"), ("Realisasi", "actuals"), ("Rencana Aksi", "actions")):
            items = self.listed(sheet, (key,))
            if items:
                data[key] = items
        return data

    def listed(self, sheet: str, path: tuple, rows: list[dict] | None = None, drop: tuple = ()) -> list[dict]:
        items = []
        for index, row in enumerate(self.rows[sheet] if rows is None else rows):
            self.at((*path, index), sheet, row)
            items.append(self.clean(row, *drop))
        return items

    def functions(self, sheet: str, rows: list[dict], path: tuple) -> list[Any]:
        items = []
        for index, row in enumerate(rows):
            self.at((*path, index), sheet, row)
            if "text" not in row:
                continue
            number = row.get("number", "")
            items.append(
                {"number": number, "text": row["text"]} if number and number != str(index + 1) else row["text"]
            )
        return items

    def plan(self, plan_row: dict) -> dict[str, Any]:
        self.at(("plan",), "Renstra", plan_row)
        plan = self.clean(plan_row)
        plan["goals"] = self.listed("Tujuan", ("plan", "goals"))
        plan["objectives"] = self.listed("Sasaran Strategis", ("plan", "objectives"))
        plan["indicators"] = self.listed("Indikator", ("plan", "indicators"))
        plan["key_indicator_rows"] = self.listed("IKU", ("plan", "key_indicator_rows"))
        programmes = self.listed("Program", ("plan", "programmes"))
        by_code = {item.get("code"): item for item in programmes}
        activities: dict[tuple, dict] = {}
        for row in self.rows["Kegiatan"]:
            programme = by_code.get(row.get("programme"))
            if programme is None:
                if "programme" in row:
                    self.problem(
                        "Kegiatan",
                        row,
                        "programme",
                        gettext("programme '%(code)s' is not on the sheet Program.") % {"code": row["programme"]},
                    )
                continue
            index = programmes.index(programme)
            items = programme.setdefault("activities", [])
            self.at(("plan", "programmes", index, "activities", len(items)), "Kegiatan", row)
            activity = self.clean(row, "programme")
            items.append(activity)
            activities[(row.get("programme"), row.get("code"))] = (index, len(items) - 1, activity)
        for row in self.rows["Sub Kegiatan"]:
            found = activities.get((row.get("programme"), row.get("activity")))
            if found is None:
                if "activity" in row:
                    self.problem(
                        "Sub Kegiatan",
                        row,
                        "activity",
                        gettext("activity '%(code)s' of programme '%(programme)s' is not on the sheet Kegiatan.")
                        % {"code": row["activity"], "programme": row.get("programme", "")},
                    )
                continue
            p_index, a_index, activity = found
            items = activity.setdefault("sub_activities", [])
            self.at(
                ("plan", "programmes", p_index, "activities", a_index, "sub_activities", len(items)),
                "Sub Kegiatan",
                row,
            )
            items.append(self.clean(row, "programme", "activity"))
        plan["programmes"] = programmes
        return plan

    def pages(self) -> list[dict]:
        pages: dict[str, dict] = {}
        objectives: dict[str, tuple[tuple, dict]] = {}
        for row in self.rows["Sasaran Kinerja"]:
            position = row.get("position")
            if position is None:
                continue
            if position not in pages:
                pages[position] = {"position": position, "objectives": []}
                self.at(("pages", len(pages) - 1), "Sasaran Kinerja", row)
            page_index = list(pages).index(position)
            items = pages[position]["objectives"]
            path = ("pages", page_index, "objectives", len(items))
            self.at(path, "Sasaran Kinerja", row)
            objective = self.clean(row, "position")
            items.append(objective)
            if "code" in row:
                objectives.setdefault(row["code"], (path, objective))
        page_rows: dict[int, int] = {}
        for row in self.rows["Indikator IKI"]:
            code = row.get("objective")
            if code not in objectives:
                if code is not None:
                    self.problem(
                        "Indikator IKI",
                        row,
                        "objective",
                        gettext("performance objective '%(code)s' is not on the sheet Sasaran Kinerja.")
                        % {"code": code},
                    )
                continue
            path, objective = objectives[code]
            items = objective.setdefault("indicators", [])
            self.at((*path, "indicators", len(items)), "Indikator IKI", row)
            page_rows[path[1]] = page_rows.get(path[1], 0) + 1
            self.at(("pages", path[1], "indicators", page_rows[path[1]] - 1), "Indikator IKI", row)
            items.append(self.clean(row, "objective"))
        return list(pages.values())

    def decree(self, decree_row: dict) -> dict[str, Any]:
        self.at(("decree",), "Keputusan", decree_row)
        decree = self.clean(decree_row)
        parts: dict[str, list] = {kind: [] for kind in CLAUSE_LISTS}
        for row in self.rows["Isi Keputusan"]:
            if "part" not in row or "text" not in row:
                continue
            key = CLAUSE_LISTS[row["part"]]
            self.at(("decree", key, len(parts[row["part"]])), "Isi Keputusan", row)
            parts[row["part"]].append(
                {"label": row.get("label", ""), "text": row["text"]} if row["part"] == Clause.DICTUM else row["text"]
            )
        for kind, key in CLAUSE_LISTS.items():
            decree[key] = parts[kind]
        decree["chapters"] = self.listed("Bab Keputusan", ("decree", "chapters"))
        return decree


# -- putting the schema's and the loader's problems back on their cells -----------------------------------

_CODE_PART = re.compile(r"\s*\((?:[^()]|\([^()]*\))*\)")
_PART = re.compile(r"([A-Za-z_]+)|\[(\d+)\]")
FIELD_ALIASES = {"responsible_position": "responsible", "__all__": ""}


def record_path(record: str) -> tuple:
    """('positions', 2, 'functions', 0) from 'positions[3] (kadis).functions [1]'."""
    text = _CODE_PART.sub("", record).replace(" [", "[")
    return tuple(name if name else int(index) - 1 for name, index in _PART.findall(text))


def locate(origins: Origins, path: tuple, field_name: str) -> tuple[str, int | None, str]:
    """(sheet, row, column header) of a problem of the dataset record at `path`, field `field_name`."""
    original, field_name = field_name, FIELD_ALIASES.get(field_name, field_name)
    for end in range(len(path), 0, -1):
        found = origins.get(tuple(path[:end]))
        if found is None:
            continue
        sheet, row = found
        spec = SHEET[sheet]
        names = [field_name, *(f"{part}.{field_name}" for part in path[end - 1 : end] if isinstance(part, str))]
        rest = [part for part in path[end:] if isinstance(part, str)]
        if rest:
            names.insert(0, f"{rest[-1]}.{field_name}")
        names.append(original)  # a sheet whose column keeps the dataset's name (Rencana Aksi: responsible_position)
        column = next((spec.column(name) for name in names if spec.column(name)), None)
        return sheet, row, column.header if column else ""
    top = {
        "region": "Wilayah",
        "agency": "Instansi",
        "plan": "Renstra",
        "decree": "Keputusan",
        "units": "Unit Kerja",
        "positions": "Jabatan",
        "officials": "Pejabat",
        "assignments": "Penugasan",
        "pages": "Sasaran Kinerja",
        "targets": "Target",
        "actuals": "Realisasi",
        "actions": "Rencana Aksi",
    }
    first = path[0] if path else field_name
    return top.get(first, top.get(field_name, "")), None, ""
