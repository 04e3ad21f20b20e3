// The parse_error a call throws, for tests that check its parts (file, line,
// column, column name) one by one rather than its whole message.
#pragma once

#include <optional>

#include "pledgetrack/error.hpp"

/// The parse_error `f()` throws, or nullopt when it throws none (any other
/// exception goes through, and fails the test).
template <class F>
std::optional<pledgetrack::parse_error> parse_error_of(F&& f) {
  try {
    f();
  } catch (const pledgetrack::parse_error& e) {
    return e;
  }
  return std::nullopt;
}
