"""The civil-servant number (NIP): 18 digits — birth date (8), appointment year and month (6),
sex (1: male, 2: female) and a sequence number (3)."""

import datetime

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


def nip_problem(value: str) -> str | None:
    """Why `value` is not a valid NIP, in Bahasa Indonesia; None when it is valid."""
    if len(value) != 18 or not value.isdigit():
        return _("NIP must be exactly 18 digits (got '%(value)s').") % {"value": value}
    try:
        datetime.date(int(value[0:4]), int(value[4:6]), int(value[6:8]))
    except ValueError:
        return _("NIP '%(value)s' does not start with a valid birth date (YYYYMMDD).") % {"value": value}
    year, month = int(value[8:12]), int(value[12:14])
    if not 1 <= month <= 12 or year < int(value[0:4]):
        return _("NIP '%(value)s' has no valid appointment year and month (YYYYMM).") % {"value": value}
    if value[14] not in "12":
        return _("NIP '%(value)s': digit 15 (sex) must be 1 or 2.") % {"value": value}
    return None


def validate_nip(value: str) -> None:
    problem = nip_problem(value)
    if problem:
        raise ValidationError(problem, code="invalid_nip")
