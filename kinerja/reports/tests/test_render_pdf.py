"""The PDF renderer remembers what it printed: the same HTML is the same bytes, a change is printed again."""

from kinerja.reports import render_pdf
from kinerja.reports.document import Document, Paragraph, Section, Text

from .readback import pdf_text


def letter(body: str) -> Document:
    return Document(
        "Surat", "surat", [Section([Paragraph([Text("SURAT EDARAN", bold=True)]), Paragraph([Text(body)])])]
    )


def test_the_same_document_is_the_same_bytes_as_weasyprint_prints_them_and_printed_once():
    render_pdf.forget()
    remembered = render_pdf.render_pdf(letter("Rapat evaluasi hari Senin."))
    # what is remembered is what WeasyPrint prints, byte for byte: it is deterministic, which is what makes
    # remembering sound
    assert remembered == render_pdf.render_pdf(letter("Rapat evaluasi hari Senin."), fresh=True)
    again = render_pdf.render_pdf(letter("Rapat evaluasi hari Senin."))
    assert again is remembered  # not printed a second time
    assert "Rapat evaluasi hari Senin." in pdf_text(again)


def test_a_change_of_a_word_is_printed_anew():
    render_pdf.forget()
    first = render_pdf.render_pdf(letter("Rapat evaluasi hari Senin."))
    changed = render_pdf.render_pdf(letter("Rapat evaluasi hari Selasa."))
    assert changed != first
    assert "hari Selasa." in pdf_text(changed) and "hari Senin." not in pdf_text(changed)
    assert "hari Senin." in pdf_text(render_pdf.render_pdf(letter("Rapat evaluasi hari Senin.")))


def test_what_is_remembered_is_bounded_oldest_out(monkeypatch):
    render_pdf.forget()
    monkeypatch.setattr(render_pdf, "REMEMBERED", 2)
    first = render_pdf.render_pdf(letter("Satu."))
    render_pdf.render_pdf(letter("Dua."))
    render_pdf.render_pdf(letter("Tiga."))
    assert len(render_pdf._printed) == 2
    again = render_pdf.render_pdf(letter("Satu."))  # forgotten: printed again, to the same bytes
    assert again == first and again is not first
    render_pdf.forget()
