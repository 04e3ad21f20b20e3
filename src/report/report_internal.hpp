// What the renderers share: a copy of a report with every text that came
// from data passed through an escaper, so that the wording functions
// (wording.hpp) can compose lines from it without knowing the output format.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "pledgetrack/report/quarterly_report.hpp"

namespace pledgetrack::report::detail {

/// The lines of `s`, split at \r\n, \n or \r; empty lines dropped.
inline std::vector<std::string> split_lines(std::string_view s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == '\n' || s[i] == '\r') {
      const std::string_view line = text::trim(s.substr(start, i - start));
      if (!line.empty()) out.emplace_back(line);
      start = i + 1;
    }
  }
  return out;
}

/// `r` with `escape` applied to every text from data (and to the criteria's
/// names, which come from the caller). Multi-line texts (reasons) are escaped
/// line by line and keep their line breaks.
template <class Escape>
[[nodiscard]] quarterly_report escaped_copy(const quarterly_report& r, Escape&& escape) {
  auto lines = [&](const std::string& s) {
    std::string out;
    for (const std::string& line : split_lines(s)) {
      if (!out.empty()) out += '\n';
      out += escape(line);
    }
    return out;
  };
  quarterly_report e = r;
  e.overview.district = escape(r.overview.district);
  const crosstab& t = r.overview.field_by_bureau;
  std::vector<std::string> rows;
  std::vector<std::string> columns;
  for (const std::string& label : t.row_labels()) rows.push_back(escape(label));
  for (const std::string& label : t.column_labels()) columns.push_back(escape(label));
  crosstab escaped_table(t.rows(), t.columns(), std::move(rows), std::move(columns));
  for (std::size_t i = 0; i < t.row_labels().size(); ++i)
    for (std::size_t j = 0; j < t.column_labels().size(); ++j) escaped_table.add(i, j, t.at(i, j));
  e.overview.field_by_bureau = std::move(escaped_table);
  e.criteria.name = escape(r.criteria.name);
  e.criteria.name_ko = escape(r.criteria.name_ko);
  if (e.changes) {
    for (status_change_group& g : e.changes->by_new_status)
      for (transition& tr : g.projects) tr.title = escape(tr.title);
    for (transition& tr : e.changes->added) tr.title = escape(tr.title);
    for (transition& tr : e.changes->removed) tr.title = escape(tr.title);
  }
  for (adjustment_candidate& a : e.adjustment_candidates) {
    a.field = escape(a.field);
    a.pledge = escape(a.pledge);
    a.title = escape(a.title);
    a.department = escape(a.department);
    a.reason = lines(a.reason);
  }
  for (field_detail& f : e.detail) {
    f.field = escape(f.field);
    for (detail_row& row : f.rows) {
      row.pledge = escape(row.pledge);
      row.title = escape(row.title);
      row.department = escape(row.department);
      row.bureau = escape(row.bureau);
      row.raw_status = escape(row.raw_status);
    }
  }
  return e;
}

/// "49건" / "49".
inline std::string count_text(std::int64_t n, bool korean) {
  return korean ? std::to_string(n) + "건" : std::to_string(n);
}

/// A cell of the field × bureau table: zeros print as "-", as in the seed.
inline std::string cell_count(std::int64_t n) { return n == 0 ? std::string("-") : std::to_string(n); }

}  // namespace pledgetrack::report::detail
