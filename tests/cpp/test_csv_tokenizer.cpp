// RFC 4180 tokenizer (pledgetrack/io/csv_tokenizer.hpp).
#include <doctest/doctest.h>

#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "pledgetrack/error.hpp"
#include "pledgetrack/io/csv_tokenizer.hpp"

#include "parse_error_of.hpp"

using pledgetrack::parse_error;
using pledgetrack::io::csv_limits;
using pledgetrack::io::csv_record;
using pledgetrack::io::csv_tokenizer;
using namespace std::string_literals;

namespace {

using rows = std::vector<std::vector<std::string>>;

struct tokenized {
  rows records;
  std::vector<std::size_t> lines;
};

tokenized tokenize(std::string_view text, char delimiter = 0, csv_limits limits = {}) {
  csv_tokenizer tok(text, "f.csv", delimiter, limits);
  tokenized out;
  csv_record rec;
  while (tok.next(rec)) {
    out.records.emplace_back(rec.fields.begin(), rec.fields.end());
    out.lines.push_back(rec.line);
  }
  return out;
}

rows records_of(std::string_view text, char delimiter = 0) {
  return tokenize(text, delimiter).records;
}

std::vector<std::size_t> lines_of(std::string_view text) { return tokenize(text).lines; }

}  // namespace

TEST_SUITE("csv tokenizer") {

TEST_CASE("plain records") {
  SUBCASE("fields and records") {
    CHECK(records_of("a,b,c\n1,2,3\n") == rows{{"a", "b", "c"}, {"1", "2", "3"}});
    CHECK(lines_of("a,b,c\n1,2,3\n") == std::vector<std::size_t>{1, 2});
  }
  SUBCASE("no newline at the end") {
    CHECK(records_of("a,b\n1,2") == rows{{"a", "b"}, {"1", "2"}});
  }
  SUBCASE("empty fields") {
    CHECK(records_of(",,\n") == rows{{"", "", ""}});
    CHECK(records_of("a,\n,b") == rows{{"a", ""}, {"", "b"}});
    CHECK(records_of("a,") == rows{{"a", ""}});
  }
  SUBCASE("a single field") { CHECK(records_of("x\ny\n") == rows{{"x"}, {"y"}}); }
  SUBCASE("spaces are kept") {
    CHECK(records_of(" a , b \n") == rows{{" a ", " b "}});
  }
  SUBCASE("Korean text") {
    CHECK(records_of("광주광역시 서구,민선8기,이행후계속추진\n") ==
          rows{{"광주광역시 서구", "민선8기", "이행후계속추진"}});
  }
  SUBCASE("a quote inside an unquoted field is data") {
    CHECK(records_of("ab\"c,d\"\"\n") == rows{{"ab\"c", "d\"\""}});
    CHECK(records_of("소상공인 ‘다시서기’ \"발판\",x") == rows{{"소상공인 ‘다시서기’ \"발판\"", "x"}});
  }
  SUBCASE("a leading UTF-8 BOM is skipped") {
    CHECK(records_of("\xEF\xBB\xBF" "a,b\n") == rows{{"a", "b"}});
  }
  SUBCASE("empty text") {
    CHECK(records_of("").empty());
    csv_tokenizer tok("", "f.csv");
    csv_record rec;
    CHECK_FALSE(tok.next(rec));
    CHECK_FALSE(tok.next(rec));  // stays at the end
  }
}

TEST_CASE("line endings") {
  SUBCASE("CRLF, LF and mixed") {
    CHECK(records_of("a,b\r\nc,d\r\n") == rows{{"a", "b"}, {"c", "d"}});
    CHECK(records_of("a,b\r\nc,d\ne,f\r\ng") == rows{{"a", "b"}, {"c", "d"}, {"e", "f"}, {"g"}});
    CHECK(lines_of("a,b\r\nc,d\ne,f\r\ng") == std::vector<std::size_t>{1, 2, 3, 4});
  }
  SUBCASE("a lone CR is data") {
    CHECK(records_of("a\rb,c\n") == rows{{"a\rb", "c"}});
    CHECK(records_of("a,b\r") == rows{{"a", "b\r"}});
    CHECK(lines_of("a\rb\nc") == std::vector<std::size_t>{1, 2});
  }
  SUBCASE("blank lines are skipped, line numbers stay right") {
    CHECK(records_of("a\n\nb\r\n\r\n\n c") == rows{{"a"}, {"b"}, {" c"}});
    CHECK(lines_of("a\n\nb\r\n\r\n\n c") == std::vector<std::size_t>{1, 3, 6});
    CHECK(lines_of("\n\n\r\na\n") == std::vector<std::size_t>{4});
    CHECK(records_of("\n\r\n\r\r\n\n").empty());
    CHECK(records_of("a\n\r").size() == 1);  // a trailing CR-only line is blank too
  }
  SUBCASE("a line of delimiters is a record, not a blank line") {
    CHECK(records_of("a,b\n,\n") == rows{{"a", "b"}, {"", ""}});
  }
}

TEST_CASE("quoted fields") {
  SUBCASE("delimiters, quotes and newlines inside") {
    CHECK(records_of("\"a,b\",\"c\"\"d\",\"line1\nline2\",e\nnext") ==
          rows{{"a,b", "c\"d", "line1\nline2", "e"}, {"next"}});
  }
  SUBCASE("newlines inside count as lines") {
    CHECK(lines_of("\"a\nb\nc\",x\nnext\n\"\r\n\"\nlast") == std::vector<std::size_t>{1, 4, 5, 7});
  }
  SUBCASE("CRLF inside a quoted field stays as it is") {
    CHECK(records_of("\"x\r\ny\"\r\nz") == rows{{"x\r\ny"}, {"z"}});
  }
  SUBCASE("empty and all-quote fields") {
    CHECK(records_of("\"\",\"\"\"\",\"\"\"\"\"\"\n") == rows{{"", "\"", "\"\""}});
    CHECK(records_of("\"\"") == rows{{""}});
    CHECK(records_of("\"\"\n") == rows{{""}});  // a quoted empty field is a record
  }
  SUBCASE("doubled quotes at the start, middle and end") {
    CHECK(records_of("\"\"\"a\",\"b\"\"c\",\"d\"\"\"") == rows{{"\"a", "b\"c", "d\""}});
  }
  SUBCASE("quoted field at the end of the text, with and without newline") {
    CHECK(records_of("a,\"b\"") == rows{{"a", "b"}});
    CHECK(records_of("a,\"b\"\r\n") == rows{{"a", "b"}});
  }
  SUBCASE("the project's CSV row") {
    const std::string row =
        "광주광역시 서구,민선8기,2024-03-31,2-3-4,골목·경제,소상공인 ‘다시서기’ 발판 마련,"
        "\"재기를 준비하는, 소상공인 재취업·재창업 컨설팅 지원 강화\",일자리창업지원과,"
        "문화경제국,이행후계속추진,,,,in,";
    const rows r = records_of(row + "\r\n" + row);
    REQUIRE(r.size() == 2);
    CHECK(r[0] == r[1]);
    REQUIRE(r[0].size() == 15);
    CHECK(r[0][6] == "재기를 준비하는, 소상공인 재취업·재창업 컨설팅 지원 강화");
    CHECK(r[0][9] == "이행후계속추진");
    CHECK(r[0][13] == "in");
    CHECK(r[0][14].empty());
  }
}

TEST_CASE("views") {
  SUBCASE("unescaped fields point into the text") {
    const std::string text = "ab,\"cd\"\n";
    csv_tokenizer tok(text, "f.csv");
    csv_record rec;
    REQUIRE(tok.next(rec));
    REQUIRE(rec.fields.size() == 2);
    CHECK(rec.fields[0].data() == text.data());
    CHECK(rec.fields[1].data() == text.data() + 4);
  }
  SUBCASE("many unescaped fields in one record stay valid (scratch growth)") {
    std::string text;
    std::vector<std::string> expected;
    for (int i = 0; i < 60; ++i) {
      const std::string body(100 + i * 37, static_cast<char>('a' + i % 26));
      text += (i ? "," : "") + "\""s + body + "\"\"" + std::to_string(i) + "\"";
      expected.push_back(body + "\"" + std::to_string(i));
    }
    text += "\nnext,\"x\"\"y\"\n";
    csv_tokenizer tok(text, "f.csv");
    csv_record rec;
    REQUIRE(tok.next(rec));
    CHECK(std::vector<std::string>(rec.fields.begin(), rec.fields.end()) == expected);
    REQUIRE(tok.next(rec));
    CHECK(std::vector<std::string>(rec.fields.begin(), rec.fields.end()) ==
          std::vector<std::string>{"next", "x\"y"});
    CHECK(rec.line == 2);
    CHECK_FALSE(tok.next(rec));
  }
}

TEST_CASE("errors") {
  SUBCASE("unterminated quoted field names the line where it opened") {
    CHECK_THROWS_WITH_AS(records_of("a,b\nc,\"open\nmore\nlines"),
                         "f.csv:2:2: unterminated quoted field (opened here): '\"open'",
                         parse_error);
    // "a"" is a doubled quote, not a closing one.
    CHECK_THROWS_WITH_AS(records_of("\"a\"\""), "f.csv:1:1: unterminated quoted field (opened here): '\"a\"\"'",
                         parse_error);
    CHECK_THROWS_WITH_AS(records_of("x\n\""), "f.csv:2:1: unterminated quoted field (opened here): '\"'",
                         parse_error);
  }
  SUBCASE("after an error the tokenizer stays at the bad record") {
    csv_tokenizer tok("ok\n\"a\nb\nc", "f.csv");
    csv_record rec;
    REQUIRE(tok.next(rec));
    for (int i = 0; i < 2; ++i)
      CHECK_THROWS_WITH_AS(tok.next(rec), "f.csv:2:1: unterminated quoted field (opened here): '\"a'",
                           parse_error);
  }
  SUBCASE("the excerpt is at most 40 bytes and never cuts a character") {
    std::string text = "\"";
    for (int i = 0; i < 20; ++i) text += "가";
    const auto e = parse_error_of([&] { (void)records_of(text); });
    REQUIRE(e.has_value());
    CHECK(e->text() == "\"가가가가가가가가가가가가가");  // 1 + 13 * 3 = 40 bytes
    CHECK(e->where().line == 1);
    CHECK(e->where().column == 1);
    CHECK(e->problem() == "unterminated quoted field (opened here)");
    // Shifted by one byte, byte 40 is inside a 가: the excerpt stops before it.
    const auto shifted = parse_error_of([&] { (void)records_of("\"a" + text.substr(1)); });
    REQUIRE(shifted.has_value());
    CHECK(shifted->text() == "\"a가가가가가가가가가가가가");  // 2 + 12 * 3 = 38 bytes
  }
  SUBCASE("text after the closing quote") {
    CHECK_THROWS_WITH_AS(records_of("\"ab\"x,c"), "f.csv:1:1: text after closing quote: 'x'",
                         parse_error);
    CHECK_THROWS_WITH_AS(records_of("a,\"b\" ,c"), "f.csv:1:2: text after closing quote: ' '",
                         parse_error);
    // The line is the one of the closing quote; the excerpt stops at the delimiter.
    CHECK_THROWS_WITH_AS(records_of("h\na,\"x\ny\"zz,w\n"),
                         "f.csv:3:2: text after closing quote: 'zz'", parse_error);
    // A lone CR after the closing quote is not a line end.
    CHECK_THROWS_WITH_AS(records_of("\"a\"\rb"), "f.csv:1:1: text after closing quote: '\rb'",
                         parse_error);
  }
  SUBCASE("field size limit") {
    csv_limits limits;
    limits.max_field_bytes = 5;
    CHECK(tokenize("abcde,\"vwxyz\"", 0, limits).records == rows{{"abcde", "vwxyz"}});
    CHECK_THROWS_WITH_AS(tokenize("x\nab,abcdef,x", 0, limits),
                         "f.csv:2:2: field longer than the limit of 5 bytes: 'abcdef'", parse_error);
    CHECK_THROWS_WITH_AS(tokenize("\"abcdef\",x", 0, limits),
                         "f.csv:1:1: field longer than the limit of 5 bytes: '\"abcdef\"'",
                         parse_error);
    // The limit applies to the value, after unescaping.
    CHECK(tokenize("\"ab\"\"cd\"", 0, limits).records == rows{{"ab\"cd"}});
    CHECK_THROWS_WITH_AS(tokenize("\"abc\"\"de\"", 0, limits),
                         "f.csv:1:1: field longer than the limit of 5 bytes: '\"abc\"\"de\"'",
                         parse_error);
  }
  SUBCASE("default field size limit is 1 MiB") {
    CHECK(csv_limits{}.max_field_bytes == 1048576);
    CHECK(csv_limits{}.max_fields == 4096);
    const std::string ok(1 << 20, 'x');
    CHECK(tokenize(ok).records[0][0].size() == ok.size());
    const auto e = parse_error_of([&] { (void)tokenize(ok + "y"); });
    REQUIRE(e.has_value());
    CHECK(e->problem() == "field longer than the limit of 1048576 bytes");
    CHECK(e->text() == std::string(40, 'x'));
  }
  SUBCASE("fields per record limit") {
    csv_limits limits;
    limits.max_fields = 3;
    CHECK(tokenize("a,b,c\n1,2,3", 0, limits).records.size() == 2);
    CHECK_THROWS_WITH_AS(tokenize("a,b,c\n1,2,3,4", 0, limits),
                         "f.csv:2:4: more than 3 fields in a record: '1,2,3,4'", parse_error);
    CHECK_THROWS_WITH_AS(tokenize("a,b,c,", 0, limits),
                         "f.csv:1:4: more than 3 fields in a record: 'a,b,c,'", parse_error);
  }
}

TEST_CASE("delimiter") {
  SUBCASE("detected: tab when the first record's line has more tabs than commas") {
    CHECK(csv_tokenizer("a\tb,c\td\n1,2,3,4,5\n", "f.csv").delimiter() == '\t');
    CHECK(records_of("a\tb,c\td\n1,2") == rows{{"a", "b,c", "d"}, {"1,2"}});
    CHECK(csv_tokenizer("a,b\tc\n", "f.csv").delimiter() == ',');  // a tie is a comma
    CHECK(csv_tokenizer("abc\n", "f.csv").delimiter() == ',');
    CHECK(csv_tokenizer("", "f.csv").delimiter() == ',');
  }
  SUBCASE("detection skips blank lines and looks at the first line only") {
    CHECK(csv_tokenizer("\r\n\na\tb\n1,2,3,4\n", "f.csv").delimiter() == '\t');
    CHECK(csv_tokenizer("a,b\n\t\t\t\n", "f.csv").delimiter() == ',');
  }
  SUBCASE("given") {
    CHECK(records_of("a;b,c\n", ';') == rows{{"a", "b,c"}});
    CHECK(records_of("a,b\tc\n", '\t') == rows{{"a,b", "c"}});
    csv_tokenizer tok("x", "data/table.tsv", '\t');
    CHECK(tok.delimiter() == '\t');
    CHECK(tok.file() == "data/table.tsv");
  }
  SUBCASE("quoted fields with tabs") {
    CHECK(records_of("\"a\tb\"\tc\n", '\t') == rows{{"a\tb", "c"}});
  }
  SUBCASE("a quote, CR or LF cannot be the delimiter") {
    CHECK_THROWS_AS(csv_tokenizer("a", "f.csv", '"'), pledgetrack::error);
    CHECK_THROWS_AS(csv_tokenizer("a", "f.csv", '\n'), pledgetrack::error);
    CHECK_THROWS_AS(csv_tokenizer("a", "f.csv", '\r'), pledgetrack::error);
  }
}

TEST_CASE("random tables round-trip") {
  // Random records written the RFC 4180 way, read back; long enough to cross
  // many 64-byte scanning blocks with specials at every position.
  std::mt19937 rng(4180);
  const char* pieces[] = {"a", "가", "정상추진", ",", "\"", "\n", "\r\n", "\r", " ", "\t", "xyz"};
  for (const char delimiter : {',', '\t'}) {
    for (int round = 0; round < 40; ++round) {
      rows expected;
      std::vector<std::size_t> expected_lines;
      std::string text;
      std::size_t line = 1;
      const int records = 1 + static_cast<int>(rng() % 60);
      for (int r = 0; r < records; ++r) {
        std::vector<std::string> fields(1 + rng() % 8);
        for (std::string& f : fields) {
          const int n = static_cast<int>(rng() % 7);
          for (int k = 0; k < n; ++k) f += pieces[rng() % 11];
        }
        expected_lines.push_back(line);
        for (std::size_t i = 0; i < fields.size(); ++i) {
          const std::string& f = fields[i];
          if (i) text += delimiter;
          const bool needs_quotes = f.find_first_of(std::string("\"\r\n") + delimiter) !=
                                        std::string::npos ||
                                    (fields.size() == 1 && f.empty());
          if (needs_quotes || rng() % 4 == 0) {
            text += '"';
            for (const char c : f) {
              if (c == '"') text += '"';
              text += c;
            }
            text += '"';
          } else {
            text += f;
          }
          for (const char c : f) line += c == '\n';
        }
        const int ending = static_cast<int>(rng() % 4);
        text += ending == 0 ? "\r\n" : ending == 1 ? "\n\n" : "\n";  // sometimes a blank line
        line += ending == 1 ? 2 : 1;
        expected.push_back(fields);
      }
      const tokenized got = tokenize(text, delimiter);
      REQUIRE(got.records == expected);
      REQUIRE(got.lines == expected_lines);
    }
  }
}

}  // TEST_SUITE("csv tokenizer")
