"""Family "iku": every strategic objective has an IKU, every IKU a responsible position whose page prints it, and
Lampiran I names that position."""

import difflib
from collections import defaultdict
from collections.abc import Iterable

from django.utils.translation import gettext, pgettext

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
                gettext("Strategic objective %(code)s has no indicator at all: it cannot be measured.")
                % {"code": objective.code},
                [data.at_objective(objective)],
                gettext(
                    "Set at least one key performance indicator (IKU) for this objective and put it in Appendix I."
                ),
            )
        elif not any(indicator.is_key for indicator in indicators):
            names = ", ".join(indicator.code for indicator in indicators)
            yield Finding(
                FAMILY,
                "sasaran-strategis-tanpa-iku",
                ERROR,
                (
                    gettext(
                        "Strategic objective %(code)s has no IKU: none of its indicators (%(names)s) is set as "
                        "an IKU in Appendix I."
                    )
                    % {"code": objective.code, "names": names}
                ),
                [data.at_objective(objective)] + [data.at_indicator(indicator) for indicator in indicators],
                gettext("Set one of this objective's indicators as an IKU and add its row to Appendix I."),
            )
    for indicator in data.indicators:
        own = data.strategic_objective(indicator)
        if own is not None and not data.rows_of_indicator.get(indicator.pk):
            yield Finding(
                FAMILY,
                "indikator-strategis-tanpa-halaman",
                ERROR,
                (
                    gettext(
                        "Indicator %(code)s of Chapter II is printed on no IKI page: no official enters its actuals."
                    )
                    % {"code": indicator.code}
                ),
                [data.at_indicator(indicator), data.at_objective(own)],
                gettext(
                    "Put this indicator on the IKI page of the head of the agency and of the position that measures it."
                ),
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
                gettext("%(iku)s has no responsible position.") % {"iku": iku_label(indicator)},
                [data.at_indicator(indicator), *key_rows],
                gettext("Choose the position responsible for this IKU (the column PENANGGUNG JAWAB of Appendix I)."),
            )
            continue
        pages = data.rows_of_indicator.get(indicator.pk, [])
        if not any(row.position_id == position.pk for row in pages):
            printed_on = sorted({data.position(row.position_id).title for row in pages})
            on = ", ".join(printed_on) if printed_on else pgettext("consistency place", "no page")
            yield Finding(
                FAMILY,
                "penanggung-jawab-tidak-memuat",
                ERROR,
                (
                    gettext(
                        "The position responsible for %(iku)s is %(position)s, but that position's IKI page does "
                        "not carry this indicator (it is carried on: %(on)s). The responsible position cannot "
                        "enter its actuals."
                    )
                    % {"iku": iku_label(indicator), "position": position.title, "on": on}
                ),
                [data.at_indicator(indicator), data.at_position(position)]
                + key_rows
                + [data.at_row(row) for row in pages],
                (
                    gettext(
                        "Put this IKU on the IKI page of %(position)s, or make the position whose page carries "
                        "it the responsible one."
                    )
                    % {"position": position.title}
                ),
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
            (
                gettext(
                    "Appendix I prints the position responsible for %(iku)s as %(printed)s, whereas the "
                    "recorded responsible position is %(position)s."
                )
                % {"iku": iku_label(indicator), "printed": quoted(printed), "position": position.title}
            ),
            [data.at_key_row(key_row), data.at_indicator(indicator), data.at_position(position)],
            gettext("Make the column PENANGGUNG JAWAB of Appendix I name this indicator's responsible position."),
        )
