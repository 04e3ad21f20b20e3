// Over time: comparing two snapshots, a district's history, scope adjustments
// (공약조정) and the pace to a target. Pinned on the bundled Seo-gu example
// (2023-12-31 is a reconstruction, see examples/data/gwangju-seogu/SOURCE.md)
// and on small hand-made histories. Every expected value was worked out by
// hand; the reasoning is beside it.
#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "pledgetrack/io/csv.hpp"
#include "pledgetrack/pledgetrack.hpp"
#include "example_data.hpp"

using namespace pledgetrack;

namespace {

const std::string seogu = "광주광역시 서구";
using example::q1_2024;
using example::q4_2023;

/// The same projects under another date (a quarter in which nothing moved).
snapshot redated(const snapshot& s, date as_of) {
  snapshot out(s.district(), s.term(), as_of);
  for (const project& p : s) out.add(p);
  return out;
}

project_id id(std::string_view text) { return project_id::parse(text); }

struct row {
  std::string_view id;
  status st;
  scope sc = scope::in;
  std::string_view field = "가";
};

/// A hand-made snapshot of district `district`.
snapshot make(date as_of, std::vector<row> rows, std::string district = "테스트구") {
  snapshot s(std::move(district), 8, as_of);
  for (const row& r : rows) {
    project p;
    p.id = project_id::parse(r.id);
    p.title = "사업 " + std::string(r.id);
    p.field = std::string(r.field);
    p.status = r.st;
    p.raw_status = std::string(label_ko(r.st));
    p.scope = r.sc;
    s.add(std::move(p));
  }
  return s;
}

std::vector<std::string> ids_of(const std::vector<transition>& ts) {
  std::vector<std::string> out;
  for (const transition& t : ts) out.push_back(t.id.to_string());
  return out;
}

template <class T>
std::string printed(const T& value) {
  std::ostringstream os;
  os << value;
  return os.str();
}

using S = status;

}  // namespace

TEST_SUITE("compare") {
  TEST_CASE("the seed: 2023-12-31 -> 2024-03-31 is 65.3% -> 67.3%, +2.0%p") {
    const comparison delta = compare(q4_2023(), q1_2024());

    SUBCASE("the rates and the change, exactly") {
      // 32/49 -> 33/49 (domain notes); the change is 100/49 %p = 2.04 -> "+2.0%p".
      CHECK(delta.before_rate() == rate(fraction(32), 49));
      CHECK(delta.after_rate() == rate(fraction(33), 49));
      CHECK(delta.before_rate().to_string() == "65.3%");
      CHECK(delta.after_rate().to_string() == "67.3%");
      CHECK(delta.rate_change_points() == fraction(100, 49));
      CHECK(delta.rate_change_text() == "+2.0%p");
    }

    SUBCASE("2-4-1 and 3-4-2 newly complete, 4-1-2 a regression, 46 unchanged") {
      const auto done = delta.newly_complete();
      CHECK(ids_of(done) == std::vector<std::string>{"2-4-1", "3-4-2"});
      for (const transition& t : done) {
        CHECK(t.from == S::on_track);
        CHECK(t.to == S::ongoing);
      }
      const auto back = delta.regressions();
      REQUIRE(back.size() == 1);
      CHECK(back[0].id == id("4-1-2"));
      CHECK(back[0].from == S::ongoing);  // 이행후계속추진
      CHECK(back[0].to == S::lagging);    // 일부추진
      CHECK(back[0].title == "2045 탄소중립 가속화를 위한 무공해차 인프라 구축");
      // 49 projects − 2 − 1 = 46.
      CHECK(delta.unchanged().size() == 46);
      CHECK(delta.improvements().empty());
      CHECK(delta.other_moves().empty());
      CHECK(delta.added().empty());
      CHECK(delta.removed().empty());
    }

    SUBCASE("transitions come in the after snapshot's order") {
      REQUIRE(delta.transitions().size() == 49);
      for (std::size_t i = 0; i < 49; ++i) CHECK(delta.transitions()[i].id == q1_2024().projects()[i].id);
    }

    SUBCASE("changes by field") {
      // The three moves fall in fields 2, 3 and 4 (the first part of the id):
      // 골목·경제 9/11 -> 10/11 (+100/11 = 9.09 %p), 사람·복지 10/12 -> 11/12
      // (+100/12 = 8.33), 생태·안전 8/15 -> 7/15 (−100/15 = −6.67); the
      // others stand still (마을·자치 4/5, 행복·문화 1/6, as in test_seed).
      const auto by_field = delta.changes_by(dimension::field);
      REQUIRE(by_field.size() == 5);
      const std::vector<std::string> keys = {"마을·자치", "골목·경제", "사람·복지", "생태·안전", "행복·문화"};
      for (std::size_t i = 0; i < 5; ++i) CHECK(by_field[i].key == keys[i]);
      CHECK(by_field[0].before == rate(fraction(4), 5));
      CHECK(by_field[0].change_points == fraction(0));
      CHECK(by_field[0].change_text() == "0.0%p");
      CHECK(by_field[1].before == rate(fraction(9), 11));
      CHECK(by_field[1].after == rate(fraction(10), 11));
      CHECK(by_field[1].change_points == fraction(100, 11));
      CHECK(by_field[1].change_text() == "+9.1%p");
      CHECK(by_field[2].before == rate(fraction(10), 12));
      CHECK(by_field[2].after == rate(fraction(11), 12));
      CHECK(by_field[2].change_text() == "+8.3%p");
      CHECK(by_field[3].before == rate(fraction(8), 15));
      CHECK(by_field[3].after == rate(fraction(7), 15));
      CHECK(by_field[3].change_points == fraction(-20, 3));
      CHECK(by_field[3].change_text() == "-6.7%p");
      CHECK(by_field[4].after == rate(fraction(1), 6));
    }

    SUBCASE("changes by bureau") {
      // 3-4-2 (복지정책과) is the only move in 통합복지국, whose five projects
      // are 3-1, 3-2-1, 3-2-2 (정상추진), 3-3-3 and 3-4-2: 3/5 -> 4/5, +20.0%p.
      // 4-1-2 (기후환경과) moves 환경교통국 down by one of its 10 projects: −10.0%p.
      for (const group_change& g : delta.changes_by(dimension::bureau)) {
        if (g.key == "통합복지국") {
          CHECK(g.before == rate(fraction(3), 5));
          CHECK(g.after == rate(fraction(4), 5));
          CHECK(g.change_text() == "+20.0%p");
        } else if (g.key == "환경교통국") {
          CHECK(g.after.denominator() == 10);
          CHECK(g.change_points == fraction(-10));
        }
      }
    }

    SUBCASE("printing") {
      CHECK(printed(delta) ==
            "comparison(district=\"광주광역시 서구\", before=2023-12-31 rate(32, 49), after=2024-03-31 rate(33, 49), "
            "change=\"+2.0%p\", newly_complete=2, regression=1, improvement=0, other=0, added=0, removed=0, "
            "unchanged=46)");
      CHECK(printed(delta.regressions().at(0)) ==
            "transition(id=\"4-1-2\", from=status::ongoing, to=status::lagging, k=transition_kind::regression, "
            "title=\"2045 탄소중립 가속화를 위한 무공해차 인프라 구축\")");
    }
  }

  TEST_CASE("how a move is classified") {
    const criteria kmc = criteria::kmc();
    // Into or out of 완료/이행후계속추진 decides first.
    CHECK(classify_move(S::on_track, S::ongoing, kmc) == transition_kind::newly_complete);
    CHECK(classify_move(S::not_due, S::completed, kmc) == transition_kind::newly_complete);
    CHECK(classify_move(S::ongoing, S::lagging, kmc) == transition_kind::regression);
    CHECK(classify_move(S::completed, S::not_due, kmc) == transition_kind::regression);
    // Both complete and of equal rank: neither better nor worse.
    CHECK(classify_move(S::completed, S::ongoing, kmc) == transition_kind::other);
    CHECK(classify_move(S::ongoing, S::completed, kmc) == transition_kind::other);
    // Along on_track > lagging > on_hold > dropped.
    CHECK(classify_move(S::lagging, S::on_track, kmc) == transition_kind::improvement);
    CHECK(classify_move(S::dropped, S::on_hold, kmc) == transition_kind::improvement);
    CHECK(classify_move(S::on_track, S::on_hold, kmc) == transition_kind::regression);
    CHECK(classify_move(S::on_hold, S::dropped, kmc) == transition_kind::regression);
    // 기타 has no rank.
    CHECK(classify_move(S::not_due, S::on_track, kmc) == transition_kind::other);
    CHECK(classify_move(S::lagging, S::not_due, kmc) == transition_kind::other);
    CHECK(classify_move(S::lagging, S::lagging, kmc) == transition_kind::unchanged);

    SUBCASE("the criteria say what complete means") {
      // 이행률 counts 정상추진 as complete: 일부추진 -> 정상추진 completes it.
      CHECK(classify_move(S::lagging, S::on_track, criteria::implementation()) == transition_kind::newly_complete);
      CHECK(classify_move(S::on_track, S::ongoing, criteria::implementation()) == transition_kind::improvement);
      criteria strict = criteria::kmc();
      strict.complete = {S::completed};
      CHECK(classify_move(S::ongoing, S::completed, strict) == transition_kind::newly_complete);
      CHECK(classify_move(S::completed, S::ongoing, strict) == transition_kind::regression);
    }
  }

  TEST_CASE("added and removed ids are listed, never ignored, and scope decides") {
    const snapshot before = make(date(2024, 3, 31), {{"1-1", S::on_track},
                                                     {"1-2", S::ongoing},
                                                     {"1-3", S::lagging},
                                                     {"1-4", S::on_track},
                                                     {"1-6", S::on_hold, scope::removed}});
    const snapshot after = make(date(2024, 6, 30), {{"1-5", S::on_track},
                                                    {"1-1", S::completed},
                                                    {"1-3", S::lagging},
                                                    {"1-4", S::on_track, scope::removed},
                                                    {"1-6", S::on_hold}});
    const comparison delta = compare(before, after);
    // After order (1-5, 1-1, 1-3, 1-6; 1-4 has left the scope), then the
    // removed in before's order: 1-2 (gone from the list), 1-4 (removed by 공약조정).
    CHECK(ids_of(delta.transitions()) == std::vector<std::string>{"1-5", "1-1", "1-3", "1-6", "1-2", "1-4"});
    CHECK(ids_of(delta.added()) == std::vector<std::string>{"1-5", "1-6"});  // 1-6: back in scope
    CHECK(ids_of(delta.removed()) == std::vector<std::string>{"1-2", "1-4"});
    CHECK(ids_of(delta.newly_complete()) == std::vector<std::string>{"1-1"});
    CHECK(ids_of(delta.unchanged()) == std::vector<std::string>{"1-3"});
    const transition gone = delta.removed().at(1);  // a copy: removed() returns a temporary vector
    CHECK(gone.from == S::on_track);
    CHECK_FALSE(gone.to.has_value());
    CHECK_FALSE(delta.added().at(0).from.has_value());
    // Before: 1-2 of 1-1..1-4 in scope = 1/4 = 25%. After: 1-1 of 1-5, 1-1,
    // 1-3, 1-6 = 1/4 = 25%: the same rate for different reasons, 0.0%p.
    CHECK(delta.before_rate() == rate(fraction(1), 4));
    CHECK(delta.after_rate() == rate(fraction(1), 4));
    CHECK(delta.rate_change_text() == "0.0%p");
  }

  TEST_CASE("a project out of scope on both sides is in no list") {
    const comparison delta = compare(make(date(2024, 3, 31), {{"1-1", S::dropped, scope::removed}}),
                                     make(date(2024, 6, 30), {{"1-1", S::dropped, scope::removed}}));
    CHECK(delta.transitions().empty());
    // Nothing counted on either side: no rate, and no change figure.
    CHECK_FALSE(delta.rate_change_points().has_value());
    CHECK(delta.rate_change_text() == "n/a");
  }

  TEST_CASE("a group found on one side only has no change") {
    const comparison delta = compare(make(date(2024, 3, 31), {{"1-1", S::ongoing, scope::in, "가"}}),
                                     make(date(2024, 6, 30), {{"2-1", S::ongoing, scope::in, "나"}}));
    const auto by_field = delta.changes_by(dimension::field);
    REQUIRE(by_field.size() == 2);
    CHECK(by_field[0].key == "나");  // after's groups first
    CHECK_FALSE(by_field[0].before.has_value());
    CHECK(by_field[0].change_text() == "n/a");
    CHECK(by_field[1].key == "가");
    CHECK_FALSE(by_field[1].after.has_value());
  }

  TEST_CASE("different districts are refused unless allowed") {
    const snapshot bukgu = make(date(2024, 3, 31), {{"1-1", S::ongoing}}, "광주광역시 북구");
    CHECK_THROWS_WITH_AS((void)compare(q4_2023(), bukgu),
                         "cannot compare snapshots of different districts: '광주광역시 서구' (as of 2023-12-31) and "
                         "'광주광역시 북구' (as of 2024-03-31); set allow_different_districts to compare them anyway",
                         data_error);
    const comparison across = compare(q4_2023(), bukgu, criteria::kmc(), {.allow_different_districts = true});
    CHECK(across.after_rate() == rate(fraction(1), 1));
    CHECK(across.added().size() == 1);     // 1-1 is not an id of 서구
    CHECK(across.removed().size() == 49);  // every 서구 project
    CHECK(printed(across).starts_with("comparison(district=\"광주광역시 북구\", before_district=\"광주광역시 서구\""));
  }

  TEST_CASE("a reversed pair is refused unless allowed") {
    CHECK_THROWS_WITH_AS((void)compare(q1_2024(), q4_2023()),
                         "the snapshot after (2023-12-31) is dated before the snapshot before (2024-03-31); swap "
                         "them, or set allow_reversed",
                         data_error);
    // Backwards, every move turns around: −2.0%p, 4-1-2 "newly complete".
    const comparison back = compare(q1_2024(), q4_2023(), criteria::kmc(), {.allow_reversed = true});
    CHECK(back.rate_change_points() == fraction(-100, 49));
    CHECK(back.rate_change_text() == "-2.0%p");
    CHECK(ids_of(back.newly_complete()) == std::vector<std::string>{"4-1-2"});
    CHECK(ids_of(back.regressions()) == std::vector<std::string>{"2-4-1", "3-4-2"});
    // Two reports of one date (a correction) need no option.
    CHECK(compare(q1_2024(), q1_2024()).unchanged().size() == 49);
  }
}

TEST_SUITE("history") {
  TEST_CASE("the seed's two quarters") {
    const history h({q1_2024(), q4_2023()});  // given out of order

    SUBCASE("sorted by date, with the rate of each quarter") {
      REQUIRE(h.size() == 2);
      CHECK(h.district() == seogu);
      CHECK(h.first().as_of() == date(2023, 12, 31));
      CHECK(h.latest().as_of() == date(2024, 3, 31));
      const auto rates = h.rates(criteria::kmc());
      REQUIRE(rates.size() == 2);
      CHECK(rates[0].as_of == date(2023, 12, 31));
      CHECK(rates[0].period == period(2023, period_kind::quarter, 4));
      CHECK(rates[0].rate == rate(fraction(32), 49));
      CHECK(rates[1].period.label() == "2024Q1");
      CHECK(rates[1].rate.to_string() == "67.3%");
      CHECK(printed(rates[1]) == "dated_rate(as_of=2024-03-31, period=\"2024Q1\", rate=rate(33, 49))");
    }

    SUBCASE("4-1-2's timeline: 이행후계속추진, then 일부추진") {
      const auto runs = h.timeline(id("4-1-2"));
      REQUIRE(runs.size() == 2);
      CHECK(runs[0].status == S::ongoing);
      CHECK(runs[0].raw_status == "이행후계속추진");
      CHECK(runs[0].first_seen == date(2023, 12, 31));
      CHECK(runs[0].last_seen == date(2023, 12, 31));
      CHECK(runs[0].ended == date(2024, 3, 31));
      CHECK(runs[1].status == S::lagging);
      CHECK(runs[1].raw_status == "일 부 추 진");  // the label as printed
      CHECK(runs[1].first_seen == date(2024, 3, 31));
      CHECK_FALSE(runs[1].ended.has_value());
      // One run across both reports when nothing changed.
      const auto steady = h.timeline(id("1-2"));
      REQUIRE(steady.size() == 1);
      CHECK(steady[0].snapshots == 2);
      CHECK(h.timeline(id("9-9")).empty());
    }

    SUBCASE("status as of a date") {
      // Between the snapshots the latest earlier one speaks: 2023-12-31.
      CHECK(h.status_at(id("4-1-2"), date(2024, 2, 15)) == S::ongoing);
      CHECK(h.status_at(id("4-1-2"), date(2024, 3, 30)) == S::ongoing);
      CHECK(h.status_at(id("4-1-2"), date(2024, 3, 31)) == S::lagging);
      CHECK(h.status_at(id("4-1-2"), date(2025, 1, 1)) == S::lagging);
      // Before the first snapshot: nothing, not the first status.
      CHECK_FALSE(h.status_at(id("4-1-2"), date(2023, 12, 30)).has_value());
      CHECK(h.snapshot_at(date(2023, 12, 30)) == nullptr);
      REQUIRE(h.snapshot_at(date(2024, 2, 29)) != nullptr);
      CHECK(h.snapshot_at(date(2024, 2, 29))->as_of() == date(2023, 12, 31));
    }

    SUBCASE("time in status") {
      // 1-2 has been 이행후계속추진 since 2023-12-31: to 2024-03-31 is
      // 31 (Jan) + 29 (Feb, leap) + 31 (Mar) = 91 days.
      CHECK(h.time_in_status(id("1-2"), date(2024, 3, 31)) == 91);
      // 4-1-2 became 일부추진 on 2024-03-31; to 2024-05-01 is 30 + 1 = 31 days.
      CHECK(h.time_in_status(id("4-1-2"), date(2024, 5, 1)) == 31);
      CHECK(h.time_in_status(id("4-1-2"), date(2024, 3, 31)) == 0);
      CHECK_FALSE(h.time_in_status(id("4-1-2"), date(2023, 6, 30)).has_value());
    }

    SUBCASE("stuck: the 15 projects 정상추진 in both reports") {
      // 2024Q1 has 16 incomplete projects: 15 정상추진 and 4-1-2 (일부추진
      // since 2024Q1 only). 2023Q4 had those 15 정상추진 plus 2-4-1 and 3-4-2.
      const auto two = h.stuck(criteria::kmc(), 2);
      CHECK(two.size() == 15);
      for (const stuck_project& p : two) {
        CHECK(p.status == S::on_track);
        CHECK(p.snapshots == 2);
        CHECK(p.since == date(2023, 12, 31));
      }
      CHECK(two.front().id == id("1-1-1"));  // the latest snapshot's order
      CHECK(h.stuck(criteria::kmc(), 1).size() == 16);
      CHECK(h.stuck(criteria::kmc(), 3).empty());
      CHECK_THROWS_WITH_AS((void)h.stuck(criteria::kmc(), 0),
                           "stuck needs a number of snapshots of at least 1, not 0", data_error);
    }
  }

  TEST_CASE("a hand-made year with gaps") {
    // 1-1: 정상추진 all year. 1-2: missing from the 2024-03-31 report.
    // 1-3: 일부추진, then 이행후계속추진 from 2024-06-30. 1-4: listed from 2024-06-30.
    const history h({
        make(date(2023, 12, 31), {{"1-1", S::on_track}, {"1-2", S::on_track}, {"1-3", S::lagging}}),
        make(date(2024, 3, 31), {{"1-1", S::on_track}, {"1-3", S::lagging}}),
        make(date(2024, 6, 30), {{"1-1", S::on_track}, {"1-2", S::on_track}, {"1-3", S::ongoing}, {"1-4", S::lagging}}),
        make(date(2024, 9, 30), {{"1-1", S::on_track}, {"1-2", S::on_track}, {"1-3", S::ongoing}, {"1-4", S::lagging}}),
    });

    SUBCASE("a gap ends a run, even when the status after it is the same") {
      const auto runs = h.timeline(id("1-2"));
      REQUIRE(runs.size() == 2);
      CHECK(runs[0].status == S::on_track);
      CHECK(runs[0].last_seen == date(2023, 12, 31));
      CHECK(runs[0].ended == date(2024, 3, 31));  // the report without it
      CHECK(runs[1].first_seen == date(2024, 6, 30));
      CHECK(runs[1].last_seen == date(2024, 9, 30));
      CHECK(runs[1].snapshots == 2);
      CHECK(printed(runs[0]) ==
            "status_run(status=status::on_track, raw_status=\"정상추진\", first_seen=2023-12-31, "
            "last_seen=2023-12-31, ended=2024-03-31, snapshots=1)");
    }

    SUBCASE("absent from the snapshot in force: no status, not the last known one") {
      CHECK_FALSE(h.status_at(id("1-2"), date(2024, 4, 15)).has_value());
      CHECK(h.status_at(id("1-2"), date(2024, 7, 1)) == S::on_track);
      CHECK_FALSE(h.status_at(id("1-4"), date(2024, 1, 1)).has_value());
      CHECK_FALSE(h.time_in_status(id("1-2"), date(2024, 4, 15)).has_value());
      // The run after the gap began 2024-06-30: to 2024-09-30 is 31+31+30 = 92 days.
      CHECK(h.time_in_status(id("1-2"), date(2024, 9, 30)) == 92);
    }

    SUBCASE("time in status across 2024-02-29") {
      // 2023-12-31 -> 2024-03-01: 31 (Jan) + 29 (Feb) + 1 = 61 days.
      CHECK(h.time_in_status(id("1-1"), date(2024, 3, 1)) == 61);
      // 1-1 unchanged all year: 2023-12-31 -> 2024-09-30 = 91 + 91 + 92 = 274 days.
      CHECK(h.time_in_status(id("1-1"), date(2024, 9, 30)) == 274);
    }

    SUBCASE("stuck projects") {
      // 1-1: 4 reports running. 1-2: 2 (the gap breaks the streak). 1-4: 2.
      // 1-3 is complete (이행후계속추진), so never stuck.
      const auto four = h.stuck(criteria::kmc(), 4);
      REQUIRE(four.size() == 1);
      CHECK(four[0].id == id("1-1"));
      CHECK(four[0].snapshots == 4);
      CHECK(four[0].since == date(2023, 12, 31));
      CHECK(printed(four[0]) ==
            "stuck_project(id=\"1-1\", status=status::on_track, snapshots=4, since=2023-12-31, title=\"사업 1-1\")");
      const auto two = h.stuck(criteria::kmc(), 2);
      CHECK(two.size() == 3);
      CHECK(two[1].id == id("1-2"));
      CHECK(two[1].snapshots == 2);
      CHECK(two[1].since == date(2024, 6, 30));
      CHECK(two[2].status == S::lagging);
      // Under 이행률 정상추진 is complete: only 1-4 (일부추진) is left.
      const auto strict = h.stuck(criteria::implementation(), 2);
      REQUIRE(strict.size() == 1);
      CHECK(strict[0].id == id("1-4"));
    }

    SUBCASE("rates and their quarters") {
      const auto rates = h.rates();
      REQUIRE(rates.size() == 4);
      // 0/3, 0/2, 1/4 (1-3), 1/4.
      CHECK(rates[0].rate == rate(fraction(0), 3));
      CHECK(rates[1].rate == rate(fraction(0), 2));
      CHECK(rates[2].rate == rate(fraction(1), 4));
      CHECK(rates[3].period.label() == "2024Q3");
    }
  }

  TEST_CASE("one district, one snapshot per date") {
    history h({q4_2023()});
    CHECK_THROWS_WITH_AS(h.add(make(date(2024, 6, 30), {{"1-1", S::ongoing}}, "광주광역시 북구")),
                         "a history holds one district: '광주광역시 북구' (as of 2024-06-30) cannot join "
                         "'광주광역시 서구'",
                         data_error);
    CHECK_THROWS_WITH_AS(h.add(redated(q1_2024(), date(2023, 12, 31))),
                         "two snapshots of 광주광역시 서구 as of 2023-12-31", data_error);
    CHECK_THROWS_WITH_AS(history({q1_2024(), q1_2024()}), "two snapshots of 광주광역시 서구 as of 2024-03-31",
                         data_error);
    CHECK_THROWS_AS(h.add(snapshot(seogu, 8, date())), data_error);  // not a calendar date
    CHECK(h.size() == 1);
    const history empty;
    CHECK_THROWS_WITH_AS((void)empty.latest(), "an empty history has no latest snapshot", data_error);
    CHECK(empty.snapshot_at(date(2024, 3, 31)) == nullptr);
    CHECK(empty.rates().empty());
    CHECK(printed(empty) == "history(district=\"\", snapshots=0)");
    CHECK(printed(history({q4_2023(), q1_2024()})) ==
          "history(district=\"광주광역시 서구\", snapshots=2, first=2023-12-31, latest=2024-03-31)");
  }
}

TEST_SUITE("adjustments") {
  // The seed's adjustment candidate 4-1-2 (electric two-wheeler rentals),
  // removed by a residents' jury from 2024-06-30: an example, not a fact.
  adjustment remove_4_1_2() {
    return {id("4-1-2"), adjustment::removed, date(2024, 6, 30), "주민배심원단",
            "짧은 주행거리와 긴 충전시간으로 이용 기피", std::nullopt, ""};
  }

  TEST_CASE("a removal changes the denominator from its effective date, not before") {
    adjustment_list adj;
    adj.add(remove_4_1_2());
    // 2024Q2 as a quarter in which no status moved.
    const history h({q4_2023(), q1_2024(), redated(q1_2024(), date(2024, 6, 30))});

    // At 2024-03-31 the removal is not in force: 33/49 as published.
    CHECK(rate_at(h, date(2024, 3, 31), criteria::kmc(), adj) == rate(fraction(33), 49));
    // Between the Q1 report and the effective date, still 33/49.
    CHECK(rate_at(h, date(2024, 6, 29), criteria::kmc(), adj) == rate(fraction(33), 49));
    // From 2024-06-30: 4-1-2 (일부추진, not complete) leaves the denominator:
    // 33/48 = 68.75 -> "68.8%" (half up).
    const rate q2 = rate_at(h, date(2024, 6, 30), criteria::kmc(), adj);
    CHECK(q2 == rate(fraction(33), 48));
    CHECK(q2.to_string() == "68.8%");
    // The earlier quarter is not rewritten: 2023-12-31 stays 32/49.
    CHECK(rate_at(h, date(2024, 1, 1), criteria::kmc(), adj) == rate(fraction(32), 49));
    // Without adjustments the Q2 report is 33/49.
    CHECK(rate_at(h, date(2024, 6, 30), criteria::kmc(), adjustment_list{}) == rate(fraction(33), 49));
  }

  TEST_CASE("the scope in force at the date, even read from an older report") {
    adjustment_list adj;
    adj.add(remove_4_1_2());
    const history h({q4_2023(), q1_2024()});
    // 2024-07-01 is read from the 2024-03-31 statuses, over the scope of
    // 2024-07-01: 33/48.
    CHECK(rate_at(h, date(2024, 7, 1), criteria::kmc(), adj) == rate(fraction(33), 48));
    CHECK_THROWS_WITH_AS((void)rate_at(h, date(2023, 6, 30), criteria::kmc(), adj),
                         "no snapshot of 광주광역시 서구 on or before 2023-06-30 (the first is as of 2023-12-31)",
                         data_error);
  }

  TEST_CASE("apply: removed and merged leave the scope, renames change the title") {
    adjustment_list adj;
    adj.add({id("4-1-4"), adjustment::merged, date(2024, 6, 30), "주민배심원단", "국비 지원 축소",
             id("4-1-1"), ""});
    adj.add({id("4-1-1"), adjustment::renamed, date(2024, 6, 30), "주민배심원단", "4-1-4 통합", std::nullopt,
             "탄소중립 이행체계 구축 및 에너지자립도시 기반 구축"});
    adj.add(remove_4_1_2());

    const snapshot q1 = adj.apply(q1_2024());  // nothing in force yet
    CHECK(q1 == q1_2024());

    const snapshot q2 = adj.apply(redated(q1_2024(), date(2024, 6, 30)));
    CHECK(q2.at("4-1-2").scope == scope::removed);
    CHECK(q2.at("4-1-4").scope == scope::removed);
    CHECK(q2.at("4-1-1").scope == scope::in);
    CHECK(q2.at("4-1-1").title == "탄소중립 이행체계 구축 및 에너지자립도시 기반 구축");
    CHECK(q2.at("4-1-2").status == S::lagging);  // the status is untouched
    CHECK(q2.size() == 49);                      // still listed
    // 4-1-2 (일부추진) and 4-1-4 (정상추진) leave: 33/47.
    CHECK(completion_rate(q2, criteria::kmc()) == rate(fraction(33), 47));

    SUBCASE("a comparison lists the removed projects as removed") {
      const comparison delta = compare(q1_2024(), q2);
      CHECK(ids_of(delta.removed()) == std::vector<std::string>{"4-1-2", "4-1-4"});
      // 3300/47 − 3300/49 = 3300·2/2303 = 6600/2303 = 2.87 %p.
      CHECK(delta.rate_change_points() == fraction(6600, 2303));
      CHECK(delta.rate_change_text() == "+2.9%p");
    }
  }

  TEST_CASE("kept in effective order, and the later of one day wins") {
    adjustment_list adj;
    adj.add({id("1-1"), adjustment::renamed, date(2024, 9, 30), "", "", std::nullopt, "셋째 이름"});
    adj.add({id("1-1"), adjustment::renamed, date(2024, 3, 31), "", "", std::nullopt, "첫째 이름"});
    adj.add({id("1-1"), adjustment::renamed, date(2024, 3, 31), "", "", std::nullopt, "둘째 이름"});
    REQUIRE(adj.size() == 3);
    CHECK(adj.entries()[0].new_title == "첫째 이름");
    CHECK(adj.entries()[1].new_title == "둘째 이름");
    CHECK(adj.entries()[2].effective == date(2024, 9, 30));
    const snapshot s = make(date(2024, 6, 30), {{"1-1", S::on_track}, {"1-2", S::on_track}});
    CHECK(adj.apply(s).at("1-1").title == "둘째 이름");
    CHECK(adj.apply(s, date(2024, 12, 31)).at("1-1").title == "셋째 이름");
    CHECK(adj.apply(s, date(2024, 1, 1)).at("1-1").title == "사업 1-1");
    CHECK(adj.in_force(date(2024, 6, 30)).size() == 2);
  }

  TEST_CASE("an adjustment of an id the snapshot lacks changes nothing there") {
    adjustment_list adj;
    adj.add({id("7-7"), adjustment::removed, date(2024, 1, 1), "", "", std::nullopt, ""});
    const snapshot s = make(date(2024, 6, 30), {{"1-1", S::on_track}});
    CHECK(adj.apply(s) == s);
  }

  TEST_CASE("malformed adjustments are refused") {
    adjustment_list adj;
    CHECK_THROWS_WITH_AS(adj.add({id("4-1-4"), adjustment::merged, date(2024, 6, 30), "", "", std::nullopt, ""}),
                         "the adjustment of project '4-1-4' is a merge but names no project it is merged into",
                         data_error);
    CHECK_THROWS_WITH_AS(adj.add({id("4-1-4"), adjustment::merged, date(2024, 6, 30), "", "", id("4-1-4"), ""}),
                         "the adjustment of project '4-1-4' merges the project into itself", data_error);
    CHECK_THROWS_WITH_AS(adj.add({id("4-1-1"), adjustment::kind::renamed, date(2024, 6, 30), "", "", std::nullopt, ""}),
                         "the adjustment of project '4-1-1' is a rename but gives no new title", data_error);
    CHECK_THROWS_WITH_AS(adj.add({id("4-1-2"), adjustment::removed, date(), "", "", std::nullopt, ""}),
                         "the effective date of the adjustment of project '4-1-2' is not a calendar date: "
                         "not-a-date-time",
                         data_error);
    CHECK(adj.empty());
  }

  TEST_CASE("printing") {
    CHECK(printed(remove_4_1_2()) ==
          "adjustment(id=\"4-1-2\", k=removed, effective=2024-06-30, approved_by=\"주민배심원단\", "
          "reason=\"짧은 주행거리와 긴 충전시간으로 이용 기피\")");
    CHECK(to_string(adjustment::merged) == "merged");
    CHECK(label_ko(adjustment::renamed) == "변경");
  }
}

TEST_SUITE("pace") {
  TEST_CASE("the seed: 80% by the end of 민선8기 needs 7 more projects, 7/9 a quarter") {
    // 33/49 complete at 2024-03-31. 80% of 49 = 39.2, so 40 projects are
    // needed: 40 − 33 = 7. Quarters after 2024Q1 within the term (to
    // 2026-06-30): 2024Q2-Q4 (3) + 2025 (4) + 2026Q1-Q2 (2) = 9.
    const pace p = required_pace(q1_2024(), term::elected(8), fraction(80), criteria::kmc());
    CHECK(p.as_of == date(2024, 3, 31));
    CHECK(p.current == rate(fraction(33), 49));
    CHECK(p.projects_needed == 7);
    CHECK(p.quarters_left == 9);
    CHECK(p.per_quarter == fraction(7, 9));
    CHECK(p.message.empty());
    CHECK_FALSE(p.target_met());
    CHECK(printed(p) ==
          "pace(as_of=2024-03-31, target=80%, current=rate(33, 49), projects_needed=7, quarters_left=9, "
          "per_quarter=7/9)");

    SUBCASE("other targets") {
      // 100%: 49 − 33 = 16, 16/9 a quarter.
      const pace all = required_pace(q1_2024(), term::elected(8), fraction(100), criteria::kmc());
      CHECK(all.projects_needed == 16);
      CHECK(all.per_quarter == fraction(16, 9));
      // Exactly the current rate (3300/49 %): 33 needed, 33 there.
      CHECK(required_pace(q1_2024(), term::elected(8), fraction(3300, 49), criteria::kmc()).target_met());
      // One hair above it needs one more project.
      CHECK(required_pace(q1_2024(), term::elected(8), fraction(3301, 49), criteria::kmc()).projects_needed == 1);
    }
  }

  TEST_CASE("a target already met") {
    // 60% of 49 = 29.4 -> 30 needed, 33 there.
    const pace p = required_pace(q1_2024(), term::elected(8), fraction(60), criteria::kmc());
    CHECK(p.projects_needed == 0);
    CHECK(p.target_met());
    CHECK(p.per_quarter == fraction(0));
    CHECK(p.message == "target 60.0% already met: 67.3% (33/49)");
  }

  TEST_CASE("no quarters left") {
    // At the term's last day nothing whole is left: 7 still needed for 80%.
    const pace p =
        required_pace(redated(q1_2024(), date(2026, 6, 30)), term::elected(8), fraction(80), criteria::kmc());
    CHECK(p.quarters_left == 0);
    CHECK(p.projects_needed == 7);
    CHECK_FALSE(p.per_quarter.has_value());
    CHECK(p.message == "no quarters left in 민선8기 after 2026Q2: 7 more needed for 80.0%");
    // Mid-2026Q2 too: the quarter in progress is not a quarter left.
    CHECK(required_pace(redated(q1_2024(), date(2026, 4, 15)), term::elected(8), fraction(80), criteria::kmc())
              .quarters_left == 0);
  }

  TEST_CASE("bad targets and empty snapshots are refused") {
    CHECK_THROWS_WITH_AS((void)required_pace(q1_2024(), term::elected(8), fraction(120), criteria::kmc()),
                         "a target rate must lie in 0..100 percent, not 120", data_error);
    CHECK_THROWS_WITH_AS(
        (void)required_pace(snapshot(seogu, 8, date(2024, 3, 31)), term::elected(8), fraction(80), criteria::kmc()),
        "no rate to pace: nothing counted in the snapshot of 광주광역시 서구 as of 2024-03-31", data_error);
  }

  TEST_CASE("the seed's straight line ends the term at 382400/4459 = 85.8%") {
    // 2023-12-31 32/49 (3200/49 %) -> 2024-03-31 33/49 (3300/49 %): +100/49 %p
    // in 31 + 29 + 31 = 91 days (2024 is a leap year). From 2024-03-31 to
    // 2026-06-30: 275 (Apr-Dec 2024) + 365 (2025) + 181 (Jan-Jun 2026) = 821
    // days. 3300/49 + 100/(49·91) · 821 = (300300 + 82100)/4459 = 382400/4459
    // = 85.759 %, i.e. 33 + 821/91 = 42.02 of 49 projects (checked with
    // Python's fractions and datetime).
    const projection p = project_end_of_term(history({q4_2023(), q1_2024()}), term::elected(8), criteria::kmc());
    CHECK(p.method == "linear: first-to-last snapshot");
    CHECK(p.from == date(2023, 12, 31));
    CHECK(p.from_percent == fraction(3200, 49));
    CHECK(p.to_percent == fraction(3300, 49));
    CHECK(p.points_per_day == fraction(100, 4459));
    CHECK(p.term_end == date(2026, 6, 30));
    CHECK(p.days_to_end == 821);
    CHECK(p.percent == fraction(382400, 4459));
    CHECK(p.percent * fraction(49, 100) == fraction(3824, 91));  // 42.02 projects
    CHECK_FALSE(p.clamped);
    CHECK(p.to_string() == "85.8%");
    CHECK(printed(p) ==
          "projection(method=\"linear: first-to-last snapshot\", from=2023-12-31 3200/49%, to=2024-03-31 3300/49%, "
          "term_end=2026-06-30, percent=382400/4459 \"85.8%\")");
  }

  TEST_CASE("a projection across 2024-02-29 in a term with explicit dates") {
    // 10 projects: 1 complete on 2024-02-01 (10%), 2 on 2024-03-01 (20%):
    // 29 days in a leap February, so 10/29 %p a day. A term cut short to
    // end 2024-03-31: 30 days left. 20 + 300/29 = 880/29 = 30.34 -> "30.3%"
    // (a 28-day February would give 20 + 300/28 = 30.7).
    std::vector<row> feb, mar;
    const std::string_view ids[] = {"1-1", "1-2", "1-3", "1-4", "1-5", "1-6", "1-7", "1-8", "1-9", "1-10"};
    for (std::size_t i = 0; i < 10; ++i) {
      feb.push_back({ids[i], i < 1 ? S::completed : S::on_track});
      mar.push_back({ids[i], i < 2 ? S::completed : S::on_track});
    }
    const history h({make(date(2024, 2, 1), feb), make(date(2024, 3, 1), mar)});
    const term short_term(8, date(2022, 7, 1), date(2024, 3, 31));
    const projection p = project_end_of_term(h, short_term, criteria::kmc());
    CHECK(p.points_per_day == fraction(10, 29));
    CHECK(p.days_to_end == 30);
    CHECK(p.percent == fraction(880, 29));
    CHECK(p.to_string() == "30.3%");
  }

  TEST_CASE("a projection stays within 0..100") {
    // 0/2 -> 2/2 in 91 days climbs 100 %p a quarter: cut at 100.
    const history up({make(date(2023, 12, 31), {{"1-1", S::on_track}, {"1-2", S::on_track}}),
                      make(date(2024, 3, 31), {{"1-1", S::ongoing}, {"1-2", S::ongoing}})});
    const projection high = project_end_of_term(up, term::elected(8), criteria::kmc());
    CHECK(high.percent == fraction(100));
    CHECK(high.clamped);
    // 2/2 -> 1/2 falls 50 %p a quarter: cut at 0.
    const history down({make(date(2023, 12, 31), {{"1-1", S::ongoing}, {"1-2", S::ongoing}}),
                        make(date(2024, 3, 31), {{"1-1", S::ongoing}, {"1-2", S::lagging}})});
    const projection low = project_end_of_term(down, term::elected(8), criteria::kmc());
    CHECK(low.percent == fraction(0));
    CHECK(low.clamped);
    CHECK(low.to_string() == "0.0%");
    // A last report after the term's end: no days left, the last rate stands.
    const projection late = project_end_of_term(down, term::elected(7), criteria::kmc());
    CHECK(late.days_to_end == 0);
    CHECK(late.percent == fraction(50));
  }

  TEST_CASE("a projection needs two snapshots") {
    CHECK_THROWS_WITH_AS((void)project_end_of_term(history({q1_2024()}), term::elected(8), criteria::kmc()),
                         "a projection needs at least two snapshots; the history of 광주광역시 서구 has 1", data_error);
    CHECK_THROWS_AS((void)project_end_of_term(history(), term::elected(8), criteria::kmc()), data_error);
  }
}
