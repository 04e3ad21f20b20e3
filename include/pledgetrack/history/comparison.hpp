// Comparing two snapshots of one district: the rate before and after, the
// change in percentage points (%p), and what happened to each unit project
// (newly complete, a regression, an improvement …). This is the "changes since
// the last quarter" section of every report (직전 분기 대비 변경사항).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "pledgetrack/enum_names.hpp"
#include "pledgetrack/error.hpp"
#include "pledgetrack/model/project.hpp"
#include "pledgetrack/model/snapshot.hpp"
#include "pledgetrack/model/status.hpp"
#include "pledgetrack/rates/completion.hpp"
#include "pledgetrack/rates/criteria.hpp"
#include "pledgetrack/rates/grouping.hpp"
#include "pledgetrack/rates/rate.hpp"
#include "pledgetrack/model/date.hpp"

namespace pledgetrack {

/// What happened to one project between two snapshots.
enum class transition_kind : std::uint8_t {
  unchanged,       ///< the same status on both sides
  newly_complete,  ///< from a status the criteria do not count as complete to one they do
  regression,      ///< from complete to incomplete, or down the progress order
  improvement,     ///< up the progress order without becoming complete
  other,           ///< any other move: to or from 기타 (not_due), 완료 <-> 이행후계속추진
  added,           ///< in scope after only
  removed,         ///< in scope before only (dropped from the list, or removed by 공약조정)
};

/// The kinds' names, in the order reports list them.
inline constexpr std::array<enum_name<transition_kind>, 7> transition_kind_names = {{
    {transition_kind::newly_complete, "newly_complete"},
    {transition_kind::regression, "regression"},
    {transition_kind::improvement, "improvement"},
    {transition_kind::other, "other"},
    {transition_kind::added, "added"},
    {transition_kind::removed, "removed"},
    {transition_kind::unchanged, "unchanged"},
}};
/// The table by type, for generic code (the bindings' pickling): name_table(transition_kind{}).
[[nodiscard]] constexpr const auto& name_table(transition_kind) noexcept { return transition_kind_names; }

[[nodiscard]] constexpr std::string_view to_string(transition_kind k) noexcept {
  return name_in(transition_kind_names, k);
}

/// Korean label for reports: 변동없음, 신규 완료, 후퇴, 진전, 기타 변동, 추가, 제외.
[[nodiscard]] constexpr std::string_view label_ko(transition_kind k) noexcept {
  switch (k) {
    case transition_kind::unchanged: return "변동없음";
    case transition_kind::newly_complete: return "신규 완료";
    case transition_kind::regression: return "후퇴";
    case transition_kind::improvement: return "진전";
    case transition_kind::other: return "기타 변동";
    case transition_kind::added: return "추가";
    case transition_kind::removed: return "제외";
  }
  return "기타 변동";
}

inline std::ostream& operator<<(std::ostream& os, transition_kind k) {
  return os << "transition_kind::" << to_string(k);
}

/// The kind of a move from status `from` to status `to` under criteria `c`
/// (both present: added and removed projects are decided by scope, not here).
///
///     classify_move(status::on_track, status::ongoing, criteria::kmc())  // newly_complete
///     classify_move(status::ongoing, status::lagging, criteria::kmc())   // regression
///     classify_move(status::completed, status::ongoing, criteria::kmc()) // other: both complete
[[nodiscard]] constexpr transition_kind classify_move(status from, status to, const criteria& c) noexcept {
  if (from == to) return transition_kind::unchanged;
  const bool was_complete = c.complete.contains(from);
  const bool is_complete = c.complete.contains(to);
  // Completeness first: it is what the rate counts, whatever the order says.
  if (!was_complete && is_complete) return transition_kind::newly_complete;
  if (was_complete && !is_complete) return transition_kind::regression;
  const auto rank_from = progress_rank(from);
  const auto rank_to = progress_rank(to);
  // not_due has no rank; completed and ongoing share one.
  if (!rank_from || !rank_to || *rank_from == *rank_to) return transition_kind::other;
  return *rank_to > *rank_from ? transition_kind::improvement : transition_kind::regression;
}

/// One project's move between two snapshots. `from` is empty for an added
/// project, `to` for a removed one.
struct transition {
  using kind = transition_kind;

  project_id id;
  std::optional<status> from;
  std::optional<status> to;
  std::string title;  ///< the title after (before, for a removed project)
  kind k = kind::unchanged;

  friend bool operator==(const transition&, const transition&) = default;

  /// `transition(id="4-1-2", from=status::ongoing, to=status::lagging, k=transition_kind::regression, title="…")`
  friend std::ostream& operator<<(std::ostream& os, const transition& t) {
    os << "transition(id=\"" << t.id.to_string() << "\", from=";
    if (t.from) os << *t.from;
    else os << "None";
    os << ", to=";
    if (t.to) os << *t.to;
    else os << "None";
    return os << ", k=" << t.k << ", title=\"" << t.title << "\")";
  }
};

/// One group's rate before and after (a field, a bureau …). A group found on
/// one side only has a rate with no value on the other, and no change.
struct group_change {
  std::string key;
  rate before;
  rate after;
  std::optional<fraction> change_points;  ///< after − before in %p, exact

  /// "+9.1%p", by the after rate's rounding rule; "n/a" without a change.
  [[nodiscard]] std::string change_text() const {
    return format_points(change_points, after.rule(), after.decimals());
  }

  friend bool operator==(const group_change&, const group_change&) = default;

  friend std::ostream& operator<<(std::ostream& os, const group_change& g) {
    return os << "group_change(key=\"" << g.key << "\", before=" << g.before << ", after=" << g.after
              << ", change=\"" << g.change_text() << "\")";
  }
};

/// What `compare` accepts beyond the usual.
struct compare_options {
  /// Compare snapshots of two districts (a deliberate benchmark, not a
  /// mistake). Transitions then match projects by id across districts.
  bool allow_different_districts = false;
  /// Accept `after` dated before `before`: the changes then run backwards in
  /// time (useful to ask "what did the last quarter undo?").
  bool allow_reversed = false;
};

/// The changes between two snapshots of one district under one criteria.
/// A value: it holds copies of both snapshots, so it outlives them.
class comparison {
 public:
  /// Compares as given, without the checks of `compare` (which most callers want).
  comparison(snapshot before, snapshot after, pledgetrack::criteria c)
      : before_(std::move(before)), after_(std::move(after)), criteria_(std::move(c)),
        before_rate_(completion_rate(before_, criteria_)), after_rate_(completion_rate(after_, criteria_)) {
    build_transitions();
  }

  [[nodiscard]] const snapshot& before() const noexcept { return before_; }
  [[nodiscard]] const snapshot& after() const noexcept { return after_; }
  [[nodiscard]] const pledgetrack::criteria& criteria() const noexcept { return criteria_; }

  [[nodiscard]] const rate& before_rate() const noexcept { return before_rate_; }
  [[nodiscard]] const rate& after_rate() const noexcept { return after_rate_; }

  /// After − before in percentage points, exactly (100/49 for the seed);
  /// nothing when either rate has no value.
  [[nodiscard]] std::optional<fraction> rate_change_points() const {
    return change_in_points(before_rate_, after_rate_);
  }
  /// "+2.0%p", by the criteria's rounding rule and decimals.
  [[nodiscard]] std::string rate_change_text() const {
    return format_points(rate_change_points(), criteria_.rule, criteria_.decimals);
  }

  /// Every project's transition: in the after snapshot's order, then the
  /// removed ones in the before snapshot's order. A project out of scope on
  /// both sides is in neither rate and in no transition.
  [[nodiscard]] const std::vector<transition>& transitions() const noexcept { return transitions_; }

  [[nodiscard]] std::vector<transition> of_kind(transition_kind k) const {
    std::vector<transition> out;
    for (const transition& t : transitions_)
      if (t.k == k) out.push_back(t);
    return out;
  }
  [[nodiscard]] std::vector<transition> unchanged() const { return of_kind(transition_kind::unchanged); }
  [[nodiscard]] std::vector<transition> newly_complete() const { return of_kind(transition_kind::newly_complete); }
  [[nodiscard]] std::vector<transition> regressions() const { return of_kind(transition_kind::regression); }
  [[nodiscard]] std::vector<transition> improvements() const { return of_kind(transition_kind::improvement); }
  [[nodiscard]] std::vector<transition> other_moves() const { return of_kind(transition_kind::other); }
  [[nodiscard]] std::vector<transition> added() const { return of_kind(transition_kind::added); }
  [[nodiscard]] std::vector<transition> removed() const { return of_kind(transition_kind::removed); }

  /// How many transitions are of kind `k`.
  [[nodiscard]] std::size_t count(transition_kind k) const noexcept {
    std::size_t n = 0;
    for (const transition& t : transitions_) n += t.k == k ? 1 : 0;
    return n;
  }

  /// The rate of each group along `d` before and after, and the change in
  /// %p: groups in the after snapshot's order, then groups found before only.
  ///
  ///     compare(q4, q1).changes_by(dimension::field)[1]
  ///     // group_change(key="골목·경제", before=rate(9, 11), after=rate(10, 11), change="+9.1%p")
  [[nodiscard]] std::vector<group_change> changes_by(dimension d) const {
    const auto after_groups = rates_by(after_, d, criteria_);
    const auto before_groups = rates_by(before_, d, criteria_);
    std::unordered_map<std::string, std::size_t> before_index;
    for (std::size_t i = 0; i < before_groups.size(); ++i) before_index.emplace(before_groups[i].first, i);
    const rate none(fraction(0), 0, criteria_.rule, criteria_.decimals);

    std::vector<group_change> out;
    std::unordered_set<std::string> seen;
    for (const auto& [key, now] : after_groups) {
      const auto it = before_index.find(key);
      const rate& then = it == before_index.end() ? none : before_groups[it->second].second;
      out.push_back({key, then, now, change_in_points(then, now)});
      seen.insert(key);
    }
    for (const auto& [key, then] : before_groups)
      if (!seen.contains(key)) out.push_back({key, then, none, std::nullopt});
    return out;
  }

  /// `comparison(district="광주광역시 서구", before=2023-12-31 rate(32, 49), after=2024-03-31 rate(33, 49), change="+2.0%p", newly_complete=2, …)`
  friend std::ostream& operator<<(std::ostream& os, const comparison& c) {
    os << "comparison(district=\"" << c.after_.district() << "\"";
    if (c.before_.district() != c.after_.district()) os << ", before_district=\"" << c.before_.district() << "\"";
    os << ", before=" << format_date(c.before_.as_of()) << " " << c.before_rate_
       << ", after=" << format_date(c.after_.as_of()) << " " << c.after_rate_ << ", change=\""
       << c.rate_change_text() << "\"";
    for (const auto& [k, name] : transition_kind_names) os << ", " << name << "=" << c.count(k);
    return os << ")";
  }

 private:
  void build_transitions() {
    auto in_scope = [](const project* p) { return p != nullptr && p->in_scope(); };
    for (const project& a : after_) {
      const project* b = before_.find(a.id);
      if (!a.in_scope()) continue;  // left the scope: listed with the removed below
      if (!in_scope(b)) {
        // New on the list, or back in scope after a removal.
        transitions_.push_back({a.id, std::nullopt, a.status, a.title, transition_kind::added});
      } else {
        transitions_.push_back({a.id, b->status, a.status, a.title, classify_move(b->status, a.status, criteria_)});
      }
    }
    // Scope decides, not presence alone: a project still listed after but
    // removed by 공약조정 has left the denominator, so it is `removed`.
    for (const project& b : before_) {
      if (!b.in_scope() || in_scope(after_.find(b.id))) continue;
      transitions_.push_back({b.id, b.status, std::nullopt, b.title, transition_kind::removed});
    }
  }

  snapshot before_;
  snapshot after_;
  pledgetrack::criteria criteria_;
  rate before_rate_;
  rate after_rate_;
  std::vector<transition> transitions_;
};

/// Compares two snapshots of one district under criteria `c`.
///
///     const comparison delta = compare(q4_2023, q1_2024);
///     delta.rate_change_text();     // "+2.0%p" (65.3% -> 67.3%, exactly 100/49 %p)
///     delta.newly_complete();       // 2-4-1, 3-4-2
///     delta.regressions();          // 4-1-2: 이행후계속추진 -> 일부추진
///
/// Throws data_error naming both districts when they differ, and naming both
/// dates when `after` is dated before `before`, unless `options` allow it.
/// Two snapshots of the same date (a corrected report) are compared as given.
[[nodiscard]] inline comparison compare(const snapshot& before, const snapshot& after,
                                        const criteria& c = criteria::kmc(), compare_options options = {}) {
  if (!options.allow_different_districts && before.district() != after.district())
    throw data_error("cannot compare snapshots of different districts: '" + before.district() + "' (as of " +
                     format_date(before.as_of()) + ") and '" + after.district() + "' (as of " +
                     format_date(after.as_of()) + "); set allow_different_districts to compare them anyway");
  if (!options.allow_reversed && after.as_of() < before.as_of())
    throw data_error("the snapshot after (" + format_date(after.as_of()) + ") is dated before the snapshot before (" +
                     format_date(before.as_of()) + "); swap them, or set allow_reversed");
  return comparison(before, after, c);
}

}  // namespace pledgetrack
