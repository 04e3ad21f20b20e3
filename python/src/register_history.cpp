// Over time: comparing two snapshots (transitions, the change in %p, changes
// per group), a district's history (the rate quarter by quarter, status runs,
// as-of queries, stuck projects), scope adjustments (공약조정), pace and the
// end-of-term projection. Bindings only: every figure and classification is
// the C++ core's (include/pledgetrack/history/); frames, HTML and plots are
// built in the Python package (_history.py, _plot.py).
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common.hpp"
#include "fields.hpp"

namespace pledgetrack::python {

namespace {

transition_kind parse_transition_kind(std::string_view text) {
  return parse_name(transition_kind_names, text, "transition kind");
}

adjustment::kind parse_adjustment_kind(std::string_view text) {
  return parse_name(adjustment_kind_names, text, "adjustment kind");
}

/// python_repr, with the C++ names of nested values made Python's too:
/// `comparison(…, before=2023-12-31 rate(32, 49), …)` -> `… Rate(32, 49) …`.
template <class T>
std::string repr_of(const T& value, std::string_view python_name) {
  std::string text = python_repr(value, python_name);
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 2> nested = {
      {{"rate(", "Rate("}, {"period(", "Period("}}};
  std::string out;
  bool quoted = false;
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] == '"') quoted = !quoted;
    bool replaced = false;
    if (!quoted && (i == 0 || !detail::is_word_char(text[i - 1]))) {
      for (const auto& [from, to] : nested) {
        if (std::string_view(text).substr(i, from.size()) == from) {
          out += to;
          i += from.size();
          replaced = true;
          break;
        }
      }
    }
    if (!replaced) out += text[i++];
  }
  return out;
}

void require_parts(const py::tuple& t, std::size_t n, const char* name) {
  if (t.size() != n)
    throw error(std::string("cannot unpickle ") + name + ": a state of " + std::to_string(t.size()) + " parts");
}

// -- comparison -------------------------------------------------------------

void register_transition(py::module_& m) {
  py::class_<transition> cls(m, "Transition",
                             "What happened to one unit project between two snapshots: its status before\n"
                             "and after (None on the side where it is not in scope) and the kind of move\n"
                             "under the comparison's criteria. Immutable; made by ``compare``.");
  cls.def_property_readonly("id", [](const transition& t) { return t.id.to_string(); }, "관리번호, canonical.");
  cls.def_readonly("title", &transition::title, "단위사업명: the title after (before, for a removed project).");
  cls.def_readonly("from_status", &transition::from, "The Status before, or None for an added project.");
  cls.def_readonly("to_status", &transition::to, "The Status after, or None for a removed project.");
  cls.def_property_readonly(
      "kind", [](const transition& t) { return std::string(to_string(t.k)); },
      "'newly_complete', 'regression', 'improvement', 'other', 'unchanged', 'added' or 'removed'.");
  cls.def_property_readonly(
      "kind_ko", [](const transition& t) { return std::string(label_ko(t.k)); },
      "Korean label of the kind: 신규 완료, 후퇴, 진전, 기타 변동, 변동없음, 추가, 제외.");
  cls.def("__eq__", [](const transition& a, const transition& b) { return a == b; }, py::is_operator());
  cls.def("__repr__", [](const transition& t) { return repr_of(t, "Transition"); });
  def_pickle_fields(cls);

  m.def(
      "transition_kinds",
      [] {
        std::vector<std::pair<std::string, std::string>> out;
        for (const auto& [k, name] : transition_kind_names)
          out.emplace_back(std::string(name), std::string(label_ko(k)));
        return out;
      },
      "[(kind, Korean label)] in the order reports list them: newly_complete (신규 완료), …, unchanged.");
  m.def(
      "classify_move",
      [](const py::handle& from, const py::handle& to, const criteria& c) {
        return std::string(to_string(classify_move(to_status(from), to_status(to), c)));
      },
      py::arg("from_status"), py::arg("to_status"), py::arg("criteria"),
      "The kind of a move between two statuses under the criteria ('newly_complete', …).");
}

void register_group_change(py::module_& m) {
  py::class_<group_change> cls(m, "GroupChange",
                               "One group's rate before and after (a field, a bureau …) and the change in %p.");
  cls.def_readonly("key", &group_change::key, "The group: '골목·경제', ….");
  cls.def_readonly("before", &group_change::before, "The rate before (no value when the group is new).");
  cls.def_readonly("after", &group_change::after, "The rate after (no value when the group is gone).");
  cls.def_readonly("change_points", &group_change::change_points,
                   "after − before in %p as an exact Fraction, or None.");
  cls.def_property_readonly("change_text", &group_change::change_text, "'+9.1%p', or 'n/a'.");
  cls.def("__eq__", [](const group_change& a, const group_change& b) { return a == b; }, py::is_operator());
  cls.def("__repr__", [](const group_change& g) { return repr_of(g, "GroupChange"); });
  def_pickle_fields(cls);
}

void register_comparison(py::module_& m) {
  py::class_<comparison> cls(m, "Comparison",
                             "The changes between two snapshots of one district under one criteria. A value:\n"
                             "it holds copies of both snapshots. Made by ``compare``.");
  const auto internal = py::return_value_policy::reference_internal;
  cls.def_property_readonly("before", &comparison::before, internal, "The snapshot before.");
  cls.def_property_readonly("after", &comparison::after, internal, "The snapshot after.");
  cls.def_property_readonly("criteria", &comparison::criteria, "The criteria of the rates and the kinds.");
  cls.def_property_readonly("before_rate", &comparison::before_rate, "The rate before.");
  cls.def_property_readonly("after_rate", &comparison::after_rate, "The rate after.");
  cls.def_property_readonly("rate_change_points", &comparison::rate_change_points,
                            "after − before in %p as an exact Fraction (100/49 for the seed), or None.");
  cls.def_property_readonly("rate_change_text", &comparison::rate_change_text,
                            "'+2.0%p' by the criteria's rounding rule; 'n/a' without a change.");
  cls.def_property_readonly("transitions", &comparison::transitions,
                            "Every project's Transition: the after snapshot's order, then the removed ones.");
  cls.def(
      "of_kind", [](const comparison& c, const std::string& kind) { return c.of_kind(parse_transition_kind(kind)); },
      py::arg("kind"), "The transitions of one kind ('newly_complete', 'regression', …), in order.");
  cls.def(
      "count", [](const comparison& c, const std::string& kind) { return c.count(parse_transition_kind(kind)); },
      py::arg("kind"), "How many transitions are of one kind.");
  cls.def(
      "changes_by",
      [](const comparison& c, const std::string& dimension_name) {
        return c.changes_by(parse_dimension(dimension_name));
      },
      py::arg("dimension"),
      "[GroupChange] along 'field', 'pledge', 'department', 'bureau' or 'status': groups in the\n"
      "after snapshot's order, then those found before only.");
  cls.def("__repr__", [](const comparison& c) { return repr_of(c, "Comparison"); });
  // Equal inputs give equal comparisons: the rest is computed from them.
  cls.def(
      "__eq__",
      [](const comparison& a, const comparison& b) {
        return a.before() == b.before() && a.after() == b.after() && a.criteria() == b.criteria();
      },
      py::is_operator());
  def_pickle(
      cls, [](const comparison& c) { return py::make_tuple(c.before(), c.after(), c.criteria()); },
      [](const py::tuple& t) {
        require_parts(t, 3, "Comparison");
        // Rebuilt as given: the checks of compare() were passed when it was made.
        return comparison(t[0].cast<snapshot>(), t[1].cast<snapshot>(), t[2].cast<criteria>());
      });

  m.def(
      "compare",
      [](const snapshot& before, const snapshot& after, const criteria& c, bool allow_different_districts,
         bool allow_reversed) {
        return compare(before, after, c, compare_options{allow_different_districts, allow_reversed});
      },
      py::arg("before"), py::arg("after"), py::arg("criteria"), py::kw_only(),
      py::arg("allow_different_districts") = false, py::arg("allow_reversed") = false,
      py::call_guard<py::gil_scoped_release>(),
      "Compares two snapshots under the criteria. A PledgeError naming both districts when they\n"
      "differ, and both dates when ``after`` is dated before ``before``, unless allowed.");
}

// -- history ----------------------------------------------------------------

void register_history_values(py::module_& m) {
  py::class_<dated_rate> rates(m, "DatedRate", "The rate of one snapshot, with its date and quarter.");
  rates.def_readonly("as_of", &dated_rate::as_of, "The snapshot's date.");
  rates.def_readonly("period", &dated_rate::period, "The quarter containing as_of (a Period).");
  rates.def_readonly("rate", &dated_rate::rate, "The rate.");
  rates.def("__eq__", [](const dated_rate& a, const dated_rate& b) { return a == b; }, py::is_operator());
  rates.def("__repr__", [](const dated_rate& r) { return repr_of(r, "DatedRate"); });
  def_pickle_fields(rates);

  py::class_<status_run> runs(m, "StatusRun",
                              "A stretch of consecutive snapshots in which a project kept one status.");
  runs.def_readonly("status", &status_run::status, "The Status.");
  runs.def_readonly("raw_status", &status_run::raw_status, "The label as written in the run's first snapshot.");
  runs.def_readonly("first_seen", &status_run::first_seen, "The date of the run's first snapshot.");
  runs.def_readonly("last_seen", &status_run::last_seen, "The date of the run's last snapshot.");
  runs.def_readonly("ended", &status_run::ended,
                    "The date of the first snapshot after the run, or None while it lasts.");
  runs.def_readonly("snapshots", &status_run::snapshots, "How many snapshots the run spans.");
  runs.def("__eq__", [](const status_run& a, const status_run& b) { return a == b; }, py::is_operator());
  runs.def("__repr__", [](const status_run& r) { return repr_of(r, "StatusRun"); });
  def_pickle_fields(runs);

  py::class_<stuck_project> stuck(m, "StuckProject",
                                  "A project whose incomplete status has not changed for a number of\n"
                                  "consecutive snapshots up to the latest.");
  stuck.def_property_readonly("id", [](const stuck_project& s) { return s.id.to_string(); }, "관리번호.");
  stuck.def_readonly("title", &stuck_project::title, "단위사업명.");
  stuck.def_readonly("status", &stuck_project::status, "The Status it is stuck in.");
  stuck.def_readonly("snapshots", &stuck_project::snapshots, "Consecutive snapshots, the latest included.");
  stuck.def_readonly("since", &stuck_project::since, "The date of the first of them.");
  stuck.def("__eq__", [](const stuck_project& a, const stuck_project& b) { return a == b; }, py::is_operator());
  stuck.def("__repr__", [](const stuck_project& s) { return repr_of(s, "StuckProject"); });
  def_pickle_fields(stuck);
}

void register_history_class(py::module_& m) {
  py::class_<history> cls(m, "History",
                          "The snapshots of one district in date order; projects matched by id. A\n"
                          "snapshot of another district, or a second one of a date, is a PledgeError.");
  cls.def(py::init<std::vector<snapshot>>(), py::arg("snapshots") = std::vector<snapshot>{},
          "History(snapshots=()): any order; sorted by as_of.");
  cls.def_property_readonly("snapshots", &history::snapshots, "The snapshots, oldest first (a new list).");
  cls.def("__len__", &history::size);
  cls.def_property_readonly("district", &history::district, "The district ('' when empty).");
  cls.def_property_readonly("first", &history::first, py::return_value_policy::reference_internal,
                            "The oldest snapshot; a PledgeError when empty.");
  cls.def_property_readonly("latest", &history::latest, py::return_value_policy::reference_internal,
                            "The latest snapshot; a PledgeError when empty.");
  cls.def("rates", &history::rates, py::arg("criteria"), "[DatedRate] of every snapshot, oldest first.");
  cls.def("snapshot_at", &history::snapshot_at, py::arg("date"), py::return_value_policy::reference_internal,
          "The latest snapshot on or before the date, or None before the first.");
  cls.def(
      "status_at",
      [](const history& h, const std::string& id, const date& d) { return h.status_at(project_id::read(id), d); },
      py::arg("id"), py::arg("date"),
      "The project's Status in the latest snapshot on or before the date; None before the first\n"
      "snapshot or when that snapshot does not list the project.");
  cls.def(
      "timeline", [](const history& h, const std::string& id) { return h.timeline(project_id::read(id)); },
      py::arg("id"), "[StatusRun] of the project, oldest first; a gap in the listing ends a run.");
  cls.def(
      "time_in_status",
      [](const history& h, const std::string& id, const date& d) {
        return h.time_in_status(project_id::read(id), d);
      },
      py::arg("id"), py::arg("date"),
      "Days from the first report of the project's current status (as of the date) to the date,\n"
      "or None.");
  cls.def("stuck", &history::stuck, py::arg("criteria"), py::arg("periods"),
          "[StuckProject]: incomplete under the criteria, in the same status for ``periods`` or more\n"
          "consecutive snapshots up to the latest.");
  cls.def("__eq__", [](const history& a, const history& b) { return a.snapshots() == b.snapshots(); },
          py::is_operator());
  cls.def("__repr__", [](const history& h) { return repr_of(h, "History"); });
  def_pickle(
      cls, [](const history& h) { return py::make_tuple(py::cast(h.snapshots())); },
      [](const py::tuple& t) {
        require_parts(t, 1, "History");
        return history(t[0].cast<std::vector<snapshot>>());
      });
}

// -- adjustments --------------------------------------------------------------


void register_adjustments(py::module_& m) {
  py::class_<adjustment> cls(m, "Adjustment",
                             "One approved change to the list of projects (공약조정), in force from\n"
                             "``effective`` on: 'removed' (삭제) and 'merged' (통합) take the project out of\n"
                             "the denominator; 'renamed' (변경) gives it ``new_title``.");
  cls.def(py::init([](const std::string& id, const std::string& kind, const date& effective, std::string approved_by,
                      std::string reason, const std::optional<std::string>& merged_into, std::string new_title) {
            adjustment a;
            a.id = project_id::read(id);
            a.k = parse_adjustment_kind(kind);
            a.effective = effective;
            a.approved_by = std::move(approved_by);
            a.reason = std::move(reason);
            if (merged_into) a.merged_into = project_id::read(*merged_into);
            a.new_title = std::move(new_title);
            return a;
          }),
          py::arg("id"), py::arg("kind"), py::arg("effective"), py::kw_only(), py::arg("approved_by") = "",
          py::arg("reason") = "", py::arg("merged_into") = py::none(), py::arg("new_title") = "",
          "Adjustment(id, kind, effective, *, approved_by='', reason='', merged_into=None, new_title='')\n\n"
          "``kind`` is 'removed', 'merged' or 'renamed'. AdjustmentList.add checks that a merge names\n"
          "its target and a rename its new title.");
  cls.def_property_readonly("id", [](const adjustment& a) { return a.id.to_string(); }, "관리번호 of the project.");
  cls.def_property_readonly("kind", [](const adjustment& a) { return std::string(to_string(a.k)); },
                            "'removed', 'merged' or 'renamed'.");
  cls.def_property_readonly("kind_ko", [](const adjustment& a) { return std::string(label_ko(a.k)); },
                            "삭제, 통합 or 변경.");
  cls.def_readonly("effective", &adjustment::effective, "In force from this day on (inclusive).");
  cls.def_readonly("approved_by", &adjustment::approved_by, "Who approved it: 주민배심원단, ….");
  cls.def_readonly("reason", &adjustment::reason, "The reason given.");
  cls.def_property_readonly(
      "merged_into",
      [](const adjustment& a) -> std::optional<std::string> {
        if (!a.merged_into) return std::nullopt;
        return a.merged_into->to_string();
      },
      "For a merge, the project it is folded into; else None.");
  cls.def_readonly("new_title", &adjustment::new_title, "For a rename, the new title; else ''.");
  cls.def("__eq__", [](const adjustment& a, const adjustment& b) { return a == b; }, py::is_operator());
  cls.def("__repr__", [](const adjustment& a) { return repr_of(a, "Adjustment"); });
  def_pickle_fields(cls);

  py::class_<adjustment_list> lists(m, "AdjustmentList",
                                   "Adjustments in order of their effective dates (the order of adding among\n"
                                   "those of one date).");
  lists.def(py::init([](const py::iterable& entries) {
             adjustment_list out;
             for (const py::handle a : entries) out.add(a.cast<adjustment>());
             return out;
           }),
           py::arg("adjustments") = py::tuple(), "AdjustmentList(adjustments=()): each is checked as by add.");
  lists.def("add", &adjustment_list::add, py::arg("adjustment"),
           "Adds an adjustment; a PledgeError naming the id when a merge names no target (or itself)\n"
           "or a rename has no new title.");
  lists.def_property_readonly("entries", &adjustment_list::entries, "The adjustments in order (a new list).");
  lists.def("__len__", &adjustment_list::size);
  lists.def("in_force", &adjustment_list::in_force, py::arg("date"), "The adjustments effective on or before the date.");
  lists.def(
      "apply",
      [](const adjustment_list& l, const snapshot& s, const std::optional<date>& in_force_on) {
        return in_force_on ? l.apply(s, *in_force_on) : l.apply(s);
      },
      py::arg("snapshot"), py::arg("in_force_on") = py::none(),
      "A copy of the snapshot under the scope in force on ``in_force_on`` (default: its as_of):\n"
      "removed and merged projects get scope 'removed', renames take effect.");
  lists.def("__eq__", [](const adjustment_list& a, const adjustment_list& b) { return a == b; }, py::is_operator());
  lists.def("__repr__", [](const adjustment_list& l) { return repr_of(l, "AdjustmentList"); });
  def_pickle(
      lists,
      [](const adjustment_list& l) {
        py::list entries;
        for (const adjustment& a : l) entries.append(to_state(a));
        return py::make_tuple(entries);
      },
      [](const py::tuple& t) {
        require_parts(t, 1, "AdjustmentList");
        adjustment_list out;
        for (const py::handle a : t[0]) out.add(from_state<adjustment>(a));
        return out;
      });

  m.def("rate_at", &rate_at, py::arg("history"), py::arg("date"), py::arg("criteria"), py::arg("adjustments"),
        "The rate at a date: the statuses of the latest snapshot on or before it, counted over the\n"
        "scope in force on the date itself. A PledgeError before the first snapshot.");
}

// -- pace and projection ------------------------------------------------------

void register_pace(py::module_& m) {
  py::class_<pace> cls(m, "Pace", "What it takes to reach a target rate by the end of the term.");
  cls.def_readonly("as_of", &pace::as_of, "The snapshot's date.");
  cls.def_readonly("target_percent", &pace::target_percent, "The target in percent, a Fraction.");
  cls.def_readonly("current", &pace::current, "The rate in the snapshot.");
  cls.def_readonly("projects_needed", &pace::projects_needed,
                   "Units still to complete: ceil(target% × denominator / 100 − numerator), at least 0.");
  cls.def_readonly("quarters_left", &pace::quarters_left, "Whole quarters of the term after the snapshot's.");
  cls.def_readonly("per_quarter", &pace::per_quarter,
                   "projects_needed / quarters_left as a Fraction; None when no quarter is left.");
  cls.def_readonly("message", &pace::message, "Why there is nothing to plan ('' otherwise).");
  cls.def_property_readonly("target_met", &pace::target_met, "True when no more units are needed.");
  cls.def("__eq__", [](const pace& a, const pace& b) { return a == b; }, py::is_operator());
  cls.def("__repr__", [](const pace& p) { return repr_of(p, "Pace"); });
  def_pickle_fields(cls);
  m.def("required_pace", &required_pace, py::arg("snapshot"), py::arg("term"), py::arg("target_percent"),
        py::arg("criteria"),
        "The pace needed from the snapshot to reach ``target_percent`` (80 for 80%) by the end of\n"
        "the term. A PledgeError when the target lies outside 0-100 or nothing is counted.");

  py::class_<projection> proj(m, "Projection",
                              "An end-of-term rate by a straight line through the first and last snapshots'\n"
                              "rates (two reports only: say so wherever it is shown).");
  proj.def_readonly("method", &projection::method, "'linear: first-to-last snapshot'.");
  proj.def_readonly("from_date", &projection::from, "The first snapshot's date.");
  proj.def_readonly("from_percent", &projection::from_percent, "Its rate in percent, a Fraction.");
  proj.def_readonly("to_date", &projection::to, "The last snapshot's date.");
  proj.def_readonly("to_percent", &projection::to_percent, "Its rate in percent, a Fraction.");
  proj.def_readonly("points_per_day", &projection::points_per_day, "The slope in %p a day, a Fraction.");
  proj.def_readonly("term_end", &projection::term_end, "The term's last day.");
  proj.def_readonly("days_to_end", &projection::days_to_end, "Days from the last snapshot to the term's end.");
  proj.def_readonly("percent", &projection::percent, "The projected rate in percent, in [0, 100], a Fraction.");
  proj.def_readonly("clamped", &projection::clamped, "Whether the line left [0, 100] and was cut.");
  proj.def_property_readonly("rounding", [](const projection& p) { return std::string(to_string(p.rule)); },
                             "The display rule.");
  proj.def_readonly("decimals", &projection::decimals, "Decimal places shown.");
  proj.def_property_readonly("text", &projection::to_string, "'85.8%' by the criteria's rounding rule.");
  proj.def("__str__", &projection::to_string);
  proj.def("__eq__", [](const projection& a, const projection& b) { return a == b; }, py::is_operator());
  proj.def("__repr__", [](const projection& p) { return repr_of(p, "Projection"); });
  def_pickle_fields(proj);
  m.def("project_end_of_term", &project_end_of_term, py::arg("history"), py::arg("term"), py::arg("criteria"),
        "The rate at the end of the term by a straight line through the first and last snapshots'\n"
        "rates, clamped to [0, 100]. A PledgeError with fewer than two snapshots.");
}

}  // namespace

void register_history(py::module_& m) {
  register_transition(m);
  register_group_change(m);
  register_comparison(m);
  register_history_values(m);
  register_history_class(m);
  register_adjustments(m);
  register_pace(m);
}

}  // namespace pledgetrack::python
