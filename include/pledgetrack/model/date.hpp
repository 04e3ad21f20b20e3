// Calendar dates as Korean pledge reports write them (`2024. 3. 31.`,
// `2024-03-31`, `2024년 3월 31일` …), read and written.
//
// The date type is Boost.Date_Time's `boost::gregorian::date`. This header is
// the one place where text becomes a date, so every reader accepts the same
// forms, and no Boost exception (bad_year, bad_day_of_month …) ever reaches a
// caller: the text is validated before a date is constructed.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include "pledgetrack/error.hpp"
#include "pledgetrack/text/unicode.hpp"

namespace pledgetrack {

/// The library's date: a proleptic Gregorian calendar day (Boost.Date_Time).
using date = boost::gregorian::date;

namespace detail {

// Boost's greg_year refuses anything outside these years.
inline constexpr int min_year = 1400;
inline constexpr int max_year = 9999;

[[nodiscard]] constexpr bool is_leap_year(int year) noexcept {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

/// Days in `month` (1-12) of `year`; 0 for a month that does not exist.
[[nodiscard]] constexpr int days_in_month(int year, int month) noexcept {
  constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return month == 2 && is_leap_year(year) ? 29 : days[month - 1];
}

/// True when year-month-day names a day Boost can represent.
[[nodiscard]] constexpr bool is_valid_date(int year, int month, int day) noexcept {
  return year >= min_year && year <= max_year && day >= 1 && day <= days_in_month(year, month);
}

/// A cursor over text that tolerates spaces between code points, since text
/// recovered from PDFs has justification spaces inside words (`분 기`) and
/// around punctuation (`2024. 3. 31.`). Digit runs are the exception: a space
/// inside one ends it, so `20 24` is never a year.
class scanner {
 public:
  constexpr explicit scanner(std::string_view text) noexcept : rest_(text) {}

  constexpr void skip_spaces() noexcept {
    while (!rest_.empty()) {
      const text::decoded d = text::decode_utf8(rest_);
      if (d.length == 0 || !text::is_space(d.code_point)) return;
      rest_.remove_prefix(d.length);
    }
  }

  /// Consumes `word` (spaces allowed before each of its code points) or
  /// nothing at all.
  constexpr bool literal(std::string_view word) noexcept {
    const std::string_view saved = rest_;
    while (!word.empty()) {
      const text::decoded d = text::decode_utf8(word);
      const std::size_t n = d.length == 0 ? 1 : d.length;
      skip_spaces();
      if (rest_.substr(0, n) != word.substr(0, n)) {
        rest_ = saved;
        return false;
      }
      rest_.remove_prefix(n);
      word.remove_prefix(n);
    }
    return true;
  }

  /// A run of ASCII digits whose length is within [min_digits, max_digits]
  /// (max_digits <= 9, so the value fits an int), or nothing consumed.
  constexpr std::optional<int> number(std::size_t min_digits, std::size_t max_digits) noexcept {
    const std::string_view saved = rest_;
    skip_spaces();
    std::size_t n = 0;
    int value = 0;
    while (n < rest_.size() && rest_[n] >= '0' && rest_[n] <= '9') {
      if (n < max_digits) value = value * 10 + (rest_[n] - '0');
      ++n;
    }
    if (n < min_digits || n > max_digits) {
      rest_ = saved;
      return std::nullopt;
    }
    rest_.remove_prefix(n);
    return value;
  }

  /// True when only spaces are left.
  [[nodiscard]] constexpr bool at_end() noexcept {
    skip_spaces();
    return rest_.empty();
  }

 private:
  std::string_view rest_;
};

/// The text with Hangul composed (NFD from macOS compares unequal to the NFC
/// literals the parsers look for), copied only when that changes something.
[[nodiscard]] inline std::string composed(std::string_view s) {
  return text::has_conjoining_jamo(s) ? text::compose_hangul(s) : std::string(s);
}

}  // namespace detail

/// ISO 8601 form, `2024-03-31`. Boost's special values print as Boost names
/// them (`not-a-date-time`, `+infinity`, `-infinity`) rather than throwing, so
/// that printing never fails.
[[nodiscard]] inline std::string format_date(const boost::gregorian::date& d) {
  if (d.is_not_a_date()) return "not-a-date-time";
  if (d.is_pos_infinity()) return "+infinity";
  if (d.is_neg_infinity()) return "-infinity";
  const auto ymd = d.year_month_day();
  const int parts[] = {static_cast<int>(ymd.year), static_cast<int>(ymd.month.as_number()),
                       static_cast<int>(ymd.day)};
  std::string out = std::to_string(parts[0]);  // always 4 digits: years are 1400-9999
  for (int i = 1; i < 3; ++i) {
    out += parts[i] < 10 ? "-0" : "-";
    out += std::to_string(parts[i]);
  }
  return out;
}

/// Reads a date in any of the forms Korean reports use; surrounding spaces
/// and spaces around the separators are ignored:
///
///     2024-03-31   2024-3-31   2024/03/31   20240331
///     2024.3.31    2024. 3. 31.    2024년 3월 31일
///
/// Throws `parse_error` "not a date" for text of another shape and
/// "impossible date" for a day that does not exist (2023-02-29, month 13) or
/// a year Boost cannot hold (outside 1400-9999). Nothing else is thrown.
[[nodiscard]] inline boost::gregorian::date parse_date(std::string_view text) {
  const std::string s = detail::composed(text);
  const std::string_view body = text::trim(s);

  struct form {
    std::string_view after_year, after_month, after_day;
    bool day_mark_required;
  };
  // The dotted form's closing dot is optional: `2024. 3. 31.` and `2024.3.31`.
  constexpr form forms[] = {
      {"-", "-", "", false}, {"/", "/", "", false}, {".", ".", ".", false}, {"년", "월", "일", true}};

  std::optional<int> year, month, day;
  detail::scanner in(body);
  if (const auto compact = in.number(8, 8); compact && in.at_end()) {
    year = *compact / 10000;
    month = *compact / 100 % 100;
    day = *compact % 100;
  } else {
    detail::scanner again(body);
    year = again.number(4, 4);
    bool shaped = false;
    if (year) {
      for (const form& f : forms) {
        if (!again.literal(f.after_year)) continue;
        month = again.number(1, 2);
        if (!month || !again.literal(f.after_month)) break;
        day = again.number(1, 2);
        if (!day) break;
        const bool marked = !f.after_day.empty() && again.literal(f.after_day);
        shaped = (marked || !f.day_mark_required) && again.at_end();
        break;
      }
    }
    if (!shaped) throw parse_error("not a date", std::string(text));
  }
  if (!detail::is_valid_date(*year, *month, *day)) throw parse_error("impossible date", std::string(text));
  return boost::gregorian::date(static_cast<unsigned short>(*year), static_cast<unsigned short>(*month),
                                static_cast<unsigned short>(*day));
}

namespace detail {

/// Throws `data_error` naming `what` when `d` is one of Boost's special values
/// (not-a-date-time, ±infinity), which have no place in a calendar of terms.
inline void require_calendar_date(const boost::gregorian::date& d, std::string_view what) {
  if (d.is_special()) throw data_error(std::string(what) + " is not a calendar date: " + format_date(d));
}

}  // namespace detail

}  // namespace pledgetrack
