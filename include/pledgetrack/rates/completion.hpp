// The completion rate of a set of projects under given criteria.
#pragma once

#include <optional>
#include <unordered_map>

#include "pledgetrack/error.hpp"
#include "pledgetrack/model/project.hpp"
#include "pledgetrack/rates/counts.hpp"
#include "pledgetrack/rates/criteria.hpp"
#include "pledgetrack/rates/rate.hpp"

namespace pledgetrack {

/// Whether `criteria` count `p` at all (in its denominator): in scope, status
/// not excluded, and, for in-term rates, not due after the term.
[[nodiscard]] inline bool is_counted(const project& p, const criteria& c) noexcept {
  return p.in_scope() && !c.excluded.contains(p.status) && !(c.in_term_only && p.due == due::after_term);
}

/// What a counted project adds to the numerator: 0 or 1 for status shares,
/// its status weight, or progress / 100. Nothing when it carries no value
/// (mean progress of a project without a progress figure).
[[nodiscard]] inline std::optional<fraction> contribution(const project& p, const criteria& c) {
  switch (c.measure) {
    case measure::status_share: return fraction(c.complete.contains(p.status) ? 1 : 0);
    case measure::weighted: return c.weights[index_of(p.status)];
    case measure::mean_progress:
      if (!p.progress) return std::nullopt;
      return *p.progress / fraction(100);
  }
  return std::nullopt;
}

/// The rate of `projects` (any range of `project` or `const project*`, a
/// snapshot included) under `c`.
///
///     completion_rate(seed, criteria::kmc())   // rate(33, 49), "67.3%"
///
/// On the pledge basis a pledge (all projects sharing `id.pledge()`) counts
/// once and is complete when all its counted projects are; that basis applies
/// to status shares only.
template <class Range>
[[nodiscard]] rate completion_rate(const Range& projects, const criteria& c) {
  c.validate();
  if (c.basis == basis::pledge) {
    std::unordered_map<project_id, bool> pledge_complete;
    for (const auto& item : projects) {
      const project& p = detail::as_project(item);
      if (!is_counted(p, c)) continue;
      const bool done = c.complete.contains(p.status);
      const auto [it, inserted] = pledge_complete.try_emplace(p.id.pledge(), done);
      if (!inserted) it->second = it->second && done;
    }
    std::int64_t complete = 0;
    for (const auto& [pledge, done] : pledge_complete) complete += done ? 1 : 0;
    return rate(fraction(complete), static_cast<std::int64_t>(pledge_complete.size()), c.rule, c.decimals);
  }

  fraction numerator;
  std::int64_t denominator = 0;
  std::int64_t unmeasured = 0;
  for (const auto& item : projects) {
    const project& p = detail::as_project(item);
    if (!is_counted(p, c)) continue;
    if (const auto v = contribution(p, c)) {
      numerator += *v;
      ++denominator;
    } else {
      ++unmeasured;
    }
  }
  return rate(numerator, denominator, c.rule, c.decimals, unmeasured);
}

}  // namespace pledgetrack
