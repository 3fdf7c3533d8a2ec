"""Family "satuan-rumus": a percentage is a ratio in Persen, a count is not in Persen, a ratio has its terms and
factor, the unit fits the name, and a name is a measure rather than an objective."""

from collections.abc import Iterable

from django.utils.translation import gettext, pgettext

from kinerja.strategy.models import Indicator
from kinerja.strategy.models.plan import PERCENT_UNITS  # noqa: F401 (the package re-exports it)

from .compare import first_word, normalise
from .context import PlanData
from .findings import ERROR, WARNING, Finding, quoted
from .registry import check

FAMILY = "satuan-rumus"
PERCENT_NAMES = ("persentase", "persentasi", "prosentase")
DOCUMENT_UNITS = {"dokumen", "laporan", "data"}

OBJECTIVE_WORDS = (
    "meningkatnya",
    "menurunnya",
    "terlaksananya",
    "tersedianya",
    "terwujudnya",
    "terkelolanya",
    "ditetapkannya",
    "terselenggaranya",
    "tercapainya",
    "meningkatkan",
    "menurunkan",
)


@check(
    family=FAMILY,
    codes=(
        "persentase-bukan-rasio",
        "persentase-bukan-persen",
        "jumlah-dalam-persen",
        "rasio-tidak-lengkap",
        "persen-tanpa-faktor-100",
        "satuan-tidak-sesuai-nama",
        "nama-seperti-sasaran",
    ),
)
def check_formula_and_unit(data: PlanData) -> Iterable[Finding]:
    """A percentage is a ratio in Persen; a count is not in Persen; a ratio has its terms; the unit fits the name."""
    for indicator in data.indicators:
        names = data.names_of(indicator)
        unit = normalise(indicator.unit)
        place = [data.at_indicator(indicator)]
        named_percentage = any(first_word(name) in PERCENT_NAMES for name in names)
        if named_percentage and indicator.formula != Indicator.Formula.RATIO:
            yield Finding(
                FAMILY,
                "persentase-bukan-rasio",
                ERROR,
                (
                    gettext(
                        "Indicator %(code)s %(name)s is a percentage, but its formula is %(formula)s, not a "
                        "ratio numerator/denominator."
                    )
                    % {
                        "code": indicator.code,
                        "name": quoted(indicator.name),
                        "formula": indicator.get_formula_display().lower(),
                    }
                ),
                place,
                gettext("Make its formula a ratio: fill in the numerator, the denominator and a factor of 100."),
            )
        if named_percentage and not indicator.is_percentage:
            yield Finding(
                FAMILY,
                "persentase-bukan-persen",
                ERROR,
                gettext("Indicator %(code)s is a percentage, but its unit is %(unit)s.")
                % {"code": indicator.code, "unit": quoted(indicator.unit)},
                place,
                gettext("Make its unit Persen."),
            )
        if indicator.formula == Indicator.Formula.COUNT and indicator.is_percentage:
            yield Finding(
                FAMILY,
                "jumlah-dalam-persen",
                ERROR,
                gettext("Indicator %(code)s %(name)s is counted as a number, but its unit is %(unit)s.")
                % {"code": indicator.code, "name": quoted(indicator.name), "unit": quoted(indicator.unit)},
                place,
                gettext(
                    "Use the unit of what is counted (Dokumen, Laporan, Orang …), or make it a ratio if what "
                    "is measured really is a percentage."
                ),
            )
        if indicator.formula == Indicator.Formula.RATIO:
            missing = [
                label
                for value, label in (
                    (indicator.numerator, pgettext("indicator field", "numerator")),
                    (indicator.denominator, pgettext("indicator field", "denominator")),
                )
                if not value.strip()
            ]
            if indicator.factor is None:
                missing.append(pgettext("indicator field", "factor"))
            if missing:
                yield Finding(
                    FAMILY,
                    "rasio-tidak-lengkap",
                    ERROR,
                    gettext("Indicator %(code)s is a ratio without %(missing)s: its value cannot be computed.")
                    % {"code": indicator.code, "missing": gettext(" and ").join(missing)},
                    place,
                    gettext(
                        "Complete the numerator, the denominator and the factor (100 for a percentage) of this ratio."
                    ),
                )
            elif indicator.is_percentage and indicator.factor != 100:
                yield Finding(
                    FAMILY,
                    "persen-tanpa-faktor-100",
                    ERROR,
                    gettext("Indicator %(code)s is in Persen but its factor is %(factor)s, not 100.")
                    % {"code": indicator.code, "factor": format(indicator.factor.normalize(), "f")},
                    place,
                    gettext("Make its factor 100, or change its unit."),
                )
        if indicator.formula == Indicator.Formula.COUNT and unit in DOCUMENT_UNITS:
            words = normalise(indicator.name).split()
            if len(words) > 1 and words[0] == "jumlah" and words[1] != unit:
                counted = indicator.name.split()[1]
                yield Finding(
                    FAMILY,
                    "satuan-tidak-sesuai-nama",
                    WARNING,
                    gettext("Indicator %(code)s %(name)s counts %(counted)s, but its unit is %(unit)s.")
                    % {
                        "code": indicator.code,
                        "name": quoted(indicator.name, 90),
                        "counted": counted,
                        "unit": quoted(indicator.unit),
                    },
                    place,
                    (
                        gettext(
                            "Use the unit of what is counted (e.g. %(counted)s), or rename the indicator “Jumlah "
                            "%(unit)s …” if what is counted really is %(what)s."
                        )
                        % {"counted": counted, "unit": indicator.unit, "what": indicator.unit.lower()}
                    ),
                )
        for name in sorted(names):
            if first_word(name) in OBJECTIVE_WORDS:
                yield Finding(
                    FAMILY,
                    "nama-seperti-sasaran",
                    WARNING,
                    (
                        gettext(
                            "The name of indicator %(code)s %(name)s is worded like an objective (a state to reach), "
                            "not a measure."
                        )
                        % {"code": indicator.code, "name": quoted(name)}
                    ),
                    place + [p for text, p in data.printings(indicator, "name") if text == name],
                    gettext("Word the indicator as a measure, e.g. “Nilai …”, “Persentase …”, “Jumlah …”."),
                )
