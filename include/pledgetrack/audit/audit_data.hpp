// What an audit computes from: a snapshot's rows, or, when a source publishes
// no rows (national tables often print counts and a rate, nothing else), only
// the counts per status. Rules that need rows (a subgroup, mean progress, the
// pledge basis, in-term) are not tried on counts, and the audit says so.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <utility>

#include "pledgetrack/error.hpp"
#include "pledgetrack/model/snapshot.hpp"
#include "pledgetrack/rates/counts.hpp"

namespace pledgetrack::audit {

/// A snapshot, or counts per status. A value: it copies what it is given.
///
///     audit_data::of(seed)                 // rows
///     status_counts c; c.add(status::completed, 36); c.add(status::on_track, 34);
///     audit_data::of(c)                    // counts only
class audit_data {
 public:
  audit_data() = default;

  [[nodiscard]] static audit_data of(snapshot rows) {
    audit_data d;
    d.counts_ = count_statuses(rows);
    d.rows_ = std::move(rows);
    return d;
  }
  /// Counts per status; a data_error for a negative count.
  [[nodiscard]] static audit_data of(const status_counts& counts) {
    for (const status s : all_statuses)
      if (counts[s] < 0)
        throw data_error("a count cannot be negative: " + std::string(label_ko(s)) + " " + std::to_string(counts[s]));
    audit_data d;
    d.counts_ = counts;
    return d;
  }

  /// True when the data has rows (a snapshot), false for counts only.
  [[nodiscard]] bool has_rows() const noexcept { return rows_.has_value(); }
  /// The snapshot; nullptr for counts only.
  [[nodiscard]] const snapshot* rows() const noexcept { return rows_ ? &*rows_ : nullptr; }
  /// Projects in scope by status.
  [[nodiscard]] const status_counts& counts() const noexcept { return counts_; }

  friend bool operator==(const audit_data&, const audit_data&) = default;
  friend std::ostream& operator<<(std::ostream& os, const audit_data& d) {
    if (d.rows_) return os << "audit_data(" << *d.rows_ << ")";
    return os << "audit_data(" << d.counts_ << ")";
  }

 private:
  std::optional<snapshot> rows_;
  status_counts counts_;
};

}  // namespace pledgetrack::audit
