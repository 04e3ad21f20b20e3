// The term (민선 n기) of an elected head of a local government: the span of
// days within which pledges are due, and the clock against which progress is
// read ("640 of 1461 days gone, 67.3% of projects complete").
//
// Regular terms follow the nationwide local elections: 민선1기 ran three years
// after the election of 1995-06-27, every later term four years from July 1.
// Terms from 민선9기 on are projections of that rule. A head elected in a
// by-election (재·보궐선거), or a term cut short, is a term built from explicit
// dates.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include "pledgetrack/error.hpp"
#include "pledgetrack/model/snapshot.hpp"
#include "pledgetrack/rates/fraction.hpp"
#include "pledgetrack/model/date.hpp"

namespace pledgetrack {

/// A numbered term with its first and last day (both inclusive).
///
///     const term t = term::elected(8);             // 2022-07-01 .. 2026-06-30
///     t.days_elapsed(date(2024, 3, 31));           // 640 of t.days_total() == 1461
///     term::parse("민선 8기") == t
class term {
 public:
  /// The highest number `elected` knows: the last regular term that ends
  /// before year 10000, which Boost dates cannot reach.
  static constexpr int last_regular_number = 2001;

  /// The regular term `number`: 민선1기 1995-07-01 .. 1998-06-30, then
  /// 민선n기 from July 1 of 1998 + 4(n-2) to June 30 four years later.
  /// Throws `data_error` naming the number unless 1 <= number <= 2001.
  [[nodiscard]] static term elected(int number) {
    if (number < 1 || number > last_regular_number)
      throw data_error("no regular term numbered " + std::to_string(number) + " (terms are 1-" +
                       std::to_string(last_regular_number) + ")");
    if (number == 1) return term(1, date_of(1995, 7, 1), date_of(1998, 6, 30));
    const int first_year = 1998 + 4 * (number - 2);
    return term(number, date_of(first_year, 7, 1), date_of(first_year + 4, 6, 30));
  }

  /// A term with explicit dates: a by-election, or an override of the
  /// regular dates. Throws `data_error` for a number below 1, a special date,
  /// or a start after the end (naming both dates).
  term(int number, const boost::gregorian::date& start, const boost::gregorian::date& end)
      : number_(number), start_(start), end_(end) {
    if (number < 1) throw data_error("term number must be at least 1: " + std::to_string(number));
    detail::require_calendar_date(start, "the start of a term");
    detail::require_calendar_date(end, "the end of a term");
    if (start > end)
      throw data_error("term " + std::to_string(number) + " starts after it ends: " + format_date(start) +
                       " > " + format_date(end));
  }

  /// Reads "민선8기", "민선 8기", "8기", "8", "8th term" (spaces anywhere
  /// between the parts, and around the text, are ignored) as `elected(8)`.
  /// Throws `parse_error` "not a term" for text of another shape and
  /// "no such term" for a number `elected` does not know (0기).
  [[nodiscard]] static term parse(std::string_view text) {
    const std::string s = detail::composed(text);
    detail::scanner in(s);
    const bool korean = in.literal("민선");
    const auto number = in.number(1, 4);
    bool shaped = number.has_value();
    if (shaped && !in.literal("기") && !korean) {
      // "8th term" (the form of label_en) or the bare number.
      if (in.literal("st") || in.literal("nd") || in.literal("rd") || in.literal("th"))
        shaped = in.literal("term");
    }
    if (!shaped || !in.at_end()) throw parse_error("not a term", std::string(text));
    if (*number < 1 || *number > last_regular_number) throw parse_error("no such term", std::string(text));
    return elected(*number);
  }

  /// The regular term containing `d`, or nothing for a day before 민선1기 (or
  /// a special date).
  [[nodiscard]] static std::optional<term> of_date(const boost::gregorian::date& d) {
    if (d.is_special() || d < date_of(1995, 7, 1)) return std::nullopt;
    if (d <= date_of(1998, 6, 30)) return elected(1);
    const int year = d.year();
    const int july_year = d.month().as_number() >= 7 ? year : year - 1;
    const int number = 2 + (july_year - 1998) / 4;
    if (number > last_regular_number) return std::nullopt;
    return elected(number);
  }

  [[nodiscard]] int number() const noexcept { return number_; }
  [[nodiscard]] boost::gregorian::date start() const noexcept { return start_; }
  /// The last day of the term, inclusive.
  [[nodiscard]] boost::gregorian::date end() const noexcept { return end_; }

  /// True when the dates are the regular ones of this number (not a
  /// by-election or an override).
  [[nodiscard]] bool is_regular() const {
    return number_ <= last_regular_number && *this == elected(number_);
  }

  /// "민선8기".
  [[nodiscard]] std::string label_ko() const { return "민선" + std::to_string(number_) + "기"; }

  /// "8th term", "1st term", "11th term", "22nd term".
  [[nodiscard]] std::string label_en() const {
    const int tens = number_ % 100;
    const int units = number_ % 10;
    const char* suffix = (tens >= 11 && tens <= 13) ? "th"
                         : units == 1               ? "st"
                         : units == 2               ? "nd"
                         : units == 3               ? "rd"
                                                    : "th";
    return std::to_string(number_) + suffix + " term";
  }

  /// start <= d <= end; false for special dates.
  [[nodiscard]] bool contains(const boost::gregorian::date& d) const noexcept {
    return !d.is_special() && start_ <= d && d <= end_;
  }

  /// Days in the term, both ends included: 1461 for 민선8기.
  [[nodiscard]] int days_total() const noexcept { return static_cast<int>((end_ - start_).days()) + 1; }

  /// Days from the start through `d`, both included, clamped to
  /// [0, days_total()]: 1 on the first day, 0 before it. Throws `data_error`
  /// for a special date.
  [[nodiscard]] int days_elapsed(const boost::gregorian::date& d) const {
    detail::require_calendar_date(d, "the date of a term's progress");
    if (d < start_) return 0;
    if (d >= end_) return days_total();
    return static_cast<int>((d - start_).days()) + 1;
  }

  /// Days after `d` up to the end, clamped to [0, days_total()]: 0 on the last
  /// day, so days_elapsed(d) + days_left(d) == days_total() within the term.
  /// Throws `data_error` for a special date.
  [[nodiscard]] int days_left(const boost::gregorian::date& d) const {
    detail::require_calendar_date(d, "the date of a term's progress");
    if (d < start_) return days_total();
    if (d >= end_) return 0;
    return static_cast<int>((end_ - d).days());
  }

  /// days_elapsed(d) / days_total(), exact (in lowest terms: 640/1461 at
  /// 2024-03-31 in 민선8기).
  [[nodiscard]] fraction elapsed_share(const boost::gregorian::date& d) const {
    return fraction(days_elapsed(d), days_total());
  }

  /// Whole calendar quarters after the quarter containing `d` that lie inside
  /// the term: the reports still to come if the government reports quarterly.
  /// 9 at 2024-03-31 in 민선8기 (2024Q2 .. 2026Q2). A quarter cut by a
  /// by-election's dates does not count. Throws `data_error` for a special
  /// date.
  [[nodiscard]] int quarters_left(const boost::gregorian::date& d) const {
    detail::require_calendar_date(d, "the date of a term's progress");
    const int after_d = quarter_serial(d) + 1;
    const int first_whole = quarter_serial(start_) + (starts_quarter(start_) ? 0 : 1);
    const int last_whole = quarter_serial(end_) - (ends_quarter(end_) ? 0 : 1);
    const int from = after_d > first_whole ? after_d : first_whole;
    return last_whole >= from ? last_whole - from + 1 : 0;
  }

  friend bool operator==(const term&, const term&) noexcept = default;

  /// `term(8, 2022-07-01, 2026-06-30)`.
  friend std::ostream& operator<<(std::ostream& os, const term& t) {
    return os << "term(" << t.number_ << ", " << format_date(t.start_) << ", " << format_date(t.end_) << ")";
  }

 private:
  static boost::gregorian::date date_of(int year, int month, int day) {
    return boost::gregorian::date(static_cast<unsigned short>(year), static_cast<unsigned short>(month),
                                  static_cast<unsigned short>(day));
  }
  // Quarters numbered consecutively across years, so counting is subtraction.
  static int quarter_serial(const boost::gregorian::date& d) {
    return static_cast<int>(d.year()) * 4 + (d.month().as_number() - 1) / 3;
  }
  static bool starts_quarter(const boost::gregorian::date& d) {
    return d.day() == 1 && (d.month().as_number() - 1) % 3 == 0;
  }
  static bool ends_quarter(const boost::gregorian::date& d) {
    return d.month().as_number() % 3 == 0 && d.day() == d.end_of_month().day();
  }

  int number_;
  boost::gregorian::date start_;
  boost::gregorian::date end_;
};

/// The term a snapshot belongs to: the regular term of its number (민선 n기),
/// else the regular term containing its date (기준일자). A snapshot that
/// gives neither is a data_error naming it (the caller can give the term).
[[nodiscard]] inline term term_of(const snapshot& s) {
  if (s.term() != 0) return term::elected(s.term());
  if (!s.as_of().is_special())
    if (auto found = term::of_date(s.as_of())) return *found;
  throw data_error("no term for the snapshot of " + s.district() + " as of " +
                   (s.as_of().is_special() ? std::string("an unknown date") : format_date(s.as_of())) +
                   ": it has no term number and its date lies in no regular term; give the term (a Term or 8)");
}

}  // namespace pledgetrack
