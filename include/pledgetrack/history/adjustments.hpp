// Scope adjustments (공약조정): projects formally removed, merged into another
// or renamed through the adjustment procedure, usually approved by a
// residents' jury (주민배심원단). An adjustment is effective-dated: a project
// leaves the denominator from the date of the change, never retroactively, so
// "a rate at a date uses the scope in force at that date".
#pragma once

#include <array>
#include <algorithm>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "pledgetrack/enum_names.hpp"
#include "pledgetrack/error.hpp"
#include "pledgetrack/history/history.hpp"
#include "pledgetrack/model/project.hpp"
#include "pledgetrack/model/snapshot.hpp"
#include "pledgetrack/rates/completion.hpp"
#include "pledgetrack/rates/criteria.hpp"
#include "pledgetrack/rates/rate.hpp"
#include "pledgetrack/model/date.hpp"

namespace pledgetrack {

/// One approved change to the list of projects.
struct adjustment {
  /// What the change does. Unscoped inside the struct, so both
  /// `adjustment::removed` and `adjustment::kind::removed` name it.
  enum kind : std::uint8_t {
    removed,  ///< 삭제: the project leaves the scope
    merged,   ///< 통합: the project leaves the scope, folded into `merged_into`
    renamed,  ///< 변경: the project stays, under `new_title`
  };

  project_id id;
  kind k = removed;
  date effective;            ///< in force from this day on (inclusive)
  std::string approved_by;   ///< e.g. 주민배심원단
  std::string reason;
  std::optional<project_id> merged_into;  ///< for merged only
  std::string new_title;                  ///< for renamed only

  friend bool operator==(const adjustment&, const adjustment&) = default;

  /// `adjustment(id="4-1-2", k=removed, effective=2024-06-30, approved_by="주민배심원단", reason="…")`.
  friend std::ostream& operator<<(std::ostream& os, const adjustment& a);
};

/// "removed", "merged", "renamed".
inline constexpr std::array<enum_name<adjustment::kind>, 3> adjustment_kind_names = {
    {{adjustment::removed, "removed"}, {adjustment::merged, "merged"}, {adjustment::renamed, "renamed"}}};
/// The table by type, for generic code (the bindings' pickling): name_table(adjustment::kind{}).
[[nodiscard]] constexpr const auto& name_table(adjustment::kind) noexcept { return adjustment_kind_names; }

[[nodiscard]] constexpr std::string_view to_string(adjustment::kind k) noexcept {
  return name_in(adjustment_kind_names, k);
}

/// 삭제, 통합, 변경.
[[nodiscard]] constexpr std::string_view label_ko(adjustment::kind k) noexcept {
  switch (k) {
    case adjustment::removed: return "삭제";
    case adjustment::merged: return "통합";
    case adjustment::renamed: return "변경";
  }
  return "삭제";
}

inline std::ostream& operator<<(std::ostream& os, const adjustment& a) {
  os << "adjustment(id=\"" << a.id.to_string() << "\", k=" << to_string(a.k)
     << ", effective=" << format_date(a.effective);
  if (a.merged_into) os << ", merged_into=\"" << a.merged_into->to_string() << "\"";
  if (!a.new_title.empty()) os << ", new_title=\"" << a.new_title << "\"";
  if (!a.approved_by.empty()) os << ", approved_by=\"" << a.approved_by << "\"";
  if (!a.reason.empty()) os << ", reason=\"" << a.reason << "\"";
  return os << ")";
}

/// Adjustments in order of their effective dates (the order of adding among
/// those of one date, so a later rename of the same day wins).
///
///     adjustment_list adj;
///     adj.add({project_id::parse("4-1-2"), adjustment::removed, date(2024, 6, 30), "주민배심원단", "…"});
///     adj.apply(q2_2024);   // 4-1-2 has scope::removed: the rate is over 48
///     adj.apply(q1_2024);   // unchanged: the removal was not yet in force
class adjustment_list {
 public:
  adjustment_list() = default;

  /// Adds an adjustment. A data_error naming the id when the date is not a
  /// calendar date, a merge names no target (or itself), or a rename has no
  /// new title.
  void add(adjustment a) {
    const std::string who = "the adjustment of project '" + a.id.to_string() + "'";
    if (a.id.empty()) throw data_error("an adjustment needs a project id");
    detail::require_calendar_date(a.effective, "the effective date of " + who);
    if (a.k == adjustment::merged && !a.merged_into)
      throw data_error(who + " is a merge but names no project it is merged into");
    if (a.k == adjustment::merged && a.merged_into == a.id)
      throw data_error(who + " merges the project into itself");
    if (a.k == adjustment::renamed && a.new_title.empty())
      throw data_error(who + " is a rename but gives no new title");
    const auto it = std::upper_bound(entries_.begin(), entries_.end(), a.effective,
                                     [](const date& d, const adjustment& x) { return d < x.effective; });
    entries_.insert(it, std::move(a));
  }

  [[nodiscard]] const std::vector<adjustment>& entries() const noexcept { return entries_; }
  [[nodiscard]] std::size_t size() const noexcept { return entries_.size(); }
  [[nodiscard]] bool empty() const noexcept { return entries_.empty(); }
  [[nodiscard]] auto begin() const noexcept { return entries_.begin(); }
  [[nodiscard]] auto end() const noexcept { return entries_.end(); }

  /// The adjustments in force on `d` (effective on or before it).
  [[nodiscard]] std::vector<adjustment> in_force(date d) const {
    std::vector<adjustment> out;
    for (const adjustment& a : entries_)
      if (a.effective <= d) out.push_back(a);
    return out;
  }

  /// A copy of `s` under the scope in force at its date (see the overload).
  [[nodiscard]] snapshot apply(const snapshot& s) const { return apply(s, s.as_of()); }

  /// A copy of `s` under the scope in force on `in_force_on`: projects removed
  /// or merged on or before it get scope::removed, renames take effect (the
  /// latest wins). Statuses and the snapshot's date are untouched. An
  /// adjustment of an id the snapshot does not list changes nothing there
  /// (the project may be missing from one report only).
  [[nodiscard]] snapshot apply(const snapshot& s, date in_force_on) const {
    snapshot out(s.district(), s.term(), s.as_of());
    out.set_bureau_order(s.bureau_order());
    for (project p : s) {
      for (const adjustment& a : entries_) {
        if (a.effective > in_force_on) break;  // sorted: the rest are later
        if (a.id != p.id) continue;
        if (a.k == adjustment::renamed) p.title = a.new_title;
        else p.scope = scope::removed;
      }
      out.add(std::move(p));
    }
    return out;
  }

  friend bool operator==(const adjustment_list&, const adjustment_list&) = default;

  friend std::ostream& operator<<(std::ostream& os, const adjustment_list& l) {
    return os << "adjustment_list(" << l.entries_.size() << " adjustments)";
  }

 private:
  std::vector<adjustment> entries_;
};

/// The rate at `d`: the statuses of the latest snapshot on or before `d`,
/// counted over the scope in force on `d` itself. So a removal effective
/// 2024-06-30 leaves the rate at 2024-03-31 over 49 projects, and moves every
/// rate from 2024-06-30 on (even one read from the 2024-03-31 snapshot) to 48.
/// A date before the first snapshot is a data_error naming both dates: there
/// is no rate to give, and guessing one would mislead.
[[nodiscard]] inline rate rate_at(const history& h, date d, const criteria& c, const adjustment_list& adjustments) {
  const snapshot* s = h.snapshot_at(d);
  if (s == nullptr)
    throw data_error("no snapshot of " + (h.empty() ? std::string("the (empty) history") : h.district()) +
                     " on or before " + format_date(d) +
                     (h.empty() ? std::string() : " (the first is as of " + format_date(h.first().as_of()) + ")"));
  return completion_rate(adjustments.apply(*s, d), c);
}

}  // namespace pledgetrack
