"""One row written through a service the way the workbook import writes it: the values set, the row validated by the
model's own `full_clean()` (its fields and `clean()`; the unique keys the caller checked, as plain sentences on their
field), saved, and the change recorded through `core.audit`. Shared by the services that edit rows in place (the
strategic plan's `strategy.editing`, the organisation's `organisation.editing`), so a form and the import refuse the
same values with the same words."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction

from . import audit
from .actors import Actor


def stripped(values: dict[str, Any]) -> dict[str, Any]:
    """The values with the spaces around each text removed (a name of only spaces is an empty name)."""
    return {name: value.strip() if isinstance(value, str) else value for name, value in values.items()}


def forget(instance: models.Model) -> None:
    """A refused change leaves the caller's object as it is stored (the page that shows the refusal reads it)."""
    if instance.pk:
        instance.refresh_from_db()


def save_validated(
    *,
    actor: Actor,
    instance: models.Model,
    values: dict[str, Any],
    agency_id: Any,
    description: Any,
    conflict: str,
    unique: dict[str, str] | None = None,
    errors: dict[str, list[str]] | None = None,
    about: models.Model | None = None,
) -> Any:
    """Set `values` on `instance`, validate it (its fields and `clean()`; then `unique` and `errors`: field → the
    caller's own sentences), save it and record the change (`description` % {"what": the row}, read in the audit
    trail's language: a lazy gettext, or a text already in it). A refusal raises
    ValidationError by field and leaves `instance` as stored; a unique key someone saved a moment before raises
    ValidationError(`conflict`). Returns the instance."""
    before = audit.snapshot(instance) if instance.pk else None
    for name, value in values.items():
        setattr(instance, name, value)
    found: dict[str, list[str]] = {}
    try:
        instance.full_clean(validate_unique=False, validate_constraints=False)
    except ValidationError as error:
        found = error.message_dict
    found.update({name: [message] for name, message in (unique or {}).items()})  # the plainer sentence on its field
    found.update(errors or {})
    if found:
        forget(instance)
        raise ValidationError(found)
    try:
        with transaction.atomic():
            instance.save()
    except IntegrityError as error:  # someone saved the same code or row a moment before
        forget(instance)
        raise ValidationError(conflict) from error
    with audit.in_record_language():
        text = description % {"what": str(instance)[:150]}
    audit.record_change(actor=actor, obj=instance, before=before, agency=agency_id, description=text, about=about)
    return instance
