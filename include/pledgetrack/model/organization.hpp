// A district's organisation: which bureau (실·국) each lead department
// (주관부서) belongs to, with sub-units rolled up to their parent and
// departments renamed by reorganisation mapped to their current name.
#pragma once

#include <algorithm>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "pledgetrack/error.hpp"
#include "pledgetrack/text/unicode.hpp"

namespace pledgetrack {

/// Department -> bureau, in the order of the org file (which is the column
/// order of the report's field × bureau table). Names printed with
/// justification spaces (`경 제 과`) are the same as their unspaced form
/// (text::close_up), on either side.
///
///     organization org;
///     org.add("건강증진과", "보건소");
///     org.add_rename("일자리경제과", "일자리창업지원과");
///     org.bureau_of("보건소 건강증진과");   // "보건소": a sub-unit rolls up
class organization {
 public:
  /// Adds a department of a bureau. The same department in two bureaus is a
  /// data_error naming both.
  void add(std::string_view department, std::string_view bureau) {
    const std::string d = text::close_up(text::trim(department));
    const std::string b = text::close_up(text::trim(bureau));
    if (d.empty() || b.empty())
      throw data_error("an org entry needs a department and a bureau, got '" + d + "' and '" + b + "'");
    if (const auto it = bureau_by_department_.find(d); it != bureau_by_department_.end()) {
      if (it->second != b)
        throw data_error("department '" + d + "' is in two bureaus: '" + it->second + "' and '" + b + "'");
      return;
    }
    bureau_by_department_.emplace(d, b);
    departments_.push_back(d);
    if (std::find(bureaus_.begin(), bureaus_.end(), b) == bureaus_.end()) bureaus_.push_back(b);
  }

  /// Maps a department's former name to its current one.
  void add_rename(std::string_view former_name, std::string_view current_name) {
    const std::string from = text::close_up(text::trim(former_name));
    const std::string to = text::close_up(text::trim(current_name));
    if (from.empty() || to.empty() || from == to)
      throw data_error("a rename needs two different names, got '" + from + "' and '" + to + "'");
    if (const auto [it, inserted] = renames_.try_emplace(from, to); !inserted) {
      it->second = to;
      for (auto& r : rename_order_)
        if (r.first == from) r.second = to;
    } else {
      rename_order_.emplace_back(from, to);
    }
  }

  /// Every rename (former name, current name), in the order added.
  [[nodiscard]] const std::vector<std::pair<std::string, std::string>>& renames() const noexcept {
    return rename_order_;
  }

  /// The department's current name: renames followed (a chain too).
  [[nodiscard]] std::string current_name(std::string_view department) const {
    std::string name = text::close_up(text::trim(department));
    for (std::size_t hops = 0; hops <= renames_.size(); ++hops) {
      const auto it = renames_.find(name);
      if (it == renames_.end()) return name;
      name = it->second;
    }
    throw data_error("the renames of department '" + std::string(department) + "' form a cycle");
  }

  /// The bureau of a department: by its current name; failing that, a
  /// sub-unit written after its parent (`보건소 건강증진과`) rolls up to the
  /// parent's bureau, or to the parent itself when the parent is a bureau.
  [[nodiscard]] std::optional<std::string> bureau_of(std::string_view department) const {
    const std::string name = current_name(department);
    if (const auto it = bureau_by_department_.find(name); it != bureau_by_department_.end()) return it->second;
    const auto space = name.find(' ');
    if (space == std::string::npos) return std::nullopt;
    const std::string parent = name.substr(0, space);
    if (const auto it = bureau_by_department_.find(parent); it != bureau_by_department_.end()) return it->second;
    if (std::find(bureaus_.begin(), bureaus_.end(), parent) != bureaus_.end()) return parent;
    return std::nullopt;
  }

  [[nodiscard]] const std::vector<std::string>& departments() const noexcept { return departments_; }
  /// Bureaus in order of first appearance.
  [[nodiscard]] const std::vector<std::string>& bureaus() const noexcept { return bureaus_; }
  [[nodiscard]] bool empty() const noexcept { return departments_.empty(); }

  friend bool operator==(const organization& a, const organization& b) {
    return a.departments_ == b.departments_ && a.bureau_by_department_ == b.bureau_by_department_ &&
           a.renames_ == b.renames_;
  }

  friend std::ostream& operator<<(std::ostream& os, const organization& o) {
    return os << "organization(departments=" << o.departments_.size() << ", bureaus=" << o.bureaus_.size()
              << ", renames=" << o.renames_.size() << ")";
  }

 private:
  std::vector<std::string> departments_;
  std::vector<std::string> bureaus_;
  std::unordered_map<std::string, std::string> bureau_by_department_;
  std::unordered_map<std::string, std::string> renames_;
  std::vector<std::pair<std::string, std::string>> rename_order_;
};

}  // namespace pledgetrack
