// Reading an org file: department -> bureau, with renames and sub-units.
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "pledgetrack/io/csv.hpp"
#include "pledgetrack/text/unicode.hpp"

namespace pledgetrack::io {
namespace {

enum class org_column { department, bureau, renamed_from, parent, other };

org_column org_column_of(std::string_view header) {
  std::string key = text::remove_spaces(text::compose_hangul(header));
  for (char& c : key)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  if (key == "department" || key == "부서" || key == "주관부서" || key == "부서명") return org_column::department;
  if (key == "bureau" || key == "실국" || key == "실·국" || key == "소관국") return org_column::bureau;
  if (key == "renamed_from" || key == "구부서명" || key == "이전부서명") return org_column::renamed_from;
  if (key == "parent" || key == "상위부서") return org_column::parent;
  return org_column::other;
}

}  // namespace

organization read_org_csv_bytes(std::string_view bytes, const std::string& name, std::optional<encoding> forced) {
  if (const std::size_t limit = csv_limits{}.max_file_bytes; bytes.size() > limit)
    throw parse_error(source_location{name, 0, 0, {}, {}},
                      "file larger than the limit of " + std::to_string(limit) + " bytes",
                      std::to_string(bytes.size()) + " bytes");
  const std::string text = read_text(bytes, forced, name);
  csv_tokenizer tokens(text, name);
  csv_record record;
  if (!tokens.next(record)) throw parse_error::unquoted(source_location{name, 1, 0, {}, {}}, "empty org file: no header row");
  std::optional<std::size_t> department, bureau, renamed_from, parent;
  std::vector<std::string> headers;
  for (std::size_t i = 0; i < record.fields.size(); ++i) {
    headers.emplace_back(text::trim(record.fields[i]));
    std::optional<std::size_t>* slot = nullptr;
    switch (org_column_of(headers.back())) {
      case org_column::department: slot = &department; break;
      case org_column::bureau: slot = &bureau; break;
      case org_column::renamed_from: slot = &renamed_from; break;
      case org_column::parent: slot = &parent; break;
      case org_column::other: break;
    }
    if (slot == nullptr) continue;
    if (*slot)
      throw parse_error(source_location{name, record.line, i + 1, headers.back(), {}}, "duplicate column in the org file",
                        headers.back());
    *slot = i;
  }
  if (!department || (!bureau && !parent))
    throw parse_error(source_location{name, record.line, 0, {}, {}},
                      "an org file needs the columns department (부서) and bureau (실국)", std::string(record.fields.empty() ? "" : record.fields[0]));

  organization org;
  struct pending_parent { std::string department, parent; source_location where; };
  std::vector<pending_parent> pending;
  struct rename { std::string from; source_location where; };
  std::vector<rename> renames;
  std::size_t rows = 0;
  while (tokens.next(record)) {
    ++rows;
    const auto where = [&](std::optional<std::size_t> c) {
      const std::size_t i = c.value_or(0);
      return source_location{name, record.line, i + 1, i < headers.size() ? headers[i] : std::string(), {}};
    };
    if (record.fields.size() != headers.size())
      throw parse_error(where(record.fields.size() - 1),
                        "expected " + std::to_string(headers.size()) + " fields as in the header, found " +
                            std::to_string(record.fields.size()),
                        std::string(text::truncate_utf8(record.fields.back(), 60)));
    const auto cell = [&](std::optional<std::size_t> c) {
      return c ? text::compose_hangul(text::trim(record.fields[*c])) : std::string();
    };
    const std::string d = cell(department);
    const std::string b = cell(bureau);
    const std::string from = cell(renamed_from);
    const std::string up = cell(parent);
    if (d.empty()) throw parse_error::unquoted(where(department), "empty department");
    try {
      if (!b.empty()) org.add(d, b);
      else if (!up.empty()) pending.push_back({d, up, where(parent)});
      else throw parse_error("a department needs a bureau or a parent", d);
      if (!from.empty()) {
        org.add_rename(from, d);
        renames.push_back({from, where(renamed_from)});
      }
    } catch (const parse_error& e) {
      throw e.at(where(bureau));
    } catch (const data_error& e) {
      throw parse_error(where(department), e.what(), d);
    }
  }
  if (rows == 0) throw parse_error::unquoted(source_location{name, 1, 0, {}, {}}, "org file has a header but no rows");
  // Sub-units take their parent's bureau; parents may be listed after them,
  // and may be sub-units themselves: follow the chain up to a department
  // with a bureau.
  std::unordered_map<std::string, std::size_t> pending_index;
  for (std::size_t k = 0; k < pending.size(); ++k) pending_index.emplace(pending[k].department, k);
  for (std::size_t k = 0; k < pending.size(); ++k) {
    std::vector<std::size_t> chain{k};
    std::optional<std::string> b;
    while (!(b = org.bureau_of(pending[chain.back()].parent))) {
      const auto it = pending_index.find(pending[chain.back()].parent);
      if (it == pending_index.end())
        throw parse_error(pending[chain.back()].where, "parent department not in the org file",
                          pending[chain.back()].parent);
      if (chain.size() > pending.size())
        throw parse_error(pending[k].where, "parent departments form a cycle", pending[k].parent);
      chain.push_back(it->second);
    }
    for (auto c = chain.rbegin(); c != chain.rend(); ++c) {
      try {
        org.add(pending[*c].department, *b);
      } catch (const data_error& e) {  // listed again with another bureau
        throw parse_error(pending[*c].where, e.what(), pending[*c].department);
      }
    }
  }
  // A former name that is also a department of its own would map that
  // department away from its bureau (or, both ways, loop for ever).
  const std::unordered_set<std::string> current(org.departments().begin(), org.departments().end());
  for (const rename& r : renames)
    if (current.contains(r.from))
      throw parse_error(r.where, "former name is also listed as a current department", r.from);
  return org;
}

organization read_org_csv(const std::string& path, std::optional<encoding> forced) {
  return read_org_csv_bytes(read_file_bytes(path), path, forced);
}

}  // namespace pledgetrack::io
