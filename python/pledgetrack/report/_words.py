"""The layout words of the HTML and XLSX reports and of ``pledgetrack compare``:
table headings and the short phrases the C++ renderers write as literals
(src/report/render_markdown.cpp). Every figure and every composed sentence
(titles, the headline, the rule texts, change groups) comes from the report's
JSON, which the C++ wording functions wrote; keep these in step with the
Markdown renderer so that all outputs read the same.
"""

from __future__ import annotations

from typing import Literal

Lang = Literal["ko", "en"]

_WORDS: dict[str, tuple[str, str]] = {
    # 1. 점검개요
    "as_of": ("기준일자", "As of"),
    "scope": ("점검대상", "Scope"),
    "field": ("구분", "Field"),
    "total": ("총계", "Total"),
    "sum": ("계", "Total"),
    "fields": ("분야", "Fields"),
    "pledges": ("공약", "Pledges"),
    "projects": ("단위사업", "Unit projects"),
    "out_of_scope": ("공약조정으로 제외된 사업", "Removed through adjustment (공약조정)"),
    "district": ("자치단체", "District"),
    "term": ("임기", "Term"),
    "period": ("점검 분기", "Period"),
    # 2. 점검결과
    "status_heading": ("구분", ""),
    "count_row": ("건수", "Projects"),
    "share_row": ("비율", "Share"),
    "share_exact_row": ("비율(반올림 전, %)", "Share (unrounded, %)"),
    "criteria_prefix": ("☞ 공약이행도 판단기준 - ", "☞ Criteria - "),
    "numerator": ("분자", "Numerator"),
    "denominator": ("분모", "Denominator"),
    "percent": ("백분율(반올림 전)", "Percent (unrounded)"),
    "shown": ("표시", "Shown"),
    "change": ("증감(%p)", "Change (%p)"),
    "by_field": ("분야별 공약이행완료율", "Rate by field"),
    # changes
    "no_previous": ("직전 점검 자료 없음(비교하지 않음)", "No previous check given (nothing compared)"),
    "no_changes": ("변경사항 없음", "No changes"),
    "from": ("이전 추진상황", "Before"),
    "to": ("현재 추진상황", "Now"),
    "move": ("변경 내용", "Change"),
    "regression": ("후퇴", "Regression"),
    "group": ("구분", "Group"),
    # adjustment candidates
    "none": ("해당 없음", "None"),
    "number": ("번호", "No."),
    "reason": ("사유", "Reason"),
    "by_status": ("추진상황에 따른 선정", "Listed by status"),
    "by_reason": ("조정 사유 기재", "Reason given"),
    # detail
    "id": ("관리번호", "ID"),
    "pledge": ("공약명", "Pledge"),
    "title": ("단위사업명", "Unit project"),
    "department": ("주관부서", "Department"),
    "bureau": ("실·국", "Bureau"),
    "status": ("추진상황", "Status"),
    "raw_status": ("원문 표기", "Label as written"),
    # the chart
    "chart_title": ("분야별 추진상황", "Status by field"),
    "chart_desc": (
        "분야마다 단위사업 수를 추진상황별로 나눈 막대",
        "For each field, its unit projects split by status",
    ),
    # the page
    "generated_by": ("pledgetrack {version}(으)로 생성", "Made with pledgetrack {version}"),
}

# Sheet names (Excel: at most 31 characters, none of []:*?/\).
SHEETS: dict[str, tuple[str, str]] = {
    "overview": ("점검개요", "Overview"),
    "results": ("점검결과", "Results"),
    "changes": ("변경사항", "Changes"),
    "adjustment_candidates": ("공약조정", "Adjustments"),
    "detail": ("추진현황", "Detail"),
}


def word(key: str, lang: Lang) -> str:
    """The word for ``key`` in ``lang``."""
    ko, en = _WORDS[key]
    return ko if lang == "ko" else en


def sheet_name(section: str, lang: Lang) -> str:
    ko, en = SHEETS[section]
    return ko if lang == "ko" else en


def count_text(n: int, lang: Lang) -> str:
    """'49건' / '49', as the C++ renderers write counts in tables."""
    return f"{n}건" if lang == "ko" else str(n)


def projects_text(n: int, lang: Lang) -> str:
    """'5개 사업' / '5 unit projects'."""
    if lang == "ko":
        return f"{n}개 사업"
    return f"{n} unit project" if n == 1 else f"{n} unit projects"


def added_text(n: int, lang: Lang) -> str:
    """'신규 추가 사업 : 2개' / 'Added: 2'."""
    return f"신규 추가 사업 : {n}개" if lang == "ko" else f"Added: {n}"


def removed_text(n: int, lang: Lang) -> str:
    """'제외된 사업 : 1개' / 'Removed: 1'."""
    return f"제외된 사업 : {n}개" if lang == "ko" else f"Removed: {n}"


def unchanged_text(n: int, lang: Lang) -> str:
    """'그 밖의 46개 사업은 변동 없음' / 'The other 46 projects did not change'."""
    return f"그 밖의 {n}개 사업은 변동 없음" if lang == "ko" else f"The other {n} projects did not change"


def out_of_scope_text(n: int, lang: Lang) -> str:
    """'공약조정으로 제외된 사업 : 2개(집계에서 제외)'."""
    if lang == "ko":
        return f"공약조정으로 제외된 사업 : {n}개(집계에서 제외)"
    return f"Removed through adjustment (공약조정): {n} (not counted)"


def label_sep(lang: Lang) -> str:
    """' : ' in Korean (as the seed writes it), ': ' in English."""
    return " : " if lang == "ko" else ": "
