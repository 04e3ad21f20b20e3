// The quarterly report as GitHub Flavored Markdown, laid out like the seed
// report: 1. 점검개요 (scope, field × bureau), 2. 점검결과 (headline rate,
// status table, criteria), the changes since the previous quarter, the
// projects needing adjustment and every project by field. Text from data is
// escaped (escape.hpp) before it is placed.
#include <string>
#include <string_view>
#include <vector>

#include "pledgetrack/report/escape.hpp"
#include "pledgetrack/report/render.hpp"
#include "pledgetrack/report/wording.hpp"
#include "report_internal.hpp"
#include "table_layout.hpp"

namespace pledgetrack::report {

namespace {

using detail::align;
constexpr auto table = detail::markdown_table;

void overview_section(std::string& out, const quarterly_report& r, language lang) {
  const report_overview& o = r.overview;
  out += "## " + section_title(section::overview, lang) + "\n\n";
  out += "- " + detail::labelled(phrase::as_of, date_text(o.as_of, lang), lang) + "\n";
  out += "- " + detail::labelled(phrase::scope, scope_text(o, lang), lang) + "\n";
  if (o.out_of_scope > 0) out += "- " + out_of_scope_text(o.out_of_scope, lang) + "\n";
  out += '\n';

  const auto cells = detail::field_by_bureau_cells(o.field_by_bureau, lang);
  std::vector<align> aligns(cells.header.size(), align::right);
  aligns.front() = align::left;
  table(out, cells.header, aligns, cells.body);
}

/// The headline line with the current figure in bold. The wording marks the
/// figure with a separator that no escaped text contains (escape_markdown
/// turns control characters into U+FFFD), which becomes "**" here.
std::string bold_headline(const quarterly_report& r, language lang) {
  constexpr std::string_view mark = "\x1e";
  std::string line = headline_text(r, lang, mark);
  std::string out;
  std::size_t start = 0;
  for (std::size_t at = line.find(mark); at != std::string::npos; at = line.find(mark, start)) {
    out.append(line, start, at - start);
    out += "**";
    start = at + mark.size();
  }
  out.append(line, start);
  return out;
}

void results_section(std::string& out, const quarterly_report& r, language lang) {
  const status_table& t = r.results.by_status;
  out += "## " + section_title(section::results, lang) + "\n\n";
  out += "- " + bold_headline(r, lang) + "\n\n";

  const auto cells = detail::status_table_cells(t, lang);
  std::vector<align> aligns(cells.header.size(), align::right);
  aligns.front() = align::left;
  table(out, cells.header, aligns, cells.body);
  out += "※ " + share_rule_text(t, lang) + "\n\n";

  out += std::string(phrase_text(phrase::criteria_prefix, lang)) + criteria_text(r.criteria, lang) + "\n\n";
  for (const status_column& c : t.columns)
    for (const status s : c.statuses) out += "- " + detail::status_definition_line(s, lang) + "\n";
  out += '\n';
}

void transition_item(std::string& out, const transition& t, language lang) {
  out += "  - ☞ (" + t.id.to_string() + ") " + t.title + " (" + transition_text(t, lang) + ")\n";
}

void changes_section(std::string& out, const quarterly_report& r, language lang) {
  if (!r.changes) return;
  const report_changes& c = *r.changes;
  out += "### " + changes_title(r, lang) + "\n\n";
  if (c.empty()) {
    out += "- " + std::string(phrase_text(phrase::no_changes, lang)) + "\n\n";
    return;
  }
  for (const labelled_moves& g : change_groups(c, lang)) {
    out += "- " + g.text + "\n";
    for (const transition& t : *g.projects) transition_item(out, t, lang);
  }
  if (c.unchanged > 0) out += "- " + unchanged_text(c.unchanged, lang) + "\n";
  out += '\n';
}

void adjustments_section(std::string& out, const quarterly_report& r, language lang) {
  out += "### " + section_title(section::adjustment_candidates, lang) + "\n\n";
  if (r.adjustment_candidates.empty()) {
    out += "- " + std::string(phrase_text(phrase::none, lang)) + "\n\n";
    return;
  }
  std::size_t n = 0;
  for (const adjustment_candidate& a : r.adjustment_candidates) {
    out += circled_number(++n) + " (" + a.id.to_string() + ") " + a.title + " (" + status_text(a.status, lang);
    if (!a.department.empty()) out += " · " + a.department;
    out += ")\n\n";
    const auto reasons = detail::split_lines(a.reason);
    if (reasons.empty()) out += "- " + missing_reason_text(a, lang) + "\n";
    for (const std::string& line : reasons) out += "- " + line + "\n";
    out += '\n';
  }
}

void detail_section(std::string& out, const quarterly_report& r, language lang) {
  out += "### " + section_title(section::detail, lang) + "\n\n";
  for (const field_detail& f : r.detail) {
    out += "#### " + group_text(f.field, lang) + " (" + detail::field_summary(f, r.criteria, lang) + ")\n\n";
    table(out, detail::detail_header(lang), {align::left, align::left, align::left, align::left, align::left},
          detail::detail_rows(f, lang));
  }
}

}  // namespace

std::string render_markdown(const quarterly_report& report, language lang) {
  const quarterly_report r = detail::escaped_copy(report, [](std::string_view s) { return escape_markdown(s); });
  std::string out;
  out += "# " + report_title(r, lang) + "\n\n";
  out += report_subtitle(r, lang) + "\n\n";
  overview_section(out, r, lang);
  results_section(out, r, lang);
  changes_section(out, r, lang);
  adjustments_section(out, r, lang);
  detail_section(out, r, lang);
  // One newline at the end, not two.
  while (out.size() >= 2 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n') out.pop_back();
  return out;
}

}  // namespace pledgetrack::report
