"""extract_text: the seed report published as a PDF (ruled tables) and as HWPX reads back to the
seed's text form; legacy HWP, damaged files and hostile archives are refused by name.

The documents come from tests/python/published_documents.py, built from the seed's text. What
each extraction must give is the document as built (its pages, paragraphs, table rows with
merged cells' continuations empty); a few rows and lines are also written out here by hand,
read off the seed (shared/seed/000_c1950292e7db9802.txt) and its printed layout.
"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest

import pledgetrack as pt
from pledgetrack._extract import extract_text, hwpx

pytest.importorskip("pdfplumber", reason="reading PDF needs pdfplumber (the 'reports' and 'test' extras)")
pytest.importorskip("reportlab", reason="writing the test PDF needs reportlab (the 'test' extra)")

import published_documents as published  # noqa: E402  (after the skips: it needs reportlab)

DOCUMENT = published.document_pages()


def pages(text: str) -> list[list[str]]:
    return [page.split("\n") for page in text.split("\n\f\n")]


def paragraphs(lines: list[str]) -> list[str]:
    return [line for line in lines if line and "\t" not in line]


def table_rows(lines: list[str]) -> list[list[str]]:
    return [line.split("\t") for line in lines if "\t" in line]


@pytest.fixture(scope="module", params=["pdf", "hwpx"])
def extracted(request: pytest.FixtureRequest, published_pdf: Path, published_hwpx: Path) -> str:
    return extract_text(published_pdf if request.param == "pdf" else published_hwpx)


# --- the published seed report ----------------------------------------------------------------


def test_pages_as_printed(extracted: str) -> None:
    # Six pages: 점검개요, 점검결과, 총평 and 공약조정, then the project table over three pages.
    assert len(pages(extracted)) == len(DOCUMENT) == 6


def test_paragraphs_read_as_printed(extracted: str) -> None:
    lines = [line for page in pages(extracted) for line in page]
    assert lines[0] == "- 민선8기 구청장 공약사항 (2024. 3. 31.기준) -"
    assert lines[1] == "2024년 1분기 추진실적 점검 결과"
    assert "- 기준일자 : 2024. 3. 31." in lines
    # The seed's **67.3%** is bold type in the document: the text form has no markup.
    assert "- 공약이행완료율(단위사업기준) : 67.3% ※ 2023.4분기 65.3% 대비 2.0%↑" in lines
    # An indented line of the seed (" - ☞ …") reads without its indent.
    assert "- ☞ (2-4-1) 재취업 중장년 목돈마련 ‘함께하는 내일채움공제’ 지원" in lines
    # The PDF wraps this paragraph over two printed lines: it reads as one.
    assert ("- 현재까지 완료되지 못하고 진행중인 공약사업은 대부분 임기 말까지 장기간 소요되거나 타기관의 협조가 "
            "필요한 사업으로, 연도별 추진계획대로 차질없이 진행될 수 있도록 지속적으로 관리가 필요함.") in lines
    for page, built in zip(pages(extracted), DOCUMENT):
        assert paragraphs(page) == built.paragraphs()


def test_table_rows_per_page_as_built(extracted: str) -> None:
    for page, built in zip(pages(extracted), DOCUMENT):
        assert table_rows(page) == built.table_rows()


def test_merged_cells_read_as_continuations(extracted: str) -> None:
    project_pages = [table_rows(page) for page in pages(extracted)[3:]]
    first, second, third = project_pages
    # Page 1 of the project table has no project column: 1-1's projects fill 공약명.
    assert first[0] == ["분야", "관리 번호", "공약명", "주관 부서", "추진 상황"]
    assert first[1] == ["마을중심 자치도시", "1-1", "① 주민자치 활성화를 통한 마을정부 위상 정립", "주민자치과", "정상추진"]
    assert first[2] == ["", "", "② 지속가능한 마을활동가 발굴 및 역량 강화", "주민자치과", "이행후계속"]
    # From page 2 on: 공약명 spans two columns in the header and for one-project pledges.
    assert second[0] == ["분야", "관리번호", "공약명", "", "주관부서", "추진상황"]
    assert second[1] == ["공공영 경제도시", "2-1", "소상공인 지원 컨트롤타워 ‘소상공인 활력지원센터’ 설치·운영", "",
                         "경 제 과", "이행후계속"]
    # A row the seed's extractor shifted left sits in its columns on the printed page.
    assert ["", "", "", "② 중장년 인생N모자 설계 지원 프로그램 운영", "알바리창자원과", "이행후계속"] in second
    # The header repeats on each page; 4-4's pledge cell is split across the page break.
    assert second[-1] == ["", "4-4", "선제적인", "① 제중시설물 지정 실태조사를 통한 선제적 안전관리", "안전총괄과", "정 상 추 진"]
    assert third[0] == second[0]
    assert third[1] == ["", "", "스마트 안전관리체계 구축", "② ‘내결에 재난안전체험관’ 운영", "안전총괄과", "이행후계속"]
    assert third[-1] == ["", "", "", "② 청년들의 다양한 교류와 소통 공간 ‘무한ZONE’ 조성", "알리창업지원과", "정 상 추 진"]
    # 49 unit projects: every body row of the three pages is one (5 + 32 + 12).
    assert sum(len(rows) - 1 for rows in project_pages) == 49


def test_pdf_and_hwpx_agree(published_pdf: Path, published_hwpx: Path) -> None:
    from_pdf, from_hwpx = pages(extract_text(published_pdf)), pages(extract_text(published_hwpx))
    assert [table_rows(p) for p in from_pdf] == [table_rows(p) for p in from_hwpx]
    assert [paragraphs(p) for p in from_pdf] == [paragraphs(p) for p in from_hwpx]


def test_kind_from_signature_not_suffix(published_pdf: Path, published_hwpx: Path, tmp_path: Path) -> None:
    as_text = tmp_path / "report.txt"
    as_text.write_bytes(published_pdf.read_bytes())
    as_pdf = tmp_path / "report.pdf"
    as_pdf.write_bytes(published_hwpx.read_bytes())
    assert extract_text(as_text) == extract_text(published_pdf)
    assert extract_text(as_pdf) == extract_text(published_hwpx)


def test_text_file_decoded_as_pledge_files_are(tmp_path: Path) -> None:
    seed = published.SEED_TEXT.read_text(encoding="utf-8")
    assert extract_text(published.SEED_TEXT) == seed
    cp949 = tmp_path / "seed-cp949.txt"
    cp949.write_bytes("- 기준일자 : 2024. 3. 31.\n구분\t계\n".encode("cp949"))
    assert extract_text(cp949) == "- 기준일자 : 2024. 3. 31.\n구분\t계\n"
    bom = tmp_path / "seed-bom.txt"
    bom.write_bytes(b"\xef\xbb\xbf" + "점검개요".encode())
    assert extract_text(bom) == "점검개요"


# --- refusals ---------------------------------------------------------------------------------


def test_legacy_hwp_asks_for_hwpx_or_pdf(tmp_path: Path) -> None:
    # An OLE2 compound file (the container of HWP 5), whatever its name says.
    for name in ("2024년 1분기 점검.hwp", "report.pdf"):
        path = tmp_path / name
        path.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + bytes(504))
        with pytest.raises(pt.PledgeError, match=r"HWP.*save it as HWPX or PDF") as e:
            extract_text(path)
        assert name in str(e.value) and "HWPX 또는 PDF로 저장" in str(e.value)


def test_truncated_pdf_names_the_file(published_pdf: Path, tmp_path: Path) -> None:
    truncated = tmp_path / "truncated.pdf"
    truncated.write_bytes(published_pdf.read_bytes()[:40_000])
    with pytest.raises(pt.PledgeError, match=r"truncated\.pdf: not a readable PDF"):
        extract_text(truncated)


def test_encrypted_pdf_names_the_file(tmp_path: Path) -> None:
    from reportlab.pdfgen import canvas

    path = tmp_path / "locked.pdf"
    c = canvas.Canvas(str(path), encrypt="secret")  # a user password: nothing opens without it
    c.drawString(72, 720, "pledges")
    c.save()
    with pytest.raises(pt.PledgeError, match=r"locked\.pdf: an encrypted PDF"):
        extract_text(path)


def scanned_page(c: Any, tmp_path: Path) -> None:
    from PIL import Image

    image = tmp_path / "scan.png"
    Image.new("L", (40, 60), 200).save(image)
    c.drawImage(str(image), 72, 72, 400, 600)  # a page that is a picture of text, no characters
    c.showPage()


def test_scanned_pdf_needs_ocr(tmp_path: Path) -> None:
    from reportlab.pdfgen import canvas

    path = tmp_path / "scanned.pdf"
    c = canvas.Canvas(str(path))
    c.rect(72, 72, 400, 600, fill=1)  # no characters anywhere
    c.showPage()
    c.save()
    with pytest.raises(pt.PledgeError, match=r"scanned\.pdf: the PDF has no text layer .*OCR"):
        extract_text(path)
    # One scanned page among pages with text is not dropped silently either.
    mixed = tmp_path / "mixed.pdf"
    c = canvas.Canvas(str(mixed))
    c.drawString(72, 720, "page one")
    c.showPage()
    scanned_page(c, tmp_path)
    c.save()
    with pytest.raises(pt.PledgeError, match=r"mixed\.pdf: page 2 has no text layer, only images .*OCR"):
        extract_text(mixed)


def test_missing_pdfplumber_says_what_to_install(published_pdf: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pdfplumber", None)  # import pdfplumber raises ImportError
    with pytest.raises(pt.PledgeError, match=r"pip install 'pledgetrack\[reports\]'"):
        extract_text(published_pdf)


def test_core_does_not_import_the_readers() -> None:
    code = "import sys, pledgetrack; print(sorted(m for m in ('pdfplumber', 'pdfminer') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def write_zip(path: Path, members: dict[str, bytes | str]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return path


def test_zip_that_is_not_hwpx(tmp_path: Path) -> None:
    path = write_zip(tmp_path / "figures.zip", {"figures.csv": "id,status\n"})
    with pytest.raises(pt.PledgeError, match=r"figures\.zip: a zip file that is not an HWPX document"):
        extract_text(path)


def test_damaged_zip(published_hwpx: Path, tmp_path: Path) -> None:
    path = tmp_path / "cut.hwpx"
    path.write_bytes(published_hwpx.read_bytes()[:2000])
    with pytest.raises(pt.PledgeError, match=r"cut\.hwpx: a damaged zip file"):
        extract_text(path)


SECTION = (
    '<hs:sec xmlns:hs="http://www.hancom.co.kr/hwpml/2011/section" '
    'xmlns:hp="http://www.hancom.co.kr/hwpml/2011/paragraph">{}</hs:sec>'
)


def test_zip_bomb_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The real limit is 64 MiB a member; 1 MiB keeps the test small. Zeros deflate ~1000:1.
    monkeypatch.setattr(hwpx, "MAX_MEMBER_BYTES", 1 << 20)
    path = write_zip(tmp_path / "bomb.hwpx", {"mimetype": "application/hwp+zip",
                                              "Contents/section0.xml": bytes(2 << 20)})
    assert path.stat().st_size < 20_000
    with pytest.raises(pt.PledgeError, match=r"bomb\.hwpx: 'Contents/section0\.xml' unpacks to more than the limit"):
        extract_text(path)


def test_xml_entities_refused(tmp_path: Path) -> None:
    laughs = ('<?xml version="1.0"?><!DOCTYPE sec [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>'
              + SECTION.format('<hp:p><hp:run><hp:t>&b;</hp:t></hp:run></hp:p>'))
    path = write_zip(tmp_path / "laughs.hwpx", {"mimetype": "application/hwp+zip", "Contents/section0.xml": laughs})
    with pytest.raises(pt.PledgeError, match=r"laughs\.hwpx:Contents/section0\.xml: XML with a DOCTYPE"):
        extract_text(path)


def test_malformed_xml_names_member_and_line(tmp_path: Path) -> None:
    path = write_zip(tmp_path / "broken.hwpx", {"mimetype": "application/hwp+zip",
                                                "Contents/section0.xml": SECTION.format("<hp:p>\n<hp:run>")})
    with pytest.raises(pt.PledgeError, match=r"broken\.hwpx:Contents/section0\.xml:2:\d+: not well-formed XML"):
        extract_text(path)


# --- HWPX details, on small documents written here ----------------------------------------------


def test_hwpx_sections_in_spine_order_and_cell_addresses(tmp_path: Path) -> None:
    hpf = ('<opf:package xmlns:opf="http://www.idpf.org/2007/opf/"><opf:manifest>'
           '<opf:item id="s0" href="Contents/section0.xml"/><opf:item id="s1" href="Contents/section1.xml"/>'
           '</opf:manifest><opf:spine><opf:itemref idref="s1"/><opf:itemref idref="s0"/></opf:spine></opf:package>')
    # A 3 × 3 table: 'A' spans two rows, 'B' two columns; a tab and a line break inside cells
    # become spaces; a line break in a paragraph starts a line; runs join without a space.
    table = (
        '<hp:tbl rowCnt="3" colCnt="3">'
        '<hp:tr><hp:tc><hp:subList><hp:p><hp:run><hp:t>A</hp:t></hp:run></hp:p></hp:subList>'
        '<hp:cellAddr colAddr="0" rowAddr="0"/><hp:cellSpan colSpan="1" rowSpan="2"/></hp:tc>'
        '<hp:tc><hp:subList><hp:p><hp:run><hp:t>B<hp:lineBreak/>b</hp:t></hp:run></hp:p></hp:subList>'
        '<hp:cellAddr colAddr="1" rowAddr="0"/><hp:cellSpan colSpan="2" rowSpan="1"/></hp:tc></hp:tr>'
        '<hp:tr><hp:tc><hp:subList><hp:p><hp:run><hp:t>C</hp:t></hp:run></hp:p>'
        '<hp:p><hp:run><hp:t>c<hp:tab/>d</hp:t></hp:run></hp:p></hp:subList>'
        '<hp:cellAddr colAddr="1" rowAddr="1"/><hp:cellSpan colSpan="1" rowSpan="1"/></hp:tc>'
        '<hp:tc><hp:subList><hp:p><hp:run><hp:t>D</hp:t></hp:run></hp:p></hp:subList>'
        '<hp:cellAddr colAddr="2" rowAddr="1"/><hp:cellSpan colSpan="1" rowSpan="1"/></hp:tc></hp:tr>'
        '<hp:tr><hp:tc><hp:subList><hp:p><hp:run><hp:t>E</hp:t></hp:run></hp:p></hp:subList>'
        '<hp:cellAddr colAddr="0" rowAddr="2"/><hp:cellSpan colSpan="3" rowSpan="1"/></hp:tc></hp:tr>'
        '</hp:tbl>'
    )
    first = SECTION.format('<hp:p><hp:run><hp:t>첫 쪽</hp:t></hp:run></hp:p>'
                           f'<hp:p><hp:run>{table}<hp:t/></hp:run></hp:p>'
                           '<hp:p pageBreak="1"><hp:run><hp:t>둘째 쪽<hp:lineBreak/>다음 줄</hp:t></hp:run></hp:p>')
    second = SECTION.format('<hp:p><hp:run><hp:t>공약</hp:t></hp:run><hp:run><hp:t>명</hp:t></hp:run></hp:p>')
    path = write_zip(tmp_path / "small.hwpx", {"mimetype": "application/hwp+zip", "Contents/content.hpf": hpf,
                                               "Contents/section0.xml": first, "Contents/section1.xml": second})
    assert extract_text(path) == (
        "공약명\n\f\n"                      # section1 first: the spine says so
        "첫 쪽\n\nA\tB b\t\n\tC c d\tD\nE\t\t\n\f\n"
        "둘째 쪽\n다음 줄"
    )
