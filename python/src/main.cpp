// pledgetrack._core: the C++ core of pledgetrack, bound for Python. The
// Python package `pledgetrack` wraps it; use that, not this module.
#include <exception>
#include <string>

#include "common.hpp"

namespace pledgetrack::python { void register_report(pybind11::module_& m); }

namespace pledgetrack::python { void register_history(pybind11::module_& m); }

namespace pledgetrack::python { void register_audit(pybind11::module_& m); }

namespace pledgetrack::python { void register_published(pybind11::module_& m); }

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

  // write_error: also an OSError (errno, strerror, filename: the target), so that
  // `except OSError` around a write catches a full disk as it would from open().
  // A new reference kept for the life of the process, as pybind11 keeps PledgeError's.
  static PyObject* const write_error =
      PyErr_NewExceptionWithDoc("pledgetrack._core.WriteError",
                                "A file that cannot be written (a full disk, a read-only folder): a PledgeError and\n"
                                "an OSError whose message names the file asked for and the system's reason.",
                                py::make_tuple(pledge_error, py::handle(PyExc_OSError)).ptr(), [] {
                                  // The message as given, not OSError's "[Errno 28] …: 'file'".
                                  py::dict d;
                                  d["__str__"] = py::handle(PyExc_BaseException).attr("__str__");
                                  return d;
                                }().ptr());
  if (write_error == nullptr) throw py::error_already_set();
  m.attr("WriteError") = py::handle(write_error);
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const pledgetrack::write_error& e) {
      py::object error = py::handle(write_error)(e.what());
      error.attr("errno") = e.code().value();
      error.attr("strerror") = pledgetrack::write_error::reason_text(e.code());
      error.attr("filename") = e.path();
      PyErr_SetObject(write_error, error.ptr());
    }
  });

  register_model(m);
  register_rates(m);
  register_time(m);
  register_io(m);
  register_history(m);
  register_report(m);
  register_audit(m);
  register_published(m);
  register_batch(m);
}
