// The JSON values shared by the report's and the comparison's JSON (see
// json_values.hpp).
#include "json_values.hpp"

#include <string_view>
#include <utility>

#include "pledgetrack/report/wording.hpp"

namespace pledgetrack::report::detail {

void period_value(writer& w, const std::optional<period>& p, language lang) {
  if (!p) return w.null();
  w.open_object();
  w.field("label", p->label());
  w.field("text", period_text(*p, lang));
  w.field("year", p->year());
  w.field("kind", p->kind() == period_kind::quarter ? "quarter" : "half");
  w.field("index", p->index());
  w.close_object();
}

void date_value(writer& w, const date& d) {
  if (d.is_special()) return w.null();
  w.string(format_date(d));
}

void rate_value(writer& w, const rate& r, language lang) {
  w.open_object();
  // A whole count (33 of 49) as a number; weighted scores and mean progress
  // have fractional numerators, written as a fraction.
  w.key("numerator");
  if (r.numerator().denominator() == 1) w.integer(r.numerator().numerator());
  else fraction_value(w, r.numerator());
  w.field("denominator", r.denominator());
  w.field("unmeasured", r.unmeasured());
  const auto percent = r.percent();
  w.key("percent");
  if (percent) w.number(percent->to_double());
  else w.null();
  w.key("percent_exact");
  if (percent) fraction_value(w, *percent);
  else w.null();
  w.field("text", rate_text(r, lang));
  w.close_object();
}

std::vector<std::string> status_names(const std::vector<status>& statuses) {
  std::vector<std::string> out;
  for (const status s : statuses) out.push_back(quoted(to_string(s)));
  return out;
}

std::vector<std::string> status_names(status_set set) {
  std::vector<std::string> out;
  for (const status s : all_statuses)
    if (set.contains(s)) out.push_back(quoted(to_string(s)));
  return out;
}

void change_value(writer& w, const report_headline& h) {
  if (!h.change_points) return w.null();
  w.open_object();
  w.key("points");
  w.number(h.change_points->to_double());
  w.key("points_exact");
  fraction_value(w, *h.change_points);
  w.field("unit", "%p");
  w.field("text", h.change_text);
  w.close_object();
}

void criteria_value(writer& w, const criteria& c, language lang) {
  w.open_object();
  w.field("name", c.name);
  w.field("name_ko", c.name_ko);
  w.field("rate_name", rate_name(c, lang));
  w.field("measure", std::string(to_string(c.measure)));
  w.key("complete");
  w.scalars(status_names(c.complete));
  w.key("excluded");
  w.scalars(status_names(c.excluded));
  w.field("in_term_only", c.in_term_only);
  w.field("basis", std::string(to_string(c.basis)));
  w.field("rounding", std::string(to_string(c.rule)));
  w.field("decimals", c.decimals);
  w.field("rounding_text", rounding_text(c.rule, c.decimals, lang));
  w.field("text", criteria_text(c, lang));
  w.close_object();
}

void transition_value(writer& w, const transition& t, language lang) {
  w.open_object();
  w.field("id", t.id.to_string());
  w.field("title", t.title);
  w.key("from");
  if (t.from) w.string(to_string(*t.from));
  else w.null();
  w.key("to");
  if (t.to) w.string(to_string(*t.to));
  else w.null();
  w.key("from_label");
  if (t.from) w.string(status_text(*t.from, lang));
  else w.null();
  w.key("to_label");
  if (t.to) w.string(status_text(*t.to, lang));
  else w.null();
  w.field("kind", std::string(to_string(t.k)));
  w.field("regression", t.k == transition_kind::regression);
  w.field("text", transition_text(t, lang));
  w.close_object();
}

void changes_value(writer& w, const quarterly_report& r, language lang) {
  if (!r.changes) return w.null();
  const report_changes& c = *r.changes;
  w.open_object();
  w.field("title", changes_title(r, lang));
  w.key("previous_as_of");
  date_value(w, c.previous_as_of);
  w.key("previous_period");
  period_value(w, c.previous_period, lang);
  w.key("by_new_status");
  w.open_array();
  for (const status_change_group& g : c.by_new_status) {
    w.open_object();
    w.field("status", std::string(to_string(g.status)));
    w.field("label", status_text(g.status, lang));
    w.field("text", change_group_text(g, lang));
    w.key("projects");
    w.open_array();
    for (const transition& t : g.projects) transition_value(w, t, lang);
    w.close_array();
    w.close_object();
  }
  w.close_array();
  for (const auto& [name, list] : {std::pair<std::string_view, const std::vector<transition>*>{"added", &c.added},
                                   {"removed", &c.removed}}) {
    w.key(name);
    w.open_array();
    for (const transition& t : *list) transition_value(w, t, lang);
    w.close_array();
  }
  std::vector<std::string> regressions;
  for (const transition& t : c.regressions()) regressions.push_back(quoted(t.id.to_string()));
  w.key("regressions");
  w.scalars(regressions);
  w.field("moved", c.moved());
  w.field("unchanged", c.unchanged);
  w.close_object();
}

}  // namespace pledgetrack::report::detail
