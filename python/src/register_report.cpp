// The quarterly report (분기별 공약 추진실적 점검 결과): make_report computes
// every figure (C++ make_quarterly_report), render_report lays it out as
// text, Markdown or JSON (C++ renderers). Both run with the GIL released.
// Python renders HTML and XLSX from the JSON, so no figure is computed twice.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common.hpp"
#include "pledgetrack/io/formula_guard.hpp"
#include "pledgetrack/report/display_width.hpp"
#include "pledgetrack/report/escape.hpp"
#include "pledgetrack/report/quarterly_report.hpp"
#include "pledgetrack/report/render.hpp"
#include "pledgetrack/report/wording.hpp"

namespace pledgetrack::python {

namespace {

period_kind parse_periods(const std::string& text) {
  if (const period_kind* kind = find_name(period_kind_names_ko, text)) return *kind;
  return parse_name(period_kind_names, text, "reporting period");
}

using renderer = std::string (*)(const report::quarterly_report&, report::language);

/// The renderer of the report in `format`; "layout" is the JSON the Python HTML
/// and XLSX renderers lay out (render_layout_json).
renderer report_renderer(const std::string& format) {
  if (format == "text") return &report::render_text;
  if (format == "md" || format == "markdown") return &report::render_markdown;
  if (format == "json") return &report::render_json;
  if (format == "layout") return &report::render_layout_json;
  throw parse_error("unknown report format (known: text, md, json; html and xlsx are rendered in Python)", format);
}

/// The renderer of `pledgetrack compare`'s output in `format`.
renderer comparison_renderer(const std::string& format) {
  if (format == "text") return &report::render_comparison_text;
  if (format == "md" || format == "markdown") return &report::render_comparison_markdown;
  if (format == "json") return &report::render_comparison_json;
  throw parse_error("unknown comparison format (known: text, md, json)", format);
}

/// A binding (report, format, lang) -> text that renders with the renderer
/// `choose` picks for the format, the GIL released.
auto rendering_with(renderer (*choose)(const std::string&)) {
  return [choose](const report::quarterly_report& r, const std::string& format, const std::string& lang) {
    const renderer render = choose(format);
    const report::language l = report::parse_language(lang);
    py::gil_scoped_release unlocked;
    return render(r, l);
  };
}

}  // namespace

void register_report(py::module_& m) {
  py::class_<report::quarterly_report> cls(
      m, "QuarterlyReport",
      "Every figure of one quarterly check (분기별 공약 추진실적 점검), made by make_report.\n"
      "Opaque: read it through render_report (text, md or json).");
  cls.def("__eq__", [](const report::quarterly_report& a, const report::quarterly_report& b) { return a == b; },
          py::is_operator());
  cls.def("__repr__", [](const report::quarterly_report& r) { return python_repr(r, "QuarterlyReport"); });

  m.def(
      "make_report",
      [](const snapshot& current, const std::optional<snapshot>& previous, const std::optional<organization>& org,
         const std::string& shares, const std::optional<criteria>& c, const std::string& periods,
         bool allow_different_districts, bool allow_reversed) {
        report::report_options options;
        if (c) options.criteria = *c;
        options.shares = report::parse_share_rounding(shares);
        options.periods = parse_periods(periods);
        options.comparison.allow_different_districts = allow_different_districts;
        options.comparison.allow_reversed = allow_reversed;
        py::gil_scoped_release unlocked;
        return report::make_quarterly_report(current, previous ? &*previous : nullptr, org ? &*org : nullptr,
                                             options);
      },
      py::arg("current"), py::arg("previous") = py::none(), py::arg("org") = py::none(), py::kw_only(),
      py::arg("shares") = "honest", py::arg("criteria") = py::none(), py::arg("periods") = "quarter",
      py::arg("allow_different_districts") = false, py::arg("allow_reversed") = false,
      "The report of ``current`` against ``previous`` (None: no change line, no changes\n"
      "section); ``org`` fills empty bureaus and orders the field × bureau columns;\n"
      "without an org, ``current.bureau_order`` orders them (bureaus with no project left out).\n"
      "``shares``: 'honest' or 'largest_remainder'. Snapshots of two districts, or a\n"
      "previous one dated later, are a PledgeError unless allowed.");

  m.def(
      "render_report",
      rendering_with(&report_renderer),
      py::arg("report"), py::arg("format") = "text", py::arg("lang") = "ko",
      "The report as 'text' (a terminal), 'md' (GitHub Markdown) or 'json' (every figure),\n"
      "in 'ko' (default) or 'en'; 'layout' is the JSON with the words the HTML and XLSX\n"
      "renderers place (its last member, \"layout\").");

  m.def(
      "render_comparison",
      rendering_with(&comparison_renderer),
      py::arg("report"), py::arg("format") = "text", py::arg("lang") = "ko",
      "What `pledgetrack compare` prints, from a report made with a previous snapshot: the\n"
      "rate before and after, the change and the projects that moved, as 'text', 'md' or 'json'.");

  m.def(
      "report_words",
      [](const std::string& lang) {
        const report::language l = report::parse_language(lang);
        py::dict out;
        for (const report::phrase p : report::all_phrases())
          out[py::str(std::string(report::to_string(p)))] = std::string(report::phrase_text(p, l));
        return out;
      },
      py::arg("lang") = "ko",
      "The report's fixed words by name, in 'ko' or 'en': {'as_of': '기준일자', 'status': '추진상황', …}\n"
      "(C++ report::phrase; the layout JSON carries the same as \"words\").");

  m.def(
      "rounding_text",
      [](const std::string& rule, int decimals, const std::string& lang) {
        return report::rounding_text(parse_rounding(rule), decimals, report::parse_language(lang));
      },
      py::arg("rule"), py::arg("decimals"), py::arg("lang") = "ko",
      "How a figure is rounded: '소수점 이하 1자리까지 반올림' / 'rounded half up to 1 decimal'.");

  // A word the JSON does not carry, for the HTML and XLSX renderers.
  m.def(
      "missing_reason_text",
      [](const py::handle& s, const std::string& lang) {
        report::adjustment_candidate a;
        a.status = to_status(s);
        return report::missing_reason_text(a, report::parse_language(lang));
      },
      py::arg("status"), py::arg("lang") = "ko",
      "What an adjustment candidate without a reason shows: '사유 미기재(추진상황: 일부추진)'.");
  m.def(
      "group_text", [](const std::string& key, const std::string& lang) {
        return report::group_text(key, report::parse_language(lang));
      },
      py::arg("key"), py::arg("lang") = "ko", "A group key from data, or '(미지정)' / '(none)' for an empty one.");
  m.def("circled_number", &report::circled_number, py::arg("n"), "①, ②, … ⑳, then (21), (22), ….");

  // The escapers and the width of the C++ renderers, for what Python lays out.
  m.def(
      "escape_html", [](const std::string& s) { return report::escape_html(s); }, py::arg("text"),
      "Text from data as HTML that shows as itself: & < > \" ' as entities, control characters\n"
      "and bidirectional overrides as U+FFFD.");
  m.def(
      "display_width", [](const std::string& s) { return report::display_width(s); }, py::arg("text"),
      "Columns the text takes in a terminal: Hangul and other wide characters two, combining\n"
      "marks none (display_width('마을·자치') == 9).");
  m.def(
      "guard_formula", [](const std::string& s) { return io::guard_formula(s); }, py::arg("text"),
      "Text for a spreadsheet cell with an apostrophe before it when it could start a formula\n"
      "(= + - @, also after leading apostrophes), as the CSV writer writes it: '=1' -> \"'=1\".");
  m.def(
      "escape_markdown", [](const std::string& s) { return report::escape_markdown(s); }, py::arg("text"),
      "Text from data as inline Markdown that shows as itself ('<script>' -> '&lt;script&gt;').");
  m.def(
      "sanitize_terminal", [](const std::string& s) { return report::sanitize_terminal(s); }, py::arg("text"),
      "Text from data safe to print on one terminal line: control characters (ESC too),\n"
      "bidirectional overrides and invalid bytes become U+FFFD; line breaks and tabs spaces.");
}

}  // namespace pledgetrack::python
