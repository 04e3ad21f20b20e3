"""The text of an HWPX document (OWPML, KS X 6101: Hangul's zipped XML), with the standard library.

The sections are read in the order of the spine of Contents/content.hpf (their number when the
package has none). In a section, each top-level paragraph (hp:p) is a line (a hp:lineBreak
inside it starts another); a table (hp:tbl, anchored in a paragraph's run) is a grid of
rowCnt × colCnt cells, each hp:tc placed by its hp:cellAddr and covering hp:cellSpan's
rowSpan × colSpan, the covered cells empty. A paragraph with pageBreak="1", and each section
after the first, starts a new page. Headers, footers, footnotes and drawing objects are not
body text and are left out.

Elements are matched by local name, so both namespaces in use read: Hancom's
(http://www.hancom.co.kr/hwpml/2011/paragraph, prefix hp) and the 2024 standard's
(http://www.owpml.org/owpml/2024/paragraph).

Hostile files are refused with a PledgeError naming the file: more than ``MAX_MEMBERS``
members, a member larger than ``MAX_MEMBER_BYTES`` or all together larger than
``MAX_TOTAL_BYTES`` uncompressed (a zip bomb), XML with a DOCTYPE (entity expansion: an HWPX
document never declares entities), a table grid above ``MAX_TABLE_CELLS``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
import xml.parsers.expat
import zipfile
import zlib
from typing import Iterator

from .._core import PledgeError

MAX_MEMBERS = 10_000
MAX_MEMBER_BYTES = 64 << 20
MAX_TOTAL_BYTES = 256 << 20
MAX_TABLE_CELLS = 1_000_000

_MIMETYPE = "application/hwp+zip"
_SECTION = re.compile(r"Contents/section(\d+)\.xml")
_PAGE_BREAK = "\f"


def extract(name: str) -> str:
    try:
        with zipfile.ZipFile(name) as z:
            return _Package(z, name).text()
    except PledgeError:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, ValueError, OSError) as e:
        # A damaged archive, an unknown compression, an encrypted member ("password required").
        raise PledgeError(f"{name}: not a readable HWPX document (damaged zip?): {e}") from None


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _children(element: ET.Element, local: str) -> Iterator[ET.Element]:
    return (child for child in element if _local(child.tag) == local)


class _Refused(Exception):
    pass


def _refuse(*_: object) -> None:
    raise _Refused


class _Package:
    def __init__(self, z: zipfile.ZipFile, name: str) -> None:
        self.z = z
        self.name = name
        infos = z.infolist()
        if len(infos) > MAX_MEMBERS:
            raise PledgeError(f"{name}: a zip of {len(infos)} members, more than the limit of {MAX_MEMBERS}")
        total = 0
        for info in infos:
            total += info.file_size
            if info.file_size > MAX_MEMBER_BYTES or total > MAX_TOTAL_BYTES:
                raise PledgeError(
                    f"{name}: '{info.filename}' unpacks to more than the limit "
                    f"({MAX_MEMBER_BYTES >> 20} MiB a member, {MAX_TOTAL_BYTES >> 20} MiB in all): "
                    f"'{info.file_size} bytes' (a zip bomb?)"
                )
        self.members = {info.filename: info for info in infos}

    def read(self, member: str) -> bytes:
        info = self.members[member]
        with self.z.open(info) as f:
            data = f.read(MAX_MEMBER_BYTES + 1)  # the declared size may lie
        if len(data) > MAX_MEMBER_BYTES:
            raise PledgeError(f"{self.name}: '{member}' unpacks to more than the limit of {MAX_MEMBER_BYTES >> 20} MiB")
        return data

    def xml(self, member: str) -> ET.Element:
        data = self.read(member)
        where = f"{self.name}:{member}"
        # Expat first, stopping at a DOCTYPE before any entity is declared or expanded.
        guard = xml.parsers.expat.ParserCreate()
        guard.StartDoctypeDeclHandler = _refuse
        guard.EntityDeclHandler = _refuse
        try:
            guard.Parse(data, True)
        except _Refused:
            raise PledgeError(f"{where}: XML with a DOCTYPE (entity declarations), which HWPX never holds: refused") from None
        except xml.parsers.expat.ExpatError as e:
            raise PledgeError(f"{where}:{e.lineno}:{e.offset}: not well-formed XML: {xml.parsers.expat.ErrorString(e.code)}") from None
        return ET.fromstring(data)

    def sections(self) -> list[str]:
        numbered = sorted((int(m.group(1)), n) for n in self.members if (m := _SECTION.fullmatch(n)))
        mimetype = self.read("mimetype").decode("ascii", "replace").strip() if "mimetype" in self.members else ""
        if mimetype != _MIMETYPE and not numbered:
            raise PledgeError(
                f"{self.name}: a zip file that is not an HWPX document (no mimetype '{_MIMETYPE}', "
                "no Contents/section*.xml) / HWPX 문서가 아닌 zip 파일입니다"
            )
        spine = self.spine()
        if spine:
            return spine
        if not numbered:
            raise PledgeError(f"{self.name}: an HWPX document without sections (Contents/section*.xml)")
        return [n for _, n in numbered]

    def spine(self) -> list[str]:
        """The section members in the order of content.hpf's spine; [] when there is none."""
        if "Contents/content.hpf" not in self.members:
            return []
        package = self.xml("Contents/content.hpf")
        hrefs: dict[str, str] = {}
        for element in package.iter():
            if _local(element.tag) == "item" and element.get("id") and element.get("href"):
                href = element.get("href", "")
                hrefs[element.get("id", "")] = href if href in self.members else f"Contents/{href}"
        order = []
        for element in package.iter():
            if _local(element.tag) == "itemref":
                member = hrefs.get(element.get("idref", ""), "")
                if _SECTION.fullmatch(member) and member in self.members:
                    order.append(member)
        return order

    def text(self) -> str:
        pages: list[list[str]] = [[]]
        for n, member in enumerate(self.sections()):
            if n:
                pages.append([])
            root = self.xml(member)
            for paragraph in _children(root, "p"):
                if paragraph.get("pageBreak") == "1" and any(pages[-1]):
                    pages.append([])
                _paragraph_lines(paragraph, pages[-1], f"{self.name}:{member}")
        return "\n\f\n".join("\n".join(_tidy(lines)) for lines in pages)


def _tidy(lines: list[str]) -> list[str]:
    """One empty line at most in a row, none at a page's top or bottom."""
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    while out and not out[-1]:
        out.pop()
    return out


def _paragraph_lines(paragraph: ET.Element, out: list[str], where: str) -> None:
    """Appends a top-level paragraph: its text lines and its tables' rows, in order."""
    text: list[str] = []
    wrote = False

    def flush() -> None:
        nonlocal text, wrote
        line = "".join(text).strip()
        if line:
            out.append(line)
            wrote = True
        text = []

    for run in _children(paragraph, "run"):
        for item in run:
            kind = _local(item.tag)
            if kind == "t":
                for piece in _t_pieces(item, line_break="\n"):
                    if piece == "\n":
                        flush()
                    else:
                        text.append(piece)
            elif kind == "tbl":
                flush()
                if out and out[-1]:
                    out.append("")
                out.extend("\t".join(row) for row in _table_rows(item, where))
                out.append("")
                wrote = True
    flush()
    if not wrote:
        out.append("")


def _t_pieces(t: ET.Element, line_break: str) -> Iterator[str]:
    """The text of a hp:t: its characters, a tab or a fixed space as a space, a line break as
    ``line_break``, a soft hyphen as nothing."""
    if t.text:
        yield t.text.replace("\t", " ")
    for child in t:
        kind = _local(child.tag)
        if kind == "lineBreak":
            yield line_break
        elif kind in ("tab", "nbSpace", "fwSpace"):
            yield " "
        if child.tail:
            yield child.tail.replace("\t", " ")


def _cell_text(cell: ET.Element) -> str:
    """A cell's paragraphs (and nested tables' cells) on one line, each break one space; the
    runs of a paragraph join as they are (a run may end mid-word)."""
    pieces: list[str] = []
    for element in cell.iter():
        if _local(element.tag) == "t":
            pieces.append("".join(_t_pieces(element, line_break=" ")))
        elif _local(element.tag) == "p":
            pieces.append(" ")
    return _one_line("".join(pieces))


def _one_line(text: str) -> str:
    return re.sub(r" {2,}", " ", text.replace("\n", " ")).strip()


def _int(element: ET.Element | None, attribute: str, default: int) -> int:
    if element is None:
        return default
    try:
        return int(element.get(attribute, default))
    except ValueError:
        return default


def _table_rows(table: ET.Element, where: str) -> list[list[str]]:
    cells = []  # (row, column, column span, text)
    for r, tr in enumerate(_children(table, "tr")):
        next_column = 0
        for tc in _children(tr, "tc"):
            address = next(_children(tc, "cellAddr"), None)
            span = next(_children(tc, "cellSpan"), None)
            row = _int(address, "rowAddr", r)
            column = _int(address, "colAddr", next_column)
            column_span = max(1, _int(span, "colSpan", 1))
            next_column = column + column_span
            text = " ".join(_cell_text(sub) for sub in _children(tc, "subList")).strip()
            cells.append((row, column, column_span, text))
    if not cells:
        return []
    rows = max(_int(table, "rowCnt", 0), max(c[0] + 1 for c in cells))
    columns = max(_int(table, "colCnt", 0), max(c[1] + 1 for c in cells))
    if min(rows, columns) < 1 or rows * columns > MAX_TABLE_CELLS or min(min(c[0], c[1]) for c in cells) < 0:
        raise PledgeError(f"{where}: a table of {rows} × {columns} cells (addresses out of range), refused")
    grid = [[""] * columns for _ in range(rows)]
    for row, column, _, text in cells:
        grid[row][column] = text  # the cells a span covers stay empty
    return grid
