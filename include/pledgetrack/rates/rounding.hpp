// Rounding for display, by a named rule. Governments differ: most round half
// up (사사오입), some truncate (43/90 = 47.78 published as 47.7). pledgetrack
// never rounds before display, and always says which rule it used.
#pragma once

#include <array>
#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>

#include "pledgetrack/enum_names.hpp"
#include "pledgetrack/error.hpp"
#include "pledgetrack/rates/fraction.hpp"

namespace pledgetrack {

enum class rounding {
  half_up,    ///< half away from zero: 67.35 -> 67.4 (사사오입, the usual rule)
  truncate,   ///< toward zero: 47.78 -> 47.7 (버림)
  half_even,  ///< half to even: 0.25 -> 0.2, 0.35 -> 0.4 (banker's rounding)
};

inline constexpr std::array<enum_name<rounding>, 3> rounding_names = {
    {{rounding::half_up, "half_up"}, {rounding::truncate, "truncate"}, {rounding::half_even, "half_even"}}};
/// The table by type, for generic code (the bindings' pickling): name_table(rounding{}).
[[nodiscard]] constexpr const auto& name_table(rounding) noexcept { return rounding_names; }

/// "half_up", "truncate", "half_even".
[[nodiscard]] constexpr std::string_view to_string(rounding r) noexcept { return name_in(rounding_names, r); }

/// Korean name of the rule, for reports: 반올림, 버림, 오사오입.
[[nodiscard]] constexpr std::string_view label_ko(rounding r) noexcept {
  switch (r) {
    case rounding::half_up: return "반올림";
    case rounding::truncate: return "버림";
    case rounding::half_even: return "오사오입";
  }
  return "반올림";
}

/// Parses "half_up" / "half-up", "truncate", "half_even"; throws parse_error.
[[nodiscard]] inline rounding parse_rounding(std::string_view text) {
  std::string t(text);
  for (char& c : t)
    if (c == '-') c = '_';
  if (const rounding* r = find_name(rounding_names, t)) return *r;
  throw parse_error("unknown rounding rule (known: " + names_in(rounding_names) + ")", std::string(text));
}

inline std::ostream& operator<<(std::ostream& os, rounding r) { return os << "rounding::" << to_string(r); }

/// Display places lie in 0..9: 10^9 keeps the scaled value well inside int64.
constexpr void require_decimals(int decimals) {
  if (decimals < 0 || decimals > 9) throw error("decimals must lie in 0..9, not " + std::to_string(decimals));
}

/// `value` × 10^decimals rounded to a whole number by `rule`, exactly.
/// round_scaled(33/49 × 100, half_up, 1) == 673 (67.3).
[[nodiscard]] constexpr std::int64_t round_scaled(fraction value, rounding rule, int decimals) {
  require_decimals(decimals);
  detail::int128 scale = 1;
  for (int i = 0; i < decimals; ++i) scale *= 10;
  const bool negative = value.numerator() < 0;
  const detail::int128 n = static_cast<detail::int128>(negative ? -value.numerator() : value.numerator()) * scale;
  const detail::int128 d = value.denominator();
  detail::int128 q = n / d;
  const detail::int128 r = n % d;
  switch (rule) {
    case rounding::truncate: break;
    case rounding::half_up:
      if (2 * r >= d) ++q;
      break;
    case rounding::half_even:
      if (2 * r > d || (2 * r == d && q % 2 == 1)) ++q;
      break;
  }
  return static_cast<std::int64_t>(negative ? -q : q);
}

/// A scaled whole number (from round_scaled) as decimal text: (673, 1) -> "67.3".
[[nodiscard]] inline std::string format_scaled(std::int64_t scaled, int decimals) {
  const bool negative = scaled < 0;
  std::string digits = std::to_string(negative ? -scaled : scaled);
  if (decimals > 0) {
    const auto places = static_cast<std::size_t>(decimals);
    if (digits.size() <= places) digits = std::string(places + 1 - digits.size(), '0') + digits;
    const std::size_t point = digits.size() - places;
    std::string with_point = digits.substr(0, point);
    with_point += '.';
    with_point += std::string_view(digits).substr(point);
    digits = std::move(with_point);
  }
  // A value that rounds to zero is shown without a sign: "-0.0" would mislead.
  const bool is_zero = digits.find_first_not_of("0.") == std::string::npos;
  return (negative && !is_zero ? "-" : "") + digits;
}

/// `value` rounded by `rule` to `decimals` places, as text: 67.3469… -> "67.3".
[[nodiscard]] inline std::string format_decimal(fraction value, rounding rule, int decimals) {
  return format_scaled(round_scaled(value, rule, decimals), decimals);
}

}  // namespace pledgetrack
