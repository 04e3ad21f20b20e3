// The model: Status (a Python enum.Enum), Project, Snapshot, Organization.
// Projects and snapshots are immutable from Python; a snapshot is built whole
// from its projects.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common.hpp"

namespace pledgetrack::python {

namespace {

due parse_due(const std::optional<std::string>& text) {
  if (!text || text->empty()) return due::unknown;
  if (const due* d = find_name(due_names, *text)) return *d;
  throw parse_error("unknown due value (known: in_term, after_term, or None)", *text);
}

pledgetrack::scope parse_scope(const std::string& text) {
  return parse_name(scope_names, text, "scope");
}

std::vector<std::pair<std::string, std::string>> to_extra(const py::handle& extra) {
  std::vector<std::pair<std::string, std::string>> out;
  if (extra.is_none()) return out;
  const py::object items = py::isinstance<py::dict>(extra) ? extra.attr("items")() : py::reinterpret_borrow<py::object>(extra);
  for (const py::handle item : py::iter(items)) {
    const auto pair = item.cast<std::pair<std::string, std::string>>();
    out.push_back(pair);
  }
  return out;
}

py::dict from_extra(const std::vector<std::pair<std::string, std::string>>& extra) {
  py::dict out;
  for (const auto& [name, value] : extra) out[py::str(name)] = py::str(value);
  return out;
}

py::object progress_state(const std::optional<fraction>& f) {
  if (!f) return py::none();
  return py::make_tuple(f->numerator(), f->denominator());
}

py::tuple project_state(const project& p) {
  return py::make_tuple(p.id.to_string(), p.field, p.pledge, p.title, p.department, p.bureau, p.status,
                        p.raw_status, progress_state(p.progress), std::string(to_string(p.due)), p.note,
                        p.adjustment, std::string(to_string(p.scope)), p.extra);
}

project project_from_state(const py::tuple& t) {
  if (t.size() != 14) throw error("cannot unpickle Project: a state of " + std::to_string(t.size()) + " parts");
  project p;
  p.id = project_id::read(t[0].cast<std::string>());
  p.field = t[1].cast<std::string>();
  p.pledge = t[2].cast<std::string>();
  p.title = t[3].cast<std::string>();
  p.department = t[4].cast<std::string>();
  p.bureau = t[5].cast<std::string>();
  p.status = t[6].cast<status>();
  p.raw_status = t[7].cast<std::string>();
  if (!t[8].is_none()) {
    const auto [n, d] = t[8].cast<std::pair<std::int64_t, std::int64_t>>();
    p.progress = fraction(n, d);
  }
  p.due = parse_due(t[9].cast<std::string>());
  p.note = t[10].cast<std::string>();
  p.adjustment = t[11].cast<std::string>();
  p.scope = parse_scope(t[12].cast<std::string>());
  p.extra = t[13].cast<std::vector<std::pair<std::string, std::string>>>();
  return p;
}

void register_status(py::module_& m) {
  py::native_enum<status>(m, "Status", "enum.Enum",
                          "A unit project's status under the KMC criteria (한국매니페스토실천본부 평가기준).\n\n"
                          "Members in the KMC order: COMPLETED (완료), ONGOING (이행후계속추진), ON_TRACK\n"
                          "(정상추진), LAGGING (일부추진), ON_HOLD (보류), DROPPED (폐기), NOT_DUE (기타,\n"
                          "시기미도래). ``Status.parse`` reads any label real tables use.")
      .value("COMPLETED", status::completed, "완료: done and closed")
      .value("ONGOING", status::ongoing, "이행후계속추진: done, then continued or repeated periodically")
      .value("ON_TRACK", status::on_track, "정상추진: proceeding, expected to finish within the term")
      .value("LAGGING", status::lagging, "일부추진: proceeding but behind its targets")
      .value("ON_HOLD", status::on_hold, "보류: on hold")
      .value("DROPPED", status::dropped, "폐기: abandoned while still on the list")
      .value("NOT_DUE", status::not_due, "기타 (시기미도래): not yet due")
      .finalize();

  // An enum.Enum class takes new non-member attributes after creation.
  const py::object cls = m.attr("Status");
  const py::object property = py::module_::import("builtins").attr("property");
  cls.attr("label_ko") = property(
      py::cpp_function([](status s) { return std::string(label_ko(s)); }, py::name("label_ko")), py::none(),
      py::none(), "The KMC label: 완료, 이행후계속추진, 정상추진, 일부추진, 보류, 폐기, 기타.");
  cls.attr("label_en") = property(
      py::cpp_function([](status s) { return std::string(label_en(s)); }, py::name("label_en")), py::none(),
      py::none(), "An English label for reports: Completed, Done, continuing, On track, ….");
  cls.attr("parse") = py::staticmethod(py::cpp_function(
      [](const std::string& label) { return kmc_labels().parse(label); }, py::name("parse"), py::arg("label"),
      "Status.parse(label) -> Status\n\n"
      "Reads a status label as real tables write it: the KMC labels, with justification\n"
      "spaces (``'정 상 추 진'``) or in decomposed Hangul, the canonical names\n"
      "(``'on_track'``) and the usual aliases (추진중, 시기미도래, …). An unknown label is\n"
      "a PledgeError naming it."));
}

void register_project(py::module_& m) {
  py::class_<project> cls(m, "Project",
                          "One unit project (단위사업) in one snapshot: the counting unit of every pledge\n"
                          "report. Immutable; ``id`` is the canonical management number (관리번호) as text.");
  cls.def(py::init([](const std::string& id, std::string title, const py::object& status_value, std::string field,
                      std::string pledge, std::string department, std::string bureau,
                      std::optional<std::string> raw_status, std::optional<fraction> progress,
                      std::optional<std::string> due_text, std::string note, std::string adjustment,
                      const std::string& scope_text, const py::object& extra) {
            project p;
            p.id = project_id::read(id);
            p.title = std::move(title);
            p.status = to_status(status_value);
            if (raw_status) p.raw_status = std::move(*raw_status);
            else if (py::isinstance<py::str>(status_value)) p.raw_status = status_value.cast<std::string>();
            p.field = std::move(field);
            p.pledge = std::move(pledge);
            p.department = std::move(department);
            p.bureau = std::move(bureau);
            p.progress = progress;
            p.due = parse_due(due_text);
            p.note = std::move(note);
            p.adjustment = std::move(adjustment);
            p.scope = parse_scope(scope_text);
            p.extra = to_extra(extra);
            return p;
          }),
          py::arg("id"), py::arg("title"), py::arg("status"), py::kw_only(), py::arg("field") = "",
          py::arg("pledge") = "", py::arg("department") = "", py::arg("bureau") = "",
          py::arg("raw_status") = py::none(), py::arg("progress") = py::none(), py::arg("due") = py::none(),
          py::arg("note") = "", py::arg("adjustment") = "", py::arg("scope") = "in", py::arg("extra") = py::none(),
          "Project(id, title, status, *, field='', pledge='', department='', bureau='', raw_status=None,\n"
          "        progress=None, due=None, note='', adjustment='', scope='in', extra=None)\n\n"
          "``status`` is a Status or a label (then ``raw_status`` defaults to it); ``progress`` a\n"
          "percent (int, float, Fraction); ``due`` 'in_term', 'after_term' or None; ``scope``\n"
          "'in' or 'removed' (공약조정); ``extra`` the columns the library does not know.");
  cls.def_property_readonly("id", [](const project& p) { return p.id.to_string(); },
                            "관리번호, canonical: '2-3-④' reads as '2-3-4'.");
  cls.def_property_readonly("pledge_id", [](const project& p) { return p.id.pledge().to_string(); },
                            "The pledge's number: '2-3' for '2-3-4'; a one- or two-part id is its own pledge.");
  cls.def_readonly("field", &project::field, "분야.");
  cls.def_readonly("pledge", &project::pledge, "공약명, the pledge's name (may be empty).");
  cls.def_readonly("title", &project::title, "단위사업명, the unit project's title.");
  cls.def_readonly("department", &project::department, "주관부서, the lead department.");
  cls.def_readonly("bureau", &project::bureau, "실·국, the department's bureau.");
  cls.def_readonly("status", &project::status, "The canonical Status.");
  cls.def_readonly("raw_status", &project::raw_status, "The status label as the source wrote it.");
  cls.def_property_readonly(
      "progress",
      [](const project& p) -> std::optional<double> {
        if (!p.progress) return std::nullopt;
        return p.progress->to_double();
      },
      "추진율 in percent (0-100) as a float, or None when the source gives none.");
  cls.def_property_readonly(
      "due",
      [](const project& p) -> std::optional<std::string> {
        if (p.due == due::unknown) return std::nullopt;
        return std::string(to_string(p.due));
      },
      "완료시기: 'in_term' (임기내), 'after_term' (임기후) or None (unknown).");
  cls.def_readonly("note", &project::note, "비고.");
  cls.def_readonly("adjustment", &project::adjustment,
                   "공약조정 reason; non-empty marks an adjustment candidate.");
  cls.def_property_readonly("scope", [](const project& p) { return std::string(to_string(p.scope)); },
                            "'in', or 'removed' when taken out by the adjustment procedure (공약조정).");
  cls.def_property_readonly("extra", [](const project& p) { return from_extra(p.extra); },
                            "Columns the library does not know, in file order (a new dict).");
  cls.def_property_readonly("in_scope", &project::in_scope, "True unless removed through 공약조정.");
  cls.def_property_readonly("is_adjustment_candidate", &project::is_adjustment_candidate,
                            "True when an adjustment reason (공약조정 사유) is given.");
  cls.def("__eq__", [](const project& a, const project& b) { return a == b; }, py::is_operator());
  cls.def("__repr__", [](const project& p) { return python_repr(p, "Project"); });
  def_pickle(cls, project_state, project_from_state);
}

py::tuple snapshot_state(const snapshot& s) {
  py::list projects;
  for (const project& p : s) projects.append(project_state(p));
  return py::make_tuple(s.district(), s.term(), s.as_of(), projects, s.bureau_order());
}

snapshot snapshot_from_state(const py::tuple& t) {
  if (t.size() != 5) throw error("cannot unpickle Snapshot: a state of " + std::to_string(t.size()) + " parts");
  snapshot s(t[0].cast<std::string>(), t[1].cast<int>(),
             t[2].is_none() ? date() : t[2].cast<date>());
  for (const py::handle item : t[3].cast<py::list>()) s.add(project_from_state(item.cast<py::tuple>()));
  s.set_bureau_order(t[4].cast<std::vector<std::string>>());
  return s;
}

void register_snapshot(py::module_& m) {
  py::class_<snapshot> cls(m, "Snapshot",
                           "Every unit project of one district (자치단체) in one term (민선 n기) as of one\n"
                           "date (기준일자). Immutable; projects keep their order; ids are unique.");
  cls.def(py::init([](std::string district, int term, std::optional<date> as_of, const py::iterable& projects,
                      std::optional<std::vector<std::string>> bureau_order) {
            snapshot s(std::move(district), term, as_of.value_or(date()));
            for (const py::handle p : projects) s.add(p.cast<project>());
            if (bureau_order) s.set_bureau_order(std::move(*bureau_order));
            return s;
          }),
          py::arg("district"), py::arg("term"), py::arg("as_of"), py::arg("projects") = py::tuple(), py::kw_only(),
          py::arg("bureau_order") = py::none(),
          "A duplicate id, or a progress outside 0-100, is a PledgeError naming it. ``bureau_order``: the\n"
          "bureaus in the org's order (see the property).");
  cls.def_property_readonly("district", &snapshot::district, "자치단체.");
  cls.def_property_readonly("term", &snapshot::term, "n of 민선 n기 (0 when not known).");
  cls.def_property_readonly("as_of", &snapshot::as_of, "기준일자, a datetime.date (None when not known).");
  cls.def_property_readonly(
      "bureau_order",
      [](const snapshot& s) -> py::object {
        if (s.bureau_order().empty()) return py::none();
        return py::tuple(py::cast(s.bureau_order()));
      },
      "The bureaus (실·국) in the order of the org the snapshot was read with (the column\n"
      "order of the field × bureau table), or None when read without an org. Not part of\n"
      "equality; kept by copies and pickles.");
  cls.def_property_readonly(
      "period",
      [](const snapshot& s) -> std::optional<std::string> {
        if (s.as_of().is_special()) return std::nullopt;
        return period::quarter_of(s.as_of()).label();
      },
      "The quarter of ``as_of``: '2024Q1' (None when as_of is not known).");
  cls.def("__len__", &snapshot::size);
  cls.def("__iter__", [](const snapshot& s) { return py::make_iterator(s.begin(), s.end()); },
          py::keep_alive<0, 1>());
  cls.def_property_readonly("projects", &snapshot::projects, "The projects, in order (a new list of copies).");
  cls.def(
      "find", [](const snapshot& s, const std::string& id) { return s.find(project_id::read(id)); },
      py::arg("id"), py::return_value_policy::reference_internal,
      "The project with this id ('2-3-④' works), or None.");
  cls.def(
      "at", [](const snapshot& s, const std::string& id) -> const project& { return s.at(id); }, py::arg("id"),
      py::return_value_policy::reference_internal,
      "The project with this id ('2-3-④' works); a PledgeError naming the id when there is none.");
  cls.def("__contains__", [](const snapshot& s, const std::string& id) {
    try {
      return s.find(project_id::read(id)) != nullptr;
    } catch (const parse_error&) {
      return false;
    }
  });
  cls.def("__eq__", [](const snapshot& a, const snapshot& b) { return a == b; }, py::is_operator());
  cls.def("__repr__", [](const snapshot& s) { return python_repr(s, "Snapshot"); });
  def_pickle(cls, snapshot_state, snapshot_from_state);
}

void register_organization(py::module_& m) {
  py::class_<organization> cls(m, "Organization",
                               "Department (주관부서) -> bureau (실·국), in the order of the org file, which is\n"
                               "the column order of the report's field × bureau table.");
  cls.def(py::init([](const py::iterable& entries) {
            organization org;
            for (const py::handle e : entries) {
              const auto [department, bureau] = e.cast<std::pair<std::string, std::string>>();
              org.add(department, bureau);
            }
            return org;
          }),
          py::arg("entries") = py::tuple(), "Organization(entries=()): entries are (department, bureau) pairs.");
  cls.def("add", &organization::add, py::arg("department"), py::arg("bureau"),
          "Adds a department of a bureau; the same department in two bureaus is a PledgeError.");
  cls.def("add_rename", &organization::add_rename, py::arg("former_name"), py::arg("current_name"),
          "Maps a department's former name (조직개편 전) to its current one.");
  cls.def("current_name", &organization::current_name, py::arg("department"),
          "The department's current name, renames followed.");
  cls.def("bureau_of", &organization::bureau_of, py::arg("department"),
          "The bureau of a department (a sub-unit '보건소 건강증진과' rolls up), or None.");
  cls.def_property_readonly("departments", &organization::departments, "Departments in file order.");
  cls.def_property_readonly("bureaus", &organization::bureaus, "Bureaus in order of first appearance.");
  cls.def("__len__", [](const organization& o) { return o.departments().size(); });
  cls.def("__eq__", [](const organization& a, const organization& b) { return a == b; }, py::is_operator());
  cls.def_property_readonly("renames", &organization::renames, "Renames (former name, current name), in order.");
  cls.def("__repr__", [](const organization& o) { return python_repr(o, "Organization"); });
  def_pickle(
      cls,
      [](const organization& o) {
        py::list entries;
        for (const std::string& d : o.departments()) entries.append(py::make_tuple(d, *o.bureau_of(d)));
        return py::make_tuple(entries, py::cast(o.renames()));
      },
      [](const py::tuple& t) {
        if (t.size() != 2) throw error("cannot unpickle Organization: a state of " + std::to_string(t.size()) + " parts");
        organization org;
        for (const py::handle e : t[0]) {
          const auto [department, bureau] = e.cast<std::pair<std::string, std::string>>();
          org.add(department, bureau);
        }
        for (const py::handle r : t[1]) {
          const auto [from, to] = r.cast<std::pair<std::string, std::string>>();
          org.add_rename(from, to);
        }
        return org;
      });
}

}  // namespace

void register_model(py::module_& m) {
  register_status(m);
  register_project(m);
  register_snapshot(m);
  register_organization(m);
}

}  // namespace pledgetrack::python
