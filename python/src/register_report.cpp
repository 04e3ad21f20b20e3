// The quarterly report (분기별 공약 추진실적 점검 결과): make_report computes
// every figure (C++ make_quarterly_report), render_report lays it out as
// text, Markdown or JSON (C++ renderers). Both run with the GIL released.
// Python renders HTML and XLSX from the JSON, so no figure is computed twice.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common.hpp"
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

enum class report_format { text, markdown, json };

report_format parse_format(const std::string& text) {
  if (text == "text") return report_format::text;
  if (text == "md" || text == "markdown") return report_format::markdown;
  if (text == "json") return report_format::json;
  throw parse_error("unknown report format (known: text, md, json; html and xlsx are rendered in Python)", text);
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
      [](const report::quarterly_report& r, const std::string& format, const std::string& lang) {
        const report_format f = parse_format(format);
        const report::language l = report::parse_language(lang);
        py::gil_scoped_release unlocked;
        switch (f) {
          case report_format::text: return report::render_text(r, l);
          case report_format::markdown: return report::render_markdown(r, l);
          case report_format::json: return report::render_json(r, l);
        }
        return std::string();
      },
      py::arg("report"), py::arg("format") = "text", py::arg("lang") = "ko",
      "The report as 'text' (a terminal), 'md' (GitHub Markdown) or 'json' (every figure),\n"
      "in 'ko' (default) or 'en'.");

  // Two words the JSON does not carry, for the HTML and XLSX renderers.
  m.def(
      "status_definition",
      [](const py::handle& s, const std::string& lang) {
        return report::status_definition(to_status(s), report::parse_language(lang));
      },
      py::arg("status"), py::arg("lang") = "ko",
      "What a status means under the KMC criteria, as the seed report defines it.");
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

  // The escapers of the C++ renderers, for text the Python command line prints.
  m.def(
      "escape_markdown", [](const std::string& s) { return report::escape_markdown(s); }, py::arg("text"),
      "Text from data as inline Markdown that shows as itself ('<script>' -> '&lt;script&gt;').");
  m.def(
      "sanitize_terminal", [](const std::string& s) { return report::sanitize_terminal(s); }, py::arg("text"),
      "Text from data safe to print on one terminal line: control characters (ESC too),\n"
      "bidirectional overrides and invalid bytes become U+FFFD; line breaks and tabs spaces.");
}

}  // namespace pledgetrack::python
