// The one version of pledgetrack. CMake reads it from here, so do the wheel
// (through CMake) and Python's `pledgetrack.__version__`.
#pragma once

#define PLEDGETRACK_VERSION_MAJOR 0
#define PLEDGETRACK_VERSION_MINOR 1
#define PLEDGETRACK_VERSION_PATCH 0

#include <string_view>

namespace pledgetrack {

/// The library version as "major.minor.patch".
inline constexpr std::string_view version = "0.1.0";

}  // namespace pledgetrack
