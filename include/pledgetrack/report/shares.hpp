// Shares of a whole for display: each rounded on its own (honest: the shown
// shares may sum to 99.9 or 100.1), or apportioned by the largest remainder
// method (Hamilton's) so that they sum to exactly 100. Published reports
// often force the sum without saying how; pledgetrack always names the rule.
#pragma once

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "pledgetrack/error.hpp"
#include "pledgetrack/rates/fraction.hpp"
#include "pledgetrack/rates/rounding.hpp"

namespace pledgetrack::report {

/// How the shares of one table are rounded for display.
enum class share_rounding : std::uint8_t {
  honest,             ///< each share by the criteria's rounding rule, on its own; the sum is what it is
  largest_remainder,  ///< Hamilton's method: floors, then the missing units to the largest remainders
};

/// "honest", "largest_remainder".
[[nodiscard]] constexpr std::string_view to_string(share_rounding r) noexcept {
  return r == share_rounding::honest ? "honest" : "largest_remainder";
}

/// Parses "honest" and "largest_remainder" (or "largest-remainder",
/// "hamilton"); a parse_error naming the text otherwise.
[[nodiscard]] inline share_rounding parse_share_rounding(std::string_view text) {
  std::string t(text);
  for (char& c : t)
    if (c == '-') c = '_';
  if (t == "honest") return share_rounding::honest;
  if (t == "largest_remainder" || t == "hamilton") return share_rounding::largest_remainder;
  throw parse_error("unknown share rounding (known: honest, largest_remainder)", std::string(text));
}

inline std::ostream& operator<<(std::ostream& os, share_rounding r) {
  return os << "share_rounding::" << to_string(r);
}

/// The percent shares of `counts` in `total`, each as a whole number of
/// 10^-decimals percent (673 is 67.3%), exactly:
///
///     scaled_shares({33, 15, 1}, 49, share_rounding::honest, rounding::half_up, 1)
///     // {673, 306, 20}: 67.3 + 30.6 + 2.0 = 99.9
///     scaled_shares({33, 15, 1}, 49, share_rounding::largest_remainder, rounding::half_up, 1)
///     // {674, 306, 20}: the remainders are .0469, .0122, .0408, so the missing 0.1 goes to 67.3
///
/// `honest` rounds each share by `rule`. `largest_remainder` truncates each
/// share, then gives one unit each to the shares with the largest remainders
/// until the sum equals the exact sum of the shares (100 when the counts add
/// up to the total) rounded by `rule`; equal remainders go to the earlier
/// share. Nothing for a total of 0; an error for negative counts or a
/// count above the total.
[[nodiscard]] inline std::vector<std::int64_t> scaled_shares(const std::vector<std::int64_t>& counts,
                                                             std::int64_t total, share_rounding method,
                                                             rounding rule, int decimals) {
  if (total <= 0) return {};
  std::int64_t sum = 0;
  for (const std::int64_t c : counts) {
    if (c < 0 || c > total)
      throw error("a share's count must lie in 0.." + std::to_string(total) + ", not " + std::to_string(c));
    sum += c;
  }
  std::vector<std::int64_t> out;
  out.reserve(counts.size());
  if (method == share_rounding::honest) {
    for (const std::int64_t c : counts) out.push_back(round_scaled(fraction(c * 100, total), rule, decimals));
    return out;
  }
  // Largest remainder, in exact integer arithmetic: the quota of a share is
  // c × 100 × 10^decimals / total; its floor and remainder are exact.
  pledgetrack::detail::int128 scale = 100;
  for (int i = 0; i < decimals; ++i) scale *= 10;
  std::vector<pledgetrack::detail::int128> remainders;
  remainders.reserve(counts.size());
  std::int64_t floors = 0;
  for (const std::int64_t c : counts) {
    const pledgetrack::detail::int128 units = static_cast<pledgetrack::detail::int128>(c) * scale;
    out.push_back(static_cast<std::int64_t>(units / total));
    remainders.push_back(units % total);
    floors += out.back();
  }
  const std::int64_t target = round_scaled(fraction(sum * 100, total), rule, decimals);
  std::vector<std::size_t> order(counts.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  // Stable: equal remainders keep the table's order.
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return remainders[a] > remainders[b]; });
  for (std::size_t k = 0; k < order.size() && floors < target; ++k) {
    if (remainders[order[k]] == 0) break;  // only shares with a remainder may be raised
    ++out[order[k]];
    ++floors;
  }
  return out;
}

}  // namespace pledgetrack::report
