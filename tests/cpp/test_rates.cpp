#include <doctest/doctest.h>

#include <vector>

#include <string>

#include <algorithm>

#include <sstream>
#include <type_traits>

#include "pledgetrack/pledgetrack.hpp"

using namespace pledgetrack;

static_assert(std::is_trivially_copyable_v<fraction>);
static_assert(fraction(2, 4) == fraction(1, 2));
static_assert(fraction(1, 3) < fraction(1, 2));

TEST_SUITE("fraction") {
  TEST_CASE("fractions are kept in lowest terms with a positive denominator") {
    const fraction f(6, -4);
    CHECK(f.numerator() == -3);
    CHECK(f.denominator() == 2);
    CHECK(fraction(1, 3) + fraction(1, 6) == fraction(1, 2));
    CHECK(fraction(1, 2) - fraction(3, 4) == fraction(-1, 4));
    CHECK(fraction(33) * fraction(100) / fraction(49) == fraction(3300, 49));
    CHECK_THROWS_WITH_AS(fraction(1, 0), "fraction with a zero denominator: 1/0", error);
    CHECK_THROWS_AS(fraction(1) / fraction(0), error);
  }

  TEST_CASE("parse_decimal reads a plain decimal exactly, in lowest terms") {
    // Worked by hand: 87.5 = 175/2, 0.125 = 1/8, 40.0 = 40, 007 = 7.
    CHECK(parse_decimal("87") == fraction(87));
    CHECK(parse_decimal("87.5") == fraction(175, 2));
    CHECK(parse_decimal("0.125") == fraction(1, 8));
    CHECK(parse_decimal("40.0") == fraction(40));
    CHECK(parse_decimal("007") == fraction(7));
    CHECK(parse_decimal("5.") == fraction(5));
    CHECK(parse_decimal(".5") == fraction(1, 2));
    // Whole numbers take a shortcut past the reduction: the same value as
    // the fraction a reduction gives, for every whole number up to 1000.
    for (std::int64_t n = 0; n <= 1000; ++n) {
      const auto read = parse_decimal(std::to_string(n));
      REQUIRE(read);
      CHECK(read->numerator() == n);
      CHECK(read->denominator() == 1);
      CHECK(*read == fraction(n * 10, 10));
    }
    for (const char* bad : {"", ".", "-1", "1e3", "1.2.3", "12%", " 1", "1,000"}) CHECK_FALSE(parse_decimal(bad));
    CHECK_FALSE(parse_decimal("1234567890123456789"));  // beyond 15 significant digits
  }
}

TEST_SUITE("rounding") {
  TEST_CASE("the seed's figures round half up as published") {
    CHECK(format_decimal(fraction(3300, 49), rounding::half_up, 1) == "67.3");  // 67.3469…
    CHECK(format_decimal(fraction(3200, 49), rounding::half_up, 1) == "65.3");  // 65.3061…
    CHECK(format_decimal(fraction(1500, 49), rounding::half_up, 1) == "30.6");  // 30.6122…, the seed forced 30.7
    CHECK(format_decimal(fraction(100, 49), rounding::half_up, 1) == "2.0");    // 2.0408…
  }

  TEST_CASE("the three rules differ where they should") {
    const fraction f(4300, 90);  // 47.777…
    CHECK(format_decimal(f, rounding::half_up, 1) == "47.8");
    CHECK(format_decimal(f, rounding::truncate, 1) == "47.7");
    CHECK(format_decimal(fraction(1, 4), rounding::half_even, 1) == "0.2");
    CHECK(format_decimal(fraction(7, 20), rounding::half_even, 1) == "0.4");
    CHECK(format_decimal(fraction(1, 4), rounding::half_up, 1) == "0.3");
    CHECK(format_decimal(fraction(-41, 20), rounding::half_up, 1) == "-2.1");   // half away from zero
    CHECK(format_decimal(fraction(-41, 20), rounding::truncate, 1) == "-2.0");  // toward zero
    CHECK(format_decimal(fraction(-1, 100), rounding::half_up, 1) == "0.0");    // no "-0.0"
    CHECK(format_decimal(fraction(2, 3), rounding::half_up, 0) == "1");
    CHECK(format_decimal(fraction(1, 200), rounding::half_up, 3) == "0.005");
  }

  TEST_CASE("rules have names") {
    CHECK(parse_rounding("half-up") == rounding::half_up);
    CHECK(parse_rounding("truncate") == rounding::truncate);
    CHECK(label_ko(rounding::truncate) == "버림");
    CHECK_THROWS_WITH_AS((void)parse_rounding("ceil"), "unknown rounding rule (known: half_up, truncate, half_even): 'ceil'",
                         parse_error);
    CHECK_THROWS_AS((void)round_scaled(fraction(1), rounding::half_up, 12), error);
  }
}

TEST_SUITE("grouping") {
  TEST_CASE("group_projects: groups in order of first appearance, few or many, short keys or long") {
    // Keys of 1 to 40 groups, short (kept inside the string) and long, with
    // the rows of each group spread out; the groups must be those a plain
    // search through a list gives, in order of first appearance.
    for (const std::size_t count : std::vector<std::size_t>{1, 5, 16, 17, 40}) {
      snapshot s("x", 8, date(2024, 3, 31));
      std::vector<std::string> keys;
      for (std::size_t g = 0; g < count; ++g)
        keys.push_back(g % 2 == 0 ? "과" + std::to_string(g) : "아주 긴 이름의 부서 " + std::to_string(g) + "과");
      for (std::size_t i = 0; i < 3 * count; ++i) {
        project p;
        p.id = project_id::parse(std::to_string(i + 1));
        p.title = "사업";
        p.department = keys[(i * 7) % count];  // every group met again and again, out of order
        s.add(p);
      }
      std::vector<std::pair<std::string, std::vector<std::string>>> expected;  // key, ids
      for (const project& p : s) {
        auto it =
            std::find_if(expected.begin(), expected.end(), [&](const auto& e) { return e.first == p.department; });
        if (it == expected.end()) it = expected.insert(expected.end(), {p.department, {}});
        it->second.push_back(p.id.to_string());
      }
      const std::vector<project_group> groups = group_projects(s, dimension::department);
      CAPTURE(count);
      REQUIRE(groups.size() == count);
      for (std::size_t g = 0; g < count; ++g) {
        CHECK(groups[g].key == expected[g].first);
        std::vector<std::string> ids;
        for (const project* p : groups[g].projects) ids.push_back(p->id.to_string());
        CHECK(ids == expected[g].second);
      }
    }
  }
}

TEST_SUITE("rate") {
  TEST_CASE("a rate is an exact fraction shown by its rule") {
    const rate r(fraction(33), 49);
    CHECK(r.has_value());
    CHECK(r.share() == fraction(33, 49));
    CHECK(r.percent() == fraction(3300, 49));
    CHECK(r.to_string() == "67.3%");
    CHECK(r.percent_text() == "67.3");
    std::ostringstream os;
    os << r;
    CHECK(os.str() == "rate(33, 49)");
    CHECK(rate(fraction(43), 90, rounding::truncate).to_string() == "47.7%");
  }

  TEST_CASE("an empty denominator has no rate, not 0% and not 100%") {
    const rate none(fraction(0), 0);
    CHECK_FALSE(none.has_value());
    CHECK_FALSE(none.percent().has_value());
    CHECK(none.to_string() == "n/a");
    CHECK(none.percent_text().empty());
  }

  TEST_CASE("the percent of a count is 100 n / d in lowest terms, as the product of fractions gives it") {
    // percent() reduces a whole numerator once; the product of fractions is
    // the general path, computed here independently, for every n/d to 300.
    for (std::int64_t d = 1; d <= 300; ++d)
      for (std::int64_t n = 0; n <= d; ++n) {
        const auto p = rate(fraction(n), d).percent();
        REQUIRE(p.has_value());
        REQUIRE(*p == fraction(n, d) * fraction(100));
      }
    CHECK(rate(fraction(0), 7).percent() == fraction(0));        // 0/1, not 0/7
    CHECK(rate(fraction(49), 49).percent() == fraction(100));    // 100/1
    CHECK(rate(fraction(1), 3).percent() == fraction(100, 3));   // 33.33…
    // A fractional numerator (mean progress) takes the general path.
    CHECK(rate(fraction(7, 2), 7).percent() == fraction(50));
  }

  TEST_CASE("a numerator outside 0..denominator is refused") {
    CHECK_THROWS_AS(rate(fraction(50), 49), error);
    CHECK_THROWS_AS(rate(fraction(-1), 49), error);
    CHECK_THROWS_AS(rate(fraction(0), -1), error);
  }

  TEST_CASE("changes are in percentage points") {
    const rate before(fraction(32), 49);
    const rate after(fraction(33), 49);
    const auto change = change_in_points(before, after);
    CHECK(change == fraction(100, 49));
    CHECK(format_points(change, rounding::half_up, 1) == "+2.0%p");
    CHECK(format_points(change_in_points(after, before), rounding::half_up, 1) == "-2.0%p");
    CHECK(format_points(change_in_points(after, after), rounding::half_up, 1) == "0.0%p");
    CHECK_FALSE(change_in_points(before, rate()).has_value());
    CHECK(format_points(std::nullopt, rounding::half_up, 1) == "n/a");
  }
}

TEST_SUITE("criteria") {
  project make(const char* id, status s, std::optional<fraction> progress = std::nullopt,
               due d = due::unknown, scope sc = scope::in) {
    project p;
    p.id = project_id::parse(id);
    p.status = s;
    p.progress = progress;
    p.due = d;
    p.scope = sc;
    return p;
  }

  TEST_CASE("the KMC rate keeps 보류 and 폐기 in the denominator but not removed projects") {
    const std::vector<project> ps = {make("1-1", status::completed), make("1-2", status::ongoing),
                                     make("1-3", status::on_hold), make("1-4", status::dropped),
                                     make("1-5", status::on_track, std::nullopt, due::unknown, scope::removed)};
    const rate r = completion_rate(ps, criteria::kmc());
    CHECK(r.numerator() == fraction(2));
    CHECK(r.denominator() == 4);
    CHECK(r.to_string() == "50.0%");
  }

  TEST_CASE("이행률 counts 정상추진 as well") {
    const std::vector<project> ps = {make("1-1", status::completed), make("1-2", status::on_track),
                                     make("1-3", status::lagging)};
    CHECK(completion_rate(ps, criteria::implementation()) == rate(fraction(2), 3));
    CHECK(completion_rate(ps, criteria::kmc()) == rate(fraction(1), 3));
  }

  TEST_CASE("mean progress is a mean over projects, and says how many had no figure") {
    // Two groups: {100} and {0, 50, 70}. Mean over projects = 220/4 = 55;
    // the mean of group means would be (100 + 40) / 2 = 70: the trap.
    const std::vector<project> ps = {make("1-1", status::completed, fraction(100)),
                                     make("2-1", status::on_track, fraction(0)),
                                     make("2-2", status::on_track, fraction(50)),
                                     make("2-3", status::on_track, fraction(70)),
                                     make("2-4", status::on_track)};
    const rate r = completion_rate(ps, criteria::mean_progress());
    CHECK(r.percent() == fraction(55));
    CHECK(r.denominator() == 4);
    CHECK(r.unmeasured() == 1);
    CHECK(r.to_string() == "55.0%");
  }

  TEST_CASE("the in-term rate leaves out projects due after the term and those not yet due") {
    const std::vector<project> ps = {make("1-1", status::completed, std::nullopt, due::in_term),
                                     make("1-2", status::on_track, std::nullopt, due::after_term),
                                     make("1-3", status::not_due), make("1-4", status::lagging)};
    CHECK(completion_rate(ps, criteria::in_term()) == rate(fraction(1), 2));
    CHECK(completion_rate(ps, criteria::kmc()) == rate(fraction(1), 4));
  }

  TEST_CASE("weighted scores add the weight of each status") {
    auto c = criteria::weighted_score({fraction(1), fraction(1), fraction(1, 2), fraction(1, 4), fraction(0),
                                       fraction(0), fraction(0)});
    const std::vector<project> ps = {make("1-1", status::ongoing), make("1-2", status::on_track),
                                     make("1-3", status::lagging), make("1-4", status::dropped)};
    CHECK(completion_rate(ps, c).numerator() == fraction(7, 4));
    CHECK(completion_rate(ps, c).percent() == fraction(175, 4));  // 43.75
    CHECK_THROWS_AS(criteria::weighted_score({fraction(2), fraction(0), fraction(0), fraction(0), fraction(0),
                                              fraction(0), fraction(0)}),
                    error);
  }

  TEST_CASE("on the pledge basis a pledge is complete when all its projects are") {
    const std::vector<project> ps = {make("1-1-1", status::completed), make("1-1-2", status::on_track),
                                     make("1-2-1", status::ongoing), make("1-2-2", status::completed),
                                     make("1-3", status::completed)};
    criteria c = criteria::kmc();
    c.basis = basis::pledge;
    CHECK(completion_rate(ps, c) == rate(fraction(2), 3));
    c.measure = measure::mean_progress;
    CHECK_THROWS_AS((void)completion_rate(ps, c), error);
  }

  TEST_CASE("validate refuses criteria that cannot give a rate, and completion_rate checks them") {
    for (const criteria& preset : {criteria::kmc(), criteria::implementation(), criteria::mean_progress(),
                                   criteria::in_term()})
      CHECK_NOTHROW(preset.validate());

    criteria heavy = criteria::kmc();
    heavy.measure = measure::weighted;
    heavy.weights[0] = fraction(3, 2);
    CHECK_THROWS_WITH_AS(heavy.validate(), "status weights must lie in [0, 1], not 3/2", error);
    heavy.weights[0] = fraction(-1, 4);
    CHECK_THROWS_WITH_AS(heavy.validate(), "status weights must lie in [0, 1], not -1/4", error);

    criteria places = criteria::kmc();
    places.decimals = 10;
    CHECK_THROWS_WITH_AS(places.validate(), "decimals must lie in 0..9, not 10", error);
    places.decimals = -1;
    CHECK_THROWS_WITH_AS(places.validate(), "decimals must lie in 0..9, not -1", error);
    places.decimals = 9;
    CHECK_NOTHROW(places.validate());

    criteria pledges = criteria::kmc();
    pledges.basis = basis::pledge;
    CHECK_NOTHROW(pledges.validate());
    pledges.measure = measure::weighted;
    CHECK_THROWS_WITH_AS(pledges.validate(), "the pledge basis applies to status shares only, not to weighted",
                         error);

    // completion_rate refuses invalid criteria before counting anything.
    const std::vector<project> ps = {make("1-1", status::completed)};
    CHECK_THROWS_WITH_AS((void)completion_rate(ps, heavy), "status weights must lie in [0, 1], not -1/4",
                         error);
  }

  TEST_CASE("nothing counted gives no rate") {
    const std::vector<project> none;
    CHECK_FALSE(completion_rate(none, criteria::kmc()).has_value());
    const std::vector<project> only_removed = {make("1-1", status::completed, std::nullopt, due::unknown, scope::removed)};
    CHECK_FALSE(completion_rate(only_removed, criteria::kmc()).has_value());
  }

  TEST_CASE("the rounding rule and decimals travel with the criteria") {
    criteria c = criteria::kmc();
    c.rule = rounding::truncate;
    c.decimals = 2;
    std::vector<project> ps;
    for (int i = 1; i <= 90; ++i)
      ps.push_back(make(("1-" + std::to_string(i)).c_str(), i <= 43 ? status::completed : status::on_track));
    CHECK(completion_rate(ps, c).to_string() == "47.77%");
  }
}
