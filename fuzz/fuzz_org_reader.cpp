// Org files (department -> bureau): read_org_csv_bytes on arbitrary bytes,
// encoding detected.
//
// Invariants: reading throws nothing but pledgetrack::error; a file that
// reads gives a non-empty organization that can be used: every department
// has a bureau and looking one up never throws (no rename cycle slips in).
#include <string>

#include "common.hpp"
#include "pledgetrack/error.hpp"
#include "pledgetrack/io/csv.hpp"

using namespace pledgetrack;
using pledgetrack_fuzz::must;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes = pledgetrack_fuzz::as_text(data, size);
  organization org;
  try {
    org = io::read_org_csv_bytes(bytes, "org.csv");
  } catch (const error&) {
    return 0;
  }
  must(!org.empty(), "an org file that reads has a department");
  for (const std::string& d : org.departments()) {
    try {
      must(org.bureau_of(d).has_value(), "every department has a bureau");
    } catch (const error&) {
      must(false, "looking up a department of an org file that read does not throw");
    }
  }
  return 0;
}
