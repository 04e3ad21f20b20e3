// A cross-tabulation of project counts along two dimensions, with row and
// column totals: the seed report's field × bureau table.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <unordered_map>
#include <vector>

#include "pledgetrack/rates/grouping.hpp"

namespace pledgetrack {

/// Counts of projects in scope by (row group, column group).
class crosstab {
 public:
  crosstab(dimension rows, dimension columns, std::vector<std::string> row_labels,
           std::vector<std::string> column_labels)
      : rows_(rows), columns_(columns), row_labels_(std::move(row_labels)),
        column_labels_(std::move(column_labels)), cells_(row_labels_.size() * column_labels_.size(), 0) {}

  [[nodiscard]] dimension rows() const noexcept { return rows_; }
  [[nodiscard]] dimension columns() const noexcept { return columns_; }
  [[nodiscard]] const std::vector<std::string>& row_labels() const noexcept { return row_labels_; }
  [[nodiscard]] const std::vector<std::string>& column_labels() const noexcept { return column_labels_; }

  [[nodiscard]] std::int64_t at(std::size_t row, std::size_t column) const {
    check(row, column);
    return cells_[row * column_labels_.size() + column];
  }
  void add(std::size_t row, std::size_t column, std::int64_t n = 1) {
    check(row, column);
    cells_[row * column_labels_.size() + column] += n;
  }

  [[nodiscard]] std::int64_t row_total(std::size_t row) const {
    std::int64_t n = 0;
    for (std::size_t c = 0; c < column_labels_.size(); ++c) n += at(row, c);
    return n;
  }
  [[nodiscard]] std::int64_t column_total(std::size_t column) const {
    std::int64_t n = 0;
    for (std::size_t r = 0; r < row_labels_.size(); ++r) n += at(r, column);
    return n;
  }
  [[nodiscard]] std::int64_t total() const noexcept {
    std::int64_t n = 0;
    for (const std::int64_t c : cells_) n += c;
    return n;
  }

  friend bool operator==(const crosstab&, const crosstab&) = default;

  friend std::ostream& operator<<(std::ostream& os, const crosstab& t) {
    return os << "crosstab(rows=" << t.rows_ << ", columns=" << t.columns_ << ", shape=("
              << t.row_labels_.size() << ", " << t.column_labels_.size() << "), total=" << t.total() << ")";
  }

 private:
  void check(std::size_t row, std::size_t column) const {
    if (row >= row_labels_.size() || column >= column_labels_.size())
      throw error("crosstab cell (" + std::to_string(row) + ", " + std::to_string(column) +
                  ") outside a table of " + std::to_string(row_labels_.size()) + " × " +
                  std::to_string(column_labels_.size()));
  }

  dimension rows_;
  dimension columns_;
  std::vector<std::string> row_labels_;
  std::vector<std::string> column_labels_;
  std::vector<std::int64_t> cells_;
};

/// Cross-tabulates the projects in scope of `projects` (a range of `project`
/// or `const project*`). Labels come in the order given by `row_order` and
/// `column_order` (kept even when a group has no project, such as a bureau of
/// the org file with none), then in order of first appearance.
///
///     make_crosstab(seed, dimension::field, dimension::bureau, {}, org.bureaus())
template <class Range>
[[nodiscard]] crosstab make_crosstab(const Range& projects, dimension rows, dimension columns,
                                     const std::vector<std::string>& row_order = {},
                                     const std::vector<std::string>& column_order = {}) {
  auto labels_for = [&](dimension d, const std::vector<std::string>& order) {
    std::vector<std::string> labels = order;
    std::unordered_map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < labels.size(); ++i) index.emplace(labels[i], i);
    for (const auto& g : group_projects(projects, d))
      if (index.emplace(g.key, labels.size()).second) labels.push_back(g.key);
    return std::pair{labels, index};
  };
  auto [row_labels, row_index] = labels_for(rows, row_order);
  auto [column_labels, column_index] = labels_for(columns, column_order);
  crosstab table(rows, columns, std::move(row_labels), std::move(column_labels));
  for (const auto& item : projects) {
    const project& p = detail::as_project(item);
    if (!p.in_scope()) continue;
    table.add(row_index.at(group_key(p, rows)), column_index.at(group_key(p, columns)));
  }
  return table;
}

}  // namespace pledgetrack
