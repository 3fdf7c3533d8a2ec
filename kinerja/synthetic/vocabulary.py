"""The words and the calendar of a synthetic region: agency names, topics, the indicators every agency
may share, the plan years."""

import datetime

FIRST_YEAR, LAST_YEAR = 2021, 2026
# The last quarter with actuals: the plan's last year up to its third quarter (the fourth is still open).
LAST_ACTUAL = (2026, 3)
DEFAULT_PASSWORD = "kinerja-sintetis-2026"  # noqa: S105 (synthetic users of a benchmark database)
BATCH = 2000
START = datetime.date(2021, 1, 4)
PDF_HEAD = b"%PDF-1.4\n1 0 obj<<>>endobj\n"

AGENCY_NAMES = [
    ("Dinas Pendidikan", "Disdik"),
    ("Dinas Kesehatan", "Dinkes"),
    ("Dinas Pekerjaan Umum dan Penataan Ruang", "DPUPR"),
    ("Dinas Sosial", "Dinsos"),
    ("Dinas Perumahan dan Kawasan Permukiman", "Disperkim"),
    ("Satuan Polisi Pamong Praja", "Satpol PP"),
    ("Dinas Tenaga Kerja", "Disnaker"),
    ("Dinas Pemberdayaan Perempuan dan Perlindungan Anak", "DP3A"),
    ("Dinas Ketahanan Pangan", "Disketapang"),
    ("Dinas Lingkungan Hidup", "DLH"),
    ("Dinas Kependudukan dan Pencatatan Sipil", "Disdukcapil"),
    ("Dinas Pemberdayaan Masyarakat dan Desa", "DPMD"),
    ("Dinas Pengendalian Penduduk dan Keluarga Berencana", "DPPKB"),
    ("Dinas Perhubungan", "Dishub"),
    ("Dinas Komunikasi dan Informatika", "Diskominfo"),
    ("Dinas Koperasi dan Usaha Kecil Menengah", "Diskop UKM"),
    ("Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "DPMPTSP"),
    ("Dinas Kepemudaan dan Olahraga", "Dispora"),
    ("Dinas Perpustakaan dan Kearsipan", "Dispusip"),
    ("Dinas Perikanan", "Diskan"),
    ("Dinas Pariwisata", "Dispar"),
    ("Dinas Pertanian", "Distan"),
    ("Dinas Perindustrian dan Perdagangan", "Disperindag"),
    ("Dinas Kebudayaan", "Disbud"),
    ("Dinas Pemadam Kebakaran", "Damkar"),
    ("Badan Perencanaan Pembangunan Daerah", "Bappeda"),
    ("Badan Pengelolaan Keuangan dan Aset Daerah", "BPKAD"),
    ("Badan Pendapatan Daerah", "Bapenda"),
    ("Badan Kepegawaian dan Pengembangan SDM", "BKPSDM"),
    ("Badan Penanggulangan Bencana Daerah", "BPBD"),
    ("Badan Kesatuan Bangsa dan Politik", "Kesbangpol"),
    ("Inspektorat Daerah", "Inspektorat"),
    ("Sekretariat Daerah", "Setda"),
    ("Sekretariat DPRD", "Setwan"),
    ("Rumah Sakit Umum Daerah", "RSUD"),
    ("Kecamatan Kota", "Kec. Kota"),
    ("Kecamatan Utara", "Kec. Utara"),
    ("Kecamatan Selatan", "Kec. Selatan"),
    ("Kecamatan Timur", "Kec. Timur"),
    ("Kecamatan Barat", "Kec. Barat"),
]
TOPICS = [
    "layanan perizinan",
    "dokumen perencanaan",
    "kegiatan sosialisasi",
    "sarana dan prasarana",
    "aduan masyarakat",
    "data statistik sektoral",
    "pelatihan aparatur",
    "kerja sama daerah",
    "inovasi daerah",
    "pengawasan lapangan",
    "laporan keuangan",
    "aset daerah",
    "kelompok masyarakat",
    "desa binaan",
    "usaha mikro",
    "sekolah",
    "puskesmas",
    "ruas jalan",
    "jaringan irigasi",
    "rumah tidak layak huni",
    "peserta pelatihan",
    "arsip daerah",
    "sampah terkelola",
    "kawasan wisata",
    "produk unggulan",
    "layanan daring",
    "pegawai",
    "regulasi daerah",
    "kejadian bencana",
    "penerima bantuan",
    "kunjungan perpustakaan",
    "nelayan",
    "petani",
    "pasar daerah",
    "atlet berprestasi",
]
# (name, formula, unit, polarity, quarter rule, numerator, denominator): names every agency may share
SHARED = [
    ("Nilai SAKIP perangkat daerah", "value", "Nilai", "higher", "last", "", ""),
    ("Persentase realisasi anggaran", "ratio", "Persen", "higher", "last", "Realisasi anggaran", "Pagu anggaran"),
    ("Indeks kepuasan masyarakat", "value", "Indeks", "higher", "average", "", ""),
    (
        "Persentase temuan pemeriksaan yang ditindaklanjuti",
        "ratio",
        "Persen",
        "higher",
        "last",
        "Jumlah temuan yang ditindaklanjuti",
        "Jumlah temuan",
    ),
    ("Jumlah dokumen perencanaan dan pelaporan", "count", "Dokumen", "higher", "sum", "", ""),
    (
        "Persentase pegawai yang mengikuti pengembangan kompetensi",
        "ratio",
        "Persen",
        "higher",
        "last",
        "Jumlah pegawai yang mengikuti pengembangan kompetensi",
        "Jumlah pegawai",
    ),
    ("Rata-rata waktu penyelesaian layanan", "value", "Hari", "lower", "average", "", ""),
    ("Jumlah pengaduan yang belum diselesaikan", "count", "Aduan", "lower", "sum", "", ""),
    ("Nilai indeks reformasi birokrasi", "value", "Nilai", "range", "last", "", ""),
    ("Persentase aset yang tercatat", "ratio", "Persen", "higher", "average", "Jumlah aset tercatat", "Jumlah aset"),
]
COUNT_VERBS = ["Jumlah", "Banyaknya"]
RATIO_WORDS = ["Persentase", "Rasio"]
VALUE_WORDS = ["Indeks", "Nilai", "Rata-rata"]
FUNCTIONS = [
    "Penyusunan rencana kerja dan anggaran {unit}",
    "Pelaksanaan kebijakan teknis di lingkup {unit}",
    "Pemantauan, evaluasi dan pelaporan pelaksanaan tugas {unit}",
    "Pembinaan dan pengawasan pegawai {unit}",
    "Koordinasi dengan unit kerja lain terkait fungsi {unit}",
]
CHAPTERS = [
    ("foreword", "KATA PENGANTAR"),
    ("chapter_1", "BAB I PENDAHULUAN"),
    ("chapter_2", "BAB II INDIKATOR KINERJA"),
    ("chapter_3", "BAB III PENUTUP"),
]
