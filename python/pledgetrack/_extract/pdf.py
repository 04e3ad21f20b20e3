"""The text of a text-based PDF (a report exported from HWP, tables ruled), with pdfplumber.

Per page: the ruled tables (pdfplumber's line strategy: cells are the rectangles the rules
draw, a merged cell one rectangle), and the characters outside them grouped into printed
lines by position. Blocks go top to bottom. Printed lines become paragraphs: a line joins the
one above when it is set at line spacing (closer than ``_JOIN_PITCH`` font sizes), the line
above runs to the right edge of the text (it wrapped, it did not end) and it does not start
with a list marker (-, ①, □, ☞, 1. …). A gap wider than ``_BLANK_PITCH`` sizes is an empty line.
These are heuristics for the layout HWP exports; a multi-column page reads across its columns.
"""

from __future__ import annotations

import re
import statistics
from typing import Any

from .._core import PledgeError

_TABLE_SETTINGS = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}
# Baseline-to-baseline distance, in font sizes: below it a line continues a paragraph (lines
# are set at 1.2-1.6 sizes); above _BLANK_PITCH the page leaves an empty line.
_JOIN_PITCH = 1.6
_BLANK_PITCH = 2.3
# A line that stops this many font sizes short of the text's right edge ended its paragraph.
_RIGHT_EDGE_SLACK = 3.0
_LIST_MARKER = re.compile(r"^(?:[-–·•○●◦□■◇◆▶▷☞※*]|[\u2460-\u2473\u3251-\u325F]|\(?\d{1,2}[.)]\s|[가-힣][.)]\s)")
_OCR = ("run OCR on it first (e.g. ocrmypdf) and read the result / "
        "글자 층이 없는 PDF(스캔 문서)입니다: 먼저 OCR로 글자를 입혀 주세요")
# Bounds on what one document may cost (pdfminer reads in pure Python).
MAX_PAGES = 2000


def extract(name: str) -> str:
    try:
        import pdfplumber
    except ImportError:
        raise PledgeError(
            f"{name}: reading a PDF needs pdfplumber: pip install 'pledgetrack[reports]' / "
            "PDF를 읽으려면 pdfplumber가 필요합니다: pip install 'pledgetrack[reports]'"
        ) from None
    try:
        with pdfplumber.open(name) as pdf:
            if len(pdf.pages) > MAX_PAGES:
                raise PledgeError(f"{name}: a PDF of {len(pdf.pages)} pages, more than the limit of {MAX_PAGES}")
            pages = []
            has_text = False
            for number, page in enumerate(pdf.pages, 1):
                if not page.chars and page.images:
                    raise PledgeError(f"{name}: page {number} has no text layer, only images (scanned?): {_OCR}")
                has_text = has_text or bool(page.chars)
                pages.append(_page_lines(page))
    except PledgeError:
        raise
    except Exception as e:  # pdfminer's many errors: a damaged, truncated or encrypted file
        raise PledgeError(f"{name}: {_reason(e)}") from None
    if not has_text:
        raise PledgeError(f"{name}: the PDF has no text layer (a scanned document?): {_OCR}")
    return "\n\f\n".join("\n".join(lines) for lines in pages)


def _reason(e: Exception) -> str:
    # pdfplumber wraps pdfminer's error in PdfminerException(original).
    while e.args and isinstance(e.args[0], Exception):
        e = e.args[0]
    kind = type(e).__name__
    if "Password" in kind or "Encrypt" in kind:
        return "an encrypted PDF (it needs a password): save an unprotected copy / 암호가 걸린 PDF입니다"
    detail = str(e).strip() or kind
    return f"not a readable PDF (damaged or truncated?): {detail}"


def _cell_text(text: str | None) -> str:
    if not text:
        return ""
    return " ".join(part.strip() for part in text.split("\n") if part.strip())


def _inside(obj: dict[str, Any], boxes: list[tuple[float, float, float, float]]) -> bool:
    x = (obj["x0"] + obj["x1"]) / 2
    y = (obj["top"] + obj["bottom"]) / 2
    return any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)


def _page_lines(page: Any) -> list[str]:
    tables = page.find_tables(_TABLE_SETTINGS)
    boxes = [t.bbox for t in tables]
    text = page.filter(lambda obj: obj.get("object_type") != "char" or not _inside(obj, boxes))
    printed = [line for line in text.extract_text_lines(return_chars=True) if line["text"].strip()]
    right_edge = max((line["x1"] for line in printed), default=0.0)

    blocks: list[tuple[float, str, Any]] = [(line["top"], "line", line) for line in printed]
    blocks += [(t.bbox[1], "table", t) for t in tables]
    blocks.sort(key=lambda b: b[0])

    out: list[str] = []
    previous: dict[str, Any] | None = None  # the printed line above, when no table came between
    for _, kind, block in blocks:
        if kind == "table":
            if out and out[-1]:
                out.append("")
            out.extend("\t".join(_cell_text(cell) for cell in row) for row in block.extract())
            out.append("")
            previous = None
            continue
        line_text = block["text"].strip()
        size = statistics.median(c["size"] for c in block["chars"]) or 1.0
        if previous is not None:
            pitch = block["top"] - previous["top"]
            if (pitch < _JOIN_PITCH * size
                    and previous["x1"] >= right_edge - _RIGHT_EDGE_SLACK * size
                    and not _LIST_MARKER.match(line_text)):
                out[-1] += " " + line_text
                previous = block
                continue
            if pitch > _BLANK_PITCH * size and out and out[-1]:
                out.append("")
        out.append(line_text)
        previous = block
    while out and not out[-1]:
        out.pop()
    while out and not out[0]:
        out.pop(0)
    return out
