// Shared pieces of the libFuzzer targets (see README.md).
//
// A target may see the library throw pledgetrack::error: that is the library
// refusing bad input, and the target catches it. Anything else is a finding:
// a crash, a sanitizer report, a hang (libFuzzer's -timeout), another
// exception (it escapes the target and libFuzzer reports a deadly signal), or
// a broken invariant, reported through `must` (which aborts).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace pledgetrack_fuzz {

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) noexcept {
  return {reinterpret_cast<const char*>(data), size};
}

/// Aborts (a libFuzzer crash, input saved) when an invariant does not hold.
inline void must(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
    std::abort();
  }
}

}  // namespace pledgetrack_fuzz
