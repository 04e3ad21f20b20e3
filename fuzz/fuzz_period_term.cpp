// Reporting periods and terms: period::parse and term::parse on arbitrary
// text.
//
// Invariants: parse throws only pledgetrack::parse_error; a period's labels
// (2024Q1, 2024년 1분기) parse back to it; next/previous are inverse where
// they exist (at the ends of the calendar they throw data_error); a term's
// labels (민선8기, 8th term) parse back to it and its dates are ordered.
#include <string>

#include "common.hpp"
#include "pledgetrack/error.hpp"
#include "pledgetrack/time/period.hpp"
#include "pledgetrack/time/term.hpp"

using namespace pledgetrack;
using pledgetrack_fuzz::must;

namespace {

void check_period(std::string_view text) {
  std::optional<period> p;
  try {
    p = period::parse(text);
  } catch (const parse_error&) {
    return;
  }
  try {
    must(period::parse(p->label()) == *p, "label() parses back");
    must(period::parse(p->label_ko()) == *p, "label_ko() parses back");
  } catch (const parse_error&) {
    must(false, "a period's labels parse");
  }
  must(p->first_day() <= p->last_day(), "first day <= last day");
  must(p->contains(p->first_day()) && p->contains(p->last_day()), "a period contains its days");
  try {
    must(p->next().previous() == *p, "next().previous()");
  } catch (const data_error&) {
  }
  try {
    must(p->previous().next() == *p, "previous().next()");
  } catch (const data_error&) {
  }
}

void check_term(std::string_view text) {
  std::optional<term> t;
  try {
    t = term::parse(text);
  } catch (const parse_error&) {
    return;
  }
  try {
    must(term::parse(t->label_ko()) == *t, "label_ko() parses back");
    must(term::parse(t->label_en()) == *t, "label_en() parses back");
  } catch (const parse_error&) {
    must(false, "a term's labels parse");
  }
  must(t->start() <= t->end() && t->is_regular(), "a parsed term is regular and ordered");
  must(t->days_elapsed(t->end()) == t->days_total(), "days_elapsed at the end");
  const auto again = term::of_date(t->start());
  must(again && *again == *t, "of_date(start) is the term");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = pledgetrack_fuzz::as_text(data, size);
  check_period(text);
  check_term(text);
  return 0;
}
