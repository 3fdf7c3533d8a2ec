"""Family "iku": every strategic objective has an IKU, every IKU a responsible position whose page prints it, and
Lampiran I names that position."""

import difflib
from collections import defaultdict
from collections.abc import Iterable

from kinerja.strategy.models import Indicator, Objective

from .compare import SIMILAR, normalise
from .context import PlanData
from .findings import ERROR, WARNING, Finding, iku_label, quoted
from .registry import check

FAMILY = "iku"
ABBREVIATIONS = {
    "kadis": "kepala dinas",
    "kaban": "kepala badan",
    "kabid": "kepala bidang",
    "kasi": "kepala seksi",
    "kasubag": "kepala sub bagian",
    "kasubbag": "kepala sub bagian",
    "sekdis": "sekretaris dinas",
}


@check(family=FAMILY, codes=("sasaran-strategis-tanpa-iku", "indikator-strategis-tanpa-halaman"))
def check_strategic_objectives(data: PlanData) -> Iterable[Finding]:
    """Every strategic objective has an IKU; every indicator of chapter II is measured on a page."""
    by_objective: dict[int, list[Indicator]] = defaultdict(list)
    for indicator in data.indicators:
        if indicator.objective_id:
            by_objective[indicator.objective_id].append(indicator)
    for objective in data.objectives:
        if objective.level != Objective.Level.STRATEGIC:
            continue
        indicators = by_objective.get(objective.pk, [])
        if not indicators:
            yield Finding(
                FAMILY,
                "sasaran-strategis-tanpa-iku",
                ERROR,
                f"Sasaran strategis {objective.code} tidak mempunyai indikator sama sekali: tidak dapat diukur.",
                [data.at_objective(objective)],
                "Tetapkan sedikitnya satu indikator kinerja utama (IKU) untuk sasaran ini dan cantumkan di Lampiran I.",
            )
        elif not any(indicator.is_key for indicator in indicators):
            names = ", ".join(indicator.code for indicator in indicators)
            yield Finding(
                FAMILY,
                "sasaran-strategis-tanpa-iku",
                ERROR,
                f"Sasaran strategis {objective.code} tidak mempunyai IKU: indikatornya ({names}) tidak ada yang "
                f"ditetapkan sebagai IKU di Lampiran I.",
                [data.at_objective(objective)] + [data.at_indicator(indicator) for indicator in indicators],
                "Tetapkan salah satu indikator sasaran ini sebagai IKU dan tambahkan barisnya di Lampiran I.",
            )
    for indicator in data.indicators:
        own = data.strategic_objective(indicator)
        if own is not None and not data.rows_of_indicator.get(indicator.pk):
            yield Finding(
                FAMILY,
                "indikator-strategis-tanpa-halaman",
                ERROR,
                f"Indikator {indicator.code} dari BAB II tidak dicetak di halaman IKI mana pun: tidak ada pejabat "
                f"yang mengisi realisasinya.",
                [data.at_indicator(indicator), data.at_objective(own)],
                "Cantumkan indikator ini di halaman IKI kepala perangkat daerah dan jabatan yang mengukurnya.",
            )


@check(family=FAMILY, codes=("iku-tanpa-penanggung-jawab", "penanggung-jawab-tidak-memuat"))
def check_responsible(data: PlanData) -> Iterable[Finding]:
    """Every IKU has a responsible position, and that position's page prints it."""
    for indicator in data.indicators:
        if not indicator.is_key:
            continue
        position = data.position(indicator.responsible_position_id)
        key_rows = [data.at_key_row(k) for k in data.key_rows_of_indicator.get(indicator.pk, [])]
        if position is None:
            yield Finding(
                FAMILY,
                "iku-tanpa-penanggung-jawab",
                ERROR,
                f"{iku_label(indicator)} tidak mempunyai jabatan penanggung jawab.",
                [data.at_indicator(indicator), *key_rows],
                "Pilih jabatan penanggung jawab IKU ini (kolom PENANGGUNG JAWAB Lampiran I).",
            )
            continue
        pages = data.rows_of_indicator.get(indicator.pk, [])
        if not any(row.position_id == position.pk for row in pages):
            printed_on = sorted({data.position(row.position_id).title for row in pages})
            on = ", ".join(printed_on) if printed_on else "tidak ada halaman"
            yield Finding(
                FAMILY,
                "penanggung-jawab-tidak-memuat",
                ERROR,
                f"Penanggung jawab {iku_label(indicator)} adalah {position.title}, tetapi halaman IKI jabatan itu "
                f"tidak memuat indikator ini (dimuat di: {on}). Penanggung jawab tidak dapat mengisi realisasinya.",
                [data.at_indicator(indicator), data.at_position(position)]
                + key_rows
                + [data.at_row(row) for row in pages],
                f"Cantumkan IKU ini di halaman IKI {position.title}, atau jadikan penanggung jawab jabatan yang "
                f"halamannya memuatnya.",
            )


def _expanded(title: str) -> str:
    return " ".join(ABBREVIATIONS.get(word, word) for word in normalise(title).split())


@check(family=FAMILY, codes=("penanggung-jawab-tercetak-beda",))
def check_printed_responsible(data: PlanData) -> Iterable[Finding]:
    """Lampiran I's PENANGGUNG JAWAB cell names the IKU's responsible position (abbreviations such as "Kabid"
    read out)."""
    for key_row in data.key_rows:
        indicator = data.indicator(key_row.indicator_id)
        position = data.position(indicator.responsible_position_id)
        printed = key_row.printed_responsible
        if not printed or position is None:
            continue
        mine, title = _expanded(printed), _expanded(position.title)
        if mine == title or f" {mine} " in f" {title} " or f" {title} " in f" {mine} ":
            continue
        if difflib.SequenceMatcher(None, mine, title).ratio() >= SIMILAR:
            continue
        yield Finding(
            FAMILY,
            "penanggung-jawab-tercetak-beda",
            WARNING,
            f"Lampiran I mencetak penanggung jawab {iku_label(indicator)} sebagai {quoted(printed)}, sedangkan "
            f"penanggung jawab yang tercatat adalah {position.title}.",
            [data.at_key_row(key_row), data.at_indicator(indicator), data.at_position(position)],
            "Samakan kolom PENANGGUNG JAWAB Lampiran I dengan jabatan penanggung jawab indikator ini.",
        )
