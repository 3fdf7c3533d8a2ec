"""The organisation of a dataset: the region and its head, the agency and its functions, units, positions with
their functions, officials and who holds which position.

What the file may change is what its actor may change, as accounts.access decides: a planner their own agency (its
units, positions), the officials of its region they manage (`managed_officials`: matched by NIP, or by region and
name, never an official of another region or agency nor the region's head); the region, its head and a new agency
are the administrator's (`may_change_region`, `may_plan`). A refused record is a problem on its record and field,
like any other. `OPERATOR` (None) is the trusted path of the operator's commands and the built-in dataset.
"""

from django.db import models
from django.utils.translation import gettext, gettext_lazy, pgettext

from kinerja.accounts.access import managed_officials, may_plan
from kinerja.core import audit
from kinerja.core.models import AuditRecord
from kinerja.organisation import government
from kinerja.organisation.editing import numbered_functions
from kinerja.organisation.models import (
    Agency,
    AgencyFunction,
    Assignment,
    Official,
    Position,
    PositionFunction,
    Region,
    Unit,
)
from kinerja.performance import region_keys
from kinerja.strategy.models import PageIndicator, StrategicPlan

from .report import Change, shown
from .unit_of_work import UnitOfWork, dataset_date, same

REGION_ADMIN_ONLY = gettext_lazy("a region's data is changed only by the administrator.")
HEAD_ADMIN_ONLY = gettext_lazy(
    "the head of a region (regional head, minister, head or chair) is changed only by the administrator."
)
OFFICIAL_OUT_OF_REACH = gettext_lazy(
    "this official is already recorded outside your reach (another region or agency, or a region's head); only "
    "the administrator can change or assign them."
)


def refused_changes(work: UnitOfWork, record: str, instance: models.Model, values: dict, message: str) -> bool:
    """A problem for each field the file would change on a row the actor may not change; True if any."""
    changed = [name for name, value in values.items() if not same(instance, name, value)]
    for name in changed:
        work.problem(record, name, message)
    return bool(changed)


def load_region(work: UnitOfWork, item: dict) -> Region | None:
    """The region: created or changed by the administrator (or the operator) only; anyone else's file must
    name it as it is."""
    work.preload(Region, Region.objects.filter(code=item["code"]), "code")
    existing = work.known[(Region, ("code",))].get((item["code"],))
    # a file written before the kind existed keeps the region's kind (a new region is a regency, as before)
    kind = item.get("kind") or (existing.kind if existing else Region.Kind.REGENCY)
    values = {
        "kind": kind,
        "name": item["name"],
        "province": item.get("province", ""),
        "seat": item.get("seat", ""),
        "head_title": item.get("head_title") or government.DEFAULT_HEAD_TITLE[kind],
    }
    if not work.admin:
        if existing is None:
            work.problem("region", "code", gettext("a new region is created only by the administrator."))
            return None
        if refused_changes(work, "region", existing, values, REGION_ADMIN_ONLY):
            return None
    return work.save(Region, "region", {"code": item["code"]}, values)


def official_lookup(work: UnitOfWork, region: Region, item: dict) -> tuple[dict, dict]:
    """How an official of the file is looked up (its NIP, or region and name) and the values it gets."""
    values = {"rank": item.get("rank", ""), "grade": item.get("grade", "")}
    if item.get("nip"):  # an official without NIP (an elected regent) is known by region and name
        return {"nip": item["nip"]}, {"region": region, "name": item["name"], **values}
    return {"region": region, "nip": None, "name": item["name"]}, values


def known_official(work: UnitOfWork, region: Region, item: dict) -> Official | None:
    """The official of the database the file's `item` names (no query: the officials are preloaded)."""
    lookup, _ = official_lookup(work, region, item)
    return work.known[(Official, tuple(lookup))].get(work._key(tuple(lookup.values())))


def load_official(work: UnitOfWork, region: Region, record: str, item: dict) -> Official | None:
    lookup, values = official_lookup(work, region, item)
    return work.save(Official, record, lookup, values)


def load_region_head(work: UnitOfWork, region: Region, item: dict | None) -> None:
    """The head of region (the regent): an official of the region, kept when the file names none. Changed by the
    administrator (or the operator) only, and recorded in the audit trail as every change."""
    if item is None:
        return
    label = str(Region._meta.verbose_name_plural)
    if not work.admin:
        head = known_official(work, region, item)
        if head is None or head.pk != region.head_id:
            work.problem("region", "head.nip" if item.get("nip") else "head.name", HEAD_ADMIN_ONLY)
        else:
            _, values = official_lookup(work, region, item)
            for name, value in values.items():
                if not same(head, name, value):
                    work.problem("region", f"head.{name}", HEAD_ADMIN_ONLY)
        return
    head = load_official(work, region, "region.head", item)
    if head is None or region.head_id == head.pk:
        return
    before = audit.snapshot(region)
    work.report.changes.append(Change(label, "region", "head.name", shown(region.head), shown(head)))
    region.head = head
    region.save(update_fields=["head", "updated_at"])
    work.report.updated[label] += 1
    with audit.in_record_language():
        text = gettext("Regional head «%(region)s» replaced: %(head)s")
        description = text % {"region": str(region)[:150], "head": str(head)[:150]}
    work.trail.append(
        audit.build(
            actor=work.actor,
            action=AuditRecord.Action.CHANGED,
            obj=region,
            before=before,
            after=audit.snapshot(region),
            note=work.note,
            description=description,
        )
    )


def load_agency(work: UnitOfWork, region: Region) -> Agency | None:
    item = work.data["agency"]
    if not agency_allowed(work, region, item["code"]):
        return None
    before = work.known[(Agency, ("code",))].get((item["code"],))
    moved_from = before.region_id if before is not None else region.pk
    agency = work.save(
        Agency,
        "agency",
        {"code": item["code"]},
        {
            "region": region,
            "name": item["name"],
            **{
                name: item.get(name, "")
                for name in (
                    "short_name",
                    "printed_name",
                    "address",
                    "city",
                    "telephone",
                    "website",
                    "email",
                    "postcode",
                    "duty",
                )
            },
        },
    )
    if agency is not None and moved_from != region.pk:
        region_keys.move_agency(agency, region.pk)  # its targets, actuals and evidence follow (docs/scale.md §1)
    if agency is not None:
        preload_agency(work, agency)
        work.sync_rows(
            AgencyFunction, "agency.functions", {"agency": agency}, numbered_functions(item.get("functions", []))
        )
    return agency


def agency_allowed(work: UnitOfWork, region: Region, code: str) -> bool:
    """The operator and the administrator load any agency; a planner only the agency they plan, in its
    region (a problem otherwise)."""
    work.preload(Agency, Agency.objects.filter(code=code), "code")
    if work.admin:
        return True
    existing = work.known[(Agency, ("code",))].get((code,))
    if existing is None:
        work.problem("agency", "code", gettext("a new agency is created only by the administrator."))
        return False
    if not may_plan(work.actor, existing):
        work.problem("agency", "code", gettext("you are not the planner of agency '%(code)s'.") % {"code": code})
        return False
    if existing.region_id != region.pk:
        text = gettext("this agency is in another region; only the administrator moves it.")
        work.problem("region", "code", text)
        return False
    return True


def preload_agency(work: UnitOfWork, agency: Agency) -> None:
    """Every row of the agency the load compares, one query per table."""
    work.preload(Unit, Unit.objects.filter(agency=agency), "agency", "code")
    work.preload(Position, Position.objects.filter(agency=agency), "agency", "code")
    work.preload(
        Assignment,
        Assignment.objects.filter(position__agency=agency).select_related("official", "position"),
        "official",
        "position",
        "start",
    )
    work.preload(StrategicPlan, StrategicPlan.objects.filter(agency=agency), "agency", "first_year")
    work.preload_children(AgencyFunction, "agency", AgencyFunction.objects.filter(agency=agency).order_by("order"))
    work.preload_children(
        PositionFunction, "position", PositionFunction.objects.filter(position__agency=agency).order_by("order")
    )
    work.preload_children(
        PageIndicator, "position", PageIndicator.objects.filter(position__agency=agency).order_by("order")
    )


def load_units(work: UnitOfWork, agency: Agency) -> None:
    for index, item in enumerate(work.data["units"]):
        record = f"units[{index + 1}] ({item['code']})"
        parent = work.lookup(
            work.units, item.get("parent"), record, "parent", pgettext("dataset record", "parent unit")
        )
        unit = work.save(
            Unit,
            record,
            {"agency": agency, "code": item["code"]},
            {
                "kind": item["kind"],
                "name": item["name"],
                "parent": parent,
                "order": index + 1,
            },
        )
        work.register(work.units, item["code"], record, unit)
    work.create_new(Unit)


def load_positions(work: UnitOfWork, agency: Agency) -> None:
    for index, item in enumerate(work.data["positions"]):
        record = f"positions[{index + 1}] ({item['code']})"
        unit = work.lookup(work.units, item["unit"], record, "unit", pgettext("dataset record", "work unit"))
        superior = work.lookup(
            work.positions,
            item.get("superior"),
            record,
            "superior",
            pgettext("dataset record", "superior position"),
        )
        position = None
        if unit is not None:
            position = work.save(
                Position,
                record,
                {"agency": agency, "code": item["code"]},
                {
                    "unit": unit,
                    "title": item["title"],
                    "printed_title": item.get("printed_title", ""),
                    "superior": superior,
                    "kind": item.get("kind") or Position.Kind.STRUCTURAL,
                    "duty": item.get("duty", ""),
                    "order": index + 1,
                },
            )
        work.register(work.positions, item["code"], record, position)
        if position is not None:
            work.sync_rows(
                PositionFunction,
                f"{record}.functions",
                {"position": position},
                numbered_functions(item.get("functions", [])),
            )


def load_officials(work: UnitOfWork, region: Region, agency: Agency) -> None:
    """The file's officials, and who holds which position of the agency. An official already in the database
    is changed or assigned only when the actor may manage them (accounts.access.managed_officials)."""
    items = work.data.get("officials", [])
    known = [known_official(work, region, item) for item in items]
    managed = (
        None
        if work.trusted
        else managed_officials(work.actor, agency, [official for official in known if official is not None])
    )
    for index, (item, existing) in enumerate(zip(items, known, strict=True)):
        nip = item.get("nip")
        key = nip or item["name"]
        record = f"officials[{index + 1}] ({key})"
        if existing is not None and managed is not None and existing.pk not in managed:
            work.problem(record, "nip" if nip else "name", OFFICIAL_OUT_OF_REACH)
            official = None
        else:
            official = load_official(work, region, record, item)
        work.register(work.officials, key, record, official)
    for index, item in enumerate(work.data.get("assignments", [])):
        record = f"assignments[{index + 1}] ({item['official']} → {item['position']})"
        official = work.lookup(
            work.officials, item["official"], record, "official", pgettext("dataset record", "official")
        )
        position = work.lookup(
            work.positions, item["position"], record, "position", pgettext("dataset record", "position")
        )
        if item.get("end") and dataset_date(item["end"]) < dataset_date(item["start"]):
            work.problem(record, "end", gettext("the end date cannot be before the start date."))
        elif official is not None and position is not None:
            work.save(
                Assignment,
                record,
                {"official": official, "position": position, "start": dataset_date(item["start"])},
                {
                    "end": dataset_date(item.get("end")),
                    "acting": item.get("acting", False) or bool(item.get("acting_kind")),
                    "acting_kind": item.get("acting_kind", ""),
                    "decree_number": item.get("decree_number", ""),
                },
            )
