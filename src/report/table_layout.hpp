// The table layouts the renderers share (the quarterly report's and the
// audit's): an aligned table for a terminal, padded by display width and
// fitted to 100 columns by wrapping the columns that may wrap, and a GitHub
// Markdown table. Cells arrive escaped. Internal to the compiled library.
#pragma once

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "pledgetrack/report/display_width.hpp"
#include "pledgetrack/text/unicode.hpp"

namespace pledgetrack::report::detail {

/// Every line of a terminal table starts with this.
inline constexpr std::string_view text_indent = "  ";

/// The widest a line of a table gets: the report fits a 100-column terminal.
/// Columns that may wrap give up width, the widest first, until a row fits.
inline constexpr std::size_t line_width = 100;

/// No wrapped column is squeezed below this (a long title in 4-column lines
/// would be harder to read than a line that runs over).
inline constexpr std::size_t min_wrapped_width = 12;

enum class align { left, right };

/// Whether a column may be broken over several lines.
enum class fit { keep, wrap };

inline void pad(std::string& out, std::size_t n) { out.append(n, ' '); }

/// `word` cut into pieces no wider than `width` columns, between code points
/// (a zero-width mark stays with the character before it).
inline void break_word(std::string_view word, std::size_t width, std::vector<std::string>& lines, std::string& line) {
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
inline std::vector<std::string> wrap(std::string_view cell, std::size_t width) {
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
inline std::vector<std::size_t> column_widths(const std::vector<std::string>& header, const std::vector<fit>& fits,
                                       const std::vector<std::vector<std::string>>& body) {
  std::vector<std::size_t> widths(header.size(), 0);
  auto measure = [&](const std::vector<std::string>& row) {
    for (std::size_t c = 0; c < row.size() && c < widths.size(); ++c)
      widths[c] = std::max(widths[c], display_width(row[c]));
  };
  measure(header);
  for (const auto& row : body) measure(row);

  auto total = [&] {
    std::size_t n = text_indent.size() + 2 * (widths.size() - 1);
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
inline void text_table(std::string& out, const std::vector<std::string>& header, const std::vector<align>& aligns,
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
      std::string text(text_indent);
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
  std::string rule(text_indent);
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
