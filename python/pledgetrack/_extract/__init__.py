"""The text of a published report (공약 추진실적 점검 결과), from its PDF, HWPX or text file.

Governments publish the quarterly pledge check as a document: HWPX (Hangul's zipped XML),
or a PDF made from it. ``extract_text(path)`` gives its text in the form pt.read_report reads
(the form of the seed report's text, shared/seed):

- one line per paragraph (a paragraph wrapped over printed lines is one line), lines joined
  by ``\\n``; an empty line where the document leaves one;
- one line per table row: its cells joined by TAB, one cell per grid column, in reading
  order; a merged cell's text sits in its top-left grid cell and its continuation cells
  (below it for a row span, right of it for a column span) are empty strings, so a row of a
  merged 분야 cell reads ``\\t2-2\\t…``; a line break inside a cell becomes one space;
- paragraphs and tables top to bottom, as printed;
- a page break is a line holding only ``\\f`` (for HWPX: a paragraph with pageBreak, or a new
  section);
- no markup: bold type has no ``**`` (the seed's ``**67.3%**`` reads ``67.3%``).

The kind of file is told by its first bytes, not its name: ``%PDF-`` is a PDF (read with
pdfplumber, from the optional extra ``pip install pledgetrack[reports]``); a zip whose
``mimetype`` is ``application/hwp+zip``, or that holds Contents/section*.xml, is HWPX (read with
the standard library); an OLE2 compound file (D0 CF 11 E0 A1 B1 1A E1) is legacy binary HWP,
refused with a message to save it as HWPX or PDF; anything else is text, decoded as pledge files
are (UTF-8, CP949 or UTF-16, detected by the core).

Every problem is a :class:`PledgeError` naming the file: a corrupt, encrypted or scanned PDF
(no text layer: run OCR first), a zip that is not HWPX, a zip bomb, XML with a DOCTYPE.

공표된 점검 결과 문서(PDF, HWPX, 텍스트)에서 본문을 꺼낸다: 문단은 한 줄, 표의 행은 탭으로 나눈
한 줄(병합된 셀의 나머지 칸은 빈 칸), 쪽 나눔은 ``\\f`` 한 줄. 한글 구 형식(.hwp)은 HWPX나
PDF로 저장해 달라는 오류를 낸다. 스캔한 PDF(글자 층이 없는 PDF)는 먼저 OCR이 필요하다.
"""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

from .. import _core
from .._core import PledgeError

__all__ = ["extract_text", "PAGE_BREAK"]

PAGE_BREAK = "\f"
"""The line between two pages of the extracted text."""

_PDF_SIGNATURE = b"%PDF-"
_OLE2_SIGNATURE = bytes.fromhex("D0CF11E0A1B11AE1")
_ZIP_SIGNATURES = (b"PK\x03\x04", b"PK\x05\x06")  # a local file header; an empty archive
_HEAD_BYTES = 64


def extract_text(path: str | os.PathLike[str]) -> str:
    """The text of the published report at ``path``, in the form described in this module.

    >>> extract_text("2024년 1분기 공약 추진실적 점검 결과.pdf")   # doctest: +SKIP
    '- 민선8기 구청장 공약사항 (2024. 3. 31.기준) -\\n2024년 1분기 추진실적 점검 결과\\n…'
    """
    name = os.fsdecode(path)
    try:
        with open(name, "rb") as f:
            head = f.read(_HEAD_BYTES)
    except OSError as e:
        raise PledgeError(f"cannot open file '{name}': {e.strerror or e}") from None
    kind = _kind(head, name)
    if kind == "pdf":
        from . import pdf

        return pdf.extract(name)
    if kind == "hwpx":
        from . import hwpx

        return hwpx.extract(name)
    if kind == "hwp":
        raise PledgeError(
            f"{name}: a legacy binary HWP file (한글 97–2018 .hwp), which pledgetrack cannot read: "
            "save it as HWPX or PDF in Hangul (파일 > 다른 이름으로 저장 > HWPX 또는 PDF) and read that file / "
            f"'{Path(name).name}'은(는) 구 한글(HWP) 파일이라 읽을 수 없습니다: 한글에서 HWPX 또는 PDF로 저장해 주세요"
        )
    return _core.read_text(Path(name).read_bytes(), name)


def _kind(head: bytes, name: str) -> str:
    """'pdf', 'hwpx', 'hwp' or 'text', from the first bytes of the file."""
    if head.lstrip(b" \t\r\n").startswith(_PDF_SIGNATURE):
        return "pdf"
    if head.startswith(_OLE2_SIGNATURE):
        return "hwp"
    if head.startswith(_ZIP_SIGNATURES):
        if not zipfile.is_zipfile(name):
            raise PledgeError(f"{name}: a damaged zip file (not a readable HWPX document)")
        return "hwpx"  # hwpx.extract says so when the zip is not HWPX
    return "text"
