// A district's snapshots over time: the rate quarter by quarter, each
// project's runs of one status, the status as of any date, and the projects
// stuck in one incomplete status.
#pragma once

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <optional>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "pledgetrack/error.hpp"
#include "pledgetrack/model/project.hpp"
#include "pledgetrack/model/snapshot.hpp"
#include "pledgetrack/model/status.hpp"
#include "pledgetrack/rates/completion.hpp"
#include "pledgetrack/rates/criteria.hpp"
#include "pledgetrack/rates/rate.hpp"
#include "pledgetrack/model/date.hpp"
#include "pledgetrack/time/period.hpp"

namespace pledgetrack {

/// The rate of one snapshot, with its date and the quarter that date falls in.
struct dated_rate {
  date as_of;
  pledgetrack::period period;  ///< the quarter containing as_of: 2024Q1 for 2024-03-31
  pledgetrack::rate rate;

  friend bool operator==(const dated_rate&, const dated_rate&) = default;
  friend std::ostream& operator<<(std::ostream& os, const dated_rate& r) {
    return os << "dated_rate(as_of=" << format_date(r.as_of) << ", period=\"" << r.period.label()
              << "\", rate=" << r.rate << ")";
  }
};

/// A stretch of consecutive snapshots in which a project kept one status.
struct status_run {
  pledgetrack::status status = status::on_track;
  std::string raw_status;  ///< the label as written in the run's first snapshot
  date first_seen;         ///< the first snapshot of the run
  date last_seen;          ///< the last snapshot of the run
  /// The first snapshot after the run (a different status, or the project
  /// absent); nothing while the run lasts through the latest snapshot.
  std::optional<date> ended;
  int snapshots = 0;  ///< how many snapshots the run spans

  friend bool operator==(const status_run&, const status_run&) = default;
  friend std::ostream& operator<<(std::ostream& os, const status_run& r) {
    os << "status_run(status=" << r.status << ", raw_status=\"" << r.raw_status
       << "\", first_seen=" << format_date(r.first_seen) << ", last_seen=" << format_date(r.last_seen) << ", ended=";
    if (r.ended) os << format_date(*r.ended);
    else os << "None";
    return os << ", snapshots=" << r.snapshots << ")";
  }
};

/// A project whose incomplete status has not changed for a number of
/// consecutive snapshots up to the latest.
struct stuck_project {
  project_id id;
  std::string title;
  pledgetrack::status status = status::on_track;
  int snapshots = 0;  ///< consecutive snapshots, the latest included
  date since;         ///< the first of them

  friend bool operator==(const stuck_project&, const stuck_project&) = default;
  friend std::ostream& operator<<(std::ostream& os, const stuck_project& s) {
    return os << "stuck_project(id=\"" << s.id.to_string() << "\", status=" << s.status
              << ", snapshots=" << s.snapshots << ", since=" << format_date(s.since) << ", title=\"" << s.title
              << "\")";
  }
};

/// The snapshots of one district, in date order. Projects are matched across
/// snapshots by id. A project is "present" in a snapshot when it is listed
/// there, whatever its scope: status questions are about the status, and
/// scope is the business of the rates (and of adjustments.hpp).
///
///     history h({q4_2023, q1_2024});            // any order; sorted by as_of
///     h.rates(criteria::kmc());                 // 2023Q4 rate(32, 49), 2024Q1 rate(33, 49)
///     h.status_at(project_id::parse("4-1-2"), date(2024, 2, 15));  // status::ongoing (as of 2023-12-31)
class history {
 public:
  history() = default;
  /// Adds every snapshot (see add).
  explicit history(std::vector<snapshot> snapshots) {
    for (snapshot& s : snapshots) add(std::move(s));
  }

  /// Adds a snapshot in its place by date. A snapshot of another district is
  /// a data_error naming both districts; a second snapshot of a date already
  /// held is a data_error naming the date; so is a snapshot without a
  /// calendar date.
  void add(snapshot s) {
    detail::require_calendar_date(s.as_of(), "the date of a snapshot in a history of " + s.district());
    if (!snapshots_.empty() && s.district() != district())
      throw data_error("a history holds one district: '" + s.district() + "' (as of " + format_date(s.as_of()) +
                       ") cannot join '" + district() + "'");
    const auto it = std::lower_bound(snapshots_.begin(), snapshots_.end(), s.as_of(),
                                     [](const snapshot& x, const date& d) { return x.as_of() < d; });
    if (it != snapshots_.end() && it->as_of() == s.as_of())
      throw data_error("two snapshots of " + s.district() + " as of " + format_date(s.as_of()));
    snapshots_.insert(it, std::move(s));
  }

  /// The snapshots, oldest first.
  [[nodiscard]] const std::vector<snapshot>& snapshots() const noexcept { return snapshots_; }
  [[nodiscard]] std::size_t size() const noexcept { return snapshots_.size(); }
  [[nodiscard]] bool empty() const noexcept { return snapshots_.empty(); }
  [[nodiscard]] auto begin() const noexcept { return snapshots_.begin(); }
  [[nodiscard]] auto end() const noexcept { return snapshots_.end(); }

  /// The district; "" for an empty history.
  [[nodiscard]] const std::string& district() const noexcept {
    static const std::string none;
    return snapshots_.empty() ? none : snapshots_.front().district();
  }
  /// The oldest snapshot; a data_error for an empty history.
  [[nodiscard]] const snapshot& first() const {
    require_some("first");
    return snapshots_.front();
  }
  /// The latest snapshot; a data_error for an empty history.
  [[nodiscard]] const snapshot& latest() const {
    require_some("latest");
    return snapshots_.back();
  }

  /// The rate of every snapshot, oldest first, with the quarter of its date.
  [[nodiscard]] std::vector<dated_rate> rates(const criteria& c = criteria::kmc()) const {
    std::vector<dated_rate> out;
    out.reserve(snapshots_.size());
    for (const snapshot& s : snapshots_)
      out.push_back({s.as_of(), period::quarter_of(s.as_of()), completion_rate(s, c)});
    return out;
  }

  /// The latest snapshot on or before `d`; nullptr before the first.
  [[nodiscard]] const snapshot* snapshot_at(date d) const {
    if (d.is_not_a_date()) return nullptr;
    const auto it = std::upper_bound(snapshots_.begin(), snapshots_.end(), d,
                                     [](const date& x, const snapshot& s) { return x < s.as_of(); });
    return it == snapshots_.begin() ? nullptr : &*std::prev(it);
  }

  /// The project's status in the latest snapshot on or before `d`. Nothing
  /// before the first snapshot (no guess), and nothing when the project is
  /// absent from that snapshot (not its last known status).
  [[nodiscard]] std::optional<status> status_at(const project_id& id, date d) const {
    const snapshot* s = snapshot_at(d);
    if (s == nullptr) return std::nullopt;
    const project* p = s->find(id);
    if (p == nullptr) return std::nullopt;
    return p->status;
  }

  /// The project's runs of one status, oldest first. A snapshot without the
  /// project ends the run: the status after a gap starts a new run even when
  /// it is the same, since nothing is known of the gap. Empty for an id found
  /// in no snapshot.
  ///
  ///     h.timeline(project_id::parse("4-1-2"))
  ///     // {ongoing, 2023-12-31 .. 2023-12-31, ended 2024-03-31}, {lagging, 2024-03-31 .. 2024-03-31}
  [[nodiscard]] std::vector<status_run> timeline(const project_id& id) const {
    std::vector<status_run> runs;
    bool open = false;  // the last run reaches the previous snapshot
    for (const snapshot& s : snapshots_) {
      const project* p = s.find(id);
      if (p == nullptr) {
        if (open) runs.back().ended = s.as_of();
        open = false;
        continue;
      }
      if (open && runs.back().status == p->status) {
        runs.back().last_seen = s.as_of();
        ++runs.back().snapshots;
        continue;
      }
      if (open) runs.back().ended = s.as_of();
      runs.push_back({p->status, p->raw_status, s.as_of(), s.as_of(), std::nullopt, 1});
      open = true;
    }
    return runs;
  }

  /// Days from the first snapshot of the project's current run (as of `d`)
  /// to `d`: 0 on that snapshot's date. It counts from the first report that
  /// showed the status, so the status may be older. Nothing when status_at
  /// gives nothing.
  [[nodiscard]] std::optional<int> time_in_status(const project_id& id, date d) const {
    const snapshot* s = snapshot_at(d);
    if (s == nullptr || s->find(id) == nullptr) return std::nullopt;
    for (const status_run& run : timeline(id))
      if (run.first_seen <= s->as_of() && s->as_of() <= run.last_seen)
        return static_cast<int>((d - run.first_seen).days());
    return std::nullopt;  // unreachable: the snapshot lists the project
  }

  /// Projects of the latest snapshot that `c` counts, whose status is not
  /// complete under `c` and has been the same for `periods` or more
  /// consecutive snapshots up to the latest (a gap breaks the streak), in the
  /// latest snapshot's order. `periods` below 1 is a data_error.
  ///
  ///     h.stuck(criteria::kmc(), 4)   // 정상추진 for four reports running, …
  [[nodiscard]] std::vector<stuck_project> stuck(const criteria& c, int periods) const {
    if (periods < 1) throw data_error("stuck needs a number of snapshots of at least 1, not " + std::to_string(periods));
    std::vector<stuck_project> out;
    if (snapshots_.empty()) return out;
    for (const project& p : snapshots_.back()) {
      if (!is_counted(p, c) || c.complete.contains(p.status)) continue;
      int streak = 0;
      for (auto it = snapshots_.rbegin(); it != snapshots_.rend(); ++it) {
        const project* q = it->find(p.id);
        if (q == nullptr || q->status != p.status) break;
        ++streak;
      }
      if (streak >= periods)
        out.push_back({p.id, p.title, p.status, streak, snapshots_[snapshots_.size() - streak].as_of()});
    }
    return out;
  }

  /// `history(district="광주광역시 서구", snapshots=2, first=2023-12-31, latest=2024-03-31)`.
  friend std::ostream& operator<<(std::ostream& os, const history& h) {
    os << "history(district=\"" << h.district() << "\", snapshots=" << h.size();
    if (!h.empty())
      os << ", first=" << format_date(h.snapshots_.front().as_of())
         << ", latest=" << format_date(h.snapshots_.back().as_of());
    return os << ")";
  }

 private:
  void require_some(const char* what) const {
    if (snapshots_.empty()) throw data_error(std::string("an empty history has no ") + what + " snapshot");
  }

  std::vector<snapshot> snapshots_;
};

}  // namespace pledgetrack
