"""A consistent decree for the small agency of `test_consistency.py`, and the breaks that make each check of the
decree's texts fire (families sitasi, struktur-keputusan, nama-unit): hand-made texts of an imaginary regency
("Kabupaten Uji"), not the seed's sentences."""

import datetime

from kinerja.organisation.models import Unit
from kinerja.performance.consistency import ERROR, WARNING
from kinerja.strategy.models.decree import Decree, DecreeChapter, DecreeClause

SUBJECT = "INDIKATOR KINERJA UTAMA (IKU) DINAS UJI TAHUN 2022"
CONSIDERATIONS = [
    "bahwa untuk mengukur kinerja Dinas Uji diperlukan Indikator Kinerja Utama;",
    "bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu ditetapkan Keputusan Kepala Dinas Uji "
    "tentang Indikator Kinerja Utama (IKU);",
]
LEGAL_BASES = [
    "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah (Lembaran Negara Republik Indonesia Tahun 2014 "
    "Nomor 244, Tambahan Lembaran Negara Republik Indonesia Nomor 5587);",
    "Peraturan Daerah Kabupaten Uji Nomor 3 Tahun 2016 tentang Pembentukan dan Susunan Perangkat Daerah (Lembaran "
    "Daerah Kabupaten Uji Tahun 2016 Nomor 3);",
]
DICTUMS = [
    ("KESATU", "Indikator Kinerja Utama Dinas Uji sebagaimana tersebut dalam Lampiran Keputusan ini."),
    ("KEDUA", "Indikator Kinerja Utama sebagaimana dimaksud pada Diktum KESATU digunakan untuk perencanaan."),
    ("KETIGA", "Keputusan ini mulai berlaku sejak tanggal ditetapkan."),
]
CHAPTER_1 = (
    "1.1 Dasar Hukum\n\n"
    "Dasar hukum penyusunan Indikator Kinerja Utama adalah:\n"
    "a. Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah;\n"
    "b. Peraturan Daerah Kabupaten Uji Nomor 3 Tahun 2016 tentang Pembentukan dan Susunan Perangkat Daerah.\n\n"
    "Dinas Uji Kabupaten Uji dipimpin oleh seorang Kepala Dinas. Renstra Dinas Uji disusun untuk masa 6 (enam) "
    "tahun yaitu 2021-2026."
)


def make_decree(small, **changes) -> Decree:
    """The small agency's decree of 2022, consistent unless `changes` say otherwise (subject, considerations,
    legal_bases, dictums, chapter_1)."""
    texts = {
        "subject": SUBJECT,
        "considerations": CONSIDERATIONS,
        "legal_bases": LEGAL_BASES,
        "dictums": DICTUMS,
        "chapter_1": CHAPTER_1,
    } | changes
    decree = Decree.objects.create(
        plan=small.plan,
        year=2022,
        number="050/1/2022",
        date=datetime.date(2022, 2, 1),
        place="Uji",
        title="KEPUTUSAN KEPALA DINAS UJI KABUPATEN UJI",
        subject=texts["subject"],
        signatory=small.head,
    )
    clauses = [
        (DecreeClause.Kind.CONSIDERATION, str(order), text) for order, text in enumerate(texts["considerations"], 1)
    ]
    clauses += [(DecreeClause.Kind.LEGAL_BASIS, str(order), text) for order, text in enumerate(texts["legal_bases"], 1)]
    clauses += [(DecreeClause.Kind.DICTUM, label, text) for label, text in texts["dictums"]]
    for order, (kind, number, text) in enumerate(clauses, 1):
        DecreeClause.objects.create(decree=decree, kind=kind, order=order, number=number, text=text)
    DecreeChapter.objects.create(
        decree=decree, kind=DecreeChapter.Kind.CHAPTER_1, order=1, title="BAB I PENDAHULUAN", body=texts["chapter_1"]
    )
    return decree


def _unit_named_otherwise(small) -> None:
    unit = Unit.objects.create(
        agency=small.agency,
        code="bidang-1",
        kind=Unit.Kind.DIVISION,
        name="Bidang Layanan Perizinan",
        parent=small.unit,
    )
    small.staff.unit = unit
    small.staff.save(update_fields=["unit"])


def _unit_written_otherwise_in_chapter_1(small) -> None:
    _unit_named_otherwise(small)
    small.staff.title = "Kepala Bidang Layanan Perizinan"
    small.staff.save(update_fields=["title"])
    make_decree(small, chapter_1=CHAPTER_1 + "\n\nBidang Layanan Perijinan Terpadu dipimpin oleh seorang Kepala.")


def _number_with_spaces(small) -> None:
    decree = make_decree(small)
    decree.number = "050/ 1 /2022"
    decree.save(update_fields=["number"])


PDA_2016 = "Peraturan Daerah Kabupaten Uji Nomor {} Tahun 2016 tentang Pembentukan dan Susunan Perangkat Daerah;"

DECREE_BREAKS = {
    "peraturan-nomor-berbeda": (lambda s: make_decree(s, chapter_1=CHAPTER_1.replace("Nomor 3", "Nomor 5")), ERROR),
    "peraturan-ganda": (lambda s: make_decree(s, legal_bases=[*LEGAL_BASES, LEGAL_BASES[0]]), WARNING),
    "peraturan-ditulis-berbeda": (
        lambda s: make_decree(s, chapter_1=CHAPTER_1.replace("Pembentukan dan Susunan", "Susunan Organisasi")),
        WARNING,
    ),
    "nomor-kosong": (
        lambda s: make_decree(s, legal_bases=[LEGAL_BASES[0], LEGAL_BASES[1].replace("Nomor 3);", "Nomor);")]),
        ERROR,
    ),
    "sitasi-tidak-baku": (
        lambda s: make_decree(
            s, legal_bases=[*LEGAL_BASES, "Peraturan Pemerintahan Nomor 8 Tahun 2008 tentang Tahapan;"]
        ),
        WARNING,
    ),
    "peraturan-daerah-lain": (
        lambda s: make_decree(s, legal_bases=[*LEGAL_BASES, PDA_2016.format(3).replace("Kabupaten Uji", "Kota Lain")]),
        ERROR,
    ),
    "peraturan-bukan-yang-berlaku": (
        lambda s: make_decree(s, legal_bases=[LEGAL_BASES[0].replace("Nomor 23 Tahun 2014", "Nomor 32 Tahun 2004")]),
        WARNING,
    ),
    "diktum-tidak-ada": (
        lambda s: make_decree(s, dictums=[DICTUMS[0], (DICTUMS[1][0], DICTUMS[1][1].replace("KESATU", "Pertama"))]),
        ERROR,
    ),
    "lama-periode-tidak-cocok": (
        lambda s: make_decree(s, chapter_1=CHAPTER_1.replace("6 (enam)", "5 (lima)")),
        WARNING,
    ),
    "rpjmd-tidak-mencakup": (
        lambda s: make_decree(
            s,
            legal_bases=[
                *LEGAL_BASES,
                "Peraturan Daerah Kabupaten Uji Nomor 2 Tahun 2016 tentang Rencana Pembangunan Jangka Menengah Daerah "
                "Tahun 2016-2021;",
            ],
        ),
        WARNING,
    ),
    "judul-tidak-sesuai-menimbang": (
        lambda s: make_decree(s, subject=SUBJECT.replace("(IKU)", "(IKU) DAN INDIKATOR KINERJA INDIVIDU (IKI)")),
        WARNING,
    ),
    "nama-jabatan-beda-unit": (_unit_named_otherwise, WARNING),
    "nomor-keputusan-tidak-baku": (_number_with_spaces, WARNING),
    "huruf-judul-campuran": (lambda s: make_decree(s, subject=SUBJECT.replace("DINAS UJI", "Dinas Uji")), WARNING),
    "tanda-baca-butir": (lambda s: make_decree(s, legal_bases=[LEGAL_BASES[0][:-1] + ".", LEGAL_BASES[1]]), WARNING),
    "kurung-tidak-lengkap": (
        lambda s: make_decree(s, chapter_1=CHAPTER_1.replace("1.1 Dasar Hukum", "1.1 Dasar Hukum (IKU")),
        WARNING,
    ),
    "nama-unit-bab-i": (_unit_written_otherwise_in_chapter_1, WARNING),
    "nama-instansi-berbeda": (
        lambda s: make_decree(s, chapter_1=CHAPTER_1.replace("Renstra Dinas Uji", "Renstra Dinas Uju")),
        WARNING,
    ),
    "nama-daerah-berbeda": (
        lambda s: make_decree(s, chapter_1=CHAPTER_1.replace("Kabupaten Uji dipimpin", "Kabupaten Ujii dipimpin")),
        WARNING,
    ),
}
