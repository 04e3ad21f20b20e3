#include <doctest/doctest.h>

#include <string>

#include "pledgetrack/text/unicode.hpp"

using namespace pledgetrack::text;

TEST_SUITE("unicode") {
  TEST_CASE("decode_utf8 reads one code point and rejects malformed bytes") {
    CHECK(decode_utf8("A").code_point == U'A');
    const auto d = decode_utf8("완");  // U+C644, 3 bytes
    CHECK(d.code_point == 0xC644);
    CHECK(d.length == 3);
    CHECK(decode_utf8("\xC0\xAF").length == 0);       // overlong '/'
    CHECK(decode_utf8("\xED\xA0\x80").length == 0);   // surrogate U+D800
    CHECK(decode_utf8("\xEC\x99").length == 0);       // truncated
    CHECK(decode_utf8("\xFF").length == 0);
  }

  TEST_CASE("find_invalid_utf8 gives the byte offset of the first bad sequence") {
    CHECK_FALSE(find_invalid_utf8("정상추진").has_value());
    CHECK(find_invalid_utf8(std::string("ab\xB7\xE1", 4)) == 2u);  // CP949 bytes are not UTF-8
  }

  TEST_CASE("compose_hangul turns NFD jamo into NFC syllables") {
    // 완료 in NFD: ᄋ ᅪ ᆫ ᄅ ᅭ
    const std::string nfd = "\u110B\u116A\u11AB\u1105\u116D";
    CHECK(compose_hangul(nfd) == "완료");
    // An LV syllable followed by a trailing consonant composes too; text
    // without jamo is returned unchanged.
    CHECK(compose_hangul("\uAC00\u11A8") == "각");
    CHECK(compose_hangul("정상추진 2-3") == "정상추진 2-3");
    CHECK_FALSE(has_conjoining_jamo("정상추진"));
    CHECK(has_conjoining_jamo(nfd));
  }

  TEST_CASE("remove_spaces and trim know the spaces of real tables") {
    CHECK(remove_spaces("정 상 추 진") == "정상추진");
    CHECK(remove_spaces("완\u3000료") == "완료");        // ideographic space
    CHECK(remove_spaces("\u00A0이행 후 계속추진 ") == "이행후계속추진");
    CHECK(trim("  경제과\t") == "경제과");
    CHECK(trim("\u3000보건소\u00A0") == "보건소");
    CHECK(trim("   ").empty());
    // The one-byte fast paths: Hangul at either end, other non-ASCII text, and
    // spaces of every kind behind them.
    CHECK(trim("공약 ") == "공약");
    CHECK(trim("\u3000공약") == "공약");
    CHECK(trim(" ‘공약’\u00A0") == "‘공약’");
    CHECK(trim("ZONE\u3000\u3000") == "ZONE");
    // Visible at both ends, decided without decoding; a space of two or
    // three bytes after a Hangul syllable or a letter is not taken for one.
    CHECK(trim("가") == "가");
    CHECK(trim("a가") == "a가");
    CHECK(trim("가\u00A0") == "가");
    CHECK(trim("가\u3000") == "가");
    CHECK(trim("a\u00A0") == "a");
    CHECK(trim("가\u2002") == "가");
    CHECK(trim("\u00A0가 나") == "가 나");
    CHECK(trim("\x01가\x01") == "\x01가\x01");  // control characters are not spaces
  }

  TEST_CASE("count_code_points counts characters, not bytes") {
    CHECK(count_code_points("2-3-④") == 5);
    CHECK(count_code_points("정상추진") == 4);
  }
}
