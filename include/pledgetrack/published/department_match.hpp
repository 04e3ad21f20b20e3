// Matching a department name damaged by OCR (`알바리창자원과`) to the org's
// names by jamo edit distance. Similarity alone decides only when one name
// is clearly nearest; the reader adds the evidence of the report's first
// table (published_report.hpp) before it accepts a match.
#pragma once

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "pledgetrack/model/organization.hpp"
#include "pledgetrack/text/unicode.hpp"

namespace pledgetrack::published {

/// An org department within reach of a printed name.
struct department_candidate {
  std::string name;
  std::size_t distance = 0;  ///< jamo edit distance to the printed name

  friend bool operator==(const department_candidate&, const department_candidate&) = default;
};

/// How far a damaged name may be from its reading: half of its jamo. OCR
/// keeps the shape of a name (its length, most of its letters); a name
/// further than that is another name.
[[nodiscard]] inline std::size_t department_reach(std::string_view printed) {
  return text::jamo_letters(printed).size() / 2;
}

/// A match must be this much nearer than the next candidate to stand on
/// similarity: one jamo apart (사고수습지원단 6, 행정지원과 7 for
/// `사노습지원과`) is a coin toss, not evidence.
inline constexpr std::size_t department_margin = 2;

/// The org's departments within `department_reach` of `printed`, nearest
/// first (ties in org order).
///
///     department_candidates("알바리창자원과", org)[0].name == "일자리창업지원과"
[[nodiscard]] inline std::vector<department_candidate> department_candidates(std::string_view printed,
                                                                             const organization& org) {
  const std::string name = text::close_up(text::trim(printed));
  const std::size_t reach = department_reach(name);
  std::vector<department_candidate> out;
  for (const std::string& d : org.departments()) {
    const std::size_t distance = text::jamo_distance(name, d);
    if (distance <= reach) out.push_back({d, distance});
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const department_candidate& a, const department_candidate& b) { return a.distance < b.distance; });
  return out;
}

/// True when the first candidate stands alone: no other is within
/// `department_margin` of it.
[[nodiscard]] inline bool clearly_nearest(const std::vector<department_candidate>& candidates) {
  if (candidates.empty()) return false;
  return candidates.size() == 1 || candidates[1].distance >= candidates[0].distance + department_margin;
}

}  // namespace pledgetrack::published
