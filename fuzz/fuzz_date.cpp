// Dates: parse_date on arbitrary text.
//
// Invariants: only pledgetrack::parse_error is thrown (never a Boost
// exception); a parsed date is a calendar date of 1400-9999 whose ISO text
// parses back to it.
#include <string>

#include "common.hpp"
#include "pledgetrack/error.hpp"
#include "pledgetrack/model/date.hpp"

using namespace pledgetrack;
using pledgetrack_fuzz::must;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = pledgetrack_fuzz::as_text(data, size);
  boost::gregorian::date d;
  try {
    d = parse_date(text);
  } catch (const parse_error& e) {
    must(e.problem() == "not a date" || e.problem() == "impossible date", "a date error is one of two problems");
    return 0;
  }
  must(!d.is_special(), "a parsed date is a calendar date");
  must(d.year() >= 1400 && d.year() <= 9999, "years 1400-9999");
  const std::string iso = format_date(d);
  must(iso.size() == 10, "ISO text is YYYY-MM-DD");
  try {
    must(parse_date(iso) == d, "the ISO text parses back to the date");
  } catch (const parse_error&) {
    must(false, "the ISO text of a date parses");
  }
  return 0;
}
