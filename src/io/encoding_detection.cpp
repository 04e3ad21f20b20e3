// Telling encodings apart (see encoding.hpp): byte-order marks, valid
// UTF-8, UTF-16 without a mark, CP949, workbooks given as text, and files
// that mix two encodings.
#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>

#include "encoding_internal.hpp"

namespace pledgetrack::io::internal {

namespace {

/// True when the start of `bytes` looks like UTF-16 without a byte-order
/// mark: in half or more of the first (at least 4, up to 32) byte pairs
/// exactly one byte is NUL.
bool looks_like_utf16_without_bom(std::string_view bytes) noexcept {
  const std::size_t pairs = std::min<std::size_t>(bytes.size() / 2, 32);
  std::size_t one_nul = 0;
  for (std::size_t k = 0; k < pairs; ++k)
    one_nul += (bytes[2 * k] == '\0') != (bytes[2 * k + 1] == '\0') ? 1 : 0;
  return pairs >= 4 && one_nul * 2 >= pairs;
}

/// Hangul syllables (U+AC00-U+D7A3) in `s` read as UTF-8, up to the first
/// invalid sequence; `valid` tells whether there was none.
std::size_t utf8_hangul_syllables(std::string_view s, bool& valid) noexcept {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const auto* const stop = p + s.size();
  std::size_t syllables = 0;
  valid = true;
  while (p < stop) {
    if (*p < 0x80) {
      ++p;
      continue;
    }
    std::size_t shown;
    const std::size_t len = utf8_sequence(p, stop, shown);
    if (len == 0) {
      valid = false;
      break;
    }
    if (len == 3) {
      const char32_t cp = (char32_t(p[0] & 0x0F) << 12) | (char32_t(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
      if (cp >= 0xAC00 && cp <= 0xD7A3) ++syllables;
    }
    p += len;
  }
  return syllables;
}

/// The first line (1-based) that is valid UTF-8 holding at least two Hangul
/// syllables, or 0. A CP949 file practically never has such a line: Korean
/// text in CP949 is not valid UTF-8.
std::size_t first_utf8_korean_line(std::string_view bytes) noexcept {
  std::size_t line = 1;
  std::size_t start = 0;
  while (start < bytes.size()) {
    std::size_t end = bytes.find('\n', start);
    if (end == std::string_view::npos) end = bytes.size();
    bool valid = true;
    if (utf8_hangul_syllables(bytes.substr(start, end - start), valid) >= 2 && valid) return line;
    start = end + 1;
    ++line;
  }
  return 0;
}

}  // namespace

void refuse_workbook(std::string_view bytes, const std::string& file) {
  if (bytes.starts_with(std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8)))
    throw parse_error(source_location{file, 0, 0, {}, {}},
                      "this is an Excel 97 workbook (.xls), not a CSV file: save it as .xlsx or CSV",
                      hex_bytes(bytes.substr(0, 8)));
  if (bytes.starts_with("PK\x03\x04"))
    throw parse_error(source_location{file, 0, 0, {}, {}},
                      "this is a zip archive, likely an Excel workbook (.xlsx), not a CSV file: read it with "
                      "pledgetrack.read_excel (the command line reads .xlsx itself), or save it as CSV",
                      hex_bytes(bytes.substr(0, 4)));
}

encoding detect_and_decode(std::string_view bytes, const std::string& file, std::string* out) {
  if (starts_with_bytes(bytes, utf16le_bom) || starts_with_bytes(bytes, utf16be_bom)) {
    const bool be = starts_with_bytes(bytes, utf16be_bom);
    if (out) *out = decode_utf16(bytes, be, file);
    return be ? encoding::utf16be : encoding::utf16le;
  }
  if (starts_with_bytes(bytes, utf8_bom)) {
    if (out) *out = decode_utf8_text(bytes.substr(utf8_bom.size()), file);
    return encoding::utf8;
  }
  if (detail::is_valid_utf8_without_nul(bytes)) {
    if (out) *out = copy_bytes(bytes);
    return encoding::utf8;
  }
  if (looks_like_utf16_without_bom(bytes)) {
    const std::size_t nul = bytes.find('\0');
    throw parse_error(byte_location(file, bytes, nul),
                      "NUL bytes: UTF-16 text without a byte-order mark? (give the encoding "
                      "utf-16le or utf-16be)",
                      hex_bytes(bytes.substr(nul & ~std::size_t(1), 2)));
  }
  const auto bad_utf8 = find_utf8_problem(bytes, false);
  // Lines of UTF-8 Korean beside bytes that are not UTF-8: two files (or two
  // programs) written into one. Decoding it all as CP949 would turn the UTF-8
  // lines into plausible-looking nonsense.
  if (bad_utf8) {
    if (const std::size_t utf8_line = first_utf8_korean_line(bytes); utf8_line != 0) {
      // A UTF-8 file with a broken sequence (a truncated file, a bad copy),
      // not a CP949 line: UTF-8 Hangul on the bad line before the bad bytes,
      // or a bad line that is not CP949 either.
      const std::size_t line_start = bytes.rfind('\n', bad_utf8->offset) + 1;  // npos + 1 == 0
      std::size_t line_end = bytes.find('\n', bad_utf8->offset);
      if (line_end == std::string_view::npos) line_end = bytes.size();
      bool valid = true;
      if (utf8_hangul_syllables(bytes.substr(line_start, bad_utf8->offset - line_start), valid) > 0 ||
          decode_cp949(bytes.substr(line_start, line_end - line_start)).bad)
        throw_utf8_problem(bytes, *bad_utf8, file);
      throw parse_error(byte_location(file, bytes, bad_utf8->offset),
                        "mixed encodings: line " + std::to_string(utf8_line) +
                            " is UTF-8, this line is not (CP949?); save the file in one encoding",
                        hex_bytes(bytes.substr(bad_utf8->offset, bad_utf8->length)));
    }
  }
  if (!bad_utf8) {  // valid UTF-8 holding a NUL byte
    if (out) *out = decode_utf8_text(bytes, file);  // throws
    return encoding::utf8;
  }
  cp949_result r = decode_cp949(bytes);
  if (!r.bad) {
    if (out) *out = finish_cp949(std::move(r), bytes, file);
    return encoding::cp949;
  }
  // Invalid in both: show the later failure (the earlier one is where the
  // other encoding still held).
  std::size_t offset = bad_utf8->offset;
  std::size_t length = bad_utf8->length;
  if (*r.bad > offset) {
    offset = *r.bad;
    length = r.bad_length;
  }
  throw parse_error(byte_location(file, bytes, offset),
                    "bytes invalid in every supported encoding (UTF-8, CP949, UTF-16)",
                    hex_bytes(bytes.substr(offset, length)));
}

}  // namespace pledgetrack::io::internal
