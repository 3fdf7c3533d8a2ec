"""The SKP exchanged (issue 21 item 5): every SKP a reader may read, with its work results (RHK) and their chain up,
indicators, ratings, official, rater, position and unit, read in a fixed number of queries however many SKP, and
written as one JSON document (`skp_document`) that the workbook (`exchange_workbook`), the import of ratings
(`exchange_import`) and the API share. The shape is described column by column in docs/skp-exchange.md.

The file speaks Indonesian whatever the reader's language (the chain's kinds, the labels of ratings), like the
agency workbook: a file is read by machines and by a regional application, not by the page's reader.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.db.models import QuerySet
from django.utils import translation

from kinerja.accounts import access
from kinerja.organisation.models import Agency, Assignment, Official, Position
from kinerja.organisation.selectors import in_force
from kinerja.strategy.models import Objective

from .models import BEHAVIOUR_NAMES, Rhk, RhkIndicator, Skp
from .selectors import Link, chain_of

FORMAT = "kinerja-skp"
VERSION = 1

# What the file writes for the codes of the database (the regulation's words); the import reads either.
RATING_LABELS = {"di_atas": "Di atas ekspektasi", "sesuai": "Sesuai ekspektasi", "di_bawah": "Di bawah ekspektasi"}
PREDICATE_LABELS = {
    "sangat_baik": "Sangat Baik",
    "baik": "Baik",
    "butuh_perbaikan": "Butuh Perbaikan",
    "kurang": "Kurang/Misconduct",
    "sangat_kurang": "Sangat Kurang",
}
BEHAVIOUR_LABELS = {
    "berorientasi_pelayanan": "Berorientasi Pelayanan",
    "akuntabel": "Akuntabel",
    "kompeten": "Kompeten",
    "harmonis": "Harmonis",
    "loyal": "Loyal",
    "adaptif": "Adaptif",
    "kolaboratif": "Kolaboratif",
}
ASPECT_LABELS = {"kuantitas": "Kuantitas", "kualitas": "Kualitas", "waktu": "Waktu", "biaya": "Biaya"}
KIND_LABELS = {"struktural": "Struktural", "staf": "Pelaksana/Fungsional"}
STATUS_LABELS = {"draft": "Konsep", "rated": "Dinilai"}

# The SKP rows every reader of this module reads with (one query, no query per SKP for access or the rater).
SKP_RELATED = (
    "position__unit",
    "position__agency",
    "position__superior__unit",
    "official",
    "rated_by",
)


def skps_of(agency: Agency, year: int) -> QuerySet[Skp]:
    """Every SKP of the agency and year, in the order of the pages (the reader is asked per SKP after)."""
    return (
        Skp.objects.filter(position__agency=agency, year=year)
        .select_related(*SKP_RELATED)
        .order_by("position__order", "position__code", "official__name")
    )


def readable(user: object, skps: Iterable[Skp]) -> list[Skp]:
    """The SKP `user` may read (`access.may_read_skp`, per SKP); None is the system: every one."""
    return [skp for skp in skps if user is None or access.may_read_skp(user, skp)]


@dataclass
class ExchangedResult:
    result: Rhk
    indicators: list[RhkIndicator]
    chain: list[Link]  # selectors.chain_of: the superior's results, the IKI row, objectives, the strategic one
    superior: Rhk | None  # the superior's work result it hangs on (intervensi)
    row: object | None  # the IKI row at the root of its chain (strategy.PageIndicator)
    objective: Objective | None  # that row's objective (sasaran kinerja)
    hops: int  # how many superior's results stand between it and its IKI row

    @property
    def kinds(self) -> list[str]:
        """The chain's steps as codes: rhk_atasan, iki, sasaran_kinerja, sasaran_strategis."""
        codes = []
        for index, link in enumerate(self.chain):
            if link.strategic:
                codes.append("sasaran_strategis")
            elif index < self.hops:
                codes.append("rhk_atasan")
            elif index == self.hops:
                codes.append("iki")
            else:
                codes.append("sasaran_kinerja")
        return codes


def _root(result: Rhk, results: dict[int, Rhk]) -> tuple[Rhk | None, int]:
    """The work result at the top of `result`'s intervention chain (the one on an IKI row) and the hops to it."""
    current, hops, seen = result, 0, {result.pk}
    while current.parent_id:
        parent = results.get(current.parent_id)
        if parent is None or parent.pk in seen:
            return None, hops
        seen.add(parent.pk)
        current, hops = parent, hops + 1
    return current, hops


def _exchanged(result: Rhk, indicators: list, results: dict, objectives: dict) -> ExchangedResult:
    root, hops = _root(result, results)
    row = root.page_row if root is not None and root.page_row_id else None
    return ExchangedResult(
        result,
        indicators,
        chain_of(result, results, objectives),
        results.get(result.parent_id) if result.parent_id else None,
        row,
        objectives.get(row.objective_id) if row is not None else None,
        hops,
    )


@dataclass
class ExchangedSkp:
    skp: Skp
    results: list[ExchangedResult]
    rater_position: Position | None
    rater: Official | None


def _raters(skps: list[Skp]) -> dict[int, Official]:
    """Who rates each unrated SKP: the holder of the position above at the year's end (or today, before it), one
    query for all (print_data.rater_of's rule)."""
    superiors = {skp.position.superior_id for skp in skps if skp.position.superior_id and skp.rated_by_id is None}
    if not superiors:
        return {}
    held: dict[int, list[Assignment]] = {}
    for assignment in Assignment.objects.filter(position_id__in=superiors).select_related("official"):
        held.setdefault(assignment.position_id, []).append(assignment)
    found = {}
    for skp in skps:
        superior = skp.position.superior_id
        if superior in superiors and skp.rated_by_id is None:
            day = min(datetime.date(skp.year, 12, 31), datetime.date.today())
            assignment = in_force(held.get(superior, []), day)
            if assignment is not None:
                found[skp.pk] = assignment.official
    return found


def read_skps(skps: list[Skp]) -> list[ExchangedSkp]:
    """The SKP (read with SKP_RELATED) with their work results, each result's chain up to the strategic objective
    (`selectors.chain_of`, the pages' chain), indicators and rater: 4 queries however many SKP."""
    if not skps:
        return []
    agencies = {skp.position.agency_id for skp in skps}
    years = {skp.year for skp in skps}
    results = {
        result.pk: result
        for result in Rhk.objects.filter(skp__position__agency__in=agencies, skp__year__in=years).select_related(
            "skp__position", "skp__official", "page_row__indicator", "page_row__position"
        )
    }
    objectives = {
        objective.pk: objective
        for objective in Objective.objects.filter(plan__agency__in=agencies).select_related("position")
    }
    indicators: dict[int, list[RhkIndicator]] = {}
    for indicator in RhkIndicator.objects.filter(result__skp__in=[skp.pk for skp in skps]).order_by(
        "result_id", "order", "pk"
    ):
        indicators.setdefault(indicator.result_id, []).append(indicator)
    raters = _raters(skps)
    own: dict[int, list[Rhk]] = {}
    for result in sorted(results.values(), key=lambda r: (r.order, r.pk)):
        own.setdefault(result.skp_id, []).append(result)
    exchanged = []
    with translation.override(settings.LANGUAGE_CODE):
        for skp in skps:
            lines = [
                _exchanged(result, indicators.get(result.pk, []), results, objectives) for result in own.get(skp.pk, [])
            ]
            rater = skp.rated_by or raters.get(skp.pk)
            exchanged.append(ExchangedSkp(skp, lines, skp.position.superior, rater))
    return exchanged


# -- the JSON document -----------------------------------------------------------------------------------------


def number(value: Decimal | None) -> str | None:
    """A Decimal as exact text with a dot ("12.5"), None when missing: no float rounding on the way."""
    if value is None:
        return None
    return format(value.normalize(), "f")


def _person(official: Official | None) -> dict | None:
    return {"nip": official.nip, "name": official.name} if official is not None else None


def _result(item: ExchangedResult) -> dict:
    result, row = item.result, item.row
    strategic = item.chain[-1].text if item.chain and item.chain[-1].strategic else None
    return {
        "id": result.pk,
        "order": result.order,
        "text": result.text,
        "basis": "intervensi" if result.parent_id else "iki",
        "superior_result_id": result.parent_id,
        "superior_result": item.superior.text if item.superior is not None else None,
        "iki_indicator_code": row.indicator.code if row is not None else None,
        "iki_indicator": row.name if row is not None else None,
        "performance_objective": item.objective.text if item.objective is not None else None,
        "strategic_objective": strategic,
        "chain": [
            {"kind": kind, "text": link.text, "owner": link.owner}
            for kind, link in zip(item.kinds, item.chain, strict=True)
        ],
        "indicators": [
            {
                "id": indicator.pk,
                "aspect": indicator.aspect,
                "name": indicator.name,
                "target": number(indicator.target),
                "unit": indicator.unit,
            }
            for indicator in item.indicators
        ],
    }


def skp_record(item: ExchangedSkp) -> dict:
    """One SKP as the JSON document and the API write it."""
    skp, position = item.skp, item.skp.position
    return {
        "id": skp.pk,
        "agency": position.agency.code,
        "year": skp.year,
        "period_start": datetime.date(skp.year, 1, 1).isoformat(),
        "period_end": datetime.date(skp.year, 12, 31).isoformat(),
        "status": skp.status,
        "is_example": skp.is_example,
        "official": {**_person(skp.official), "rank": skp.official.rank, "grade": skp.official.grade},
        "position": {"code": position.code, "title": position.title, "kind": position.kind},
        "unit": {"code": position.unit.code, "name": position.unit.name},
        "rater": {
            **(_person(item.rater) or {"nip": None, "name": None}),
            "position_code": item.rater_position.code if item.rater_position else None,
            "position": item.rater_position.title if item.rater_position else None,
        },
        "rating": {
            "work": skp.work_rating or None,
            "behaviours": {key: getattr(skp, f"behaviour_{key}") or None for key in BEHAVIOUR_NAMES},
            "behaviour": skp.behaviour_rating or None,
            "predicate": skp.predicate or None,
            "note": skp.rating_note,
            "rated_by": _person(skp.rated_by),
        },
        "results": [_result(result) for result in item.results],
    }


def skp_document(agency: Agency, year: int, items: list[ExchangedSkp]) -> dict:
    """The whole export: what it is, for which agency and year, and each SKP."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "agency": {"code": agency.code, "name": agency.name},
        "year": year,
        "exported_at": datetime.datetime.now(datetime.UTC).replace(microsecond=0).isoformat(),
        "skp": [skp_record(item) for item in items],
    }


def export_document(user: object, agency: Agency, year: int) -> dict:
    """The JSON document of every SKP of the agency and year that `user` may read (None: the system, all)."""
    return skp_document(agency, year, read_skps(readable(user, skps_of(agency, year))))
