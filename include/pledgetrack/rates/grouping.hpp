// Figures per group: per field (분야), pledge (공약), department (주관부서),
// bureau (실·국) or status. Groups keep the order in which they first appear
// in the data, which is the order of the source's own tables.
#pragma once

#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "pledgetrack/error.hpp"
#include "pledgetrack/model/project.hpp"
#include "pledgetrack/rates/completion.hpp"
#include "pledgetrack/rates/counts.hpp"

namespace pledgetrack {

/// A property projects are grouped by.
enum class dimension : std::uint8_t { field, pledge, department, bureau, status };

[[nodiscard]] constexpr std::string_view to_string(dimension d) noexcept {
  switch (d) {
    case dimension::field: return "field";
    case dimension::pledge: return "pledge";
    case dimension::department: return "department";
    case dimension::bureau: return "bureau";
    case dimension::status: return "status";
  }
  return "field";
}

/// Korean name of a dimension, for table headers: 분야, 공약, 주관부서, 실·국, 추진상황.
[[nodiscard]] constexpr std::string_view label_ko(dimension d) noexcept {
  switch (d) {
    case dimension::field: return "분야";
    case dimension::pledge: return "공약";
    case dimension::department: return "주관부서";
    case dimension::bureau: return "실·국";
    case dimension::status: return "추진상황";
  }
  return "분야";
}

inline std::ostream& operator<<(std::ostream& os, dimension d) { return os << "dimension::" << to_string(d); }

/// Parses "field", "pledge", "department", "bureau", "status"; a parse_error
/// naming the text otherwise.
[[nodiscard]] inline dimension parse_dimension(std::string_view text) {
  for (const dimension d : {dimension::field, dimension::pledge, dimension::department, dimension::bureau,
                            dimension::status})
    if (to_string(d) == text) return d;
  throw parse_error("unknown dimension (known: field, pledge, department, bureau, status)", std::string(text));
}

/// The group of `p` along `d`. Pledges are keyed by their id (`2-3`), since
/// names are often missing or damaged in published tables; statuses by their
/// KMC label (완료, …).
[[nodiscard]] inline std::string group_key(const project& p, dimension d) {
  switch (d) {
    case dimension::field: return p.field;
    case dimension::pledge: return p.id.pledge().to_string();
    case dimension::department: return p.department;
    case dimension::bureau: return p.bureau;
    case dimension::status: return std::string(label_ko(p.status));
  }
  return {};
}

/// The group of `p` along `d` as a view: of `p`'s own text where it holds
/// the key (field, department, bureau), else of `buffer`, written with it.
/// What group_key gives, without a string per project.
[[nodiscard]] inline std::string_view group_key_view(const project& p, dimension d, std::string& buffer) {
  switch (d) {
    case dimension::field: return p.field;
    case dimension::department: return p.department;
    case dimension::bureau: return p.bureau;
    case dimension::pledge:
    case dimension::status: break;
  }
  buffer = group_key(p, d);
  return buffer;
}

namespace detail {
/// Hashes std::string and std::string_view alike: a map keyed by strings is
/// then searched with a view, without making a string of it.
struct text_hash {
  using is_transparent = void;
  [[nodiscard]] std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};
}  // namespace detail

/// The projects of one group.
struct project_group {
  std::string key;
  std::vector<const project*> projects;
};

/// Splits `projects` (a range of `project` or `const project*`) into groups
/// along `d`, in order of first appearance (statuses in the KMC order). The
/// pointers point into `projects`, which must outlive the result.
template <class Range>
[[nodiscard]] std::vector<project_group> group_projects(const Range& projects, dimension d) {
  std::vector<project_group> groups;
  // A snapshot has a handful of fields, bureaus or statuses: a look through
  // them costs less than hashing every project's key. The keys go into a
  // table only once there are many groups (departments, pledges).
  constexpr std::size_t few = 16;
  std::unordered_map<std::string, std::size_t, detail::text_hash, std::equal_to<>> index;
  const auto find = [&](std::string_view key) {
    if (groups.size() <= few) {
      for (std::size_t g = groups.size(); g-- > 0;)  // the latest first: a group's rows tend to come together
        if (groups[g].key == key) return g;
      return groups.size();
    }
    const auto it = index.find(key);
    return it == index.end() ? groups.size() : it->second;
  };
  std::string buffer;
  for (const auto& item : projects) {
    const project& p = detail::as_project(item);
    const std::string_view key = group_key_view(p, d, buffer);
    const std::size_t g = find(key);
    if (g == groups.size()) {
      groups.push_back({std::string(key), {}});
      if (groups.size() == few + 1)
        for (std::size_t k = 0; k < groups.size(); ++k) index.emplace(groups[k].key, k);
      else if (groups.size() > few + 1)
        index.emplace(groups.back().key, g);
    }
    groups[g].projects.push_back(&p);
  }
  if (d == dimension::status) {
    std::vector<project_group> ordered;
    for (const status s : all_statuses)
      for (project_group& g : groups)
        if (g.key == label_ko(s)) ordered.push_back(std::move(g));
    groups = std::move(ordered);
  }
  return groups;
}

/// The rate of each group along `d`, in the order of `group_projects`. A
/// group with nothing counted has a rate with no value.
template <class Range>
[[nodiscard]] std::vector<std::pair<std::string, rate>> rates_by(const Range& projects, dimension d,
                                                                 const criteria& c) {
  std::vector<std::pair<std::string, rate>> out;
  for (auto& g : group_projects(projects, d)) out.emplace_back(std::move(g.key), completion_rate(g.projects, c));
  return out;
}

/// Status counts of each group along `d` (projects in scope only).
template <class Range>
[[nodiscard]] std::vector<std::pair<std::string, status_counts>> counts_by(const Range& projects, dimension d) {
  std::vector<std::pair<std::string, status_counts>> out;
  for (auto& g : group_projects(projects, d)) out.emplace_back(std::move(g.key), count_statuses(g.projects));
  return out;
}

}  // namespace pledgetrack
