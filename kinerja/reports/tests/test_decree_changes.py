"""What changed since the decree was enacted: the comparison of two printed decrees, on small hand-made documents laid
out as decree.py lays them out (and once on the seed's real decree)."""

import copy

import pytest
from django.utils import translation

from kinerja.reports.decree import build_decree
from kinerja.reports.decree_changes import changes_between
from kinerja.reports.document import (
    Cell,
    Column,
    Document,
    Letterhead,
    Paragraph,
    Section,
    SignatureBlock,
    Signatures,
    Table,
    Text,
)
from kinerja.strategy.models import KeyIndicatorRow, PageIndicator
from kinerja.strategy.selectors import get_current_plan


def iku(code, name, *, objective=("S1", "Sasaran satu"), goal=("T1", "Tujuan satu"), source="Dinas"):
    return {"code": code, "name": name, "objective": objective, "goal": goal, "source": source}


def iki(code, name, *, objective=("SK1", "Sasaran kinerja satu"), source="Dokumen"):
    return {"code": code, "name": name, "objective": objective, "source": source}


BASE = {
    "number": "800/1/2022",
    "considerations": ["bahwa kinerja perlu diukur", "bahwa perlu ditetapkan keputusan"],
    "dictums": ["Menetapkan IKU dan IKI."],
    "duty": "Membantu bupati di bidang komunikasi",
    "key_rows": [
        iku("IKU-1", "Persentase layanan daring"),
        iku("IKU-2", "Indeks keamanan informasi", objective=("S2", "Sasaran dua")),
    ],
    "positions": {
        "kadis": ("KEPALA DINAS", "Memimpin dinas", [iki("IKU-1", "Persentase layanan daring")]),
        "kasi": (
            "KEPALA SEKSI PERSANDIAN",
            "Menyiapkan bahan persandian",
            [iki("IKI-1", "Jumlah dokumen sandi"), iki("IKI-2", "Jumlah laporan sandi")],
        ),
    },
}


def cell(text, key="", keyed=True, **options):
    return Cell.of(text, key=key if keyed else "", **options)


def fields(rows):
    return Table(
        [Column(1)] * 3, [], [[[Cell.of(label), Cell.of(":"), Cell.of(text)]] for label, text in rows], "plain"
    )


def decree(keyed=True, **changed) -> Document:
    """A decree laid out as decree.py does: the decree's texts, Lampiran I (the IKU table), Lampiran II (a page per
    position); with `keyed` the cells carry their codes as build_decree makes them, without as a version enacted
    before the codes were kept."""
    data = {**copy.deepcopy(BASE), **changed}
    clauses = [
        [Cell.of("Menimbang" if index == 0 else ""), Cell.of(":"), Cell.of(f"{'abc'[index]}."), Cell.of(text)]
        for index, text in enumerate(data["considerations"])
    ]
    dictums = [[Cell.of("Menetapkan"), Cell.of(":"), Cell.of("", colspan=2)]] + [
        [Cell.of(label), Cell.of(":"), Cell.of(text, colspan=2)]
        for label, text in zip(("KESATU", "KEDUA"), data["dictums"], strict=False)
    ]
    record = Section(
        [
            Letterhead("PEMERINTAH KABUPATEN HALMAHERA UTARA", "DINAS KOMINFO", ["Tobelo"]),
            Paragraph.of("KEPUTUSAN KEPALA DINAS"),
            Paragraph.of(f"NOMOR: {data['number']}"),
            Paragraph.of("TENTANG"),
            Paragraph.of("INDIKATOR KINERJA UTAMA"),
            Table([Column(1)] * 4, [], [[row] for row in clauses], "plain"),
            Paragraph.of("MEMUTUSKAN:"),
            Table([Column(1)] * 4, [], [[row] for row in dictums], "plain"),
            Signatures(
                [SignatureBlock(["Ditetapkan di Tobelo", "Pada tanggal : 1 Maret 2022", "KEPALA DINAS,"], "A", [])]
            ),
        ],
        name="Keputusan",
    )
    groups, goal_cell, goal = [], None, None
    for row in data["key_rows"]:
        cells = [
            cell(row["objective"][1], row["objective"][0], keyed),
            cell(row["name"], row["code"], keyed),
            Cell.of("Penjelasan"),
            Cell.of(row["source"]),
            Cell.of("Kepala Dinas"),
        ]
        if goal_cell is not None and row["goal"] == goal:
            goal_cell.rowspan += 1
            groups[-1].append(cells)
            continue
        goal_cell, goal = cell(row["goal"][1], row["goal"][0], keyed), row["goal"]
        groups.append([[goal_cell, *cells]])
    appendix = Section(
        [
            fields([("INSTANSI", "DINAS"), ("TUGAS", data["duty"]), ("FUNGSI", "a) fungsi")]),
            Table([], [], groups, title="IKU"),
        ],
        name="Lampiran I",
    )
    pages = []
    for code, (heading, duty, rows) in data["positions"].items():
        by_objective: dict[tuple, list] = {}
        for row in rows:
            by_objective.setdefault(row["objective"], []).append(row)
        page_groups = []
        for objective, objective_rows in by_objective.items():
            group = []
            for index, row in enumerate(objective_rows, 1):
                number = f"{index}. " if len(objective_rows) > 1 else ""
                name = Cell([Paragraph([Text(number), Text(row["name"])])], key=row["code"] if keyed else "")
                cells = [name, Cell.of("Penjelasan"), Cell.of(row["source"])]
                if index == 1:
                    size = len(objective_rows)
                    lead = [Cell.of(f"{len(page_groups) + 1}.", rowspan=size), cell(objective[1], objective[0], keyed)]
                    lead[1].rowspan = size
                    cells = [*lead, *cells]
                group.append(cells)
            page_groups.append(group)
        table = Table([], [], page_groups, title=f"IKI {code}")
        pages.append(Section([fields([("JABATAN", heading), ("TUGAS", duty)]), table], name=f"Lampiran II — {heading}"))
    return Document("Keputusan", "keputusan", [record, appendix, *pages])


def swapped(items):
    return [items[1], items[0], *items[2:]]


KADIS, KASI = BASE["positions"]["kadis"], BASE["positions"]["kasi"]
CASES = {
    "nothing changed": ({}, []),
    "an IKU's data source": (
        {"key_rows": [iku("IKU-1", "Persentase layanan daring", source="Bappeda"), BASE["key_rows"][1]]},
        ["Indikator IKU-1: sumber data 'Dinas' → 'Bappeda'"],
    ),
    "an IKU renamed keeps its code": (
        {"key_rows": [iku("IKU-1", "Persentase layanan publik daring"), BASE["key_rows"][1]]},
        ["Indikator IKU-1: nama 'Persentase layanan daring' → 'Persentase layanan publik daring'"],
    ),
    "an IKU added": (
        {"key_rows": [*BASE["key_rows"], iku("IKU-3", "Indeks SPBE", objective=("S2", "Sasaran dua"))]},
        ["Indikator IKU-3 ditambahkan: 'Indeks SPBE'"],
    ),
    "an IKU removed": (
        {"key_rows": BASE["key_rows"][:1]},
        ["Sasaran Strategis S2 dihapus: 'Sasaran dua'", "Indikator IKU-2 dihapus: 'Indeks keamanan informasi'"],
    ),
    "the IKU table reordered": (
        {"key_rows": swapped(BASE["key_rows"])},
        ["Tabel IKU: urutan IKU-1, IKU-2 → IKU-2, IKU-1"],
    ),
    "a strategic objective reworded": (
        {
            "key_rows": [
                iku("IKU-1", "Persentase layanan daring", objective=("S1", "Sasaran satu, diperbaiki")),
                *BASE["key_rows"][1:],
            ]
        },
        ["Sasaran Strategis S1: teks 'Sasaran satu' → 'Sasaran satu, diperbaiki'"],
    ),
    "an IKU moved to another objective": (
        {"key_rows": [BASE["key_rows"][0], iku("IKU-2", "Indeks keamanan informasi")]},
        [
            "Sasaran Strategis S2 dihapus: 'Sasaran dua'",
            "Indikator IKU-2: sasaran strategis 'Sasaran dua' → 'Sasaran satu'",
        ],
    ),
    "a position added": (
        {
            "positions": {
                **BASE["positions"],
                "sekretaris": ("SEKRETARIS", "Mengoordinasikan", [iki("IKI-9", "Indeks")]),
            }
        },
        [
            "Jabatan SEKRETARIS ditambahkan",
            "Sasaran kinerja SK1 (SEKRETARIS) ditambahkan: 'Sasaran kinerja satu'",
            "Indikator IKI-9 di halaman SEKRETARIS ditambahkan: 'Indeks'",
        ],
    ),
    "a position's duty": (
        {"positions": {"kadis": ("KEPALA DINAS", "Memimpin dinas dan mengoordinasikan", KADIS[2]), "kasi": KASI}},
        ["Jabatan KEPALA DINAS: tugas 'Memimpin dinas' → 'Memimpin dinas dan mengoordinasikan'"],
    ),
    "the positions reordered": (
        {"positions": {"kasi": KASI, "kadis": KADIS}},
        ["Jabatan di Lampiran II: urutan kadis, kasi → kasi, kadis"],
    ),
    "an IKI page row renamed": (
        {"positions": {"kadis": KADIS, "kasi": (*KASI[:2], [iki("IKI-1", "Jumlah naskah sandi"), KASI[2][1]])}},
        ["Indikator IKI-1 di halaman KEPALA SEKSI PERSANDIAN: nama 'Jumlah dokumen sandi' → 'Jumlah naskah sandi'"],
    ),
    "IKI page rows reordered (their numbers follow)": (
        {"positions": {"kadis": KADIS, "kasi": (*KASI[:2], swapped(KASI[2]))}},
        ["Baris halaman IKI KEPALA SEKSI PERSANDIAN: urutan IKI-1, IKI-2 → IKI-2, IKI-1"],
    ),
    "an IKI page row removed": (
        {"positions": {"kadis": KADIS, "kasi": (*KASI[:2], KASI[2][:1])}},
        ["Indikator IKI-2 di halaman KEPALA SEKSI PERSANDIAN dihapus: 'Jumlah laporan sandi'"],
    ),
    "an IKI page row under another performance objective": (
        {
            "positions": {
                "kadis": KADIS,
                "kasi": (
                    *KASI[:2],
                    [KASI[2][0], iki("IKI-2", "Jumlah laporan sandi", objective=("SK2", "Sasaran kinerja dua"))],
                ),
            }
        },
        [
            "Sasaran kinerja SK2 (KEPALA SEKSI PERSANDIAN) ditambahkan: 'Sasaran kinerja dua'",
            "Indikator IKI-2 di halaman KEPALA SEKSI PERSANDIAN: sasaran kinerja 'Sasaran kinerja satu' → "
            "'Sasaran kinerja dua'",
        ],
    ),
    "a performance objective reworded": (
        {
            "positions": {
                "kadis": (*KADIS[:2], [iki("IKU-1", "Persentase layanan daring", objective=("SK1", "Baru"))]),
                "kasi": KASI,
            }
        },
        ["Sasaran kinerja SK1 (KEPALA DINAS): teks 'Sasaran kinerja satu' → 'Baru'"],
    ),
    "the decree's number": ({"number": "800/2/2022"}, ["Nomor keputusan: '800/1/2022' → '800/2/2022'"]),
    "a consideration reworded and one added": (
        {"considerations": ["bahwa kinerja perlu diukur", "bahwa perlu ditetapkan", "bahwa sudah dibahas"]},
        [
            "Menimbang b.: 'bahwa perlu ditetapkan keputusan' → 'bahwa perlu ditetapkan'",
            "Menimbang c. ditambahkan: 'bahwa sudah dibahas'",
        ],
    ),
    "a dictum added": (
        {"dictums": ["Menetapkan IKU dan IKI.", "Berlaku sejak ditetapkan."]},
        ["KEDUA ditambahkan: 'Berlaku sejak ditetapkan.'"],
    ),
    "the agency's duty": (
        {"duty": "Membantu bupati"},
        ["Tugas instansi: 'Membantu bupati di bidang komunikasi' → 'Membantu bupati'"],
    ),
}


@pytest.mark.parametrize("changed, expected", CASES.values(), ids=CASES.keys())
def test_each_kind_of_change_reads_as_one_sentence(changed, expected):
    with translation.override("id"):
        changes = changes_between(decree(), decree(**changed))
        assert changes is not None and changes.sentences == expected


def test_without_an_enacted_version_there_is_nothing_to_compare():
    assert changes_between(None, decree()) is None


def test_changes_are_grouped_by_what_they_touch():
    changed = decree(number="800/2/2022", key_rows=BASE["key_rows"][:1], positions={"kadis": KADIS})
    with translation.override("id"):
        groups = changes_between(decree(), changed).groups
        assert [group.title for group in groups] == [
            "Jabatan",
            "Tujuan dan sasaran",
            "Indikator Kinerja Utama (IKU)",
            "Baris halaman IKI",
            "Naskah keputusan",
        ]


def test_a_version_enacted_before_codes_were_kept_is_matched_by_its_words():
    old = decree(keyed=False)
    with translation.override("id"):
        assert changes_between(old, decree()).sentences == []
        assert changes_between(old, decree(key_rows=swapped(BASE["key_rows"]))).sentences == [
            "Tabel IKU: urutan Persentase layanan daring, Indeks keamanan informasi → "
            "Indeks keamanan informasi, Persentase layanan daring"
        ]
        renamed = decree(key_rows=[iku("IKU-1", "Persentase layanan publik daring"), BASE["key_rows"][1]])
        assert changes_between(old, renamed).sentences == [
            "Indikator Persentase layanan daring dihapus",
            "Indikator Persentase layanan publik daring ditambahkan",
        ]


def test_the_seed_decree_compared_with_itself_then_after_a_reorder_and_an_edit(seed):
    plan = get_current_plan(seed)
    enacted = build_decree(plan, 2022)
    assert changes_between(enacted, build_decree(plan, 2022)).groups == []
    rows = list(KeyIndicatorRow.objects.filter(plan=plan).select_related("indicator").order_by("order"))
    rows[0].order, rows[1].order = rows[1].order, rows[0].order
    rows[0].save()
    rows[1].save()
    order = [row.indicator.code for row in rows]
    row = PageIndicator.objects.select_related("indicator").get(
        position__agency=seed, position__code="kasi-tata-kelola", indicator__code="kasi-tata-kelola.O1.I1"
    )
    before, row.printed_data_source = row.data_source, "Laporan Bidang Persandian"
    row.save()
    with translation.override("id"):
        sentences = changes_between(enacted, build_decree(plan, 2022)).sentences
    assert sentences == [
        f"Tabel IKU: urutan {', '.join(order)} → {', '.join(swapped(order))}",
        "Indikator kasi-tata-kelola.O1.I1 di halaman KEPALA SEKSI TATA KELOLA PERSANDIAN: sumber data "
        f"'{before}' → 'Laporan Bidang Persandian'",
    ]
