// Terms (민선 n기), reporting periods and dates: the calendar every rate is
// read against. Day counts are pinned to figures checked by hand (the
// reasoning is beside each) and against Python's datetime.
#include <doctest/doctest.h>

#include <concepts>
#include <cstdint>
#include <set>
#include <sstream>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "pledgetrack/model/date.hpp"
#include "pledgetrack/time/period.hpp"
#include "pledgetrack/time/term.hpp"

namespace {

using boost::gregorian::date;
using pledgetrack::fraction;
using pledgetrack::period;
using pledgetrack::period_kind;
using pledgetrack::term;

template <class T>
std::string printed(const T& value) {
  std::ostringstream os;
  os << value;
  return os.str();
}

period q(int year, int index) { return period(year, period_kind::quarter, index); }
period h(int year, int index) { return period(year, period_kind::half, index); }

// Regular value types: cheap to copy, never throwing on copy or move, no
// meaningless default state (a term or period always names a real one).
static_assert(std::is_nothrow_copy_constructible_v<term>);
static_assert(std::is_nothrow_move_constructible_v<term>);
static_assert(std::is_nothrow_copy_assignable_v<term>);
static_assert(std::is_nothrow_destructible_v<term>);
static_assert(!std::is_default_constructible_v<term>);
static_assert(!std::is_convertible_v<int, term>);
static_assert(std::equality_comparable<term>);
static_assert(std::is_trivially_copyable_v<period>);
static_assert(std::is_nothrow_copy_constructible_v<period>);
static_assert(std::is_nothrow_move_assignable_v<period>);
static_assert(!std::is_default_constructible_v<period>);
static_assert(std::totally_ordered<period>);
static_assert(noexcept(std::declval<const period&>() == std::declval<const period&>()));
static_assert(noexcept(std::declval<const period&>() < std::declval<const period&>()));
static_assert(noexcept(std::declval<const term&>() == std::declval<const term&>()));

// Periods are constexpr: their arithmetic can be checked by the compiler.
static_assert(period(2024, period_kind::quarter, 4).next() == period(2025, period_kind::quarter, 1));
static_assert(period(2025, period_kind::half, 1).previous() == period(2024, period_kind::half, 2));
static_assert(period(2024, period_kind::quarter, 1) < period(2024, period_kind::half, 1));
static_assert(period(2024, period_kind::half, 1) < period(2024, period_kind::quarter, 2));

}  // namespace

TEST_SUITE("term") {
  TEST_CASE("regular terms follow the nationwide local elections") {
    SUBCASE("민선1기 ran three years after the 1995-06-27 election") {
      const term t = term::elected(1);
      CHECK(t.number() == 1);
      CHECK(t.start() == date(1995, 7, 1));
      CHECK(t.end() == date(1998, 6, 30));
      // 1995-07..1996-06 has 1996-02-29: 366 + 365 + 365.
      CHECK(t.days_total() == 1096);
    }
    SUBCASE("later terms run four years from July 1") {
      CHECK(term::elected(2).start() == date(1998, 7, 1));
      CHECK(term::elected(2).end() == date(2002, 6, 30));
      CHECK(term::elected(7).start() == date(2018, 7, 1));
      CHECK(term::elected(7).end() == date(2022, 6, 30));
      CHECK(term::elected(8).start() == date(2022, 7, 1));
      CHECK(term::elected(8).end() == date(2026, 6, 30));
      CHECK(term::elected(9).start() == date(2026, 7, 1));
      CHECK(term::elected(9).end() == date(2030, 6, 30));
    }
    SUBCASE("terms follow each other without a gap") {
      for (int n = 1; n < 12; ++n)
        CHECK(term::elected(n + 1).start() == term::elected(n).end() + boost::gregorian::days(1));
    }
    SUBCASE("a number below 1 is an error naming it") {
      CHECK_THROWS_WITH_AS((void)term::elected(0), "no regular term numbered 0 (terms are 1-2001)",
                           pledgetrack::data_error);
      CHECK_THROWS_WITH_AS((void)term::elected(-3), "no regular term numbered -3 (terms are 1-2001)",
                           pledgetrack::data_error);
    }
    SUBCASE("numbers whose dates a Boost date cannot hold are refused, not crashed on") {
      CHECK(term::elected(2001).end() == date(9998, 6, 30));
      CHECK_THROWS_WITH_AS((void)term::elected(2002), "no regular term numbered 2002 (terms are 1-2001)",
                           pledgetrack::data_error);
    }
  }

  TEST_CASE("labels") {
    CHECK(term::elected(8).label_ko() == "민선8기");
    CHECK(term::elected(8).label_en() == "8th term");
    CHECK(term::elected(1).label_en() == "1st term");
    CHECK(term::elected(2).label_en() == "2nd term");
    CHECK(term::elected(3).label_en() == "3rd term");
    CHECK(term::elected(11).label_en() == "11th term");
    CHECK(term::elected(12).label_en() == "12th term");
    CHECK(term::elected(13).label_en() == "13th term");
    CHECK(term::elected(21).label_en() == "21st term");
    CHECK(term::elected(112).label_en() == "112th term");
  }

  TEST_CASE("day counts of 민선8기 (the seed's term)") {
    const term t = term::elected(8);
    // 2022-07-01..2023-06-30: 365; 2023-07-01..2024-06-30: 366 (2024-02-29);
    // then 365 + 365. 365 + 366 + 365 + 365 = 1461.
    CHECK(t.days_total() == 1461);

    SUBCASE("at the seed's reference date 2024-03-31") {
      // 2022-07-01..2023-06-30 is 365 days; 2023-07-01..2024-03-31 is
      // Jul 31 + Aug 31 + Sep 30 + Oct 31 + Nov 30 + Dec 31 + Jan 31 + Feb 29
      // + Mar 31 = 275; 365 + 275 = 640 (Python: (date(2024,3,31) -
      // date(2022,7,1)).days + 1 == 640). Left: 1461 - 640 = 821.
      const date as_of(2024, 3, 31);
      CHECK(t.days_elapsed(as_of) == 640);
      CHECK(t.days_left(as_of) == 821);
      // 640 = 2^7 * 5 and 1461 = 3 * 487 share no factor.
      CHECK(t.elapsed_share(as_of) == fraction(640, 1461));
      // After 2024Q1: 2024Q2..Q4 (3), 2025Q1..Q4 (4), 2026Q1..Q2 (2) = 9.
      CHECK(t.quarters_left(as_of) == 9);
    }
    SUBCASE("the first and last days count, clamped outside the term") {
      CHECK(t.days_elapsed(date(2022, 7, 1)) == 1);
      CHECK(t.days_left(date(2022, 7, 1)) == 1460);
      CHECK(t.days_elapsed(date(2026, 6, 30)) == 1461);
      CHECK(t.days_left(date(2026, 6, 30)) == 0);
      CHECK(t.days_elapsed(date(2022, 6, 30)) == 0);
      CHECK(t.days_left(date(2022, 6, 30)) == 1461);
      CHECK(t.days_elapsed(date(2030, 1, 1)) == 1461);
      CHECK(t.days_left(date(2030, 1, 1)) == 0);
      CHECK(t.elapsed_share(date(2020, 1, 1)) == fraction(0));
      CHECK(t.elapsed_share(date(2026, 6, 30)) == fraction(1));
    }
    SUBCASE("elapsed and left add up to the total within the term") {
      for (date d(2022, 7, 1); d <= date(2026, 6, 30); d += boost::gregorian::days(37))
        CHECK(t.days_elapsed(d) + t.days_left(d) == t.days_total());
    }
    SUBCASE("the leap day is a day of the term") {
      // Python: 608, 609, 610 days elapsed on Feb 28, Feb 29, Mar 1 2024.
      CHECK(t.days_elapsed(date(2024, 2, 28)) == 608);
      CHECK(t.days_elapsed(date(2024, 2, 29)) == 609);
      CHECK(t.days_elapsed(date(2024, 3, 1)) == 610);
    }
    SUBCASE("quarters left") {
      CHECK(t.quarters_left(date(2024, 4, 1)) == 8);        // after 2024Q2
      CHECK(t.quarters_left(date(2022, 7, 1)) == 15);       // 2022Q4..2026Q2
      CHECK(t.quarters_left(date(2022, 6, 15)) == 16);      // the whole term is ahead
      CHECK(t.quarters_left(date(2026, 4, 1)) == 0);        // in the last quarter
      CHECK(t.quarters_left(date(2026, 3, 31)) == 1);
      CHECK(t.quarters_left(date(2027, 1, 1)) == 0);
    }
  }

  TEST_CASE("leap years in other terms") {
    // 민선2기 holds 2000-02-29 (2000 is divisible by 400).
    CHECK(term::elected(2).days_total() == 1461);
    CHECK(term::elected(9).days_total() == 1461);  // 2028-02-29
    // 민선27기, 2098-07-01..2102-06-30, holds no leap day: 2100 is not a leap year.
    CHECK(term::elected(27).start() == date(2098, 7, 1));
    CHECK(term::elected(27).days_total() == 1460);
  }

  TEST_CASE("by-elections and overrides") {
    // A head elected in a by-election on 2023-04-05 who took office the next
    // day serves out the rest of 민선8기.
    const term t(8, date(2023, 4, 6), date(2026, 6, 30));
    CHECK(t.number() == 8);
    CHECK(t.label_ko() == "민선8기");
    CHECK_FALSE(t.is_regular());
    CHECK(term::elected(8).is_regular());
    CHECK(t != term::elected(8));
    // April 6..30 is 25 days, then May..Dec 2023 (245) and Jan..Mar 2024 (91):
    // 25 + 245 + 91 = 361. Python agrees: 361 elapsed, 1182 in all.
    CHECK(t.days_total() == 1182);
    CHECK(t.days_elapsed(date(2024, 3, 31)) == 361);
    CHECK(t.elapsed_share(date(2024, 3, 31)) == fraction(361, 1182));
    CHECK(t.quarters_left(date(2024, 3, 31)) == 9);
    SUBCASE("a quarter cut by the start does not count") {
      // 2023Q2 begins before the term: only 2023Q3..2026Q2 are whole.
      CHECK(t.quarters_left(date(2023, 4, 6)) == 12);
      CHECK(t.quarters_left(date(2023, 1, 1)) == 12);
    }
    SUBCASE("a quarter cut by the end does not count") {
      const term cut(8, date(2022, 7, 1), date(2024, 5, 15));
      // The term ends 2024-05-15, inside 2024Q2.
      CHECK(cut.quarters_left(date(2023, 12, 31)) == 1);  // 2024Q1; 2024Q2 is cut
      CHECK(cut.quarters_left(date(2023, 9, 30)) == 2);   // 2023Q4, 2024Q1
      CHECK(cut.quarters_left(date(2024, 1, 1)) == 0);    // only the cut 2024Q2 is after
    }
    SUBCASE("a one-day term") {
      const term day(3, date(2024, 2, 29), date(2024, 2, 29));
      CHECK(day.days_total() == 1);
      CHECK(day.days_elapsed(date(2024, 2, 29)) == 1);
    }
    SUBCASE("a start after the end is an error showing both dates") {
      CHECK_THROWS_WITH_AS(term(8, date(2026, 7, 1), date(2026, 6, 30)),
                           "term 8 starts after it ends: 2026-07-01 > 2026-06-30", pledgetrack::data_error);
    }
    SUBCASE("a number below 1 is an error naming it") {
      CHECK_THROWS_WITH_AS(term(0, date(2022, 7, 1), date(2026, 6, 30)), "term number must be at least 1: 0",
                           pledgetrack::data_error);
    }
    SUBCASE("special dates are refused") {
      CHECK_THROWS_WITH_AS(term(8, date(boost::gregorian::not_a_date_time), date(2026, 6, 30)),
                           "the start of a term is not a calendar date: not-a-date-time",
                           pledgetrack::data_error);
      CHECK_THROWS_WITH_AS(term(8, date(2022, 7, 1), date(boost::gregorian::pos_infin)),
                           "the end of a term is not a calendar date: +infinity", pledgetrack::data_error);
      CHECK_THROWS_AS((void)t.days_elapsed(date(boost::gregorian::not_a_date_time)), pledgetrack::data_error);
      CHECK_FALSE(t.contains(date(boost::gregorian::not_a_date_time)));
    }
  }

  TEST_CASE("contains and of_date") {
    const term t = term::elected(8);
    CHECK(t.contains(date(2022, 7, 1)));
    CHECK(t.contains(date(2026, 6, 30)));
    CHECK_FALSE(t.contains(date(2022, 6, 30)));
    CHECK_FALSE(t.contains(date(2026, 7, 1)));

    CHECK(term::of_date(date(2024, 3, 31)) == term::elected(8));
    CHECK(term::of_date(date(2022, 7, 1)) == term::elected(8));
    CHECK(term::of_date(date(2022, 6, 30)) == term::elected(7));
    CHECK(term::of_date(date(2026, 7, 1)) == term::elected(9));
    CHECK(term::of_date(date(1995, 7, 1)) == term::elected(1));
    CHECK(term::of_date(date(1998, 6, 30)) == term::elected(1));
    CHECK(term::of_date(date(1998, 7, 1)) == term::elected(2));
    CHECK_FALSE(term::of_date(date(1995, 6, 30)).has_value());
    CHECK_FALSE(term::of_date(date(9999, 12, 31)).has_value());
    CHECK_FALSE(term::of_date(date(boost::gregorian::not_a_date_time)).has_value());
    SUBCASE("every regular term contains exactly its own days") {
      for (int n = 1; n <= 12; ++n) {
        const term r = term::elected(n);
        CHECK(term::of_date(r.start()) == r);
        CHECK(term::of_date(r.end()) == r);
      }
    }
  }

  TEST_CASE("parse") {
    SUBCASE("the forms reports use") {
      for (const char* text : {"민선8기", "민선 8기", "8기", "8", "  민선8기  ", "민 선 8 기", "민선8", "8th term",
                               "8 th term", "\t8\n", "민선\u00A08기", "민선08기"})
        CHECK_MESSAGE(term::parse(text) == term::elected(8), text);
      CHECK(term::parse("1st term") == term::elected(1));
      CHECK(term::parse("민선12기") == term::elected(12));
    }
    SUBCASE("decomposed Hangul (NFD, from macOS) reads the same") {
      // 민선8기 with every syllable as conjoining jamo.
      const std::string nfd = "\u1106\u1175\u11AB\u1109\u1165\u11AB8\u1100\u1175";
      CHECK(term::parse(nfd) == term::elected(8));
    }
    SUBCASE("labels read back") {
      for (int n : {1, 2, 3, 8, 9, 11, 21}) {
        CHECK(term::parse(term::elected(n).label_ko()) == term::elected(n));
        CHECK(term::parse(term::elected(n).label_en()) == term::elected(n));
      }
    }
    SUBCASE("garbage is a parse_error naming the text") {
      CHECK_THROWS_WITH_AS((void)term::parse("민선팔기"), "not a term: '민선팔기'", pledgetrack::parse_error);
      CHECK_THROWS_WITH_AS((void)term::parse(""), "not a term: ''", pledgetrack::parse_error);
      CHECK_THROWS_WITH_AS((void)term::parse("8기 구청장"), "not a term: '8기 구청장'", pledgetrack::parse_error);
      CHECK_THROWS_WITH_AS((void)term::parse("민선8th term"), "not a term: '민선8th term'", pledgetrack::parse_error);
      CHECK_THROWS_WITH_AS((void)term::parse("8th"), "not a term: '8th'", pledgetrack::parse_error);
      CHECK_THROWS_WITH_AS((void)term::parse("-8"), "not a term: '-8'", pledgetrack::parse_error);
      CHECK_THROWS_WITH_AS((void)term::parse("99999"), "not a term: '99999'", pledgetrack::parse_error);
    }
    SUBCASE("a number no term has is a parse_error naming the text") {
      CHECK_THROWS_WITH_AS((void)term::parse("민선0기"), "no such term: '민선0기'", pledgetrack::parse_error);
      CHECK_THROWS_WITH_AS((void)term::parse("9999"), "no such term: '9999'", pledgetrack::parse_error);
    }
  }

  TEST_CASE("printing looks like a constructor call") {
    CHECK(printed(term::elected(8)) == "term(8, 2022-07-01, 2026-06-30)");
    CHECK(printed(term(8, date(2023, 4, 6), date(2026, 6, 30))) == "term(8, 2023-04-06, 2026-06-30)");
  }

  TEST_CASE("a snapshot's term: its number's regular term, else the regular term of its date, else an error") {
    using pledgetrack::snapshot;
    // 민선8기 runs 2022-07-01 .. 2026-06-30 (the local elections of 2022-06-01).
    CHECK(term_of(snapshot("광주광역시 서구", 8, date(2024, 3, 31))) == term::elected(8));
    CHECK(term_of(snapshot("광주광역시 서구", 7, date(2024, 3, 31))) == term::elected(7));  // the number wins
    CHECK(term_of(snapshot("광주광역시 서구", 0, date(2024, 3, 31))) == term::elected(8));
    CHECK(term_of(snapshot("광주광역시 서구", 0, date(2018, 7, 1))) == term::elected(7));
    const auto message = [](const snapshot& s) {
      try {
        (void)term_of(s);
      } catch (const pledgetrack::data_error& e) {
        return std::string(e.what());
      }
      return std::string("no error");
    };
    CHECK(message(snapshot("어느 구", 0, date())) ==
          "no term for the snapshot of 어느 구 as of an unknown date: it has no term number and its date lies in no "
          "regular term; give the term (a Term or 8)");
  }
}

TEST_SUITE("period") {
  TEST_CASE("the period containing a date") {
    SUBCASE("the seed's reference date closes 2024Q1") {
      CHECK(period::quarter_of(date(2024, 3, 31)) == q(2024, 1));
      CHECK(period::quarter_of(date(2024, 4, 1)) == q(2024, 2));
      CHECK(period::quarter_of(date(2024, 1, 1)) == q(2024, 1));
      CHECK(period::quarter_of(date(2024, 12, 31)) == q(2024, 4));
      CHECK(period::quarter_of(date(2024, 2, 29)) == q(2024, 1));
    }
    SUBCASE("halves turn at July 1") {
      CHECK(period::half_of(date(2024, 6, 30)) == h(2024, 1));
      CHECK(period::half_of(date(2024, 7, 1)) == h(2024, 2));
      CHECK(period::half_of(date(2024, 1, 1)) == h(2024, 1));
      CHECK(period::half_of(date(2024, 12, 31)) == h(2024, 2));
    }
    SUBCASE("special dates are refused") {
      CHECK_THROWS_WITH_AS((void)period::quarter_of(date(boost::gregorian::neg_infin)),
                           "the date of a quarter is not a calendar date: -infinity", pledgetrack::data_error);
    }
  }

  TEST_CASE("first and last days") {
    CHECK(q(2024, 1).first_day() == date(2024, 1, 1));
    CHECK(q(2024, 1).last_day() == date(2024, 3, 31));
    CHECK(q(2024, 2).last_day() == date(2024, 6, 30));
    CHECK(q(2024, 3).first_day() == date(2024, 7, 1));
    CHECK(q(2024, 3).last_day() == date(2024, 9, 30));
    CHECK(q(2024, 4).last_day() == date(2024, 12, 31));
    CHECK(h(2024, 1).first_day() == date(2024, 1, 1));
    CHECK(h(2024, 1).last_day() == date(2024, 6, 30));
    CHECK(h(2024, 2).first_day() == date(2024, 7, 1));
    CHECK(h(2024, 2).last_day() == date(2024, 12, 31));
    SUBCASE("every day of a year is in exactly one quarter and one half") {
      for (date d(2024, 1, 1); d <= date(2024, 12, 31); d += boost::gregorian::days(1)) {
        int quarters = 0;
        int halves = 0;
        for (int i = 1; i <= 4; ++i) quarters += q(2024, i).contains(d) ? 1 : 0;
        for (int i = 1; i <= 2; ++i) halves += h(2024, i).contains(d) ? 1 : 0;
        CHECK(quarters == 1);
        CHECK(halves == 1);
        CHECK(period::quarter_of(d).contains(d));
        CHECK(period::half_of(d).contains(d));
      }
    }
    SUBCASE("contains") {
      CHECK(q(2024, 1).contains(date(2024, 3, 31)));
      CHECK_FALSE(q(2024, 1).contains(date(2024, 4, 1)));
      CHECK_FALSE(q(2024, 1).contains(date(2023, 1, 1)));
      CHECK_FALSE(q(2024, 1).contains(date(boost::gregorian::not_a_date_time)));
    }
  }

  TEST_CASE("labels") {
    CHECK(q(2024, 1).label() == "2024Q1");
    CHECK(h(2024, 2).label() == "2024H2");
    CHECK(q(2024, 1).label_ko() == "2024년 1분기");
    CHECK(q(2023, 4).label_ko() == "2023년 4분기");
    CHECK(h(2024, 1).label_ko() == "2024년 상반기");
    CHECK(h(2024, 2).label_ko() == "2024년 하반기");
  }

  TEST_CASE("next and previous cross year boundaries") {
    CHECK(q(2024, 4).next() == q(2025, 1));
    CHECK(q(2025, 1).previous() == q(2024, 4));
    CHECK(q(2024, 1).next() == q(2024, 2));
    CHECK(h(2024, 1).next() == h(2024, 2));
    CHECK(h(2024, 2).next() == h(2025, 1));
    CHECK(h(2025, 1).previous() == h(2024, 2));
    CHECK(q(2023, 4).next().next() == q(2024, 2));
    // The seed compares 2024Q1 with the quarter before.
    CHECK(period::quarter_of(date(2024, 3, 31)).previous().label_ko() == "2023년 4분기");
    SUBCASE("next always starts the day after the last day") {
      for (period p = q(2022, 3); p < q(2027, 1); p = p.next())
        CHECK(p.next().first_day() == p.last_day() + boost::gregorian::days(1));
      for (period p = h(2022, 2); p < h(2027, 1); p = p.next())
        CHECK(p.next().first_day() == p.last_day() + boost::gregorian::days(1));
    }
    SUBCASE("beyond the years a date can hold is an error") {
      CHECK_THROWS_WITH_AS((void)q(9999, 4).next(),
                           "no such period: year 10000, quarter 1 (years are 1400-9999, quarters 1-4)",
                           pledgetrack::data_error);
    }
  }

  TEST_CASE("ordering by start") {
    CHECK(q(2023, 4) < q(2024, 1));
    CHECK(q(2024, 1) < q(2024, 2));
    CHECK(q(2024, 4) < q(2025, 1));
    CHECK(h(2024, 1) < h(2024, 2));
    CHECK(h(2024, 2) < q(2025, 1));
    CHECK(q(2024, 2) < h(2024, 2));
    // Same first day: the quarter, being shorter, comes first; neither equals the other.
    CHECK(q(2024, 1) < h(2024, 1));
    CHECK(q(2024, 1) != h(2024, 1));
    CHECK(q(2024, 3) < h(2024, 2));
    CHECK(q(2024, 1) <= q(2024, 1));
    CHECK(q(2025, 1) > q(2024, 4));
    const std::set<period> sorted{q(2024, 2), h(2024, 1), q(2024, 1), q(2023, 4)};
    CHECK(std::vector<period>(sorted.begin(), sorted.end()) ==
          std::vector<period>{q(2023, 4), q(2024, 1), h(2024, 1), q(2024, 2)});
  }

  TEST_CASE("constructing an impossible period is an error naming the values") {
    CHECK_THROWS_WITH_AS(period(2024, period_kind::quarter, 5),
                         "no such period: year 2024, quarter 5 (years are 1400-9999, quarters 1-4)",
                         pledgetrack::data_error);
    CHECK_THROWS_WITH_AS(period(2024, period_kind::quarter, 0),
                         "no such period: year 2024, quarter 0 (years are 1400-9999, quarters 1-4)",
                         pledgetrack::data_error);
    CHECK_THROWS_WITH_AS(period(2024, period_kind::half, 3),
                         "no such period: year 2024, half 3 (years are 1400-9999, halves 1-2)",
                         pledgetrack::data_error);
    CHECK_THROWS_WITH_AS(period(1399, period_kind::half, 1),
                         "no such period: year 1399, half 1 (years are 1400-9999, halves 1-2)",
                         pledgetrack::data_error);
  }

  TEST_CASE("parse") {
    SUBCASE("quarters in every form") {
      for (const char* text : {"2024Q1", "2024q1", "2024-Q1", "2024 Q1", "2024년 1분기", "2024년1분기", "2024.1분기",
                               "2024. 1분기", "2024 1분기", "2024년 1/4분기", "2024년도 1분기", " 2024Q1 ",
                               "2024 년 1 분 기", "2024_Q1"})
        CHECK_MESSAGE(period::parse(text) == q(2024, 1), text);
      // The seed writes "2023.4분기".
      CHECK(period::parse("2023.4분기") == q(2023, 4));
    }
    SUBCASE("halves in every form") {
      for (const char* text : {"2024H2", "2024h2", "2024-H2", "2024년 하반기", "2024년하반기", "2024. 하반기",
                               "2024 하반기"})
        CHECK_MESSAGE(period::parse(text) == h(2024, 2), text);
      CHECK(period::parse("2024년 상반기") == h(2024, 1));
      CHECK(period::parse("2024H1") == h(2024, 1));
    }
    SUBCASE("decomposed Hangul reads the same") {
      // 2024년 상반기 with 년, 상, 반, 기 as conjoining jamo.
      const std::string nfd = "2024\u1102\u1167\u11AB \u1109\u1161\u11BC\u1107\u1161\u11AB\u1100\u1175";
      CHECK(period::parse(nfd) == h(2024, 1));
    }
    SUBCASE("labels read back") {
      for (period p = q(2022, 3); p < q(2026, 3); p = p.next()) {
        CHECK(period::parse(p.label()) == p);
        CHECK(period::parse(p.label_ko()) == p);
      }
      for (const period p : {h(2024, 1), h(2024, 2)}) {
        CHECK(period::parse(p.label()) == p);
        CHECK(period::parse(p.label_ko()) == p);
      }
    }
    SUBCASE("garbage is a parse_error naming the text") {
      CHECK_THROWS_WITH_AS((void)period::parse("2024"), "not a period: '2024'", pledgetrack::parse_error);
      CHECK_THROWS_WITH_AS((void)period::parse(""), "not a period: ''", pledgetrack::parse_error);
      CHECK_THROWS_WITH_AS((void)period::parse("Q1 2024"), "not a period: 'Q1 2024'", pledgetrack::parse_error);
      CHECK_THROWS_WITH_AS((void)period::parse("24Q1"), "not a period: '24Q1'", pledgetrack::parse_error);
      CHECK_THROWS_WITH_AS((void)period::parse("2024Q12"), "not a period: '2024Q12'", pledgetrack::parse_error);
      CHECK_THROWS_WITH_AS((void)period::parse("2024년 1월"), "not a period: '2024년 1월'", pledgetrack::parse_error);
      CHECK_THROWS_WITH_AS((void)period::parse("2024Q1x"), "not a period: '2024Q1x'", pledgetrack::parse_error);
      CHECK_THROWS_WITH_AS((void)period::parse("2024 중반기"), "not a period: '2024 중반기'", pledgetrack::parse_error);
    }
    SUBCASE("a quarter or half that does not exist is a parse_error naming the text") {
      CHECK_THROWS_WITH_AS((void)period::parse("2024Q5"), "impossible period: '2024Q5'", pledgetrack::parse_error);
      CHECK_THROWS_WITH_AS((void)period::parse("2024Q0"), "impossible period: '2024Q0'", pledgetrack::parse_error);
      CHECK_THROWS_WITH_AS((void)period::parse("2024H3"), "impossible period: '2024H3'", pledgetrack::parse_error);
      CHECK_THROWS_WITH_AS((void)period::parse("2024년 5분기"), "impossible period: '2024년 5분기'",
                           pledgetrack::parse_error);
      CHECK_THROWS_WITH_AS((void)period::parse("0999Q1"), "impossible period: '0999Q1'", pledgetrack::parse_error);
    }
  }

  TEST_CASE("printing looks like a constructor call") {
    CHECK(printed(q(2024, 1)) == "period(2024, period_kind::quarter, 1)");
    CHECK(printed(h(2024, 2)) == "period(2024, period_kind::half, 2)");
    CHECK(printed(period_kind::half) == "period_kind::half");
  }
}

TEST_SUITE("date") {
  TEST_CASE("format_date writes ISO 8601") {
    CHECK(pledgetrack::format_date(date(2024, 3, 31)) == "2024-03-31");
    CHECK(pledgetrack::format_date(date(2024, 12, 1)) == "2024-12-01");
    CHECK(pledgetrack::format_date(date(1400, 1, 1)) == "1400-01-01");
    SUBCASE("special values print as Boost names them, without throwing") {
      CHECK(pledgetrack::format_date(date(boost::gregorian::not_a_date_time)) == "not-a-date-time");
      CHECK(pledgetrack::format_date(date(boost::gregorian::pos_infin)) == "+infinity");
      CHECK(pledgetrack::format_date(date(boost::gregorian::neg_infin)) == "-infinity");
    }
  }

  TEST_CASE("parse_date reads the forms reports use") {
    for (const char* text : {"2024-03-31", "2024-3-31", "2024.3.31", "2024.03.31", "2024. 3. 31.", "2024. 3. 31",
                             "2024/03/31", "2024/3/31", "20240331", "  2024-03-31\t", "2024년 3월 31일",
                             "2024년3월31일", "2024 - 03 - 31", "\u3000" "2024. 3. 31." "\u00A0"})
      CHECK_MESSAGE(pledgetrack::parse_date(text) == date(2024, 3, 31), text);
    SUBCASE("decomposed Hangul reads the same") {
      // 2024년 3월 31일 with 년, 월, 일 as conjoining jamo.
      const std::string nfd = "2024\u1102\u1167\u11AB 3\u110B\u116F\u11AF 31\u110B\u1175\u11AF";
      CHECK(pledgetrack::parse_date(nfd) == date(2024, 3, 31));
    }
    SUBCASE("round trip through format_date") {
      for (date d(2023, 12, 25); d <= date(2024, 3, 5); d += boost::gregorian::days(1))
        CHECK(pledgetrack::parse_date(pledgetrack::format_date(d)) == d);
    }
  }

  TEST_CASE("leap days") {
    CHECK(pledgetrack::parse_date("2024-02-29") == date(2024, 2, 29));
    CHECK(pledgetrack::parse_date("20000229") == date(2000, 2, 29));  // divisible by 400
    CHECK_THROWS_WITH_AS((void)pledgetrack::parse_date("2023-02-29"), "impossible date: '2023-02-29'",
                         pledgetrack::parse_error);
    CHECK_THROWS_WITH_AS((void)pledgetrack::parse_date("2100.2.29"), "impossible date: '2100.2.29'",
                         pledgetrack::parse_error);  // divisible by 100, not 400
  }

  TEST_CASE("impossible dates are parse_errors naming the text") {
    for (const char* text : {"2024-02-30", "2024-13-01", "2024-00-10", "2024-04-31", "2024-01-00", "20241301",
                             "2024. 6. 31.", "1399-12-31", "0000-01-01"})
    {
      const std::string expected = "impossible date: '" + std::string(text) + "'";
      CHECK_THROWS_WITH_AS_MESSAGE((void)pledgetrack::parse_date(text), expected.c_str(), pledgetrack::parse_error, text);
    }
    CHECK(pledgetrack::parse_date("9999-12-31") == date(9999, 12, 31));
  }

  TEST_CASE("garbage is a parse_error naming the text") {
    for (const char* text : {"", "   ", "yesterday", "2024", "2024-03", "2024-03-31-", "2024-03/31", "2024.03-31",
                             "24-03-31", "2024-003-31", "2024-03-031", "2024031", "202403310", "2024년 3월 31",
                             "31.03.2024", "2024-03-31T00:00", "20 24-03-31", "2024..3.31", "2024. 3. 31..",
                             "10000-01-01", "\xff\xfe"})
    {
      const std::string expected = "not a date: '" + std::string(text) + "'";
      CHECK_THROWS_WITH_AS_MESSAGE((void)pledgetrack::parse_date(text), expected.c_str(), pledgetrack::parse_error, text);
    }
  }

  TEST_CASE("no input throws anything but a parse_error") {
    // Strings of date-like pieces in every order: whatever comes out, Boost's
    // own exceptions (bad_year, bad_month, bad_day_of_month) must not.
    const std::vector<std::string> pieces{"0", "1", "2", "3", "9", "2024", "1399", "-", ".", "/", " ",
                                          "년", "월", "일", "Q", "H", "분기", "상반기", "기", "민선", "\xff"};
    std::uint32_t state = 12345;  // a fixed linear congruential sequence: the same inputs every run
    for (int round = 0; round < 3000; ++round) {
      std::string text;
      const int length = 1 + static_cast<int>(state % 8);
      for (int i = 0; i < length; ++i) {
        state = state * 1664525u + 1013904223u;
        text += pieces[(state >> 16) % pieces.size()];
      }
      for (auto parse : {+[](std::string_view s) { (void)pledgetrack::parse_date(s); },
                         +[](std::string_view s) { (void)period::parse(s); },
                         +[](std::string_view s) { (void)term::parse(s); }}) {
        try {
          parse(text);
        } catch (const pledgetrack::parse_error&) {
        } catch (...) {
          FAIL("an exception other than parse_error for '" << text << "'");
        }
      }
    }
  }
}
