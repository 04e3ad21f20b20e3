// The audit of published figures: stated figures (made from fields, or read
// from a stated CSV), counts per status, the audit itself and its renderers.
// Thin: every rule, phrase and figure comes from the C++ core
// (pledgetrack/audit/); Python builds its objects from render_audit's JSON.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common.hpp"
#include "pledgetrack/audit/audit.hpp"

namespace pledgetrack::python {

namespace {

/// Data to audit: a Snapshot (rows), or a dict of counts per status (a
/// Status or any label the reader accepts).
audit::audit_data to_audit_data(const py::handle& value) {
  if (py::isinstance<snapshot>(value)) return audit::audit_data::of(value.cast<snapshot>());
  if (py::isinstance<py::dict>(value)) {
    status_counts counts;
    status_set seen;
    for (const auto& [key, n] : value.cast<py::dict>()) {
      if (py::isinstance<py::str>(key) && key.cast<std::string>().find('+') != std::string::npos)
        throw parse_error("a combined column cannot be split into its statuses: give a count per status",
                          key.cast<std::string>());
      const status s = to_status(key);
      if (seen.contains(s)) throw data_error("a status given twice: " + std::string(label_ko(s)));
      seen.insert(s);
      if (!py::isinstance<py::int_>(n) || py::isinstance<py::bool_>(n))
        throw py::type_error("a count must be an int, not " + std::string(py::str(py::type::of(n).attr("__name__"))));
      counts.add(s, n.cast<std::int64_t>());
    }
    return audit::audit_data::of(counts);
  }
  throw py::type_error("audit data is a Snapshot or a dict of counts per status, not " +
                       std::string(py::str(py::type::of(value).attr("__name__"))));
}

enum class audit_format { text, markdown, json, differences_text, differences_markdown };

audit_format parse_format(const std::string& text) {
  if (text == "text") return audit_format::text;
  if (text == "md" || text == "markdown") return audit_format::markdown;
  if (text == "json") return audit_format::json;
  if (text == "differences-text") return audit_format::differences_text;
  if (text == "differences-md") return audit_format::differences_markdown;
  throw parse_error(
      "unknown audit format (known: text, md, json, differences-text, differences-md; html is rendered in Python)",
      text);
}

}  // namespace

void register_audit(py::module_& m) {
  py::class_<audit::stated_figure> figure(m, "StatedFigure",
                                          "One figure of a published report (docs/audit.md), checked when made.");
  figure.def_property_readonly(
      "figure", [](const audit::stated_figure& f) { return std::string(to_string(f.figure)); },
      "rate, share, count, total or change.");
  figure.def_property_readonly(
      "value", [](const audit::stated_figure& f) { return f.value.text; }, "The figure as printed: '30.7%'.");
  figure.def("__eq__", [](const audit::stated_figure& a, const audit::stated_figure& b) { return a == b; },
             py::is_operator());
  figure.def("__repr__", [](const audit::stated_figure& f) { return python_repr(f, "StatedFigure"); });

  m.def(
      "make_stated_figure",
      [](const std::string& figure_name, const std::string& value, const std::string& status_text,
         const std::string& dimension_text, const std::string& group, const std::string& period,
         const std::string& label, const std::string& file, std::size_t line) {
        return audit::make_stated_figure(figure_name, value, status_text, dimension_text, group, period, label,
                                         source_location{file, line, 0, ""}, kmc_labels());
      },
      py::arg("figure"), py::arg("value"), py::arg("status") = "", py::arg("dimension") = "", py::arg("group") = "",
      py::arg("period") = "", py::arg("label") = "", py::kw_only(), py::arg("file") = "", py::arg("line") = 0,
      "A stated figure from its fields as text; a PledgeError naming file, line, column and text.");
  m.def(
      "read_stated_csv",
      [](const std::string& path) {
        py::gil_scoped_release unlocked;
        return audit::read_stated_csv(path);
      },
      py::arg("path"), "The stated figures of a CSV file (figure,value,status,dimension,group,period,label).");
  m.def(
      "read_counts_csv",
      [](const std::string& path) -> std::optional<py::dict> {
        std::optional<status_counts> counts;
        {
          py::gil_scoped_release unlocked;
          counts = audit::read_counts_csv(path);
        }
        if (!counts) return std::nullopt;
        py::dict out;
        for (const status s : all_statuses)
          if ((*counts)[s] != 0) out[py::cast(s)] = (*counts)[s];
        return out;
      },
      py::arg("path"),
      "Counts per status from a status,count CSV; None when the header is not such a header.");

  py::class_<audit::audit_result> result(m, "AuditResult",
                                         "The findings of one audit (opaque: read it through render_audit).");
  result.def_property_readonly("unexplained", &audit::audit_result::unexplained,
                               "How many figures no rule explains (or cannot be computed).");
  result.def("__len__", [](const audit::audit_result& r) { return r.findings.size(); });
  result.def("__eq__", [](const audit::audit_result& a, const audit::audit_result& b) { return a == b; },
             py::is_operator());
  result.def("__repr__", [](const audit::audit_result& r) { return python_repr(r, "AuditResult"); });

  m.def(
      "audit",
      [](const py::handle& data, const std::vector<audit::stated_figure>& stated, const py::handle& previous,
         const std::optional<criteria>& c) {
        const audit::audit_data now = to_audit_data(data);
        std::optional<audit::audit_data> before;
        if (!previous.is_none()) before = to_audit_data(previous);
        py::gil_scoped_release unlocked;
        return audit::audit_figures(now, stated, before ? &*before : nullptr, c.value_or(criteria::kmc()));
      },
      py::arg("data"), py::arg("stated"), py::arg("previous") = py::none(), py::arg("criteria") = py::none(),
      "Audits the stated figures against ``data`` (a Snapshot, or a dict of counts per status)\n"
      "and ``previous`` (the same, for the period before), under ``criteria`` (default KMC).");
  m.def(
      "render_audit",
      [](const audit::audit_result& r, const std::string& format, const std::string& lang) {
        const audit_format f = parse_format(format);
        const report::language l = report::parse_language(lang);
        py::gil_scoped_release unlocked;
        switch (f) {
          case audit_format::text: return audit::render_text(r, l);
          case audit_format::markdown: return audit::render_markdown(r, l);
          case audit_format::json: return audit::render_json(r, l);
          case audit_format::differences_text: return audit::render_differences_text(r, l);
          case audit_format::differences_markdown: return audit::render_differences_markdown(r, l);
        }
        return std::string();
      },
      py::arg("result"), py::arg("format") = "text", py::arg("lang") = "ko",
      "The findings as 'text' (a terminal), 'md' (GitHub Markdown) or 'json', in 'ko' or 'en';\n"
      "'differences-text' and 'differences-md' give a report's section of the figures that differ.");
}

}  // namespace pledgetrack::python
