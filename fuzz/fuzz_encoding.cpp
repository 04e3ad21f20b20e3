// Encoding detection and decoding. The first byte picks the encoding: 0-3
// force utf-8 / cp949 / utf-16le / utf-16be, anything else detects; the rest
// is the input.
//
// Invariants: nothing but pledgetrack::error is thrown; decoded text is valid
// UTF-8 without NUL; read_text with detection decodes exactly as
// decode_to_utf8 with the detected encoding; the AVX2 and scalar UTF-8
// validators agree (with each other and with text::find_invalid_utf8);
// UTF-8 without a BOM decodes to itself.
#include <optional>
#include <string>

#include "common.hpp"
#include "pledgetrack/error.hpp"
#include "pledgetrack/io/encoding.hpp"
#include "pledgetrack/text/unicode.hpp"

using namespace pledgetrack;
using pledgetrack_fuzz::must;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view bytes = pledgetrack_fuzz::as_text(data + 1, size - 1);
  std::optional<io::encoding> forced;
  switch (data[0] % 8) {
    case 0: forced = io::encoding::utf8; break;
    case 1: forced = io::encoding::cp949; break;
    case 2: forced = io::encoding::utf16le; break;
    case 3: forced = io::encoding::utf16be; break;
    default: break;
  }

  const bool valid = io::detail::is_valid_utf8_without_nul(bytes);
  must(valid == io::detail::is_valid_utf8_without_nul_scalar(bytes), "AVX2 and scalar UTF-8 validators agree");
  must(valid == (!text::find_invalid_utf8(bytes) && bytes.find('\0') == std::string_view::npos),
       "the validator agrees with text::find_invalid_utf8");

  // Each call in its own try: an error where none is due must not hide in
  // another call's handler.
  const auto attempt = [](auto&& f) -> std::optional<std::string> {
    try {
      return f();
    } catch (const error&) {
      return std::nullopt;
    }
  };
  std::optional<io::encoding> detected;
  try {
    detected = io::detect_encoding(bytes, "fuzz.csv");
  } catch (const error&) {
  }
  io::encoding used{};
  const std::optional<std::string> out =
      attempt([&] { return io::read_text(bytes, forced, "fuzz.csv", &used); });
  const std::optional<io::encoding> expected = forced ? forced : detected;
  const std::optional<std::string> direct =
      expected ? attempt([&] { return io::decode_to_utf8(bytes, *expected, "fuzz.csv"); }) : std::nullopt;
  if (out) {
    must(!text::find_invalid_utf8(*out) && out->find('\0') == std::string::npos,
         "decoded text is valid UTF-8 without NUL");
    must(expected.has_value() && used == *expected, "read_text uses the forced or detected encoding");
    must(direct == out, "read_text decodes as decode_to_utf8 with that encoding");
    if (used == io::encoding::utf8 && (bytes.size() < 3 || bytes.substr(0, 3) != "\xEF\xBB\xBF"))
      must(*out == bytes, "UTF-8 without BOM decodes to itself");
  } else {
    must(!direct.has_value(), "read_text fails only where decode_to_utf8 with that encoding fails");
  }
  return 0;
}
