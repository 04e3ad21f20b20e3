// A figure a published report states, as the auditor types it in: what kind
// of figure it is (a rate, a share, a count, a total, a change), the text as
// printed, and, where it applies, the status column and the group it belongs
// to. docs/audit.md describes the stated file with the seed's figures.
#pragma once

#include <array>
#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "pledgetrack/audit/printed_value.hpp"
#include "pledgetrack/error.hpp"
#include "pledgetrack/model/status.hpp"
#include "pledgetrack/model/status_labels.hpp"
#include "pledgetrack/rates/grouping.hpp"
#include "pledgetrack/text/unicode.hpp"

namespace pledgetrack::audit {

/// What a stated figure claims.
enum class figure_kind : std::uint8_t {
  rate,    ///< a rate under the report's criteria (공약이행완료율 67.3%); `status` replaces its numerator
  share,   ///< the share of a status column in all projects (비율 30.7%)
  count,   ///< the projects of a status column, or all of them (건수 33건)
  total,   ///< a column that sums others: 계, or 완료+이행후계속추진 when its parts are printed too
  change,  ///< the rate now minus the rate of the previous period (2.0%p)
};

inline constexpr std::array<figure_kind, 5> all_figure_kinds = {figure_kind::rate, figure_kind::share,
                                                                figure_kind::count, figure_kind::total,
                                                                figure_kind::change};

/// "rate", "share", "count", "total", "change".
[[nodiscard]] constexpr std::string_view to_string(figure_kind k) noexcept {
  constexpr std::array<std::string_view, 5> names = {"rate", "share", "count", "total", "change"};
  return names[static_cast<std::size_t>(k)];
}

inline std::ostream& operator<<(std::ostream& os, figure_kind k) { return os << "figure_kind::" << to_string(k); }

/// Parses a figure kind by name; a parse_error naming the text otherwise.
[[nodiscard]] inline figure_kind parse_figure_kind(std::string_view text) {
  const std::string_view t = text::trim(text);
  for (const figure_kind k : all_figure_kinds)
    if (to_string(k) == t) return k;
  throw parse_error("unknown figure (known: rate, share, count, total, change)", std::string(text));
}

/// One figure of a published report.
struct stated_figure {
  figure_kind figure = figure_kind::rate;
  printed_value value;
  /// The status column: one status, or several for a combined column
  /// (완료+이행후계속추진). Empty when none is given.
  std::vector<status> statuses;
  std::string status_text;  ///< as given: "완료+이행후계속추진"
  /// The group the figure belongs to: one dimension (a field), or two for a
  /// cell of a cross-table (field × bureau). Empty for the whole.
  std::vector<dimension> dimensions;
  std::vector<std::string> groups;
  /// True for a figure of the previous period (the seed's "2023.4분기 65.3%"),
  /// computed from the previous data.
  bool of_previous = false;
  std::string label;          ///< a free note: where the report prints it ("2. 점검결과, 비율")
  source_location where;      ///< where it was read (file, line), when read from a file

  /// True when the figure is a percent (rates, shares, percent totals, changes).
  [[nodiscard]] bool is_percent() const noexcept {
    return figure == figure_kind::rate || figure == figure_kind::share || figure == figure_kind::change ||
           (figure == figure_kind::total && value.unit != printed_unit::none);
  }
  /// The statuses as a set (empty when none is given).
  [[nodiscard]] status_set status_set_of() const noexcept {
    status_set set;
    for (const status s : statuses) set.insert(s);
    return set;
  }

  friend bool operator==(const stated_figure&, const stated_figure&) = default;
  friend std::ostream& operator<<(std::ostream& os, const stated_figure& f) {
    os << "stated_figure(" << to_string(f.figure) << ", \"" << f.value.text << "\"";
    if (!f.status_text.empty()) os << ", status=\"" << f.status_text << "\"";
    for (std::size_t i = 0; i < f.dimensions.size(); ++i)
      os << ", " << to_string(f.dimensions[i]) << "=\"" << f.groups[i] << "\"";
    if (f.of_previous) os << ", period=previous";
    return os << ")";
  }
};

namespace detail {

/// Splits `s` at `separator`, trimming each part; empty parts are kept (the
/// caller refuses them).
inline std::vector<std::string> split_trimmed(std::string_view s, std::string_view separator) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    const std::size_t at = s.find(separator, start);
    out.emplace_back(text::trim(s.substr(start, at == std::string_view::npos ? std::string_view::npos : at - start)));
    if (at == std::string_view::npos) return out;
    start = at + separator.size();
  }
}

}  // namespace detail

/// Reads the period of a stated figure: "" or current (현재, 이번) for the
/// data's own period, previous (직전, 이전) for the previous one. A
/// parse_error naming the text otherwise.
[[nodiscard]] inline bool parse_of_previous(std::string_view text) {
  const std::string t = status_labels::normalise(text);
  for (const std::string_view now : {"", "current", "현재", "이번", "당기"})
    if (t == now) return false;
  for (const std::string_view before : {"previous", "직전", "이전", "전기", "직전분기"})
    if (t == before) return true;
  throw parse_error("unknown period (known: current, previous)", std::string(text));
}

/// A stated figure from its fields as text, checked: `status` is a label, or
/// labels joined by `+`; `dimension` is field, department, bureau or pledge,
/// or two joined by `×` (with `group` then two names joined by `×`);
/// `period` is "" (current) or previous. Every problem is a parse_error at
/// `where` naming the text.
///
///     make_stated_figure("share", "30.7%", "정상추진", "", "", "", "", {})
[[nodiscard]] inline stated_figure make_stated_figure(std::string_view figure, std::string_view value,
                                                      std::string_view status_text, std::string_view dimension_text,
                                                      std::string_view group_text, std::string_view period,
                                                      std::string_view label, const source_location& where,
                                                      const status_labels& labels = status_labels::kmc()) {
  auto fail = [&](source_location at, const std::string& problem, std::string_view text) -> parse_error {
    return parse_error(std::move(at), problem, std::string(text));
  };
  auto at_column = [&](std::string name) {
    source_location at = where;
    at.column_name = std::move(name);
    return at;
  };
  stated_figure f;
  f.where = where;
  f.label = std::string(text::trim(label));
  try {
    f.figure = parse_figure_kind(figure);
  } catch (const parse_error& e) {
    throw e.at(at_column("figure"));
  }
  try {
    f.value = parse_printed(value);
  } catch (const parse_error& e) {
    throw e.at(at_column("value"));
  }
  const printed_value& v = f.value;
  if (v.sign != 0 && f.figure != figure_kind::change)
    throw fail(at_column("value"), "only a change has a sign or an arrow", v.text);
  if (f.figure == figure_kind::count && v.unit != printed_unit::none)
    throw fail(at_column("value"), "a count is a number of projects, not a percent", v.text);
  if ((f.figure == figure_kind::count || f.figure == figure_kind::total) && v.unit == printed_unit::none &&
      v.decimals != 0)
    throw fail(at_column("value"), "a count is a whole number", v.text);
  if ((f.figure == figure_kind::rate || f.figure == figure_kind::share) && v.unit == printed_unit::points)
    throw fail(at_column("value"), "a rate or a share is in %, not in %p", v.text);
  if (f.figure == figure_kind::total && v.unit == printed_unit::points)
    throw fail(at_column("value"), "a total is a count or a percent, not in %p", v.text);

  f.status_text = std::string(text::trim(status_text));
  if (!f.status_text.empty()) {
    for (const std::string& part : detail::split_trimmed(f.status_text, "+")) {
      if (part.empty()) throw fail(at_column("status"), "an empty status label", f.status_text);
      const auto s = labels.find(part);
      if (!s) throw fail(at_column("status"), "unknown status label (known: 완료, 이행후계속추진, 정상추진, 일부추진, 보류, 폐기, 기타, and their aliases)", part);
      for (const status seen : f.statuses)
        if (seen == *s) throw fail(at_column("status"), "a status named twice", f.status_text);
      f.statuses.push_back(*s);
    }
  }
  if (f.figure == figure_kind::share && f.statuses.empty())
    throw fail(at_column("status"), "a share needs the status column it is the share of", std::string(value));

  const std::string_view dims = text::trim(dimension_text);
  const std::string_view grps = text::trim(group_text);
  if (dims.empty() != grps.empty())
    throw fail(at_column(dims.empty() ? "dimension" : "group"),
               dims.empty() ? "a group needs its dimension (field, department, bureau, pledge)"
                            : "a dimension needs the group (the name of a field, a department …)",
               dims.empty() ? grps : dims);
  if (!dims.empty()) {
    const auto dim_parts = detail::split_trimmed(dims, "×");
    f.groups = detail::split_trimmed(grps, "×");
    if (dim_parts.size() > 2) throw fail(at_column("dimension"), "at most two dimensions (field×bureau)", dims);
    if (dim_parts.size() != f.groups.size())
      throw fail(at_column("group"), "one group per dimension, joined by × like the dimensions", grps);
    for (const std::string& d : dim_parts) {
      try {
        const dimension parsed = parse_dimension(d);
        if (parsed == dimension::status)
          throw parse_error("a status is given in the status column, not as a dimension", d);
        f.dimensions.push_back(parsed);
      } catch (const parse_error& e) {
        throw e.at(at_column("dimension"));
      }
    }
    for (const std::string& g : f.groups)
      if (g.empty()) throw fail(at_column("group"), "an empty group name", grps);
  }
  if (f.figure == figure_kind::change && !f.dimensions.empty())
    throw fail(at_column("dimension"), "a change is of the headline rate; give no group", dims);
  try {
    f.of_previous = parse_of_previous(period);
  } catch (const parse_error& e) {
    throw e.at(at_column("period"));
  }
  if (f.figure == figure_kind::change && f.of_previous)
    throw fail(at_column("period"), "a change spans both periods; give no period", period);
  return f;
}

}  // namespace pledgetrack::audit
