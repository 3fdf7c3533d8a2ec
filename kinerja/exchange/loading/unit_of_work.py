"""The unit of work of a load: every table of the agency and its plan read once into dicts, the file compared with
them in memory, a new or changed row validated (`save`, `sync_rows`, `set_links`) and written per table at the end
(`flush`), and the audit trail of every row written (`write_trail`) — all in the load's one transaction.

A fixed number of queries whatever the agency's size when nothing changed: `preload`, `preload_children` and
`preload_links` read the rows once, and only a row that is new or changed is validated and written.
"""

import datetime
from collections import defaultdict
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.utils.translation import gettext

from kinerja.accounts.access import may_change_region
from kinerja.core import audit
from kinerja.core.actors import Actor
from kinerja.core.models import AuditRecord
from kinerja.organisation.models import Assignment, Official, Position, Unit
from kinerja.strategy.models import Goal, Indicator, Objective

from .report import Change, LoadReport, Problem, loaded_description, loaded_note, replaced_description, shown

BATCH = 500  # rows per bulk statement (fewer where the database limits a statement's parameters)
# new rows of these tables are inserted together (`create_new`): before a row that points to one of them, after the
# loop that reads them, and at the end. Positions, objectives, programmes and below are still inserted one by one
# (their keys are used at once: child lists, page rows, links, the audit records of their child lists).
INSERTED_TOGETHER = (Unit, Assignment, Indicator)


OPERATOR = None  # the trusted path: the built-in dataset's bootstrap, `load_agency`/`import_agency` run by an operator


def same(instance: models.Model, name: str, value: Any) -> bool:
    """The instance already holds `value` in field `name` (a foreign key compared by its key: no query)."""
    model_field = instance._meta.get_field(name)
    if isinstance(model_field, models.ForeignKey):
        return getattr(instance, model_field.attname) == (value.pk if value is not None else None)
    return getattr(instance, name) == value


def dataset_date(value: str | None) -> datetime.date | None:
    """The schema has checked the ISO form already."""
    return datetime.date.fromisoformat(value) if value else None


class UnitOfWork:
    """One load's state: the file, who loads it (`trusted`, `admin`), the records loaded so far by code, the rows
    read from the database, the writes waiting for `flush`, the audit trail, the report and the problems. The
    organisation, plan and figures modules fill it; `agency.load_agency_data` runs them in one transaction."""

    def __init__(self, data: dict[str, Any], source: str, actor: Actor = None):
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
        self.problems.append(Problem(self.source, record, field_name, str(message)))  # a lazy message read now

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
        source = next(f.attname for f in through._meta.concrete_fields if f.is_relation and f.related_model is model)
        target = next(
            f.attname
            for f in through._meta.concrete_fields
            if f.is_relation and f.attname != source and f.related_model is not model
        )
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
                if isinstance(value, models.Model) and same(instance, name, value):
                    setattr(instance, name, value)
            self.prime(instance)
            if all(same(instance, name, value) for name, value in values.items()):
                self.report.unchanged[label] += 1
                return instance
            before = audit.snapshot(instance)
            for name, value in values.items():
                if not same(instance, name, value):
                    self.report.changes.append(
                        Change(label, record, name, shown(getattr(instance, name)), shown(value))
                    )
                setattr(instance, name, value)
            counter = self.report.updated
        try:
            # a new or changed row: its own fields and rules in Python, no query. The rows it points to are the
            # load's own (looked up above), its unique keys are the dicts' (`known`); the few check constraints no
            # clean() covers are checked where the values are read (load_plan, load_officials); the database's
            # constraints back them all.
            instance.full_clean(
                exclude=[f.name for f in model._meta.concrete_fields if f.is_relation],
                validate_unique=False,
                validate_constraints=False,
            )
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
        self.trail.append(
            audit.build(
                actor=self.actor,
                action=action,
                obj=instance,
                before=before,
                after=audit.snapshot(instance),
                note=self.note,
            )
        )
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
            self.trail.append(
                audit.build(
                    actor=self.actor,
                    action=AuditRecord.Action.CREATED,
                    obj=instance,
                    before=None,
                    after=audit.snapshot(instance),
                    note=self.note,
                )
            )

    def flush(self) -> None:
        """The changed rows, one bulk UPDATE per table, and the replaced child lists, one DELETE and one INSERT per
        table (a few hundred rows per statement)."""
        for model in list(self.new):
            self.create_new(model)
        for model, (rows, fields) in self.pending.items():
            try:
                with transaction.atomic():
                    model.objects.bulk_update(
                        [instance for _, instance in rows.values()], sorted(fields), batch_size=BATCH
                    )
            except IntegrityError as error:
                records = ", ".join(record for record, _ in list(rows.values())[:5])
                self.problem(records, "", gettext("the database refused the change: %(error)s") % {"error": error})
        self.pending.clear()
        for model, (parent_name, deleted, created) in self.replaced.items():
            owners = sorted(deleted)
            for start in range(0, len(owners), BATCH):
                model.objects.filter(**{f"{parent_name}__in": owners[start : start + BATCH]}).delete()
            model.objects.bulk_create(created, batch_size=BATCH)
        self.replaced.clear()
        for (model, name), wanted in self.relinked.items():
            through, source, target = self._through(model, name)
            owners = sorted(wanted)
            for start in range(0, len(owners), BATCH):
                through.objects.filter(**{f"{source}__in": owners[start : start + BATCH]}).delete()
            through.objects.bulk_create(
                [through(**{source: owner, target: other}) for owner in owners for other in sorted(wanted[owner])],
                batch_size=BATCH,
            )
        self.relinked.clear()

    @property
    def note(self) -> str:
        return loaded_note(self.source)

    def sync_rows(
        self,
        model: type[models.Model],
        record: str,
        parent: dict,
        rows: list[dict],
        order_by: tuple[str, ...] = ("order",),
        sort_by: Any = None,
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
        relations = {
            f: self.by_pk(f.related_model)
            for f in model._meta.concrete_fields
            if f.is_relation and f.name not in parent
        }
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
        description = replaced_description(model, owner)
        self.trail.append(
            audit.build(
                actor=self.actor,
                action=AuditRecord.Action.CHANGED if existing else AuditRecord.Action.CREATED,
                obj=owner,
                before={"rows": existing} if existing else None,
                after={"rows": rows},
                note=self.note,
                description=description,
            )
        )

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
        self.trail.append(
            audit.build(
                actor=self.actor,
                action=AuditRecord.Action.LOADED,
                obj=agency,
                before=None,
                after={
                    "created": dict(self.report.created),
                    "updated": dict(self.report.updated),
                    "unchanged": dict(self.report.unchanged),
                },
                note=self.note,
                description=loaded_description(self.source, created, updated),
            )
        )
        for entry in self.trail:
            entry.agency, entry.region_id = agency, agency.region_id
        AuditRecord.objects.bulk_create(self.trail, batch_size=500)

    def lookup(self, table: dict, code: Any, record: str, field_name: str, what: str) -> Any:
        if code is None:
            return None
        if code not in table:
            text = gettext("%(what)s '%(code)s' is not known.")
            self.problem(record, field_name, text % {"what": what, "code": code})
            return None
        return table[code]

    def register(self, table: dict, code: str, record: str, value: Any) -> None:
        if code in table:
            self.problem(record, "code", gettext("code '%(code)s' is a duplicate.") % {"code": code})
        table[code] = value

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
