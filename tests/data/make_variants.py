"""Writes tests/data/variants/: the bundled 2024-03-31 example in the other
shapes real files come in. Python's own codecs do the encoding, so the C++
reader is checked against an independent encoder.

    python3 tests/data/make_variants.py
"""
import csv
import io
import pathlib
import unicodedata

HERE = pathlib.Path(__file__).resolve().parent
SOURCE = HERE.parent.parent / "examples" / "data" / "gwangju-seogu" / "2024-03-31.csv"
OUT = HERE / "variants"

KOREAN_HEADERS = {
    "district": "자치단체", "term": "민선", "as_of": "기준일자", "id": "관리번호", "field": "분야",
    "pledge": "공약명", "project": "세부사업", "department": "주관부서", "bureau": "실국",
    "status": "추진상황", "progress": "추진율(%)", "due": "완료시기", "note": "비고",
    "scope": "scope", "adjustment": "공약조정",
}
# Status column -> one column per status holding a mark.
MARK_COLUMNS = ["완료", "이행후계속추진", "정상추진", "일부추진", "보류", "폐기", "기타"]
CANONICAL = {"완료": "완료", "이행후계속": "이행후계속추진", "정상추진": "정상추진", "일부추진": "일부추진"}


def rows():
    with SOURCE.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))


def to_text(table, delimiter=",", newline="\n"):
    buf = io.StringIO()
    csv.writer(buf, delimiter=delimiter, lineterminator=newline).writerows(table)
    return buf.getvalue()


def main():
    OUT.mkdir(exist_ok=True)
    table = rows()
    header, body = table[0], table[1:]
    korean = [[KOREAN_HEADERS[h] for h in header]] + body

    # CP949 (EUC-KR superset), Korean headers, no BOM: what government portals publish.
    (OUT / "cp949-korean-headers.csv").write_bytes(to_text(korean).encode("cp949"))
    # Excel's "Unicode text": UTF-16LE with a BOM, tab-delimited, CRLF.
    (OUT / "utf16-tab.txt").write_bytes(
        b"\xff\xfe" + to_text(korean, "\t", "\r\n").encode("utf-16-le"))
    # Decomposed Hangul (macOS), CRLF, labels with justification spaces.
    spaced = [header] + [
        r[:9] + [" ".join(r[9].replace(" ", ""))] + r[10:] for r in body]
    (OUT / "nfd-crlf-spaced.csv").write_bytes(
        unicodedata.normalize("NFD", to_text(spaced, ",", "\r\n")).encode("utf-8"))
    # One column per status holding a mark.
    status_at = header.index("status")
    marks_header = header[:status_at] + MARK_COLUMNS + header[status_at + 1:]
    marks_body = []
    for r in body:
        label = CANONICAL[r[status_at].replace(" ", "")]
        cells = ["○" if m == label else "" for m in MARK_COLUMNS]
        marks_body.append(r[:status_at] + cells + r[status_at + 1:])
    (OUT / "marks.csv").write_bytes(
        b"\xef\xbb\xbf" + to_text([marks_header] + marks_body).encode("utf-8"))


if __name__ == "__main__":
    main()
