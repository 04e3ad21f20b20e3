// The quarterly report as JSON: every figure, exact (fractions as
// {"numerator": 33, "denominator": 49}) and as a number, every display text
// in the chosen language, and the names of the rules. Written by a small
// streaming writer: two-space indent, arrays of scalars on one line, keys in
// a fixed order, so that the output is byte-for-byte stable (it is pinned by
// tests/data/golden/demo.json).
#include <charconv>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "pledgetrack/report/escape.hpp"
#include "pledgetrack/report/render.hpp"
#include "pledgetrack/report/wording.hpp"
#include "json_values.hpp"
#include "json_writer.hpp"

namespace pledgetrack::report {

namespace {

using detail::change_value;
using detail::changes_value;
using detail::criteria_value;
using detail::date_value;
using detail::fraction_value;
using detail::period_value;
using detail::quoted;
using detail::rate_value;
using detail::status_names;
using detail::transition_value;
using detail::writer;

void overview_value(writer& w, const quarterly_report& r, language lang) {
  const report_overview& o = r.overview;
  w.open_object();
  w.field("title", section_title(section::overview, lang));
  w.field("district", o.district);
  w.field("term", o.term);
  w.field("term_text", term_text(o.term, lang));
  w.field("head_title", o.head_title);
  w.key("as_of");
  date_value(w, o.as_of);
  w.field("as_of_text", date_text(o.as_of, lang));
  w.key("period");
  period_value(w, o.period, lang);
  w.field("fields", o.fields);
  w.field("pledges", o.pledges);
  w.field("projects", o.projects);
  w.field("out_of_scope", o.out_of_scope);
  w.field("scope_text", scope_text(o, lang));

  const crosstab& t = o.field_by_bureau;
  w.key("field_by_bureau");
  w.open_object();
  w.field("rows", std::string(to_string(t.rows())));
  w.field("columns", std::string(to_string(t.columns())));
  std::vector<std::string> labels;
  for (const std::string& l : t.row_labels()) labels.push_back(quoted(l));
  w.key("row_labels");
  w.scalars(labels);
  labels.clear();
  for (const std::string& l : t.column_labels()) labels.push_back(quoted(l));
  w.key("column_labels");
  w.scalars(labels);
  w.key("cells");
  w.open_array();
  for (std::size_t i = 0; i < t.row_labels().size(); ++i) {
    std::vector<std::string> cells;
    for (std::size_t j = 0; j < t.column_labels().size(); ++j) cells.push_back(std::to_string(t.at(i, j)));
    w.scalars(cells);
  }
  w.close_array();
  std::vector<std::string> totals;
  for (std::size_t i = 0; i < t.row_labels().size(); ++i) totals.push_back(std::to_string(t.row_total(i)));
  w.key("row_totals");
  w.scalars(totals);
  totals.clear();
  for (std::size_t j = 0; j < t.column_labels().size(); ++j) totals.push_back(std::to_string(t.column_total(j)));
  w.key("column_totals");
  w.scalars(totals);
  w.field("total", t.total());
  w.close_object();
  w.close_object();
}

void results_value(writer& w, const quarterly_report& r, language lang) {
  const report_headline& h = r.results.headline;
  const status_table& t = r.results.by_status;
  w.open_object();
  w.field("title", section_title(section::results, lang));
  w.key("headline");
  w.open_object();
  w.key("rate");
  rate_value(w, h.current, lang);
  w.key("previous");
  if (h.previous) rate_value(w, *h.previous, lang);
  else w.null();
  w.key("previous_as_of");
  if (h.previous_as_of) date_value(w, *h.previous_as_of);
  else w.null();
  w.key("previous_period");
  period_value(w, h.previous_period, lang);
  w.key("previous_text");
  if (h.previous) w.string(previous_text(r, lang));
  else w.null();
  w.key("change");
  change_value(w, h);
  w.field("text", headline_text(r, lang));
  w.close_object();

  w.key("status_table");
  w.open_object();
  w.field("total", t.total);
  w.field("share_rule", std::string(to_string(t.shares)));
  w.field("share_rule_text", share_rule_text(t, lang));
  w.field("rounding", std::string(to_string(t.rule)));
  w.field("decimals", t.decimals);
  w.key("columns");
  w.open_array();
  double scale = 1;
  for (int i = 0; i < t.decimals; ++i) scale *= 10;
  for (const status_column& c : t.columns) {
    w.open_object();
    w.key("statuses");
    w.scalars(status_names(c.statuses));
    w.field("label", status_group_text(c.statuses, lang));
    // The criteria's meaning of each status, as the report prints it under
    // the table (☞ 공약이행도 판단기준).
    w.key("definitions");
    w.open_array();
    for (const status s : c.statuses) {
      w.open_object();
      w.field("status", std::string(to_string(s)));
      w.field("label", status_text(s, lang));
      w.field("text", status_definition(s, lang));
      w.close_object();
    }
    w.close_array();
    w.field("count", c.count);
    w.key("share");
    if (t.total > 0) fraction_value(w, fraction(c.count, t.total));
    else w.null();
    w.key("percent");
    if (c.percent) w.number(c.percent->to_double());
    else w.null();
    w.key("percent_exact");
    if (c.percent) fraction_value(w, *c.percent);
    else w.null();
    w.key("shown");
    if (t.total > 0) w.number(static_cast<double>(c.shown_scaled) / scale);
    else w.null();
    w.field("shown_text", c.shown_text);
    w.close_object();
  }
  w.close_array();
  w.key("shown_sum");
  if (t.total > 0) w.number(static_cast<double>(t.shown_sum_scaled) / scale);
  else w.null();
  w.field("shown_sum_text", t.shown_sum_text);
  w.close_object();
  w.close_object();
}

void adjustments_value(writer& w, const quarterly_report& r, language lang) {
  w.open_object();
  w.field("title", section_title(section::adjustment_candidates, lang));
  w.key("projects");
  w.open_array();
  for (const adjustment_candidate& a : r.adjustment_candidates) {
    w.open_object();
    w.field("id", a.id.to_string());
    w.field("field", a.field);
    w.field("pledge", a.pledge);
    w.field("title", a.title);
    w.field("department", a.department);
    w.field("status", std::string(to_string(a.status)));
    w.field("status_label", status_text(a.status, lang));
    w.field("reason", a.reason);
    w.field("by_status", a.by_status());
    w.field("by_reason", a.by_reason());
    w.close_object();
  }
  w.close_array();
  w.close_object();
}

void detail_value(writer& w, const quarterly_report& r, language lang) {
  w.open_object();
  w.field("title", section_title(section::detail, lang));
  w.key("fields");
  w.open_array();
  for (const field_detail& f : r.detail) {
    w.open_object();
    w.field("field", f.field);
    w.key("rate");
    rate_value(w, f.rate, lang);
    w.key("counts");
    w.open_object();
    for (const status s : all_statuses) w.field(to_string(s), f.counts[s]);
    w.close_object();
    w.key("projects");
    w.open_array();
    for (const detail_row& row : f.rows) {
      w.open_object();
      w.field("id", row.id.to_string());
      // The pledge's own id ("2-3" of "2-3-4"): the rows of one pledge share it,
      // so that a table can merge its name over them as the published one does.
      w.field("pledge_id", row.id.pledge().to_string());
      w.field("pledge", row.pledge);
      w.field("title", row.title);
      w.field("department", row.department);
      w.field("bureau", row.bureau);
      w.field("status", std::string(to_string(row.status)));
      w.field("status_label", status_text(row.status, lang));
      w.field("raw_status", row.raw_status);
      w.close_object();
    }
    w.close_array();
    w.close_object();
  }
  w.close_array();
  w.close_object();
}

/// What the HTML and XLSX renderers place beyond the figures: the table of
/// fixed words and the lines this report composes from its counts.
void layout_value(writer& w, const quarterly_report& r, language lang) {
  w.open_object();
  w.key("words");
  w.open_object();
  for (const phrase p : all_phrases()) w.field(to_string(p), phrase_text(p, lang));
  w.close_object();
  w.field("label_separator", label_separator(lang));
  w.field("generated_by", generated_by_text(lang));
  w.field("out_of_scope_text", out_of_scope_text(r.overview.out_of_scope, lang));
  w.field("field_by_bureau_total_text", count_text(r.overview.field_by_bureau.total(), lang));
  w.field("status_total_text", count_text(r.results.by_status.total, lang));
  std::vector<std::string> texts;
  for (const status_column& c : r.results.by_status.columns) texts.push_back(quoted(count_text(c.count, lang)));
  w.key("status_count_texts");
  w.scalars(texts);
  w.key("change_groups");
  w.open_array();
  if (r.changes)
    for (const labelled_moves& g : change_groups(*r.changes, lang)) {
      w.open_object();
      w.field("text", g.text);
      w.key("projects");
      w.open_array();
      for (const transition& t : *g.projects) transition_value(w, t, lang);
      w.close_array();
      w.close_object();
    }
  w.close_array();
  w.key("unchanged_text");
  if (r.changes) w.string(unchanged_text(r.changes->unchanged, lang));
  else w.null();
  texts.clear();
  for (const field_detail& f : r.detail)
    texts.push_back(quoted(projects_text(static_cast<std::int64_t>(f.rows.size()), lang)));
  w.key("field_projects_texts");
  w.scalars(texts);
  w.close_object();
}

/// The report's members, in their fixed order, into an open object.
void report_members(writer& w, const quarterly_report& r, language lang) {
  w.field("format", "pledgetrack.quarterly_report");
  w.field("format_version", 1);
  w.field("language", std::string(to_string(lang)));
  w.field("title", report_title(r, lang));
  w.field("subtitle", report_subtitle(r, lang));
  w.key("overview");
  overview_value(w, r, lang);
  w.key("criteria");
  criteria_value(w, r.criteria, lang);
  w.key("results");
  results_value(w, r, lang);
  w.key("changes");
  changes_value(w, r, lang);
  w.key("adjustment_candidates");
  adjustments_value(w, r, lang);
  w.key("detail");
  detail_value(w, r, lang);
}

}  // namespace

std::string render_json(const quarterly_report& r, language lang) {
  writer w;
  w.open_object();
  report_members(w, r, lang);
  w.close_object();
  return w.finish();
}

std::string render_layout_json(const quarterly_report& r, language lang) {
  writer w;
  w.open_object();
  report_members(w, r, lang);
  w.key("layout");
  layout_value(w, r, lang);
  w.close_object();
  return w.finish();
}

}  // namespace pledgetrack::report
