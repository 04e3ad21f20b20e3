// CP949 decoding (see encoding.hpp): through a table built once from glibc
// iconv ("CP949", alias of "UHC"), a lookup per character.
#include <iconv.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "encoding_internal.hpp"
#include "pledgetrack/text/unicode.hpp"

namespace pledgetrack::io::internal {

namespace {

class iconv_converter {
 public:
  iconv_converter() {
    cd_ = iconv_open("UTF-8", "CP949");
    if (cd_ == reinterpret_cast<iconv_t>(-1)) cd_ = iconv_open("UTF-8", "UHC");
    if (cd_ == reinterpret_cast<iconv_t>(-1))
      throw error(std::string("CP949 decoding is not available (iconv_open): ") +
                  std::strerror(errno));
  }
  ~iconv_converter() { iconv_close(cd_); }
  iconv_converter(const iconv_converter&) = delete;
  iconv_converter& operator=(const iconv_converter&) = delete;
  [[nodiscard]] iconv_t get() const noexcept { return cd_; }

 private:
  iconv_t cd_;
};

/// A character's UTF-8 bytes (two or three) and their number, in four bytes:
/// decoding copies all four and moves on by `length`, the next character
/// overwriting what is past it.
struct utf8_char {
  std::array<char, 3> bytes{};
  std::uint8_t length = 0;  ///< 0: no character
};
static_assert(sizeof(utf8_char) == 4);
constexpr utf8_char no_char{};

/// Every two-byte CP949 character (lead 81..FE, trail 41..FE) in UTF-8, as
/// the BMP code point glibc's iconv gives it; none where iconv refuses the
/// pair. glibc's mapping is the reference, as it was when every file went
/// through iconv; the table makes decoding a lookup per character instead
/// (iconv ran at about 150 MB/s), and holds the UTF-8 bytes rather than the
/// code point, so that nothing is encoded per character (decoding the
/// example as CP949 took 18 instructions a byte, now 14). Built on first
/// use, in about a millisecond.
class cp949_table {
 public:
  cp949_table() {
    iconv_converter conv;
    for (unsigned lead = first_lead; lead <= last_lead; ++lead)
      for (unsigned trail = first_trail; trail <= last_trail; ++trail) {
        char in[2] = {static_cast<char>(lead), static_cast<char>(trail)};
        char out[8];
        char* inp = in;
        char* outp = out;
        std::size_t in_left = 2;
        std::size_t out_left = sizeof out;
        iconv(conv.get(), nullptr, nullptr, nullptr, nullptr);  // a fresh state for each pair
        if (iconv(conv.get(), &inp, &in_left, &outp, &out_left) == static_cast<std::size_t>(-1) || in_left != 0)
          continue;
        const text::decoded d = text::decode_utf8({out, static_cast<std::size_t>(outp - out)});
        if (d.length == static_cast<std::size_t>(outp - out) && d.code_point >= 0x80 && d.code_point <= 0xFFFF) {
          utf8_char& c = chars_[index(lead, trail)];
          c.length = static_cast<std::uint8_t>(d.length);
          std::copy(out, outp, c.bytes.begin());
        }
      }
  }

  /// The character of a lead and a trail byte (length 0 when they are none).
  [[nodiscard]] const utf8_char& at(unsigned char lead, unsigned char trail) const noexcept {
    // Unsigned differences: one comparison for each range.
    if (static_cast<unsigned>(lead - first_lead) > last_lead - first_lead ||
        static_cast<unsigned>(trail - first_trail) > last_trail - first_trail)
      return no_char;
    return chars_[index(lead, trail)];
  }

 private:
  static constexpr unsigned first_lead = 0x81, last_lead = 0xFE, first_trail = 0x41, last_trail = 0xFE;
  static constexpr std::size_t index(unsigned lead, unsigned trail) noexcept {
    return (lead - first_lead) * (last_trail - first_trail + 1) + (trail - first_trail);
  }
  std::array<utf8_char, (last_lead - first_lead + 1) * (last_trail - first_trail + 1)> chars_{};
};

const cp949_table& cp949() {
  static const cp949_table table;  // built once, thread-safe
  return table;
}

}  // namespace

cp949_result decode_cp949(std::string_view in) {
  const cp949_table& table = cp949();
  cp949_result result;
  std::string& out = result.text;
  // Two CP949 bytes give at most three UTF-8 bytes; ASCII stays one byte.
  // The buffer is sized for the worst case and written through a pointer:
  // text::append_utf8 (a += per byte) made the whole read 25% slower.
  reserve_large(out, in.size() + in.size() / 2 + 16);
  out.resize(in.size() + in.size() / 2 + 16);
  char* o = out.data();
  const auto* p = reinterpret_cast<const unsigned char*>(in.data());
  const std::size_t n = in.size();
  std::size_t i = 0;
  while (i < n) {
    const unsigned char b = p[i];
    if (b < 0x80) {
      *o++ = static_cast<char>(b);
      ++i;
      continue;
    }
    const utf8_char& c = i + 1 < n ? table.at(b, p[i + 1]) : no_char;
    if (c.length == 0) {
      // As iconv reported it: the pair when a lead byte has a byte after it.
      result.bad = i;
      result.bad_length = (b >= 0x81 && b <= 0xFE && n - i >= 2) ? 2 : 1;
      break;
    }
    std::memcpy(o, &c, sizeof c);  // the buffer's slack holds the fourth byte
    o += c.length;
    i += 2;
  }
  out.resize(static_cast<std::size_t>(o - out.data()));
  return result;
}

std::string finish_cp949(cp949_result&& r, std::string_view bytes, const std::string& file) {
  if (r.bad)
    throw parse_error(location_after(file, r.text), "invalid CP949 bytes",
                      hex_bytes(bytes.substr(*r.bad, r.bad_length)));
  const std::size_t nul = r.text.find('\0');
  if (nul != std::string::npos)
    throw parse_error(location_after(file, std::string_view(r.text).substr(0, nul)),
                      "NUL byte in text", hex_bytes(std::string_view("\0", 1)));
  return std::move(r.text);
}

}  // namespace pledgetrack::io::internal
