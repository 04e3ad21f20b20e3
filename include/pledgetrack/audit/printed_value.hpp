// A figure as a report prints it: "67.3%", "2.0%p", "2.0%↑", "△1.5%p",
// "28%", "33건", "1,791". The audit compares at the precision printed, so the
// number of decimals is kept beside the exact value, and so is the unit: a
// change printed in % is not the same claim as one printed in %p.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>

#include "pledgetrack/error.hpp"
#include "pledgetrack/rates/fraction.hpp"
#include "pledgetrack/text/unicode.hpp"

namespace pledgetrack::audit {

/// The unit a figure is printed in.
enum class printed_unit : std::uint8_t {
  none,     ///< a bare number: "33", "33건", "1,791"
  percent,  ///< "67.3%"
  points,   ///< percentage points: "2.0%p", "2.0%P", "2.0 pp"
};

/// "none", "percent", "points".
[[nodiscard]] constexpr std::string_view to_string(printed_unit u) noexcept {
  switch (u) {
    case printed_unit::none: return "none";
    case printed_unit::percent: return "percent";
    case printed_unit::points: return "points";
  }
  return "none";
}

inline std::ostream& operator<<(std::ostream& os, printed_unit u) { return os << "printed_unit::" << to_string(u); }

/// One printed number.
struct printed_value {
  std::string text;          ///< as printed: "2.0%↑"
  fraction magnitude;        ///< its absolute value, exactly: 2
  int sign = 0;              ///< +1 or -1 when a sign, arrow or word says so; 0 when none is printed
  int decimals = 0;          ///< digits after the point: 1 for "2.0"
  printed_unit unit = printed_unit::none;

  /// The value as a whole number of 10^-decimals units, signed (a value
  /// printed without a sign counts as positive): "2.0%↑" -> 20, "△1.5%p" -> -15.
  [[nodiscard]] std::int64_t scaled() const {
    std::int64_t scale = 1;
    for (int i = 0; i < decimals; ++i) scale *= 10;
    const fraction s = magnitude * fraction(scale);
    return (sign < 0 ? -1 : 1) * s.numerator();  // exact: at most `decimals` decimals
  }
  /// The signed value, exactly (unsigned counts as positive).
  [[nodiscard]] fraction value() const { return sign < 0 ? fraction(0) - magnitude : magnitude; }

  friend bool operator==(const printed_value&, const printed_value&) = default;
  friend std::ostream& operator<<(std::ostream& os, const printed_value& v) {
    return os << "printed_value(\"" << v.text << "\", " << v.value().to_string() << ", decimals=" << v.decimals
              << ", unit=" << v.unit << ")";
  }
};

namespace detail {

/// Removes `prefix` from the front of `s` if it is there.
inline bool consume_prefix(std::string_view& s, std::string_view prefix) {
  if (s.substr(0, prefix.size()) != prefix) return false;
  s.remove_prefix(prefix.size());
  s = text::trim(s);
  return true;
}
/// Removes `suffix` from the end of `s` if it is there.
inline bool consume_suffix(std::string_view& s, std::string_view suffix) {
  if (s.size() < suffix.size() || s.substr(s.size() - suffix.size()) != suffix) return false;
  s.remove_suffix(suffix.size());
  s = text::trim(s);
  return true;
}

}  // namespace detail

/// Reads a printed figure. Accepted, around a plain decimal number with
/// optional thousands commas ("1,791.5"):
/// - a sign before it: + - − ▲ ▼ △ ▽ (△ and ▽ are minus in Korean tables,
///   ▲ is plus) or an arrow after it: ↑ ↓;
/// - a unit: % or ％ (percent), %p, %P, pp, %포인트 (percentage points);
/// - a count word: 건, 개, 명 (a count);
/// - a word after it: 상승, 증가 (a rise), 하락, 감소 (a fall).
/// Anything else is a parse_error naming the text.
///
///     parse_printed("2.0%↑")    // magnitude 2, sign +1, decimals 1, percent
///     parse_printed("△1.5%p")   // magnitude 3/2, sign -1, decimals 1, points
[[nodiscard]] inline printed_value parse_printed(std::string_view printed) {
  printed_value out;
  out.text = std::string(text::trim(printed));
  std::string_view s = out.text;
  auto set_sign = [&](int sign) {
    if (out.sign != 0 && out.sign != sign) throw parse_error("a printed figure with two opposite signs", out.text);
    out.sign = sign;
  };
  for (bool found = true; found;) {
    found = false;
    for (const std::string_view plus : {"+", "▲"})
      if (detail::consume_prefix(s, plus)) set_sign(+1), found = true;
    for (const std::string_view minus : {"-", "−", "▼", "△", "▽"})
      if (detail::consume_prefix(s, minus)) set_sign(-1), found = true;
  }
  for (bool found = true; found;) {
    found = false;
    for (const std::string_view rise : {"↑", "상승", "증가"})
      if (detail::consume_suffix(s, rise)) set_sign(+1), found = true;
    for (const std::string_view fall : {"↓", "하락", "감소"})
      if (detail::consume_suffix(s, fall)) set_sign(-1), found = true;
  }
  bool counted = false;
  for (const std::string_view points : {"%p", "%P", "%포인트", "pp", "%pt"})
    if (out.unit == printed_unit::none && detail::consume_suffix(s, points)) out.unit = printed_unit::points;
  for (const std::string_view percent : {"%", "％"})
    if (out.unit == printed_unit::none && detail::consume_suffix(s, percent)) out.unit = printed_unit::percent;
  if (out.unit == printed_unit::none)
    for (const std::string_view word : {"건", "개", "명"})
      if (!counted && detail::consume_suffix(s, word)) counted = true;
  // The arrow may also stand before the unit: "2.0↑%p" is rare, "2.0%↑" usual.
  for (bool found = true; found;) {
    found = false;
    if (detail::consume_suffix(s, "↑")) set_sign(+1), found = true;
    if (detail::consume_suffix(s, "↓")) set_sign(-1), found = true;
  }
  // Thousands separators: "1,791" (each group after the first has three digits).
  std::string digits;
  const std::size_t point = s.find('.');
  const std::string_view whole = s.substr(0, point);
  if (whole.find(',') != std::string_view::npos) {
    std::size_t group = 0;
    bool first = true;
    for (const char c : whole) {
      if (c == ',') {
        if ((first && group == 0) || (!first && group != 3)) throw parse_error("misplaced thousands separator", out.text);
        first = false;
        group = 0;
        continue;
      }
      ++group;
      digits += c;
    }
    if (group != 3) throw parse_error("misplaced thousands separator", out.text);
    if (point != std::string_view::npos) digits += s.substr(point);
  } else {
    digits = std::string(s);
  }
  const auto number = parse_decimal(digits);
  if (!number || digits.back() == '.' || digits.front() == '.')
    throw parse_error("not a printed figure (expected a number such as 67.3%, 2.0%p, 33건)", out.text);
  out.magnitude = *number;
  out.decimals = point == std::string::npos ? 0 : static_cast<int>(digits.size() - digits.find('.') - 1);
  if (out.decimals > 9) throw parse_error("more than 9 decimals in a printed figure", out.text);
  return out;
}

}  // namespace pledgetrack::audit
