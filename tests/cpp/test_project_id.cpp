#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <type_traits>
#include <vector>

#include "pledgetrack/model/project_id.hpp"

using namespace pledgetrack;

static_assert(std::is_trivially_copyable_v<project_id>);
static_assert(std::is_nothrow_default_constructible_v<project_id>);

TEST_SUITE("project id") {
  TEST_CASE("ids of digits and dashes, read on their fast path, read as the general reading reads them") {
    // Every text of up to six characters of 0 1 - . (5,460 of them) against
    // the same text with a space after each separator, which only the
    // general reading takes ("1- 2" and "1-2" are the same id, or both none).
    const std::string alphabet = "01-.";
    std::vector<std::string> texts = {""};
    for (std::size_t length = 1, from = 0; length <= 6; ++length) {
      const std::size_t to = texts.size();
      for (std::size_t i = from; i < to; ++i)
        for (const char c : alphabet) texts.push_back(texts[i] + c);
      from = to;
    }
    texts.push_back("1234567");
    texts.push_back("123456-1");
    texts.push_back("1-2-3-4-5-6");
    texts.push_back("1-2-3-4-5-6-7");
    std::size_t ids = 0;
    for (const std::string& plain : texts) {
      std::string spaced;
      for (const char c : plain) {
        spaced += c;
        if (c == '-' || c == '.') spaced += ' ';
      }
      const auto fast = project_id::try_parse(plain);
      const auto general = project_id::try_parse(spaced);
      CAPTURE(plain);
      REQUIRE(fast.has_value() == general.has_value());
      if (fast) {
        CHECK(*fast == *general);
        ++ids;
      }
      // read() takes the fast path too: the same id, or, for a text that is
      // no numbered id ("1-2.", "-"), a text id as before.
      if (!plain.empty()) {
        const project_id read = project_id::read(plain);
        if (general) CHECK(read == *general);
        else CHECK(read.is_text());
      }
    }
    CHECK(ids > 1000);  // both readings accept many (1, 10-1, 0.1.0 …), not only refuse
    CHECK(project_id::try_parse("1-2-3-4-5-6")->size() == 6);
    CHECK_FALSE(project_id::try_parse("1-2-3-4-5-6-7"));
    CHECK_FALSE(project_id::try_parse("1234567"));
  }

  TEST_CASE("every spelling of the seed's ids has one canonical form") {
    for (const char* text : {"2-3-④", "2-3-4", "2-3 ④", "2-3④", "(2-3-4)", " 2 - 3 - 4 ", "2.3.4", "2-3-4."})
      CHECK(project_id::parse(text).to_string() == "2-3-4");
    CHECK(project_id::parse("4-5.").to_string() == "4-5");
    CHECK(project_id::parse("(2-4-1)").to_string() == "2-4-1");
    CHECK(project_id::parse("4-2").to_string() == "4-2");
    CHECK(project_id::parse("4-5. ③").to_string() == "4-5-3");
  }

  TEST_CASE("other governments' numbering") {
    CHECK(project_id::parse("가-1").to_string() == "가-1");
    CHECK(project_id::parse("하-3").to_string() == "하-3");  // the 14th and last numbering syllable
    CHECK(project_id::parse("III-①-1").to_string() == "III-1-1");
    CHECK(project_id::parse("Ⅲ-①-1") == project_id::parse("III-1-1"));
    CHECK(project_id::parse("iv-2").to_string() == "IV-2");
    CHECK(project_id::parse("1-10").to_string() == "1-10");
    CHECK(project_id::parse("1-10").size() == 2);
  }

  TEST_CASE("components and pledge") {
    const auto id = project_id::parse("III-①-1");
    REQUIRE(id.size() == 3);
    CHECK(id[0].type == id_component::kind::roman);
    CHECK(id[0].value == 3);
    CHECK(id[1].type == id_component::kind::number);
    CHECK(id.pledge().to_string() == "III-1");
    CHECK(project_id::parse("4-2").pledge().to_string() == "4-2");  // a single-project pledge
  }

  TEST_CASE("ids order naturally") {
    CHECK(project_id::parse("1-9") < project_id::parse("1-10"));
    CHECK(project_id::parse("2-3") < project_id::parse("2-3-1"));
    CHECK(project_id::parse("가-2") < project_id::parse("나-1"));
  }

  TEST_CASE("garbage is a parse_error naming the text") {
    CHECK_THROWS_WITH_AS((void)project_id::parse("합계"), "not a project id: '합계'", parse_error);
    CHECK_THROWS_WITH_AS((void)project_id::parse("  "), "empty project id: '  '", parse_error);
    for (const char* bad : {"2--3", "-2", "2-3-", "IIII-1", "가나-1", "1가", "1234567", "1-2-3-4-5-6-7", "2/3", "ab",
                            "\xFF",
                            // syllables that do not number: words such as 소계
                            "소-1", "소 계", "계-2"})
      CHECK_THROWS_AS((void)project_id::parse(bad), parse_error);
  }

  TEST_CASE("operator<< looks like a constructor call") {
    std::ostringstream os;
    os << project_id::parse("2-3-④");
    CHECK(os.str() == "project_id(\"2-3-4\")");
  }
}
