// The quarterly report as plain text for a terminal. Tables are padded by
// display width (display_width.hpp): a Hangul syllable takes two columns, so
// padding by bytes or code points would misalign every Korean table. Text
// from data passes through sanitize_terminal, so no escape sequence in a
// title reaches the terminal.
#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "pledgetrack/report/display_width.hpp"
#include "pledgetrack/report/escape.hpp"
#include "pledgetrack/report/render.hpp"
#include "pledgetrack/report/wording.hpp"
#include "report_internal.hpp"
#include "table_layout.hpp"

namespace pledgetrack::report {

namespace {

constexpr std::string_view indent = detail::text_indent;

using detail::align;
using detail::fit;
using detail::line_width;
using detail::min_wrapped_width;
using detail::pad;
using detail::wrap;
constexpr auto table = detail::text_table;

/// One item of a list: `prefix`, then `text` wrapped to line_width, its later
/// lines indented under its first character.
void item(std::string& out, const std::string& prefix, std::string_view text) {
  const std::size_t hang = display_width(prefix);
  const std::size_t room = line_width > hang + min_wrapped_width ? line_width - hang : min_wrapped_width;
  bool first = true;
  for (const std::string& line : wrap(text, room)) {
    if (first)
      out += prefix;
    else
      pad(out, hang);
    out += line + "\n";
    first = false;
  }
}

void heading(std::string& out, const std::string& title, char underline) {
  out += title + "\n";
  out.append(display_width(title), underline);
  out += "\n\n";
}

void overview_section(std::string& out, const quarterly_report& r, language lang) {
  const report_overview& o = r.overview;
  heading(out, section_title(section::overview, lang), '-');
  out += std::string(indent) + "- " + detail::labelled(phrase::as_of, date_text(o.as_of, lang), lang) + "\n";
  out += std::string(indent) + "- " + detail::labelled(phrase::scope, scope_text(o, lang), lang) + "\n";
  if (o.out_of_scope > 0) out += std::string(indent) + "- " + out_of_scope_text(o.out_of_scope, lang) + "\n";
  out += '\n';

  const auto cells = detail::field_by_bureau_cells(o.field_by_bureau, lang);
  std::vector<align> aligns(cells.header.size(), align::right);
  aligns.front() = align::left;
  table(out, cells.header, aligns, std::vector<fit>(cells.header.size(), fit::keep), cells.body);
}

void results_section(std::string& out, const quarterly_report& r, language lang) {
  const status_table& t = r.results.by_status;
  heading(out, section_title(section::results, lang), '-');
  item(out, std::string(indent) + "- ", headline_text(r, lang));
  out += '\n';

  const auto cells = detail::status_table_cells(t, lang);
  std::vector<align> aligns(cells.header.size(), align::right);
  aligns.front() = align::left;
  table(out, cells.header, aligns, std::vector<fit>(cells.header.size(), fit::keep), cells.body);
  item(out, std::string(indent) + "※ ", share_rule_text(t, lang));
  item(out, std::string(indent) + std::string(phrase_text(phrase::criteria_prefix, lang)), criteria_text(r.criteria, lang));
  for (const status_column& c : t.columns)
    for (const status s : c.statuses)
      item(out, std::string(indent) + "  - " + status_text(s, lang) + std::string(label_separator(lang)),
           status_definition(s, lang));
  out += '\n';
}

void transition_item(std::string& out, const transition& t, language lang) {
  item(out, std::string(indent) + "  ☞ (" + t.id.to_string() + ") ", t.title + " (" + transition_text(t, lang) + ")");
}

void changes_section(std::string& out, const quarterly_report& r, language lang) {
  if (!r.changes) return;
  const report_changes& c = *r.changes;
  heading(out, "□ " + changes_title(r, lang), '-');
  if (c.empty()) {
    out += std::string(indent) + "- " + std::string(phrase_text(phrase::no_changes, lang)) + "\n\n";
    return;
  }
  for (const labelled_moves& g : change_groups(c, lang)) {
    out += std::string(indent) + "- " + g.text + "\n";
    for (const transition& t : *g.projects) transition_item(out, t, lang);
  }
  if (c.unchanged > 0) out += std::string(indent) + "- " + unchanged_text(c.unchanged, lang) + "\n";
  out += '\n';
}

void adjustments_section(std::string& out, const quarterly_report& r, language lang) {
  heading(out, "□ " + section_title(section::adjustment_candidates, lang), '-');
  if (r.adjustment_candidates.empty()) {
    out += std::string(indent) + "- " + std::string(phrase_text(phrase::none, lang)) + "\n\n";
    return;
  }
  std::size_t n = 0;
  for (const adjustment_candidate& a : r.adjustment_candidates) {
    std::string what = a.title + " (" + status_text(a.status, lang);
    if (!a.department.empty()) what += " · " + a.department;
    item(out, std::string(indent) + circled_number(++n) + " (" + a.id.to_string() + ") ", what + ")");
    const std::string reason_prefix = std::string(indent) + "   - ";
    const auto reasons = detail::split_lines(a.reason);
    if (reasons.empty()) item(out, reason_prefix, missing_reason_text(a, lang));
    for (const std::string& line : reasons) item(out, reason_prefix, line);
    out += '\n';
  }
}

void detail_section(std::string& out, const quarterly_report& r, language lang) {
  heading(out, "□ " + section_title(section::detail, lang), '-');
  for (const field_detail& f : r.detail) {
    out += std::string(indent) + "[" + group_text(f.field, lang) + "] " + detail::field_summary(f, r.criteria, lang) +
           "\n\n";
    // The pledge's and the project's names wrap; the id, department and status stay whole.
    table(out, detail::detail_header(lang), {align::left, align::left, align::left, align::left, align::left},
          {fit::keep, fit::wrap, fit::wrap, fit::keep, fit::keep}, detail::detail_rows(f, lang));
  }
}

}  // namespace

std::string render_text(const quarterly_report& report, language lang) {
  const quarterly_report r = detail::escaped_copy(report, [](std::string_view s) { return sanitize_terminal(s); });
  std::string out;
  const std::string title = report_title(r, lang);
  out += title + "\n" + report_subtitle(r, lang) + "\n";
  out.append(display_width(title), '=');
  out += "\n\n";
  overview_section(out, r, lang);
  results_section(out, r, lang);
  changes_section(out, r, lang);
  adjustments_section(out, r, lang);
  detail_section(out, r, lang);
  while (out.size() >= 2 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n') out.pop_back();
  return out;
}

}  // namespace pledgetrack::report
