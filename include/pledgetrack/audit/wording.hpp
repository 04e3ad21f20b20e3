// The words of an audit in Korean and English: the names of the verdicts,
// rules and figures, the table's header, and the phrases the arithmetic
// sentences are made of. The engine (src/audit/audit.cpp), the renderers
// and, through the JSON, the Python HTML view take their words from here.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "pledgetrack/audit/finding.hpp"
#include "pledgetrack/audit/stated_figure.hpp"
#include "pledgetrack/rates/criteria.hpp"
#include "pledgetrack/rates/grouping.hpp"
#include "pledgetrack/report/language.hpp"

namespace pledgetrack::audit {

/// 일치, 설명됨, 설명 안 됨 / agree, explained, unexplained.
[[nodiscard]] std::string verdict_text(verdict v, report::language lang);
/// 버림, 합계 100 맞춤, … / truncation, forced to 100, ….
[[nodiscard]] std::string rule_text(rule r, report::language lang);
/// Two rules: "다른 정의 + 버림" / "definition + truncation"; "" for none.
[[nodiscard]] std::string rules_text(const std::vector<rule>& rules, report::language lang);
/// 비율, 건수, … / rate, share, ….
[[nodiscard]] std::string figure_text(figure_kind k, report::language lang);
/// What a stated figure is about: "비율 · 정상추진", "건수 · 분야 마을·자치",
/// "count · field 골목·경제 × bureau 문화경제국"; a rate or change is named by
/// the criteria: "공약이행완료율", "KMC completion rate, change".
[[nodiscard]] std::string subject_text(const stated_figure& f, const criteria& c, report::language lang);
/// The title of an audit: "공표 수치 검증" / "Audit of published figures".
[[nodiscard]] std::string audit_title(report::language lang);
/// The title of a report's audit section: "공표 보고서와 다른 수치" / "Where
/// the published report differs".
[[nodiscard]] std::string differences_title(report::language lang);
/// "공표된 수치 40개가 모두 데이터와 일치함" / "All 40 published figures agree with the data".
[[nodiscard]] std::string no_differences_text(const audit_result& r, report::language lang);
/// The columns of the findings table: 항목, 표시, 계산, 판정, 규칙, 산식 / figure,
/// stated, computed, verdict, rule, arithmetic.
[[nodiscard]] std::vector<std::string> findings_header(report::language lang);
/// "14개 수치: 일치 12, 설명됨 2, 설명 안 됨 0" / "14 figures: 12 agree, 2 explained, 0 unexplained".
[[nodiscard]] std::string summary_text(const audit_result& r, report::language lang);

namespace wording {

/// The phrases of the arithmetic sentences. Each takes the numbers already
/// formatted; the engine puts them together.
[[nodiscard]] std::string printed(report::language lang);                       // 표시된 / printed
[[nodiscard]] std::string no_rule(report::language lang);                       // 어떤 규칙으로도 설명되지 않음
[[nodiscard]] std::string rows_not_tried(report::language lang);                // counts only: row rules not tried
[[nodiscard]] std::string cannot_compute(const std::string& why, report::language lang);
[[nodiscard]] std::string needs_rows(report::language lang);
[[nodiscard]] std::string needs_previous(report::language lang);
[[nodiscard]] std::string empty_denominator(report::language lang);
[[nodiscard]] std::string empty_group(const std::string& groups, report::language lang);
[[nodiscard]] std::string group_text(dimension d, const std::string& key, report::language lang);
[[nodiscard]] std::string count_in_data(const std::string& n, report::language lang);
[[nodiscard]] std::string mean_of(std::int64_t n, const std::string& percent, report::language lang);
[[nodiscard]] std::string rounded_twice(int first, int then, report::language lang);
[[nodiscard]] std::string fewer_decimals(rounding rule, int decimals, const std::string& printed_as,
                                         report::language lang);
[[nodiscard]] std::string residual(const std::string& column, report::language lang);
[[nodiscard]] std::string largest_remainder(report::language lang);
[[nodiscard]] std::string rounded_parts(rounding rule, report::language lang);
[[nodiscard]] std::string definition(const criteria& c, report::language lang);
[[nodiscard]] std::string subgroup(const std::string& group, report::language lang);
[[nodiscard]] std::string new_in_term(report::language lang);
[[nodiscard]] std::string carried_over(report::language lang);
[[nodiscard]] std::string nearby(bool numerator, bool count, std::int64_t delta, std::int64_t before, std::int64_t after,
                                 bool previous_period, report::language lang);
[[nodiscard]] std::string in_points(report::language lang);
[[nodiscard]] std::string in_percent(report::language lang);
[[nodiscard]] std::string statuses_text(const std::vector<status>& statuses, report::language lang);

}  // namespace wording

}  // namespace pledgetrack::audit
