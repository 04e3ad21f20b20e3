#include <doctest/doctest.h>

#include <sstream>

#include "pledgetrack/pledgetrack.hpp"

using namespace pledgetrack;

TEST_SUITE("snapshot") {
  project make(const char* id, const char* title = "") {
    project p;
    p.id = project_id::parse(id);
    p.title = title;
    return p;
  }

  TEST_CASE("projects are found by any spelling of their id") {
    snapshot s("광주광역시 서구", 8, date(2024, 3, 31));
    s.add(make("2-3-④", "소상공인 지역금융 연계 사업 지원 확대"));
    CHECK(s.size() == 1);
    CHECK(s.at("2-3-4").title == "소상공인 지역금융 연계 사업 지원 확대");
    CHECK(s.find(project_id::parse("(2-3-4)")) != nullptr);
    CHECK(s.find(project_id::parse("2-3-5")) == nullptr);
  }

  TEST_CASE("a duplicate id is a data_error naming it") {
    snapshot s("광주광역시 서구", 8, date(2024, 3, 31));
    s.add(make("2-3-4"));
    CHECK_THROWS_WITH_AS(s.add(make("2-3-④")),
                         "duplicate project id '2-3-4' in the snapshot of 광주광역시 서구 as of 2024-03-31", data_error);
    CHECK(s.size() == 1);
  }

  TEST_CASE("try_add adds a new id, and for one already there gives its project and adds nothing") {
    snapshot s("광주광역시 서구", 8, date(2024, 3, 31));
    CHECK(s.try_add(make("2-3-4", "first")) == nullptr);
    CHECK(s.try_add(make("2-3-5", "second")) == nullptr);
    project again = make("2-3-④", "third");  // the same id as the first, spelled otherwise
    const project* first = s.try_add(std::move(again));
    REQUIRE(first != nullptr);
    CHECK(first->title == "first");
    CHECK(again.title == "third");  // left as it was: the caller still names it
    CHECK(s.size() == 2);
    CHECK(s.at("2-3-4").title == "first");
    // The same checks as add: progress in 0..100, an id.
    project wrong = make("9-9");
    wrong.progress = fraction(101);
    CHECK_THROWS_WITH_AS((void)s.try_add(std::move(wrong)), "progress of project '9-9' must lie in 0..100, not 101",
                         data_error);
    CHECK_THROWS_AS((void)s.try_add(project{}), data_error);
    CHECK(s.size() == 2);
    CHECK(s.find(project_id::parse("9-9")) == nullptr);
  }

  TEST_CASE("a missing project is a data_error naming it") {
    const snapshot s("광주광역시 서구", 8, date(2024, 3, 31));
    CHECK_THROWS_WITH_AS((void)s.at("9-9"), "no project '9-9' in the snapshot of 광주광역시 서구 as of 2024-03-31",
                         data_error);
  }

  TEST_CASE("progress must lie in 0..100, and an id is required") {
    snapshot s("x", 8, date(2024, 3, 31));
    project p = make("1-1");
    p.progress = fraction(101);
    CHECK_THROWS_WITH_AS(s.add(p), "progress of project '1-1' must lie in 0..100, not 101", data_error);
    p.progress = fraction(-1);
    CHECK_THROWS_AS(s.add(p), data_error);
    CHECK_THROWS_AS(s.add(project{}), data_error);
    CHECK(s.empty());
  }

  TEST_CASE("snapshots compare by value and print like a constructor call") {
    snapshot a("광주광역시 서구", 8, date(2024, 3, 31));
    snapshot b("광주광역시 서구", 8, date(2024, 3, 31));
    a.add(make("1-1"));
    CHECK(a != b);
    b.add(make("1-1"));
    CHECK(a == b);
    std::ostringstream os;
    os << a;
    CHECK(os.str() == "snapshot(district=\"광주광역시 서구\", term=8, as_of=2024-03-31, projects=1)");
  }
}
