"""Load an agency dataset into the database: create what is new, update what changed, leave the rest.

One transaction: a file with any problem writes nothing, and every problem is reported, not only the first.
Loading the same file twice changes nothing (no row is saved when its values are already there).

A file changes only what its `actor` may change, as accounts.access decides: a planner their own agency (its
units, positions, plan, pages, decree, targets), the officials of its region they manage (`managed_officials`:
matched by NIP, or by region and name, never an official of another region or agency nor the region's head), and
no actual they may not import (`may_import_actuals`); the region, its head and a new agency are the
administrator's (`may_change_region`). A refused record is a problem on its record and field, like any other.
`OPERATOR` (None) is the trusted path of the operator's commands and the built-in dataset: not checked.

A fixed number of queries whatever the agency's size when nothing changed: every table of the agency and of its
plan is read once up front into dicts (`preload`, `preload_children`, `preload_links`), the file is compared with
them in memory, and only a row that is new or changed is validated and written.
"""

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction

from kinerja.accounts.access import managed_officials, may_change_region, may_plan
from kinerja.core import audit
from kinerja.core.models import AuditRecord
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
from kinerja.strategy.models import (
    Activity,
    Decree,
    DecreeChapter,
    DecreeClause,
    Goal,
    Indicator,
    KeyIndicatorRow,
    Objective,
    PageIndicator,
    Programme,
    StrategicPlan,
    SubActivity,
)

from .performance_loader import load_performance
from .problems import DatasetError, Problem

BATCH = 500  # rows per bulk statement (fewer where the database limits a statement's parameters)
# new rows of these tables are inserted together (`create_new`): before a row that points to one of them, after the
# loop that reads them, and at the end. Positions, objectives, programmes and below are still inserted one by one
# (their keys are used at once: child lists, page rows, links, the audit records of their child lists).
INSERTED_TOGETHER = (Unit, Assignment, Indicator)


OPERATOR = None  # the trusted path: the built-in dataset's bootstrap, `load_agency`/`import_agency` run by an operator
REGION_ADMIN_ONLY = "data wilayah hanya diubah oleh administrator."
HEAD_ADMIN_ONLY = "kepala daerah hanya diubah oleh administrator."
OFFICIAL_OUT_OF_REACH = ("pejabat ini sudah tercatat di luar jangkauan Anda (wilayah atau instansi lain, atau kepala "
                         "daerah); hanya administrator yang dapat mengubah atau menugaskannya.")


@dataclass(frozen=True)
class Change:
    """One value a load changes: what (the plural label), which record, which field, before → after."""

    label: str
    record: str
    field: str
    before: str
    after: str


@dataclass
class LoadReport:
    agency: Agency | None = None
    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    unchanged: Counter = field(default_factory=Counter)
    changes: list[Change] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(sum(self.created.values()) + sum(self.updated.values()))

    def lines(self) -> list[str]:
        names = sorted(set(self.created) | set(self.updated) | set(self.unchanged))
        return [
            f"{name}: {self.created[name]} baru, {self.updated[name]} diubah, {self.unchanged[name]} tetap"
            for name in names
        ]


def _shown(value: Any) -> str:
    return "" if value is None else str(value)


def _same(instance: models.Model, name: str, value: Any) -> bool:
    model_field = instance._meta.get_field(name)
    if isinstance(model_field, models.ForeignKey):
        return getattr(instance, model_field.attname) == (value.pk if value is not None else None)
    return getattr(instance, name) == value


class _DatasetLoader:
    def __init__(self, data: dict[str, Any], source: str, actor: Any = None):
        self.data = data
        self.source = source
        self.actor = actor
        # who may change what, decided by accounts.access: the operator (OPERATOR, no check) and the administrator
        # change regions and create agencies; anyone else only the agency they plan, inside its region
        self.trusted = actor is OPERATOR
        self.admin = self.trusted or may_change_region(actor)
        self.trail: list[AuditRecord] = []  # one record per row created or changed, written at the end
        self.problems: list[Problem] = []
        self.report = LoadReport()
        self.units: dict[str, Unit | None] = {}
        self.positions: dict[str, Position | None] = {}
        self.officials: dict[str, Official | None] = {}
        self.objectives: dict[str, Objective | None] = {}
        self.indicators: dict[str, Indicator | None] = {}
        self.goals: dict[str, Goal | None] = {}
        # the rows already in the database, read once per table: (model, lookup fields) → {key: instance}
        self.known: dict[tuple, dict[tuple, Any]] = {}
        # child rows by parent key: model → {parent pk: [row values]}; many-to-many links: (model, name) → {pk: set}
        self.children: dict[type[models.Model], dict[Any, list[dict]]] = {}
        self.links: dict[tuple, dict[Any, set]] = {}
        self.rows_by_pk: dict[type[models.Model], dict[Any, Any]] = defaultdict(dict)  # every row `known`
        # rows changed in memory, written per table at the end (`flush`): model → ({id: (record, instance)}, fields)
        self.pending: dict[type[models.Model], tuple[dict[int, tuple[str, Any]], set[str]]] = {}
        # child lists replaced, written per table at the end: model → (parent field, parents emptied, new rows)
        self.replaced: dict[type[models.Model], tuple[str, set, list]] = {}
        # many-to-many links changed, written per table at the end: (model, field) → {pk: wanted pks}
        self.relinked: dict[tuple, dict[Any, set]] = {}
        # new rows waiting for one INSERT per table (INSERTED_TOGETHER): model → [(record, instance)]
        self.new: dict[type[models.Model], list[tuple[str, Any]]] = {}

    # -- plumbing -------------------------------------------------------------------------------------
    def problem(self, record: str, field_name: str, message: str) -> None:
        self.problems.append(Problem(self.source, record, field_name, message))

    @staticmethod
    def _key(values: tuple) -> tuple:
        return tuple(value.pk if isinstance(value, models.Model) else value for value in values)

    def preload(self, model: type[models.Model], queryset: models.QuerySet, *fields: str) -> None:
        """Read the rows `save` will look up by `fields` (in this order) once, instead of one query per row."""
        attnames = [model._meta.get_field(name).attname for name in fields]
        table = self.known.setdefault((model, fields), {})
        for instance in queryset:
            table.setdefault(tuple(getattr(instance, name) for name in attnames), instance)
            self.rows_by_pk[model][instance.pk] = instance

    def preload_children(self, model: type[models.Model], parent: str, queryset: models.QuerySet) -> None:
        """The rows `sync_rows` compares, by parent key, in the order of `queryset` — one query for all parents."""
        attname = model._meta.get_field(parent).attname
        groups: dict[Any, list[dict]] = defaultdict(list)
        for row in queryset.values():
            groups[row[attname]].append(row)
        self.children[model] = groups

    @staticmethod
    def _through(model: type[models.Model], name: str) -> tuple[type[models.Model], str, str]:
        """The table of a many-to-many field and its two key columns (this side's, the other side's)."""
        through = getattr(model, name).through
        source = next(f.attname for f in through._meta.concrete_fields
                      if f.is_relation and f.related_model is model)
        target = next(f.attname for f in through._meta.concrete_fields
                      if f.is_relation and f.attname != source and f.related_model is not model)
        return through, source, target

    def preload_links(self, model: type[models.Model], name: str, queryset: models.QuerySet) -> None:
        """The many-to-many links `set_links` compares, for every instance of `queryset`'s scope at once."""
        through, source, target = self._through(model, name)
        groups: dict[Any, set] = defaultdict(set)
        for owner, other in through.objects.filter(**{f"{source}__in": queryset}).values_list(source, target):
            groups[owner].add(other)
        self.links[(model, name)] = groups

    def save(self, model: type[models.Model], record: str, lookup: dict, values: dict) -> Any:
        """Create or update one row; None (and a problem) when it does not validate."""
        fields = tuple(lookup)
        table = self.known.get((model, fields))
        key = self._key(tuple(lookup.values()))
        instance = model.objects.filter(**lookup).first() if table is None else table.get(key)
        label = str(model._meta.verbose_name_plural)
        before = None
        if instance is None:
            instance = model(**lookup, **values)
            counter = self.report.created
        else:
            # the rows it is looked up by and points to are known: its checks do not read them again
            for name, value in [*lookup.items(), *values.items()]:
                if isinstance(value, models.Model) and _same(instance, name, value):
                    setattr(instance, name, value)
            self.prime(instance)
            if all(_same(instance, name, value) for name, value in values.items()):
                self.report.unchanged[label] += 1
                return instance
            before = audit.snapshot(instance)
            for name, value in values.items():
                if not _same(instance, name, value):
                    self.report.changes.append(Change(label, record, name, _shown(getattr(instance, name)),
                                                      _shown(value)))
                setattr(instance, name, value)
            counter = self.report.updated
        try:
            # a new or changed row: its own fields and rules in Python, no query. The rows it points to are the
            # load's own (looked up above), its unique keys are the dicts' (`known`); the few check constraints no
            # clean() covers are checked where the values are read (load_plan, load_officials); the database's
            # constraints back them all.
            instance.full_clean(exclude=[f.name for f in model._meta.concrete_fields if f.is_relation],
                                validate_unique=False, validate_constraints=False)
        except ValidationError as error:
            for field_name, messages in error.message_dict.items():
                for message in messages:
                    self.problem(record, "" if field_name == "__all__" else field_name, message)
            return None
        if before is None:
            self.create_new_pointed_to(instance)
            if table is not None:
                table[key] = instance
            if model in INSERTED_TOGETHER:
                self.new.setdefault(model, []).append((record, instance))
                counter[label] += 1
                return instance  # recorded when inserted
            instance.save()
            self.rows_by_pk[model][instance.pk] = instance
        else:
            self.defer(record, instance, [name for name in values if name not in lookup])
        counter[label] += 1
        action = AuditRecord.Action.CREATED if before is None else AuditRecord.Action.CHANGED
        self.trail.append(audit.build(actor=self.actor, action=action, obj=instance, before=before,
                                      after=audit.snapshot(instance), note=self.note))
        return instance

    def defer(self, record: str, instance: models.Model, names: list[str]) -> None:
        """Write a changed row at the end, with the other changed rows of its table (`flush`)."""
        for model_field in instance._meta.concrete_fields:
            if getattr(model_field, "auto_now", False):
                model_field.pre_save(instance, add=False)
                names = [*names, model_field.name]
        rows, fields = self.pending.setdefault(type(instance), ({}, set()))
        rows[id(instance)] = (record, instance)
        fields.update(names)

    def create_new_pointed_to(self, instance: models.Model) -> None:
        """Insert the waiting new rows the instance points to (it needs their keys)."""
        for model_field in instance._meta.concrete_fields:
            if model_field.is_relation and model_field.is_cached(instance):
                target = getattr(instance, model_field.name)
                if target is not None and target.pk is None and model_field.related_model in self.new:
                    self.create_new(model_field.related_model)

    def create_new(self, model: type[models.Model]) -> None:
        """The waiting new rows of one table: one INSERT (per few hundred rows), one audit record each."""
        rows = self.new.pop(model, [])
        if not rows:  # inserted even when the file has problems: the rows after them need their keys
            return
        instances = [instance for _, instance in rows]
        for instance in instances:
            self.create_new_pointed_to(instance)
        model.objects.bulk_create(instances, batch_size=BATCH)
        for instance in instances:
            self.rows_by_pk[model][instance.pk] = instance
            self.trail.append(audit.build(actor=self.actor, action=AuditRecord.Action.CREATED, obj=instance,
                                          before=None, after=audit.snapshot(instance), note=self.note))

    def flush(self) -> None:
        """The changed rows, one bulk UPDATE per table, and the replaced child lists, one DELETE and one INSERT per
        table (a few hundred rows per statement)."""
        for model in list(self.new):
            self.create_new(model)
        for model, (rows, fields) in self.pending.items():
            try:
                with transaction.atomic():
                    model.objects.bulk_update([instance for _, instance in rows.values()], sorted(fields),
                                              batch_size=BATCH)
            except IntegrityError as error:
                records = ", ".join(record for record, _ in list(rows.values())[:5])
                self.problem(records, "", f"perubahan ditolak basis data: {error}")
        self.pending.clear()
        for model, (parent_name, deleted, created) in self.replaced.items():
            owners = sorted(deleted)
            for start in range(0, len(owners), BATCH):
                model.objects.filter(**{f"{parent_name}__in": owners[start:start + BATCH]}).delete()
            model.objects.bulk_create(created, batch_size=BATCH)
        self.replaced.clear()
        for (model, name), wanted in self.relinked.items():
            through, source, target = self._through(model, name)
            owners = sorted(wanted)
            for start in range(0, len(owners), BATCH):
                through.objects.filter(**{f"{source}__in": owners[start:start + BATCH]}).delete()
            through.objects.bulk_create([through(**{source: owner, target: other})
                                         for owner in owners for other in sorted(wanted[owner])], batch_size=BATCH)
        self.relinked.clear()

    @property
    def note(self) -> str:
        return f"Dimuat dari berkas {self.source}"

    def sync_rows(
        self, model: type[models.Model], record: str, parent: dict, rows: list[dict],
        order_by: tuple[str, ...] = ("order",), sort_by: Any = None,
    ) -> None:
        """Make the ordered child rows of `parent` exactly `rows` (replaced only when they differ)."""
        label = str(model._meta.verbose_name_plural)
        keys = list(rows[0]) if rows else ["order"]
        owner = next(iter(parent.values()))
        if model in self.children:
            group = self.children[model].get(owner.pk, [])
            if sort_by is not None:  # the order of rows whose parents this load may just have reordered
                group = sorted(group, key=sort_by)
            existing = [{key: row[key] for key in keys} for row in group]
        else:
            existing = list(model.objects.filter(**parent).order_by(*order_by).values(*keys))
        if existing == rows:
            self.report.unchanged[label] += len(rows)
            return
        instances = [model(**parent, **row) for row in rows]
        relations = {f: self.by_pk(f.related_model) for f in model._meta.concrete_fields
                     if f.is_relation and f.name not in parent}
        for index, instance in enumerate(instances):
            checked = list(parent)
            for relation, known in relations.items():  # a row of the load's own: no query to check it
                target = known.get(getattr(instance, relation.attname))
                if target is not None:
                    setattr(instance, relation.name, target)
                    checked.append(relation.name)
            try:
                instance.full_clean(exclude=checked, validate_unique=False, validate_constraints=False)
            except ValidationError as error:
                for field_name, messages in error.message_dict.items():
                    self.problem(f"{record} [{index + 1}]", field_name, "; ".join(messages))
        _, deleted, created = self.replaced.setdefault(model, (next(iter(parent)), set(), []))
        if existing:
            deleted.add(owner.pk)
        created.extend(instances)
        (self.report.updated if existing else self.report.created)[label] += len(rows)
        with audit.in_record_language():
            description = f"{str(model._meta.verbose_name_plural).capitalize()} «{str(owner)[:150]}» diganti"
        self.trail.append(audit.build(
            actor=self.actor, action=AuditRecord.Action.CHANGED if existing else AuditRecord.Action.CREATED,
            obj=owner, before={"rows": existing} if existing else None, after={"rows": rows}, note=self.note,
            description=description,
        ))

    def by_pk(self, model: type[models.Model]) -> dict[Any, Any]:
        """The rows of `model` this load has read or written, by primary key."""
        return self.rows_by_pk[model]

    def prime(self, instance: models.Model) -> None:
        """Point the instance's foreign keys at the rows the load holds: its checks read none of them again."""
        for model_field in instance._meta.concrete_fields:
            if model_field.is_relation and not model_field.is_cached(instance):
                target = self.rows_by_pk[model_field.related_model].get(getattr(instance, model_field.attname))
                if target is not None:
                    setattr(instance, model_field.name, target)

    def write_trail(self) -> None:
        """The records of every row written, and one of the whole load with its counts (only when it changed
        anything), all in the load's transaction."""
        agency = self.report.agency
        if not self.report.changed or agency is None:
            return
        created, updated = sum(self.report.created.values()), sum(self.report.updated.values())
        self.trail.append(audit.build(
            actor=self.actor, action=AuditRecord.Action.LOADED, obj=agency, before=None,
            after={"created": dict(self.report.created), "updated": dict(self.report.updated),
                   "unchanged": dict(self.report.unchanged)},
            note=self.note, description=f"Data instansi dimuat dari {self.source}: {created} baru, {updated} diubah",
        ))
        for entry in self.trail:
            entry.agency = agency
        AuditRecord.objects.bulk_create(self.trail, batch_size=500)

    def lookup(self, table: dict, code: Any, record: str, field_name: str, what: str) -> Any:
        if code is None:
            return None
        if code not in table:
            self.problem(record, field_name, f"{what} '{code}' tidak dikenal.")
            return None
        return table[code]

    def register(self, table: dict, code: str, record: str, value: Any) -> None:
        if code in table:
            self.problem(record, "code", f"kode '{code}' ganda.")
        table[code] = value

    @staticmethod
    def function_rows(items: list[Any]) -> list[dict]:
        rows = []
        for order, item in enumerate(items, start=1):
            number, text = ("", item) if isinstance(item, str) else (item["number"], item["text"])
            rows.append({"order": order, "number": "" if number == str(order) else number, "text": text})
        return rows

    # -- the dataset ----------------------------------------------------------------------------------
    def run(self) -> LoadReport:
        data = self.data
        region = self.load_region(data["region"])
        if region is None:
            return self.report
        nips = {item.get("nip") for item in [*data.get("officials", []), data["region"].get("head") or {}]}
        self.preload(Official, Official.objects.filter(nip__in=nips - {None, ""}), "nip")
        self.preload(Official, Official.objects.filter(region=region, nip=None), "region", "nip", "name")
        self.load_region_head(region, data["region"].get("head"))
        agency = self.load_agency(region)
        if agency is None:
            return self.report
        self.report.agency = agency
        self.load_units(agency)
        self.load_positions(agency)
        self.load_officials(region, agency)
        plan = self.load_plan(agency)
        if plan is not None:
            self.load_pages(plan)
            if "decree" in data:
                self.load_decree(plan)
            load_performance(self, plan)
        return self.report

    def refused_changes(self, record: str, instance: models.Model, values: dict, message: str) -> bool:
        """A problem for each field the file would change on a row the actor may not change; True if any."""
        changed = [name for name, value in values.items() if not _same(instance, name, value)]
        for name in changed:
            self.problem(record, name, message)
        return bool(changed)

    def load_region(self, item: dict) -> Region | None:
        """The region: created or changed by the administrator (or the operator) only; anyone else's file must
        name it as it is."""
        self.preload(Region, Region.objects.filter(code=item["code"]), "code")
        values = {"name": item["name"], "province": item.get("province", ""), "seat": item.get("seat", ""),
                  "head_title": item.get("head_title", "Bupati")}
        if not self.admin:
            existing = self.known[(Region, ("code",))].get((item["code"],))
            if existing is None:
                self.problem("region", "code", "wilayah baru hanya dibuat oleh administrator.")
                return None
            if self.refused_changes("region", existing, values, REGION_ADMIN_ONLY):
                return None
        return self.save(Region, "region", {"code": item["code"]}, values)

    def official_lookup(self, region: Region, item: dict) -> tuple[dict, dict]:
        """How an official of the file is looked up (its NIP, or region and name) and the values it gets."""
        values = {"rank": item.get("rank", ""), "grade": item.get("grade", "")}
        if item.get("nip"):  # an official without NIP (an elected regent) is known by region and name
            return {"nip": item["nip"]}, {"region": region, "name": item["name"], **values}
        return {"region": region, "nip": None, "name": item["name"]}, values

    def known_official(self, region: Region, item: dict) -> Official | None:
        """The official of the database the file's `item` names (no query: the officials are preloaded)."""
        lookup, _ = self.official_lookup(region, item)
        return self.known[(Official, tuple(lookup))].get(self._key(tuple(lookup.values())))

    def load_official(self, region: Region, record: str, item: dict) -> Official | None:
        lookup, values = self.official_lookup(region, item)
        return self.save(Official, record, lookup, values)

    def load_region_head(self, region: Region, item: dict | None) -> None:
        """The head of region (the regent): an official of the region, kept when the file names none. Changed by the
        administrator (or the operator) only, and recorded in the audit trail as every change."""
        if item is None:
            return
        label = str(Region._meta.verbose_name_plural)
        if not self.admin:
            head = self.known_official(region, item)
            if head is None or head.pk != region.head_id:
                self.problem("region", "head.nip" if item.get("nip") else "head.name", HEAD_ADMIN_ONLY)
            else:
                _, values = self.official_lookup(region, item)
                for name, value in values.items():
                    if not _same(head, name, value):
                        self.problem("region", f"head.{name}", HEAD_ADMIN_ONLY)
            return
        head = self.load_official(region, "region.head", item)
        if head is None or region.head_id == head.pk:
            return
        before = audit.snapshot(region)
        self.report.changes.append(Change(label, "region", "head.name", _shown(region.head), _shown(head)))
        region.head = head
        region.save(update_fields=["head", "updated_at"])
        self.report.updated[label] += 1
        with audit.in_record_language():
            description = f"Kepala daerah «{str(region)[:150]}» diganti: {str(head)[:150]}"
        self.trail.append(audit.build(actor=self.actor, action=AuditRecord.Action.CHANGED, obj=region, before=before,
                                      after=audit.snapshot(region), note=self.note, description=description))

    def load_agency(self, region: Region) -> Agency | None:
        item = self.data["agency"]
        if not self.agency_allowed(region, item["code"]):
            return None
        agency = self.save(Agency, "agency", {"code": item["code"]}, {
            "region": region, "name": item["name"],
            **{name: item.get(name, "") for name in (
                "short_name", "printed_name", "address", "city", "telephone", "website", "email", "postcode", "duty",
            )},
        })
        if agency is not None:
            self.preload_agency(agency)
            self.sync_rows(AgencyFunction, "agency.functions", {"agency": agency},
                           self.function_rows(item.get("functions", [])))
        return agency

    def agency_allowed(self, region: Region, code: str) -> bool:
        """The operator and the administrator load any agency; a planner only the agency they plan, in its
        region (a problem otherwise)."""
        self.preload(Agency, Agency.objects.filter(code=code), "code")
        if self.admin:
            return True
        existing = self.known[(Agency, ("code",))].get((code,))
        if existing is None:
            self.problem("agency", "code", "instansi baru hanya dibuat oleh administrator.")
            return False
        if not may_plan(self.actor, existing):
            self.problem("agency", "code", f"Anda bukan admin perencanaan instansi '{code}'.")
            return False
        if existing.region_id != region.pk:
            self.problem("region", "code", "instansi ini berada di wilayah lain; hanya administrator yang "
                                           "memindahkannya.")
            return False
        return True

    def preload_agency(self, agency: Agency) -> None:
        """Every row of the agency the load compares, one query per table."""
        self.preload(Unit, Unit.objects.filter(agency=agency), "agency", "code")
        self.preload(Position, Position.objects.filter(agency=agency), "agency", "code")
        self.preload(Assignment, Assignment.objects.filter(position__agency=agency).select_related(
            "official", "position"), "official", "position", "start")
        self.preload(StrategicPlan, StrategicPlan.objects.filter(agency=agency), "agency", "first_year")
        self.preload_children(AgencyFunction, "agency", AgencyFunction.objects.filter(agency=agency).order_by("order"))
        self.preload_children(PositionFunction, "position",
                              PositionFunction.objects.filter(position__agency=agency).order_by("order"))
        self.preload_children(PageIndicator, "position",
                              PageIndicator.objects.filter(position__agency=agency).order_by("order"))

    def preload_plan(self, plan: StrategicPlan) -> None:
        """Every row of the plan the load compares, one query per table."""
        for model in (Goal, Objective, Indicator, Programme):
            self.preload(model, model.objects.filter(plan=plan), "plan", "code")
        self.preload(Activity, Activity.objects.filter(programme__plan=plan), "programme", "code")
        self.preload(SubActivity, SubActivity.objects.filter(activity__programme__plan=plan), "activity", "code")
        self.preload(Decree, Decree.objects.filter(plan=plan), "plan", "year")
        self.preload_children(KeyIndicatorRow, "plan", KeyIndicatorRow.objects.filter(plan=plan).order_by("order"))
        self.preload_children(DecreeClause, "decree",
                              DecreeClause.objects.filter(decree__plan=plan).order_by("kind", "order"))
        self.preload_children(DecreeChapter, "decree",
                              DecreeChapter.objects.filter(decree__plan=plan).order_by("order"))
        programmes = Programme.objects.filter(plan=plan)
        activities = Activity.objects.filter(programme__plan=plan)
        self.preload_links(Programme, "objectives", programmes)
        self.preload_links(Programme, "indicators", programmes)
        self.preload_links(Activity, "indicators", activities)
        self.preload_links(SubActivity, "indicators", SubActivity.objects.filter(activity__in=activities))

    def load_units(self, agency: Agency) -> None:
        for index, item in enumerate(self.data["units"]):
            record = f"units[{index + 1}] ({item['code']})"
            parent = self.lookup(self.units, item.get("parent"), record, "parent", "unit induk")
            unit = self.save(Unit, record, {"agency": agency, "code": item["code"]}, {
                "kind": item["kind"], "name": item["name"], "parent": parent, "order": index + 1,
            })
            self.register(self.units, item["code"], record, unit)
        self.create_new(Unit)

    def load_positions(self, agency: Agency) -> None:
        for index, item in enumerate(self.data["positions"]):
            record = f"positions[{index + 1}] ({item['code']})"
            unit = self.lookup(self.units, item["unit"], record, "unit", "unit kerja")
            superior = self.lookup(self.positions, item.get("superior"), record, "superior", "jabatan atasan")
            position = None
            if unit is not None:
                position = self.save(Position, record, {"agency": agency, "code": item["code"]}, {
                    "unit": unit, "title": item["title"], "printed_title": item.get("printed_title", ""),
                    "superior": superior, "duty": item.get("duty", ""), "order": index + 1,
                })
            self.register(self.positions, item["code"], record, position)
            if position is not None:
                self.sync_rows(PositionFunction, f"{record}.functions", {"position": position},
                               self.function_rows(item.get("functions", [])))

    def load_officials(self, region: Region, agency: Agency) -> None:
        """The file's officials, and who holds which position of the agency. An official already in the database
        is changed or assigned only when the actor may manage them (accounts.access.managed_officials)."""
        items = self.data.get("officials", [])
        known = [self.known_official(region, item) for item in items]
        managed = None if self.trusted else managed_officials(
            self.actor, agency, [official for official in known if official is not None])
        for index, (item, existing) in enumerate(zip(items, known, strict=True)):
            nip = item.get("nip")
            key = nip or item["name"]
            record = f"officials[{index + 1}] ({key})"
            if existing is not None and managed is not None and existing.pk not in managed:
                self.problem(record, "nip" if nip else "name", OFFICIAL_OUT_OF_REACH)
                official = None
            else:
                official = self.load_official(region, record, item)
            self.register(self.officials, key, record, official)
        for index, item in enumerate(self.data.get("assignments", [])):
            record = f"assignments[{index + 1}] ({item['official']} → {item['position']})"
            official = self.lookup(self.officials, item["official"], record, "official", "pejabat")
            position = self.lookup(self.positions, item["position"], record, "position", "jabatan")
            if item.get("end") and _date(item["end"]) < _date(item["start"]):
                self.problem(record, "end", "tanggal selesai tidak boleh sebelum tanggal mulai.")
            elif official is not None and position is not None:
                self.save(Assignment, record, {"official": official, "position": position,
                                               "start": _date(item["start"])},
                          {"end": _date(item.get("end")), "acting": item.get("acting", False)})

    def load_plan(self, agency: Agency) -> StrategicPlan | None:
        item = self.data["plan"]
        if item["last_year"] <= item["first_year"]:
            self.problem("plan", "last_year", "tahun akhir Renstra harus sesudah tahun awalnya.")
            return None
        plan = self.save(StrategicPlan, "plan", {"agency": agency, "first_year": item["first_year"]}, {
            "name": item["name"], "last_year": item["last_year"],
        })
        if plan is None:
            return None
        self.preload_plan(plan)
        for index, goal in enumerate(item.get("goals", [])):
            record = f"plan.goals[{index + 1}] ({goal['code']})"
            saved = self.save(Goal, record, {"plan": plan, "code": goal["code"]},
                              {"text": goal["text"], "order": index + 1})
            self.register(self.goals, goal["code"], record, saved)
        for index, objective in enumerate(item.get("objectives", [])):
            record = f"plan.objectives[{index + 1}] ({objective['code']})"
            goal = self.lookup(self.goals, objective.get("goal"), record, "goal", "tujuan")
            saved = self.save(Objective, record, {"plan": plan, "code": objective["code"]}, {
                "text": objective["text"], "level": Objective.Level.STRATEGIC, "goal": goal, "position": None,
                "contributes_to": None, "order": index + 1,
            })
            self.register(self.objectives, objective["code"], record, saved)
        for index, indicator in enumerate(item.get("indicators", [])):
            self.load_indicator(plan, index, indicator)
        self.create_new(Indicator)  # their keys: the key rows, the links, the pages, the figures
        self.load_key_rows(plan, item.get("key_indicator_rows", []))
        self.load_programmes(plan, item.get("programmes", []))
        return plan

    def load_indicator(self, plan: StrategicPlan, index: int, item: dict) -> None:
        record = f"plan.indicators[{index + 1}] ({item['code']})"
        objective = self.lookup(self.objectives, item.get("objective"), record, "objective", "sasaran")
        responsible = self.lookup(self.positions, item.get("responsible"), record, "responsible", "jabatan")
        factor = item.get("factor")
        try:
            factor = Decimal(str(factor)) if factor is not None else None
        except ArithmeticError:
            self.problem(record, "factor", f"'{factor}' bukan angka.")
            factor = None
        ratio = item["formula"] == Indicator.Formula.RATIO
        saved = self.save(Indicator, record, {"plan": plan, "code": item["code"]}, {
            "name": item["name"], "objective": objective, "is_key": item.get("is_key", False),
            "formula": item["formula"], "numerator": item.get("numerator", "") if ratio else "",
            "denominator": item.get("denominator", "") if ratio else "", "factor": factor if ratio else None,
            "definition": item.get("definition", ""), "unit": item["unit"],
            "data_source": item.get("data_source", ""), "responsible_position": responsible,
            "polarity": item.get("polarity", Indicator.Polarity.HIGHER), "quarter_rule": item["quarter_rule"],
            "decimals": item.get("decimals", 2), "order": index + 1, "fed_by": item.get("fed_by", ""),
        })
        self.register(self.indicators, item["code"], record, saved)

    def load_key_rows(self, plan: StrategicPlan, items: list[dict]) -> None:
        rows = []
        for index, item in enumerate(items):
            record = f"plan.key_indicator_rows[{index + 1}] ({item['indicator']})"
            indicator = self.lookup(self.indicators, item["indicator"], record, "indicator", "indikator")
            if indicator is None:
                continue
            if not indicator.is_key:
                self.problem(record, "indicator", f"indikator '{item['indicator']}' bukan IKU (is_key: false).")
            objective = self.objective_of(indicator)
            rows.append({
                "indicator_id": indicator.pk, "order": index + 1,
                "printed_objective": _unless(item.get("printed_objective", ""), objective.text if objective else ""),
                "printed_name": _unless(item.get("printed_name", ""), indicator.name),
                "printed_definition": _unless(item.get("printed_definition", ""), indicator.definition),
                "printed_data_source": _unless(item.get("printed_data_source", ""), indicator.data_source),
                "printed_responsible": item.get("printed_responsible", ""),
            })
        if len({row["indicator_id"] for row in rows}) != len(rows):
            self.problem("plan.key_indicator_rows", "indicator", "satu indikator muncul dua kali dalam tabel IKU.")
            return
        self.sync_rows(KeyIndicatorRow, "plan.key_indicator_rows", {"plan": plan}, rows)

    def objective_of(self, indicator: Indicator) -> Objective | None:
        """The indicator's objective from the rows loaded (no query), the database's when it is not one of them."""
        if indicator.objective_id is None:
            return None
        for objective in self.objectives.values():
            if objective is not None and objective.pk == indicator.objective_id:
                return objective
        return indicator.objective

    def codes_to(self, table: dict, codes: list[str], record: str, field_name: str, what: str) -> list:
        found = [self.lookup(table, code, record, field_name, what) for code in codes]
        return [item for item in found if item is not None]

    def set_links(self, instance: models.Model, name: str, targets: list) -> None:
        manager = getattr(instance, name)
        groups = self.links.get((type(instance), name))
        if groups is None:
            if {item.pk for item in manager.all()} != {item.pk for item in targets}:
                manager.set(targets)
            return
        wanted = {item.pk for item in targets}
        if groups.get(instance.pk, set()) != wanted:  # written per table at the end (`flush`)
            self.relinked.setdefault((type(instance), name), {})[instance.pk] = wanted

    def load_programmes(self, plan: StrategicPlan, items: list[dict]) -> None:
        for index, item in enumerate(items):
            record = f"plan.programmes[{index + 1}] ({item['code']})"
            programme = self.save(Programme, record, {"plan": plan, "code": item["code"]},
                                  {"name": item["name"], "order": index + 1})
            objectives = self.codes_to(self.objectives, item.get("objectives", []), record, "objectives", "sasaran")
            indicators = self.codes_to(self.indicators, item.get("indicators", []), record, "indicators", "indikator")
            if programme is None:
                continue
            self.set_links(programme, "objectives", objectives)
            self.set_links(programme, "indicators", indicators)
            for a_index, activity_item in enumerate(item.get("activities", [])):
                a_record = f"{record}.activities[{a_index + 1}] ({activity_item['code']})"
                activity = self.save(Activity, a_record, {"programme": programme, "code": activity_item["code"]},
                                     {"name": activity_item["name"], "order": a_index + 1})
                links = self.codes_to(self.indicators, activity_item.get("indicators", []), a_record,
                                      "indicators", "indikator")
                if activity is None:
                    continue
                self.set_links(activity, "indicators", links)
                for s_index, sub_item in enumerate(activity_item.get("sub_activities", [])):
                    s_record = f"{a_record}.sub_activities[{s_index + 1}] ({sub_item['code']})"
                    sub = self.save(SubActivity, s_record, {"activity": activity, "code": sub_item["code"]},
                                    {"name": sub_item["name"], "order": s_index + 1})
                    links = self.codes_to(self.indicators, sub_item.get("indicators", []), s_record,
                                          "indicators", "indikator")
                    if sub is not None:
                        self.set_links(sub, "indicators", links)

    def load_pages(self, plan: StrategicPlan) -> None:
        seen_positions: set[str] = set()
        for p_index, page in enumerate(self.data.get("pages", [])):
            page_record = f"pages[{p_index + 1}] ({page['position']})"
            position = self.lookup(self.positions, page["position"], page_record, "position", "jabatan")
            if page["position"] in seen_positions:
                self.problem(page_record, "position", f"halaman jabatan '{page['position']}' ganda.")
            seen_positions.add(page["position"])
            if position is None:
                continue
            rows = []
            for o_index, item in enumerate(page["objectives"]):
                record = f"{page_record}.objectives[{o_index + 1}] ({item['code']})"
                above = self.lookup(self.objectives, item.get("contributes_to"), record, "contributes_to", "sasaran")
                objective = self.save(Objective, record, {"plan": plan, "code": item["code"]}, {
                    "text": item["text"], "level": Objective.Level.PERFORMANCE, "goal": None,
                    "position": position, "contributes_to": above, "order": o_index + 1,
                })
                self.register(self.objectives, item["code"], record, objective)
                for r_index, row in enumerate(item.get("indicators", [])):
                    r_record = f"{record}.indicators[{r_index + 1}] ({row['indicator']})"
                    indicator = self.lookup(self.indicators, row["indicator"], r_record, "indicator", "indikator")
                    if indicator is None or objective is None:
                        continue
                    rows.append({
                        "objective_id": objective.pk, "indicator_id": indicator.pk, "order": r_index + 1,
                        "printed_name": _unless(row.get("printed_name", ""), indicator.name),
                        "printed_definition": _unless(row.get("printed_definition", ""), indicator.definition),
                        "printed_data_source": _unless(row.get("printed_data_source", ""), indicator.data_source),
                    })
            indicator_ids = [row["indicator_id"] for row in rows]
            if len(set(indicator_ids)) != len(indicator_ids):
                self.problem(page_record, "indicators", "satu indikator muncul dua kali pada halaman jabatan ini.")
                continue
            self.sync_rows(PageIndicator, f"{page_record}.indicators", {"position": position}, rows,
                           order_by=("objective__order", "order"), sort_by=self.page_row_order())

    def page_row_order(self) -> Any:
        """How stored page rows are ordered (objective__order, order) with the objectives' order as loaded so far:
        a row of an objective the file does not name differs from the file's rows whatever its place."""
        orders = {objective.pk: objective.order for objective in self.objectives.values() if objective is not None}
        return lambda row: (orders.get(row["objective_id"], 0), row["order"])

    def load_decree(self, plan: StrategicPlan) -> None:
        item = self.data["decree"]
        signatory = self.lookup(self.positions, item["signatory"], "decree", "signatory", "jabatan")
        if signatory is None:
            return
        decree = self.save(Decree, "decree", {"plan": plan, "year": item["year"]}, {
            "number": item["number"], "date": _date(item["date"]), "place": item["place"], "title": item["title"],
            "subject": item["subject"], "signatory": signatory,
        })
        if decree is None:
            return
        rows = [
            *({"kind": DecreeClause.Kind.CONSIDERATION.value, "order": i, "number": "", "text": text}
              for i, text in enumerate(item.get("considerations", []), 1)),
            *({"kind": DecreeClause.Kind.LEGAL_BASIS.value, "order": i, "number": "", "text": text}
              for i, text in enumerate(item.get("legal_bases", []), 1)),
            *({"kind": DecreeClause.Kind.DICTUM.value, "order": i, "number": d["label"], "text": d["text"]}
              for i, d in enumerate(item.get("dictums", []), 1)),
        ]
        rows.sort(key=lambda row: (row["kind"], row["order"]))
        self.sync_rows(DecreeClause, "decree", {"decree": decree}, rows, order_by=("kind", "order"))
        chapters = [{"kind": c["kind"], "order": i, "title": c["title"], "body": c.get("body", "")}
                    for i, c in enumerate(item.get("chapters", []), 1)]
        if len({c["kind"] for c in chapters}) != len(chapters):
            self.problem("decree.chapters", "kind", "satu bab muncul dua kali.")
            return
        self.sync_rows(DecreeChapter, "decree.chapters", {"decree": decree}, chapters)


def _date(value: str | None) -> datetime.date | None:
    """The schema has checked the ISO form already."""
    return datetime.date.fromisoformat(value) if value else None


def _unless(printed: str, canonical: str) -> str:
    """A printed wording is kept only where it differs from the record's own."""
    return "" if printed == canonical else printed


class _DryRun(Exception):
    """Not an error: how a preview leaves the database as it was."""


def load_agency_data(*, actor: Any, data: dict[str, Any], source: str, dry_run: bool = False) -> LoadReport:
    """Load one checked dataset (see dataset_io.read_dataset) in one transaction; DatasetError on any problem.

    `actor` is the user on whose behalf the data is loaded, and the file may change only what that user may
    (accounts.access): a planner their own agency, its officials, the actuals of positions they hold; the
    administrator also regions, region heads and new agencies. `OPERATOR` (None) is the trusted path: the
    built-in dataset's bootstrap and the commands an operator runs on the server, unchecked. With
    `dry_run` the load runs whole and is rolled back: the report says what it would create and change.
    """
    report = None
    try:
        with transaction.atomic():
            loader = _DatasetLoader(data, source, actor)
            report = loader.run()
            if not loader.problems:
                loader.flush()
            if loader.problems:
                raise DatasetError(loader.problems)
            loader.write_trail()
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    return report
