"""HTML reprs for Jupyter: compact tables with Korean labels, all text escaped."""

from __future__ import annotations

import datetime as dt
import pickle
import re

import pledgetrack as pt


def test_snapshot_html_shows_statuses_and_the_rate(q1):
    html = q1._repr_html_()
    assert html.startswith("<table")
    for text in ["광주광역시 서구", "민선8기", "2024-03-31", "2024Q1", "완료", "이행후계속추진", "정상추진", "일부추진"]:
        assert text in html
    assert "공약이행완료율 67.3% (33/49)" in html
    assert "보류" not in html  # statuses with no project are left out


def test_rate_html_names_the_criteria(q1):
    html = q1.completion_rate()._repr_html_()
    assert "공약이행완료율" in html
    assert "67.3%" in html
    assert "반올림" in html


def test_all_text_is_escaped():
    snap = pt.Snapshot(
        "<script>alert(1)</script>", 8, dt.date(2024, 3, 31), [pt.Project("1-1", "<b>", "완료")]
    )
    html = snap._repr_html_()
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    rate = snap.completion_rate(pt.Criteria(name_ko="<i>기준</i>"))
    assert "&lt;i&gt;기준&lt;/i&gt;" in rate._repr_html_()


def test_counts_show_korean_labels_in_jupyter_and_stay_a_dict(q1):
    counts = q1.counts()
    html = counts._repr_html_()
    rows = re.findall(r"<tr>(.*?)</tr>", html)
    cells = [re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row) for row in rows]
    # Every status in the KMC order, zeros included, then the total (the seed: 1 + 32 + 15 + 1 = 49).
    assert cells == [
        ["추진상황", "건수"],
        ["완료", "1"], ["이행후계속추진", "32"], ["정상추진", "15"], ["일부추진", "1"],
        ["보류", "0"], ["폐기", "0"], ["기타", "0"],
        ["계", "49"],
    ]
    # Still the mapping it was: a dict of Status → int, equal to a plain dict, with a dict's repr.
    assert isinstance(counts, dict)
    plain = dict(counts)
    assert counts == plain and repr(counts) == repr(plain)
    assert counts[pt.Status.ONGOING] == 32 and list(counts) == list(pt.Status)
    assert pickle.loads(pickle.dumps(counts)) == plain


def test_notebook_tables_take_their_words_from_the_core(q1):
    # The headings are the report's own words (C++ report::phrase), typed here from the seed's tables.
    html = q1._repr_html_()
    assert "<th>추진상황</th>" in html and ">건수</th>" in html and ">비율</th>" in html
    assert "민선8기 · 기준일자 2024-03-31" in html
    assert "<td>계</td>" in html
    rate = q1.completion_rate()._repr_html_()
    assert ">분자</th>" in rate and ">분모</th>" in rate and "소수점 이하 1자리까지 반올림" in rate
