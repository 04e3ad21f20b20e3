// Encoding detection and decoding (pledgetrack/io/encoding.hpp).
//
// The CP949 and UTF-16 byte strings below are hand-checked facts, verified
// with Python (`'완료'.encode('cp949').hex()` and so on):
//   완료     CP949 BF CF B7 E1      UTF-16LE 44 C6 CC B8   UTF-16BE C6 44 B8 CC
//   정상추진 CP949 C1 A4 BB F3 C3 DF C1 F8
//   가       CP949 B0 A1            UTF-8 EA B0 80
//   똠       CP949 8C 63 (a UHC extension, not in EUC-KR)
//   😀       UTF-16LE 3D D8 00 DE   UTF-8 F0 9F 98 80
#include <doctest/doctest.h>

#include <iconv.h>

#include <cstdio>
#include <fstream>
#include <optional>
#include <random>
#include <string>
#include <string_view>

#include "pledgetrack/error.hpp"
#include "pledgetrack/io/encoding.hpp"
#include "pledgetrack/text/unicode.hpp"

#include "parse_error_of.hpp"

using pledgetrack::parse_error;
using namespace pledgetrack::io;
using namespace std::string_literals;

namespace {

const std::string cp949_wanryo = "\xBF\xCF\xB7\xE1";                  // 완료
const std::string cp949_jeongsang = "\xC1\xA4\xBB\xF3\xC3\xDF\xC1\xF8";  // 정상추진

}  // namespace

TEST_SUITE("encoding") {
  TEST_CASE("CP949 with ASCII runs of every length up to 40, at the start, between and at the end of Korean text") {
    // Runs shorter than, equal to and longer than a 16-byte block, ending on
    // a block's edge or not, and the file's last bytes, all come out byte for
    // byte (가: B0 A1). (A decoder copying ASCII sixteen bytes at a time was
    // tried and measured: no faster on tables, whose ASCII runs are short;
    // this test caught its first version's stale byte after a run.)
    for (std::size_t run = 0; run <= 40; ++run) {
      std::string ascii;
      for (std::size_t k = 0; k < run; ++k) ascii += static_cast<char>('a' + k % 26);
      for (std::size_t lead = 0; lead <= 17; lead += 17) {
        const std::string pad(lead, ',');
        const std::string cp949 = pad + ascii + "\xB0\xA1" + ascii + cp949_wanryo + ascii;
        const std::string utf8 = pad + ascii + "가" + ascii + "완료" + ascii;
        CAPTURE(run);
        CAPTURE(lead);
        CHECK(decode_to_utf8(cp949, encoding::cp949, "f.csv") == utf8);
      }
    }
  }


TEST_CASE("encoding names") {
  CHECK(encoding_name(encoding::utf8) == "utf-8");
  CHECK(encoding_name(encoding::cp949) == "cp949");
  CHECK(encoding_name(encoding::utf16le) == "utf-16le");
  CHECK(encoding_name(encoding::utf16be) == "utf-16be");

  SUBCASE("aliases, any case, '-' and '_' optional") {
    for (const char* name : {"utf-8", "utf8", "UTF-8", "UTF-8-SIG", "utf_8_sig", "Utf8"})
      CHECK_MESSAGE(parse_encoding_name(name) == encoding::utf8, name);
    for (const char* name : {"cp949", "CP949", "euc-kr", "EUC_KR", "euckr", "uhc", "UHC", "ms949",
                             "MS-949", "cp-949"})
      CHECK_MESSAGE(parse_encoding_name(name) == encoding::cp949, name);
    for (const char* name : {"utf-16", "UTF16", "utf-16le", "UTF_16LE", "utf16le"})
      CHECK_MESSAGE(parse_encoding_name(name) == encoding::utf16le, name);
    for (const char* name : {"utf-16be", "UTF-16BE", "utf16_be"})
      CHECK_MESSAGE(parse_encoding_name(name) == encoding::utf16be, name);
  }
  SUBCASE("unknown names") {
    CHECK_FALSE(parse_encoding_name("").has_value());
    CHECK_FALSE(parse_encoding_name("latin1").has_value());
    CHECK_FALSE(parse_encoding_name("utf-32").has_value());
    CHECK_FALSE(parse_encoding_name("euc-jp").has_value());
    CHECK_FALSE(parse_encoding_name("utf-8 ").has_value());
    CHECK_FALSE(parse_encoding_name("a-very-long-encoding-name-utf-8").has_value());
  }
  SUBCASE("the canonical names parse back") {
    for (const encoding e : {encoding::utf8, encoding::cp949, encoding::utf16le, encoding::utf16be})
      CHECK(parse_encoding_name(encoding_name(e)) == e);
  }
}

TEST_CASE("detection") {
  SUBCASE("empty input is UTF-8") { CHECK(detect_encoding("", "f.csv") == encoding::utf8); }
  SUBCASE("ASCII is UTF-8") { CHECK(detect_encoding("a,b\n1,2\n", "f.csv") == encoding::utf8); }
  SUBCASE("Korean UTF-8 without BOM") {
    CHECK(detect_encoding("상태,완료\n정상추진,1\n", "f.csv") == encoding::utf8);
  }
  SUBCASE("UTF-8 with BOM") {
    CHECK(detect_encoding("\xEF\xBB\xBF상태\n", "f.csv") == encoding::utf8);
    CHECK(detect_encoding("\xEF\xBB\xBF", "f.csv") == encoding::utf8);
  }
  SUBCASE("CP949") {
    CHECK(detect_encoding("id," + cp949_wanryo + "\n", "f.csv") == encoding::cp949);
    CHECK(detect_encoding(cp949_jeongsang, "f.csv") == encoding::cp949);
    CHECK(detect_encoding("\x8C\x63", "f.csv") == encoding::cp949);  // 똠
  }
  SUBCASE("UTF-16 with BOM") {
    CHECK(detect_encoding("\xFF\xFE\x44\xC6\xCC\xB8"s, "f.csv") == encoding::utf16le);
    CHECK(detect_encoding("\xFE\xFF\xC6\x44\xB8\xCC"s, "f.csv") == encoding::utf16be);
    CHECK(detect_encoding("\xFF\xFE"s, "f.csv") == encoding::utf16le);
  }
  SUBCASE("valid UTF-8 with a NUL byte is UTF-8 (decoding then rejects the NUL)") {
    CHECK(detect_encoding("a\0b"s, "f.csv") == encoding::utf8);
  }
  SUBCASE("bytes invalid in every encoding: the later failure, byte column") {
    // UTF-8 and CP949 both fail at the 0xFF (offset 4: line 2, byte 1).
    CHECK_THROWS_WITH_AS(
        (void)detect_encoding("abc\n\xFF\xFF", "f.csv"),
        "f.csv:2:1: bytes invalid in every supported encoding (UTF-8, CP949, UTF-16): '\\xFF'",
        parse_error);
    // CP949 text, then 0x80 (never valid in CP949): UTF-8 fails at byte 0,
    // CP949 at line 2, byte 2.
    CHECK_THROWS_WITH_AS(
        (void)detect_encoding(cp949_wanryo + "\nx\x80", "f.csv"),
        "f.csv:2:2: bytes invalid in every supported encoding (UTF-8, CP949, UTF-16): '\\x80'",
        parse_error);
    // UTF-8 text (가 = EA B0 80: CP949 fails at its 0x80), then 0xFF at line
    // 2, byte 3 (column in bytes, not characters).
    CHECK_THROWS_WITH_AS(
        (void)detect_encoding("가\nab\xFF", "f.csv"),
        "f.csv:2:3: bytes invalid in every supported encoding (UTF-8, CP949, UTF-16): '\\xFF'",
        parse_error);
    // Byte column counts bytes of multi-byte characters: CP949 "완료" then
    // a truncated lead byte at the end: line 1, byte 5.
    const auto e = parse_error_of([&] { (void)detect_encoding(cp949_wanryo + "\xFF", "g.csv"); });
    REQUIRE(e.has_value());
    CHECK(e->where().file == "g.csv");
    CHECK(e->where().line == 1);
    CHECK(e->where().column == 5);
    CHECK(e->text() == "\\xFF");
  }
}

TEST_CASE("decoding UTF-8") {
  SUBCASE("returned as it is") {
    CHECK(decode_to_utf8("상태,완료\r\n1,2", encoding::utf8, "f.csv") == "상태,완료\r\n1,2");
  }
  SUBCASE("the BOM is removed") {
    CHECK(decode_to_utf8("\xEF\xBB\xBF상태", encoding::utf8, "f.csv") == "상태");
    CHECK(decode_to_utf8("\xEF\xBB\xBF", encoding::utf8, "f.csv").empty());
  }
  SUBCASE("empty input") { CHECK(decode_to_utf8("", encoding::utf8, "f.csv").empty()); }
  SUBCASE("long valid input (vector path) round-trips") {
    std::string s;
    for (int i = 0; i < 1000; ++i) s += "광주광역시 서구,민선8기,2024-03-31,\"재기를, 준비\",😀\n";
    CHECK(decode_to_utf8(s, encoding::utf8, "f.csv") == s);
  }
  SUBCASE("invalid bytes: line and character column, bytes in hex") {
    // Line 3 is "가나x" then 0xFF: the fourth character.
    CHECK_THROWS_WITH_AS((void)decode_to_utf8("a,b\nc\n가나x\xFFy", encoding::utf8, "in.csv"),
                         "in.csv:3:4: invalid UTF-8 bytes: '\\xFF'", parse_error);
    // A sequence cut short by ASCII: the lead byte and the byte that broke it.
    CHECK_THROWS_WITH_AS((void)decode_to_utf8("ab\xEA\x41", encoding::utf8, "in.csv"),
                         "in.csv:1:3: invalid UTF-8 bytes: '\\xEA\\x41'", parse_error);
    // Truncated at the end of the input.
    CHECK_THROWS_WITH_AS((void)decode_to_utf8("ab\xEA\xB0", encoding::utf8, "in.csv"),
                         "in.csv:1:3: invalid UTF-8 bytes (the file looks like CP949: leave out the encoding, --encoding or "
                         "encoding=, and it is detected): '\\xEA\\xB0'", parse_error);
    // Overlong form and surrogate.
    CHECK_THROWS_WITH_AS((void)decode_to_utf8("\xC0\x80", encoding::utf8, "in.csv"),
                         "in.csv:1:1: invalid UTF-8 bytes: '\\xC0'", parse_error);
    CHECK_THROWS_WITH_AS((void)decode_to_utf8("x\xED\xA0\x80", encoding::utf8, "in.csv"),
                         "in.csv:1:2: invalid UTF-8 bytes: '\\xED\\xA0'", parse_error);
    // CP949 bytes read as UTF-8.
    CHECK_THROWS_WITH_AS((void)decode_to_utf8(cp949_wanryo, encoding::utf8, "in.csv"),
                         "in.csv:1:1: invalid UTF-8 bytes (the file looks like CP949: leave out the encoding, --encoding or "
                         "encoding=, and it is detected): '\\xBF'", parse_error);
  }
  SUBCASE("the column does not count the BOM") {
    CHECK_THROWS_WITH_AS((void)decode_to_utf8("\xEF\xBB\xBF" "ab\xFF", encoding::utf8, "in.csv"),
                         "in.csv:1:3: invalid UTF-8 bytes: '\\xFF'", parse_error);
  }
  SUBCASE("error far into a long input") {
    std::string s;
    for (int i = 0; i < 500; ++i) s += "광주광역시 서구,민선8기\n";
    s += "abc\x80";
    const auto e = parse_error_of([&] { (void)decode_to_utf8(s, encoding::utf8, "big.csv"); });
    REQUIRE(e.has_value());
    CHECK(e->where().line == 501);
    CHECK(e->where().column == 4);
    CHECK(e->problem() == "invalid UTF-8 bytes");
    CHECK(e->text() == "\\x80");
  }
  SUBCASE("NUL byte") {
    CHECK_THROWS_WITH_AS((void)decode_to_utf8("a,b\n가\0c"s, encoding::utf8, "in.csv"),
                         "in.csv:2:2: NUL byte in text: '\\x00'", parse_error);
    std::string s(1000, 'a');
    s += '\0';
    const auto e = parse_error_of([&] { (void)decode_to_utf8(s, encoding::utf8, "in.csv"); });
    REQUIRE(e.has_value());
    CHECK(e->where().line == 1);
    CHECK(e->where().column == 1001);
    CHECK(e->problem() == "NUL byte in text");
  }
}

TEST_CASE("decoding CP949") {
  SUBCASE("Korean text") {
    CHECK(decode_to_utf8(cp949_wanryo, encoding::cp949, "f.csv") == "완료");
    CHECK(decode_to_utf8("id," + cp949_jeongsang + "\r\n2,x", encoding::cp949, "f.csv") ==
          "id,정상추진\r\n2,x");
    CHECK(decode_to_utf8("\xB0\xA1", encoding::cp949, "f.csv") == "가");
  }
  SUBCASE("UHC extension syllables") {
    CHECK(decode_to_utf8("\x8C\x63", encoding::cp949, "f.csv") == "똠");
  }
  SUBCASE("empty input") { CHECK(decode_to_utf8("", encoding::cp949, "f.csv").empty()); }
  SUBCASE("invalid bytes: line and character column") {
    // Line 3 is "완료,x" then C9 22: the fifth character.
    CHECK_THROWS_WITH_AS(
        (void)decode_to_utf8("a,b\nc\n" + cp949_wanryo + ",x\xC9\x22" + "rest", encoding::cp949,
                             "input.csv"),
        "input.csv:3:5: invalid CP949 bytes: '\\xC9\\x22'", parse_error);
    const auto e = parse_error_of(
        [&] { (void)decode_to_utf8("a\n" + cp949_wanryo + "\x80", encoding::cp949, "in.csv"); });
    REQUIRE(e.has_value());
    CHECK(e->where().file == "in.csv");
    CHECK(e->where().line == 2);
    CHECK(e->where().column == 3);
    CHECK(e->problem() == "invalid CP949 bytes");
    CHECK(e->text() == "\\x80");
  }
  SUBCASE("a lead byte cut off by the end of the input") {
    CHECK_THROWS_WITH_AS((void)decode_to_utf8(cp949_wanryo + "\xB0", encoding::cp949, "in.csv"),
                         "in.csv:1:3: invalid CP949 bytes: '\\xB0'", parse_error);
  }
  SUBCASE("NUL byte") {
    CHECK_THROWS_WITH_AS(
        (void)decode_to_utf8(cp949_wanryo + "\n" + cp949_wanryo + "\0"s, encoding::cp949, "in.csv"),
        "in.csv:2:3: NUL byte in text: '\\x00'", parse_error);
  }
  SUBCASE("large input (output buffer growth)") {
    std::string in, expected;
    for (int i = 0; i < 20000; ++i) {
      in += cp949_jeongsang + "," + cp949_wanryo + "\n";
      expected += "정상추진,완료\n";
    }
    CHECK(decode_to_utf8(in, encoding::cp949, "f.csv") == expected);
  }
}

namespace {

/// glibc iconv's reading of `in` as CP949: the UTF-8 text, or the offset of
/// the first byte it refuses. The reference the table decoder is held to.
struct iconv_reading {
  std::string text;
  std::optional<std::size_t> bad;
};
iconv_reading cp949_by_iconv(const std::string& in) {
  iconv_t cd = iconv_open("UTF-8", "CP949");
  REQUIRE(cd != reinterpret_cast<iconv_t>(-1));
  iconv_reading r;
  std::string out(in.size() * 2 + 16, '\0');
  char* inp = const_cast<char*>(in.data());
  std::size_t in_left = in.size();
  char* outp = out.data();
  std::size_t out_left = out.size();
  if (iconv(cd, &inp, &in_left, &outp, &out_left) == static_cast<std::size_t>(-1))
    r.bad = static_cast<std::size_t>(inp - in.data());
  out.resize(static_cast<std::size_t>(outp - out.data()));
  r.text = std::move(out);
  iconv_close(cd);
  return r;
}

}  // namespace

TEST_CASE("the CP949 table decoder reads every byte string as glibc iconv does") {
  SUBCASE("every two-byte sequence, alone and after text") {
    std::size_t characters = 0;
    for (unsigned lead = 0x80; lead <= 0xFF; ++lead)
      for (unsigned trail = 0x00; trail <= 0xFF; ++trail) {
        const std::string pair = {static_cast<char>(lead), static_cast<char>(trail)};
        for (const std::string& s : {pair, "a," + cp949_wanryo + pair + "z"}) {
          const iconv_reading expected = cp949_by_iconv(s);
          const auto e = parse_error_of([&] { (void)decode_to_utf8(s, encoding::cp949, "t.csv"); });
          if (!expected.bad && expected.text.find('\0') == std::string::npos) {
            REQUIRE_FALSE(e.has_value());
            REQUIRE(decode_to_utf8(s, encoding::cp949, "t.csv") == expected.text);
            characters += s == pair;
          } else {
            REQUIRE(e.has_value());
          }
        }
      }
    // CP949: 2,350 KS X 1001 syllables + 8,822 UHC ones, 4,888 hanja and the
    // symbols; more than 17,000 two-byte characters in all.
    CHECK(characters > 17000);
  }
  SUBCASE("random strings: the same text, or a refusal at the same character") {
    // The reference walks the string a character at a time: ASCII as it is,
    // a lead byte with the byte after it through iconv alone. (iconv's own
    // position after a refusal is not reliable: for some pairs it refuses,
    // such as A2 E8, it stops after the pair, not at it.)
    const auto reference = [](const std::string& s) -> iconv_reading {
      iconv_reading r;
      for (std::size_t i = 0; i < s.size();) {
        if (static_cast<unsigned char>(s[i]) < 0x80) {
          r.text += s[i++];
          continue;
        }
        const iconv_reading pair = i + 1 < s.size() ? cp949_by_iconv(s.substr(i, 2)) : iconv_reading{{}, 0};
        if (pair.bad || pair.text.empty()) {
          r.bad = i;
          return r;
        }
        r.text += pair.text;
        i += 2;
      }
      return r;
    };
    std::mt19937 rng(20241231);
    int refused = 0;
    for (int i = 0; i < 20000; ++i) {
      std::string s;
      const std::size_t len = rng() % 60;
      while (s.size() < len) {
        switch (rng() % 4) {
          case 0: s += static_cast<char>('a' + rng() % 26); break;
          case 1: s += cp949_jeongsang; break;
          case 2: s += static_cast<char>(0x81 + rng() % 0x7E); s += static_cast<char>(0x41 + rng() % 0xBE); break;
          default: s += static_cast<char>(0x80 + rng() % 0x80); break;
        }
      }
      const iconv_reading expected = reference(s);
      const iconv_reading whole = cp949_by_iconv(s);
      REQUIRE(expected.bad.has_value() == whole.bad.has_value());
      const auto e = parse_error_of([&] { (void)decode_to_utf8(s, encoding::cp949, "t.csv"); });
      if (!expected.bad) {
        REQUIRE_FALSE(e.has_value());
        REQUIRE(decode_to_utf8(s, encoding::cp949, "t.csv") == expected.text);
        REQUIRE(expected.text == whole.text);
        continue;
      }
      ++refused;
      REQUIRE(e.has_value());
      CHECK(e->problem() == "invalid CP949 bytes");
      // The bytes shown start at the refused character, and the column
      // counts the characters before it on its line (none has a line break).
      const auto lead = static_cast<unsigned char>(s[*expected.bad]);
      char first[5];
      std::snprintf(first, sizeof first, "\\x%02X", lead);
      CAPTURE(e->text());
      REQUIRE(e->text().rfind(first, 0) == 0);
      CHECK(e->where().column == pledgetrack::text::count_code_points(expected.text) + 1);
    }
    CHECK(refused > 1000);
  }
}

TEST_CASE("decoding UTF-16") {
  SUBCASE("little endian with BOM") {
    CHECK(decode_to_utf8("\xFF\xFE\x44\xC6\xCC\xB8\x0A\x00\x61\x00"s, encoding::utf16le, "f.csv") ==
          "완료\na");
  }
  SUBCASE("big endian with BOM") {
    CHECK(decode_to_utf8("\xFE\xFF\xC6\x44\xB8\xCC\x00\x0A\x00\x61"s, encoding::utf16be, "f.csv") ==
          "완료\na");
  }
  SUBCASE("without BOM, as named") {
    CHECK(decode_to_utf8("\x44\xC6\xCC\xB8"s, encoding::utf16le, "f.csv") == "완료");
    CHECK(decode_to_utf8("\xC6\x44\xB8\xCC"s, encoding::utf16be, "f.csv") == "완료");
  }
  SUBCASE("a BOM decides the byte order") {
    CHECK(decode_to_utf8("\xFE\xFF\xC6\x44"s, encoding::utf16le, "f.csv") == "완");
    CHECK(decode_to_utf8("\xFF\xFE\x44\xC6"s, encoding::utf16be, "f.csv") == "완");
  }
  SUBCASE("surrogate pair") {
    CHECK(decode_to_utf8("\xFF\xFE\x3D\xD8\x00\xDE"s, encoding::utf16le, "f.csv") ==
          "\xF0\x9F\x98\x80");
  }
  SUBCASE("empty, or only the BOM") {
    CHECK(decode_to_utf8("", encoding::utf16le, "f.csv").empty());
    CHECK(decode_to_utf8("\xFF\xFE"s, encoding::utf16le, "f.csv").empty());
  }
  SUBCASE("odd number of bytes") {
    CHECK_THROWS_WITH_AS((void)decode_to_utf8("\xFF\xFE\x61\x00\x62"s, encoding::utf16le, "u.csv"),
                         "u.csv:1:2: odd number of bytes in UTF-16 text: '\\x62'", parse_error);
  }
  SUBCASE("unpaired surrogates") {
    // High surrogate followed by 'b' on line 2, column 2.
    CHECK_THROWS_WITH_AS(
        (void)decode_to_utf8("\xFF\xFE\x61\x00\x0A\x00\x61\x00\x3D\xD8\x62\x00"s,
                             encoding::utf16le, "u.csv"),
        "u.csv:2:2: unpaired surrogate in UTF-16 text: '\\x3D\\xD8'", parse_error);
    // High surrogate at the very end.
    CHECK_THROWS_WITH_AS((void)decode_to_utf8("\xD8\x3D"s, encoding::utf16be, "u.csv"),
                         "u.csv:1:1: unpaired surrogate in UTF-16 text: '\\xD8\\x3D'", parse_error);
    // Low surrogate alone.
    CHECK_THROWS_WITH_AS((void)decode_to_utf8("\x61\x00\x00\xDE"s, encoding::utf16le, "u.csv"),
                         "u.csv:1:2: unpaired surrogate in UTF-16 text: '\\x00\\xDE'", parse_error);
  }
  SUBCASE("NUL character") {
    CHECK_THROWS_WITH_AS((void)decode_to_utf8("\xFF\xFE\x61\x00\x00\x00"s, encoding::utf16le, "u.csv"),
                         "u.csv:1:2: NUL byte in text: '\\x00\\x00'", parse_error);
  }
}

TEST_CASE("read_text: detection and decoding in one") {
  encoding used = encoding::utf16be;
  SUBCASE("UTF-8") {
    CHECK(read_text("\xEF\xBB\xBF상태", std::nullopt, "f.csv", &used) == "상태");
    CHECK(used == encoding::utf8);
    CHECK(read_text("상태", std::nullopt, "f.csv", &used) == "상태");
    CHECK(used == encoding::utf8);
  }
  SUBCASE("CP949") {
    CHECK(read_text("a," + cp949_wanryo, std::nullopt, "f.csv", &used) == "a,완료");
    CHECK(used == encoding::cp949);
  }
  SUBCASE("UTF-16") {
    CHECK(read_text("\xFE\xFF\xC6\x44"s, std::nullopt, "f.csv", &used) == "완");
    CHECK(used == encoding::utf16be);
  }
  SUBCASE("forced: no detection") {
    CHECK_THROWS_WITH_AS((void)read_text(cp949_wanryo, encoding::utf8, "f.csv", &used),
                         "f.csv:1:1: invalid UTF-8 bytes (the file looks like CP949: leave out the encoding, --encoding or "
                         "encoding=, and it is detected): '\\xBF'", parse_error);
    // "가" in UTF-8 (EA B0 80) forced to CP949: EA B0 is 媛, 0x80 is invalid.
    CHECK_THROWS_WITH_AS((void)read_text("가", encoding::cp949, "f.csv", &used),
                         "f.csv:1:2: invalid CP949 bytes: '\\x80'", parse_error);
    CHECK(read_text(cp949_wanryo, encoding::cp949, "f.csv", &used) == "완료");
    CHECK(used == encoding::cp949);
  }
  SUBCASE("errors of the detected encoding") {
    CHECK_THROWS_WITH_AS((void)read_text("\xEF\xBB\xBF" "a\n\xFF", std::nullopt, "f.csv"),
                         "f.csv:2:1: invalid UTF-8 bytes: '\\xFF'", parse_error);
    CHECK_THROWS_WITH_AS((void)read_text("a\nb\0"s, std::nullopt, "f.csv"),
                         "f.csv:2:2: NUL byte in text: '\\x00'", parse_error);
    CHECK_THROWS_WITH_AS((void)read_text(cp949_wanryo + "\0"s, std::nullopt, "f.csv"),
                         "f.csv:1:3: NUL byte in text: '\\x00'", parse_error);
    CHECK_THROWS_WITH_AS(
        (void)read_text("abc\n\xFF", std::nullopt, "f.csv"),
        "f.csv:2:1: bytes invalid in every supported encoding (UTF-8, CP949, UTF-16): '\\xFF'",
        parse_error);
  }
  SUBCASE("empty input") {
    CHECK(read_text("", std::nullopt, "f.csv", &used).empty());
    CHECK(used == encoding::utf8);
  }
}

TEST_CASE("read_file_bytes") {
  SUBCASE("reads the bytes as they are") {
    const std::string path = "pledgetrack_test_encoding_bytes.bin";
    const std::string bytes = "\xEF\xBB\xBF" "a,b\r\n\0\xFF\x1A end"s;
    {
      std::ofstream f(path, std::ios::binary);
      f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    }
    CHECK(read_file_bytes(path) == bytes);
    std::remove(path.c_str());
  }
  SUBCASE("empty file") {
    const std::string path = "pledgetrack_test_encoding_empty.bin";
    { std::ofstream f(path, std::ios::binary); }
    CHECK(read_file_bytes(path).empty());
    std::remove(path.c_str());
  }
  SUBCASE("missing file") {
    CHECK_THROWS_WITH_AS(
        (void)read_file_bytes("/nonexistent-dir/missing.csv"),
        "cannot open file '/nonexistent-dir/missing.csv': No such file or directory",
        pledgetrack::error);
  }
  SUBCASE("a directory") {
    CHECK_THROWS_WITH_AS((void)read_file_bytes("."), "cannot open file '.': Is a directory",
                         pledgetrack::error);
  }
  SUBCASE("a file whose size the system does not know is read to its end") {
    // /proc files report a size of 0: read in chunks until the end.
    const std::string version = read_file_bytes("/proc/version");
    CHECK(version.rfind("Linux version", 0) == 0);
    CHECK(version.back() == '\n');
  }
  SUBCASE("a buffer with room is reused, longer files and shorter ones alike") {
    const std::string path = "pledgetrack_test_encoding_reuse.bin";
    std::string buffer(100, 'x');
    for (const std::size_t size : {std::size_t(40000), std::size_t(3), std::size_t(70000), std::size_t(0)}) {
      std::string bytes;
      for (std::size_t i = 0; i < size; ++i) bytes += static_cast<char>('a' + i % 26);
      {
        std::ofstream f(path, std::ios::binary);
        f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
      }
      read_file_bytes(path, 1 << 20, buffer);
      CHECK(buffer == bytes);
    }
    std::remove(path.c_str());
  }
}

TEST_CASE("the fast UTF-8 validator agrees with the reference") {
  using pledgetrack::io::detail::is_valid_utf8_without_nul;
  using pledgetrack::io::detail::is_valid_utf8_without_nul_scalar;
  auto reference = [](std::string_view s) {
    return s.find('\0') == std::string_view::npos &&
           !pledgetrack::text::find_invalid_utf8(s).has_value();
  };
  SUBCASE("hand-picked sequences at every offset of a 64-byte window") {
    const std::string cases[] = {
        "가",           "\xC2\x80",         "\xDF\xBF",     "\xE0\xA0\x80", "\xED\x9F\xBF",
        "\xEE\x80\x80", "\xF0\x90\x80\x80", "\xF4\x8F\xBF\xBF",
        // invalid:
        "\xC0\x80", "\xC1\xBF", "\xE0\x9F\xBF", "\xED\xA0\x80", "\xF0\x8F\xBF\xBF",
        "\xF4\x90\x80\x80", "\xF5\x80\x80\x80", "\xFF", "\x80", "\xEA\xB0", "\xEA", "\xF0\x9F\x98",
        "\xC2\xC2", "\xEA\x41\x80", "\x00"s};
    for (const std::string& c : cases) {
      for (std::size_t offset = 0; offset < 70; ++offset) {
        for (const std::size_t tail : {0, 1, 5, 40}) {
          const std::string s = std::string(offset, 'a') + c + std::string(tail, 'b');
          const bool expected = reference(s);
          CHECK(is_valid_utf8_without_nul(s) == expected);
          CHECK(is_valid_utf8_without_nul_scalar(s) == expected);
        }
      }
    }
  }
  SUBCASE("random mutations of Korean text") {
    std::mt19937 rng(20240331);
    const char* pieces[] = {"a", "가", "é", "\xF0\x9F\x98\x80", ",", "\n", "정상추진", " "};
    int valid = 0, invalid = 0;
    for (int i = 0; i < 20000; ++i) {
      std::string s;
      const std::size_t len = rng() % 200;
      while (s.size() < len) s += pieces[rng() % 8];
      if (!s.empty() && rng() % 2 == 0) s[rng() % s.size()] = static_cast<char>(rng());
      const bool expected = reference(s);
      (expected ? valid : invalid)++;
      REQUIRE(is_valid_utf8_without_nul(s) == expected);
      REQUIRE(is_valid_utf8_without_nul_scalar(s) == expected);
    }
    CHECK(valid > 1000);
    CHECK(invalid > 1000);
  }
}

}  // TEST_SUITE("encoding")
