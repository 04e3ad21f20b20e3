#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

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

  TEST_CASE("remove_spaces keeps every byte but the spaces, as decoding code point by code point does") {
    // The reference: decode each code point, keep it (or the invalid byte)
    // unless it is a space. remove_spaces passes most bytes over without
    // decoding; both must agree on every text of up to four pieces drawn from
    // spaces, Hangul, ASCII, other characters led by the spaces' lead bytes,
    // and broken sequences.
    const auto reference = [](std::string_view s) {
      std::string out;
      for (std::size_t i = 0; i < s.size();) {
        const decoded d = decode_utf8(s.substr(i));
        const std::size_t n = d.length == 0 ? 1 : d.length;
        if (d.length == 0 || !is_space(d.code_point)) out.append(s.substr(i, n));
        i += n;
      }
      return out;
    };
    const std::vector<std::string> pieces = {
        " ", "\t", "\u00A0", "\u3000", "\u200B", "\uFEFF", "\u2002", "\u2003", "\u2009",  // spaces
        "가", "a", "-", "\x01", "\u00E9", "\u2026", "\u3001", "\uFF08", "\U0001F600",         // not spaces
        "\xC2", "\xE2\x80", "\xE3\x80", "\xEF\xBB", "\x80", "\xFF"};                        // broken
    std::vector<std::string> texts = {""};
    for (int length = 1, from = 0; length <= 4; ++length) {
      const auto to = static_cast<int>(texts.size());
      for (int i = from; i < to; ++i)
        for (const std::string& p : pieces) texts.push_back(texts[static_cast<std::size_t>(i)] + p);
      from = to;
    }
    REQUIRE(texts.size() > 300'000);
    std::size_t changed = 0;
    for (const std::string& t : texts) {
      const std::string expected = reference(t);
      if (remove_spaces(t) != expected) FAIL_CHECK("remove_spaces differs on '" << t << "'");
      changed += expected != t ? 1 : 0;
    }
    CHECK(changed > 100'000);  // many texts had spaces taken out, not only kept
  }

  TEST_CASE("compose_and_remove_spaces: one form for a label however it was spaced and encoded") {
    const std::string nfd = "\u110C\u1165\u11BC \u1109\u1161\u11BC";  // 정 상, decomposed (macOS)
    CHECK(compose_and_remove_spaces(nfd) == "정상");
    CHECK(compose_and_remove_spaces("정 상\u3000추 진") == "정상추진");
    CHECK(compose_and_remove_spaces(" on track ") == "ontrack");
    CHECK(compose_and_remove_spaces("").empty());
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
