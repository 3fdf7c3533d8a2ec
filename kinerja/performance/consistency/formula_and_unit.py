"""Family "satuan-rumus": a percentage is a ratio in Persen, a count is not in Persen, a ratio has its terms and
factor, the unit fits the name, and a name is a measure rather than an objective."""

from collections.abc import Iterable

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
                f"Indikator {indicator.code} {quoted(indicator.name)} adalah persentase, tetapi rumusnya "
                f"{indicator.get_formula_display().lower()}, bukan rasio pembilang/penyebut.",
                place,
                "Ubah rumusnya menjadi rasio: isi pembilang, penyebut dan faktor 100.",
            )
        if named_percentage and not indicator.is_percentage:
            yield Finding(
                FAMILY,
                "persentase-bukan-persen",
                ERROR,
                f"Indikator {indicator.code} adalah persentase, tetapi satuannya {quoted(indicator.unit)}.",
                place,
                "Ubah satuannya menjadi Persen.",
            )
        if indicator.formula == Indicator.Formula.COUNT and indicator.is_percentage:
            yield Finding(
                FAMILY,
                "jumlah-dalam-persen",
                ERROR,
                f"Indikator {indicator.code} {quoted(indicator.name)} dihitung sebagai jumlah, tetapi satuannya "
                f"{quoted(indicator.unit)}.",
                place,
                "Pakai satuan barang yang dihitung (Dokumen, Laporan, Orang …), atau jadikan rasio bila "
                "yang diukur memang persentase.",
            )
        if indicator.formula == Indicator.Formula.RATIO:
            missing = [
                label
                for value, label in ((indicator.numerator, "pembilang"), (indicator.denominator, "penyebut"))
                if not value.strip()
            ]
            if indicator.factor is None:
                missing.append("faktor")
            if missing:
                yield Finding(
                    FAMILY,
                    "rasio-tidak-lengkap",
                    ERROR,
                    f"Indikator {indicator.code} adalah rasio tanpa {' dan '.join(missing)}: nilainya tidak dapat "
                    f"dihitung.",
                    place,
                    "Lengkapi pembilang, penyebut dan faktor (100 untuk persen) rasio ini.",
                )
            elif indicator.is_percentage and indicator.factor != 100:
                yield Finding(
                    FAMILY,
                    "persen-tanpa-faktor-100",
                    ERROR,
                    f"Indikator {indicator.code} bersatuan Persen tetapi faktornya {indicator.factor.normalize():f}, "
                    f"bukan 100.",
                    place,
                    "Ubah faktornya menjadi 100, atau satuannya.",
                )
        if indicator.formula == Indicator.Formula.COUNT and unit in DOCUMENT_UNITS:
            words = normalise(indicator.name).split()
            if len(words) > 1 and words[0] == "jumlah" and words[1] != unit:
                counted = indicator.name.split()[1]
                yield Finding(
                    FAMILY,
                    "satuan-tidak-sesuai-nama",
                    WARNING,
                    f"Indikator {indicator.code} {quoted(indicator.name, 90)} menghitung {counted}, tetapi satuannya "
                    f"{quoted(indicator.unit)}.",
                    place,
                    f"Pakai satuan yang dihitung (mis. {counted}), atau ubah nama indikatornya menjadi "
                    f"“Jumlah {indicator.unit} …” bila yang dihitung memang {indicator.unit.lower()}.",
                )
        for name in sorted(names):
            if first_word(name) in OBJECTIVE_WORDS:
                yield Finding(
                    FAMILY,
                    "nama-seperti-sasaran",
                    WARNING,
                    f"Nama indikator {indicator.code} {quoted(name)} dirumuskan seperti sasaran (kondisi yang "
                    f"dituju), bukan ukuran.",
                    place + [p for text, p in data.printings(indicator, "name") if text == name],
                    "Rumuskan indikator sebagai ukuran, mis. “Nilai …”, “Persentase …”, “Jumlah …”.",
                )
