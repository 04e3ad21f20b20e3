// Splitting an org file by its district column (see org_by_district.hpp).
// Each district's rows are written back as CSV at their own line numbers
// (the tokenizer skips the blank lines between), and read by the org reader,
// so that the org rules and their messages stay in one place.
#include "pledgetrack/batch/org_by_district.hpp"

#include <unordered_map>

#include "pledgetrack/io/csv.hpp"
#include "pledgetrack/io/csv_tokenizer.hpp"
#include "pledgetrack/text/unicode.hpp"

namespace pledgetrack::batch {

namespace {

// The pledge reader's names for its district column (src/io/csv_reader.cpp),
// compared the same way: spaces, case and Hangul composition ignored.
bool is_district_header(std::string_view header) {
  std::string key = text::remove_spaces(text::compose_hangul(header));
  for (char& c : key)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return key == "district" || key == "자치단체" || key == "자치단체명" || key == "지자체";
}

void append_quoted(std::string& out, std::string_view field) {
  out += '"';
  for (const char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

struct district_text {
  std::string text;
  std::size_t line = 1;  // the line the text ends on
};

}  // namespace

std::optional<std::vector<std::pair<std::string, organization>>> read_org_csv_by_district_bytes(
    std::string_view bytes, const std::string& name, std::optional<io::encoding> forced) {
  const std::string text = io::read_text(bytes, forced, name);
  io::csv_tokenizer tokens(text, name);
  io::csv_record record;
  if (!tokens.next(record)) return std::nullopt;  // empty: the org reader says so
  std::optional<std::size_t> district;
  std::string header;
  for (std::size_t i = 0; i < record.fields.size(); ++i) {
    if (!district && is_district_header(text::trim(record.fields[i]))) district = i;
    if (i > 0) header += tokens.delimiter();
    append_quoted(header, record.fields[i]);
  }
  if (!district) return std::nullopt;
  const std::string district_header(text::trim(record.fields[*district]));
  const std::size_t header_line = record.line;

  std::vector<std::string> order;
  std::unordered_map<std::string, district_text> texts;
  while (tokens.next(record)) {
    const std::string key =
        *district < record.fields.size() ? std::string(text::trim(text::compose_hangul(record.fields[*district]))) : "";
    if (key.empty())
      throw parse_error(source_location{name, record.line, *district + 1, district_header},
                        "empty district in an org file with a district column", "");
    auto [it, inserted] = texts.try_emplace(key);
    district_text& t = it->second;
    if (inserted) {
      order.push_back(key);
      t.text.assign(header_line - 1, '\n');
      t.text += header;
      t.line = header_line;
    }
    for (; t.line < record.line; ++t.line) t.text += '\n';
    for (std::size_t i = 0; i < record.fields.size(); ++i) {
      if (i > 0) t.text += tokens.delimiter();
      append_quoted(t.text, record.fields[i]);
      for (const char c : record.fields[i]) t.line += c == '\n' ? 1 : 0;
    }
  }
  if (order.empty()) return std::nullopt;  // a header only: the org reader says so

  std::vector<std::pair<std::string, organization>> out;
  for (const std::string& d : order) {
    out.emplace_back(d, io::read_org_csv_bytes(texts[d].text, name, io::encoding::utf8));
  }
  return out;
}

std::optional<std::vector<std::pair<std::string, organization>>> read_org_csv_by_district(
    const std::string& path, std::optional<io::encoding> forced) {
  return read_org_csv_by_district_bytes(io::read_file_bytes(path), path, forced);
}

}  // namespace pledgetrack::batch
