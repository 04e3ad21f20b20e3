// Published reports (the text form of docs/reports.md): read_published on
// arbitrary text, with the bundled example's org (so that department matching
// and the first table's evidence run), then the audit of what it read.
//
// Invariants: reading and auditing throw nothing but pledgetrack::error; a
// report that reads has a snapshot whose projects all carry an id; every
// correction says what was printed or what was read; every stated figure is
// either checked by the audit or listed as not checked (none dropped).
#include <string>

#include "common.hpp"
#include "pledgetrack/error.hpp"
#include "pledgetrack/io/csv.hpp"
#include "pledgetrack/published/audit_published.hpp"
#include "pledgetrack/published/published_report.hpp"

using namespace pledgetrack;
using pledgetrack_fuzz::must;

namespace {

const published::read_options& options() {
  static const published::read_options o = [] {
    published::read_options out;
    out.org = io::read_org_csv(PLEDGETRACK_SOURCE_DIR "/examples/data/gwangju-seogu/org.csv");
    return out;
  }();
  return o;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = pledgetrack_fuzz::as_text(data, size);
  published::published_report report;
  try {
    report = published::read_published(text, "report.txt", options());
  } catch (const error&) {
    return 0;
  }
  for (const project& p : report.snapshot) must(!p.id.empty(), "every project read has an id");
  for (const published::correction& c : report.corrections)
    must(!c.printed.empty() || !c.read.empty(), "a correction says what was printed or read");
  try {
    const published::published_audit a = published::audit_published(report);
    must(a.result.findings.size() + a.unchecked.size() == report.stated.size(),
         "every stated figure is checked or listed as not checked: none dropped");
  } catch (const error&) {
  }
  return 0;
}
