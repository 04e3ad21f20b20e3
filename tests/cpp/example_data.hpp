// The bundled Seo-gu example (examples/data/gwangju-seogu), read once per test
// binary, for the tests that pin figures on it. 2023-12-31 is a
// reconstruction: see SOURCE.md beside the data.
#pragma once

#include <doctest/doctest.h>

#include <string>
#include <utility>

#include "pledgetrack/io/csv.hpp"
#include "pledgetrack/model/organization.hpp"
#include "pledgetrack/model/snapshot.hpp"

namespace example {

inline const std::string dir = std::string(PLEDGETRACK_SOURCE_DIR) + "/examples/data/gwangju-seogu/";

/// The one snapshot of an example file.
inline pledgetrack::snapshot read_one(const std::string& file) {
  auto all = pledgetrack::io::read_csv(dir + file);
  REQUIRE(all.size() == 1);
  return std::move(all.front());
}

inline const pledgetrack::snapshot& q4_2023() {
  static const pledgetrack::snapshot s = read_one("2023-12-31.csv");
  return s;
}
inline const pledgetrack::snapshot& q1_2024() {
  static const pledgetrack::snapshot s = read_one("2024-03-31.csv");
  return s;
}
inline const pledgetrack::organization& org() {
  static const pledgetrack::organization o = pledgetrack::io::read_org_csv(dir + "org.csv");
  return o;
}

}  // namespace example
