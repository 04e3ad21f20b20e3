// The pledge CSV reader on arbitrary bytes, with default options (encoding
// and delimiter detected): read_csv_bytes and validate_csv_bytes.
//
// Invariants: reading throws nothing but pledgetrack::error; validate never
// throws; validate finds no error (warnings and notices aside) exactly when
// reading succeeds, and its first error is the one reading stops at; what was read is well formed
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

  // Warnings and notices say how a file that reads was read: only errors count here.
  const std::vector<io::problem> problems = io::validate_csv_bytes(bytes, name);
  const io::problem* first_error = nullptr;
  for (const io::problem& p : problems)
    if (p.severity == io::severity::error) {
      first_error = &p;
      break;
    }
  must(read_ok == (first_error == nullptr), "validate finds no error exactly when read succeeds");
  if (!read_ok) must(first_error->message == read_error, "validate's first error is read's error");
  return 0;
}
