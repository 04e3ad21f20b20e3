// A quarterly check of pledges (분기별 공약 추진실적 점검 결과), as planning
// offices write it: the value types of every figure of the report, and the
// one pure function that computes them from data (make_quarterly_report,
// src/report/make_report.cpp; the status table is status_table.hpp).
// Renderers (render.hpp; HTML and XLSX in Python) only lay the figures out
// and word them; they compute nothing.
//
// The sections follow the seed report (광주광역시 서구, 2024년 1분기):
//   overview  (1. 점검개요)            district, term, date, period, "5대 분야 21개 공약 49개 사업", field × bureau
//   results   (2. 점검결과)            the headline rate and its change in %p, the status table
//   changes   (직전 분기 대비 변경사항)   projects grouped by their new status, added, removed, regressions
//   adjustment_candidates (공약조정 필요사업)  lagging, on hold, dropped, or carrying a reason
//   detail    (공약사업별 추진현황)      per field, every project
#pragma once

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "pledgetrack/error.hpp"
#include "pledgetrack/history/comparison.hpp"
#include "pledgetrack/model/organization.hpp"
#include "pledgetrack/model/project.hpp"
#include "pledgetrack/model/snapshot.hpp"
#include "pledgetrack/model/status.hpp"
#include "pledgetrack/rates/counts.hpp"
#include "pledgetrack/rates/criteria.hpp"
#include "pledgetrack/rates/crosstab.hpp"
#include "pledgetrack/rates/rate.hpp"
#include "pledgetrack/report/shares.hpp"
#include "pledgetrack/report/status_table.hpp"
#include "pledgetrack/model/date.hpp"
#include "pledgetrack/time/period.hpp"

namespace pledgetrack::report {

/// How to make a report. The defaults give the seed's report.
struct report_options {
  /// The headline rate's criteria, which also name it and its rounding rule.
  pledgetrack::criteria criteria = pledgetrack::criteria::kmc();
  /// How the status table's shares are rounded (named in every output).
  share_rounding shares = share_rounding::honest;
  /// Quarters (분기, the seed's) or half-years (반기).
  period_kind periods = period_kind::quarter;
  /// Passed to compare(): a previous snapshot of another district, or dated
  /// after the current one, is a data_error unless allowed here.
  compare_options comparison;

  friend bool operator==(const report_options& a, const report_options& b) {
    return a.criteria == b.criteria && a.shares == b.shares && a.periods == b.periods &&
           a.comparison.allow_different_districts == b.comparison.allow_different_districts &&
           a.comparison.allow_reversed == b.comparison.allow_reversed;
  }
};

/// 1. 점검개요: what was checked.
struct report_overview {
  std::string district;   ///< 자치단체: "광주광역시 서구"
  int term = 0;           ///< n of 민선 n기 (0 when not known)
  std::string head_title; ///< 구청장, 시장, 군수, 도지사 from the district's name; "" when unsure
  date as_of;             ///< 기준일자 (not-a-date-time for a snapshot without one)
  /// The quarter (or half) of as_of: 2024Q1; nothing without a date.
  std::optional<pledgetrack::period> period;
  std::int64_t fields = 0;    ///< distinct non-empty fields of the projects in scope: 5
  std::int64_t pledges = 0;   ///< distinct pledges (id.pledge()) in scope: 21
  std::int64_t projects = 0;  ///< unit projects in scope: 49
  std::int64_t out_of_scope = 0;  ///< listed but removed through 공약조정 (not counted anywhere)
  /// Projects in scope by field (rows, in order of first appearance) and
  /// bureau (columns, in the org's order when an org is given).
  crosstab field_by_bureau{dimension::field, dimension::bureau, {}, {}};

  friend bool operator==(const report_overview&, const report_overview&) = default;
  friend std::ostream& operator<<(std::ostream& os, const report_overview& o) {
    return os << "report_overview(district=\"" << o.district << "\", term=" << o.term << ", as_of=" << format_date(o.as_of)
              << ", fields=" << o.fields << ", pledges=" << o.pledges << ", projects=" << o.projects << ")";
  }
};

/// The headline: the rate now, the rate of the previous snapshot and the
/// change in percentage points (%p, never %).
struct report_headline {
  rate current;
  std::optional<rate> previous;           ///< nothing without a previous snapshot
  std::optional<date> previous_as_of;
  std::optional<pledgetrack::period> previous_period;
  /// current − previous in %p, exactly (100/49 for the seed); nothing
  /// without a previous snapshot or when either rate has no value.
  std::optional<fraction> change_points;
  /// "+2.0%p" by the criteria's rule; "n/a" when a rate has no value; ""
  /// without a previous snapshot.
  std::string change_text;

  friend bool operator==(const report_headline&, const report_headline&) = default;
  friend std::ostream& operator<<(std::ostream& os, const report_headline& h) {
    os << "report_headline(current=" << h.current;
    if (h.previous) os << ", previous=" << *h.previous << ", change=\"" << h.change_text << "\"";
    return os << ")";
  }
};

/// 2. 점검결과.
struct report_results {
  report_headline headline;
  status_table by_status;  ///< the status table

  friend bool operator==(const report_results&, const report_results&) = default;
  friend std::ostream& operator<<(std::ostream& os, const report_results& r) {
    return os << "report_results(headline=" << r.headline << ", by_status=" << r.by_status << ")";
  }
};

/// The projects that moved to one status since the previous snapshot.
struct status_change_group {
  pledgetrack::status status = status::completed;  ///< the new status
  std::vector<transition> projects;                ///< in the current snapshot's order

  friend bool operator==(const status_change_group&, const status_change_group&) = default;
  friend std::ostream& operator<<(std::ostream& os, const status_change_group& g) {
    return os << "status_change_group(status=" << g.status << ", projects=" << g.projects.size() << ")";
  }
};

/// 직전 분기 대비 변경사항: what moved since the previous snapshot.
struct report_changes {
  date previous_as_of;
  std::optional<pledgetrack::period> previous_period;
  /// Projects in scope on both sides whose status changed, grouped by the
  /// new status in the KMC order (이행후계속추진 before 일부추진).
  std::vector<status_change_group> by_new_status;
  std::vector<transition> added;    ///< in scope now only
  std::vector<transition> removed;  ///< in scope before only
  std::int64_t unchanged = 0;

  /// The moves that are regressions (transition_kind::regression).
  [[nodiscard]] std::vector<transition> regressions() const {
    std::vector<transition> out;
    for (const status_change_group& g : by_new_status)
      for (const transition& t : g.projects)
        if (t.k == transition_kind::regression) out.push_back(t);
    return out;
  }
  /// Projects whose status changed (added and removed not included).
  [[nodiscard]] std::int64_t moved() const noexcept {
    std::int64_t n = 0;
    for (const status_change_group& g : by_new_status) n += static_cast<std::int64_t>(g.projects.size());
    return n;
  }
  /// True when nothing changed at all.
  [[nodiscard]] bool empty() const noexcept { return by_new_status.empty() && added.empty() && removed.empty(); }

  friend bool operator==(const report_changes&, const report_changes&) = default;
  friend std::ostream& operator<<(std::ostream& os, const report_changes& c) {
    return os << "report_changes(previous_as_of=" << format_date(c.previous_as_of) << ", moved=" << c.moved()
              << ", regressions=" << c.regressions().size() << ", added=" << c.added.size()
              << ", removed=" << c.removed.size() << ", unchanged=" << c.unchanged << ")";
  }
};

/// 공약조정 필요사업: a project in scope that is lagging, on hold or dropped,
/// or that carries an adjustment reason (project::adjustment).
struct adjustment_candidate {
  project_id id;
  std::string field;
  std::string pledge;
  std::string title;
  std::string department;
  pledgetrack::status status = status::on_track;
  std::string reason;  ///< the reason from the data; "" when none was given

  /// Listed because of its status (일부추진, 보류, 폐기).
  [[nodiscard]] bool by_status() const noexcept {
    return status == status::lagging || status == status::on_hold || status == status::dropped;
  }
  /// Listed because a reason was given.
  [[nodiscard]] bool by_reason() const noexcept { return !reason.empty(); }

  friend bool operator==(const adjustment_candidate&, const adjustment_candidate&) = default;
  friend std::ostream& operator<<(std::ostream& os, const adjustment_candidate& a) {
    return os << "adjustment_candidate(id=\"" << a.id.to_string() << "\", title=\"" << a.title
              << "\", status=" << a.status << ", reason=\"" << a.reason << "\")";
  }
};

/// One row of 공약사업별 추진현황.
struct detail_row {
  project_id id;
  std::string pledge;
  std::string title;
  std::string department;
  std::string bureau;
  pledgetrack::status status = status::on_track;
  std::string raw_status;  ///< the label as the source wrote it ("정 상 추 진")

  friend bool operator==(const detail_row&, const detail_row&) = default;
  friend std::ostream& operator<<(std::ostream& os, const detail_row& r) {
    return os << "detail_row(id=\"" << r.id.to_string() << "\", title=\"" << r.title << "\", status=" << r.status
              << ")";
  }
};

/// The projects of one field, with the field's rate under the criteria.
struct field_detail {
  std::string field;
  pledgetrack::rate rate;
  status_counts counts;
  std::vector<detail_row> rows;  ///< in the snapshot's order

  friend bool operator==(const field_detail&, const field_detail&) = default;
  friend std::ostream& operator<<(std::ostream& os, const field_detail& f) {
    return os << "field_detail(field=\"" << f.field << "\", rate=" << f.rate << ", rows=" << f.rows.size() << ")";
  }
};

/// Every figure of one quarterly check. A value: it copies what it needs
/// and refers to no snapshot.
struct quarterly_report {
  report_overview overview;
  pledgetrack::criteria criteria;  ///< names the rate and its rounding rule
  report_results results;
  /// Nothing without a previous snapshot; empty() when nothing changed.
  std::optional<report_changes> changes;
  std::vector<adjustment_candidate> adjustment_candidates;
  std::vector<field_detail> detail;

  friend bool operator==(const quarterly_report&, const quarterly_report&) = default;

  /// `quarterly_report(district="광주광역시 서구", as_of=2024-03-31, rate=rate(33, 49), previous=rate(32, 49), change="+2.0%p", projects=49, changed=3, adjustment_candidates=2)`
  friend std::ostream& operator<<(std::ostream& os, const quarterly_report& r) {
    os << "quarterly_report(district=\"" << r.overview.district << "\", as_of=" << format_date(r.overview.as_of)
       << ", rate=" << r.results.headline.current;
    if (r.results.headline.previous)
      os << ", previous=" << *r.results.headline.previous << ", change=\"" << r.results.headline.change_text << "\"";
    os << ", projects=" << r.overview.projects;
    if (r.changes) os << ", changed=" << r.changes->moved() + static_cast<std::int64_t>(r.changes->added.size() + r.changes->removed.size());
    return os << ", adjustment_candidates=" << r.adjustment_candidates.size() << ")";
  }
};

/// Every figure of a quarterly check of `current`, compared with `previous`
/// (nullptr: no change line, no changes section), with bureaus filled from
/// `org` where a project has none and the field × bureau columns in the org's
/// order (nullptr: the order of the org `current` was read with,
/// snapshot::bureau_order(), leaving out bureaus without a project, then the
/// data's other bureaus in order of first appearance).
///
///     const auto q1 = io::read_csv(".../2024-03-31.csv").at(0);
///     const auto q4 = io::read_csv(".../2023-12-31.csv").at(0);
///     const auto org = io::read_org_csv(".../org.csv");
///     const auto r = report::make_quarterly_report(q1, &q4, &org, {});
///     r.results.headline.current.to_string();   // "67.3%"
///     r.results.headline.change_text;           // "+2.0%p"
///     render_markdown(r, language::ko);
///
/// Throws what compare() throws: a data_error when the snapshots are of two
/// districts or `previous` is dated after `current`, unless
/// `options.comparison` allows it.
[[nodiscard]] quarterly_report make_quarterly_report(const snapshot& current, const snapshot* previous,
                                                     const organization* org, const report_options& options = {});

}  // namespace pledgetrack::report
