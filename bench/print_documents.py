"""Benchmark: printing the documents of the built-in agency, against WeasyPrint alone on the same HTML.

Run with `make bench-print` (or `.venv/bin/python bench/print_documents.py`). For every document it measures
the queries of building it, the median of N runs of building + rendering it as PDF, and of WeasyPrint rendering
the same ready HTML; the ratio of the two is the cost of Kinerja's part. Writes bench/results/print.json and the
table of bench/README.md between its markers.
"""

import json
import os
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from kinerja.organisation.models import Agency  # noqa: E402
from kinerja.reports.catalogue import KINDS, DocumentUnavailable, Request, build_document  # noqa: E402
from kinerja.reports.render_html import render_html  # noqa: E402
from kinerja.reports.render_pdf import render_pdf, render_pdf_of_html  # noqa: E402
from kinerja.strategy.selectors import get_current_plan  # noqa: E402

RUNS = int(os.environ.get("BENCH_RUNS", "3"))
README = ROOT / "bench" / "README.md"
START, END = "<!-- print:start -->", "<!-- print:end -->"


def timed(function) -> float:
    begin = time.perf_counter()
    function()
    return time.perf_counter() - begin


def main() -> None:
    agency = Agency.objects.get(code="halut-diskominfo")
    plan = get_current_plan(agency)
    request = Request(agency, plan, 2022, 2, None)
    results = []
    for kind in KINDS.values():
        try:
            with CaptureQueriesContext(connection) as queries:
                document = build_document(kind, request)
        except DocumentUnavailable as reason:  # e.g. the LKE before any evaluation is final
            print(f"{kind.label}: not printed ({reason})")
            continue
        html = render_html(document)
        pages = render_pdf(document, fresh=True).count(b"/Type /Page\n") or None
        full = statistics.median(
            timed(lambda kind=kind: render_pdf(build_document(kind, request), fresh=True)) for _ in range(RUNS)
        )
        alone = statistics.median(timed(lambda html=html: render_pdf_of_html(html)) for _ in range(RUNS))
        results.append(
            {
                "document": kind.label,
                "queries": len(queries.captured_queries),
                "pages": pages,
                "seconds": round(full, 3),
                "weasyprint_seconds": round(alone, 3),
                "ratio": round(full / alone, 2),
            }
        )
        print(
            f"{kind.label}: {len(queries)} queries, {full:.2f} s, WeasyPrint alone {alone:.2f} s, "
            f"ratio {full / alone:.2f}"
        )
    machine = f"{platform.machine()}, {os.cpu_count()} CPU, Python {platform.python_version()}, {connection.vendor}"
    (ROOT / "bench" / "results").mkdir(exist_ok=True)
    (ROOT / "bench" / "results" / "print.json").write_text(
        json.dumps({"machine": machine, "runs": RUNS, "results": results}, indent=2, ensure_ascii=False) + "\n"
    )
    lines = [
        START,
        f"Machine: {machine}; median of {RUNS} runs.",
        "",
        "| document | queries | seconds (build + PDF) | WeasyPrint alone | ratio |",
        "|---|---:|---:|---:|---:|",
    ]
    lines += [
        f"| {r['document']} | {r['queries']} | {r['seconds']} | {r['weasyprint_seconds']} | {r['ratio']} |"
        for r in results
    ]
    lines.append(END)
    text = README.read_text() if README.exists() else ""
    if START in text:
        text = text[: text.index(START)] + "\n".join(lines) + text[text.index(END) + len(END) :]
    else:
        text += "\n## Printing documents\n\n" + "\n".join(lines) + "\n"
    README.write_text(text)


if __name__ == "__main__":
    main()
