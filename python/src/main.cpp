// pledgetrack._core: the C++ core of pledgetrack, bound for Python. The
// Python package `pledgetrack` wraps it; use that, not this module.
#include <string>

#include "common.hpp"

namespace pledgetrack::python { void register_report(pybind11::module_& m); }

namespace pledgetrack::python { void register_history(pybind11::module_& m); }

namespace pledgetrack::python { void register_audit(pybind11::module_& m); }

PYBIND11_MODULE(_core, m) {
  namespace py = pybind11;
  using namespace pledgetrack::python;

  m.doc() = "The C++ core of pledgetrack (private: use the pledgetrack package).";
  m.attr("__version__") = std::string(pledgetrack::version);

  // parse_error and data_error derive from error, so they arrive as
  // PledgeError too, with their messages unchanged.
  auto& pledge_error = py::register_exception<pledgetrack::error>(m, "PledgeError", PyExc_ValueError);
  pledge_error.attr("__doc__") =
      "An error from pledgetrack: a value that cannot be read (naming file, line, column and\n"
      "the text) or data that does not hold together. A subclass of ValueError.";

  register_model(m);
  register_rates(m);
  register_time(m);
  register_io(m);
  register_history(m);
  register_report(m);
  register_audit(m);
  register_batch(m);
}
