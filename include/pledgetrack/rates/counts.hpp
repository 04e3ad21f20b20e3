// Counts of projects by status: the first table of every pledge report.
#pragma once

#include <array>
#include <cstdint>
#include <ostream>

#include "pledgetrack/model/project.hpp"
#include "pledgetrack/model/status.hpp"

namespace pledgetrack {

namespace detail {
inline const project& as_project(const project& p) noexcept { return p; }
inline const project& as_project(const project* p) noexcept { return *p; }
}  // namespace detail

/// How many projects have each status.
class status_counts {
 public:
  constexpr status_counts() noexcept = default;

  [[nodiscard]] constexpr std::int64_t operator[](status s) const noexcept { return counts_[index_of(s)]; }
  constexpr void add(status s, std::int64_t n = 1) noexcept { counts_[index_of(s)] += n; }

  /// The number of projects counted.
  [[nodiscard]] constexpr std::int64_t total() const noexcept {
    std::int64_t n = 0;
    for (const std::int64_t c : counts_) n += c;
    return n;
  }
  /// The number of projects whose status is in `set`.
  [[nodiscard]] constexpr std::int64_t total(status_set set) const noexcept {
    std::int64_t n = 0;
    for (const status s : all_statuses)
      if (set.contains(s)) n += counts_[index_of(s)];
    return n;
  }

  friend constexpr bool operator==(const status_counts&, const status_counts&) noexcept = default;

  friend std::ostream& operator<<(std::ostream& os, const status_counts& c) {
    os << "status_counts(";
    bool first = true;
    for (const status s : all_statuses) {
      if (c[s] == 0) continue;
      os << (first ? "" : ", ") << to_string(s) << "=" << c[s];
      first = false;
    }
    return os << ")";
  }

 private:
  std::array<std::int64_t, status_count> counts_{};
};

/// Counts the projects in scope by status (projects removed through the
/// adjustment procedure are not counted). `projects` is any range of
/// `project` or `const project*`, a snapshot included.
template <class Range>
[[nodiscard]] status_counts count_statuses(const Range& projects) {
  status_counts counts;
  for (const auto& item : projects) {
    const project& p = detail::as_project(item);
    if (p.in_scope()) counts.add(p.status);
  }
  return counts;
}

}  // namespace pledgetrack
