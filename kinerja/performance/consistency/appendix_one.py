"""Family "lampiran-i": chapter II's indicators and Lampiran I's rows are the same list, under the same
objectives."""

from collections.abc import Iterable

from django.utils.translation import gettext

from kinerja.strategy.models import Objective

from .compare import SIMILAR, canonical, similarity
from .context import PlanData
from .findings import ERROR, WARNING, Finding, iku_label, quoted
from .registry import check

FAMILY = "lampiran-i"


@check(
    family=FAMILY,
    codes=(
        "bab-ii-tidak-di-lampiran-i",
        "iku-tidak-di-lampiran-i",
        "lampiran-i-tidak-di-bab-ii",
        "lampiran-i-bukan-iku",
        "lampiran-i-sasaran-beda-tipis",
        "lampiran-i-sasaran-lain",
        "lampiran-i-sasaran-tidak-ada",
    ),
)
def check_appendix_one(data: PlanData) -> Iterable[Finding]:
    """Chapter II's indicators and Lampiran I's rows are the same list, under the same objectives."""
    strategic = [o for o in data.objectives if o.level == Objective.Level.STRATEGIC]
    for indicator in data.indicators:
        if data.key_rows_of_indicator.get(indicator.pk):
            continue
        own = data.strategic_objective(indicator)
        if own is not None:
            yield Finding(
                FAMILY,
                "bab-ii-tidak-di-lampiran-i",
                ERROR,
                (
                    gettext(
                        "Indicator %(code)s %(name)s is in Chapter II (strategic objective %(objective)s) but "
                        "not in the IKU table of Appendix I."
                    )
                    % {"code": indicator.code, "name": quoted(indicator.name), "objective": own.code}
                ),
                [data.at_indicator(indicator), data.at_objective(own)],
                gettext("Add this indicator to Appendix I as an IKU, or remove it from Chapter II if it is no IKU."),
            )
        elif indicator.is_key:
            yield Finding(
                FAMILY,
                "iku-tidak-di-lampiran-i",
                ERROR,
                gettext("Indicator %(code)s is marked IKU but is not in the IKU table of Appendix I.")
                % {"code": indicator.code},
                [data.at_indicator(indicator)],
                gettext("Add its row to Appendix I, or remove the IKU mark."),
            )
    for key_row in data.key_rows:
        indicator = data.indicator(key_row.indicator_id)
        own = data.strategic_objective(indicator)
        if own is None:
            yield Finding(
                FAMILY,
                "lampiran-i-tidak-di-bab-ii",
                ERROR,
                (
                    gettext(
                        "Appendix I holds %(iku)s %(name)s, which is not in Chapter II: this indicator measures "
                        "no strategic objective."
                    )
                    % {"iku": iku_label(indicator), "name": quoted(key_row.printed_name or indicator.name)}
                ),
                [data.at_key_row(key_row), data.at_indicator(indicator)],
                gettext(
                    "Link this indicator to the strategic objective it measures (Chapter II), or remove its "
                    "row from Appendix I."
                ),
            )
            continue
        if not indicator.is_key:
            yield Finding(
                FAMILY,
                "lampiran-i-bukan-iku",
                ERROR,
                gettext("Appendix I holds %(code)s, which is not marked as an IKU.") % {"code": indicator.code},
                [data.at_key_row(key_row), data.at_indicator(indicator)],
                gettext("Mark this indicator as an IKU, or remove its row from Appendix I."),
            )
        printed = key_row.printed_objective
        if not printed or canonical(printed) == canonical(own.text):
            continue
        places = [data.at_key_row(key_row), data.at_indicator(indicator), data.at_objective(own)]
        if similarity(printed, own.text) >= SIMILAR:
            yield Finding(
                FAMILY,
                "lampiran-i-sasaran-beda-tipis",
                WARNING,
                (
                    gettext(
                        "Appendix I writes the objective of %(iku)s as %(printed)s, slightly different from "
                        "strategic objective %(objective)s %(text)s (probably a typo)."
                    )
                    % {
                        "iku": iku_label(indicator),
                        "printed": quoted(printed),
                        "objective": own.code,
                        "text": quoted(own.text),
                    }
                ),
                places,
                gettext("Write the objective in Appendix I as strategic objective %(objective)s is written.")
                % {"objective": own.code},
            )
            continue
        other = [o for o in strategic if o.pk != own.pk and similarity(printed, o.text) >= SIMILAR]
        if other:
            yield Finding(
                FAMILY,
                "lampiran-i-sasaran-lain",
                ERROR,
                (
                    gettext(
                        "Appendix I places %(iku)s under objective %(other)s, whereas Chapter II places it under "
                        "objective %(objective)s."
                    )
                    % {"iku": iku_label(indicator), "other": other[0].code, "objective": own.code}
                ),
                [*places, data.at_objective(other[0])],
                gettext("Choose one strategic objective for this IKU and make Chapter II and Appendix I the same."),
            )
            continue
        yield Finding(
            FAMILY,
            "lampiran-i-sasaran-tidak-ada",
            ERROR,
            (
                gettext(
                    "Appendix I writes the objective of %(iku)s as %(printed)s, which is no strategic "
                    "objective of Chapter II (by Chapter II this indicator measures %(objective)s %(text)s)."
                )
                % {
                    "iku": iku_label(indicator),
                    "printed": quoted(printed),
                    "objective": own.code,
                    "text": quoted(own.text),
                }
            ),
            places,
            (
                gettext(
                    "Write strategic objective %(objective)s in Appendix I as in Chapter II, or change the "
                    "objective in Chapter II."
                )
                % {"objective": own.code}
            ),
        )
