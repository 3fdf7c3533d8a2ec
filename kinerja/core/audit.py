"""The audit trail: every service records what it changed through `record`, with the values before and after.

Who comes from the service's `actor` (None: the command line, shown as the system); from where is the client's
IP address, which `AuditContextMiddleware` puts in a context variable for the length of each request (a command
leaves it empty). Values are kept as JSON: Decimals as strings (exact), dates and times in ISO form, a foreign
key as the related row's key, a file as its stored name.
"""

import contextlib
import datetime
import decimal
import json
from collections.abc import Callable, Iterable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import Q, QuerySet, Subquery
from django.db.models.fields.files import FieldFile
from django.utils import translation
from django.utils.translation import gettext, gettext_lazy

from kinerja.core.actors import Actor

from . import people, periods
from .models import AuditRecord
from .numbers import MISSING, format_number

_client_ip: ContextVar[str | None] = ContextVar("kinerja_client_ip", default=None)

# Fields a snapshot leaves out: the row's own key and timestamps (the record has its own time), and who
# saved it last (the record names who).
SKIPPED = {"id", "created_at", "updated_at", "updated_by", "entered_by", "uploaded_by"}
# Who a record names when no person made it: stored in the record language (`in_record_language`), shown in the
# reader's (`who`).
SYSTEM_NAME = gettext_lazy("System (command line)")
ANONYMOUS = gettext_lazy("Anonymous")


def client_ip() -> str | None:
    """The IP address of the request being served, None outside a request."""
    return _client_ip.get()


@contextlib.contextmanager
def client_ip_set(address: str | None) -> Iterator[None]:
    token = _client_ip.set(address)
    try:
        yield
    finally:
        _client_ip.reset(token)


def json_value(value: Any) -> Any:
    """A field's value as JSON keeps it: Decimal → exact string, date/time → ISO, file → its name."""
    if isinstance(value, decimal.Decimal):
        return format(value, "f")
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, FieldFile):
        return value.name or ""
    if isinstance(value, models.Model):
        return value.pk
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, list | tuple):
        return [json_value(item) for item in value]
    if isinstance(value, dict):
        return {str(key): json_value(item) for key, item in value.items()}
    return str(value)


def snapshot(instance: models.Model | None, *, exclude: Iterable[str] = ()) -> dict[str, Any] | None:
    """The values of an instance's own fields (a foreign key as the related key), ready for `record`; not the
    fields no person sets (not editable: the timestamps, the region key copied from the parent chain)."""
    if instance is None:
        return None
    skipped = SKIPPED | set(exclude)
    values = {}
    for field in instance._meta.concrete_fields:
        if field.name in skipped or not field.editable:  # nor keys no one sets (the region key, docs/scale.md §1)
            continue
        value = getattr(instance, field.attname)
        values[field.name] = json_value(
            value if not isinstance(field, models.FileField) else getattr(instance, field.name)
        )
    return values


def _label(obj: models.Model | type[models.Model]) -> str:
    return obj._meta.label_lower


def _actor(actor: Actor) -> tuple[Any, str]:
    if actor is None or not getattr(actor, "is_authenticated", False):
        with in_record_language():
            return None, str(SYSTEM_NAME if actor is None else ANONYMOUS)
    return actor, people.display_name(actor)[:200]


def _agency_id(agency: Any) -> Any:
    return agency.pk if isinstance(agency, models.Model) else agency


def _region_id(agency: Any, region: Any) -> Any:
    """The record's region (docs/scale.md §1): the one given, else its agency's — read from the agency when it is
    loaded, else by a subquery inside the INSERT itself, so that recording costs no query more."""
    if region is not None:
        return region.pk if isinstance(region, models.Model) else region
    if agency is None:
        return None
    if isinstance(agency, models.Model):
        return agency.region_id
    agencies = AuditRecord._meta.get_field("agency").related_model._base_manager
    return Subquery(agencies.filter(pk=agency).values("region_id")[:1])


def in_record_language() -> translation.override:
    """Descriptions are stored in the application's language (Bahasa Indonesia), whoever's request wrote them."""
    return translation.override(settings.LANGUAGE_CODE)


def _description(action: str, obj: models.Model) -> str:
    with in_record_language():
        kind = str(obj._meta.verbose_name).capitalize()
        text = gettext("%(kind)s «%(object)s» %(action)s")
        return text % {"kind": kind, "object": str(obj)[:200], "action": AuditRecord.Action(action).label}


def build(
    *,
    actor: Actor,
    action: str,
    obj: models.Model,
    before: dict | None,
    after: dict | None,
    agency: Any = None,
    note: str = "",
    description: str = "",
    about: models.Model | None = None,
    region: Any = None,
) -> AuditRecord:
    """An unsaved record (for `record` and for writing many at once with `bulk_create`)."""
    user, name = _actor(actor)
    about = about if about is not None else obj
    return AuditRecord(
        user=user,
        actor_name=name,
        ip_address=client_ip(),
        action=action,
        object_label=_label(obj),
        object_pk=str(obj.pk),
        object_repr=str(obj)[:300],
        about_label=_label(about),
        about_pk=str(about.pk),
        agency_id=_agency_id(agency),
        region_id=_region_id(agency, region),
        description=(description or _description(action, obj))[:500],
        note=note,
        before=json_value(before),
        after=json_value(after),
    )


def record(
    *,
    actor: Actor,
    action: str,
    obj: models.Model,
    before: dict | None,
    after: dict | None,
    agency: Any = None,
    note: str = "",
    description: str = "",
    about: models.Model | None = None,
    region: Any = None,
) -> AuditRecord | None:
    """Record one change of `obj` (call it inside the service's transaction; for a deletion, before deleting).

    `about` is the object whose history page shows the record (an indicator for its targets and actuals;
    `obj` itself by default); `region` is the agency's unless given (a record of a region without an agency).
    A change that changed nothing is not recorded (None is returned)."""
    if action == AuditRecord.Action.CHANGED and before == after:
        return None
    entry = build(
        actor=actor,
        action=action,
        obj=obj,
        before=before,
        after=after,
        agency=agency,
        note=note,
        description=description,
        about=about,
        region=region,
    )
    entry.save()
    if isinstance(entry.region_id, Subquery):
        entry.__dict__.pop("region_id")  # written by the subquery: read from the row if asked (a deferred field)
    return entry


def record_change(
    *,
    actor: Actor,
    obj: models.Model,
    before: dict | None,
    agency: Any = None,
    note: str = "",
    description: str = "",
    about: models.Model | None = None,
    region: Any = None,
) -> AuditRecord | None:
    """After saving `obj`: created when there was no `before`, changed otherwise (nothing when unchanged)."""
    action = AuditRecord.Action.CREATED if before is None else AuditRecord.Action.CHANGED
    return record(
        actor=actor,
        action=action,
        obj=obj,
        before=before,
        after=snapshot(obj),
        agency=agency,
        note=note,
        description=description,
        about=about,
        region=region,
    )


# -- sealed records ----------------------------------------------------------------------------------------
# Some records hold what only some readers may see yet: the inspectorate's answers, notes and recommendations
# before the evaluation is final. The app that writes them says how to find them — a function of the agency
# giving a condition on AuditRecord, registered with `seal` when the app is ready — so that this module need not
# know the app; a page, export or API that shows records to a reader whom accounts.access does not let read them
# (`may_read_evaluation_secrets`) shows `unsealed(records, agency)`.

Sealed = Callable[[Any], Q]
_sealed: list[Sealed] = []


def seal(finder: Sealed) -> Sealed:
    if finder not in _sealed:
        _sealed.append(finder)
    return finder


def unsealed(records: QuerySet[AuditRecord], agency: Any) -> QuerySet[AuditRecord]:
    """`records` without those that are sealed for the agency (still a query: filters and pages apply after)."""
    for finder in _sealed:
        records = records.exclude(finder(agency))
    return records


# -- showing a record ------------------------------------------------------------------------------------


@dataclass
class Change:
    field: str
    label: str
    before: str
    after: str


def _model(label: str) -> type[models.Model] | None:
    try:
        return apps.get_model(label)
    except (LookupError, ValueError):
        return None


def _shown(field: models.Field | None, value: Any) -> str:
    if value is None or value == "":
        return MISSING
    if isinstance(value, list | dict):
        text = json.dumps(value, ensure_ascii=False)
        return text if len(text) <= 300 else text[:299] + "…"
    if field is not None and field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return gettext("yes") if value else gettext("no")
    if isinstance(field, models.ForeignKey):
        return f"#{value}"
    if field is not None and field.name == "quarter" and isinstance(value, int):
        return periods.quarter_label(value)
    if isinstance(field, models.DecimalField):
        try:
            number = decimal.Decimal(str(value))
        except decimal.InvalidOperation:
            return str(value)
        exponent = number.normalize().as_tuple().exponent
        places = -exponent if isinstance(exponent, int) else 0
        return format_number(number, min(max(places, 2), field.decimal_places))
    return str(value)


def changes(entry: AuditRecord) -> list[Change]:
    """What a record changed, field by field, with each value formatted to read (numbers the Indonesian way).
    A change lists the fields that differ; a creation or deletion every field that has a value."""
    before, after = entry.before or {}, entry.after or {}
    if not isinstance(before, dict) or not isinstance(after, dict):
        return [Change("", "", _shown(None, entry.before), _shown(None, entry.after))]
    model = _model(entry.object_label)
    rows = []
    for key in list(dict.fromkeys([*before, *after])):
        old, new = before.get(key), after.get(key)
        if entry.action == AuditRecord.Action.CHANGED and old == new:
            continue
        if entry.action != AuditRecord.Action.CHANGED and old in (None, "") and new in (None, ""):
            continue
        field = None
        if model is not None:
            try:
                field = model._meta.get_field(key)
            except FieldDoesNotExist:
                field = None
        if isinstance(field, models.ForeignKey) and field.related_model._meta.label_lower == entry.about_label:
            continue  # the indicator of a target on the indicator's own history: said by the page already
        label = str(field.verbose_name) if field is not None else key
        shown_before = _shown(field, old) if key in before else MISSING
        shown_after = _shown(field, new) if key in after else MISSING
        rows.append(Change(key, label, shown_before, shown_after))
    return rows


def who(entry: AuditRecord) -> str:
    """Who made a record, as a person reads them (`people.display_name`): the account's official by name and
    title when the account still exists (records written before kept its user name), else the name kept with
    the record. Read the records with `select_related("user__official")`."""
    if entry.user_id is not None and entry.user is not None:
        return people.display_name(entry.user)
    if not entry.actor_name:
        return str(SYSTEM_NAME)
    with in_record_language():
        stored = {str(SYSTEM_NAME): SYSTEM_NAME, str(ANONYMOUS): ANONYMOUS}
    return str(stored.get(entry.actor_name, entry.actor_name))  # the system and a visitor in the reader's language


def kind_label(label: str) -> str:
    """ "performance.target" → "Target": the kind of object a record is about, as a person reads it."""
    model = _model(label)
    return str(model._meta.verbose_name).capitalize() if model is not None else label
