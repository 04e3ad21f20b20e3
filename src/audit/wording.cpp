// The words of an audit in Korean and English (see audit/wording.hpp). The
// Korean follows the report's own terms (공약이행완료율, 이행률, 단위사업,
// %p); the rounding words are the report's (report::rounding_text).
#include "pledgetrack/audit/wording.hpp"

#include <string>
#include <vector>

#include "pledgetrack/report/wording.hpp"

namespace pledgetrack::audit {

namespace {

using report::language;

bool is_ko(language lang) { return lang == language::ko; }

}  // namespace

std::string verdict_text(verdict v, language lang) {
  switch (v) {
    case verdict::agree: return is_ko(lang) ? "일치" : "agree";
    case verdict::explained: return is_ko(lang) ? "설명됨" : "explained";
    case verdict::unexplained: return is_ko(lang) ? "설명 안 됨" : "unexplained";
  }
  return {};
}

std::string rule_text(rule r, language lang) {
  const bool ko = is_ko(lang);
  switch (r) {
    case rule::rounding: return ko ? "다른 반올림" : "rounding";
    case rule::truncation: return ko ? "버림" : "truncation";
    case rule::forced_to_100: return ko ? "합계 100 맞춤" : "forced to 100";
    case rule::sum_of_rounded_parts: return ko ? "반올림한 부분의 합" : "sum of rounded parts";
    case rule::definition: return ko ? "다른 정의" : "definition";
    case rule::carried_over: return ko ? "직전 시점 수치" : "carried over";
    case rule::nearby_count: return ko ? "인접 건수" : "nearby count";
    case rule::percent_for_points: return ko ? "%와 %p 혼동" : "% for %p";
  }
  return {};
}

std::string rules_text(const std::vector<rule>& rules, language lang) {
  std::string out;
  for (std::size_t i = 0; i < rules.size(); ++i) {
    if (i != 0) out += " + ";
    out += rule_text(rules[i], lang);
  }
  return out;
}

std::string figure_text(figure_kind k, language lang) {
  const bool ko = is_ko(lang);
  switch (k) {
    case figure_kind::rate: return ko ? "율" : "rate";
    case figure_kind::share: return ko ? "비율" : "share";
    case figure_kind::count: return ko ? "건수" : "count";
    case figure_kind::total: return ko ? "계" : "total";
    case figure_kind::change: return ko ? "증감" : "change";
  }
  return {};
}

std::string subject_text(const stated_figure& f, const criteria& c, language lang) {
  // A rate is named by the report's criteria, so that a 공약이행완료율 is never
  // called an 이행률.
  const std::string rate_name = is_ko(lang) ? c.name_ko : c.name;
  std::string out = f.figure == figure_kind::rate     ? rate_name
                    : f.figure == figure_kind::change ? rate_name + (is_ko(lang) ? " 증감" : ", change")
                                                      : figure_text(f.figure, lang);
  if (!f.statuses.empty()) out += " · " + wording::statuses_text(f.statuses, lang);
  for (std::size_t i = 0; i < f.dimensions.size(); ++i)
    out += (i ? " × " : " · ") + wording::group_text(f.dimensions[i], f.groups[i], lang);
  if (f.of_previous) out += is_ko(lang) ? " · 직전 시점" : " · previous period";
  if (!f.label.empty()) out += " (" + f.label + ")";
  return out;
}

std::string audit_title(language lang) { return is_ko(lang) ? "공표 수치 검증" : "Audit of published figures"; }

std::string differences_title(language lang) {
  return is_ko(lang) ? "공표 보고서와 다른 수치" : "Where the published report differs";
}

std::string no_differences_text(const audit_result& r, language lang) {
  const std::string n = std::to_string(r.findings.size());
  return is_ko(lang) ? "공표된 수치 " + n + "개가 모두 데이터와 일치함"
                     : (r.findings.size() == 1 ? "The published figure agrees" : "All " + n + " published figures agree") +
                           std::string(" with the data");
}

std::vector<std::string> findings_header(language lang) {
  if (is_ko(lang)) return {"항목", "표시", "계산", "판정", "규칙", "산식"};
  return {"figure", "stated", "computed", "verdict", "rule", "arithmetic"};
}

std::string summary_text(const audit_result& r, language lang) {
  const std::size_t n = r.findings.size();
  const std::size_t unexplained = r.unexplained();
  const std::size_t explained = r.discrepancies() - unexplained;
  const std::size_t agree = n - r.discrepancies();
  if (is_ko(lang))
    return std::to_string(n) + "개 수치: 일치 " + std::to_string(agree) + ", 설명됨 " + std::to_string(explained) +
           ", 설명 안 됨 " + std::to_string(unexplained);
  return std::to_string(n) + (n == 1 ? " figure: " : " figures: ") + std::to_string(agree) + " agree, " +
         std::to_string(explained) + " explained, " + std::to_string(unexplained) + " unexplained";
}

namespace wording {

std::string printed(language lang) { return is_ko(lang) ? "표시된" : "printed"; }

std::string no_rule(language lang) {
  return is_ko(lang) ? "어떤 규칙으로도, 두 규칙을 함께 써도 설명되지 않음" : "no rule, alone or with another, explains it";
}

std::string rows_not_tried(language lang) {
  return is_ko(lang) ? "건수만 주어져 행이 필요한 규칙(하위 집단, 평균진행률, 공약기준, 임기내)은 시도하지 않음"
                     : "only counts were given, so the rules that need rows (subgroups, mean progress, pledge basis, "
                       "in-term) were not tried";
}

std::string cannot_compute(const std::string& why, language lang) {
  return (is_ko(lang) ? "데이터로 산출할 수 없음: " : "cannot be computed from the data: ") + why;
}

std::string needs_rows(language lang) {
  return is_ko(lang) ? "건수만 주어져 집단별 수치나 평균진행률·공약기준·임기내 수치를 낼 수 없음(사업별 행 필요)"
                     : "only counts were given; a figure per group, mean progress, the pledge basis or in-term need "
                       "the rows of the projects";
}

std::string needs_previous(language lang) {
  return is_ko(lang) ? "직전 시점 자료가 주어지지 않음" : "no previous period was given";
}

std::string empty_denominator(language lang) {
  return is_ko(lang) ? "분모가 0(집계 대상 없음)" : "an empty denominator (nothing counted)";
}

std::string empty_group(const std::string& groups, language lang) {
  return is_ko(lang) ? "'" + groups + "'에 해당하는 사업이 없음" : "no project in '" + groups + "'";
}

std::string group_text(dimension d, const std::string& key, language lang) {
  if (is_ko(lang)) return std::string(label_ko(d)) + " " + key;
  return std::string(to_string(d)) + " " + key;
}

std::string count_in_data(const std::string& n, language lang) {
  return is_ko(lang) ? "데이터의 건수 " + n : n + " in the data";
}

std::string mean_of(std::int64_t n, const std::string& percent, language lang) {
  return is_ko(lang) ? "사업 " + std::to_string(n) + "개 추진율의 평균 = " + percent
                     : "mean of " + std::to_string(n) + " projects' progress = " + percent;
}

std::string rounded_twice(int first, int then, language lang) {
  if (is_ko(lang))
    return "(소수점 이하 " + std::to_string(first) + "자리로 반올림한 뒤 다시 " +
           (then == 0 ? std::string("정수로") : std::to_string(then) + "자리로") + " 반올림)";
  return "(rounded to " + std::to_string(first) + " decimals, then to " +
         (then == 0 ? std::string("a whole number") : std::to_string(then) + (then == 1 ? " decimal" : " decimals")) + ")";
}

std::string fewer_decimals(rounding rule, int decimals, const std::string& printed_as, language lang) {
  // Built by appending: `"(" + std::string` trips GCC 12's false -Wrestrict.
  std::string out(1, '(');
  out += report::rounding_text(rule, decimals, lang);
  out += is_ko(lang) ? "하여 " + printed_as + "로 표시" : ", printed as " + printed_as;
  out += ')';
  return out;
}

std::string residual(const std::string& column, language lang) {
  return is_ko(lang) ? "비율의 합을 100으로 맞추려 나머지를 " + column + "에 넣음"
                     : "the residual put into " + column + " so that the shares sum to 100";
}

std::string largest_remainder(language lang) {
  return is_ko(lang) ? "최대잉여법(해밀턴 방식)으로 합계를 100으로 맞춤"
                     : "apportioned by largest remainder (Hamilton) so that the shares sum to 100";
}

std::string rounded_parts(rounding rule, language lang) {
  if (is_ko(lang)) return "각 부분을 " + std::string(label_ko(rule)) + "한 뒤 더함";
  switch (rule) {
    case rounding::half_up: return "the parts rounded, then added";
    case rounding::truncate: return "the parts truncated, then added";
    case rounding::half_even: return "the parts rounded half to even, then added";
  }
  return {};
}

std::string definition(const criteria& c, language lang) {
  if (c.basis == basis::pledge)
    return is_ko(lang) ? "공약기준(공약의 모든 단위사업이 완료일 때 완료)"
                       : "per pledge (a pledge is complete when all its projects are)";
  if (c.measure == measure::mean_progress) return is_ko(lang) ? "평균진행률(사업별 추진율의 평균)" : "mean progress";
  if (c.in_term_only) return is_ko(lang) ? "임기내 사업만(기타·임기후 제외)" : "projects due within the term only";
  std::string statuses;
  for (const status s : all_statuses)
    if (c.complete.contains(s)) {
      if (!statuses.empty()) statuses += '+';
      statuses += report::status_text(s, lang);
    }
  return (is_ko(lang) ? c.name_ko : c.name) + " (" + statuses + ")";
}

std::string subgroup(const std::string& group, language lang) {
  return is_ko(lang) ? group + "만의 비율" : "the rate within " + group;
}

std::string new_in_term(language lang) {
  return is_ko(lang) ? "이번 임기 신규사업만의 비율" : "the rate of the projects new in this term";
}

std::string carried_over(language lang) {
  return is_ko(lang) ? "직전 시점의 수치를 그대로 씀" : "the previous period's figure carried over";
}

std::string nearby(bool numerator, bool count, std::int64_t delta, std::int64_t before, std::int64_t after,
                   bool previous_period, language lang) {
  const std::int64_t n = delta < 0 ? -delta : delta;
  if (is_ko(lang)) {
    std::string out = previous_period ? "직전 시점 " : "";
    out += count ? "건수" : numerator ? "분자" : "분모";
    return out + "가 " + std::to_string(n) + "건 " + (delta > 0 ? "많음" : "적음") + "(" + std::to_string(before) +
           " 대신 " + std::to_string(after) + ")";
  }
  static const char* words[] = {"", "one", "two", "three"};
  std::string out = n <= 3 ? words[n] : std::to_string(n);
  out += n == 1 ? " project " : " projects ";
  out += delta > 0 ? "more" : "fewer";
  if (!count) out += numerator ? " in the numerator" : " in the denominator";
  if (previous_period) out += " of the previous period";
  return out + " (" + std::to_string(after) + " for " + std::to_string(before) + ")";
}

std::string in_points(language lang) {
  return is_ko(lang) ? "%p로 나타낼 변화를 %로 표시" : "the change in percentage points, printed with %";
}

std::string in_percent(language lang) {
  return is_ko(lang) ? "%로 나타낼 상대 변화를 %p로 표시" : "the relative change in %, printed with %p";
}

std::string statuses_text(const std::vector<status>& statuses, language lang) {
  std::string out;
  for (std::size_t i = 0; i < statuses.size(); ++i) {
    if (i != 0) out += '+';
    out += report::status_text(statuses[i], lang);
  }
  return out;
}

}  // namespace wording

}  // namespace pledgetrack::audit
