// What `pledgetrack compare` prints, from the report of NEW against OLD: the
// district and date, the headline (the rate before and after, the change in
// %p), and the changes grouped as the report's changes section groups them
// (change_groups), in the same words. Text from data is escaped for the
// format as in the report (escape.hpp).
#include <string>
#include <string_view>
#include <vector>

#include "pledgetrack/error.hpp"
#include "pledgetrack/report/display_width.hpp"
#include "pledgetrack/report/escape.hpp"
#include "pledgetrack/report/render.hpp"
#include "pledgetrack/report/wording.hpp"
#include "json_values.hpp"
#include "json_writer.hpp"

namespace pledgetrack::report {

namespace {

const report_changes& changes_of(const quarterly_report& r) {
  if (!r.changes) throw error("a comparison needs a report made with a previous snapshot");
  return *r.changes;
}

/// The comparison as lines; `markdown` chooses the headings and the escaper.
template <class Clean>
std::string comparison_lines(const quarterly_report& r, language lang, bool markdown, Clean&& clean) {
  const report_changes& c = changes_of(r);
  std::vector<std::string> lines;
  lines.push_back((markdown ? "# " : "") + clean(report_subtitle(r, lang)));
  lines.emplace_back();
  lines.push_back((markdown ? "- " : "") + clean(headline_text(r, lang)));
  lines.emplace_back();
  const std::string title = changes_title(r, lang);
  lines.push_back(markdown ? "## " + title : title);
  if (!markdown) lines.emplace_back(display_width(title), '-');
  lines.emplace_back();
  const std::vector<labelled_moves> groups = change_groups(c, lang);
  if (groups.empty()) lines.push_back("- " + std::string(phrase_text(phrase::no_changes, lang)));
  for (const labelled_moves& g : groups) {
    lines.push_back("- " + g.text);
    for (const transition& t : *g.projects)
      lines.push_back("  - ☞ (" + clean(t.id.to_string()) + ") " + clean(t.title) + " (" + transition_text(t, lang) +
                      ")");
  }
  if (!groups.empty() && c.unchanged > 0) lines.push_back("- " + unchanged_text(c.unchanged, lang));
  std::string out;
  for (const std::string& line : lines) out += line + "\n";
  return out;
}

}  // namespace

std::string render_comparison_text(const quarterly_report& r, language lang) {
  return comparison_lines(r, lang, false, [](std::string_view s) { return sanitize_terminal(s); });
}

std::string render_comparison_markdown(const quarterly_report& r, language lang) {
  return comparison_lines(r, lang, true, [](std::string_view s) { return escape_markdown(s); });
}

std::string render_comparison_json(const quarterly_report& r, language lang) {
  (void)changes_of(r);
  const report_headline& h = r.results.headline;
  detail::writer w(/*scalars_on_one_line=*/false);
  w.open_object();
  w.field("format", "pledgetrack.comparison");
  w.field("format_version", 1);
  w.field("language", std::string(to_string(lang)));
  w.field("district", r.overview.district);
  w.key("criteria");
  detail::criteria_value(w, r.criteria, lang);
  w.key("before");
  w.open_object();
  w.key("as_of");
  if (h.previous_as_of) detail::date_value(w, *h.previous_as_of);
  else w.null();
  w.key("period");
  detail::period_value(w, h.previous_period, lang);
  w.key("rate");
  if (h.previous) detail::rate_value(w, *h.previous, lang);
  else w.null();
  w.close_object();
  w.key("after");
  w.open_object();
  w.key("as_of");
  detail::date_value(w, r.overview.as_of);
  w.key("period");
  detail::period_value(w, r.overview.period, lang);
  w.key("rate");
  detail::rate_value(w, h.current, lang);
  w.close_object();
  w.key("change");
  detail::change_value(w, h);
  w.field("text", headline_text(r, lang));
  w.key("changes");
  detail::changes_value(w, r, lang);
  w.close_object();
  return w.finish();
}

}  // namespace pledgetrack::report
