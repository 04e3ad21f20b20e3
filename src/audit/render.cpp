// The findings of an audit as a terminal table, a Markdown table and JSON,
// one line per stated figure: what it is, stated, computed, verdict, rule,
// arithmetic. The layouts are the quarterly report's (table_layout.hpp,
// json_writer.hpp); text from data is sanitised or escaped for each format.
#include <string>
#include <vector>

#include "../report/json_writer.hpp"
#include "../report/table_layout.hpp"
#include "pledgetrack/audit/audit.hpp"
#include "pledgetrack/audit/wording.hpp"
#include "pledgetrack/report/escape.hpp"
#include "pledgetrack/report/wording.hpp"

namespace pledgetrack::audit {

namespace {

using report::language;
using report::detail::align;
using report::detail::fit;

template <class Escape>
std::vector<std::vector<std::string>> rows_of(const audit_result& r, language lang, Escape&& escape,
                                              bool differences_only = false) {
  std::vector<std::vector<std::string>> rows;
  for (const finding& f : r.findings)
    if (!differences_only || f.is_discrepancy())
      rows.push_back({escape(subject_text(f.stated, r.criteria, lang)), escape(f.stated.value.text),
                    f.computed_text.empty() ? "-" : f.computed_text, verdict_text(f.verdict, lang),
                    f.rules.empty() ? "-" : rules_text(f.rules, lang), escape(f.detail(lang))});
  return rows;
}

const std::vector<align>& aligns() {
  static const std::vector<align> a = {align::left, align::right, align::right, align::left, align::left, align::left};
  return a;
}

/// In a terminal the figure and the arithmetic wrap, so that a line fits 100 columns.
const std::vector<fit>& fits() {
  static const std::vector<fit> f = {fit::wrap, fit::keep, fit::keep, fit::keep, fit::keep, fit::wrap};
  return f;
}

}  // namespace

std::string render_text(const audit_result& r, language lang) {
  std::string out;
  const std::string title = audit_title(lang);
  out += title + "\n";
  out.append(report::display_width(title), '=');
  out += "\n\n" + summary_text(r, lang) + "\n";
  out += report::sanitize_terminal(report::criteria_text(r.criteria, lang)) + "\n\n";
  report::detail::text_table(out, findings_header(lang), aligns(), fits(),
                             rows_of(r, lang, [](const std::string& s) { return report::sanitize_terminal(s); }));
  return out;
}

std::string render_markdown(const audit_result& r, language lang) {
  std::string out = "# " + audit_title(lang) + "\n\n";
  out += "- " + summary_text(r, lang) + "\n";
  out += "- " + report::escape_markdown(report::criteria_text(r.criteria, lang)) + "\n\n";
  report::detail::markdown_table(out, findings_header(lang), aligns(),
                                 rows_of(r, lang, [](const std::string& s) { return report::escape_markdown(s); }));
  return out;
}

std::string render_differences_text(const audit_result& r, language lang) {
  const std::string title = differences_title(lang);
  std::string out = title + "\n";
  out.append(report::display_width(title), '-');
  out += "\n\n";
  if (r.discrepancies() == 0) return out + "- " + no_differences_text(r, lang) + "\n";
  out += summary_text(r, lang) + "\n\n";
  report::detail::text_table(out, findings_header(lang), aligns(), fits(),
                             rows_of(r, lang, [](const std::string& s) { return report::sanitize_terminal(s); }, true));
  return out;
}

std::string render_differences_markdown(const audit_result& r, language lang) {
  std::string out = "## " + differences_title(lang) + "\n\n";
  if (r.discrepancies() == 0) return out + "- " + no_differences_text(r, lang) + "\n";
  out += "- " + summary_text(r, lang) + "\n\n";
  report::detail::markdown_table(out, findings_header(lang), aligns(),
                                 rows_of(r, lang, [](const std::string& s) { return report::escape_markdown(s); }, true));
  return out;
}

std::string render_json(const audit_result& r, language lang) {
  using report::detail::fraction_value;
  using report::detail::quoted;
  report::detail::writer w;
  w.open_object();
  w.field("format", "pledgetrack.audit");
  w.field("format_version", 1);
  w.field("language", report::to_string(lang));
  w.field("title", audit_title(lang));
  w.field("summary", summary_text(r, lang));
  w.field("differences_title", differences_title(lang));
  w.field("no_differences", no_differences_text(r, lang));
  w.key("criteria");
  w.open_object();
  w.field("name", lang == language::ko ? r.criteria.name_ko : r.criteria.name);
  w.field("rounding", to_string(r.criteria.rule));
  w.field("text", report::criteria_text(r.criteria, lang));
  w.close_object();
  w.field("has_rows", r.has_rows);
  w.field("has_previous", r.has_previous);
  w.key("counts");
  w.open_object();
  w.field("figures", static_cast<std::int64_t>(r.findings.size()));
  w.field("agree", static_cast<std::int64_t>(r.findings.size() - r.discrepancies()));
  w.field("explained", static_cast<std::int64_t>(r.discrepancies() - r.unexplained()));
  w.field("unexplained", static_cast<std::int64_t>(r.unexplained()));
  w.close_object();
  std::vector<std::string> header;
  for (const std::string& h : findings_header(lang)) header.push_back(quoted(h));
  w.key("header");
  w.scalars(header);
  w.key("findings");
  w.open_array();
  for (const finding& f : r.findings) {
    const stated_figure& s = f.stated;
    w.open_object();
    w.field("figure", to_string(s.figure));
    w.field("subject", subject_text(s, r.criteria, lang));
    w.field("status", s.status_text);
    std::vector<std::string> statuses;
    for (const status st : s.statuses) statuses.push_back(quoted(to_string(st)));
    w.key("statuses");
    w.scalars(statuses);
    std::vector<std::string> dims;
    for (const dimension d : s.dimensions) dims.push_back(quoted(to_string(d)));
    w.key("dimensions");
    w.scalars(dims);
    std::vector<std::string> groups;
    for (const std::string& g : s.groups) groups.push_back(quoted(g));
    w.key("groups");
    w.scalars(groups);
    w.field("period", s.of_previous ? "previous" : "current");
    w.field("label", s.label);
    w.key("line");
    if (s.where.line != 0) w.integer(static_cast<std::int64_t>(s.where.line));
    else w.null();
    w.field("stated", s.value.text);
    w.field("unit", to_string(s.value.unit));
    w.field("decimals", s.value.decimals);
    w.key("computed");
    if (f.computed) fraction_value(w, *f.computed);
    else w.null();
    w.field("computed_text", f.computed_text);
    w.field("verdict", to_string(f.verdict));
    w.field("verdict_text", verdict_text(f.verdict, lang));
    std::vector<std::string> rules;
    for (const rule x : f.rules) rules.push_back(quoted(to_string(x)));
    w.key("rules");
    w.scalars(rules);
    w.field("rule_text", rules_text(f.rules, lang));
    w.field("detail", f.detail(lang));
    w.close_object();
  }
  w.close_array();
  w.close_object();
  return w.finish();
}

}  // namespace pledgetrack::audit
