import re
import unicodedata

import pytest

from kinerja.core.text import normalise

# text, normalise(text), normalise(text, fold_accents=True)
CASES = [
    ("Persentase  Desa, yang terakses", "persentase desa yang terakses", "persentase desa yang terakses"),
    ("persentase desa yang Terakses", "persentase desa yang terakses", "persentase desa yang terakses"),
    ("  iku  0. ", "iku 0", "iku 0"),
    ("Dokumen RKA-SKPD", "dokumen rka skpd", "dokumen rka skpd"),
    ("Kab. Halmahera Utara (Halut)", "kab halmahera utara halut", "kab halmahera utara halut"),
    ("Capaian 85,5 %", "capaian 85 5 %", "capaian 85 5 %"),
    ("“Indeks” SPBE — 2024…", "indeks spbe 2024", "indeks spbe 2024"),
    ("Baris satu\nbaris\tdua", "baris satu baris dua", "baris satu baris dua"),
    ("", "", ""),
    ("—", "", ""),
    # where the two strengths differ
    ("Kafé", "kafé", "kafe"),
    ("ÉLITE", "élite", "elite"),
    ("kode_akun", "kode_akun", "kode akun"),
    ("ﬁle", "ﬁle", "file"),  # a ligature: kept as written, or read out
    ("Ωmega", "ωmega", "mega"),  # a letter with no ASCII form: kept, or dropped
]


@pytest.mark.parametrize(("text", "words", "folded"), CASES)
def test_normalise_keeps_the_words_and_folds_accents_only_when_asked(text, words, folded):
    assert normalise(text) == words
    assert normalise(text, fold_accents=True) == folded


# The two normalisers as they were before they were merged here (kinerja/performance/consistency.py and
# kinerja/dashboard/selectors.py): each caller's results are unchanged.
def _consistency_before(text: str) -> str:
    return " ".join(re.sub(r"[^\w%]+", " ", text.lower()).split())


def _regency_view_before(name: str) -> str:
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return " ".join(re.sub(r"[^a-z0-9%]+", " ", text).split())


@pytest.mark.parametrize("text", [case[0] for case in CASES] + ["İstanbul", "Straße", "x²", "٣ angka", "a\u00a0b"])
def test_normalise_gives_each_caller_what_its_own_normaliser_gave(text):
    assert normalise(text) == _consistency_before(text)
    assert normalise(text, fold_accents=True) == _regency_view_before(text)
