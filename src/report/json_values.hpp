// The JSON values that more than one of the report's JSON documents writes: a
// period, a date, a rate, the criteria, a transition and the changes. The
// report's JSON (render_json.cpp) and the comparison's (render_comparison.cpp)
// are made of them, so that a figure reads the same in both. Internal to the
// compiled library.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "json_writer.hpp"
#include "pledgetrack/history/comparison.hpp"
#include "pledgetrack/model/status.hpp"
#include "pledgetrack/rates/criteria.hpp"
#include "pledgetrack/rates/rate.hpp"
#include "pledgetrack/report/language.hpp"
#include "pledgetrack/report/quarterly_report.hpp"
#include "pledgetrack/model/date.hpp"
#include "pledgetrack/time/period.hpp"

namespace pledgetrack::report::detail {

/// {"label": "2024Q1", "text": "2024년 1분기", "year": …, "kind": "quarter", "index": 1}, or null.
void period_value(writer& w, const std::optional<period>& p, language lang);
/// "2024-03-31", or null for a special date.
void date_value(writer& w, const date& d);
/// {"numerator", "denominator", "unmeasured", "percent", "percent_exact", "text"}.
void rate_value(writer& w, const rate& r, language lang);
/// The statuses' names, as JSON strings.
[[nodiscard]] std::vector<std::string> status_names(const std::vector<status>& statuses);
[[nodiscard]] std::vector<std::string> status_names(status_set set);
/// The headline's change: {"points", "points_exact", "unit": "%p", "text"}, or
/// null without a previous rate.
void change_value(writer& w, const report_headline& h);
/// The criteria: their names, rules and texts.
void criteria_value(writer& w, const criteria& c, language lang);
/// One move: id, title, from/to (names and labels), kind, regression, text.
void transition_value(writer& w, const transition& t, language lang);
/// The changes since the previous snapshot, or null without one.
void changes_value(writer& w, const quarterly_report& r, language lang);

}  // namespace pledgetrack::report::detail
