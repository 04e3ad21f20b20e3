// Pickling and copying of every bound value type through one helper, so that
// snapshots, projects, rates and criteria travel to other processes
// (multiprocessing, Dask) and copy.copy/deepcopy work. The state is a tuple
// that starts with a format number; a state of another format is refused
// with a message rather than misread.
//
// A plain struct lists its fields once (`fields_of`, below its binding) and
// def_pickle_fields does the rest; a compile-time check refuses a field list
// that misses a member, so a field added later cannot be dropped silently.
// A class with private state (snapshot, rate, criteria …) pickles the
// arguments of its constructor through def_pickle.
#pragma once

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <cstddef>
#include <optional>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include "pledgetrack/enum_names.hpp"
#include "pledgetrack/error.hpp"
#include "pledgetrack/model/project_id.hpp"
#include "pledgetrack/rates/fraction.hpp"

namespace pledgetrack::python {

/// The format of every pickled state. Raise it when a state changes shape.
inline constexpr int pickle_format = 2;  // 2: a snapshot carries its bureau order; fields listed once

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

/// Names a type for fields_of overloads: fields_of(type<transition>).
template <class T>
struct type {};

namespace detail {

// Converts to any field type: counting how many of these an aggregate takes
// counts its fields (what Boost.PFR does; Debian's Boost 1.74 predates it).
struct any_field {
  template <class U>
  operator U&() const noexcept;
  template <class U>
  operator U&&() const noexcept;
};

template <class T, std::size_t... I>
consteval bool takes_fields(std::index_sequence<I...>) {
  return requires { T{(static_cast<void>(I), any_field{})...}; };
}

// Counted from the top: a struct whose members lack default constructors
// takes all its fields or none.
template <class T, std::size_t N = 32>
consteval std::size_t field_count() {
  if constexpr (N == 0 || takes_fields<T>(std::make_index_sequence<N>{})) return N;
  else return field_count<T, N - 1>();
}

template <class V>
struct is_optional : std::false_type {};
template <class V>
struct is_optional<std::optional<V>> : std::true_type {};
template <class V>
struct is_vector : std::false_type {};
template <class V>
struct is_vector<std::vector<V>> : std::true_type {};

template <class V>
concept named_enum = std::is_enum_v<V> && requires(V v) { name_table(v); };
template <class V>
concept listed_fields = requires { fields_of(type<V>{}); };

}  // namespace detail

template <class T>
T fields_from_state(const pybind11::tuple& t, const std::string& name);

/// A field's value in a state: ids as text, fractions as (numerator,
/// denominator), enums with a name table by name, listed structs as tuples,
/// anything else as pybind11 casts it.
template <class V>
pybind11::object to_state(const V& v) {
  namespace py = pybind11;
  if constexpr (std::is_same_v<V, project_id>) {
    return py::str(v.to_string());
  } else if constexpr (std::is_same_v<V, fraction>) {
    return py::make_tuple(v.numerator(), v.denominator());
  } else if constexpr (detail::named_enum<V>) {
    return py::str(std::string(name_in(name_table(v), v)));
  } else if constexpr (detail::is_optional<V>::value) {
    return v ? to_state(*v) : py::object(py::none());
  } else if constexpr (detail::is_vector<V>::value && !std::is_same_v<V, std::vector<std::pair<std::string, std::string>>>) {
    py::list out;
    for (const auto& item : v) out.append(to_state(item));
    return out;
  } else if constexpr (detail::listed_fields<V>) {
    return std::apply([&v](auto... field) { return py::make_tuple(to_state(v.*field)...); }, fields_of(type<V>{}));
  } else {
    return py::cast(v);
  }
}

/// The field's value back from its state (the inverse of to_state).
template <class V>
V from_state(const pybind11::handle& h) {
  namespace py = pybind11;
  if constexpr (std::is_same_v<V, project_id>) {
    return project_id::read(h.cast<std::string>());
  } else if constexpr (std::is_same_v<V, fraction>) {
    const auto [n, d] = h.cast<std::pair<std::int64_t, std::int64_t>>();
    return fraction(n, d);
  } else if constexpr (detail::named_enum<V>) {
    return parse_name(name_table(V{}), h.cast<std::string>(), "name");
  } else if constexpr (detail::is_optional<V>::value) {
    if (h.is_none()) return std::nullopt;
    return from_state<typename V::value_type>(h);
  } else if constexpr (detail::is_vector<V>::value && !std::is_same_v<V, std::vector<std::pair<std::string, std::string>>>) {
    V out;
    for (const py::handle item : h) out.push_back(from_state<typename V::value_type>(item));
    return out;
  } else if constexpr (detail::listed_fields<V>) {
    return fields_from_state<V>(h.cast<py::tuple>(), py::type_id<V>());
  } else {
    return h.cast<V>();
  }
}

/// The type of the member a member pointer points to.
template <class T, class Pointer>
using member_type = std::remove_cvref_t<decltype(std::declval<T&>().*std::declval<Pointer>())>;

/// A struct from the tuple of its listed fields; `name` names it in errors.
template <class T>
T fields_from_state(const pybind11::tuple& t, const std::string& name) {
  constexpr auto fields = fields_of(type<T>{});
  constexpr std::size_t n = std::tuple_size_v<decltype(fields)>;
  if (t.size() != n)
    throw error("cannot unpickle " + name + ": a state of " + std::to_string(t.size()) + " parts, not " +
                std::to_string(n));
  using Fields = decltype(fields);
  return [&]<std::size_t... I>(std::index_sequence<I...>) {
    if constexpr (std::is_default_constructible_v<T>) {
      T out{};
      ((out.*std::get<I>(fields) = from_state<member_type<T, std::tuple_element_t<I, Fields>>>(t[I])), ...);
      return out;
    } else {
      // No default to assign into: built whole, so the list must follow the declaration order.
      return T{from_state<member_type<T, std::tuple_element_t<I, Fields>>>(t[I])...};
    }
  }(std::make_index_sequence<n>{});
}

/// def_pickle for a struct whose fields fields_of(type<T>) lists; the list
/// must name every field (checked when compiled).
template <class T, class... Options>
void def_pickle_fields(pybind11::class_<T, Options...>& cls) {
  static_assert(std::tuple_size_v<decltype(fields_of(type<T>{}))> == detail::field_count<T>(),
                "fields_of(type<T>) must list every field of T");
  const std::string name = cls.attr("__name__").template cast<std::string>();
  def_pickle(
      cls, [](const T& v) { return to_state(v).template cast<pybind11::tuple>(); },
      [name](const pybind11::tuple& t) { return fields_from_state<T>(t, name); });
}

}  // namespace pledgetrack::python
