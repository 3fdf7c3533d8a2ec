"""What the command line shares: finding the agency a command names."""

from django.core.management.base import CommandError, CommandParser
from django.utils.translation import gettext

from .models import Agency


def add_agency_argument(parser: CommandParser) -> None:
    parser.add_argument("code", help="kode instansi, mis. halut-diskominfo")


def agency_or_error(code: str) -> Agency:
    agency = Agency.objects.select_related("region").filter(code=code).first()
    if agency is None:
        raise CommandError(gettext("There is no agency with the code '%(code)s'.") % {"code": code})
    return agency
