// Pace against the term's clock: how many projects must still be completed,
// per remaining quarter, to reach a target rate by the end of the term; and
// where a straight line through the reports so far would end the term.
#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>

#include "pledgetrack/error.hpp"
#include "pledgetrack/history/history.hpp"
#include "pledgetrack/model/snapshot.hpp"
#include "pledgetrack/rates/completion.hpp"
#include "pledgetrack/rates/criteria.hpp"
#include "pledgetrack/rates/fraction.hpp"
#include "pledgetrack/rates/rate.hpp"
#include "pledgetrack/model/date.hpp"
#include "pledgetrack/time/period.hpp"
#include "pledgetrack/time/term.hpp"

namespace pledgetrack {

namespace detail {

/// The least whole number >= f.
[[nodiscard]] constexpr std::int64_t ceil_whole(fraction f) noexcept {
  const std::int64_t q = f.numerator() / f.denominator();  // toward zero
  return f.numerator() % f.denominator() > 0 ? q + 1 : q;
}

}  // namespace detail

/// What it takes to reach a target rate by the end of the term.
struct pace {
  date as_of;                 ///< the snapshot's date
  fraction target_percent;    ///< the target, in percent (80 for 80%)
  rate current;               ///< the rate in the snapshot
  /// Units (projects, or pledges on the pledge basis) still to complete:
  /// ceil(target% × denominator / 100 − numerator), never below 0.
  std::int64_t projects_needed = 0;
  int quarters_left = 0;  ///< whole quarters of the term after the snapshot's quarter
  /// projects_needed / quarters_left, exactly; nothing when no quarter is left.
  std::optional<fraction> per_quarter;
  /// Why there is nothing to plan: the target is already met, or no quarter
  /// is left. Empty otherwise.
  std::string message;

  [[nodiscard]] bool target_met() const noexcept { return projects_needed == 0; }

  friend bool operator==(const pace&, const pace&) = default;

  /// `pace(as_of=2024-03-31, target=80%, current=rate(33, 49), projects_needed=7, quarters_left=9, per_quarter=7/9)`.
  friend std::ostream& operator<<(std::ostream& os, const pace& p) {
    os << "pace(as_of=" << format_date(p.as_of) << ", target=" << p.target_percent.to_string()
       << "%, current=" << p.current << ", projects_needed=" << p.projects_needed
       << ", quarters_left=" << p.quarters_left << ", per_quarter=";
    if (p.per_quarter) os << p.per_quarter->to_string();
    else os << "None";
    if (!p.message.empty()) os << ", message=\"" << p.message << "\"";
    return os << ")";
  }
};

/// The pace needed from `latest` to reach `target_percent` (80 for 80%) under
/// `c` by the end of `t`, with the term's remaining quarters counted by
/// term::quarters_left.
///
///     required_pace(q1_2024, term::elected(8), fraction(80), criteria::kmc())
///     // 33/49 now; 80% of 49 = 39.2 -> 40 -> 7 more in 9 quarters: 7/9 a quarter
///
/// A data_error when the target lies outside 0–100 or the snapshot has no
/// rate under `c` (nothing counted).
[[nodiscard]] inline pace required_pace(const snapshot& latest, const term& t, fraction target_percent,
                                        const criteria& c) {
  if (target_percent < fraction(0) || target_percent > fraction(100))
    throw data_error("a target rate must lie in 0..100 percent, not " + target_percent.to_string());
  const rate current = completion_rate(latest, c);
  if (!current.has_value())
    throw data_error("no rate to pace: nothing counted in the snapshot of " + latest.district() + " as of " +
                     format_date(latest.as_of()));

  pace p;
  p.as_of = latest.as_of();
  p.target_percent = target_percent;
  p.current = current;
  const fraction gap = target_percent * fraction(current.denominator()) / fraction(100) - current.numerator();
  p.projects_needed = std::max<std::int64_t>(0, detail::ceil_whole(gap));
  p.quarters_left = t.quarters_left(latest.as_of());
  const std::string target_text = format_decimal(target_percent, c.rule, c.decimals) + "%";
  if (p.projects_needed == 0) {
    p.message = "target " + target_text + " already met: " + current.to_string() + " (" +
                current.numerator().to_string() + "/" + std::to_string(current.denominator()) + ")";
    if (p.quarters_left > 0) p.per_quarter = fraction(0);
  } else if (p.quarters_left == 0) {
    p.message = "no quarters left in " + t.label_ko() + " after " + period::quarter_of(latest.as_of()).label() +
                ": " + std::to_string(p.projects_needed) + " more needed for " + target_text;
  } else {
    p.per_quarter = fraction(p.projects_needed, p.quarters_left);
  }
  return p;
}

/// An end-of-term rate projected from the reports so far.
struct projection {
  std::string method = "linear: first-to-last snapshot";
  date from;                ///< the first snapshot's date
  fraction from_percent;    ///< its rate, in percent
  date to;                  ///< the last snapshot's date
  fraction to_percent;      ///< its rate, in percent
  fraction points_per_day;  ///< (to_percent − from_percent) / days between, in %p
  date term_end;            ///< the term's last day
  int days_to_end = 0;      ///< from the last snapshot to the term's end, 0 when past it
  fraction percent;         ///< the projected rate at the term's end, in [0, 100]
  bool clamped = false;     ///< whether the straight line left [0, 100] and was cut
  rounding rule = rounding::half_up;
  int decimals = 1;

  /// "85.8%", by the criteria's rounding rule.
  [[nodiscard]] std::string to_string() const { return format_decimal(percent, rule, decimals) + "%"; }

  friend bool operator==(const projection&, const projection&) = default;

  /// `projection(method="linear: first-to-last snapshot", from=2023-12-31 3200/49%, to=2024-03-31 3300/49%, term_end=2026-06-30, percent=382400/4459 "85.8%")`.
  friend std::ostream& operator<<(std::ostream& os, const projection& p) {
    os << "projection(method=\"" << p.method << "\", from=" << format_date(p.from) << " "
       << p.from_percent.to_string() << "%, to=" << format_date(p.to) << " " << p.to_percent.to_string()
       << "%, term_end=" << format_date(p.term_end) << ", percent=" << p.percent.to_string() << " \""
       << p.to_string() << "\"";
    if (p.clamped) os << ", clamped=true";
    return os << ")";
  }
};

/// The rate at the end of `t` by a straight line through the first and last
/// snapshots' rates: last + (last − first) / days between × days from the
/// last to the term's end, exactly, then clamped to [0, 100]. A line through
/// two reports only: say so wherever it is shown (`method`).
///
///     project_end_of_term(h, term::elected(8), criteria::kmc()).to_string()   // "85.8%"
///
/// A data_error when the history has fewer than two snapshots or a rate of
/// either has no value.
[[nodiscard]] inline projection project_end_of_term(const history& h, const term& t, const criteria& c) {
  if (h.size() < 2)
    throw data_error("a projection needs at least two snapshots; the history of " +
                     (h.empty() ? std::string("(nothing)") : h.district()) + " has " + std::to_string(h.size()));
  const snapshot& first = h.first();
  const snapshot& last = h.latest();
  const auto first_percent = completion_rate(first, c).percent();
  const auto last_percent = completion_rate(last, c).percent();
  if (!first_percent || !last_percent)
    throw data_error("no rate to project from: nothing counted in the snapshot of " + h.district() + " as of " +
                     format_date(first_percent ? last.as_of() : first.as_of()));

  projection p;
  p.from = first.as_of();
  p.from_percent = *first_percent;
  p.to = last.as_of();
  p.to_percent = *last_percent;
  // history refuses two snapshots of one date, so the span is at least a day.
  const auto span = (last.as_of() - first.as_of()).days();
  p.points_per_day = (p.to_percent - p.from_percent) / fraction(span);
  p.term_end = t.end();
  const auto days = (t.end() - last.as_of()).days();
  p.days_to_end = days > 0 ? static_cast<int>(days) : 0;
  fraction projected = p.to_percent + p.points_per_day * fraction(p.days_to_end);
  if (projected < fraction(0)) {
    projected = fraction(0);
    p.clamped = true;
  } else if (projected > fraction(100)) {
    projected = fraction(100);
    p.clamped = true;
  }
  p.percent = projected;
  p.rule = c.rule;
  p.decimals = c.decimals;
  return p;
}

}  // namespace pledgetrack
