// What the register_*.cpp files share: the register functions main.cpp
// calls, and the translations of loosely typed Python arguments (a status
// given as a Status or as a label, a dimension or rule given by name).
#pragma once

#include <pybind11/pybind11.h>
#include <pybind11/native_enum.h>
#include <pybind11/stl.h>

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "casters.hpp"
#include "pickle.hpp"
#include "pledgetrack/io/csv.hpp"
#include "pledgetrack/model/organization.hpp"
#include "pledgetrack/pledgetrack.hpp"
#include "pledgetrack/time/period.hpp"
#include "repr.hpp"

namespace pledgetrack::python {

namespace py = pybind11;

void register_model(py::module_& m);
void register_rates(py::module_& m);
void register_time(py::module_& m);
void register_io(py::module_& m);
void register_batch(py::module_& m);

/// Status labels a caller adds to the KMC vocabulary ({"추진 중(지연)": lagging}).
using aliases_t = std::vector<std::pair<std::string, status>>;

/// The caller's own headers ({"사업 내용": "project"}).
using columns_t = std::vector<std::pair<std::string, std::string>>;

/// io::read_options from read_csv's keywords, already converted to C++ (so
/// that it can run without the GIL). Shared by the readers and the batch.
io::read_options make_read_options(const std::optional<std::string>& encoding_name,
                                   const std::optional<std::string>& delimiter, const std::string& district, int term,
                                   const std::optional<date>& as_of, const std::optional<organization>& org,
                                   const aliases_t& aliases, const columns_t& columns = {}, bool fill_down = true);

/// The KMC vocabulary of status labels, built once.
inline const status_labels& kmc_labels() {
  static const status_labels labels = status_labels::kmc();
  return labels;
}

/// A status given as a `Status` or as a label (`"정 상 추 진"`, `"on_track"`).
inline status to_status(const py::handle& value) {
  if (py::isinstance<py::str>(value)) return kmc_labels().parse(value.cast<std::string>());
  return value.cast<status>();
}

/// A set of statuses from any iterable of `Status` or labels.
inline status_set to_status_set(const py::handle& values) {
  status_set set;
  if (py::isinstance<py::str>(values))
    throw py::type_error("a set of statuses must be an iterable of Status, not a single string");
  for (const py::handle item : py::iter(values)) set.insert(to_status(item));
  return set;
}

/// A set of statuses as a Python frozenset of `Status`, in the KMC order.
inline py::frozenset from_status_set(status_set set) {
  py::list items;
  for (const status s : all_statuses)
    if (set.contains(s)) items.append(py::cast(s));
  return py::frozenset(items);
}

}  // namespace pledgetrack::python
