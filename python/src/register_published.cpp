// Reading a published report (pledgetrack/published/): the report's text into
// a snapshot, its stated figures, the corrections made and the problems
// found, and the audit from the report alone. Thin: the reading, every
// correction and its evidence come from the C++ core; the lists are handed
// to Python as dicts.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common.hpp"
#include "pledgetrack/published/audit_published.hpp"
#include "pledgetrack/published/published_report.hpp"

namespace pledgetrack::python {

namespace {

published::read_options make_options(const std::optional<organization>& org, const std::string& district, int term,
                                     const std::optional<date>& as_of) {
  published::read_options o;
  o.org = org;
  o.district = district;
  o.term = term;
  o.as_of = as_of;
  return o;
}

py::dict to_dict(const published::correction& c) {
  py::dict d;
  d["kind"] = std::string(to_string(c.kind));
  d["printed"] = c.printed;
  d["read"] = c.read;
  d["evidence"] = c.evidence;
  d["ids"] = c.ids;
  d["lines"] = c.lines;
  d["page"] = c.page == 0 ? py::object(py::none()) : py::object(py::int_(c.page));
  return d;
}

py::dict to_dict(const published::problem& p) {
  py::dict d;
  d["page"] = p.page == 0 ? py::object(py::none()) : py::object(py::int_(p.page));
  d["line"] = p.line == 0 ? py::object(py::none()) : py::object(py::int_(p.line));
  d["text"] = p.text;
  d["message"] = p.message;
  return d;
}

py::dict to_dict(const published::listed_change& c) {
  py::dict d;
  d["id"] = c.id;
  d["status_text"] = c.status_text;
  d["status"] = c.status ? py::cast(*c.status) : py::object(py::none());
  d["title"] = c.title;
  d["line"] = c.line;
  return d;
}

py::dict to_dict(const published::adjustment_candidate& a) {
  py::dict d;
  d["id"] = a.id;
  d["title"] = a.title;
  d["reasons"] = a.reasons;
  d["line"] = a.line;
  return d;
}

/// A stated figure in the keys of a stated file (docs/audit.md).
py::dict to_dict(const audit::stated_figure& f) {
  py::dict d;
  d["figure"] = std::string(to_string(f.figure));
  d["value"] = f.value.text;
  d["status"] = f.status_text;
  std::string dimension, group;
  for (std::size_t i = 0; i < f.dimensions.size(); ++i) {
    dimension += (i ? "×" : "") + std::string(to_string(f.dimensions[i]));
    group += (i ? "×" : "") + f.groups[i];
  }
  d["dimension"] = dimension;
  d["group"] = group;
  d["period"] = f.of_previous ? "previous" : "";
  d["label"] = f.label;
  return d;
}

template <class T>
py::list to_list(const std::vector<T>& items) {
  py::list out;
  for (const T& item : items) out.append(to_dict(item));
  return out;
}

}  // namespace

void register_published(py::module_& m) {
  py::class_<published::published_report> report(
      m, "PublishedReport", "What a published report says (private: use pledgetrack.read_report).");
  report.def_property_readonly(
      "snapshot", [](const published::published_report& r) { return r.snapshot; }, "The project table.");
  report.def_property_readonly(
      "stated", [](const published::published_report& r) { return r.stated; },
      "Every figure printed, as StatedFigure.");
  report.def_property_readonly(
      "stated_rows", [](const published::published_report& r) { return to_list(r.stated); },
      "The same as dicts with the keys of a stated file: figure, value, status, dimension, group, period, label.");
  report.def_property_readonly(
      "corrections", [](const published::published_report& r) { return to_list(r.corrections); },
      "Each interpretation made, as dicts: kind, printed, read, evidence, ids, lines, page.");
  report.def_property_readonly(
      "problems", [](const published::published_report& r) { return to_list(r.problems); },
      "What could not be read, as dicts: page, line, text, message.");
  report.def_property_readonly(
      "changes", [](const published::published_report& r) { return to_list(r.changes); },
      "The projects listed as changed since the previous period.");
  report.def_property_readonly(
      "adjustments", [](const published::published_report& r) { return to_list(r.adjustments); },
      "The adjustment candidates listed, with their reasons.");
  report.def_property_readonly(
      "first_table",
      [](const published::published_report& r) -> py::object {
        const published::first_table& t = r.first_table;
        if (t.empty()) return py::none();
        py::dict d;
        d["fields"] = t.fields;
        d["bureaus"] = t.bureaus;
        d["bureaus_printed"] = t.bureaus_printed;
        d["field_totals"] = t.field_totals;
        d["bureau_totals"] = t.bureau_totals;
        d["total"] = t.total;
        d["cells"] = t.cells;
        d["line"] = t.line;
        return d;
      },
      "The first table (분야 × 실·국) as printed, or None.");
  report.def_property_readonly(
      "file", [](const published::published_report& r) { return r.file; }, "The file, as given.");
  report.def("__eq__", [](const published::published_report& a, const published::published_report& b) { return a == b; },
             py::is_operator());
  report.def("__repr__", [](const published::published_report& r) { return python_repr(r, "PublishedReport"); });

  m.def(
      "read_published",
      [](const std::string& text, const std::string& file, const std::optional<organization>& org,
         const std::string& district, int term, const std::optional<date>& as_of) {
        const published::read_options o = make_options(org, district, term, as_of);
        py::gil_scoped_release unlocked;
        return published::read_published(text, file, o);
      },
      py::arg("text"), py::arg("file") = "", py::kw_only(), py::arg("org") = py::none(), py::arg("district") = "",
      py::arg("term") = 0, py::arg("as_of") = py::none(),
      "Reads a report from its text (docs/reports.md); `file` names it in messages.");
  m.def(
      "read_published_file",
      [](const std::string& path, const std::optional<organization>& org, const std::string& district, int term,
         const std::optional<date>& as_of) {
        const published::read_options o = make_options(org, district, term, as_of);
        py::gil_scoped_release unlocked;
        return published::read_published_file(path, o);
      },
      py::arg("path"), py::kw_only(), py::arg("org") = py::none(), py::arg("district") = "", py::arg("term") = 0,
      py::arg("as_of") = py::none(), "Reads a report from a text file (UTF-8, CP949 or UTF-16).");

  py::class_<published::published_audit> audited(
      m, "PublishedAudit", "The audit of a report from its own table (private: use PublishedReport.audit).");
  audited.def_property_readonly(
      "result", [](const published::published_audit& a) { return a.result; }, "The AuditResult.");
  audited.def_property_readonly(
      "unchecked", [](const published::published_audit& a) { return a.unchecked; },
      "The figures not checked (the previous period's, without its data).");
  audited.def_property_readonly(
      "implied_previous",
      [](const published::published_audit& a) -> py::object {
        if (!a.implied_previous) return py::none();
        py::dict out;
        for (const status s : all_statuses)
          if ((*a.implied_previous)[s] != 0) out[py::cast(s)] = (*a.implied_previous)[s];
        return out;
      },
      "The previous counts implied by the printed previous rate, when the changes were checked against them.");
  audited.def(
      "notes",
      [](const published::published_audit& a, const std::string& lang) {
        return published::render_audit_notes(a, report::parse_language(lang));
      },
      py::arg("lang") = "ko", "The figures not checked and why, and the assumption made (text).");
  audited.def("__repr__", [](const published::published_audit& a) { return python_repr(a, "PublishedAudit"); });

  m.def(
      "audit_published",
      [](const published::published_report& r, const std::optional<snapshot>& previous,
         const std::optional<criteria>& c) {
        std::optional<audit::audit_data> before;
        if (previous) before = audit::audit_data::of(*previous);
        py::gil_scoped_release unlocked;
        return published::audit_published(r, before ? &*before : nullptr, c.value_or(criteria::kmc()));
      },
      py::arg("report"), py::arg("previous") = py::none(), py::arg("criteria") = py::none(),
      "Audits what the report states against its own table (and `previous`, a Snapshot, when given).");
}

}  // namespace pledgetrack::python
