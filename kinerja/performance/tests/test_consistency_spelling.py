"""Ejaan (consistency/spelling.py): Debian's hunspell-id and the project's word list on small hand-made texts —
another agency's decree (a health office) — and, on the seed, every misspelt word it reports and no other."""

import datetime
import re

import pytest

from kinerja.performance.consistency import WARNING, check_agency
from kinerja.performance.consistency.spelling import (
    WORD_LIST,
    dictionary,
    is_known,
    misplaced_marks,
    project_words,
    repeated_runs,
    standard_forms,
    suggest,
)
from kinerja.performance.tests.decree_breaks import CHAPTER_1, make_decree
from kinerja.performance.tests.test_consistency import Small, found
from kinerja.strategy.models import Decree, DecreeChapter, DecreeClause


@pytest.fixture
def small(db) -> Small:
    return Small()


def test_the_dictionary_is_installed():
    """system-packages.txt installs hunspell-id; without it the pass would report nothing."""
    assert dictionary() is not None
    assert dictionary() is dictionary()  # read once per process


@pytest.mark.parametrize(
    ("word", "known"),
    [
        ("pembangunan", True),
        ("Kesehatan", True),
        ("PUSKESMAS", True),  # capitals: the dictionary's word
        ("SAKIP", True),  # an acronym of up to 5 capitals is not checked
        ("Iii", True),  # "Bab Iii": a Roman numeral, title cased
        ("binaan", True),  # the word list: "desa binaan"
        ("Dinkes", True),
        ("Renstra", True),  # the word list
        ("Halmahera", True),
        ("Perundang-Undangan", True),  # each part capitalised in a title
        ("e-Government", True),
        ("pembanguan", False),
        ("KOMUNKASI", False),
        ("RESTRA", False),  # six capitals: checked
        ("e-Goverment", False),
        ("telephone", False),  # not standard Indonesian: reported (telepon)
    ],
)
def test_a_word_is_known_to_the_dictionary_or_the_word_list(word, known):
    assert is_known(word) is known


@pytest.mark.parametrize(
    ("word", "vocabulary", "suggested"),
    [
        ("bawahandi", ["bawahan", "di"], "bawahan di"),  # two words run together, both in the decree
        ("dikemudian", [], "di kemudian"),
        ("Kepegawaiaan", ["kepegawaian"], "Kepegawaian"),
        ("Pelaksanaaan", [], "Pelaksanaan"),  # a doubled letter too many
        ("KOMUNKASI", ["komunikasi"], "KOMUNIKASI"),
        ("Dearah", ["daerah"], "Daerah"),  # two letters swapped
        ("puskesms", [], "puskesmas"),  # a missing letter, from the dictionary
        ("sewaktu-waktud", [], "sewaktu-waktu"),
        ("analisa", [], "analisis"),  # the word list's standard form
        ("uu", [], "UU"),  # an acronym written small
    ],
)
def test_the_suggested_word(word, vocabulary, suggested):
    assert suggest(word, {entry: entry for entry in vocabulary}) == suggested


@pytest.mark.parametrize(
    ("text", "runs"),
    [
        ("Seksi Pengelolaan Pengelolaan Data Kesehatan", ["Pengelolaan"]),
        ("pengamanan informasi di lingkungan di lingkungan puskesmas", ["di lingkungan"]),
        ("jumlah desa seluruhnya seluruhnya, yang dihitung", ["seluruhnya"]),
        ("Undang - Undang Nomor 36 Tahun 2009 tentang Kesehatan", []),  # a dash between
        ("1.2 Dasar Hukum\nDasar Hukum penyusunan IKU adalah:", []),  # a heading and its paragraph
        ("kura-kura dan anak-anak", []),  # reduplication
        ("huruf a a", []),
    ],
)
def test_a_word_typed_twice(text, runs):
    assert repeated_runs(text) == runs


@pytest.mark.parametrize(
    ("text", "marks"),
    [
        ("pelayanan kesehatan,Penguatan kapasitas;dan", ["kesehatan,Penguatan", "kapasitas;dan"]),
        ("a. Undang-Undang Nomor 36 Tahun 2009 ; b. Peraturan Daerah ;", ["Daerah ;"]),  # after a number: not read
        ("Dinas Kesehatan ,Kabupaten Uji", ["Kesehatan ,"]),
        ("capaian 1,5 persen; target 2,0", []),  # decimals and a correct semicolon
        ("Puskesmas ; dan", ["Puskesmas ;"]),
    ],
)
def test_commas_and_semicolons_with_spaces_misplaced(text, marks):
    assert misplaced_marks(text) == marks


def test_the_word_list_holds_only_what_the_dictionary_lacks():
    """An entry the dictionary already knows is dead weight; a standard form must itself be correct, and a
    non-standard spelling must not also be accepted."""
    assert project_words() and standard_forms()
    hunspell = dictionary()
    assert [word for word in project_words() if "-" not in word and hunspell.lookup(word)] == []
    assert all(hunspell.lookup(right) for right in standard_forms().values())
    assert not set(standard_forms()) & project_words()
    assert WORD_LIST.read_text(encoding="utf-8").endswith("\n")


def _decree(small: Small, *, consideration: str, chapter: str) -> Decree:
    decree = Decree.objects.create(
        plan=small.plan,
        year=2022,
        number="440/12/2022",
        date=datetime.date(2022, 1, 10),
        place="Tobelo",
        title="Keputusan Kepala Dinas Uji",
        subject="Indikator Kinerja Utama dan Indikator Kinerja Individu",
        signatory=small.head,
    )
    DecreeClause.objects.create(decree=decree, kind="consideration", order=1, text=consideration)
    DecreeChapter.objects.create(decree=decree, kind="chapter_1", order=1, title="BAB I PENDAHULUAN", body=chapter)
    return decree


def test_a_correct_decree_has_no_finding(small):
    """Acronyms, place names, the government's vocabulary: nothing reported."""
    _decree(
        small,
        consideration="Bahwa untuk melaksanakan ketentuan Pasal 4 Peraturan Menteri PANRB tentang SAKIP, perlu "
        "menetapkan Indikator Kinerja Utama Dinas Uji Kabupaten Halmahera Utara;",
        chapter="1.1 Latar Belakang\n\nRenstra Dinas Uji memuat sasaran strategis yang terukur, sesuai RPJMD, "
        "dan terintegrasi dengan SPBE (http://www.uji.go.id/renstra).",
    )
    assert [f for f in small.report().findings if f.check == "ejaan"] == []


def test_each_misspelt_word_once_with_its_places_and_the_suggestion(small):
    _decree(
        small,
        consideration="Bahwa berdasarkan pertimbangan sebgaimana dimaksud dalam huruf a, perlu menetapkan "
        "Keputusan Kepala Dinas;",
        chapter="Indikator kinerja disusun sebgaimana mestinya untuk mengukur keberhasilan pelayanan kesehatan dasar.",
    )
    [finding] = found(small.report(), "ejaan-kata")
    assert finding.level == WARNING
    assert finding.message.startswith(
        "Kata “sebgaimana” tidak ada dalam kamus (2 kali); mungkin maksudnya “sebagaimana”"
    )
    assert [place.label for place in finding.places] == ["Keputusan, Menimbang a", "Keputusan, BAB I PENDAHULUAN"]
    assert all(place.url == "/instansi/uji-dinas/dokumen/" for place in finding.places)
    assert finding.fix.startswith("Tulis “sebagaimana” di setiap tempatnya.")


def test_a_misspelt_word_of_the_agencys_name_is_reported_once_by_the_names_check(small):
    """ "Dinsa Uji" is the agency's name printed otherwise: nama-unit reports it with the name it should read, and
    the spelling pass leaves that word there to it — but not the same word elsewhere ("Kepala Dinsa.")."""
    chapter = CHAPTER_1.replace("Dinas Uji Kabupaten Uji dipimpin oleh seorang Kepala Dinas.", "")
    make_decree(small, chapter_1=chapter + "\n\nDinsa Uji Kabupaten Uji dipimpin oleh seorang Kepala Dinsa.")
    report = small.report()
    [name] = found(report, "nama-instansi-berbeda")
    assert name.message.startswith("Nama instansi ditulis “Dinsa Uji” di BAB I PENDAHULUAN, bukan “Dinas Uji”")
    [word] = found(report, "ejaan-kata")
    assert word.message.startswith("Kata “Dinsa” tidak ada dalam kamus; mungkin maksudnya “Dinas”: “…")
    assert "Kepala Dinsa." in word.message


# -- the seed ----------------------------------------------------------------------------------------------------

# Every misspelt word the pass reports on the seed, with its suggestion — each checked by hand against the seed
# text (data/README.md, "Ejaan"); a new word here is a new finding to check, a word gone is a finding lost. The
# misprints of the agency's and the region's names ("KOMUNKASI", "Halmaera", "Utra") are reported by nama-unit.
SEED_MISSPELT = {
    "persandiman": "persandian", "Kepegawaiaan": "Kepegawaian", "Kemanan": "Keamanan",
    "Mengkoordinasikan": "Mengoordinasikan", "dilingkungan": "di lingkungan",
    "penyelenggaraanbidang": "penyelenggaraan bidang", "kesekertariatan": "kesekretariatan",
    "bawahandi": "bawahan di", "kerumah": "ke rumah", "tanggaan": "tanggapan", "pelaporansesuai": "pelaporan sesuai",
    "Mengoordinasikaan": "Mengoordinasikan", "dimasa": "di masa", "asset": "aset", "telephone": "telepon",
    "lainyang": "lain yang", "survey": "survei", "public": "publik", "analisa": "analisis", "uu": "UU",
    "Menetapkasn": "Menetapkan", "pengeloaan": "pengelolaan", "e-Goverment": "e-Government",
    "organisi": "organisasi", "pemerinah": "pemerintah", "Kabupate": "Kabupaten", "pengambangan": "pengembangan",
    "tekhnis": "teknis", "sewaktu-waktud": "sewaktu-waktu", "iperlukan": "diperlukan", "layananan": "layanan",
    "Berabasis": "Berbasis", "Operasioalisasi": "Operasionalisasi", "Inforomasi": "Informasi",
    "jaringa": "jaringan", "perioritas": "prioritas", "Pelaksanaaan": "Pelaksanaan", "RESTRA": "RENSTRA",
    "Casscading": "Cascading", "Persentasi": "Persentase", "Meningkatny": "Meningkatnya",
    "sebgaimana": "sebagaimana", "sebagimana": "sebagaimana", "dikemudian": "di kemudian",
    "pembentulan": "pembentukan", "pembanguan": "pembangunan", "Terselengaraannya": "",
    "efektifitas": "efektivitas", "transparasi": "transparansi", "pemerintahaan": "pemerintahan",
    "starategi": "strategi", "prioroitas": "prioritas", "Derah": "Daerah", "Dearah": "Daerah", "Mediun": "Madiun",
    "keberhasialan": "keberhasilan", "sehinga": "sehingga", "mensukseskan": "menyukseskan",
}  # fmt: skip


def test_the_seeds_misspelt_words_and_no_other(seed):
    report = check_agency(seed)
    reported = {}
    for finding in found(report, "ejaan-kata"):
        word = re.match(r"Kata “([^”]+)”", finding.message).group(1)
        suggestion = re.search(r"maksudnya “([^”]+)”", finding.message)
        reported[word] = suggestion.group(1) if suggestion else ""
    assert reported == SEED_MISSPELT
    names = " ".join(f.message for f in found(report, "nama-instansi-berbeda") + found(report, "nama-daerah-berbeda"))
    assert all(word in names for word in ("KOMUNKASI", "Halmaera", "Utra"))
    assert [f.message.split("”")[0].lstrip("“") for f in found(report, "spasi-tanda-baca")] == [
        "media,Penguatan",
        "fungsinya;dan",
        "Integrasi ;",
        "Kabupaten;dan",
        "fasilitasi,asistensi",
        "Publik,Pengelolaan",
        "Daerah ;",
        "Undangan ;",
        "Pembangunan ;",
        "Kota ;",
        "Dearah ;",
        "Komunikasi ,",
    ]
    assert sorted(f.message.split("”")[0].lstrip("“") for f in found(report, "kata-berulang")) == [
        "Mempunyai tugas Mempunyai tugas",
        "Pengelolaan Pengelolaan",
        "di lingkungan di lingkungan",
        "seluruhnya seluruhnya",
    ]
