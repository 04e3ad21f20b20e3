// The language a report is written in: Korean (the source's own wording, by
// default) or English. Data (titles, departments, reasons) is never
// translated; only the report's own words are.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>

#include "pledgetrack/error.hpp"

namespace pledgetrack::report {

enum class language : std::uint8_t {
  ko,  ///< 한국어, worded like a planning office's quarterly check
  en,  ///< English
};

/// "ko", "en".
[[nodiscard]] constexpr std::string_view to_string(language l) noexcept { return l == language::ko ? "ko" : "en"; }

/// Parses "ko" / "korean" / "한국어" and "en" / "english" (ASCII case ignored);
/// a parse_error naming the text otherwise.
[[nodiscard]] inline language parse_language(std::string_view text) {
  std::string t(text);
  for (char& c : t)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  if (t == "ko" || t == "korean" || t == "kor" || t == "한국어") return language::ko;
  if (t == "en" || t == "english" || t == "eng") return language::en;
  throw parse_error("unknown report language (known: ko, en)", std::string(text));
}

inline std::ostream& operator<<(std::ostream& os, language l) { return os << "language::" << to_string(l); }

}  // namespace pledgetrack::report
