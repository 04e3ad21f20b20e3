// The table layouts the renderers share (the quarterly report's and the
// audit's): an aligned table for a terminal, padded by display width, and a
// GitHub Markdown table. Cells arrive escaped. Internal to the compiled library.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "pledgetrack/report/display_width.hpp"

namespace pledgetrack::report::detail {

enum class align { left, right };

inline void pad(std::string& out, std::size_t n) { out.append(n, ' '); }

/// An aligned table for a terminal: columns two spaces apart, a rule of
/// '-' under the header, no trailing spaces, every line indented by `indent`.
inline void text_table(std::string& out, const std::vector<std::string>& header, const std::vector<align>& aligns,
           const std::vector<std::vector<std::string>>& body, std::string_view indent = "  ") {
  std::vector<std::size_t> widths(header.size(), 0);
  auto measure = [&](const std::vector<std::string>& row) {
    for (std::size_t c = 0; c < row.size() && c < widths.size(); ++c)
      widths[c] = std::max(widths[c], display_width(row[c]));
  };
  measure(header);
  for (const auto& row : body) measure(row);

  auto line = [&](const std::vector<std::string>& row) {
    std::string text(indent);
    for (std::size_t c = 0; c < widths.size(); ++c) {
      const std::string& cell = c < row.size() ? row[c] : std::string();
      const std::size_t gap = widths[c] - display_width(cell);
      if (c != 0) text += "  ";
      if (aligns[c] == align::right) pad(text, gap);
      text += cell;
      if (aligns[c] == align::left) pad(text, gap);
    }
    while (!text.empty() && text.back() == ' ') text.pop_back();
    out += text + "\n";
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

/// A GitHub table: header, alignment row, body.
inline void markdown_table(std::string& out, const std::vector<std::string>& header, const std::vector<align>& aligns,
           const std::vector<std::vector<std::string>>& body) {
  auto line = [&](const std::vector<std::string>& cells) {
    out += '|';
    for (const std::string& cell : cells) {
      out += ' ';
      out += cell;
      out += " |";
    }
    out += '\n';
  };
  line(header);
  out += '|';
  for (const align a : aligns) out += a == align::left ? ":---|" : "---:|";
  out += '\n';
  for (const auto& row : body) line(row);
  out += '\n';
}

}  // namespace pledgetrack::report::detail
