// An enum's names live in one table beside the enum; to_string, parsing and
// the Python bindings all read that table, so that no name is spelt twice and
// every parser gives the same message for a name it does not know.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

#include "pledgetrack/error.hpp"

namespace pledgetrack {

/// One row of a name table: a value and its name.
template <class Enum>
struct enum_name {
  Enum value;
  std::string_view name;
};

/// The name of `value` in `table` (empty when the table lacks it, which a
/// complete table rules out).
template <class Enum, std::size_t N>
[[nodiscard]] constexpr std::string_view name_in(const std::array<enum_name<Enum>, N>& table, Enum value) noexcept {
  for (const enum_name<Enum>& row : table)
    if (row.value == value) return row.name;
  return {};
}

/// The names of `table` in its order, separated by ", ": "project, pledge".
template <class Enum, std::size_t N>
[[nodiscard]] std::string names_in(const std::array<enum_name<Enum>, N>& table) {
  std::string out;
  for (const enum_name<Enum>& row : table) {
    if (!out.empty()) out += ", ";
    out += row.name;
  }
  return out;
}

/// The value named `text` in `table`, or nothing.
template <class Enum, std::size_t N>
[[nodiscard]] constexpr const Enum* find_name(const std::array<enum_name<Enum>, N>& table,
                                              std::string_view text) noexcept {
  for (const enum_name<Enum>& row : table)
    if (row.name == text) return &row.value;
  return nullptr;
}

/// The value named `text` in `table`; otherwise a parse_error
/// "unknown WHAT (known: NAMES)" quoting the text: parse_name(basis_names,
/// "pledges", "basis") throws "unknown basis (known: project, pledge): 'pledges'".
template <class Enum, std::size_t N>
[[nodiscard]] Enum parse_name(const std::array<enum_name<Enum>, N>& table, std::string_view text,
                              std::string_view what) {
  if (const Enum* found = find_name(table, text)) return *found;
  throw parse_error("unknown " + std::string(what) + " (known: " + names_in(table) + ")", std::string(text));
}

}  // namespace pledgetrack
