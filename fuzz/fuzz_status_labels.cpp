// Status labels: status_labels::kmc().find and parse on arbitrary text.
//
// Invariants: find never throws; parse throws only pledgetrack::parse_error
// and exactly when find gives nothing, naming the label.
#include "common.hpp"
#include "pledgetrack/error.hpp"
#include "pledgetrack/model/status_labels.hpp"

using namespace pledgetrack;
using pledgetrack_fuzz::must;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const status_labels labels = status_labels::kmc();
  const std::string_view label = pledgetrack_fuzz::as_text(data, size);
  const std::optional<status> found = labels.find(label);
  try {
    const status s = labels.parse(label);
    must(found.has_value() && *found == s, "parse agrees with find");
  } catch (const parse_error& e) {
    must(!found.has_value(), "parse throws only for an unknown label");
    must(e.text() == label, "the error names the label");
  }
  return 0;
}
