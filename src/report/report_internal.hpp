// What the renderers share: a copy of a report with every text that came
// from data passed through an escaper, so that the wording functions
// (wording.hpp) can compose lines from it without knowing the output format.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "pledgetrack/report/quarterly_report.hpp"
#include "pledgetrack/report/wording.hpp"

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

/// "기준일자 : 2024. 3. 31." / "As of: 2024-03-31".
inline std::string labelled(phrase label, std::string_view value, language lang) {
  std::string out(phrase_text(label, lang));
  out += label_separator(lang);
  out += value;
  return out;
}

/// "완료 : 공약이행이 완료되어 종료된 사업": a status and what it means.
inline std::string status_definition_line(status s, language lang) {
  return status_text(s, lang) + std::string(label_separator(lang)) + status_definition(s, lang);
}

/// A cell of the field × bureau table: zeros print as "-", as in the seed.
inline std::string cell_count(std::int64_t n) { return n == 0 ? std::string("-") : std::to_string(n); }

/// A table as header and rows of text, before a renderer lays it out.
struct crosstab_cells {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> body;
};

/// The field × bureau table: a total row first, then one row per field;
/// zeros shown as "-", like the seed. Every column after the first holds
/// numbers.
inline crosstab_cells field_by_bureau_cells(const crosstab& t, language lang) {
  crosstab_cells out;
  out.header = {std::string(phrase_text(phrase::field, lang)), std::string(phrase_text(phrase::total, lang))};
  for (const std::string& b : t.column_labels()) out.header.push_back(group_text(b, lang));
  std::vector<std::string> totals = {std::string(phrase_text(phrase::sum, lang)), count_text(t.total(), lang)};
  for (std::size_t c = 0; c < t.column_labels().size(); ++c) totals.push_back(cell_count(t.column_total(c)));
  out.body.push_back(std::move(totals));
  for (std::size_t row = 0; row < t.row_labels().size(); ++row) {
    std::vector<std::string> cells = {group_text(t.row_labels()[row], lang), cell_count(t.row_total(row))};
    for (std::size_t c = 0; c < t.column_labels().size(); ++c) cells.push_back(cell_count(t.at(row, c)));
    out.body.push_back(std::move(cells));
  }
  return out;
}

/// The status table (the seed's 구분 | 계 | 완료 + 이행후계속추진 | …) as header
/// and two rows, counts and shares. Every column after the first holds
/// numbers.
inline crosstab_cells status_table_cells(const status_table& t, language lang) {
  crosstab_cells out;
  out.header = {std::string(phrase_text(phrase::status_heading, lang)), std::string(phrase_text(phrase::sum, lang))};
  std::vector<std::string> counts = {std::string(phrase_text(phrase::count_row, lang)), count_text(t.total, lang)};
  std::vector<std::string> shares = {std::string(phrase_text(phrase::share_row, lang)), t.total > 0 ? "100%" : "-"};
  for (const status_column& c : t.columns) {
    out.header.push_back(status_group_text(c.statuses, lang));
    counts.push_back(count_text(c.count, lang));
    shares.push_back(t.total > 0 ? c.shown_text + "%" : "-");
  }
  out.body = {std::move(counts), std::move(shares)};
  return out;
}

/// "5개 사업, 공약이행완료율 80.0%": the heading of one field's detail table.
inline std::string field_summary(const field_detail& f, const criteria& c, language lang) {
  std::string out = projects_text(static_cast<std::int64_t>(f.rows.size()), lang) + ", ";
  out += (lang == language::ko ? c.name_ko : c.name) + " " + rate_text(f.rate, lang);
  return out;
}

/// The header of a field's detail table.
inline std::vector<std::string> detail_header(language lang) {
  std::vector<std::string> out;
  for (const phrase p : {phrase::id, phrase::pledge, phrase::title, phrase::department, phrase::status})
    out.emplace_back(phrase_text(p, lang));
  return out;
}

/// The rows of a field's detail table. The pledge's name stands once per
/// pledge, like the source's merged cells.
inline std::vector<std::vector<std::string>> detail_rows(const field_detail& f, language lang) {
  std::vector<std::vector<std::string>> body;
  std::string last_pledge_id;
  for (const detail_row& row : f.rows) {
    const std::string pledge_id = row.id.pledge().to_string();
    body.push_back({row.id.to_string(), pledge_id == last_pledge_id ? std::string() : row.pledge, row.title,
                    row.department, status_text(row.status, lang)});
    last_pledge_id = pledge_id;
  }
  return body;
}

}  // namespace pledgetrack::report::detail
