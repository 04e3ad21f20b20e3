// The pledge CSV reader on arbitrary bytes, with default options (encoding
// and delimiter detected): read_csv_bytes and validate_csv_bytes.
//
// Invariants: reading throws nothing but pledgetrack::error; validate never
// throws; validate is empty exactly when reading succeeds, and its first
// problem is the error reading stops at; what was read is well formed
// (every snapshot non-empty, every project with an id, a title and valid
// UTF-8 text).
#include <string>
#include <vector>

#include "common.hpp"
#include "pledgetrack/error.hpp"
#include "pledgetrack/io/csv.hpp"
#include "pledgetrack/text/unicode.hpp"

using namespace pledgetrack;
using pledgetrack_fuzz::must;

namespace {

bool valid_text(const std::string& s) {
  return !pledgetrack::text::find_invalid_utf8(s).has_value() && s.find('\0') == std::string::npos;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes = pledgetrack_fuzz::as_text(data, size);
  const std::string name = "fuzz.csv";

  bool read_ok = false;
  std::string read_error;
  try {
    const std::vector<snapshot> all = io::read_csv_bytes(bytes, name);
    read_ok = true;
    must(!all.empty(), "a successful read gives at least one snapshot");
    for (const snapshot& s : all) {
      must(s.size() > 0, "no empty snapshot");
      for (const project& p : s) {
        must(!p.id.empty(), "every project has an id");
        must(!p.title.empty(), "every project has a title");
        must(valid_text(p.title) && valid_text(p.raw_status) && valid_text(p.department) &&
                 valid_text(p.bureau) && valid_text(p.note),
             "text read is valid UTF-8 without NUL");
        if (p.progress) must(*p.progress >= fraction(0) && *p.progress <= fraction(100), "progress in 0..100");
      }
    }
  } catch (const error& e) {
    read_error = e.what();
    must(!read_error.empty(), "an error has a message");
    must(valid_text(read_error), "an error message is valid UTF-8 without NUL");
  }

  const std::vector<io::problem> problems = io::validate_csv_bytes(bytes, name);
  must(read_ok == problems.empty(), "validate is empty exactly when read succeeds");
  if (!read_ok) must(problems.front().message == read_error, "validate's first problem is read's error");
  return 0;
}
