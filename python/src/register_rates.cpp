// Rates: Criteria (evaluation criteria as data), Rate (an exact fraction shown
// by a named rounding rule), status counts, rates and counts per group, and
// the cross-tabulation. The figures come from the C++ core; Python only
// translates (pandas frames are built in the Python package).
#include <array>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common.hpp"

namespace pledgetrack::python {

namespace {

py::dict counts_dict(const status_counts& counts) {
  py::dict out;
  for (const status s : all_statuses) out[py::cast(s)] = counts[s];
  return out;
}

/// The numerator as Python would want it: an int when whole (a count of
/// projects), else a Fraction (weighted scores, mean progress).
py::object numerator_object(fraction f) {
  if (f.denominator() == 1) return py::int_(f.numerator());
  return py::cast(f);
}

std::array<fraction, status_count> to_weights(const py::handle& weights) {
  std::array<fraction, status_count> out{};
  for (const auto& [key, value] : weights.cast<py::dict>()) out[index_of(to_status(key))] = value.cast<fraction>();
  return out;
}

py::dict from_weights(const std::array<fraction, status_count>& weights) {
  py::dict out;
  for (const status s : all_statuses) out[py::cast(s)] = weights[index_of(s)];
  return out;
}

/// Applies the keyword arguments of Criteria(...) and Criteria.replace(...)
/// to `c`; None leaves a field as it is.
criteria with_changes(criteria c, const py::object& complete, const py::object& excluded, const py::object& weights,
                      const py::object& measure_name, const py::object& basis_name, const py::object& in_term_only,
                      const py::object& rounding_name, const py::object& decimals, const py::object& name,
                      const py::object& name_ko) {
  if (!complete.is_none() && !weights.is_none())
    throw error("give either complete (a status share) or weights (a weighted score), not both");
  if (!name.is_none()) c.name = name.cast<std::string>();
  if (!name_ko.is_none()) c.name_ko = name_ko.cast<std::string>();
  if (!complete.is_none()) {
    c.complete = to_status_set(complete);
    c.measure = measure::status_share;
  }
  if (!weights.is_none()) {
    c.weights = to_weights(weights);  // validate() below checks that each lies in [0, 1]
    c.measure = measure::weighted;
  }
  if (!measure_name.is_none()) {
    c.measure = parse_measure(measure_name.cast<std::string>());
    if (c.measure == measure::weighted && weights.is_none() && c.weights == std::array<fraction, status_count>{})
      throw error("a weighted measure needs weights={Status: weight}");
  }
  if (!excluded.is_none()) c.excluded = to_status_set(excluded);
  if (!basis_name.is_none()) c.basis = parse_basis(basis_name.cast<std::string>());
  if (!in_term_only.is_none()) c.in_term_only = in_term_only.cast<bool>();
  if (!rounding_name.is_none()) c.rule = parse_rounding(rounding_name.cast<std::string>());
  if (!decimals.is_none()) c.decimals = decimals.cast<int>();
  c.validate();
  return c;
}

py::list status_list(status_set set) {
  py::list out;
  for (const status s : all_statuses)
    if (set.contains(s)) out.append(py::cast(s));
  return out;
}

py::tuple criteria_state(const criteria& c) {
  py::list weights;
  for (const fraction& w : c.weights) weights.append(py::make_tuple(w.numerator(), w.denominator()));
  return py::make_tuple(c.name, c.name_ko, std::string(to_string(c.measure)), status_list(c.complete),
                        status_list(c.excluded), c.in_term_only, weights, std::string(to_string(c.basis)),
                        std::string(to_string(c.rule)), c.decimals);
}

criteria criteria_from_state(const py::tuple& t) {
  if (t.size() != 10) throw error("cannot unpickle Criteria: a state of " + std::to_string(t.size()) + " parts");
  criteria c;
  c.name = t[0].cast<std::string>();
  c.name_ko = t[1].cast<std::string>();
  c.measure = parse_measure(t[2].cast<std::string>());
  c.complete = to_status_set(t[3]);
  c.excluded = to_status_set(t[4]);
  c.in_term_only = t[5].cast<bool>();
  const auto weights = t[6].cast<std::vector<std::pair<std::int64_t, std::int64_t>>>();
  if (weights.size() != status_count) throw error("cannot unpickle Criteria: weights of another shape");
  for (std::size_t k = 0; k < status_count; ++k) c.weights[k] = fraction(weights[k].first, weights[k].second);
  c.basis = parse_basis(t[7].cast<std::string>());
  c.rule = parse_rounding(t[8].cast<std::string>());
  c.decimals = t[9].cast<int>();
  c.validate();
  return c;
}

void register_criteria(py::module_& m) {
  py::class_<criteria> cls(m, "Criteria",
                           "Evaluation criteria as data: which statuses count as complete, which leave the\n"
                           "denominator, weights, the basis (per project or per pledge) and the rounding rule\n"
                           "for display. Presets give the rates governments publish, under their names.");
  cls.def(py::init([](const py::object& complete, const py::object& excluded, const py::object& weights,
                      const py::object& measure_name, const py::object& basis_name, const py::object& in_term_only,
                      const py::object& rounding_name, const py::object& decimals, const py::object& name,
                      const py::object& name_ko) {
            criteria base;
            base.name = "custom criteria";
            base.name_ko = "사용자 정의 기준";
            return with_changes(base, complete, excluded, weights, measure_name, basis_name, in_term_only,
                                rounding_name, decimals, name, name_ko);
          }),
          py::kw_only(), py::arg("complete") = py::none(), py::arg("excluded") = py::none(),
          py::arg("weights") = py::none(), py::arg("measure") = py::none(), py::arg("basis") = "project",
          py::arg("in_term_only") = false, py::arg("rounding") = "half_up", py::arg("decimals") = 1,
          py::arg("name") = py::none(), py::arg("name_ko") = py::none(),
          "Criteria(*, complete=None, excluded=None, weights=None, measure=None, basis='project',\n"
          "         in_term_only=False, rounding='half_up', decimals=1, name=None, name_ko=None)\n\n"
          "Custom criteria. ``complete``: the statuses counted as done (default 완료 and\n"
          "이행후계속추진); ``excluded``: statuses that leave the denominator; ``weights``:\n"
          "{Status: weight in [0, 1]} for a weighted score (missing statuses weigh 0);\n"
          "``measure``: 'status_share', 'weighted' or 'mean_progress' (inferred);\n"
          "``basis``: 'project' or 'pledge'; ``rounding``: 'half_up', 'truncate' or 'half_even'.\n"
          "Statuses may be given as Status or as labels.");
  const auto replace = [](const criteria& self, const py::object& complete, const py::object& excluded,
                          const py::object& weights, const py::object& measure_name, const py::object& basis_name,
                          const py::object& in_term_only, const py::object& rounding_name,
                          const py::object& decimals, const py::object& name, const py::object& name_ko) {
    return with_changes(self, complete, excluded, weights, measure_name, basis_name, in_term_only, rounding_name,
                        decimals, name, name_ko);
  };
  cls.def("replace", replace, py::kw_only(), py::arg("complete") = py::none(), py::arg("excluded") = py::none(),
          py::arg("weights") = py::none(), py::arg("measure") = py::none(), py::arg("basis") = py::none(),
          py::arg("in_term_only") = py::none(), py::arg("rounding") = py::none(), py::arg("decimals") = py::none(),
          py::arg("name") = py::none(), py::arg("name_ko") = py::none(),
          "The same criteria with the given fields changed: ``Criteria.kmc().replace(rounding='truncate')``.");
  cls.def_static("kmc", &criteria::kmc,
                 "공약이행완료율, the KMC completion rate: (완료 + 이행후계속추진) / all projects in scope.\n"
                 "보류 and 폐기 stay in the denominator.");
  cls.def_static("implementation", &criteria::implementation,
                 "이행률: (완료 + 이행후계속추진 + 정상추진) / all projects in scope.");
  cls.def_static("mean_progress", &criteria::mean_progress,
                 "평균진행률: the mean of per-project progress % over the projects that report one.");
  cls.def_static("in_term", &criteria::in_term,
                 "이행률(임기내): the KMC rate over projects due within the term only.");
  cls.def_static(
      "weighted_score", [](const py::dict& weights) { return criteria::weighted_score(to_weights(weights)); },
      py::arg("weights"), "A weighted score: each status contributes its weight ({Status: weight in [0, 1]}).");
  cls.def_readonly("name", &criteria::name, "English name, for reports.");
  cls.def_readonly("name_ko", &criteria::name_ko, "Korean name, for reports: 공약이행완료율, 이행률, ….");
  cls.def_property_readonly("measure", [](const criteria& c) { return std::string(to_string(c.measure)); },
                            "'status_share', 'weighted' or 'mean_progress'.");
  cls.def_property_readonly("complete", [](const criteria& c) { return from_status_set(c.complete); },
                            "The statuses counted as complete (a frozenset).");
  cls.def_property_readonly("excluded", [](const criteria& c) { return from_status_set(c.excluded); },
                            "The statuses that leave the denominator (a frozenset).");
  cls.def_readonly("in_term_only", &criteria::in_term_only, "True when projects due after the term leave it.");
  cls.def_property_readonly("weights", [](const criteria& c) { return from_weights(c.weights); },
                            "{Status: Fraction}, used by the weighted measure.");
  cls.def_property_readonly("basis", [](const criteria& c) { return std::string(to_string(c.basis)); },
                            "'project' (단위사업기준) or 'pledge' (a pledge is complete when all its projects are).");
  cls.def_property_readonly("rounding", [](const criteria& c) { return std::string(to_string(c.rule)); },
                            "The rounding rule for display: 'half_up', 'truncate' or 'half_even'.");
  cls.def_readonly("decimals", &criteria::decimals, "Decimal places shown.");
  cls.def("__eq__", [](const criteria& a, const criteria& b) { return a == b; }, py::is_operator());
  cls.def("__repr__", [](const criteria& c) { return python_repr(c, "Criteria"); });
  def_pickle(cls, criteria_state, criteria_from_state);
}

py::tuple rate_state(const rate& r) {
  return py::make_tuple(r.numerator().numerator(), r.numerator().denominator(), r.denominator(), r.unmeasured(),
                        std::string(to_string(r.rule())), r.decimals());
}

rate rate_from_state(const py::tuple& t) {
  if (t.size() != 6) throw error("cannot unpickle Rate: a state of " + std::to_string(t.size()) + " parts");
  return rate(fraction(t[0].cast<std::int64_t>(), t[1].cast<std::int64_t>()), t[2].cast<std::int64_t>(),
              parse_rounding(t[4].cast<std::string>()), t[5].cast<int>(), t[3].cast<std::int64_t>());
}

void register_rate(py::module_& m) {
  py::class_<rate> cls(m, "Rate",
                       "numerator units complete out of denominator counted, exactly; shown as a percent\n"
                       "only at the edge, by a named rounding rule. An empty denominator has no rate.");
  cls.def(py::init([](fraction numerator, std::int64_t denominator, const std::string& rounding_name, int decimals,
                      std::int64_t unmeasured) {
            require_decimals(decimals);
            return rate(numerator, denominator, parse_rounding(rounding_name), decimals, unmeasured);
          }),
          py::arg("numerator"), py::arg("denominator"), py::kw_only(), py::arg("rounding") = "half_up",
          py::arg("decimals") = 1, py::arg("unmeasured") = 0,
          "Rate(numerator, denominator, *, rounding='half_up', decimals=1, unmeasured=0)");
  cls.def_property_readonly("numerator", [](const rate& r) { return numerator_object(r.numerator()); },
                            "An int when whole (33 of 49), else a Fraction (weighted scores, mean progress).");
  cls.def_property_readonly("denominator", &rate::denominator, "Units counted.");
  cls.def_property_readonly("unmeasured", &rate::unmeasured,
                            "Units in scope left out for carrying no value (no progress figure).");
  cls.def_property_readonly("rounding", [](const rate& r) { return std::string(to_string(r.rule())); },
                            "The display rule: 'half_up' (반올림), 'truncate' (버림) or 'half_even'.");
  cls.def_property_readonly("decimals", &rate::decimals, "Decimal places shown.");
  cls.def_property_readonly("has_value", &rate::has_value, "False when nothing was counted.");
  cls.def_property_readonly("share", &rate::share, "The share in [0, 1] as a Fraction, or None.");
  cls.def_property_readonly("percent", &rate::percent, "The percent in [0, 100] as a Fraction, or None.");
  cls.def_property_readonly("percent_text", &rate::percent_text, "'67.3', or '' when there is no rate.");
  cls.def("__str__", &rate::to_string);
  cls.def("__repr__", [](const rate& r) { return python_repr(r, "Rate"); });
  cls.def("__eq__", [](const rate& a, const rate& b) { return a == b; }, py::is_operator());
  def_pickle(cls, rate_state, rate_from_state);

  m.def("change_in_points", &change_in_points, py::arg("before"), py::arg("after"),
        "The change from ``before`` to ``after`` in percentage points (%p), as a Fraction; None\n"
        "when either has no rate.");
  m.def(
      "format_points",
      [](std::optional<fraction> change, const std::string& rounding_name, int decimals) {
        return format_points(change, parse_rounding(rounding_name), decimals);
      },
      py::arg("change"), py::arg("rounding") = "half_up", py::arg("decimals") = 1,
      "A change in %p for display: '+2.0%p', '-1.5%p', 'n/a' for None.");
  m.def(
      "format_decimal",
      [](fraction value, const std::string& rounding_name, int decimals) {
        return format_decimal(value, parse_rounding(rounding_name), decimals);
      },
      py::arg("value"), py::arg("rounding") = "half_up", py::arg("decimals") = 1,
      "An exact value rounded for display by a named rule: format_decimal(Fraction(3300, 49)) == '67.3'.");
}

void register_crosstab(py::module_& m) {
  py::class_<crosstab> cls(m, "Crosstab", "Counts of projects in scope by (row group, column group).");
  cls.def_property_readonly("rows", [](const crosstab& t) { return std::string(to_string(t.rows())); },
                            "The dimension of the rows: 'field', ….");
  cls.def_property_readonly("columns", [](const crosstab& t) { return std::string(to_string(t.columns())); },
                            "The dimension of the columns.");
  cls.def_property_readonly("row_labels", &crosstab::row_labels, "Row groups, in order.");
  cls.def_property_readonly("column_labels", &crosstab::column_labels, "Column groups, in order.");
  cls.def("at", &crosstab::at, py::arg("row"), py::arg("column"), "The count of a cell, by positions.");
  cls.def("row_total", &crosstab::row_total, py::arg("row"), "The total of a row, by position.");
  cls.def("column_total", &crosstab::column_total, py::arg("column"), "The total of a column, by position.");
  cls.def("total", &crosstab::total, "The number of projects counted.");
  cls.def_property_readonly("cells", [](const crosstab& t) {
    std::vector<std::vector<std::int64_t>> out(t.row_labels().size());
    for (std::size_t r = 0; r < out.size(); ++r)
      for (std::size_t c = 0; c < t.column_labels().size(); ++c) out[r].push_back(t.at(r, c));
    return out;
  }, "The counts as a list of rows.");
  cls.def("__eq__", [](const crosstab& a, const crosstab& b) { return a == b; }, py::is_operator());
  cls.def("__repr__", [](const crosstab& t) { return python_repr(t, "Crosstab"); });
}

void register_functions(py::module_& m) {
  m.def(
      "count_statuses", [](const snapshot& s) { return counts_dict(count_statuses(s)); }, py::arg("snapshot"),
      "{Status: count} of the projects in scope, every status in the KMC order (zeros included).");
  m.def("completion_rate", [](const snapshot& s, const criteria& c) { return completion_rate(s, c); },
        py::arg("snapshot"), py::arg("criteria"), "The rate of a snapshot's projects under the criteria.");
  m.def(
      "rates_by",
      [](const snapshot& s, const std::string& dimension_name, const criteria& c) {
        return rates_by(s, parse_dimension(dimension_name), c);
      },
      py::arg("snapshot"), py::arg("dimension"), py::arg("criteria"),
      "[(group, Rate)] along 'field', 'pledge', 'department', 'bureau' or 'status', in order of\n"
      "first appearance (statuses in the KMC order).");
  m.def(
      "counts_by",
      [](const snapshot& s, const std::string& dimension_name) {
        std::vector<std::pair<std::string, py::dict>> out;
        for (const auto& [key, counts] : counts_by(s, parse_dimension(dimension_name)))
          out.emplace_back(key, counts_dict(counts));
        return out;
      },
      py::arg("snapshot"), py::arg("dimension"), "[(group, {Status: count})] along a dimension.");
  m.def(
      "make_crosstab",
      [](const snapshot& s, const std::string& rows, const std::string& columns,
         const std::vector<std::string>& row_order, const std::vector<std::string>& column_order) {
        return make_crosstab(s, parse_dimension(rows), parse_dimension(columns), row_order, column_order);
      },
      py::arg("snapshot"), py::arg("rows"), py::arg("columns"), py::arg("row_order") = std::vector<std::string>{},
      py::arg("column_order") = std::vector<std::string>{},
      "Counts of projects in scope by (row group, column group); labels in the given orders\n"
      "(kept even when empty), then in order of first appearance.");
  m.def(
      "dimension_label_ko", [](const std::string& name) { return std::string(label_ko(parse_dimension(name))); },
      py::arg("dimension"), "Korean name of a dimension: 분야, 공약, 주관부서, 실·국, 추진상황.");
  m.def(
      "rounding_label_ko", [](const std::string& name) { return std::string(label_ko(parse_rounding(name))); },
      py::arg("rounding"), "Korean name of a rounding rule: 반올림, 버림, 오사오입.");
}

}  // namespace

void register_rates(py::module_& m) {
  register_criteria(m);
  register_rate(m);
  register_crosstab(m);
  register_functions(m);
}

}  // namespace pledgetrack::python
