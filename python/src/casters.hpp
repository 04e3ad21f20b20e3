// Type casters between pledgetrack's value types and Python's own:
// boost::gregorian::date <-> datetime.date, pledgetrack::fraction <->
// fractions.Fraction. Included by every register_*.cpp (pybind11 requires one
// caster per type in the whole module).
#pragma once

#include <pybind11/pybind11.h>

#include <datetime.h>

#include <cmath>
#include <cstdint>
#include <string>

#include "pledgetrack/error.hpp"
#include "pledgetrack/rates/fraction.hpp"
#include "pledgetrack/model/date.hpp"

namespace pledgetrack::python::detail {

/// A Python int as a 64-bit integer; a data_error naming it when it does not fit.
inline std::int64_t to_int64(pybind11::handle h) {
  int overflow = 0;
  const long long v = PyLong_AsLongLongAndOverflow(h.ptr(), &overflow);
  if (overflow != 0)
    throw pledgetrack::data_error("a whole number must fit 64 bits, not " + pybind11::str(h).cast<std::string>());
  if (v == -1 && PyErr_Occurred()) throw pybind11::error_already_set();
  return static_cast<std::int64_t>(v);
}

}  // namespace pledgetrack::python::detail

// PyDateTime_IMPORT fills a static of each translation unit; each function
// that uses the datetime macros imports it itself (as pybind11/chrono.h does),
// so that whichever copy of an inline function the linker keeps is consistent.
#define PLEDGETRACK_IMPORT_DATETIME()              \
  do {                                             \
    if (!PyDateTimeAPI) {                          \
      PyDateTime_IMPORT;                           \
      if (!PyDateTimeAPI) throw error_already_set(); \
    }                                              \
  } while (false)

namespace pybind11::detail {

/// datetime.date <-> boost::gregorian::date. Boost's special values
/// (not-a-date-time, ±infinity) become None; None is not accepted as a date
/// (optional<date> handles None). A datetime.datetime is refused rather than
/// silently cut to its day; years outside Boost's 1400-9999 are a PledgeError.
/// Text is read as the reports write dates (parse_date: 2024-06-30,
/// 2024. 6. 30., 20240630), so that every function taking a date takes the
/// text too; text that is no date is a PledgeError naming it.
template <>
struct type_caster<boost::gregorian::date> {
  PYBIND11_TYPE_CASTER(boost::gregorian::date, const_name("datetime.date"));

  bool load(handle src, bool convert) {
    if (src && convert && PyUnicode_Check(src.ptr())) {
      value = pledgetrack::parse_date(src.cast<std::string>());
      return true;
    }
    PLEDGETRACK_IMPORT_DATETIME();
    if (!src || !PyDate_Check(src.ptr()) || PyDateTime_Check(src.ptr())) return false;
    const int year = PyDateTime_GET_YEAR(src.ptr());
    const int month = PyDateTime_GET_MONTH(src.ptr());
    const int day = PyDateTime_GET_DAY(src.ptr());
    if (!pledgetrack::detail::is_valid_date(year, month, day))
      throw pledgetrack::data_error("a date must lie in the years " + std::to_string(pledgetrack::detail::min_year) +
                                    "-" + std::to_string(pledgetrack::detail::max_year) + ", not " +
                                    std::to_string(year) + "-" + std::to_string(month) + "-" + std::to_string(day));
    value = boost::gregorian::date(static_cast<unsigned short>(year), static_cast<unsigned short>(month),
                                   static_cast<unsigned short>(day));
    return true;
  }

  static handle cast(const boost::gregorian::date& d, return_value_policy, handle) {
    if (d.is_special()) return none().release();
    PLEDGETRACK_IMPORT_DATETIME();
    const auto ymd = d.year_month_day();
    return PyDate_FromDate(static_cast<int>(ymd.year), static_cast<int>(ymd.month.as_number()),
                           static_cast<int>(ymd.day));
  }
};

/// fractions.Fraction <-> pledgetrack::fraction, exactly. Accepted: int,
/// any numbers.Rational (Fraction), and float or decimal.Decimal, which are
/// read through their shortest decimal text (37.5 -> 75/2, 33.3 -> 333/10,
/// never the binary expansion of the double). Parts must fit 64 bits.
template <>
struct type_caster<pledgetrack::fraction> {
  PYBIND11_TYPE_CASTER(pledgetrack::fraction, const_name("fractions.Fraction"));

  bool load(handle src, bool convert) {
    if (!src || PyBool_Check(src.ptr())) return false;
    if (PyLong_Check(src.ptr())) {
      value = pledgetrack::fraction(pledgetrack::python::detail::to_int64(src));
      return true;
    }
    object rational = src.cast<object>();
    const object numbers_rational = module_::import("numbers").attr("Rational");
    if (!isinstance(rational, numbers_rational)) {
      if (!convert) return false;
      const object decimal = module_::import("decimal").attr("Decimal");
      if (!PyFloat_Check(src.ptr()) && !isinstance(src, decimal)) return false;
      if (PyFloat_Check(src.ptr())) {
        if (!std::isfinite(src.cast<double>())) return false;  // NaN or infinity: no fraction
      } else if (!src.attr("is_finite")().cast<bool>()) {
        return false;
      }
      // str() of a float is its shortest round-tripping decimal.
      rational = module_::import("fractions").attr("Fraction")(str(src));
    }
    value = pledgetrack::fraction(pledgetrack::python::detail::to_int64(rational.attr("numerator")),
                                  pledgetrack::python::detail::to_int64(rational.attr("denominator")));
    return true;
  }

  static handle cast(pledgetrack::fraction f, return_value_policy, handle) {
    return module_::import("fractions").attr("Fraction")(f.numerator(), f.denominator()).release();
  }
};

}  // namespace pybind11::detail
