// How many terminal columns text takes: Hangul syllables, CJK ideographs and
// fullwidth forms take two, combining marks and the medial and final jamo of
// decomposed Hangul none, everything else one. Tables in a terminal line up
// only when padded by this width, not by bytes or code points.
#pragma once

#include <cstddef>
#include <string_view>

#include "pledgetrack/text/unicode.hpp"

namespace pledgetrack::report {

/// Columns one code point takes in a terminal (East Asian Wide and Fullwidth
/// are 2; East Asian Ambiguous, such as ① · ‘ ’, is 1, as wcwidth has it).
[[nodiscard]] constexpr int code_point_width(char32_t cp) noexcept {
  // Zero width: combining marks, Hangul medial vowels and final consonants
  // (U+1160..U+11FF, U+D7B0..U+D7FF), zero-width spaces and joiners,
  // variation selectors, the BOM.
  if (cp == 0 || (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x1160 && cp <= 0x11FF) ||
      (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x20D0 && cp <= 0x20FF) || (cp >= 0xD7B0 && cp <= 0xD7FF) ||
      (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0xFEFF)
    return 0;
  // Wide: Hangul initial consonants, CJK punctuation and scripts, Hangul
  // syllables, compatibility ideographs, fullwidth forms, emoji, ideograph planes.
  if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) || (cp >= 0x3041 && cp <= 0x33FF) ||
      (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF) ||
      (cp >= 0xA960 && cp <= 0xA97F) || (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
      (cp >= 0xFE10 && cp <= 0xFE19) || (cp >= 0xFE30 && cp <= 0xFE6F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
      (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F) || (cp >= 0x1F900 && cp <= 0x1F9FF) ||
      (cp >= 0x20000 && cp <= 0x3FFFD))
    return 2;
  return 1;
}

/// Columns `s` (UTF-8) takes in a terminal: display_width("마을·자치") == 9.
/// An invalid byte counts one column (it shows as one replacement mark).
[[nodiscard]] constexpr std::size_t display_width(std::string_view s) noexcept {
  std::size_t width = 0;
  std::size_t i = 0;
  while (i < s.size()) {
    const text::decoded d = text::decode_utf8(s.substr(i));
    if (d.length == 0) {
      ++width;
      ++i;
      continue;
    }
    width += static_cast<std::size_t>(code_point_width(d.code_point));
    i += d.length;
  }
  return width;
}

}  // namespace pledgetrack::report
