"""Family "halaman": every position has a page, every objective on a page an indicator, an indicator one
measuring position among peers, and each objective is written alike where it is repeated."""

from collections.abc import Iterable

from kinerja.strategy.models import Objective

from .compare import SIMILAR, canonical, similarity
from .context import PlanData
from .findings import ERROR, WARNING, Finding, quoted
from .registry import check

FAMILY = "halaman"


@check(
    family=FAMILY,
    codes=(
        "halaman-kosong",
        "indikator-jabatan-setingkat",
        "sasaran-tanpa-indikator",
        "sasaran-ganda",
        "sasaran-beda-tipis",
        "sasaran-kepala-beda",
    ),
)
def check_pages(data: PlanData) -> Iterable[Finding]:
    """Every position has a page, every objective on a page an indicator; objectives are written alike."""
    for position in data.positions:
        if not data.rows_of_position.get(position.pk):
            yield Finding(
                FAMILY,
                "halaman-kosong",
                ERROR,
                f"Jabatan {position.title} tidak mempunyai indikator kinerja individu: halaman IKI-nya kosong.",
                [data.at_position(position)],
                "Isi halaman IKI jabatan ini: sasaran kinerja yang mendukung sasaran atasannya, dengan indikatornya.",
            )
    for indicator in data.indicators:
        positions = [data.position(row.position_id) for row in data.rows_of_indicator.get(indicator.pk, [])]
        peers = [
            p
            for p in positions
            if not any(
                p in data.ancestors(other) or other in data.ancestors(p) for other in positions if other is not p
            )
        ]
        if len(peers) > 1:
            yield Finding(
                FAMILY,
                "indikator-jabatan-setingkat",
                WARNING,
                f"Indikator {indicator.code} {quoted(indicator.name, 90)} dimuat di halaman {len(peers)} jabatan "
                f"yang tidak saling membawahi ({', '.join(p.title for p in peers)}): satu angka, beberapa "
                f"penanggung jawab, dan realisasinya dapat diisi oleh siapa saja di antara mereka.",
                [data.at_indicator(indicator)] + [data.at_position(p) for p in peers],
                "Tetapkan satu jabatan yang mengukur indikator ini, atau bagi menjadi indikator masing-masing "
                "jabatan (mis. per bagian pekerjaan).",
            )
    for objective in data.objectives:
        if objective.level != Objective.Level.PERFORMANCE:
            continue
        position = data.position(objective.position_id)
        if not data.rows_of_objective.get(objective.pk):
            yield Finding(
                FAMILY,
                "sasaran-tanpa-indikator",
                ERROR,
                f"Sasaran kinerja {objective.code} tidak mempunyai indikator: tidak dapat diukur.",
                [data.at_objective(objective)],
                "Tambahkan indikator untuk sasaran ini, atau hapus sasarannya.",
            )
        lines = [line for line in objective.text.splitlines() if line.strip()]
        if len(lines) > 1:
            yield Finding(
                FAMILY,
                "sasaran-ganda",
                WARNING,
                f"Sasaran kinerja {objective.code} memuat {len(lines)} sasaran dalam satu sel: "
                + "; ".join(quoted(line, 80) for line in lines)
                + ". Indikatornya hanya mengukur satu sasaran.",
                [data.at_objective(objective)],
                "Pisahkan menjadi sasaran tersendiri, masing-masing dengan indikatornya.",
            )
        above = data.objective(objective.contributes_to_id)
        if above is None or canonical(above.text) == canonical(objective.text):
            continue
        ratio = similarity(objective.text, above.text)
        if ratio >= SIMILAR:
            yield Finding(
                FAMILY,
                "sasaran-beda-tipis",
                WARNING,
                f"Sasaran kinerja {objective.code} {quoted(objective.text)} hampir sama dengan sasaran "
                f"{above.code} {quoted(above.text)} yang didukungnya (kemungkinan salah ketik).",
                [data.at_objective(objective), data.at_objective(above)],
                "Samakan tulisan kedua sasaran bila maksudnya sama.",
            )
        elif above.level == Objective.Level.STRATEGIC and position is not None and position.superior_id is None:
            yield Finding(
                FAMILY,
                "sasaran-kepala-beda",
                WARNING,
                f"Halaman kepala perangkat daerah menulis sasaran {objective.code} {quoted(objective.text)}, "
                f"berbeda dari sasaran strategis {above.code} {quoted(above.text)} yang didukungnya.",
                [data.at_objective(objective), data.at_objective(above)],
                "Sasaran di halaman kepala perangkat daerah adalah sasaran strategis Renstra: tulis sama persis.",
            )
