// Project ids: project_id::parse and project_id::read on arbitrary text.
//
// Invariants: only pledgetrack::parse_error is thrown; a parsed id has 1 to
// max_components parts; its canonical text parses back to it; hashing and
// ordering agree with equality. read agrees with parse where parse reads an
// id, and any id it reads (a text id too) reads back from its text.
#include <functional>
#include <string>

#include "common.hpp"
#include "pledgetrack/error.hpp"
#include "pledgetrack/model/project_id.hpp"

using namespace pledgetrack;
using pledgetrack_fuzz::must;

namespace {

void check_read(std::string_view text) {
  project_id id;
  try {
    id = project_id::read(text);
  } catch (const parse_error&) {
    return;
  }
  must(!id.empty(), "read gives no empty id");
  const std::string written = id.to_string();
  must(written.size() <= project_id::max_text_bytes || !id.is_text(), "a text id fits its buffer");
  project_id again;
  try {
    again = project_id::read(written);
  } catch (const parse_error&) {
    must(false, "the text of an id read reads again");
  }
  must(again == id, "an id read reads back from its text");
  must(std::hash<project_id>{}(again) == std::hash<project_id>{}(id), "equal ids hash equal (read)");
  must((id <=> again) == 0, "ordering agrees with equality (read)");
  if (const auto parsed = project_id::try_parse(text)) must(*parsed == id, "read agrees with parse");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = pledgetrack_fuzz::as_text(data, size);
  check_read(text);
  project_id id;
  try {
    id = project_id::parse(text);
  } catch (const parse_error& e) {
    must(e.text() == text, "the error names the text");
    return 0;
  }
  must(id.size() >= 1 && id.size() <= project_id::max_components, "1..max_components parts");
  const std::string canonical = id.to_string();
  project_id again;
  try {
    again = project_id::parse(canonical);
  } catch (const parse_error&) {
    must(false, "the canonical text of an id parses");
  }
  must(again == id, "the canonical text parses back to the same id");
  must(again.to_string() == canonical, "the canonical text is stable");
  must(std::hash<project_id>{}(again) == std::hash<project_id>{}(id), "equal ids hash equal");
  must((id <=> again) == 0, "ordering agrees with equality");
  must(id.pledge().size() <= id.size(), "a pledge id is not longer than its project's");
  return 0;
}
