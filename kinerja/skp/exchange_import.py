"""Importing ratings back (issue 21 item 5): the Penilaian sheet of the SKP workbook, or the `rating` of each SKP of
the JSON document, filled in elsewhere (a regional application), each row rated through `services.rate_skp` — the
one door: who may rate, every value checked, the audit trail — as the importing person.

A report per row: rated, refused with the service's own sentence, unknown SKP (not of this agency, its NIP not
the official's, or one the importer may not read: nothing is disclosed), or skipped (no rating in the row).
All or nothing: one refused or unknown row and nothing is saved; a dry run checks every row the same way and
saves nothing.
"""

import json
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext

from kinerja.accounts import access
from kinerja.core.actors import Actor
from kinerja.organisation.models import Agency

from . import services
from .exchange import BEHAVIOUR_LABELS, FORMAT, RATING_LABELS, SKP_RELATED
from .exchange_workbook import FileRefused, RatingRow, read_rating_rows
from .models import Skp

RATED, REFUSED, UNKNOWN, SKIPPED = "rated", "refused", "unknown", "skipped"
MAX_JSON_BYTES = 5 * 1024 * 1024
MAX_XLSX_BYTES = 10 * 1024 * 1024
_CODES = {label.casefold(): code for code, label in RATING_LABELS.items()} | {code: code for code in RATING_LABELS}


@dataclass(frozen=True)
class RowOutcome:
    where: str
    skp_id: str
    nip: str
    outcome: str
    message: str = ""
    official: str = ""


@dataclass
class RatingImport:
    rows: list[RowOutcome] = field(default_factory=list)
    problem: str = ""  # the file could not be read at all
    dry_run: bool = False
    saved: bool = False

    def count(self, outcome: str) -> int:
        return sum(1 for row in self.rows if row.outcome == outcome)

    @property
    def clean(self) -> bool:
        """Nothing refused or unknown: the file may be imported."""
        return not self.problem and not any(row.outcome in (REFUSED, UNKNOWN) for row in self.rows)


def rating_code(value: str) -> str:
    """A rating as the file writes it ("Di atas ekspektasi", "di_atas") as its code; anything else as written, for
    the service to refuse."""
    text = " ".join(str(value or "").split())
    return _CODES.get(text.casefold(), text)


def _json_rows(content: bytes) -> list[RatingRow]:
    if len(content) > MAX_JSON_BYTES:
        raise FileRefused(gettext("The file is larger than %(size)d MB.") % {"size": MAX_JSON_BYTES // (1024 * 1024)})
    try:
        document = json.loads(content.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as error:
        raise FileRefused(gettext("The file is not valid JSON.")) from error
    if not isinstance(document, dict) or document.get("format") != FORMAT or not isinstance(document.get("skp"), list):
        raise FileRefused(
            gettext("The JSON file is not an SKP export of Kinerja (format %(format)s).") % {"format": FORMAT}
        )
    rows = []
    for index, record in enumerate(document["skp"]):
        record = record if isinstance(record, dict) else {}
        rating = record.get("rating") if isinstance(record.get("rating"), dict) else {}
        behaviours = rating.get("behaviours") if isinstance(rating.get("behaviours"), dict) else {}
        official = record.get("official") if isinstance(record.get("official"), dict) else {}
        rows.append(
            RatingRow(
                where=f"skp[{index}]",
                skp_id=str(record.get("id") or ""),
                nip=str(official.get("nip") or ""),
                work=str(rating.get("work") or ""),
                behaviours={key: str(behaviours.get(key) or "") for key in BEHAVIOUR_LABELS},
                note=str(rating.get("note") or ""),
            )
        )
    return rows


def read_rows(content: bytes, name: str) -> list[RatingRow]:
    """The rating rows of an uploaded file: JSON (by its name or its first character) or a workbook."""
    if name.lower().endswith(".json") or content.lstrip()[:1] in (b"{", b"["):
        return _json_rows(content)
    if len(content) > MAX_XLSX_BYTES:
        raise FileRefused(gettext("The file is larger than %(size)d MB.") % {"size": MAX_XLSX_BYTES // (1024 * 1024)})
    return read_rating_rows(content)


def _refusal(error: ValidationError) -> str:
    if hasattr(error, "error_dict"):
        return " ".join(dict.fromkeys(message for messages in error.message_dict.values() for message in messages))
    return " ".join(error.messages)


def _skp_id(value: object) -> int | None:
    try:
        number = int(str(value).strip())
    except ValueError:
        return None
    return number if number > 0 else None


def _outcome(actor: Actor, row: RatingRow, skp: Skp | None, seen: set[int]) -> RowOutcome:
    base = {"where": row.where, "skp_id": str(row.skp_id), "nip": row.nip}
    known = skp is not None and skp.official.nip == row.nip and (actor is None or access.may_read_skp(actor, skp))
    if known:
        base["official"] = skp.official.name
    if row.empty:
        return RowOutcome(**base, outcome=SKIPPED, message=gettext("No rating in this row."))
    if not known:
        return RowOutcome(**base, outcome=UNKNOWN, message=gettext("No SKP of this agency has this ID and NIP."))
    if skp.pk in seen:
        return RowOutcome(**base, outcome=REFUSED, message=gettext("This SKP is rated twice in the file."))
    seen.add(skp.pk)
    try:
        with transaction.atomic():
            services.rate_skp(
                actor=actor,
                skp=skp,
                work=rating_code(row.work),
                behaviours={key: rating_code(value) for key, value in row.behaviours.items()},
                note=row.note,
            )
    except PermissionDenied as error:
        return RowOutcome(**base, outcome=REFUSED, message=str(error))
    except ValidationError as error:
        return RowOutcome(**base, outcome=REFUSED, message=_refusal(error))
    return RowOutcome(**base, outcome=RATED)


@transaction.atomic
def import_ratings(*, actor: Actor, agency: Agency, content: bytes, name: str, dry_run: bool = False) -> RatingImport:
    """Rate every SKP of the file's rows as `actor` through `services.rate_skp`; saved only when no row is refused
    or unknown and this is not a dry run."""
    report = RatingImport(dry_run=dry_run)
    try:
        rows = read_rows(content, name)
    except FileRefused as error:
        report.problem = str(error)
        return report
    ids = {number for number in (_skp_id(row.skp_id) for row in rows) if number is not None}
    skps = {skp.pk: skp for skp in Skp.objects.filter(position__agency=agency, pk__in=ids).select_related(*SKP_RELATED)}
    seen: set[int] = set()
    for row in rows:
        number = _skp_id(row.skp_id)
        report.rows.append(_outcome(actor, row, skps.get(number) if number else None, seen))
    report.saved = report.clean and not dry_run and report.count(RATED) > 0
    if not report.saved:
        transaction.set_rollback(True)
    return report
