// What an audit finds for each stated figure: the figure computed from the
// data, whether the two agree at the precision printed, and when they do not,
// the rule (or the two rules) that explain the printed one, with the
// arithmetic in words (Korean and English).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "pledgetrack/audit/stated_figure.hpp"
#include "pledgetrack/error.hpp"
#include "pledgetrack/rates/criteria.hpp"
#include "pledgetrack/rates/fraction.hpp"
#include "pledgetrack/report/language.hpp"

namespace pledgetrack::audit {

/// The audit's judgement of one figure.
enum class verdict : std::uint8_t {
  agree,        ///< the data gives the printed figure at the precision printed
  explained,    ///< it does not, but a rule (or two) explains how the printed one was made
  unexplained,  ///< no rule explains it, or it cannot be computed from the data
};

/// "agree", "explained", "unexplained".
[[nodiscard]] constexpr std::string_view to_string(verdict v) noexcept {
  constexpr std::array<std::string_view, 3> names = {"agree", "explained", "unexplained"};
  return names[static_cast<std::size_t>(v)];
}
inline std::ostream& operator<<(std::ostream& os, verdict v) { return os << "verdict::" << to_string(v); }

/// The rules that explain a printed figure, in the order they are tried
/// (docs/audit.md). truncation is a rounding rule of its own because it is
/// the commonest and the one readers ask about.
enum class rule : std::uint8_t {
  rounding,              ///< 1. another rounding: half even, rounded twice, fewer decimals
  truncation,            ///< 1. truncated (버림) instead of rounded
  forced_to_100,         ///< 2. shares forced to sum to 100: a residual, or largest remainder
  sum_of_rounded_parts,  ///< 3. a total made by adding rounded parts
  definition,            ///< 4. another definition: 이행률, pledge basis, mean progress, in-term, a subgroup
  carried_over,          ///< 5. the previous period's figure
  nearby_count,          ///< 6. one to three projects more or fewer
  percent_for_points,    ///< 7. a change in % that is in %p, or the reverse
};

inline constexpr std::size_t rule_count = 8;

/// "rounding", "truncation", "forced_to_100", "sum_of_rounded_parts",
/// "definition", "carried_over", "nearby_count", "percent_for_points".
[[nodiscard]] constexpr std::string_view to_string(rule r) noexcept {
  constexpr std::array<std::string_view, rule_count> names = {
      "rounding",   "truncation",   "forced_to_100", "sum_of_rounded_parts",
      "definition", "carried_over", "nearby_count",  "percent_for_points"};
  return names[static_cast<std::size_t>(r)];
}
inline std::ostream& operator<<(std::ostream& os, rule r) { return os << "rule::" << to_string(r); }

/// The finding for one stated figure.
struct finding {
  stated_figure stated;
  /// The figure from the data under the report's criteria, exactly: a
  /// percent, percentage points, or a count. Nothing when it cannot be
  /// computed (an empty denominator, no previous period, no rows).
  std::optional<fraction> computed;
  /// `computed` at the precision printed, by the report's rounding rule,
  /// with its unit: "30.6%", "+3.1%", "+2.0%p", "33"; "" when nothing.
  std::string computed_text;
  audit::verdict verdict = audit::verdict::unexplained;
  /// The rules that explain an `explained` figure: one, or two combined.
  std::vector<audit::rule> rules;
  std::string detail_ko;  ///< the arithmetic in words, in Korean
  std::string detail_en;  ///< the same in English

  [[nodiscard]] const std::string& detail(report::language lang) const noexcept {
    return lang == report::language::ko ? detail_ko : detail_en;
  }
  /// True when the printed figure differs from the computed one (explained or not).
  [[nodiscard]] bool is_discrepancy() const noexcept { return verdict != audit::verdict::agree; }

  friend bool operator==(const finding&, const finding&) = default;
  friend std::ostream& operator<<(std::ostream& os, const finding& f) {
    os << "finding(" << f.stated << ", computed=\"" << f.computed_text << "\", " << to_string(f.verdict);
    for (const audit::rule r : f.rules) os << ", " << to_string(r);
    return os << ")";
  }
};

/// Every finding of one audit, in the order of the stated figures.
struct audit_result {
  std::vector<finding> findings;
  pledgetrack::criteria criteria;  ///< the report's criteria the figures were computed under
  bool has_rows = false;           ///< false when the data is counts only
  bool has_previous = false;

  /// How many figures no rule explains.
  [[nodiscard]] std::size_t unexplained() const noexcept {
    std::size_t n = 0;
    for (const finding& f : findings) n += f.verdict == verdict::unexplained ? 1 : 0;
    return n;
  }
  /// How many printed figures differ from the data, explained or not.
  [[nodiscard]] std::size_t discrepancies() const noexcept {
    std::size_t n = 0;
    for (const finding& f : findings) n += f.is_discrepancy() ? 1 : 0;
    return n;
  }

  friend bool operator==(const audit_result&, const audit_result&) = default;
  /// `audit_result(figures=14, agree=12, explained=2, unexplained=0)`
  friend std::ostream& operator<<(std::ostream& os, const audit_result& r) {
    return os << "audit_result(figures=" << r.findings.size()
              << ", agree=" << r.findings.size() - r.discrepancies()
              << ", explained=" << r.discrepancies() - r.unexplained() << ", unexplained=" << r.unexplained() << ")";
  }
};

}  // namespace pledgetrack::audit
