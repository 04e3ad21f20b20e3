// The audit of a published report from the report alone: rebuild every
// figure from its own project table and check what it states. Figures of the
// previous period cannot be rebuilt without that period's data: they are
// listed as not checkable, with the reason, unless the data is given. A
// change is still checked when the printed previous rate fixes the previous
// count (65.3% of 49 projects can only be 32): that assumption is stated.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "pledgetrack/audit/audit.hpp"
#include "pledgetrack/audit/audit_data.hpp"
#include "pledgetrack/published/published_report.hpp"
#include "pledgetrack/rates/counts.hpp"
#include "pledgetrack/rates/criteria.hpp"
#include "pledgetrack/report/language.hpp"

namespace pledgetrack::published {

/// The audit of a report, and what it could not check.
struct published_audit {
  audit::audit_result result;
  /// Figures not checked (the previous period's, without its data).
  std::vector<audit::stated_figure> unchecked;
  std::string unchecked_reason_ko;
  std::string unchecked_reason_en;
  /// The previous period's counts implied by its printed rate, when the
  /// changes were checked against them (no previous data given).
  std::optional<status_counts> implied_previous;
  std::string assumption_ko;
  std::string assumption_en;

  friend bool operator==(const published_audit&, const published_audit&) = default;
  friend std::ostream& operator<<(std::ostream& os, const published_audit& a) {
    return os << "published_audit(" << a.result << ", unchecked=" << a.unchecked.size() << ")";
  }
};

/// Audits what `report` states against its own table, with `previous` (the
/// period before) when given.
///
///     const published_audit a = audit_published(read_published(text, "seogu.txt", o));
///     a.result.unexplained();   // 0
///     a.unchecked.size();       // 2: the two printed 65.3%
[[nodiscard]] published_audit audit_published(const published_report& report,
                                              const audit::audit_data* previous = nullptr,
                                              const criteria& c = criteria::kmc());

/// The notes that go with the audit's table: the figures not checked and
/// why, and the assumption made for the changes ("" when there is none).
[[nodiscard]] std::string render_audit_notes(const published_audit& a, report::language lang = report::language::ko);

}  // namespace pledgetrack::published
