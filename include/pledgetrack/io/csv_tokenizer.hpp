// A streaming RFC 4180 tokenizer over UTF-8 text held in memory. Fields are
// string_views into the text; only quoted fields holding doubled quotes ("")
// are unescaped, into a scratch buffer the tokenizer reuses. No allocation per
// field or record once the vectors have grown.
//
// Rules:
// - fields are separated by the delimiter; records end at LF or CRLF (mixed
//   freely); a lone CR not followed by LF is data;
// - a field that starts with '"' is quoted: "" inside is one quote, and
//   delimiters, CR and LF inside are data (kept as they are);
// - after the closing quote only the delimiter or the end of the record may
//   follow, else parse_error "text after closing quote";
// - a quote inside an unquoted field is kept literally;
// - blank lines (empty, or nothing but CR) are skipped, they are no records;
// - nothing is trimmed; a UTF-8 byte-order mark at the start is skipped;
// - lines are counted at every LF (CRLF counts once), also inside quoted
//   fields, so `csv_record::line` is the physical line where a record starts.
//
// Errors are pledgetrack::parse_error with file, line and column (the 1-based
// field number in the record); their text is at most ~40 bytes of the field.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace pledgetrack::io {

/// Limits past which reading stops with a parse_error (docs/limits.md).
struct csv_limits {
  std::size_t max_field_bytes = 1 << 20;  ///< 1 MiB, after unescaping
  std::size_t max_fields = 4096;          ///< columns per record
  /// 1 GiB: the whole file as stored, before decoding. Checked by the
  /// readers (read_csv, read_csv_bytes, validate_csv…), not by the tokenizer.
  std::size_t max_file_bytes = std::size_t(1) << 30;
};

struct csv_record {
  std::vector<std::string_view> fields;  ///< valid until the next call to next()
  std::size_t line = 0;                  ///< 1-based physical line where the record starts
};

class csv_tokenizer {
 public:
  /// `text` must outlive the tokenizer and the records it gives. `delimiter`
  /// 0 = detect from the first record's line: tab if it has more tabs than
  /// commas, else comma. Throws pledgetrack::error for a delimiter that is a
  /// quote, CR or LF.
  csv_tokenizer(std::string_view text, std::string file, char delimiter = 0,
                csv_limits limits = {});

  /// Reads the next record into `out` (its vector's capacity is reused);
  /// false at the end of the text. Throws parse_error on malformed input;
  /// the tokenizer then stays at that record (calling again throws again).
  bool next(csv_record& out);

  [[nodiscard]] char delimiter() const noexcept { return delimiter_; }
  [[nodiscard]] const std::string& file() const noexcept { return file_; }

 private:
  /// Offset of the first delimiter, quote, CR or LF at or after `pos`, or
  /// the text size. Works on 64-byte blocks (SIMD where available).
  std::size_t next_special(std::size_t pos) noexcept;
  void load_block(std::size_t block) noexcept;

  [[noreturn]] void fail(std::size_t line, std::size_t column, std::string problem,
                         std::string_view text) const;

  std::string_view text_;
  std::string file_;
  char delimiter_;
  csv_limits limits_;
  std::size_t pos_ = 0;   ///< where the next record starts
  std::size_t line_ = 1;  ///< physical line at pos_

  std::size_t block_ = static_cast<std::size_t>(-1);  ///< start of the cached block
  std::uint64_t block_mask_ = 0;  ///< bit i: byte block_ + i is special

  std::string scratch_;  ///< unescaped quoted fields of the current record
  struct scratch_field {
    std::size_t index, offset, size;
  };
  std::vector<scratch_field> scratch_fields_;
};

}  // namespace pledgetrack::io
