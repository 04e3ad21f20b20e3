// The words of a report, in Korean (worded like the seed report) or English:
// the fixed words of the layout (one table, `phrase`), titles, dates, periods,
// statuses, the headline line, the rules, the sentences around counts. Every
// renderer takes its words from here, the Python HTML and XLSX renderers
// included (through render_layout_json), so that one figure reads the same in
// every output. Text from data is returned as it is: escaping is the
// renderer's job (escape.hpp).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "pledgetrack/history/comparison.hpp"
#include "pledgetrack/model/status.hpp"
#include "pledgetrack/rates/criteria.hpp"
#include "pledgetrack/rates/rate.hpp"
#include "pledgetrack/rates/rounding.hpp"
#include "pledgetrack/report/language.hpp"
#include "pledgetrack/report/quarterly_report.hpp"
#include "pledgetrack/model/date.hpp"
#include "pledgetrack/time/period.hpp"

namespace pledgetrack::report {

/// The fixed words of a report's layout: labels, table headings, sheet names.
/// One table (wording.cpp) for every renderer: the C++ ones, and the HTML and
/// XLSX ones through the "layout" member of render_layout_json.
enum class phrase : std::uint8_t {
  // 1. 점검개요
  as_of, scope, out_of_scope, district, term, period, fields, pledges, projects, field, total, sum,
  // 2. 점검결과
  status_heading, count_row, share_row, share_exact_row, criteria_prefix, numerator, denominator, percent, shown,
  change, by_field,
  // changes
  no_previous, no_changes, from, to, move, regression, group,
  // adjustment candidates
  none, number, reason, by_status, by_reason,
  // detail
  id, pledge, title, department, bureau, status, raw_status,
  // the chart
  chart_title, chart_desc,
  // the sheets of the workbook (Excel: at most 31 characters, none of []:*?/\)
  sheet_overview, sheet_results, sheet_changes, sheet_adjustment_candidates, sheet_detail,
  // the notebook tables of the Python package (a rate, a comparison)
  criteria, before, after, unmeasured,
};

/// "as_of", "chart_title", …: the phrase's name (the key of the JSON's
/// layout.words).
[[nodiscard]] std::string_view to_string(phrase p) noexcept;
/// The phrase in `lang`: phrase_text(phrase::as_of, language::ko) == "기준일자".
[[nodiscard]] std::string_view phrase_text(phrase p, language lang) noexcept;
/// Every phrase, in the table's order.
[[nodiscard]] const std::vector<phrase>& all_phrases();
/// Between a label and its value: " : " in Korean (as the seed writes it),
/// ": " in English.
[[nodiscard]] std::string_view label_separator(language lang) noexcept;

/// A count in a table: "49건" / "49".
[[nodiscard]] std::string count_text(std::int64_t n, language lang);
/// "5개 사업" / "5 unit projects".
[[nodiscard]] std::string projects_text(std::int64_t n, language lang);
/// "공약조정으로 제외된 사업 : 2개(집계에서 제외)" / "Removed through adjustment
/// (공약조정): 2 (not counted)".
[[nodiscard]] std::string out_of_scope_text(std::int64_t n, language lang);
/// "신규 추가 사업 : 2개" / "Added: 2".
[[nodiscard]] std::string added_text(std::int64_t n, language lang);
/// "제외된 사업 : 1개" / "Removed: 1".
[[nodiscard]] std::string removed_text(std::int64_t n, language lang);
/// "그 밖의 46개 사업은 변동 없음" / "The other 46 projects did not change".
[[nodiscard]] std::string unchanged_text(std::int64_t n, language lang);
/// "pledgetrack 0.1.0(으)로 생성" / "Made with pledgetrack 0.1.0".
[[nodiscard]] std::string generated_by_text(language lang);

/// One group of the changes as every format lists them: its line and its moves.
struct labelled_moves {
  std::string text;                          ///< "이행후계속추진 사업 : 2개", "신규 추가 사업 : 1개"
  const std::vector<transition>* projects;  ///< the moves, in the report
};
/// The groups of the changes in the order every format lists them: one per
/// new status (change_group_text), then the added and the removed projects
/// when there are any. Points into `c`.
[[nodiscard]] std::vector<labelled_moves> change_groups(const report_changes& c, language lang);

/// The sections of a report.
enum class section : std::uint8_t { overview, results, changes, adjustment_candidates, detail };

/// "overview", "results", "changes", "adjustment_candidates", "detail".
[[nodiscard]] std::string_view to_string(section s) noexcept;

/// "1. 점검개요", "2. 점검결과", "직전 분기 대비 변경사항", "공약조정 필요사업",
/// "공약사업별 추진현황"; "1. Overview", "2. Results", "Changes since the previous
/// quarter", "Projects needing adjustment", "Projects by field".
[[nodiscard]] std::string section_title(section s, language lang);

/// "민선8기 구청장 공약사항 2024년 1분기 추진실적 점검 결과" /
/// "Pledges of the 8th term: check of 2024 Q1".
[[nodiscard]] std::string report_title(const quarterly_report& r, language lang);
/// "광주광역시 서구 · 2024. 3. 31. 기준" / "광주광역시 서구 · as of 2024-03-31".
[[nodiscard]] std::string report_subtitle(const quarterly_report& r, language lang);

/// "2024. 3. 31." / "2024-03-31"; "기준일자 없음" / "no date" for a special date.
[[nodiscard]] std::string date_text(const date& d, language lang);
/// "2024년 1분기", "2024년 상반기" / "2024 Q1", "2024 H1".
[[nodiscard]] std::string period_text(const period& p, language lang);
/// "민선8기" / "8th term"; "" for 0 (not known).
[[nodiscard]] std::string term_text(int term, language lang);

/// "이행후계속추진" / "Done, continuing".
[[nodiscard]] std::string status_text(status s, language lang);
/// Statuses counted together: "완료 / 이행후계속추진" / "Completed / Done, continuing".
[[nodiscard]] std::string status_group_text(const std::vector<status>& statuses, language lang);
/// What a status means under the KMC criteria, as the seed defines it:
/// "공약이행이 완료되어 종료된 사업" / "done and closed".
[[nodiscard]] std::string status_definition(status s, language lang);
/// A group key from data, or "(미지정)" / "(none)" for an empty one.
[[nodiscard]] std::string group_text(const std::string& key, language lang);

/// "5대 분야 21개 공약 49개 사업" / "5 fields, 21 pledges, 49 unit projects".
[[nodiscard]] std::string scope_text(const report_overview& o, language lang);

/// The rate's name with its basis: "공약이행완료율(단위사업기준)" /
/// "KMC completion rate (per unit project)".
[[nodiscard]] std::string rate_name(const criteria& c, language lang);
/// "67.3%"; "산출 불가(집계 대상 없음)" / "no rate, nothing counted" for an
/// empty denominator.
[[nodiscard]] std::string rate_text(const rate& r, language lang);
/// How a figure is rounded: "소수점 이하 1자리까지 반올림" / "rounded half up to 1 decimal".
[[nodiscard]] std::string rounding_text(rounding rule, int decimals, language lang);
/// What the rate counts and how it is rounded: "한국매니페스토실천본부 평가기준 준용:
/// 공약이행완료율 = (완료 + 이행후계속추진) ÷ 전체 단위사업 × 100, 소수점 이하
/// 1자리까지 반올림".
[[nodiscard]] std::string criteria_text(const criteria& c, language lang);
/// How the status table's shares are rounded, with the sum shown when it is
/// not 100: "비율은 항목별로 소수점 이하 1자리까지 반올림하였으며 합계를 100%로
/// 맞추지 않음(표시된 비율의 합 99.9%)".
[[nodiscard]] std::string share_rule_text(const status_table& t, language lang);

/// What the previous snapshot is called: its period ("2023년 4분기" /
/// "2023 Q4"), or its date when it has no period or the same one as the
/// current snapshot; "" without a previous snapshot.
[[nodiscard]] std::string previous_text(const quarterly_report& r, language lang);
/// The headline line: "공약이행완료율(단위사업기준) : 67.3% ※ 2023년 4분기 65.3%
/// 대비 +2.0%p" / "KMC completion rate (per unit project): 67.3% (2023 Q4:
/// 65.3%, +2.0%p)". `emphasis` wraps the current figure ("**" in Markdown).
[[nodiscard]] std::string headline_text(const quarterly_report& r, language lang, std::string_view emphasis = {});
/// "직전 분기(2023년 4분기) 대비 변경사항" / "Changes since the previous quarter
/// (2023 Q4)"; "2023년 1분기 대비 변경사항" / "Changes since 2023 Q1" when the
/// previous snapshot is not of the period just before; "" without one.
[[nodiscard]] std::string changes_title(const quarterly_report& r, language lang);
/// A group of moves: "이행후계속추진 사업 : 2개" / "Now Done, continuing: 2".
[[nodiscard]] std::string change_group_text(const status_change_group& g, language lang);
/// A move: "정상추진 → 이행후계속추진", and ", 후퇴" / ", regression" for a
/// regression.
[[nodiscard]] std::string transition_text(const transition& t, language lang);
/// Why a candidate is listed when no reason was given:
/// "사유 미기재(추진상황: 일부추진)" / "no reason given (status: Lagging)".
[[nodiscard]] std::string missing_reason_text(const adjustment_candidate& a, language lang);
/// ①, ②, … ⑳, then (21), (22), …
[[nodiscard]] std::string circled_number(std::size_t n);

}  // namespace pledgetrack::report
