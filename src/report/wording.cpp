// The words of a report in Korean and English (see wording.hpp). The Korean
// follows the seed report's own phrasing (점검개요, 점검대상 : 5대 분야 21개 공약
// 49개 사업, 2023년 4분기 65.3% 대비 …), with the change in %p, not "%↑".
#include "pledgetrack/report/wording.hpp"

#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "pledgetrack/text/unicode.hpp"
#include "pledgetrack/version.hpp"

namespace pledgetrack::report {

namespace {

bool is_ko(language lang) { return lang == language::ko; }

std::string plural(std::int64_t n, std::string_view one, std::string_view many) {
  return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i != 0) out += separator;
    out += parts[i];
  }
  return out;
}

std::vector<std::string> status_labels_of(status_set set, language lang) {
  std::vector<std::string> out;
  for (const status s : all_statuses)
    if (set.contains(s)) out.push_back(status_text(s, lang));
  return out;
}

/// The denominator of a rate in words: "전체 단위사업", "임기내 공약(보류 제외)".
std::string denominator_text(const criteria& c, language lang) {
  const auto excluded = status_labels_of(c.excluded, lang);
  if (is_ko(lang)) {
    std::string out = c.in_term_only ? "임기내 " : "전체 ";
    out += c.basis == basis::project ? "단위사업" : "공약";
    if (!excluded.empty()) out += "(" + join(excluded, "·") + " 제외)";
    return out;
  }
  std::string out = c.in_term_only ? "unit projects due within the term" : "all unit projects";
  if (c.basis == basis::pledge) out = c.in_term_only ? "pledges due within the term" : "all pledges";
  if (!excluded.empty()) out += " except " + join(excluded, ", ");
  return out;
}

struct phrase_entry {
  phrase key;
  std::string_view name;
  std::string_view ko;
  std::string_view en;
};

// The one table of the report's fixed words, in the order of `phrase`.
constexpr phrase_entry phrases[] = {
    {phrase::as_of, "as_of", "기준일자", "As of"},
    {phrase::scope, "scope", "점검대상", "Scope"},
    {phrase::out_of_scope, "out_of_scope", "공약조정으로 제외된 사업", "Removed through adjustment (공약조정)"},
    {phrase::district, "district", "자치단체", "District"},
    {phrase::term, "term", "임기", "Term"},
    {phrase::period, "period", "점검 분기", "Period"},
    {phrase::fields, "fields", "분야", "Fields"},
    {phrase::pledges, "pledges", "공약", "Pledges"},
    {phrase::projects, "projects", "단위사업", "Unit projects"},
    {phrase::field, "field", "구분", "Field"},
    {phrase::total, "total", "총계", "Total"},
    {phrase::sum, "sum", "계", "Total"},
    {phrase::status_heading, "status_heading", "구분", ""},
    {phrase::count_row, "count_row", "건수", "Projects"},
    {phrase::share_row, "share_row", "비율", "Share"},
    {phrase::share_exact_row, "share_exact_row", "비율(반올림 전, %)", "Share (unrounded, %)"},
    {phrase::criteria_prefix, "criteria_prefix", "☞ 공약이행도 판단기준 - ", "☞ Criteria - "},
    {phrase::numerator, "numerator", "분자", "Numerator"},
    {phrase::denominator, "denominator", "분모", "Denominator"},
    {phrase::percent, "percent", "백분율(반올림 전)", "Percent (unrounded)"},
    {phrase::shown, "shown", "표시", "Shown"},
    {phrase::change, "change", "증감(%p)", "Change (%p)"},
    {phrase::by_field, "by_field", "분야별 공약이행완료율", "Rate by field"},
    {phrase::no_previous, "no_previous", "직전 점검 자료 없음(비교하지 않음)", "No previous check given (nothing compared)"},
    {phrase::no_changes, "no_changes", "변경사항 없음", "No changes"},
    {phrase::from, "from", "이전 추진상황", "Before"},
    {phrase::to, "to", "현재 추진상황", "Now"},
    {phrase::move, "move", "변경 내용", "Change"},
    {phrase::regression, "regression", "후퇴", "Regression"},
    {phrase::group, "group", "구분", "Group"},
    {phrase::none, "none", "해당 없음", "None"},
    {phrase::number, "number", "번호", "No."},
    {phrase::reason, "reason", "사유", "Reason"},
    {phrase::by_status, "by_status", "추진상황에 따른 선정", "Listed by status"},
    {phrase::by_reason, "by_reason", "조정 사유 기재", "Reason given"},
    {phrase::id, "id", "관리번호", "ID"},
    {phrase::pledge, "pledge", "공약명", "Pledge"},
    {phrase::title, "title", "단위사업명", "Unit project"},
    {phrase::department, "department", "주관부서", "Department"},
    {phrase::bureau, "bureau", "실·국", "Bureau"},
    {phrase::status, "status", "추진상황", "Status"},
    {phrase::raw_status, "raw_status", "원문 표기", "Label as written"},
    {phrase::chart_title, "chart_title", "분야별 추진상황", "Status by field"},
    {phrase::chart_desc, "chart_desc", "분야마다 단위사업 수를 추진상황별로 나눈 막대",
     "For each field, its unit projects split by status"},
    {phrase::sheet_overview, "sheet_overview", "점검개요", "Overview"},
    {phrase::sheet_results, "sheet_results", "점검결과", "Results"},
    {phrase::sheet_changes, "sheet_changes", "변경사항", "Changes"},
    {phrase::sheet_adjustment_candidates, "sheet_adjustment_candidates", "공약조정", "Adjustments"},
    {phrase::sheet_detail, "sheet_detail", "추진현황", "Detail"},
    {phrase::criteria, "criteria", "기준", "Criteria"},
    {phrase::before, "before", "이전", "Before"},
    {phrase::after, "after", "이후", "After"},
    {phrase::unmeasured, "unmeasured", "값 없는 단위(제외)", "Units without a value (left out)"},
};

constexpr bool phrases_in_order() {
  for (std::size_t i = 0; i < std::size(phrases); ++i)
    if (static_cast<std::size_t>(phrases[i].key) != i) return false;
  return std::size(phrases) == static_cast<std::size_t>(phrase::unmeasured) + 1;
}
static_assert(phrases_in_order(), "the phrase table lists every phrase once, in the enum's order");

bool is_kmc_classification(const criteria& c) {
  return c.measure == measure::status_share && c.complete == kmc_complete_statuses && c.excluded.empty() &&
         !c.in_term_only;
}

}  // namespace

std::string_view to_string(phrase p) noexcept { return phrases[static_cast<std::size_t>(p)].name; }

std::string_view phrase_text(phrase p, language lang) noexcept {
  const phrase_entry& e = phrases[static_cast<std::size_t>(p)];
  return is_ko(lang) ? e.ko : e.en;
}

const std::vector<phrase>& all_phrases() {
  static const std::vector<phrase> all = [] {
    std::vector<phrase> out;
    for (const phrase_entry& e : phrases) out.push_back(e.key);
    return out;
  }();
  return all;
}

std::string_view label_separator(language lang) noexcept { return is_ko(lang) ? " : " : ": "; }

std::string count_text(std::int64_t n, language lang) {
  return is_ko(lang) ? std::to_string(n) + "건" : std::to_string(n);
}

std::string projects_text(std::int64_t n, language lang) {
  return is_ko(lang) ? std::to_string(n) + "개 사업" : plural(n, "unit project", "unit projects");
}

std::string out_of_scope_text(std::int64_t n, language lang) {
  std::string out(phrase_text(phrase::out_of_scope, lang));
  out += label_separator(lang);
  out += std::to_string(n);
  out += is_ko(lang) ? "개(집계에서 제외)" : " (not counted)";
  return out;
}

std::string added_text(std::int64_t n, language lang) {
  return is_ko(lang) ? "신규 추가 사업 : " + std::to_string(n) + "개" : "Added: " + std::to_string(n);
}

std::string removed_text(std::int64_t n, language lang) {
  return is_ko(lang) ? "제외된 사업 : " + std::to_string(n) + "개" : "Removed: " + std::to_string(n);
}

std::string unchanged_text(std::int64_t n, language lang) {
  return is_ko(lang) ? "그 밖의 " + std::to_string(n) + "개 사업은 변동 없음"
                     : "The other " + std::to_string(n) + " projects did not change";
}

std::string generated_by_text(language lang) {
  return is_ko(lang) ? "pledgetrack " + std::string(version) + "(으)로 생성"
                     : "Made with pledgetrack " + std::string(version);
}

std::vector<labelled_moves> change_groups(const report_changes& c, language lang) {
  std::vector<labelled_moves> out;
  for (const status_change_group& g : c.by_new_status) out.push_back({change_group_text(g, lang), &g.projects});
  if (!c.added.empty()) out.push_back({added_text(static_cast<std::int64_t>(c.added.size()), lang), &c.added});
  if (!c.removed.empty())
    out.push_back({removed_text(static_cast<std::int64_t>(c.removed.size()), lang), &c.removed});
  return out;
}

std::string_view to_string(section s) noexcept {
  switch (s) {
    case section::overview: return "overview";
    case section::results: return "results";
    case section::changes: return "changes";
    case section::adjustment_candidates: return "adjustment_candidates";
    case section::detail: return "detail";
  }
  return "overview";
}

std::string section_title(section s, language lang) {
  switch (s) {
    case section::overview: return is_ko(lang) ? "1. 점검개요" : "1. Overview";
    case section::results: return is_ko(lang) ? "2. 점검결과" : "2. Results";
    case section::changes: return is_ko(lang) ? "직전 분기 대비 변경사항" : "Changes since the previous quarter";
    case section::adjustment_candidates: return is_ko(lang) ? "공약조정 필요사업" : "Projects needing adjustment";
    case section::detail: return is_ko(lang) ? "공약사업별 추진현황" : "Projects by field";
  }
  return {};
}

std::string report_title(const quarterly_report& r, language lang) {
  const report_overview& o = r.overview;
  if (is_ko(lang)) {
    std::vector<std::string> parts;
    if (o.term > 0) parts.push_back(term_text(o.term, lang));
    if (!o.head_title.empty()) parts.push_back(o.head_title);
    parts.emplace_back("공약사항");
    if (o.period) parts.push_back(period_text(*o.period, lang));
    parts.emplace_back("추진실적 점검 결과");
    return join(parts, " ");
  }
  return o.period ? "Pledge implementation check, " + period_text(*o.period, lang) : "Pledge implementation check";
}

std::string report_subtitle(const quarterly_report& r, language lang) {
  const report_overview& o = r.overview;
  std::vector<std::string> parts;
  if (!o.district.empty()) parts.push_back(o.district);
  if (is_ko(lang)) {
    parts.push_back(o.as_of.is_special() ? date_text(o.as_of, lang) : date_text(o.as_of, lang) + " 기준");
  } else {
    if (o.term > 0) parts.push_back(term_text(o.term, lang));
    parts.push_back(o.as_of.is_special() ? date_text(o.as_of, lang) : "as of " + date_text(o.as_of, lang));
  }
  return join(parts, " · ");
}

std::string date_text(const date& d, language lang) {
  if (d.is_special()) return is_ko(lang) ? "기준일자 없음" : "no date";
  if (!is_ko(lang)) return format_date(d);
  const auto ymd = d.year_month_day();
  return std::to_string(static_cast<int>(ymd.year)) + ". " + std::to_string(ymd.month.as_number()) + ". " +
         std::to_string(static_cast<int>(ymd.day)) + ".";
}

std::string period_text(const period& p, language lang) {
  if (is_ko(lang)) return p.label_ko();
  return std::to_string(p.year()) + (p.kind() == period_kind::quarter ? " Q" : " H") + std::to_string(p.index());
}

std::string term_text(int term, language lang) {
  if (term <= 0) return {};
  if (is_ko(lang)) return "민선" + std::to_string(term) + "기";
  const int tens = term % 100;
  const int units = term % 10;
  const char* suffix = (tens >= 11 && tens <= 13) ? "th"
                       : units == 1               ? "st"
                       : units == 2               ? "nd"
                       : units == 3               ? "rd"
                                                  : "th";
  return std::to_string(term) + suffix + " term";
}

std::string status_text(status s, language lang) {
  return std::string(is_ko(lang) ? label_ko(s) : label_en(s));
}

std::string status_group_text(const std::vector<status>& statuses, language lang) {
  std::vector<std::string> parts;
  for (const status s : statuses) parts.push_back(status_text(s, lang));
  return join(parts, " / ");
}

std::string status_definition(status s, language lang) {
  if (is_ko(lang)) {
    switch (s) {
      case status::completed: return "공약이행이 완료되어 종료된 사업";
      case status::ongoing:
        return "공약내용 이행완료 후 추가 목표를 세워 추진 중인 사업, 공약내용 이행완료 후 주기적으로 반복되는 사업";
      case status::on_track: return "내용이 정상적으로 추진 중이고, 임기종료 시점까지 이행완료가 예상되는 사업";
      case status::lagging: return "추진하고 있으나, 예상 목표를 달성하지 못하고 부진한 사업";
      case status::on_hold: return "추진이 보류된 사업";
      case status::dropped: return "목록에 남아 있으나 추진을 포기한 사업";
      case status::not_due: return "이행 시기가 도래하지 않은 사업(시기미도래)";
    }
    return {};
  }
  switch (s) {
    case status::completed: return "done and closed";
    case status::ongoing: return "done, then continued with new targets or repeated periodically";
    case status::on_track: return "proceeding normally, expected to finish within the term";
    case status::lagging: return "proceeding but behind its targets";
    case status::on_hold: return "on hold";
    case status::dropped: return "abandoned while still on the list";
    case status::not_due: return "not yet due (e.g. starts after the term)";
  }
  return {};
}

std::string group_text(const std::string& key, language lang) {
  if (!key.empty()) return key;
  return is_ko(lang) ? "(미지정)" : "(none)";
}

std::string scope_text(const report_overview& o, language lang) {
  std::vector<std::string> parts;
  if (is_ko(lang)) {
    if (o.fields > 0) parts.push_back(std::to_string(o.fields) + "대 분야");
    if (o.pledges > 0) parts.push_back(std::to_string(o.pledges) + "개 공약");
    parts.push_back(std::to_string(o.projects) + "개 사업");
    return join(parts, " ");
  }
  if (o.fields > 0) parts.push_back(plural(o.fields, "field", "fields"));
  if (o.pledges > 0) parts.push_back(plural(o.pledges, "pledge", "pledges"));
  parts.push_back(plural(o.projects, "unit project", "unit projects"));
  return join(parts, ", ");
}

std::string rate_name(const criteria& c, language lang) {
  if (is_ko(lang)) return c.name_ko + (c.basis == basis::project ? "(단위사업기준)" : "(공약기준)");
  return c.name + (c.basis == basis::project ? " (per unit project)" : " (per pledge)");
}

std::string rate_text(const rate& r, language lang) {
  if (r.has_value()) return r.to_string();
  return is_ko(lang) ? "산출 불가(집계 대상 없음)" : "no rate, nothing counted";
}

std::string rounding_text(rounding rule, int decimals, language lang) {
  if (is_ko(lang)) {
    const std::string places = decimals == 0 ? "정수로 " : "소수점 이하 " + std::to_string(decimals) + "자리까지 ";
    return places + std::string(label_ko(rule));
  }
  const std::string places = decimals == 0 ? "a whole number"
                             : decimals == 1 ? "1 decimal"
                                             : std::to_string(decimals) + " decimals";
  switch (rule) {
    case rounding::half_up: return "rounded half up to " + places;
    case rounding::truncate: return "truncated to " + places;
    case rounding::half_even: return "rounded half to even to " + places;
  }
  return {};
}

std::string criteria_text(const criteria& c, language lang) {
  const bool ko = is_ko(lang);
  std::string out;
  if (is_kmc_classification(c) && ko) out = "한국매니페스토실천본부 평가기준 준용: ";
  out += ko ? c.name_ko : c.name;
  out += " = ";
  switch (c.measure) {
    case measure::status_share:
      out += "(" + join(status_labels_of(c.complete, lang), " + ") + ")";
      out += ko ? " ÷ " : " / ";
      out += denominator_text(c, lang) + " × 100";
      break;
    case measure::weighted:
      out += ko ? "상태별 가중치의 합 ÷ " : "sum of status weights / ";
      out += denominator_text(c, lang) + " × 100";
      break;
    case measure::mean_progress:
      out += ko ? "사업별 추진율의 평균(추진율 미기재 사업 제외)"
                : "mean of per-project progress % (projects without one left out)";
      break;
  }
  if (c.basis == basis::pledge && c.measure == measure::status_share)
    out += ko ? ", 공약은 모든 단위사업이 완료일 때 완료" : "; a pledge is complete when all its projects are";
  out += ko ? ", " : "; ";
  out += rounding_text(c.rule, c.decimals, lang);
  if (is_kmc_classification(c) && !ko) out += "; statuses as the Korea Manifesto Center (KMC) defines them";
  return out;
}

std::string share_rule_text(const status_table& t, language lang) {
  const bool ko = is_ko(lang);
  if (t.total == 0) return ko ? "비율 산출 대상 없음" : "no shares: nothing counted";
  std::string out;
  if (t.shares == share_rounding::honest) {
    out = ko ? "비율은 항목별로 " + rounding_text(t.rule, t.decimals, lang) + "하였으며 합계를 100%로 맞추지 않음"
             : "Shares " + rounding_text(t.rule, t.decimals, lang) + " each, not forced to sum to 100%";
  } else {
    const std::string places = t.decimals == 0 ? (ko ? "정수로" : "whole numbers")
                                               : (ko ? "소수점 이하 " + std::to_string(t.decimals) + "자리까지"
                                                     : std::to_string(t.decimals) + (t.decimals == 1 ? " decimal" : " decimals"));
    out = ko ? "비율은 최대잉여법(해밀턴 방식)으로 " + places + " 배분하여 합계를 100%로 맞춤"
             : "Shares apportioned to " + places + " by the largest remainder method (Hamilton), forced to sum to 100%";
  }
  // The sum shown, when it is not 100: the reader should not have to add up.
  std::int64_t hundred_scaled = 100;
  for (int i = 0; i < t.decimals; ++i) hundred_scaled *= 10;
  if (t.shown_sum_scaled != hundred_scaled)
    out += ko ? "(표시된 비율의 합 " + t.shown_sum_text + "%)" : " (the shares shown sum to " + t.shown_sum_text + "%)";
  return out;
}

std::string previous_text(const quarterly_report& r, language lang) {
  const report_headline& h = r.results.headline;
  if (!h.previous) return {};
  if (h.previous_period && (!r.overview.period || *h.previous_period != *r.overview.period))
    return period_text(*h.previous_period, lang);
  return date_text(h.previous_as_of.value_or(date()), lang);
}

std::string headline_text(const quarterly_report& r, language lang, std::string_view emphasis) {
  const report_headline& h = r.results.headline;
  const std::string em(emphasis);
  std::string out = rate_name(r.criteria, lang) + (is_ko(lang) ? " : " : ": ") + em + rate_text(h.current, lang) + em;
  if (!h.previous) return out;
  const std::string before = previous_text(r, lang);
  if (is_ko(lang)) {
    out += " ※ " + before + " " + rate_text(*h.previous, lang);
    if (h.change_points) out += " 대비 " + h.change_text;
  } else {
    out += " (" + before + ": " + rate_text(*h.previous, lang);
    if (h.change_points) out += ", " + h.change_text;
    out += ")";
  }
  return out;
}

std::string changes_title(const quarterly_report& r, language lang) {
  if (!r.changes) return {};
  const std::string before = previous_text(r, lang);
  const auto& now = r.overview.period;
  const auto& then = r.results.headline.previous_period;
  if (now && then && now->previous() == *then) {
    const bool quarter = now->kind() == period_kind::quarter;
    if (is_ko(lang)) return std::string(quarter ? "직전 분기(" : "직전 반기(") + before + ") 대비 변경사항";
    return std::string(quarter ? "Changes since the previous quarter (" : "Changes since the previous half-year (") +
           before + ")";
  }
  return is_ko(lang) ? before + " 대비 변경사항" : "Changes since " + before;
}

std::string change_group_text(const status_change_group& g, language lang) {
  const auto n = static_cast<std::int64_t>(g.projects.size());
  if (is_ko(lang)) return status_text(g.status, lang) + " 사업 : " + std::to_string(n) + "개";
  return "Now " + status_text(g.status, lang) + ": " + plural(n, "project", "projects");
}

std::string transition_text(const transition& t, language lang) {
  const bool ko = is_ko(lang);
  if (!t.from && t.to) return (ko ? "신규: " : "new: ") + status_text(*t.to, lang);
  if (t.from && !t.to) return (ko ? "제외, 직전 " : "removed, was ") + status_text(*t.from, lang);
  if (!t.from || !t.to) return {};
  std::string out = status_text(*t.from, lang) + " → " + status_text(*t.to, lang);
  if (t.k == transition_kind::regression) out += ko ? ", 후퇴" : ", regression";
  return out;
}

std::string missing_reason_text(const adjustment_candidate& a, language lang) {
  if (is_ko(lang)) return "사유 미기재(추진상황: " + status_text(a.status, lang) + ")";
  return "no reason given (status: " + status_text(a.status, lang) + ")";
}

std::string circled_number(std::size_t n) {
  if (n >= 1 && n <= 20) {
    std::string out;
    text::append_utf8(out, static_cast<char32_t>(0x2460 + n - 1));
    return out;
  }
  std::string out(1, '(');  // appended: `"(" + std::string` trips GCC 12's false -Wrestrict
  out += std::to_string(n);
  out += ')';
  return out;
}

}  // namespace pledgetrack::report
