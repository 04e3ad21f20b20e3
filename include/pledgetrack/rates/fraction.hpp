// An exact rational number. Every figure pledgetrack computes is a
// fraction first; it becomes a decimal only for display, by a named rounding
// rule (see rounding.hpp).
#pragma once

#include <compare>
#include <cstdint>
#include <numeric>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "pledgetrack/error.hpp"

namespace pledgetrack {

namespace detail {
// 128-bit integers (a GCC and Clang extension) keep cross-multiplication and
// scaling exact for any 64-bit numerator and denominator.
__extension__ using int128 = __int128;
}  // namespace detail

/// numerator / denominator in lowest terms, denominator > 0.
class fraction {
 public:
  constexpr fraction() noexcept = default;
  constexpr explicit fraction(std::int64_t whole) noexcept : numerator_(whole) {}
  /// Throws `error` for a zero denominator: an empty denominator has no value.
  constexpr fraction(std::int64_t numerator, std::int64_t denominator)
      : numerator_(numerator), denominator_(denominator) {
    if (denominator == 0) throw error("fraction with a zero denominator: " + std::to_string(numerator) + "/0");
    normalise();
  }

  [[nodiscard]] constexpr std::int64_t numerator() const noexcept { return numerator_; }
  [[nodiscard]] constexpr std::int64_t denominator() const noexcept { return denominator_; }
  [[nodiscard]] constexpr double to_double() const noexcept {
    return static_cast<double>(numerator_) / static_cast<double>(denominator_);
  }

  friend constexpr fraction operator+(fraction a, fraction b) {
    // A count (the complete projects of a rate) adds whole numbers: no gcd.
    if (a.denominator_ == 1 && b.denominator_ == 1) return fraction(a.numerator_ + b.numerator_);
    const std::int64_t g = std::gcd(a.denominator_, b.denominator_);
    return fraction(a.numerator_ * (b.denominator_ / g) + b.numerator_ * (a.denominator_ / g),
                    a.denominator_ / g * b.denominator_);
  }
  friend constexpr fraction operator-(fraction a, fraction b) {
    return a + fraction(-b.numerator_, b.denominator_);
  }
  friend constexpr fraction operator*(fraction a, fraction b) {
    const std::int64_t g1 = std::gcd(a.numerator_, b.denominator_);
    const std::int64_t g2 = std::gcd(b.numerator_, a.denominator_);
    return fraction((a.numerator_ / (g1 ? g1 : 1)) * (b.numerator_ / (g2 ? g2 : 1)),
                    (a.denominator_ / (g2 ? g2 : 1)) * (b.denominator_ / (g1 ? g1 : 1)));
  }
  /// Throws `error` when dividing by zero.
  friend constexpr fraction operator/(fraction a, fraction b) {
    if (b.numerator_ == 0) throw error("division of a fraction by zero");
    return a * fraction(b.denominator_, b.numerator_);
  }
  fraction& operator+=(fraction b) { return *this = *this + b; }

  friend constexpr bool operator==(fraction, fraction) noexcept = default;
  friend constexpr std::strong_ordering operator<=>(fraction a, fraction b) noexcept {
    // Cross-multiplication in 128 bits cannot overflow for 64-bit parts.
    const detail::int128 l = static_cast<detail::int128>(a.numerator_) * b.denominator_;
    const detail::int128 r = static_cast<detail::int128>(b.numerator_) * a.denominator_;
    return l <=> r;
  }

  /// "3" or "175/2".
  [[nodiscard]] std::string to_string() const {
    return denominator_ == 1 ? std::to_string(numerator_)
                             : std::to_string(numerator_) + "/" + std::to_string(denominator_);
  }

  friend std::ostream& operator<<(std::ostream& os, fraction f) {
    return os << "fraction(" << f.numerator_ << ", " << f.denominator_ << ")";
  }

 private:
  constexpr void normalise() noexcept {
    if (denominator_ < 0) {
      numerator_ = -numerator_;
      denominator_ = -denominator_;
    }
    const std::int64_t g = std::gcd(numerator_, denominator_);
    if (g > 1) {
      numerator_ /= g;
      denominator_ /= g;
    }
  }

  std::int64_t numerator_ = 0;
  std::int64_t denominator_ = 1;
};

/// Reads a plain decimal number: "87", "87.5", "0.125" (no sign, no
/// exponent) exactly. Nothing for any other text.
[[nodiscard]] constexpr std::optional<fraction> parse_decimal(std::string_view text) noexcept {
  std::int64_t numerator = 0;
  std::int64_t denominator = 1;
  bool seen_digit = false;
  bool seen_point = false;
  for (const char c : text) {
    if (c == '.' && !seen_point) {
      seen_point = true;
    } else if (c >= '0' && c <= '9') {
      // 15 significant digits are far more than a percentage needs and keep
      // every step inside 64 bits.
      if (numerator > 99'999'999'999'999 || denominator > 99'999'999'999'999) return std::nullopt;
      numerator = numerator * 10 + (c - '0');
      if (seen_point) denominator *= 10;
      seen_digit = true;
    } else {
      return std::nullopt;
    }
  }
  if (!seen_digit) return std::nullopt;
  // A whole number (most progress cells) is already in lowest terms.
  if (denominator == 1) return fraction(numerator);
  return fraction(numerator, denominator);
}

}  // namespace pledgetrack
