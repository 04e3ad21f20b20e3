// A unit project (단위사업): the counting unit of every pledge report.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "pledgetrack/enum_names.hpp"
#include "pledgetrack/model/project_id.hpp"
#include "pledgetrack/model/status.hpp"
#include "pledgetrack/rates/fraction.hpp"

namespace pledgetrack {

/// When a project is due, where the source says (완료시기).
enum class due : std::uint8_t {
  unknown,     ///< not given
  in_term,     ///< due within the term (임기내)
  after_term,  ///< due after the term ends (임기후)
};

inline constexpr std::array<enum_name<due>, 3> due_names = {
    {{due::unknown, "unknown"}, {due::in_term, "in_term"}, {due::after_term, "after_term"}}};
/// The table by type, for generic code (the bindings' pickling): name_table(due{}).
[[nodiscard]] constexpr const auto& name_table(due) noexcept { return due_names; }

[[nodiscard]] constexpr std::string_view to_string(due d) noexcept { return name_in(due_names, d); }
inline std::ostream& operator<<(std::ostream& os, due d) { return os << "due::" << to_string(d); }

/// Whether a project counts toward the rates. A project formally removed or
/// merged through the adjustment procedure (공약조정) leaves the denominator:
/// that is scope, not status (보류 and 폐기 projects stay in).
enum class scope : std::uint8_t { in, removed };

inline constexpr std::array<enum_name<scope>, 2> scope_names = {{{scope::in, "in"}, {scope::removed, "removed"}}};
/// The table by type, for generic code (the bindings' pickling): name_table(scope{}).
[[nodiscard]] constexpr const auto& name_table(scope) noexcept { return scope_names; }

[[nodiscard]] constexpr std::string_view to_string(scope s) noexcept { return name_in(scope_names, s); }
inline std::ostream& operator<<(std::ostream& os, scope s) { return os << "scope::" << to_string(s); }

/// One unit project in one snapshot.
struct project {
  project_id id;
  std::string field;       ///< 분야
  std::string pledge;      ///< 공약명: the pledge's name (may be empty)
  std::string title;       ///< 단위사업명
  std::string department;  ///< 주관부서
  std::string bureau;      ///< 실·국
  pledgetrack::status status = status::on_track;
  std::string raw_status;             ///< the label as the source wrote it
  std::optional<fraction> progress;   ///< 추진율, percent in [0, 100]
  pledgetrack::due due = due::unknown;
  std::string note;                   ///< 비고
  std::string adjustment;             ///< 공약조정 reason; non-empty marks an adjustment candidate
  pledgetrack::scope scope = scope::in;
  /// Columns the library does not know, kept in file order and written back.
  std::vector<std::pair<std::string, std::string>> extra;

  [[nodiscard]] bool in_scope() const noexcept { return scope == scope::in; }
  [[nodiscard]] bool is_adjustment_candidate() const noexcept { return !adjustment.empty(); }

  friend bool operator==(const project&, const project&) = default;

  friend std::ostream& operator<<(std::ostream& os, const project& p) {
    os << "project(id=\"" << p.id.to_string() << "\", title=\"" << p.title << "\", department=\""
       << p.department << "\", status=" << p.status;
    if (!p.raw_status.empty()) os << ", raw_status=\"" << p.raw_status << "\"";
    if (p.progress) os << ", progress=" << *p.progress;
    if (p.scope != scope::in) os << ", scope=" << p.scope;
    return os << ")";
  }
};

}  // namespace pledgetrack
