// Pickling and copying of every bound value type through one helper, so that
// snapshots, projects, rates and criteria travel to other processes
// (multiprocessing, Dask) and copy.copy/deepcopy work. The state is a tuple
// that starts with a format number; a state of another format is refused
// with a message rather than misread.
#pragma once

#include <pybind11/pybind11.h>

#include <string>
#include <utility>

#include "pledgetrack/error.hpp"

namespace pledgetrack::python {

/// The format of every pickled state. Raise it when a state changes shape.
inline constexpr int pickle_format = 2;  // 2: a snapshot carries its bureau order

/// Adds __getstate__/__setstate__ (through `to_state`, a function T -> tuple,
/// and `from_state`, tuple -> T) and __copy__/__deepcopy__ (the C++ copy).
///
///     def_pickle(cls, [](const rate& r) { return py::make_tuple(...); },
///                     [](const py::tuple& t) { return rate(...); });
template <class T, class... Options, class ToState, class FromState>
void def_pickle(pybind11::class_<T, Options...>& cls, ToState to_state, FromState from_state) {
  namespace py = pybind11;
  const std::string name = cls.attr("__name__").template cast<std::string>();
  cls.def(py::pickle(
      [to_state](const T& self) { return py::make_tuple(pickle_format, to_state(self)); },
      [from_state, name](const py::tuple& state) {
        if (state.size() != 2 || state[0].cast<int>() != pickle_format)
          throw error("cannot unpickle " + name + ": state of another format (expected format " +
                      std::to_string(pickle_format) + ")");
        return T(from_state(state[1].cast<py::tuple>()));
      }));
  cls.def("__copy__", [](const T& self) { return T(self); });
  cls.def("__deepcopy__", [](const T& self, const py::handle&) { return T(self); }, py::arg("memo"));
}

}  // namespace pledgetrack::python
