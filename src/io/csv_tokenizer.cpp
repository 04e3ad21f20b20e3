// RFC 4180 tokenizer (see csv_tokenizer.hpp).
//
// The text is scanned in 64-byte blocks: one SIMD pass per block gives a bit
// mask of the bytes that matter (delimiter, quote, CR, LF), and the tokenizer
// jumps from one set bit to the next. Ordinary bytes (most of a table, and
// all of the Korean text) are never looked at one by one.
#include "pledgetrack/io/csv_tokenizer.hpp"

#include <algorithm>
#include <cstring>
#include <utility>

#include "pledgetrack/error.hpp"

#if defined(__SSE2__)
#include <emmintrin.h>
#define PLEDGETRACK_CSV_SSE2 1
#else
#define PLEDGETRACK_CSV_SSE2 0
#endif

namespace pledgetrack::io {

namespace {

constexpr std::size_t excerpt_bytes = 40;

/// At most ~40 bytes of text[from, end), ending before a line break (LF or
/// CRLF) and before `stop` (when not 0), and never inside a UTF-8 sequence.
std::string_view excerpt(std::string_view text, std::size_t from, std::size_t end,
                         char stop = 0) {
  from = std::min(from, text.size());
  const std::string_view rest = text.substr(from, std::min(end, text.size()) - from);
  std::size_t len = std::min(rest.size(), excerpt_bytes);
  for (std::size_t i = 0; i < len; ++i) {
    const char c = rest[i];
    if (c == '\n' || (c == '\r' && i + 1 < rest.size() && rest[i + 1] == '\n') ||
        (stop != 0 && c == stop)) {
      len = i;
      break;
    }
  }
  while (len > 0 && len < rest.size() && (static_cast<unsigned char>(rest[len]) & 0xC0) == 0x80)
    --len;
  return rest.substr(0, len);
}

/// Offset of the first byte of the first non-blank line (blank: nothing but
/// CR before LF or the end), or text.size().
std::size_t first_non_blank(std::string_view text, std::size_t pos) noexcept {
  while (pos < text.size()) {
    std::size_t p = pos;
    while (p < text.size() && text[p] == '\r') ++p;
    if (p == text.size()) return p;
    if (text[p] != '\n') return pos;
    pos = p + 1;
  }
  return pos;
}

char detect_delimiter(std::string_view text) noexcept {
  const std::size_t start = first_non_blank(text, 0);
  std::size_t end = text.find('\n', start);
  if (end == std::string_view::npos) end = text.size();
  const std::string_view line = text.substr(start, end - start);
  const auto tabs = std::count(line.begin(), line.end(), '\t');
  const auto commas = std::count(line.begin(), line.end(), ',');
  return tabs > commas ? '\t' : ',';
}

#if PLEDGETRACK_CSV_SSE2
inline std::uint64_t special_mask_16(const char* p, __m128i delim) noexcept {
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  const __m128i hits = _mm_or_si128(
      _mm_or_si128(_mm_cmpeq_epi8(v, delim), _mm_cmpeq_epi8(v, _mm_set1_epi8('"'))),
      _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\n')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\r'))));
  return static_cast<std::uint32_t>(_mm_movemask_epi8(hits));
}
#endif

/// Bit i set when p[i] (0 <= i < 64) is the delimiter, a quote, CR or LF.
inline std::uint64_t special_mask_64(const char* p, char delimiter) noexcept {
#if PLEDGETRACK_CSV_SSE2
  const __m128i d = _mm_set1_epi8(delimiter);
  return special_mask_16(p, d) | (special_mask_16(p + 16, d) << 16) |
         (special_mask_16(p + 32, d) << 32) | (special_mask_16(p + 48, d) << 48);
#else
  std::uint64_t mask = 0;
  for (unsigned i = 0; i < 64; ++i) {
    const char c = p[i];
    if (c == delimiter || c == '"' || c == '\n' || c == '\r') mask |= std::uint64_t(1) << i;
  }
  return mask;
#endif
}

}  // namespace

csv_tokenizer::csv_tokenizer(std::string_view text, std::string file, char delimiter,
                             csv_limits limits)
    : text_(text), file_(std::move(file)), delimiter_(delimiter), limits_(limits) {
  if (text_.size() >= 3 && text_.substr(0, 3) == "\xEF\xBB\xBF") text_.remove_prefix(3);
  if (delimiter_ == 0) delimiter_ = detect_delimiter(text_);
  if (delimiter_ == '"' || delimiter_ == '\n' || delimiter_ == '\r')
    throw error(std::string("invalid CSV delimiter '") + delimiter_ +
                "': a quote, CR or LF cannot separate fields");
}

void csv_tokenizer::load_block(std::size_t block) noexcept {
  block_ = block;
  if (block + 64 <= text_.size()) {
    block_mask_ = special_mask_64(text_.data() + block, delimiter_);
  } else {
    // The last, partial block: pad with NUL, which is never special.
    char tail[64] = {};
    std::memcpy(tail, text_.data() + block, text_.size() - block);
    block_mask_ = special_mask_64(tail, delimiter_);
  }
}

inline std::size_t csv_tokenizer::next_special(std::size_t pos) noexcept {
  const std::size_t n = text_.size();
  if (pos >= n) return n;
  std::size_t block = pos & ~std::size_t(63);
  if (block != block_) load_block(block);
  std::uint64_t mask = block_mask_ & (~std::uint64_t(0) << (pos - block));
  while (mask == 0) {
    block += 64;
    if (block >= n) return n;
    load_block(block);
    mask = block_mask_;
  }
  return block + static_cast<std::size_t>(__builtin_ctzll(mask));
}

void csv_tokenizer::fail(std::size_t line, std::size_t column, std::string problem,
                         std::string_view text) const {
  throw parse_error(source_location{file_, line, column, {}, {}}, std::move(problem),
                    std::string(text));
}

bool csv_tokenizer::next(csv_record& out) {
  out.fields.clear();
  scratch_.clear();
  scratch_fields_.clear();

  // Skip blank lines, counting them.
  const std::size_t n = text_.size();
  for (;;) {
    if (pos_ >= n) return false;
    std::size_t p = pos_;
    while (p < n && text_[p] == '\r') ++p;
    if (p == n) {
      pos_ = n;
      return false;
    }
    if (text_[p] != '\n') break;
    pos_ = p + 1;
    ++line_;
  }

  const char* const t = text_.data();
  const char delim = delimiter_;
  const std::size_t record_start = pos_;
  out.line = line_;
  std::size_t line = line_;  // stored in line_ with pos_ once the record is complete
  std::size_t pos = pos_;
  bool record_done = false;

  while (!record_done) {
    if (out.fields.size() == limits_.max_fields)
      fail(out.line, limits_.max_fields + 1,
           "more than " + std::to_string(limits_.max_fields) + " fields in a record",
           excerpt(text_, record_start, n));
    const std::size_t column = out.fields.size() + 1;

    if (pos < n && t[pos] == '"') {
      // Quoted field: find the closing quote, unescaping "" on the way.
      const std::size_t open = pos;
      const std::size_t open_line = line;
      std::size_t segment = open + 1;  // start of the bytes not yet copied to scratch
      std::size_t p = open + 1;
      bool escaped = false;
      std::size_t scratch_offset = 0;
      std::size_t q;
      for (;;) {
        q = next_special(p);
        if (q >= n)
          fail(open_line, column, "unterminated quoted field (opened here)",
               excerpt(text_, open, n));
        const char c = t[q];
        if (c == '"') {
          if (q + 1 < n && t[q + 1] == '"') {
            if (!escaped) {
              escaped = true;
              scratch_offset = scratch_.size();
            }
            scratch_.append(t + segment, q + 1 - segment);  // up to and with one quote
            segment = p = q + 2;
            continue;
          }
          break;  // the closing quote
        }
        if (c == '\n') ++line;
        p = q + 1;
      }
      std::size_t size;
      if (escaped) {
        scratch_.append(t + segment, q - segment);
        size = scratch_.size() - scratch_offset;
      } else {
        size = q - open - 1;
      }
      if (size > limits_.max_field_bytes)
        fail(open_line, column,
             "field longer than the limit of " + std::to_string(limits_.max_field_bytes) +
                 " bytes",
             excerpt(text_, open, q + 1));
      if (escaped) {
        // The view is made once the record is complete: scratch_ may still grow.
        scratch_fields_.push_back({out.fields.size(), scratch_offset, size});
        out.fields.emplace_back();
      } else {
        out.fields.emplace_back(t + open + 1, size);
      }
      // After the closing quote: delimiter, end of record or end of text.
      const std::size_t after = q + 1;
      if (after >= n) {
        pos = n;
        record_done = true;
      } else if (t[after] == delim) {
        pos = after + 1;
      } else if (t[after] == '\n') {
        pos = after + 1;
        ++line;
        record_done = true;
      } else if (t[after] == '\r' && after + 1 < n && t[after + 1] == '\n') {
        pos = after + 2;
        ++line;
        record_done = true;
      } else {
        fail(line, column, "text after closing quote", excerpt(text_, after, n, delim));
      }
    } else {
      // Unquoted field: up to the delimiter or the end of the record. Quotes
      // and lone CRs in it are data.
      const std::size_t start = pos;
      std::size_t q = pos;
      std::size_t after;
      for (;;) {
        q = next_special(q);
        if (q >= n) {
          after = n;
          record_done = true;
          break;
        }
        const char c = t[q];
        if (c == delim) {
          after = q + 1;
          break;
        }
        if (c == '\n') {
          after = q + 1;
          record_done = true;
          break;
        }
        if (c == '\r' && q + 1 < n && t[q + 1] == '\n') {
          after = q + 2;
          record_done = true;
          break;
        }
        ++q;
      }
      const std::size_t size = q - start;
      if (size > limits_.max_field_bytes)
        fail(line, column,
             "field longer than the limit of " + std::to_string(limits_.max_field_bytes) +
                 " bytes",
             excerpt(text_, start, q));
      out.fields.emplace_back(t + start, size);
      if (record_done && q < n) ++line;  // ended at LF or CRLF, not at the end of text
      pos = after;
    }
  }

  for (const scratch_field& f : scratch_fields_)
    out.fields[f.index] = std::string_view(scratch_.data() + f.offset, f.size);
  pos_ = pos;
  line_ = line;
  return true;
}

}  // namespace pledgetrack::io
