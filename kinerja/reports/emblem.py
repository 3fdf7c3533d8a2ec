"""The region's emblem in the letterhead: read from storage into the document, and as PNG for Word.

The document carries the emblem's bytes (base64) and kind, so that a frozen document (an enacted decree) prints
the emblem it was enacted with and a stored print's fingerprint changes with the emblem (`reports.stored`). PDF
(WeasyPrint) draws PNG and SVG alike; Word takes raster pictures only, so an SVG is turned into a PNG with
`rsvg-convert` (Debian's librsvg2-bin) when the Word file is rendered. The SVG was checked on upload to draw only
(`core.file_kinds.svg_problem`): nothing in it is fetched or run.
"""

import base64
import subprocess

from kinerja.organisation.models import Region

from .document import Emblem, Letterhead

MEDIA_TYPES = {"png": "image/png", "svg": "image/svg+xml"}
WORD_WIDTH_PX = 600  # the SVG drawn this wide for Word: sharp at the printed 2.2 cm


def emblem_of(region: Region) -> tuple[str, str]:
    """The region's emblem as (base64, "png" or "svg"); ("", "") without one, or when its file is gone."""
    name = region.emblem.name if region.emblem else ""
    kind = name.rpartition(".")[2].lower()
    if kind not in MEDIA_TYPES:
        return "", ""
    try:
        with region.emblem.open("rb") as file:
            content = file.read()
    except OSError:
        return "", ""
    return base64.b64encode(content).decode("ascii"), kind


def data_uri(block: Letterhead | Emblem) -> str:
    return f"data:{MEDIA_TYPES[block.emblem_kind]};base64,{block.emblem}"


def png_bytes(block: Letterhead | Emblem) -> bytes:
    """The emblem as PNG (an SVG drawn by rsvg-convert)."""
    content = base64.b64decode(block.emblem)
    if block.emblem_kind == "png":
        return content
    result = subprocess.run(  # noqa: S603
        ["rsvg-convert", "--format", "png", "--width", str(WORD_WIDTH_PX), "--keep-aspect-ratio"],  # noqa: S607
        input=content,
        capture_output=True,
        check=True,
        timeout=30,
    )
    return result.stdout
