// make_quarterly_report: every figure of a quarterly check, computed from
// the snapshots (quarterly_report.hpp).
#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "pledgetrack/history/comparison.hpp"
#include "pledgetrack/rates/completion.hpp"
#include "pledgetrack/rates/counts.hpp"
#include "pledgetrack/rates/crosstab.hpp"
#include "pledgetrack/rates/grouping.hpp"
#include "pledgetrack/report/quarterly_report.hpp"
#include "pledgetrack/report/shares.hpp"
#include "pledgetrack/text/unicode.hpp"

namespace pledgetrack::report {

namespace {

/// The title of the head of government from the district's name: 서구 →
/// 구청장, 서산시 and 광주광역시 → 시장, 군 → 군수, 도 → 도지사. "" otherwise.
[[nodiscard]] std::string head_title_of(std::string_view district) {
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
const std::vector<std::vector<status>>& status_table_groups() {
  static const std::vector<std::vector<status>> groups = {
      {status::completed, status::ongoing}, {status::on_track}, {status::lagging},
      {status::on_hold},                    {status::dropped},  {status::not_due}};
  return groups;
}

[[nodiscard]] std::optional<period> period_of(const date& d, period_kind kind) {
  if (d.is_special()) return std::nullopt;
  return kind == period_kind::quarter ? period::quarter_of(d) : period::half_of(d);
}

[[nodiscard]] status_table make_status_table(const status_counts& counts, const criteria& c,
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
[[nodiscard]] std::vector<std::string> bureaus_in(const std::vector<std::string>& order,
                                                         const std::vector<const project*>& projects) {
  std::unordered_set<std::string_view> present;
  for (const project* p : projects) present.insert(p->bureau);
  std::vector<std::string> out;
  for (const std::string& b : order)
    if (present.erase(b) > 0) out.push_back(b);
  return out;
}

}  // namespace

quarterly_report make_quarterly_report(const snapshot& current, const snapshot* previous, const organization* org,
                                       const report_options& options) {
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
  o.head_title = head_title_of(current.district());
  o.as_of = current.as_of();
  o.period = period_of(current.as_of(), options.periods);
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
                                    org != nullptr ? org->bureaus() : bureaus_in(current.bureau_order(), in_scope));

  // 2. 점검결과
  report_headline& h = r.results.headline;
  h.current = completion_rate(in_scope, c);
  r.results.by_status = make_status_table(count_statuses(in_scope), c, options.shares);

  // 직전 분기 대비 변경사항
  if (previous != nullptr) {
    const comparison delta = compare(*previous, current, c, options.comparison);
    h.previous = delta.before_rate();
    h.previous_as_of = previous->as_of();
    h.previous_period = period_of(previous->as_of(), options.periods);
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
