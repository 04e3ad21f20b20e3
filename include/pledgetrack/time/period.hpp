// A reporting period: the quarter (분기) or half-year (반기) of a year for
// which a government checks its pledges. Reports are compared period against
// period ("2023년 4분기 대비"), so periods are ordered and step with next()
// and previous().
#pragma once

#include <array>
#include <compare>
#include <ostream>
#include <string>
#include <string_view>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include "pledgetrack/enum_names.hpp"
#include "pledgetrack/error.hpp"
#include "pledgetrack/model/date.hpp"

namespace pledgetrack {

/// How long a period is: a quarter (분기) or a half-year (반기).
enum class period_kind { quarter, half };

inline constexpr std::array<enum_name<period_kind>, 2> period_kind_names = {
    {{period_kind::quarter, "quarter"}, {period_kind::half, "half"}}};
/// The table by type, for generic code (the bindings' pickling): name_table(period_kind{}).
[[nodiscard]] constexpr const auto& name_table(period_kind) noexcept { return period_kind_names; }
/// The kinds' Korean names, as reports and the command line say them.
inline constexpr std::array<enum_name<period_kind>, 2> period_kind_names_ko = {
    {{period_kind::quarter, "분기"}, {period_kind::half, "반기"}}};

[[nodiscard]] constexpr std::string_view to_string(period_kind kind) noexcept {
  return name_in(period_kind_names, kind);
}

inline std::ostream& operator<<(std::ostream& os, period_kind kind) {
  return os << "period_kind::" << to_string(kind);
}

namespace detail {

[[noreturn]] inline void throw_bad_period(int year, period_kind kind, int index) {
  const bool quarter = kind == period_kind::quarter;
  throw data_error("no such period: year " + std::to_string(year) + ", " + (quarter ? "quarter " : "half ") +
                   std::to_string(index) + " (years are " + std::to_string(min_year) + "-" +
                   std::to_string(max_year) + (quarter ? ", quarters 1-4)" : ", halves 1-2)"));
}

[[nodiscard]] constexpr int periods_per_year(period_kind kind) noexcept {
  return kind == period_kind::quarter ? 4 : 2;
}

}  // namespace detail

/// A quarter or half-year of a calendar year.
///
///     period::quarter_of(date(2024, 3, 31)).label()  // "2024Q1"
///     period::parse("2024년 상반기") == period(2024, period_kind::half, 1)
class period {
 public:
  /// Throws `data_error` naming the values unless 1 <= index <= 4 for a
  /// quarter, 1 <= index <= 2 for a half, and the year is 1400-9999 (the
  /// years a date can hold).
  constexpr period(int year, period_kind kind, int index) : year_(year), kind_(kind), index_(index) {
    if (year < detail::min_year || year > detail::max_year || index < 1 ||
        index > detail::periods_per_year(kind))
      detail::throw_bad_period(year, kind, index);
  }

  /// The quarter containing `d`. Throws `data_error` for a special date.
  [[nodiscard]] static period quarter_of(const boost::gregorian::date& d) {
    detail::require_calendar_date(d, "the date of a quarter");
    return period(d.year(), period_kind::quarter, (d.month().as_number() - 1) / 3 + 1);
  }

  /// The half-year containing `d`. Throws `data_error` for a special date.
  [[nodiscard]] static period half_of(const boost::gregorian::date& d) {
    detail::require_calendar_date(d, "the date of a half-year");
    return period(d.year(), period_kind::half, (d.month().as_number() - 1) / 6 + 1);
  }

  /// Reads the forms reports use; spaces around the parts are ignored:
  ///
  ///     2024Q1  2024q1  2024-Q1  2024 Q1  2024H2  2024-h2
  ///     2024년 1분기  2024년도 1/4분기  2024.1분기  2024. 4분기
  ///     2024년 상반기  2024년 하반기  2024. 하반기
  ///
  /// Throws `parse_error` "not a period" for text of another shape and
  /// "impossible period" for a quarter or half that does not exist (2024Q5).
  [[nodiscard]] static period parse(std::string_view text) {
    const std::string s = detail::composed(text);
    detail::scanner in(s);
    const auto year = in.number(4, 4);
    if (!year) throw parse_error("not a period", std::string(text));
    if (in.literal("년")) {
      (void)in.literal("도");  // 2024년도
    } else {
      (void)(in.literal("-") || in.literal(".") || in.literal("/") || in.literal("_"));
    }

    std::optional<int> index;
    period_kind kind = period_kind::quarter;
    if (in.literal("Q") || in.literal("q")) {
      index = in.number(1, 1);
    } else if (in.literal("H") || in.literal("h")) {
      kind = period_kind::half;
      index = in.number(1, 1);
    } else if (in.literal("상반기")) {
      kind = period_kind::half;
      index = 1;
    } else if (in.literal("하반기")) {
      kind = period_kind::half;
      index = 2;
    } else if ((index = in.number(1, 1))) {
      (void)in.literal("/4");  // 1/4분기: "the first of four quarters"
      if (!in.literal("분기")) index.reset();
    }
    if (!index || !in.at_end()) throw parse_error("not a period", std::string(text));
    if (*year < detail::min_year || *index < 1 || *index > detail::periods_per_year(kind))
      throw parse_error("impossible period", std::string(text));
    return period(*year, kind, *index);
  }

  [[nodiscard]] constexpr int year() const noexcept { return year_; }
  [[nodiscard]] constexpr period_kind kind() const noexcept { return kind_; }
  /// 1-4 for a quarter, 1-2 for a half.
  [[nodiscard]] constexpr int index() const noexcept { return index_; }

  [[nodiscard]] boost::gregorian::date first_day() const {
    return boost::gregorian::date(static_cast<unsigned short>(year_), static_cast<unsigned short>(first_month()), 1);
  }
  /// The last day, inclusive: 2024-03-31 for 2024Q1.
  [[nodiscard]] boost::gregorian::date last_day() const {
    const int month = first_month() + months() - 1;
    return boost::gregorian::date(static_cast<unsigned short>(year_), static_cast<unsigned short>(month),
                                  static_cast<unsigned short>(detail::days_in_month(year_, month)));
  }

  /// False for Boost's special dates.
  [[nodiscard]] bool contains(const boost::gregorian::date& d) const noexcept {
    if (d.is_special()) return false;
    const int month = d.month().as_number();
    return d.year() == year_ && month >= first_month() && month < first_month() + months();
  }

  /// "2024Q1", "2024H2".
  [[nodiscard]] std::string label() const {
    return std::to_string(year_) + (kind_ == period_kind::quarter ? "Q" : "H") + std::to_string(index_);
  }

  /// "2024년 1분기", "2024년 상반기".
  [[nodiscard]] std::string label_ko() const {
    const std::string year = std::to_string(year_) + "년 ";
    if (kind_ == period_kind::quarter) return year + std::to_string(index_) + "분기";
    return year + (index_ == 1 ? "상반기" : "하반기");
  }

  /// The period of the same kind that follows. Throws `data_error` after 9999.
  [[nodiscard]] constexpr period next() const {
    return index_ == detail::periods_per_year(kind_) ? period(year_ + 1, kind_, 1)
                                                     : period(year_, kind_, index_ + 1);
  }

  /// The period of the same kind that precedes. Throws `data_error` before 1400.
  [[nodiscard]] constexpr period previous() const {
    return index_ == 1 ? period(year_ - 1, kind_, detail::periods_per_year(kind_))
                       : period(year_, kind_, index_ - 1);
  }

  friend constexpr bool operator==(const period&, const period&) noexcept = default;

  /// Ordered by first day; a quarter and the half that start on the same day
  /// (2024Q1, 2024H1) are ordered by length, shorter first, so that the order
  /// is total and agrees with ==.
  friend constexpr std::strong_ordering operator<=>(const period& a, const period& b) noexcept {
    if (const auto c = a.start_key() <=> b.start_key(); c != 0) return c;
    return a.months() <=> b.months();
  }

  /// `period(2024, period_kind::quarter, 1)`.
  friend std::ostream& operator<<(std::ostream& os, const period& p) {
    return os << "period(" << p.year_ << ", " << p.kind_ << ", " << p.index_ << ")";
  }

 private:
  [[nodiscard]] constexpr int months() const noexcept { return kind_ == period_kind::quarter ? 3 : 6; }
  [[nodiscard]] constexpr int first_month() const noexcept { return (index_ - 1) * months() + 1; }
  [[nodiscard]] constexpr int start_key() const noexcept { return year_ * 12 + first_month() - 1; }

  int year_;
  period_kind kind_;
  int index_;
};

}  // namespace pledgetrack
