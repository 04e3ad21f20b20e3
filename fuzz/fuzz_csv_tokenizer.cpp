// The RFC 4180 tokenizer on arbitrary text. The first two bytes pick small
// limits (fields per record, bytes per field) so that the limit checks are
// reached; the third picks the delimiter (0: detect).
//
// Invariants: nothing but pledgetrack::error is thrown; no record exceeds the
// limits; every record has a field; lines never go backwards; after an error
// the tokenizer throws again (it stays at the bad record).
#include <string>

#include "common.hpp"
#include "pledgetrack/error.hpp"
#include "pledgetrack/io/csv_tokenizer.hpp"

using namespace pledgetrack;
using pledgetrack_fuzz::must;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 3) return 0;
  io::csv_limits limits;
  limits.max_fields = 1 + data[0] % 16;
  limits.max_field_bytes = data[1] % 64;
  static constexpr char delimiters[] = {0, ',', '\t', ';', '|', ' ', 'a', '\xEA'};
  const char delimiter = delimiters[data[2] % sizeof delimiters];
  const std::string_view text = pledgetrack_fuzz::as_text(data + 3, size - 3);

  try {
    io::csv_tokenizer tokens(text, "fuzz.csv", delimiter, limits);
    io::csv_record record;
    std::size_t last_line = 0;
    try {
      while (tokens.next(record)) {
        must(!record.fields.empty(), "a record has at least one field");
        must(record.fields.size() <= limits.max_fields, "fields per record within the limit");
        for (const std::string_view f : record.fields) {
          must(f.size() <= limits.max_field_bytes, "field size within the limit");
          must(f.data() != nullptr || f.empty(), "a field view points somewhere");
        }
        must(record.line > last_line, "records start on later lines");
        last_line = record.line;
      }
      must(!tokens.next(record), "the end stays the end");
    } catch (const parse_error& e) {
      must(e.where().line >= 1, "a tokenizer error names a line");
      bool again = false;
      try {
        (void)tokens.next(record);
      } catch (const parse_error&) {
        again = true;
      }
      must(again, "the tokenizer stays at a bad record");
    }
  } catch (const error&) {
  }
  return 0;
}
