// The report's first table (점검개요): projects per field (rows) and per
// bureau (실·국, columns), with the totals. It is the evidence the reader
// argues field names and damaged department names from.
#pragma once

#include <cstddef>
#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

namespace pledgetrack::published {

/// The field × bureau table as printed (`-` read as 0).
struct first_table {
  std::vector<std::string> fields;          ///< row names as printed: 마을·자치 …
  std::vector<std::string> bureaus;         ///< column names as read: 실·단 … (the org's names where matched)
  std::vector<std::string> bureaus_printed; ///< column names as printed: 실(2)단(3) …
  std::vector<std::int64_t> field_totals;   ///< the 총계 column
  std::vector<std::int64_t> bureau_totals;  ///< the 계 row
  std::int64_t total = 0;                   ///< the 계 × 총계 cell
  std::vector<std::vector<std::int64_t>> cells;  ///< cells[field][bureau]
  std::size_t line = 0;                     ///< the line of its header

  [[nodiscard]] bool empty() const noexcept { return fields.empty(); }

  friend bool operator==(const first_table&, const first_table&) = default;
  friend std::ostream& operator<<(std::ostream& os, const first_table& t) {
    return os << "first_table(fields=" << t.fields.size() << ", bureaus=" << t.bureaus.size() << ", total=" << t.total
              << ")";
  }
};

}  // namespace pledgetrack::published
