"""Any Document as PDF: its HTML (render_html) printed by WeasyPrint with the fonts installed on the machine.

WeasyPrint is deterministic — the same HTML gives the same bytes, every time — and slow (a decree is 2–3 s of
CPU, nearly all of it laying out the text: the cascade is a fifth, parsing the stylesheet 10 ms). So the process
remembers the PDFs of the last HTML it printed, keyed by a hash of the whole HTML (every word, the stylesheet, the
paper, the emblem's bytes): the same document asked again — the public decree and the documents page's decree of
the same version, a print that storage could not keep (reports.stored), the test suite's many downloads of the
seed decree — is the same bytes without printing it again. Anything that changes what is printed changes the HTML,
and so the key. What is kept is bounded (REMEMBERED entries, REMEMBERED_BYTES in all), least recently used first
out.
"""

import hashlib
import threading
from collections import OrderedDict

from .document import Document
from .render_html import render_html

REMEMBERED = 16
REMEMBERED_BYTES = 32 * 1024 * 1024

_printed: OrderedDict[str, bytes] = OrderedDict()
_lock = threading.Lock()


def render_pdf(document: Document, *, fresh: bool = False) -> bytes:
    """The document as PDF; `fresh` prints it even when the same HTML was printed before (the benchmark)."""
    html = render_html(document)
    return render_pdf_of_html(html) if fresh else _remembered(html)


def render_pdf_of_html(html: str) -> bytes:
    """WeasyPrint alone on ready HTML, never remembered: what the benchmark compares building a document against."""
    from weasyprint import HTML  # imported here: loading pango costs time that pages without PDF need not pay

    return HTML(string=html).write_pdf()


def _remembered(html: str) -> bytes:
    key = hashlib.sha256(html.encode()).hexdigest()
    with _lock:
        if key in _printed:
            _printed.move_to_end(key)
            return _printed[key]
    content = render_pdf_of_html(html)  # outside the lock: two different documents print side by side
    with _lock:
        _printed[key] = content
        _printed.move_to_end(key)
        while len(_printed) > REMEMBERED or (len(_printed) > 1 and sum(map(len, _printed.values())) > REMEMBERED_BYTES):
            _printed.popitem(last=False)
    return content


def forget() -> None:
    """Forget every remembered PDF (a test that must see WeasyPrint print)."""
    with _lock:
        _printed.clear()
