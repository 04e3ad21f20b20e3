// Text for a spreadsheet cell that no spreadsheet program runs as a formula:
// one rule for every file pledgetrack writes that a spreadsheet opens (the
// CSV writer, the XLSX report through the bindings). A cell whose text starts
// with = + - @ gets an apostrophe before it; so does one that starts with
// apostrophes before such a character, so that a reader taking exactly one
// apostrophe off gives back the text ("'=x" is written "''=x").
#pragma once

#include <string>
#include <string_view>

namespace pledgetrack::io {

/// = + - @: the characters that start a formula in Excel, LibreOffice and
/// Google Sheets.
[[nodiscard]] constexpr bool is_formula_start(char c) noexcept { return c == '=' || c == '+' || c == '-' || c == '@'; }

/// Whether `text` needs the apostrophe: its first character after any
/// leading apostrophes starts a formula.
[[nodiscard]] constexpr bool needs_formula_guard(std::string_view text) noexcept {
  const std::size_t first = text.find_first_not_of('\'');
  return first != std::string_view::npos && is_formula_start(text[first]);
}

/// `text` with an apostrophe before it when it needs one:
/// guard_formula("=1+1") == "'=1+1", guard_formula("'=x") == "''=x",
/// guard_formula("공약") == "공약".
[[nodiscard]] inline std::string guard_formula(std::string_view text) {
  std::string out;
  if (needs_formula_guard(text)) out += '\'';
  out += text;
  return out;
}

}  // namespace pledgetrack::io
