// An interpretation the reader of a published report made: what was
// printed, what was read, and the evidence from the same document. The
// reader corrects nothing silently; a correction it cannot argue is a
// problem instead (published_report::problems).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "pledgetrack/enum_names.hpp"

namespace pledgetrack::published {

/// What a correction is about.
enum class correction_kind : std::uint8_t {
  spacing,     ///< justification spaces closed up: `경 제 과` → 경제과
  department,  ///< a damaged department name matched to the org's: `알바리창자원과` → 일자리창업지원과
  field,       ///< the table's field name read as the first table's: `공공영 경제도시` → 골목·경제
  bureau,      ///< the first table's column read as the org's bureau: `실(2)단(3)` → 실·단
  id,          ///< a printed id read: `4-5.` → 4-5
  joined,      ///< a cell split across a page break joined: `선제적인` … → 선제적인 스마트 안전관리체계 구축
  attached,    ///< a row that lost its leading cells attached to the pledge above
};

inline constexpr std::array<enum_name<correction_kind>, 7> correction_kind_names = {{
    {correction_kind::spacing, "spacing"},
    {correction_kind::department, "department"},
    {correction_kind::field, "field"},
    {correction_kind::bureau, "bureau"},
    {correction_kind::id, "id"},
    {correction_kind::joined, "joined"},
    {correction_kind::attached, "attached"},
}};

[[nodiscard]] constexpr std::string_view to_string(correction_kind k) noexcept {
  return name_in(correction_kind_names, k);
}
inline std::ostream& operator<<(std::ostream& os, correction_kind k) {
  return os << "correction_kind::" << to_string(k);
}

/// One interpretation, with every place it was made.
struct correction {
  correction_kind kind = correction_kind::spacing;
  std::string printed;           ///< as printed: "알바리창자원과"
  std::string read;              ///< as read: "일자리창업지원과"
  std::string evidence;          ///< why, from the same document
  std::vector<std::string> ids;  ///< the projects it applies to ("2-2-2", …), in table order
  std::vector<std::size_t> lines;  ///< the text lines it was made on
  std::size_t page = 0;            ///< the page of the first line (0: not known)

  friend bool operator==(const correction&, const correction&) = default;
  friend std::ostream& operator<<(std::ostream& os, const correction& c) {
    return os << "correction(" << to_string(c.kind) << ", \"" << c.printed << "\" -> \"" << c.read << "\")";
  }
};

/// Something in the report that could not be read, or does not hold.
struct problem {
  std::size_t page = 0;  ///< 0: not known
  std::size_t line = 0;  ///< 0: the whole report
  std::string text;      ///< the offending text, as printed
  std::string message;   ///< what is wrong, with the place: "report.txt:114: …"

  friend bool operator==(const problem&, const problem&) = default;
  friend std::ostream& operator<<(std::ostream& os, const problem& p) { return os << "problem(\"" << p.message << "\")"; }
};

}  // namespace pledgetrack::published
