// The text form of a published report, as extracted from its PDF or HWPX
// (docs/reports.md): one line per paragraph or table row, table cells
// separated by tabs, the cells of a merged-cell continuation empty, a form
// feed between pages. Every line keeps its page and line number, so that
// whatever cannot be read is reported where it is.
#pragma once

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "pledgetrack/text/unicode.hpp"

namespace pledgetrack::published {

/// One line of the report's text.
struct text_line {
  std::size_t page = 0;            ///< 1-based page (form feeds counted); 0 when the text has no form feed
  std::size_t line = 0;            ///< 1-based line in the text
  std::string text;                ///< the whole line, tabs included, trimmed
  std::vector<std::string> cells;  ///< tab-separated cells, each trimmed; trailing empty cells left out

  /// True for a line without any text.
  [[nodiscard]] bool blank() const noexcept { return cells.empty(); }
  /// True for a row of a table (two cells or more).
  [[nodiscard]] bool is_row() const noexcept { return cells.size() >= 2; }
  /// "page 3, line 110" or "line 110" when the page is not known.
  [[nodiscard]] std::string where() const {
    std::string out = page != 0 ? "page " + std::to_string(page) + ", " : std::string();
    return out + "line " + std::to_string(line);
  }

  friend bool operator==(const text_line&, const text_line&) = default;
  friend std::ostream& operator<<(std::ostream& os, const text_line& l) {
    return os << "text_line(" << l.where() << ", cells=" << l.cells.size() << ")";
  }
};

/// Splits a report's text into lines (LF or CRLF), Hangul composed (NFC),
/// each with its page (the form feeds before it, counted from 1, or 0 when
/// the text has none) and its 1-based line number.
///
///     split_report_text("구분\t계\n\f계\t49건")[1].page == 2
[[nodiscard]] inline std::vector<text_line> split_report_text(std::string_view raw) {
  const std::string text = text::has_conjoining_jamo(raw) ? text::compose_hangul(raw) : std::string(raw);
  const bool paged = text.find('\f') != std::string::npos;
  std::vector<text_line> out;
  std::size_t page = paged ? 1 : 0;
  std::size_t number = 0;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string_view raw_line(text.data() + start, end - start);
    ++number;
    text_line line;
    line.line = number;
    std::string kept;
    for (const char c : raw_line) {
      if (c == '\f') ++page;
      else if (c != '\r') kept += c;
    }
    line.page = page;
    line.text = std::string(text::trim(kept));
    std::size_t cell_start = 0;
    while (cell_start <= kept.size()) {
      std::size_t tab = kept.find('\t', cell_start);
      if (tab == std::string::npos) tab = kept.size();
      line.cells.emplace_back(text::trim(std::string_view(kept).substr(cell_start, tab - cell_start)));
      cell_start = tab + 1;
    }
    while (!line.cells.empty() && line.cells.back().empty()) line.cells.pop_back();
    out.push_back(std::move(line));
    if (end == text.size()) break;
    start = end + 1;
  }
  return out;
}

}  // namespace pledgetrack::published
