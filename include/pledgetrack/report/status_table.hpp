// The status table of a report (the seed's 구분 | 계 | 완료 + 이행후계속추진 |
// 정상추진 | 일부추진 | …): counts and shares per group of statuses, the shares
// rounded by a named rule (shares.hpp). A value type; make_quarterly_report
// fills it.
#pragma once

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "pledgetrack/model/status.hpp"
#include "pledgetrack/rates/fraction.hpp"
#include "pledgetrack/rates/rounding.hpp"
#include "pledgetrack/report/shares.hpp"

namespace pledgetrack::report {

/// One column of the status table: one or more statuses counted together
/// (the seed's first column is 완료 and 이행후계속추진).
struct status_column {
  std::vector<status> statuses;
  std::int64_t count = 0;
  /// count × 100 / total, exactly; nothing when the total is 0.
  std::optional<fraction> percent;
  /// The share shown, in units of 10^-decimals percent (673 is 67.3%), by
  /// the table's share rule; 0 when the total is 0.
  std::int64_t shown_scaled = 0;
  /// The share shown without the sign: "67.3"; "" when the total is 0.
  std::string shown_text;

  friend bool operator==(const status_column&, const status_column&) = default;
  friend std::ostream& operator<<(std::ostream& os, const status_column& c) {
    os << "status_column(statuses=[";
    for (std::size_t i = 0; i < c.statuses.size(); ++i) os << (i ? ", " : "") << c.statuses[i];
    return os << "], count=" << c.count << ", shown=\"" << c.shown_text << "\")";
  }
};

/// Counts and shares per status group, over the projects in scope. Columns:
/// 완료 + 이행후계속추진, 정상추진, 일부추진 always; 보류, 폐기, 기타 only when
/// not zero.
struct status_table {
  std::int64_t total = 0;
  std::vector<status_column> columns;
  share_rounding shares = share_rounding::honest;
  rounding rule = rounding::half_up;  ///< the criteria's rule (used by honest shares)
  int decimals = 1;
  /// The sum of the shares shown, scaled (999 for honest shares of the seed:
  /// 67.3 + 30.6 + 2.0), and as text ("99.9"; "" when the total is 0).
  std::int64_t shown_sum_scaled = 0;
  std::string shown_sum_text;

  friend bool operator==(const status_table&, const status_table&) = default;
  friend std::ostream& operator<<(std::ostream& os, const status_table& t) {
    os << "status_table(total=" << t.total << ", shares=" << t.shares << ", columns=[";
    for (std::size_t i = 0; i < t.columns.size(); ++i) os << (i ? ", " : "") << t.columns[i];
    return os << "], shown_sum=\"" << t.shown_sum_text << "\")";
  }
};

}  // namespace pledgetrack::report
