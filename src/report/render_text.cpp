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

namespace pledgetrack::report {

namespace {

constexpr std::string_view indent = "  ";

/// The widest a line of a table gets: the report fits a 100-column terminal.
/// Columns that may wrap give up width, the widest first, until a row fits.
constexpr std::size_t line_width = 100;

/// No wrapped column is squeezed below this (a long title in 4-column lines
/// would be harder to read than a line that runs over).
constexpr std::size_t min_wrapped_width = 12;

enum class align { left, right };

/// Whether a column may be broken over several lines.
enum class fit { keep, wrap };

void pad(std::string& out, std::size_t n) { out.append(n, ' '); }

/// `word` cut into pieces no wider than `width` columns, between code points
/// (a zero-width mark stays with the character before it).
void break_word(std::string_view word, std::size_t width, std::vector<std::string>& lines, std::string& line) {
  std::size_t i = 0;
  while (i < word.size()) {
    const text::decoded d = text::decode_utf8(word.substr(i));
    const std::size_t length = d.length == 0 ? 1 : d.length;  // an invalid byte: one column, as display_width has it
    const std::string_view piece = word.substr(i, length);
    if (!line.empty() && display_width(line) + display_width(piece) > width) {
      lines.push_back(std::move(line));
      line.clear();
    }
    line += piece;
    i += length;
  }
}

/// `cell` as lines no wider than `width` display columns: broken at spaces,
/// and inside a word only when the word alone is wider than `width`.
std::vector<std::string> wrap(std::string_view cell, std::size_t width) {
  if (display_width(cell) <= width) return {std::string(cell)};  // as it is, spaces and all
  std::vector<std::string> lines;
  std::string line;
  std::size_t start = 0;
  while (start <= cell.size()) {
    std::size_t end = cell.find(' ', start);
    if (end == std::string_view::npos) end = cell.size();
    const std::string_view word = cell.substr(start, end - start);
    start = end + 1;
    if (word.empty()) continue;
    const std::size_t joined = line.empty() ? display_width(word) : display_width(line) + 1 + display_width(word);
    if (joined <= width) {
      if (!line.empty()) line += ' ';
      line += word;
      continue;
    }
    if (!line.empty()) {
      lines.push_back(std::move(line));
      line.clear();
    }
    break_word(word, width, lines, line);
  }
  if (!line.empty() || lines.empty()) lines.push_back(std::move(line));
  return lines;
}

/// The widths of the columns: each as wide as its widest cell, then, when the
/// line would pass line_width, the widest wrapping column narrowed one column
/// at a time (never below its header or min_wrapped_width) until it fits.
std::vector<std::size_t> column_widths(const std::vector<std::string>& header, const std::vector<fit>& fits,
                                       const std::vector<std::vector<std::string>>& body) {
  std::vector<std::size_t> widths(header.size(), 0);
  auto measure = [&](const std::vector<std::string>& row) {
    for (std::size_t c = 0; c < row.size() && c < widths.size(); ++c)
      widths[c] = std::max(widths[c], display_width(row[c]));
  };
  measure(header);
  for (const auto& row : body) measure(row);

  auto total = [&] {
    std::size_t n = indent.size() + 2 * (widths.size() - 1);
    for (const std::size_t w : widths) n += w;
    return n;
  };
  while (total() > line_width) {
    std::size_t widest = widths.size();
    for (std::size_t c = 0; c < widths.size(); ++c) {
      const std::size_t floor = std::max(min_wrapped_width, display_width(header[c]));
      if (fits[c] == fit::wrap && widths[c] > floor && (widest == widths.size() || widths[c] > widths[widest]))
        widest = c;
    }
    if (widest == widths.size()) break;  // nothing left to narrow: the line runs over
    --widths[widest];
  }
  return widths;
}

/// An aligned table: columns two spaces apart, a rule of '-' under the
/// header, no trailing spaces. Cells of `fit::wrap` columns wrap onto more
/// lines when the table would be wider than line_width.
void table(std::string& out, const std::vector<std::string>& header, const std::vector<align>& aligns,
           const std::vector<fit>& fits, const std::vector<std::vector<std::string>>& body) {
  const std::vector<std::size_t> widths = column_widths(header, fits, body);

  auto line = [&](const std::vector<std::string>& row) {
    std::vector<std::vector<std::string>> cells(widths.size());
    std::size_t height = 1;
    for (std::size_t c = 0; c < widths.size(); ++c) {
      const std::string& cell = c < row.size() ? row[c] : std::string();
      cells[c] = fits[c] == fit::wrap ? wrap(cell, widths[c]) : std::vector<std::string>{cell};
      height = std::max(height, cells[c].size());
    }
    for (std::size_t k = 0; k < height; ++k) {
      std::string text(indent);
      for (std::size_t c = 0; c < widths.size(); ++c) {
        const std::string& part = k < cells[c].size() ? cells[c][k] : std::string();
        const std::size_t used = display_width(part);
        const std::size_t gap = widths[c] > used ? widths[c] - used : 0;
        if (c != 0) text += "  ";
        if (aligns[c] == align::right) pad(text, gap);
        text += part;
        if (aligns[c] == align::left) pad(text, gap);
      }
      while (!text.empty() && text.back() == ' ') text.pop_back();
      out += text + "\n";
    }
  };
  line(header);
  std::string rule(indent);
  for (std::size_t c = 0; c < widths.size(); ++c) {
    if (c != 0) rule += "  ";
    rule.append(std::max<std::size_t>(widths[c], 1), '-');
  }
  out += rule + "\n";
  for (const auto& row : body) line(row);
  out += '\n';
}

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
  const bool ko = lang == language::ko;
  const report_overview& o = r.overview;
  heading(out, section_title(section::overview, lang), '-');
  out += std::string(indent) + (ko ? "- 기준일자 : " : "- As of: ") + date_text(o.as_of, lang) + "\n";
  out += std::string(indent) + (ko ? "- 점검대상 : " : "- Scope: ") + scope_text(o, lang) + "\n";
  if (o.out_of_scope > 0)
    out += std::string(indent) +
           (ko ? "- 공약조정으로 제외된 사업 : " + std::to_string(o.out_of_scope) + "개(집계에서 제외)\n"
               : "- Removed through adjustment (공약조정): " + std::to_string(o.out_of_scope) + " (not counted)\n");
  out += '\n';

  const auto cells = detail::field_by_bureau_cells(o.field_by_bureau, lang);
  std::vector<align> aligns(cells.header.size(), align::right);
  aligns.front() = align::left;
  table(out, cells.header, aligns, std::vector<fit>(cells.header.size(), fit::keep), cells.body);
}

void results_section(std::string& out, const quarterly_report& r, language lang) {
  const bool ko = lang == language::ko;
  const status_table& t = r.results.by_status;
  heading(out, section_title(section::results, lang), '-');
  item(out, std::string(indent) + "- ", headline_text(r, lang));
  out += '\n';

  const auto cells = detail::status_table_cells(t, lang);
  std::vector<align> aligns(cells.header.size(), align::right);
  aligns.front() = align::left;
  table(out, cells.header, aligns, std::vector<fit>(cells.header.size(), fit::keep), cells.body);
  item(out, std::string(indent) + "※ ", share_rule_text(t, lang));
  item(out, std::string(indent) + (ko ? "☞ 공약이행도 판단기준 - " : "☞ Criteria - "), criteria_text(r.criteria, lang));
  for (const status_column& c : t.columns)
    for (const status s : c.statuses)
      item(out, std::string(indent) + "  - " + status_text(s, lang) + (ko ? " : " : ": "), status_definition(s, lang));
  out += '\n';
}

void transition_item(std::string& out, const transition& t, language lang) {
  item(out, std::string(indent) + "  ☞ (" + t.id.to_string() + ") ", t.title + " (" + transition_text(t, lang) + ")");
}

void changes_section(std::string& out, const quarterly_report& r, language lang) {
  if (!r.changes) return;
  const bool ko = lang == language::ko;
  const report_changes& c = *r.changes;
  heading(out, "□ " + changes_title(r, lang), '-');
  if (c.empty()) {
    out += std::string(indent) + (ko ? "- 변경사항 없음\n\n" : "- No changes\n\n");
    return;
  }
  for (const status_change_group& g : c.by_new_status) {
    out += std::string(indent) + "- " + change_group_text(g, lang) + "\n";
    for (const transition& t : g.projects) transition_item(out, t, lang);
  }
  if (!c.added.empty()) {
    out += std::string(indent) + (ko ? "- 신규 추가 사업 : " + std::to_string(c.added.size()) + "개\n"
                                     : "- Added: " + std::to_string(c.added.size()) + "\n");
    for (const transition& t : c.added) transition_item(out, t, lang);
  }
  if (!c.removed.empty()) {
    out += std::string(indent) + (ko ? "- 제외된 사업 : " + std::to_string(c.removed.size()) + "개\n"
                                     : "- Removed: " + std::to_string(c.removed.size()) + "\n");
    for (const transition& t : c.removed) transition_item(out, t, lang);
  }
  if (c.unchanged > 0)
    out += std::string(indent) + (ko ? "- 그 밖의 " + std::to_string(c.unchanged) + "개 사업은 변동 없음\n"
                                     : "- The other " + std::to_string(c.unchanged) + " projects did not change\n");
  out += '\n';
}

void adjustments_section(std::string& out, const quarterly_report& r, language lang) {
  const bool ko = lang == language::ko;
  heading(out, "□ " + section_title(section::adjustment_candidates, lang), '-');
  if (r.adjustment_candidates.empty()) {
    out += std::string(indent) + (ko ? "- 해당 없음\n\n" : "- None\n\n");
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
