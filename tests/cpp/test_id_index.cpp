#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "pledgetrack/pledgetrack.hpp"

using namespace pledgetrack;

TEST_SUITE("id_index") {
  // The index keeps positions into a sequence the caller owns.
  struct table {
    std::vector<project_id> ids;
    id_index index;
    auto id_at() const {
      return [this](std::size_t position) -> const project_id& { return ids.at(position); };
    }
    /// Adds `text` at the end; the position it already had when it is there.
    std::optional<std::size_t> add(const std::string& text) {
      const project_id id = project_id::parse(text);
      const auto existing = index.insert(id, ids.size(), id_at());
      if (!existing) ids.push_back(id);
      return existing;
    }
    std::optional<std::size_t> find(const std::string& text) const {
      return index.find(project_id::parse(text), id_at());
    }
  };

  TEST_CASE("an empty index finds nothing") {
    const table t;
    CHECK(t.index.size() == 0);
    CHECK_FALSE(t.find("1-1").has_value());
    t.index.prefetch(project_id::parse("1-1"));  // a hint on an empty table is harmless
  }

  TEST_CASE("ids are found at the position they were added at, by any spelling") {
    table t;
    CHECK_FALSE(t.add("1-1-1").has_value());
    CHECK_FALSE(t.add("2-3-④").has_value());
    CHECK_FALSE(t.add("가-1").has_value());
    CHECK(t.index.size() == 3);
    CHECK(t.find("1-1-1") == std::optional<std::size_t>(0));
    CHECK(t.find("(2-3-4)") == std::optional<std::size_t>(1));
    CHECK(t.find("가-1") == std::optional<std::size_t>(2));
    CHECK_FALSE(t.find("1-1").has_value());
    CHECK_FALSE(t.find("2-3-4-1").has_value());
  }

  TEST_CASE("a second insert of an id changes nothing and returns the first position") {
    table t;
    t.add("1-1");
    t.add("1-2");
    CHECK(t.add("1-②") == std::optional<std::size_t>(1));
    CHECK(t.index.size() == 2);
    CHECK(t.ids.size() == 2);
    CHECK(t.find("1-2") == std::optional<std::size_t>(1));
  }

  TEST_CASE("growing keeps every id: 100,000 inserts, 70,000 distinct ids, then 100,000 absent ones") {
    table t;
    std::vector<std::string> texts;
    for (int a = 1; a <= 10; ++a)
      for (int b = 1; b <= 100; ++b)
        for (int c = 1; c <= 100; ++c)
          texts.push_back((a % 2 ? std::to_string(a) : std::string(a % 4 ? "III" : "가")) + "-" + std::to_string(b) +
                          "-" + std::to_string(c));
    // The odd a keep their digits; the even ones become III (a = 2, 6, 10)
    // or 가 (a = 4, 8), so those inserts repeat ids already there.
    for (std::size_t i = 0; i < texts.size(); ++i) {
      if (i < 5000) CHECK_FALSE(t.add(texts[i]).has_value());
      else t.add(texts[i]);
    }
    // First parts 1, 3, 5, 7, 9, III and 가: 7 of them, not 10.
    REQUIRE(t.index.size() == 7 * 100 * 100);
    REQUIRE(t.ids.size() == 7 * 100 * 100);
    std::size_t found = 0;
    for (std::size_t i = 0; i < t.ids.size(); ++i)
      if (t.index.find(t.ids[i], t.id_at()) == std::optional<std::size_t>(i)) ++found;
    CHECK(found == t.ids.size());
    std::size_t absent_found = 0;
    for (int b = 1; b <= 1000; ++b)
      for (int c = 101; c <= 200; ++c)
        if (t.find("1-" + std::to_string(b) + "-" + std::to_string(c))) ++absent_found;
    CHECK(absent_found == 0);
  }

  TEST_CASE("forget_last_insert takes back exactly the last id added, once") {
    table t;
    for (int i = 1; i <= 1000; ++i) t.add("1-" + std::to_string(i));
    t.index.forget_last_insert();
    t.ids.pop_back();
    CHECK(t.index.size() == 999);
    CHECK_FALSE(t.find("1-1000").has_value());
    std::size_t found = 0;
    for (int i = 1; i <= 999; ++i) found += t.find("1-" + std::to_string(i)) == std::optional<std::size_t>(i - 1);
    CHECK(found == 999);
    t.index.forget_last_insert();  // nothing left to take back
    CHECK(t.index.size() == 999);
    CHECK(t.find("1-999") == std::optional<std::size_t>(998));
    CHECK_FALSE(t.add("1-1000").has_value());
    CHECK(t.find("1-1000") == std::optional<std::size_t>(999));
  }

  TEST_CASE("reserve makes room without losing what is there") {
    table t;
    t.add("1-1");
    t.index.reserve(50000);
    CHECK(t.find("1-1") == std::optional<std::size_t>(0));
    for (int i = 2; i <= 50000; ++i) t.add("1-" + std::to_string(i));
    CHECK(t.index.size() == 50000);
    CHECK(t.find("1-50000") == std::optional<std::size_t>(49999));
  }

  TEST_CASE("shrink_to_fit gives back reserved room and keeps every id") {
    table t;
    t.index.reserve(100000);
    CHECK(t.index.capacity() >= 100000);
    for (int i = 1; i <= 300; ++i) t.add("2-" + std::to_string(i));
    t.index.shrink_to_fit();
    CHECK(t.index.size() == 300);
    CHECK(t.index.capacity() == 512);  // 1,024 slots, half usable: the smallest such table for 300 ids
    std::size_t found = 0;
    for (int i = 1; i <= 300; ++i) found += t.find("2-" + std::to_string(i)) == std::optional<std::size_t>(i - 1);
    CHECK(found == 300);
    CHECK_FALSE(t.find("2-301").has_value());
    CHECK_FALSE(t.add("2-301").has_value());  // and it grows again
    CHECK(t.find("2-301") == std::optional<std::size_t>(300));
  }

  TEST_CASE("a copied snapshot finds its own projects") {
    snapshot original("광주광역시 서구", 8, date(2024, 3, 31));
    for (int i = 1; i <= 100; ++i) {
      project p;
      p.id = project_id::parse("1-" + std::to_string(i));
      p.title = "사업 " + std::to_string(i);
      original.add(std::move(p));
    }
    const snapshot copy = original;
    original = snapshot();
    CHECK(copy.at("1-57").title == "사업 57");
    CHECK(&copy.at("1-57") == &copy.projects()[56]);
    CHECK(original.find(project_id::parse("1-57")) == nullptr);
  }
}
