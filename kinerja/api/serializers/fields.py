"""The fields every resource shares: a figure read the Indonesian way (NumberField), a computed figure, a year."""

from decimal import Decimal

from django.utils.translation import gettext
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from kinerja.core.numbers import from_float, to_decimal

COMPUTED = {"max_digits": 40, "decimal_places": 4, "read_only": True, "allow_null": True}
YEAR = {"min_value": 2000, "max_value": 2100}


@extend_schema_field(
    {
        "oneOf": [{"type": "number"}, {"type": "string", "example": "1.234,5"}],
        "nullable": True,
        "description": 'A JSON number, or a text read the Indonesian way as on the pages ("1.234,5"; a dot groups '
        'thousands, so "1.5" is refused: write 1.5 as a number or "1,5"). At most 16 digits '
        "before the decimal comma; more than 4 decimals are rounded half-up when stored.",
    }
)
class NumberField(serializers.DecimalField):
    """A figure sent to the API: a JSON number is a number; a string goes through the one reader of the pages and
    the workbook (kinerja.core.numbers), so the same text means the same number, or is refused with the same
    message, at every door. Decimals beyond 4 are left to the services (rounded half-up, as on the pages)."""

    def __init__(self, **kwargs: object) -> None:
        kwargs.setdefault("max_digits", None)
        kwargs.setdefault("decimal_places", None)
        super().__init__(**kwargs)

    def to_internal_value(self, data: object) -> Decimal | None:  # "" is no figure, as on the pages
        try:
            if isinstance(data, bool):
                raise ValueError(gettext("'%(text)s' is not a number.") % {"text": str(data).lower()})
            number = from_float(data) if isinstance(data, float) else to_decimal(data)
        except ValueError as error:
            raise serializers.ValidationError(str(error)) from error
        except TypeError as error:
            raise serializers.ValidationError(gettext("A figure is a number or a text.")) from error
        return number
