// A quarterly check of pledges (분기별 공약 추진실적 점검 결과), as planning
// offices write it: every figure of the report, computed from data by one
// pure function. Renderers (render.hpp; HTML and XLSX in Python) only lay
// the figures out and word them; they compute nothing.
//
// The sections follow the seed report (광주광역시 서구, 2024년 1분기):
//   overview  (1. 점검개요)            district, term, date, period, "5대 분야 21개 공약 49개 사업", field × bureau
//   results   (2. 점검결과)            the headline rate and its change in %p, the status table
//   changes   (직전 분기 대비 변경사항)   projects grouped by their new status, added, removed, regressions
//   adjustment_candidates (공약조정 필요사업)  lagging, on hold, dropped, or carrying a reason
//   detail    (공약사업별 추진현황)      per field, every project
#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "pledgetrack/error.hpp"
#include "pledgetrack/history/comparison.hpp"
#include "pledgetrack/model/organization.hpp"
#include "pledgetrack/model/project.hpp"
#include "pledgetrack/model/snapshot.hpp"
#include "pledgetrack/model/status.hpp"
#include "pledgetrack/rates/completion.hpp"
#include "pledgetrack/rates/counts.hpp"
#include "pledgetrack/rates/criteria.hpp"
#include "pledgetrack/rates/crosstab.hpp"
#include "pledgetrack/rates/grouping.hpp"
#include "pledgetrack/rates/rate.hpp"
#include "pledgetrack/report/shares.hpp"
#include "pledgetrack/text/unicode.hpp"
#include "pledgetrack/time/date.hpp"
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

namespace detail {

/// The title of the head of government from the district's name: 서구 →
/// 구청장, 서산시 and 광주광역시 → 시장, 군 → 군수, 도 → 도지사. "" otherwise.
[[nodiscard]] inline std::string head_title_of(std::string_view district) {
  std::string_view name = text::trim(district);
  if (const auto space = name.rfind(' '); space != std::string_view::npos) name = name.substr(space + 1);
  auto ends_with = [&](std::string_view suffix) {
    return name.size() > suffix.size() && name.substr(name.size() - suffix.size()) == suffix;
  };
  if (ends_with("구")) return "구청장";
  if (ends_with("군")) return "군수";
  if (ends_with("시")) return "시장";
  if (ends_with("도")) return "도지사";
  return "";
}

/// The status groups of the status table, in its column order.
inline const std::vector<std::vector<status>>& status_table_groups() {
  static const std::vector<std::vector<status>> groups = {
      {status::completed, status::ongoing}, {status::on_track}, {status::lagging},
      {status::on_hold},                    {status::dropped},  {status::not_due}};
  return groups;
}

[[nodiscard]] inline std::optional<period> period_of(const date& d, period_kind kind) {
  if (d.is_special()) return std::nullopt;
  return kind == period_kind::quarter ? period::quarter_of(d) : period::half_of(d);
}

[[nodiscard]] inline status_table make_status_table(const status_counts& counts, const criteria& c,
                                                           share_rounding shares) {
  status_table table;
  table.total = counts.total();
  table.shares = shares;
  table.rule = c.rule;
  table.decimals = c.decimals;
  const auto& groups = status_table_groups();
  for (std::size_t g = 0; g < groups.size(); ++g) {
    std::int64_t n = 0;
    for (const status s : groups[g]) n += counts[s];
    // 완료/이행후계속추진, 정상추진 and 일부추진 always; the rarer ones only when present.
    if (g >= 3 && n == 0) continue;
    status_column column;
    column.statuses = groups[g];
    column.count = n;
    if (table.total > 0) column.percent = fraction(n * 100, table.total);
    table.columns.push_back(std::move(column));
  }
  if (table.total > 0) {
    std::vector<std::int64_t> ns;
    for (const status_column& column : table.columns) ns.push_back(column.count);
    const auto scaled = scaled_shares(ns, table.total, shares, c.rule, c.decimals);
    for (std::size_t i = 0; i < table.columns.size(); ++i) {
      table.columns[i].shown_scaled = scaled[i];
      table.columns[i].shown_text = format_scaled(scaled[i], c.decimals);
      table.shown_sum_scaled += scaled[i];
    }
    table.shown_sum_text = format_scaled(table.shown_sum_scaled, c.decimals);
  }
  return table;
}

/// The bureaus of `order` that some project in `projects` belongs to, in
/// that order, each once.
[[nodiscard]] inline std::vector<std::string> bureaus_in(const std::vector<std::string>& order,
                                                         const std::vector<const project*>& projects) {
  std::unordered_set<std::string_view> present;
  for (const project* p : projects) present.insert(p->bureau);
  std::vector<std::string> out;
  for (const std::string& b : order)
    if (present.erase(b) > 0) out.push_back(b);
  return out;
}

}  // namespace detail

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
[[nodiscard]] inline quarterly_report make_quarterly_report(const snapshot& current, const snapshot* previous,
                                                            const organization* org,
                                                            const report_options& options = {}) {
  const criteria& c = options.criteria;

  // Bureaus from the org where the data has none; nothing else is changed.
  std::vector<project> projects(current.begin(), current.end());
  if (org != nullptr)
    for (project& p : projects)
      if (p.bureau.empty() && !p.department.empty())
        if (auto b = org->bureau_of(p.department)) p.bureau = std::move(*b);
  std::vector<const project*> in_scope;
  for (const project& p : projects)
    if (p.in_scope()) in_scope.push_back(&p);

  quarterly_report r;
  r.criteria = c;

  // 1. 점검개요
  report_overview& o = r.overview;
  o.district = current.district();
  o.term = current.term();
  o.head_title = detail::head_title_of(current.district());
  o.as_of = current.as_of();
  o.period = detail::period_of(current.as_of(), options.periods);
  {
    std::unordered_set<std::string> fields;
    std::unordered_set<project_id> pledges;
    for (const project* p : in_scope) {
      if (!p->field.empty()) fields.insert(p->field);
      pledges.insert(p->id.pledge());
    }
    o.fields = static_cast<std::int64_t>(fields.size());
    o.pledges = static_cast<std::int64_t>(pledges.size());
    o.projects = static_cast<std::int64_t>(in_scope.size());
    o.out_of_scope = static_cast<std::int64_t>(projects.size() - in_scope.size());
  }
  o.field_by_bureau = make_crosstab(in_scope, dimension::field, dimension::bureau, {},
                                    org != nullptr ? org->bureaus() : detail::bureaus_in(current.bureau_order(), in_scope));

  // 2. 점검결과
  report_headline& h = r.results.headline;
  h.current = completion_rate(in_scope, c);
  r.results.by_status = detail::make_status_table(count_statuses(in_scope), c, options.shares);

  // 직전 분기 대비 변경사항
  if (previous != nullptr) {
    const comparison delta = compare(*previous, current, c, options.comparison);
    h.previous = delta.before_rate();
    h.previous_as_of = previous->as_of();
    h.previous_period = detail::period_of(previous->as_of(), options.periods);
    h.change_points = change_in_points(delta.before_rate(), h.current);
    h.change_text = format_points(h.change_points, c.rule, c.decimals);

    report_changes ch;
    ch.previous_as_of = previous->as_of();
    ch.previous_period = h.previous_period;
    for (const status s : all_statuses) {
      status_change_group group;
      group.status = s;
      for (const transition& t : delta.transitions()) {
        if (t.k == transition_kind::added) {
          if (s == all_statuses.front()) ch.added.push_back(t);
        } else if (t.k == transition_kind::removed) {
          if (s == all_statuses.front()) ch.removed.push_back(t);
        } else if (t.k == transition_kind::unchanged) {
          if (s == all_statuses.front()) ++ch.unchanged;
        } else if (t.to == s) {
          group.projects.push_back(t);
        }
      }
      if (!group.projects.empty()) ch.by_new_status.push_back(std::move(group));
    }
    r.changes = std::move(ch);
  }

  // 공약조정 필요사업
  for (const project* p : in_scope) {
    adjustment_candidate a;
    a.status = p->status;
    a.reason = std::string(text::trim(p->adjustment));
    if (!a.by_status() && !a.by_reason()) continue;
    a.id = p->id;
    a.field = p->field;
    a.pledge = p->pledge;
    a.title = p->title;
    a.department = p->department;
    r.adjustment_candidates.push_back(std::move(a));
  }

  // 공약사업별 추진현황
  for (const project_group& g : group_projects(in_scope, dimension::field)) {
    field_detail f;
    f.field = g.key;
    f.rate = completion_rate(g.projects, c);
    f.counts = count_statuses(g.projects);
    for (const project* p : g.projects)
      f.rows.push_back({p->id, p->pledge, p->title, p->department, p->bureau, p->status, p->raw_status});
    r.detail.push_back(std::move(f));
  }
  return r;
}

}  // namespace pledgetrack::report
