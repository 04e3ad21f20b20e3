// Time: dates as reports write them, terms (민선 n기) and reporting periods
// (분기, 반기). Dates are datetime.date in Python (see casters.hpp).
#include <string>

#include "common.hpp"
#include "pledgetrack/time/period.hpp"
#include "pledgetrack/time/term.hpp"

namespace pledgetrack::python {

namespace {

period_kind parse_period_kind(const std::string& text) { return parse_name(period_kind_names, text, "period kind"); }

std::string kind_name(period_kind kind) { return std::string(to_string(kind)); }

void register_term(py::module_& m) {
  py::class_<term> cls(m, "Term",
                       "The term (민선 n기) of an elected head of a local government, first and last day\n"
                       "inclusive: ``Term.elected(8)`` runs 2022-07-01 .. 2026-06-30.");
  cls.def(py::init<int, const date&, const date&>(), py::arg("number"), py::arg("start"), py::arg("end"),
          "A term with explicit dates (a by-election, 재·보궐선거).");
  cls.def_static("elected", &term::elected, py::arg("number"), "The regular term ``number`` (민선 n기).");
  cls.def_static(
      "parse", [](const std::string& text) { return term::parse(text); }, py::arg("text"),
      "Reads '민선8기', '민선 8기', '8기', '8' or '8th term'.");
  cls.def_static("of_date", &term::of_date, py::arg("date"), "The regular term containing a date, or None.");
  cls.def_property_readonly("number", &term::number, "n of 민선 n기.");
  cls.def_property_readonly("start", &term::start, "The first day.");
  cls.def_property_readonly("end", &term::end, "The last day, inclusive.");
  cls.def_property_readonly("is_regular", &term::is_regular,
                            "True when the dates are the regular ones of the number (not a by-election).");
  cls.def_property_readonly("label_ko", &term::label_ko, "'민선8기'.");
  cls.def_property_readonly("label_en", &term::label_en, "'8th term'.");
  cls.def("__contains__", &term::contains, py::arg("date"));
  cls.def("contains", &term::contains, py::arg("date"), "start <= date <= end.");
  cls.def_property_readonly("days_total", &term::days_total, "Days in the term, both ends included.");
  cls.def("days_elapsed", &term::days_elapsed, py::arg("date"),
          "Days from the start through ``date``, both included, clamped to [0, days_total].");
  cls.def("days_left", &term::days_left, py::arg("date"), "Days after ``date`` up to the end, clamped.");
  cls.def("elapsed_share", &term::elapsed_share, py::arg("date"),
          "days_elapsed / days_total as a Fraction (640/1461 at 2024-03-31 in 민선8기).");
  cls.def("quarters_left", &term::quarters_left, py::arg("date"),
          "Whole calendar quarters of the term after the quarter containing ``date``.");
  cls.def("__eq__", [](const term& a, const term& b) { return a == b; }, py::is_operator());
  cls.def("__hash__", [](const term& t) {
    return py::hash(py::make_tuple(t.number(), t.start(), t.end()));
  });
  cls.def("__repr__", [](const term& t) { return python_repr(t, "Term"); });
  def_pickle(
      cls, [](const term& t) { return py::make_tuple(t.number(), t.start(), t.end()); },
      [](const py::tuple& s) { return term(s[0].cast<int>(), s[1].cast<date>(), s[2].cast<date>()); });
}

void register_period(py::module_& m) {
  py::class_<period> cls(m, "Period",
                         "A reporting period: a quarter (분기) or half-year (반기) of a year. Ordered, and\n"
                         "steps with next() and previous().");
  cls.def(py::init([](int year, const std::string& kind, int index) {
            return period(year, parse_period_kind(kind), index);
          }),
          py::arg("year"), py::arg("kind"), py::arg("index"), "Period(2024, 'quarter', 1) is 2024Q1.");
  cls.def_static("quarter_of", &period::quarter_of, py::arg("date"), "The quarter containing a date.");
  cls.def_static("half_of", &period::half_of, py::arg("date"), "The half-year containing a date.");
  cls.def_static(
      "parse", [](const std::string& text) { return period::parse(text); }, py::arg("text"),
      "Reads '2024Q1', '2024H2', '2024년 1분기', '2024년도 1/4분기', '2024년 상반기', ….");
  cls.def_property_readonly("year", &period::year, "The calendar year.");
  cls.def_property_readonly("kind", [](const period& p) { return kind_name(p.kind()); }, "'quarter' or 'half'.");
  cls.def_property_readonly("index", &period::index, "1-4 for a quarter, 1-2 for a half.");
  cls.def_property_readonly("first_day", &period::first_day, "The first day.");
  cls.def_property_readonly("last_day", &period::last_day, "The last day, inclusive.");
  cls.def_property_readonly("label", &period::label, "'2024Q1', '2024H2'.");
  cls.def_property_readonly("label_ko", &period::label_ko, "'2024년 1분기', '2024년 상반기'.");
  cls.def("__contains__", &period::contains, py::arg("date"));
  cls.def("next", &period::next, "The period of the same kind that follows.");
  cls.def("previous", &period::previous, "The period of the same kind that precedes.");
  cls.def("__str__", &period::label);
  cls.def("__eq__", [](const period& a, const period& b) { return a == b; }, py::is_operator());
  cls.def("__lt__", [](const period& a, const period& b) { return a < b; }, py::is_operator());
  cls.def("__le__", [](const period& a, const period& b) { return a <= b; }, py::is_operator());
  cls.def("__gt__", [](const period& a, const period& b) { return a > b; }, py::is_operator());
  cls.def("__ge__", [](const period& a, const period& b) { return a >= b; }, py::is_operator());
  cls.def("__hash__", [](const period& p) { return py::hash(py::make_tuple(p.year(), kind_name(p.kind()), p.index())); });
  cls.def("__repr__", [](const period& p) { return python_repr(p, "Period"); });
  def_pickle(
      cls, [](const period& p) { return py::make_tuple(p.year(), kind_name(p.kind()), p.index()); },
      [](const py::tuple& s) {
        return period(s[0].cast<int>(), parse_period_kind(s[1].cast<std::string>()), s[2].cast<int>());
      });
}

}  // namespace

void register_time(py::module_& m) {
  m.def(
      "parse_date", [](const std::string& text) { return parse_date(text); }, py::arg("text"),
      "Reads a date as Korean reports write it: '2024-03-31', '2024. 3. 31.', '2024년 3월 31일',\n"
      "'20240331', …; a PledgeError naming the text otherwise.");
  register_term(m);
  register_period(m);
  m.def("term_of", &term_of, py::arg("snapshot"),
        "The term a snapshot belongs to: the regular term of its number (민선 n기), else the regular\n"
        "term containing its date; a PledgeError when it gives neither.");
}

}  // namespace pledgetrack::python
