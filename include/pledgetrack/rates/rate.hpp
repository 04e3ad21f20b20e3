// A rate as an exact fraction: numerator / denominator, shown as a percent
// only at the edge, by the criteria's rounding rule. An empty denominator has
// no rate: not 0%, not 100%.
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <ostream>
#include <string>

#include "pledgetrack/rates/fraction.hpp"
#include "pledgetrack/rates/rounding.hpp"

namespace pledgetrack {

/// `numerator` units complete out of `denominator` counted. The numerator is
/// a fraction because weighted scores and mean progress give fractional
/// units; for the KMC rate it is a whole count (33 of 49).
class rate {
 public:
  rate() = default;
  /// `unmeasured`: units in scope left out because they carry no value (a
  /// project without a progress figure, for mean progress); reported, never
  /// silently dropped.
  rate(fraction numerator, std::int64_t denominator, rounding rule = rounding::half_up, int decimals = 1,
       std::int64_t unmeasured = 0)
      : numerator_(numerator), denominator_(denominator), unmeasured_(unmeasured), rule_(rule),
        decimals_(decimals) {
    if (denominator < 0 || unmeasured < 0) throw error("a rate's counts cannot be negative");
    if (numerator < fraction(0) || numerator > fraction(denominator))
      throw error("a rate's numerator must lie in 0.." + std::to_string(denominator));
  }

  [[nodiscard]] fraction numerator() const noexcept { return numerator_; }
  [[nodiscard]] std::int64_t denominator() const noexcept { return denominator_; }
  [[nodiscard]] std::int64_t unmeasured() const noexcept { return unmeasured_; }
  [[nodiscard]] rounding rule() const noexcept { return rule_; }
  [[nodiscard]] int decimals() const noexcept { return decimals_; }

  /// False when nothing was counted: such a rate has no value.
  [[nodiscard]] bool has_value() const noexcept { return denominator_ > 0; }

  /// The share in [0, 1], exactly; nothing for an empty denominator.
  [[nodiscard]] std::optional<fraction> share() const {
    if (!has_value()) return std::nullopt;
    return numerator_ / fraction(denominator_);
  }
  /// The percent in [0, 100], exactly: 33/49 -> 3300/49.
  [[nodiscard]] std::optional<fraction> percent() const {
    if (!has_value()) return std::nullopt;
    // A count (the KMC rate's 33 of 49) is 100n/d reduced once: a batch
    // takes the percent of every row, and the general product below reduces
    // three times. 0 <= n <= d, so 100n fits whenever d leaves room for it.
    if (numerator_.denominator() == 1 && denominator_ <= max_whole_for_percent)
      return fraction(numerator_.numerator() * 100, denominator_);
    return numerator_ * fraction(100) / fraction(denominator_);
  }

  /// The percent rounded by the rule, without the sign: "67.3"; "" when no rate.
  [[nodiscard]] std::string percent_text() const {
    const auto p = percent();
    return p ? format_decimal(*p, rule_, decimals_) : std::string();
  }
  /// "67.3%", or "n/a" when there is no rate.
  [[nodiscard]] std::string to_string() const { return has_value() ? percent_text() + "%" : "n/a"; }

  friend bool operator==(const rate&, const rate&) = default;

  friend std::ostream& operator<<(std::ostream& os, const rate& r) {
    os << "rate(";
    if (r.numerator_.denominator() == 1) os << r.numerator_.numerator();
    else os << r.numerator_;
    os << ", " << r.denominator_;
    if (r.unmeasured_ != 0) os << ", unmeasured=" << r.unmeasured_;
    return os << ")";
  }

 private:
  static constexpr std::int64_t max_whole_for_percent = std::numeric_limits<std::int64_t>::max() / 100;

  fraction numerator_;
  std::int64_t denominator_ = 0;
  std::int64_t unmeasured_ = 0;
  rounding rule_ = rounding::half_up;
  int decimals_ = 1;
};

/// The change from `before` to `after` in percentage points (%p), exactly;
/// nothing when either has no rate. 32/49 -> 33/49 is 100/49 = +2.04 %p.
[[nodiscard]] inline std::optional<fraction> change_in_points(const rate& before, const rate& after) {
  const auto b = before.percent();
  const auto a = after.percent();
  if (!a || !b) return std::nullopt;
  return *a - *b;
}

/// A change in %p for display, with its sign and unit: "+2.0%p", "-1.5%p",
/// "0.0%p"; "n/a" for no change figure.
[[nodiscard]] inline std::string format_points(const std::optional<fraction>& change, rounding rule,
                                               int decimals) {
  if (!change) return "n/a";
  const std::int64_t scaled = round_scaled(*change, rule, decimals);
  return (scaled > 0 ? "+" : "") + format_scaled(scaled, decimals) + "%p";
}

}  // namespace pledgetrack
