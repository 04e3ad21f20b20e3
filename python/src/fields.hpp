// The fields of each plain struct the bindings pickle, listed once, in
// declaration order (pickle.hpp's def_pickle_fields turns a list into a
// state; a list that misses a field does not compile).
#pragma once

#include <tuple>

#include "pickle.hpp"
#include "pledgetrack/history/adjustments.hpp"
#include "pledgetrack/history/comparison.hpp"
#include "pledgetrack/history/history.hpp"
#include "pledgetrack/history/pace.hpp"
#include "pledgetrack/model/project.hpp"

namespace pledgetrack::python {

constexpr auto fields_of(type<project>) {
  return std::tuple{&project::id,       &project::field,      &project::pledge, &project::title,
                    &project::department, &project::bureau,   &project::status, &project::raw_status,
                    &project::progress, &project::due,        &project::note,   &project::adjustment,
                    &project::scope,    &project::extra};
}

constexpr auto fields_of(type<transition>) {
  return std::tuple{&transition::id, &transition::from, &transition::to, &transition::title, &transition::k};
}

constexpr auto fields_of(type<group_change>) {
  return std::tuple{&group_change::key, &group_change::before, &group_change::after, &group_change::change_points};
}

constexpr auto fields_of(type<dated_rate>) {
  return std::tuple{&dated_rate::as_of, &dated_rate::period, &dated_rate::rate};
}

constexpr auto fields_of(type<status_run>) {
  return std::tuple{&status_run::status,    &status_run::raw_status, &status_run::first_seen,
                    &status_run::last_seen, &status_run::ended,      &status_run::snapshots};
}

constexpr auto fields_of(type<stuck_project>) {
  return std::tuple{&stuck_project::id, &stuck_project::title, &stuck_project::status, &stuck_project::snapshots,
                    &stuck_project::since};
}

constexpr auto fields_of(type<adjustment>) {
  return std::tuple{&adjustment::id,     &adjustment::k,           &adjustment::effective, &adjustment::approved_by,
                    &adjustment::reason, &adjustment::merged_into, &adjustment::new_title};
}

constexpr auto fields_of(type<pace>) {
  return std::tuple{&pace::as_of,         &pace::target_percent, &pace::current, &pace::projects_needed,
                    &pace::quarters_left, &pace::per_quarter,    &pace::message};
}

constexpr auto fields_of(type<projection>) {
  return std::tuple{&projection::method,     &projection::from,           &projection::from_percent,
                    &projection::to,         &projection::to_percent,     &projection::points_per_day,
                    &projection::term_end,   &projection::days_to_end,    &projection::percent,
                    &projection::clamped,    &projection::rule,           &projection::decimals};
}

}  // namespace pledgetrack::python
