"""Family "lampiran-i": chapter II's indicators and Lampiran I's rows are the same list, under the same
objectives."""

from collections.abc import Iterable

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
                f"Indikator {indicator.code} {quoted(indicator.name)} ada di BAB II (sasaran strategis "
                f"{own.code}) tetapi tidak ada di tabel IKU Lampiran I.",
                [data.at_indicator(indicator), data.at_objective(own)],
                "Tambahkan indikator ini ke Lampiran I sebagai IKU, atau hapus dari BAB II bila bukan IKU.",
            )
        elif indicator.is_key:
            yield Finding(
                FAMILY,
                "iku-tidak-di-lampiran-i",
                ERROR,
                f"Indikator {indicator.code} ditandai IKU tetapi tidak ada di tabel IKU Lampiran I.",
                [data.at_indicator(indicator)],
                "Tambahkan barisnya di Lampiran I, atau hapus tanda IKU.",
            )
    for key_row in data.key_rows:
        indicator = data.indicator(key_row.indicator_id)
        own = data.strategic_objective(indicator)
        if own is None:
            yield Finding(
                FAMILY,
                "lampiran-i-tidak-di-bab-ii",
                ERROR,
                f"Lampiran I memuat {iku_label(indicator)} {quoted(key_row.printed_name or indicator.name)} yang "
                f"tidak ada di BAB II: indikator ini tidak mengukur sasaran strategis mana pun.",
                [data.at_key_row(key_row), data.at_indicator(indicator)],
                "Hubungkan indikator ini dengan sasaran strategis yang diukurnya (BAB II), atau hapus barisnya "
                "dari Lampiran I.",
            )
            continue
        if not indicator.is_key:
            yield Finding(
                FAMILY,
                "lampiran-i-bukan-iku",
                ERROR,
                f"Lampiran I memuat {indicator.code}, yang tidak ditandai sebagai IKU.",
                [data.at_key_row(key_row), data.at_indicator(indicator)],
                "Tandai indikator ini sebagai IKU, atau hapus barisnya dari Lampiran I.",
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
                f"Lampiran I menulis sasaran {iku_label(indicator)} sebagai {quoted(printed)}, sedikit berbeda dari "
                f"sasaran strategis {own.code} {quoted(own.text)} (kemungkinan salah ketik).",
                places,
                f"Samakan tulisan sasaran di Lampiran I dengan sasaran strategis {own.code}.",
            )
            continue
        other = [o for o in strategic if o.pk != own.pk and similarity(printed, o.text) >= SIMILAR]
        if other:
            yield Finding(
                FAMILY,
                "lampiran-i-sasaran-lain",
                ERROR,
                f"Lampiran I menempatkan {iku_label(indicator)} di bawah sasaran {other[0].code}, padahal BAB II "
                f"menempatkannya di bawah sasaran {own.code}.",
                [*places, data.at_objective(other[0])],
                "Tentukan satu sasaran strategis untuk IKU ini dan samakan BAB II dengan Lampiran I.",
            )
            continue
        yield Finding(
            FAMILY,
            "lampiran-i-sasaran-tidak-ada",
            ERROR,
            f"Lampiran I menulis sasaran {iku_label(indicator)} sebagai {quoted(printed)}, yang bukan sasaran "
            f"strategis mana pun di BAB II (menurut BAB II indikator ini mengukur {own.code} {quoted(own.text)}).",
            places,
            f"Tulis di Lampiran I sasaran strategis {own.code} sebagaimana di BAB II, atau ubah sasaran di BAB II.",
        )
