// The bad-input corpus (tests/data/bad/, listed in its README.md) and the
// documented limits (docs/limits.md): every broken file gives a clear error
// (file, line, column, column name, offending text) or a documented accepted
// reading, never a crash, a hang or a silent loss. Inputs the fuzzers found
// (fuzz/, scripts/fuzz.sh) are kept as tests/data/bad/fuzz-* files and
// pinned here too. The huge cases (a 10 MB field, a million columns, a file
// past the size limit) are generated at test time.
#include <doctest/doctest.h>

#include <sys/types.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "pledgetrack/io/csv.hpp"
#include "pledgetrack/pledgetrack.hpp"

using namespace pledgetrack;

namespace {

const std::string bad_dir = std::string(PLEDGETRACK_SOURCE_DIR) + "/tests/data/bad/";

/// How a file of the corpus must read.
struct refusal {
  std::string message;  ///< after "<dir>/": the whole message, or its start
  bool prefix = false;
};

// Files refused, with the message (the directory removed from the front).
// Org files (org-*) are read with read_org_csv, the others with read_csv.
const std::map<std::string, refusal>& refusals() {
  static const std::map<std::string, refusal> table = {
      // Empty and nearly empty.
      {"empty.csv", {"empty.csv:1: empty file: no header row, no text at all"}},
      {"bom-only.csv", {"bom-only.csv:1: empty file: no header row, no text at all"}},
      {"utf16le-bom-only.txt", {"utf16le-bom-only.txt:1: empty file: no header row, no text at all"}},
      {"utf16be-bom-only.txt", {"utf16be-bom-only.txt:1: empty file: no header row, no text at all"}},
      {"blank-lines-only.csv", {"blank-lines-only.csv:1: empty file: no header row, no text at all"}},
      {"header-only.csv", {"header-only.csv:1: header but no data rows below it (the header starts with 'district')"}},
      {"header-only-blank-lines.csv", {"header-only-blank-lines.csv:1: header but no data rows below it (the header starts with 'district')"}},
      // Header problems.
      {"missing-id.csv",
       {"missing-id.csv:1: missing required column id (관리번호); accepted headers: id, 관리번호, 번호, 구분, MANAGE_NO; map a header of yours with "
        "columns={'사업 내용': 'id'} or --column '사업 내용=id'; the file's headers are: "
        "'district, term, as_of, project, department, status, progress, note'"}},
      {"missing-project.csv",
       {"missing-project.csv:1: missing required column project (세부사업/단위사업); accepted headers: project, title, 세부사업, 단위사업, 사업명, 공약사업명, 단위사업명, 세부사업명, 공약사항, 공약사업, PPLDG_BSNS_NM; map a header of yours with "
        "columns={'사업 내용': 'project'} or --column '사업 내용=project'; the file's headers are: "
        "'district, term, as_of, id, department, status, progress, note'"}},
      {"missing-status.csv",
       {"missing-status.csv:1: missing required column status (추진상황), or one column per status holding a mark; "
        "accepted headers: status, 추진상황, 추진상태, 이행상황, 추진현황, PRTN_SITTN; map a header of yours with "
        "columns={'사업 내용': 'status'} or --column '사업 내용=status'; the file's headers are: "
        "'district, term, as_of, id, project, department, progress, note'"}},
      {"missing-district.csv",
       {"missing-district.csv:1: missing required column district (자치단체), and no district was given; accepted headers: district, 자치단체, 자치단체명, 지자체; map a header of yours with "
        "columns={'사업 내용': 'district'} or --column '사업 내용=district'; the file's headers are: "
        "'term, as_of, id, project, department, status, progress, note'"}},
      {"missing-as-of.csv",
       {"missing-as-of.csv:1: missing required column as_of (기준일자), and no as_of was given; accepted headers: as_of, 기준일, 기준일자; map a header of yours with "
        "columns={'사업 내용': 'as_of'} or --column '사업 내용=as_of'; the file's headers are: "
        "'district, term, id, project, department, status, progress, note'"}},
      {"duplicate-header-alias.csv",
       {"duplicate-header-alias.csv:1:10 (column '관리번호'): duplicate column: 'id' (column 4) and this one "
        "both mean id: '관리번호'"}},
      {"duplicate-header-same.csv",
       {"duplicate-header-same.csv:1:10 (column 'status'): duplicate column: 'status' (column 7) and this one "
        "both mean status: 'status'"}},
      {"duplicate-mark-columns.csv",
       {"duplicate-mark-columns.csv:1:6 (column '추진완료'): duplicate status mark column: '완료' and this one "
        "both mean 완료: '추진완료'"}},
      {"status-and-marks.csv",
       {"status-and-marks.csv:1:7 (column 'status'): both a status column and status mark columns: use one: "
        "'status'"}},
      // Field counts and quoting.
      {"too-few-fields.csv",
       {"too-few-fields.csv:3:7 (column 'status'): expected 9 fields as in the header, found 7: '완료'"}},
      {"too-many-fields.csv",
       {"too-many-fields.csv:3:10: expected 9 fields as in the header, found 10: '넘치는 칸'"}},
      {"unterminated-quote.csv",
       {"unterminated-quote.csv:3:5 (column 'project'): unterminated quoted field (opened here): "
        "'\"사업 둘,주민자치과,완료,,'"}},
      {"text-after-closing-quote.csv",
       {"text-after-closing-quote.csv:3:5 (column 'project'): text after closing quote: ' 둘'"}},
      {"quoted-newline-then-bad-status.csv",
       {"quoted-newline-then-bad-status.csv:5:7 (column 'status'): unknown status label (known: 완료, "
        "이행후계속추진, 정상추진, 일부추진, 보류, 폐기, 기타, and their aliases) (add your own with aliases= or --alias 추진완료=완료): '진행완료'"}},
      {"cr-only-line-ends.csv",
       {"cr-only-line-ends.csv:1:9: a header cell holds a line break of a lone CR: lines ending in CR alone "
        "(old Mac files) are not supported, save the file with LF or CRLF line ends: 'note'"}},
      // Encodings.
      {"nul-byte.csv", {"nul-byte.csv:3:32: NUL byte in text: '\\x00'"}},
      {"nul-byte-utf16.txt", {"nul-byte-utf16.txt:3:32: NUL byte in text: '\\x00\\x00'"}},
      {"truncated-utf8.csv", {"truncated-utf8.csv:3:50: invalid UTF-8 bytes: '\\xEB\\x91\\x0A'"}},
      {"truncated-utf8-mid-file.csv", {"truncated-utf8-mid-file.csv:2:32: invalid UTF-8 bytes: '\\xED\\x95\\x2C'"}},
      {"mixed-utf8-cp949.csv",
       {"mixed-utf8-cp949.csv:4:1: mixed encodings: line 2 is UTF-8, this line is not (CP949?); save the file "
        "in one encoding: '\\xB1'"}},
      {"mixed-cp949-utf8.csv",
       {"mixed-cp949-utf8.csv:2:1: mixed encodings: line 4 is UTF-8, this line is not (CP949?); save the file "
        "in one encoding: '\\xB1'"}},
      {"invalid-cp949.csv",
       {"invalid-cp949.csv:4:1: bytes invalid in every supported encoding (UTF-8, CP949, UTF-16): '\\xC9\\x22'"}},
      {"invalid-utf8-byte.csv", {"invalid-utf8-byte.csv:4:1: invalid UTF-8 bytes: '\\xFF'"}},
      {"invalid-utf8-bom.csv", {"invalid-utf8-bom.csv:2:1: invalid UTF-8 bytes: '\\xB1'"}},
      {"utf16-odd-length.txt", {"utf16-odd-length.txt:4:1: odd number of bytes in UTF-16 text: '\\x0A'"}},
      {"utf16-unpaired-surrogate.txt",
       {"utf16-unpaired-surrogate.txt:3:1: unpaired surrogate in UTF-16 text: '\\x00\\xD8'"}},
      {"utf16le-no-bom.txt",
       {"utf16le-no-bom.txt:1:2: NUL bytes: UTF-16 text without a byte-order mark? (give the encoding utf-16le "
        "or utf-16be): '\\x64\\x00'"}},
      // Values.
      {"unknown-status.csv",
       {"unknown-status.csv:3:7 (column 'status'): unknown status label (known: 완료, 이행후계속추진, 정상추진, "
        "일부추진, 보류, 폐기, 기타, and their aliases) (add your own with aliases= or --alias 추진완료=완료): '진행완료'"}},
      {"empty-status.csv", {"empty-status.csv:2:7 (column 'status'): empty status label"}},
      {"blank-status.csv", {"blank-status.csv:3:7 (column 'status'): empty status label"}},
      {"duplicate-ids.csv", {"duplicate-ids.csv:4:4 (column 'id'): duplicate project id (first on line 2): '1-1'"}},
      {"duplicate-ids-spelled-differently.csv",
       {"duplicate-ids-spelled-differently.csv:3:4 (column 'id'): duplicate project id (first on line 2): "
        "'2-3-4'"}},
      {"id-empty.csv", {"id-empty.csv:3:4 (column 'id'): empty project id"}},
      {"impossible-date.csv", {"impossible-date.csv:3:3 (column 'as_of'): impossible date: '2024-02-30'"}},
      {"date-year-out-of-range.csv",
       {"date-year-out-of-range.csv:3:3 (column 'as_of'): impossible date: '0999-01-01'"}},
      {"not-a-date.csv", {"not-a-date.csv:3:3 (column 'as_of'): not a date: '3월 말'"}},
      {"bad-term.csv", {"bad-term.csv:3:2 (column 'term'): no such term: '민선0기'"}},
      {"progress-negative.csv",
       {"progress-negative.csv:2:8 (column 'progress'): not a progress percentage (0-100): '-5'"}},
      {"progress-over-100.csv",
       {"progress-over-100.csv:2:8 (column 'progress'): progress must lie in 0..100: '100.5'"}},
      {"progress-not-a-number.csv",
       {"progress-not-a-number.csv:2:8 (column 'progress'): not a progress percentage (0-100): '절반'"}},
      {"empty-project.csv", {"empty-project.csv:3:5 (column 'project'): empty project title"}},
      {"empty-district.csv",
       {"empty-district.csv:3:1 (column 'district'): empty district, and no district was given"}},
      {"second-mark.csv", {"second-mark.csv:2:6 (column '정상추진'): a second status marked (first: '완료'): '○'"}},
      {"no-mark.csv", {"no-mark.csv:2: no status marked in any status column: '1-1'"}},
      {"bad-mark.csv",
       {"bad-mark.csv:2:5 (column '완료'): not a status mark (○ O ● V ✓ 해당됨 mark a status; 해당안됨 미해당 X × - 0 or empty leave it unmarked): '예'"}},
      // Org files.
      {"org-empty.csv", {"org-empty.csv:1: empty org file: no header row"}},
      {"org-missing-bureau.csv",
       {"org-missing-bureau.csv:1: an org file needs the columns department (부서) and bureau (실국): "
        "'department'"}},
      {"org-two-bureaus.csv",
       {"org-two-bureaus.csv:3:1 (column 'department'): department '기획실' is in two bureaus: '실·단' and "
        "'문화경제국': '기획실'"}},
      {"org-rename-cycle.csv",
       {"org-rename-cycle.csv:2:3 (column 'renamed_from'): former name is also listed as a current department: "
        "'일자리경제과'"}},
      {"org-parent-missing.csv",
       {"org-parent-missing.csv:2:3 (column 'parent'): parent department not in the org file: '보건소'"}},
      {"org-wrong-field-count.csv",
       {"org-wrong-field-count.csv:3:3: expected 2 fields as in the header, found 3: '남는 칸'"}},
      // Found by the fuzzers.
      {"fuzz-field-count-cuts-utf8.txt",
       {"fuzz-field-count-cuts-utf8.txt:13:23: expected 15 fields as in the header, found 23: "
        "'국가정책 방향에 따라 공모사업 지원규모(국'"}},
  };
  return table;
}

// Files read, each with a check of its documented reading.
using reading_check = void (*)(const std::vector<snapshot>&);

const std::map<std::string, reading_check>& accepted() {
  static const std::map<std::string, reading_check> table = {
      {"quote-inside-unquoted.csv",
       [](const std::vector<snapshot>& all) {  // a quote inside an unquoted field is data
         REQUIRE(all.at(0).size() == 2);
         CHECK(all[0].at("1-1").title == "사업 \"하나\"");
         CHECK(all[0].at("1-2").title == "5\" 모니터");
       }},
      {"quoted-newline.csv",
       [](const std::vector<snapshot>& all) {  // a line break inside quotes is kept
         REQUIRE(all.at(0).size() == 2);
         CHECK(all[0].at("1-1").title == "사업\n하나");
       }},
      {"escaped-quotes.csv",
       [](const std::vector<snapshot>& all) {
         REQUIRE(all.at(0).size() == 2);
         CHECK(all[0].at("1-1").title == "\"따옴표\" 사업, 쉼표");
       }},
      {"mixed-crlf-lf.csv",
       [](const std::vector<snapshot>& all) {  // CRLF and LF mix freely; no CR is left in a cell
         REQUIRE(all.at(0).size() == 3);
         for (const project& p : all[0]) {
           CHECK(p.note.empty());
           CHECK(p.extra.empty());
         }
       }},
      {"lone-cr-in-field.csv",
       [](const std::vector<snapshot>& all) {  // a CR not followed by LF is data, kept
         REQUIRE(all.at(0).size() == 2);
         CHECK(all[0].at("1-1").title == "사업\r하나");
       }},
      {"no-final-newline.csv", [](const std::vector<snapshot>& all) { CHECK(all.at(0).size() == 2); }},
      {"nfd-everything.csv",
       [](const std::vector<snapshot>& all) {  // NFD Hangul is composed to NFC
         REQUIRE(all.at(0).size() == 2);
         CHECK(all[0].district() == "광주광역시 서구");
         CHECK(all[0].at("1-1").title == "주민자치 활성화");
         CHECK(all[0].at("1-1").raw_status == "정 상 추 진");
         CHECK(all[0].at("1-1").status == status::on_track);
         CHECK(all[0].at("1-2").status == status::ongoing);
       }},
      {"progress-percent-sign.csv",
       [](const std::vector<snapshot>& all) {
         CHECK(all.at(0).at("1-1").progress == fraction(125, 2));
         CHECK(all.at(0).at("1-2").progress == fraction(100));
       }},
      {"formula-injection.csv",
       [](const std::vector<snapshot>& all) {  // text is kept; the writer neutralises it
         const snapshot& s = all.at(0);
         REQUIRE(s.size() == 5);
         CHECK(s.at("1-1").title == "=cmd|' /C calc'!A0");
         CHECK(s.at("1-2").title == "+1+2");
         CHECK(s.at("1-3").title == "-2+3");
         CHECK(s.at("1-4").title == "@SUM(A1:A9)");
         CHECK(s.at("1-5").title == "=1+1");  // the apostrophe the writer puts in front is taken off
         CHECK(s.at("1-5").note == "=HYPERLINK(\"http://x\")");
         std::ostringstream out;
         io::write_csv(out, all);
         CHECK(out.str().find(",'=cmd|' /C calc'!A0,") != std::string::npos);
         CHECK(out.str().find(",'+1+2,") != std::string::npos);
         CHECK(out.str().find(",'-2+3,") != std::string::npos);
         CHECK(out.str().find(",'@SUM(A1:A9),") != std::string::npos);
         CHECK(io::read_csv_bytes(out.str(), "written.csv") == all);
       }},
      {"html-in-names.csv",
       [](const std::vector<snapshot>& all) {  // kept verbatim: escaping is the renderer's job
         CHECK(all.at(0).at("1-1").title == "<script>alert(1)</script>");
         CHECK(all.at(0).at("1-1").department == "<b>기획실</b>");
         CHECK(all.at(0).at("1-2").title == "&lt;사업&gt; & 따옴표");
       }},
      {"id-garbage.csv",
       [](const std::vector<snapshot>& all) {  // a total row (합계) is not a project, and is no error
         REQUIRE(all.at(0).size() == 1);
         CHECK(all[0].find(project_id::read("합계")) == nullptr);
       }},
      {"id-too-many-parts.csv",
       [](const std::vector<snapshot>& all) {  // more parts than an id has: kept as written
         REQUIRE(all.at(0).size() == 1);
         CHECK(all[0].at("1-2-3-4-5-6-7").id.is_text());
       }},
      {"control-characters.csv",
       [](const std::vector<snapshot>& all) {  // kept verbatim too
         CHECK(all.at(0).at("1-1").title == "사업\x07\x1b[31m하나");
       }},
  };
  return table;
}

// Org files read, checked in their own test case.
const std::set<std::string> accepted_org = {"org-parent-chain.csv"};

std::string strip_dir(std::string message) {
  REQUIRE(message.rfind(bad_dir, 0) == 0);
  return message.substr(bad_dir.size());
}

/// The message reading `name` from the corpus gives, or "" when it reads.
std::string message_of(const std::string& name) {
  try {
    if (name.rfind("org-", 0) == 0) {
      (void)io::read_org_csv(bad_dir + name);
    } else {
      (void)io::read_csv(bad_dir + name);
    }
  } catch (const error& e) {
    return strip_dir(e.what());
  }
  return "";
}

std::vector<snapshot> read_generated(const std::string& text, const io::read_options& options = {}) {
  return io::read_csv_bytes(text, "gen.csv", options);
}

std::string error_of(const std::string& text, const io::read_options& options = {}) {
  try {
    (void)read_generated(text, options);
  } catch (const error& e) {
    return e.what();
  }
  return "";
}

const std::string header = "district,term,as_of,id,project,department,status,progress,note";
std::string row(const std::string& id, const std::string& project) {
  return "광주광역시 서구,민선8기,2024-03-31," + id + "," + project + ",기획실,완료,,";
}

}  // namespace

TEST_SUITE("bad inputs") {
  TEST_CASE("every file of the corpus is pinned, and the corpus has at least 40 files") {
    std::set<std::string> files;
    for (const auto& entry : std::filesystem::directory_iterator(bad_dir)) {
      const std::string name = entry.path().filename().string();
      if (name == "README.md" || name == "make_bad.py") continue;
      files.insert(name);
      CHECK_MESSAGE((refusals().count(name) + accepted().count(name) + accepted_org.count(name) == 1), name);
      CHECK_MESSAGE(entry.file_size() <= 100 * 1024, name);  // no big files in the repository
    }
    for (const auto& [name, _] : refusals()) CHECK_MESSAGE(files.count(name) == 1, name);
    for (const auto& [name, _] : accepted()) CHECK_MESSAGE(files.count(name) == 1, name);
    CHECK(files.size() >= 40);
  }

  TEST_CASE("each refused file gives its message, and validate gives the same one first") {
    for (const auto& [name, expected] : refusals()) {
      CAPTURE(name);
      const std::string got = message_of(name);
      if (expected.prefix) {
        CHECK(got.rfind(expected.message, 0) == 0);
      } else {
        CHECK(got == expected.message);
      }
      CHECK_FALSE(text::find_invalid_utf8(got).has_value());  // a message is valid UTF-8
      if (name.rfind("org-", 0) != 0) {
        // Notices and warnings may come before it (how the header was read).
        const auto problems = io::validate_csv(bad_dir + name);
        const auto first_error = std::find_if(problems.begin(), problems.end(),
                                              [](const io::problem& p) { return p.severity == io::severity::error; });
        REQUIRE(first_error != problems.end());
        CHECK(strip_dir(first_error->message) == got);
        CHECK(first_error->where.file == bad_dir + name);
      }
    }
  }

  TEST_CASE("each accepted file gives its documented reading") {
    for (const auto& [name, check] : accepted()) {
      CAPTURE(name);
      std::vector<snapshot> all;
      REQUIRE_NOTHROW(all = io::read_csv(bad_dir + name));
      REQUIRE(all.size() == 1);
      check(all);
      for (const io::problem& p : io::validate_csv(bad_dir + name)) CHECK(p.severity != io::severity::error);
    }
  }

  TEST_CASE("org files: a parent may itself be a sub-unit listed later") {
    const organization org = io::read_org_csv(bad_dir + "org-parent-chain.csv");
    CHECK(org.departments().size() == 3);
    CHECK(org.bureau_of("건강증진팀") == "보건소");
    CHECK(org.bureau_of("건강증진과") == "보건소");
    CHECK(message_of("org-parent-chain.csv").empty());
  }
}

TEST_SUITE("bad inputs: limits") {
  TEST_CASE("the documented limits are the defaults") {
    const io::csv_limits limits;
    CHECK(limits.max_field_bytes == 1024 * 1024);
    CHECK(limits.max_fields == 4096);
    CHECK(limits.max_file_bytes == std::size_t(1) << 30);
    CHECK(io::default_max_file_bytes == limits.max_file_bytes);
  }

  TEST_CASE("a field of 1 MiB reads, one byte more or a 10 MB field is refused") {
    const std::size_t limit = io::csv_limits{}.max_field_bytes;
    const std::string at_limit(limit, 'x');
    const auto all = read_generated(header + "\n" + row("1-1", at_limit) + "\n");
    CHECK(all.at(0).at("1-1").title.size() == limit);

    CHECK(error_of(header + "\n" + row("1-1", at_limit + "x") + "\n") ==
          "gen.csv:2:5 (column 'project'): field longer than the limit of 1048576 bytes: '" + std::string(40, 'x') +
              "'");
    // 10 MB of Hangul: the excerpt in the message stops before a cut character.
    std::string ten_mb;
    ten_mb.reserve(10'000'002);
    while (ten_mb.size() < 10'000'000) ten_mb += "가";
    std::string excerpt;
    for (int k = 0; k < 13; ++k) excerpt += "가";  // 39 bytes of the 40 shown
    CHECK(error_of(header + "\n" + row("1-1", ten_mb) + "\n") ==
          "gen.csv:2:5 (column 'project'): field longer than the limit of 1048576 bytes: '" + excerpt + "'");
    // Quoted, and with doubled quotes (the limit counts unescaped bytes).
    CHECK(error_of(header + "\n" + row("1-1", "\"" + ten_mb + "\"") + "\n") ==
          "gen.csv:2:5 (column 'project'): field longer than the limit of 1048576 bytes: '\"" + excerpt + "'");
    std::string quotes = "\"";
    for (std::size_t k = 0; k < limit / 2 + 1; ++k) quotes += "\"\"\"\"";  // limit + 2 unescaped quotes
    quotes += "\"";
    CHECK(error_of(header + "\n" + row("1-1", quotes) + "\n").rfind(
              "gen.csv:2:5 (column 'project'): field longer than the limit of 1048576 bytes: '", 0) == 0);
    // A smaller limit can be set.
    io::read_options small;
    small.limits.max_field_bytes = 30;
    CHECK(read_generated(header + "\n" + row("1-1", std::string(30, '7')) + "\n", small).at(0).size() == 1);
    CHECK(error_of(header + "\n" + row("1-1", std::string(31, '7')) + "\n", small) ==
          "gen.csv:2:5 (column 'project'): field longer than the limit of 30 bytes: '" + std::string(31, '7') + "'");
  }

  TEST_CASE("4096 columns read, a header of 4097 or of a million columns is refused") {
    std::string wide_header = header;
    std::string wide_row = row("1-1", "사업");
    for (int k = 10; k <= 4096; ++k) {
      wide_header += ",c" + std::to_string(k);
      wide_row += ",";
    }
    const auto all = read_generated(wide_header + "\n" + wide_row + "\n");
    CHECK(all.at(0).at("1-1").extra.size() == 4096 - 9);

    CHECK(error_of(wide_header + ",c4097\n" + wide_row + ",\n") ==
          "gen.csv:1:4097: more than 4096 fields in a record: 'district,term,as_of,id,project,departmen'");
    std::string million;
    million.reserve(2'000'000);
    for (int k = 0; k < 1'000'000; ++k) million += k == 0 ? "c" : ",c";
    CHECK(error_of(million + "\n") == "gen.csv:1:4097: more than 4096 fields in a record: '" +
                                          million.substr(0, 40) + "'");
    // A data row past the limit names its line.
    CHECK(error_of(header + "\n" + row("1-1", "사업") + std::string(5000, ',') + "\n") ==
          "gen.csv:2:4097: more than 4096 fields in a record: '광주광역시 서구,민선8기,2024-0'");
  }

  TEST_CASE("a file past max_file_bytes is refused before it is read") {
    const std::string text = header + "\n" + row("1-1", "사업") + "\n";
    io::read_options small;
    small.limits.max_file_bytes = 64;
    CHECK(error_of(text, small) ==
          "gen.csv: file larger than the limit of 64 bytes: '" + std::to_string(text.size()) + " bytes'");
    const auto problems = io::validate_csv_bytes(text, "gen.csv", small);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].message == "gen.csv: file larger than the limit of 64 bytes: '" +
                                     std::to_string(text.size()) + " bytes'");

    // From a file: the size is checked before reading. A sparse file of
    // 1 GiB + 1 byte takes no disk space and is never read.
    const std::string path = std::string(PLEDGETRACK_BINARY_DIR) + "/bad-inputs-sparse.csv";
    {
      std::ofstream out(path, std::ios::binary | std::ios::trunc);
      out << text;
    }
    REQUIRE(::truncate(path.c_str(), static_cast<off_t>((std::size_t(1) << 30) + 1)) == 0);
    try {
      (void)io::read_csv(path);
      FAIL("a file of 1 GiB + 1 byte was read");
    } catch (const parse_error& e) {
      CHECK(std::string(e.what()) == path + ": file larger than the limit of 1073741824 bytes: '1073741825 bytes'");
    }
    const auto file_problems = io::validate_csv(path);
    REQUIRE(file_problems.size() == 1);
    CHECK(file_problems[0].where.file == path);
    const std::string too_large = path + ": file larger than the limit of 1073741824 bytes: '1073741825 bytes'";
    CHECK_THROWS_WITH_AS((void)io::read_org_csv(path), too_large.c_str(), parse_error);
    std::remove(path.c_str());

    // A stream with no size known up front (a device, a pipe) stops at the limit.
    CHECK_THROWS_WITH_AS((void)io::read_file_bytes("/dev/zero", 1 << 20),
                         "/dev/zero: file larger than the limit of 1048576 bytes: 'more than 1048576 bytes'",
                         parse_error);
  }
}

TEST_SUITE("bad inputs: regressions") {
  TEST_CASE("an empty status cell is an error, not 'completed' (found by review of the status cache)") {
    // The reader caches the last label's status; the cache's initial label
    // was "", so an empty first status read as status{} == completed.
    CHECK(error_of(header + "\n" + "광주광역시 서구,민선8기,2024-03-31,1-1,사업,기획실,,,\n") ==
          "gen.csv:2:7 (column 'status'): empty status label");
    const auto problems = io::validate_csv_bytes(
        header + "\n" + row("1-1", "사업") + "\n" + "광주광역시 서구,민선8기,2024-03-31,1-2,사업,기획실, ,,\n", "gen.csv");
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].where.line == 3);
  }

  TEST_CASE("a field-count message never cuts a UTF-8 character (fuzz_csv_reader)") {
    const std::string got = message_of("fuzz-field-count-cuts-utf8.txt");
    CHECK_FALSE(text::find_invalid_utf8(got).has_value());
    CHECK(text::truncate_utf8("가나다", 4) == "가");
    CHECK(text::truncate_utf8("가나다", 6) == "가나");
    CHECK(text::truncate_utf8("가나다", 2).empty());
    CHECK(text::truncate_utf8("abc", 60) == "abc");
    const std::string org = "department,bureau\n기획실,실·단\n경제과,문화경제국," + std::string(20, 'x') + "가나다라마바사아자차카\n";
    try {
      (void)io::read_org_csv_bytes(org, "org.csv");
      FAIL("read");
    } catch (const parse_error& e) {
      CHECK_FALSE(text::find_invalid_utf8(e.what()).has_value());
      CHECK(e.text() == std::string(20, 'x') + "가나다라마바사아자차카");
      CHECK(e.where().line == 3);
      CHECK(e.where().column == 3);
    }
  }

  TEST_CASE("an org file whose renames loop is refused when read, not when used") {
    // Before: it read, and every lookup then threw a data_error with no
    // file or line ("the renames of department 'x' form a cycle").
    CHECK(message_of("org-rename-cycle.csv") ==
          "org-rename-cycle.csv:2:3 (column 'renamed_from'): former name is also listed as a current department: "
          "'일자리경제과'");
    CHECK_THROWS_WITH_AS((void)io::read_org_csv_bytes("department,bureau,parent\nA,,B\nB,,A\n", "org.csv"),
                         "org.csv:2:3 (column 'parent'): parent departments form a cycle: 'B'", parse_error);
    CHECK_THROWS_WITH_AS((void)io::read_org_csv_bytes("department,bureau,parent\nS,,A\nS,C,\nA,B,\n", "org.csv"),
                         "org.csv:2:3 (column 'parent'): department 'S' is in two bureaus: 'C' and 'B': 'S'",
                         parse_error);
  }

  TEST_CASE("problems compare equal (source_location has ==)") {
    const auto a = io::validate_csv(bad_dir + "unknown-status.csv");
    const auto b = io::validate_csv(bad_dir + "unknown-status.csv");
    CHECK(a == b);
    CHECK(a.front().where == source_location{bad_dir + "unknown-status.csv", 3, 7, "status", {}});
  }

  TEST_CASE("mixed encodings are refused, and a broken UTF-8 sequence in a UTF-8 file is called that") {
    // Before: a UTF-8 file with CP949 lines appended could decode as CP949
    // without an error, turning the UTF-8 lines into nonsense.
    CHECK(message_of("mixed-utf8-cp949.csv").find("mixed encodings: line 2 is UTF-8") != std::string::npos);
    CHECK(message_of("truncated-utf8.csv").find("invalid UTF-8 bytes") != std::string::npos);
    // The CP949 variant of the example stays CP949.
    CHECK(io::detect_encoding(io::read_file_bytes(std::string(PLEDGETRACK_SOURCE_DIR) +
                                                  "/tests/data/variants/cp949-korean-headers.csv"),
                              "x") == io::encoding::cp949);
    // Forcing an encoding skips detection, and so the check.
    io::read_options forced;
    forced.encoding = io::encoding::utf8;
    CHECK(error_of(io::read_file_bytes(bad_dir + "mixed-utf8-cp949.csv"), forced) ==
          "gen.csv:4:1: invalid UTF-8 bytes: '\\xB1'");
  }
}
