// Tables shaped as governments publish them (docs/data-format.md): ids as
// they number projects, spaced-out names, merged cells left blank, title rows
// and two-row headers, field headings with subtotals and a total row, their
// own words for headers and statuses. Each table here is written by hand after
// a real one; each expected value is read off the table by eye.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "example_data.hpp"
#include "pledgetrack/io/csv.hpp"
#include "pledgetrack/io/csv_tokenizer.hpp"
#include "pledgetrack/rates/completion.hpp"
#include "pledgetrack/rates/criteria.hpp"

using namespace pledgetrack;

namespace {

io::read_options given(std::string district = "○○군", std::string as_of = "2024-06-30") {
  io::read_options o;
  o.district = std::move(district);
  o.as_of = parse_date(as_of);
  return o;
}

/// A city's table: 2 sections, Ⅰ with 3 projects (2 완료, 1 정상추진;
/// progress 100, 100, 40: mean 80), Ⅱ with 2 (1 완료, 1 정상추진; 100, 60:
/// mean 80). The total row: 3 완료, 2 정상추진, 5 projects (건) in 2 fields,
/// mean 80.
const std::string city_table =
    "구분,공약사항,완료,정상추진,부진,추진율\n"
    "계,2개 분야 5건,3,2,-,80\n"
    "Ⅰ. 활력 있는 경제도시,,2,1,-,80\n"
    "1,청년 창업 지원,○,,,100\n"
    "2,전통시장 살리기,○,,,100\n"
    "3,일자리 박람회,,○,,40\n"
    "Ⅱ. 따뜻한 복지도시,,1,1,-,80.0\n"
    "1,어르신 일자리,○,,,100\n"
    "2,장애인 복지관,,○,,60\n";

snapshot read_one(const std::string& text, const io::read_options& options = given()) {
  auto all = io::read_csv_bytes(text, "t.csv", options);
  REQUIRE(all.size() == 1);
  return std::move(all[0]);
}

std::string error_of(const std::string& text, const io::read_options& options = given()) {
  try {
    (void)io::read_csv_bytes(text, "t.csv", options);
  } catch (const error& e) {
    return e.what();
  }
  return "";
}

std::vector<io::problem> of_severity(const std::vector<io::problem>& all, io::severity s) {
  std::vector<io::problem> out;
  std::copy_if(all.begin(), all.end(), std::back_inserter(out), [&](const io::problem& p) { return p.severity == s; });
  return out;
}

bool mentions(const std::vector<io::problem>& all, const std::string& text) {
  return std::any_of(all.begin(), all.end(), [&](const io::problem& p) { return p.message.find(text) != std::string::npos; });
}

}  // namespace

TEST_SUITE("real exports") {
  TEST_CASE("a county's table: P8 ids, spaced headers, 담당부서 and 장기계획") {
    const std::string text =
        "번호,공 약 사 항,담당부서,추진현황\n"
        "P8-01,농촌 기본소득 시범,농정과,정상추진\n"
        "P8-02,군민 체육관 건립,체육시설과,장기계획\n"
        "P8-25 (B),청년 주거 지원(2단계),인구정책과,완료\n"
        "17,읍면 순환버스,교통과,추진중\n";
    const snapshot s = read_one(text);
    REQUIRE(s.size() == 4);
    CHECK(s.at("P8-01").id.is_text());
    CHECK(s.at("P8-01").id.to_string() == "P8-01");  // kept as written, not "P8-1"
    CHECK(s.at("P8-01").title == "농촌 기본소득 시범");
    CHECK(s.at("P8-01").department == "농정과");
    CHECK(s.at("P8-02").status == status::not_due);  // a long-term plan: due after the term
    CHECK(s.at("P8-25 (B)").status == status::completed);
    CHECK(s.at("P8-25  (B)").id == s.at("P8-25 (B)").id);  // runs of spaces are one
    CHECK_FALSE(s.at("17").id.is_text());
    CHECK(s.at("P8-01").id.pledge() == s.at("P8-01").id);  // a text id is its own pledge
    // The one interpretation validate reports: the text ids.
    const auto problems = io::validate_csv_bytes(text, "t.csv", given());
    CHECK(of_severity(problems, io::severity::error).empty());
    CHECK(mentions(problems, "id 'P8-01' is not a numbered id"));
  }

  TEST_CASE("ids as governments write them") {
    // Structured where a hierarchy can be read, as written otherwise.
    CHECK(project_id::read("가-1-①").to_string() == "가-1-1");
    CHECK(project_id::read("1.2.3").to_string() == "1-2-3");
    CHECK(project_id::read("3-가").to_string() == "3-가");
    CHECK(project_id::read("2-3 ④").to_string() == "2-3-4");
    CHECK(project_id::read("4-5. ③").to_string() == "4-5-3");
    CHECK(project_id::read("III-①-1").to_string() == "III-1-1");
    CHECK(project_id::read("17").to_string() == "17");
    for (const char* written : {"P8-01", "P8-25 (B)", "공약1-2", "A-1"}) {
      CAPTURE(written);
      CHECK(project_id::read(written).is_text());
      CHECK(project_id::read(written).to_string() == written);
    }
    CHECK(project_id::read(" 공약  1-2 ").to_string() == "공약 1-2");
    // Decomposed Hangul (macOS) reads as the same id, numbered or kept as written.
    CHECK(project_id::read("\u1100\u1161-1") == project_id::read("가-1"));
    CHECK_FALSE(project_id::read("\u1100\u1161-1").is_text());
    CHECK(project_id::read("\u1100\u1169\u11BC\u110B\u1163\u11A8 1") == project_id::read("공약 1"));
    // Jamo that compose to nothing stay as they are (the fuzzer found read recursing on them).
    CHECK(project_id::read("\u1100").is_text());
    CHECK(project_id::read(project_id::read("\u1100").to_string()) == project_id::read("\u1100"));
    CHECK_THROWS_WITH_AS((void)project_id::read("  "), "empty project id: '  '", parse_error);
    CHECK_THROWS_AS((void)project_id::read(std::string(49, 'x')), parse_error);
    // Text ids order after numbered ones, among themselves by their text.
    CHECK(project_id::read("9-9") < project_id::read("A-1"));
    CHECK(project_id::read("A-1") < project_id::read("B-1"));
    // Duplicates are still an error, however the id is written.
    CHECK(error_of("번호,사업명,부서,추진상황\nA-1,가,과,완료\nA-1,나,과,완료\n") ==
          "t.csv:3:1 (column '번호'): duplicate project id (first on line 2): 'A-1'");
  }

  TEST_CASE("spaced-out names: the seed's 경 제 과 finds 경제과 in the org file") {
    io::read_options o = given("광주광역시 서구", "2024-03-31");
    organization org;
    org.add("경제과", "문화경제국");
    org.add("기획실", "실·단");
    o.org = org;
    const std::string text =
        "관리번호,분야,세부사업,주관부서,추진상황\n"
        "2-1-1,골 목 · 경 제,골목상권 활성화,경 제 과,정 상 추 진\n"
        "2-1-2,골목·경제,공공배달앱 운영,경제과,완 료\n"
        "1-2,마을·자치,구정 역량 강화,기 획 실,이행후계속\n";
    const snapshot s = read_one(text, o);
    CHECK(s.at("2-1-1").department == "경제과");
    CHECK(s.at("2-1-1").bureau == "문화경제국");
    CHECK(s.at("2-1-1").field == "골목·경제");  // one name for the field, spaced or not
    CHECK(s.at("2-1-1").status == status::on_track);
    CHECK(s.at("1-2").bureau == "실·단");
    const auto problems = io::validate_csv_bytes(text, "t.csv", o);
    CHECK(mentions(problems, "'경 제 과' read as '경제과' (the spaces of justified text closed up)"));
    // Words of two or more letters are not spaced out.
    CHECK_FALSE(text::is_spaced_out("보건소 건강증진과"));
    CHECK(text::is_spaced_out("기 획 실"));
    // An org file written with spaces matches unspaced data too.
    organization spaced;
    spaced.add("건 설 과", "안전도시국");
    CHECK(spaced.bureau_of("건설과") == "안전도시국");
  }

  TEST_CASE("a status column per status holding 해당됨 and 해당안됨") {
    const std::string text =
        "관리번호,세부사업,완료,정상추진,일부추진\n"
        "1-1,가,해당됨,해당안됨,해당안됨\n"
        "1-2,나,해당안됨,해당됨,해당안됨\n"
        "1-3,다,-,X,○\n"
        "1-4,라,×,0,해당됨\n";
    const snapshot s = read_one(text);
    CHECK(s.at("1-1").status == status::completed);
    CHECK(s.at("1-2").status == status::on_track);
    CHECK(s.at("1-3").status == status::lagging);
    CHECK(s.at("1-4").status == status::lagging);
    // A row with no mark at all is still an error.
    CHECK(error_of("관리번호,세부사업,완료,정상추진\n1-1,가,해당안됨,미해당\n") ==
          "t.csv:2: no status marked in any status column: '1-1'");
  }

  TEST_CASE("status words of other governments, removals and labels never guessed") {
    const std::string h = "관리번호,세부사업,추진상황\n";
    const auto status_of = [&](const std::string& label) { return read_one(h + "1-1,가," + label + "\n").at("1-1"); };
    for (const char* label : {"장기계획", "장기추진", "임기후추진", "임기 후", "미도래", "기타(미도래)"})
      CHECK_MESSAGE(status_of(label).status == status::not_due, label);
    for (const char* label : {"계속추진", "이행 후 계속"}) CHECK_MESSAGE(status_of(label).status == status::ongoing, label);
    for (const char* label : {"지연", "부진"}) CHECK_MESSAGE(status_of(label).status == status::lagging, label);
    for (const char* label : {"공약제외", "통·폐합", "통폐합", "삭제"}) {
      CAPTURE(label);
      const project p = status_of(label);
      CHECK(p.scope == scope::removed);  // out of every denominator
      CHECK(p.raw_status == label);
    }
    // One removed project of three: the rate is over two.
    const snapshot s = read_one(h + "1-1,가,완료\n1-2,나,정상추진\n1-3,다,통폐합\n");
    CHECK(completion_rate(s, criteria::kmc()).denominator() == 2);
    // Words that mean different things in different governments.
    CHECK(error_of(h + "1-1,가,미추진\n") ==
          "t.csv:2:3 (column '추진상황'): status label '미추진' means different things in different governments "
          "(not started? on hold? dropped?), so it is not guessed: say what it means in your source with "
          "aliases={'미추진': Status.ON_HOLD} or --alias 미추진=보류: '미추진'");
    // A typo gets the nearest label.
    CHECK(error_of(h + "1-1,가,이행후계숙\n") ==
          "t.csv:2:3 (column '추진상황'): unknown status label (known: 완료, 이행후계속추진, 정상추진, 일부추진, 보류, "
          "폐기, 기타, and their aliases) — did you mean '이행후계속추진'? (add your own with aliases= or --alias "
          "추진완료=완료): '이행후계숙'");
    io::read_options own = given();
    own.labels.add_alias("미추진", status::on_hold);
    CHECK(read_one(h + "1-1,가,미추진\n", own).at("1-1").status == status::on_hold);
  }

  TEST_CASE("merged cells: the bundled example with field and pledge only on each group's first row") {
    // Blank every field and pledge cell that repeats the row above, as a
    // spreadsheet with merged cells exports them; reading fills them back.
    const std::string original = io::read_file_bytes(example::dir + "2024-03-31.csv");
    io::csv_tokenizer tokens(original, "2024-03-31.csv");
    io::csv_record record;
    const auto quoted = [](const std::vector<std::string>& cells) {
      std::string line;
      for (std::size_t c = 0; c < cells.size(); ++c) {
        std::string cell = cells[c];
        for (std::size_t q = cell.find('"'); q != std::string::npos; q = cell.find('"', q + 2)) cell.insert(q, 1, '"');
        line += (c ? ",\"" : "\"") + cell + "\"";
      }
      return line + "\n";
    };
    REQUIRE(tokens.next(record));
    std::string merged = quoted({record.fields.begin(), record.fields.end()});
    REQUIRE(record.fields[4] == "field");
    REQUIRE(record.fields[5] == "pledge");
    std::vector<std::string> above;
    std::size_t blanked = 0;
    while (tokens.next(record)) {
      std::vector<std::string> cells(record.fields.begin(), record.fields.end());
      const std::vector<std::string> kept = cells;
      for (const std::size_t c : {std::size_t(4), std::size_t(5)})  // field, pledge
        if (!above.empty() && cells[c] == above[c] && !cells[c].empty()) {
          cells[c].clear();
          ++blanked;
        }
      above = kept;
      merged += quoted(cells);
    }
    CHECK(blanked > 40);  // most rows lost a cell
    const auto from_merged = io::read_csv_bytes(merged, "merged.csv");
    const auto from_example = io::read_csv_bytes(original, "2024-03-31.csv");
    CHECK(from_merged == from_example);
    // Every fill is reported; filling can be turned off.
    const auto problems = io::validate_csv_bytes(merged, "merged.csv");
    CHECK(mentions(problems, "field blank on lines 3–6 (a merged cell): filled down with '마을·자치' from line 2"));
    CHECK(of_severity(problems, io::severity::error).empty());
    io::read_options off;
    off.fill_down = false;
    CHECK(io::read_csv_bytes(merged, "merged.csv", off).at(0).at("1-1-2").field.empty());
  }

  TEST_CASE("a subtotal word alone in the field column: 소계 under 분야, its count checked") {
    const std::string text =
        "분야,관리번호,세부사업,추진상황\n"
        "경제,1-1,가,완료\n"
        "경제,1-2,나,정상추진\n"
        "소계,,2건,\n"
        "복지,2-1,다,완료\n"
        "소계,,3건,\n";  // wrong on purpose: one row since the last subtotal
    const snapshot s = read_one(text);
    CHECK(s.size() == 3);
    const auto problems = io::validate_csv_bytes(text, "t.csv", given());
    const auto warnings = of_severity(problems, io::severity::warning);
    REQUIRE(warnings.size() == 1);  // the second 소계 only: the first one's 2건 holds
    CHECK(warnings[0].where.line == 6);
    CHECK(mentions(of_severity(problems, io::severity::notice), "t.csv:4:1 (column '분야'): a subtotal row, not a project"));
  }

  TEST_CASE("read without fields: no field is filled or counted, and no warning says one is missing") {
    io::read_options lean = given();
    lean.keep_field = false;
    // The city's table: the fields come from its headings and its total row
    // prints "2개 분야"; not read, they are neither kept nor checked.
    const snapshot s = read_one(city_table, lean);
    REQUIRE(s.size() == 5);
    CHECK(s.at("1-3").field.empty());
    CHECK(s.at("2-2").status == status::on_track);
    CHECK(s.at("2-2").progress == fraction(60));
    CHECK(of_severity(io::validate_csv_bytes(city_table, "t.csv", lean), io::severity::warning).empty());
    // The total still counts its projects: 6 printed for 5 is a warning.
    std::string wrong = city_table;
    wrong.replace(wrong.find("2개 분야 5건"), std::string("2개 분야 5건").size(), "2개 분야 6건");
    const auto warnings = of_severity(io::validate_csv_bytes(wrong, "t.csv", lean), io::severity::warning);
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0].message ==
          "t.csv:2:2 (column '공약사항'): the row '계' prints 6 projects (건), but the file's rows are 5");
    // A blank field that a full read warns about is no concern then.
    const std::string blank =
        "관리번호,분야,세부사업,추진상황\n"
        "1-1,경제,가,완료\n"
        "2-1,,나,완료\n";
    CHECK(of_severity(io::validate_csv_bytes(blank, "t.csv", lean), io::severity::warning).empty());
    CHECK(of_severity(io::validate_csv_bytes(blank, "t.csv", given()), io::severity::warning).size() == 1);
  }

  TEST_CASE("a blank that cannot be filled stays blank, with a warning") {
    const std::string text =
        "관리번호,분야,세부사업,추진상황\n"
        "1-1,경제,가,완료\n"
        "2-1,,나,완료\n";  // another field by its id: not filled
    const snapshot s = read_one(text);
    CHECK(s.at("2-1").field.empty());
    const auto warnings = of_severity(io::validate_csv_bytes(text, "t.csv", given()), io::severity::warning);
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0].message ==
          "t.csv:3:2 (column '분야'): blank field, and the row above is not of the same field by its id: left blank");
  }

  TEST_CASE("a city's table: a total row, field headings with subtotals, numbering within sections") {
    const std::string text = city_table;
    const snapshot s = read_one(text);
    REQUIRE(s.size() == 5);  // the total and the headings are no projects
    CHECK(s.at("1-3").title == "일자리 박람회");
    CHECK(s.at("1-3").field == "활력 있는 경제도시");
    CHECK(s.at("1-3").status == status::on_track);
    CHECK(s.at("2-1").title == "어르신 일자리");
    CHECK(s.at("2-2").field == "따뜻한 복지도시");
    CHECK(s.at("2-2").progress == fraction(60));
    const auto problems = io::validate_csv_bytes(text, "t.csv", given());
    CHECK(of_severity(problems, io::severity::error).empty());
    CHECK(of_severity(problems, io::severity::warning).empty());  // every printed figure holds
    CHECK(mentions(problems, "a total row, not a project"));
    CHECK(mentions(problems, "a field heading, not a project: the rows below it are of the field '활력 있는 경제도시'"));
    CHECK(mentions(problems, "ids numbered within the section 'Ⅰ. 활력 있는 경제도시': '1' read as 1-1"));

    // The same table with figures that do not add up: each is a warning
    // with both figures.
    std::string wrong = text;
    wrong.replace(wrong.find("Ⅰ. 활력 있는 경제도시,,2,1"), std::string("Ⅰ. 활력 있는 경제도시,,2,1").size(),
                  "Ⅰ. 활력 있는 경제도시,,3,1");
    wrong.replace(wrong.find("2개 분야 5건"), std::string("2개 분야 5건").size(), "2개 분야 6건");
    wrong.replace(wrong.find("-,80.0"), std::string("-,80.0").size(), "-,81.0");
    const auto warnings = of_severity(io::validate_csv_bytes(wrong, "t.csv", given()), io::severity::warning);
    REQUIRE(warnings.size() == 3);
    CHECK(warnings[0].message ==
          "t.csv:3:3 (column '완료'): the row 'Ⅰ. 활력 있는 경제도시' prints 3 for 완료, but the rows under it hold 2");
    CHECK(warnings[1].message ==
          "t.csv:7:6 (column '추진율'): the row 'Ⅱ. 따뜻한 복지도시' prints a mean progress of 81.0, but the mean of the "
          "rows under it (2 projects) is 80.00, 80.0 rounded half up");
    CHECK(warnings[2].message ==
          "t.csv:2:2 (column '공약사항'): the row '계' prints 6 projects (건), but the file's rows are 5");
  }

  TEST_CASE("title rows above a two-row header whose 추진상황 spans one column per status") {
    const std::string text =
        "광주광역시 ○○구 민선8기 공약 추진상황,,,,,\n"
        "(2024. 3. 31. 기준),,,,,\n"
        "관리번호,세부사업,주관부서,추진상황,,\n"
        ",,,완료,정상추진,일부추진\n"
        "1-1,가,기획실,○,,\n"
        "1-2,나,기획실,,○,\n"
        "1-3,다,기획실,,,○\n";
    const snapshot s = read_one(text);
    REQUIRE(s.size() == 3);
    CHECK(s.at("1-1").status == status::completed);
    CHECK(s.at("1-2").status == status::on_track);
    CHECK(s.at("1-3").status == status::lagging);
    const auto problems = io::validate_csv_bytes(text, "t.csv", given());
    CHECK(of_severity(problems, io::severity::error).empty());
    CHECK(mentions(problems, "t.csv:1: a title row above the header, not data: skipped: '광주광역시 ○○구 민선8기 공약 추진상황'"));
    CHECK(mentions(problems, "a two-row header: the status columns are 완료, 정상추진, 일부추진 (from line 4)"));
    // An error in the data names the column by its sub-header.
    CHECK(error_of(text + "1-4,라,기획실,예,,\n") ==
          "t.csv:8:4 (column '완료'): not a status mark (○ O ● V ✓ 해당됨 mark a status; 해당안됨 미해당 X × - 0 or "
          "empty leave it unmarked): '예'");
  }

  TEST_CASE("the caller's headers: columns= maps them, and a missing column says how") {
    const std::string text = "관리번호,사업 내용,추진상황\n1-1,가,완료\n";
    CHECK(error_of(text) ==
          "t.csv:1: missing required column project (세부사업/단위사업); accepted headers: project, title, 세부사업, "
          "단위사업, 사업명, 공약사업명, 단위사업명, 세부사업명, 공약사항, 공약사업, PPLDG_BSNS_NM; map a header of yours "
          "with columns={'사업 내용': 'project'} or --column '사업 내용=project'; the file's headers are: "
          "'관리번호, 사업 내용, 추진상황'");
    io::read_options o = given();
    o.columns = {{"사업내용", "project"}};  // spaces do not matter
    CHECK(read_one(text, o).at("1-1").title == "가");
    // A near miss is named.
    CHECK(error_of("관리번호,세부사엽,추진상황\n1-1,가,완료\n").find("the nearest header in the file is '세부사엽'") !=
          std::string::npos);
    // A mapping wins over the reader's own: 구분 is a field here, not the id.
    io::read_options field = given();
    field.columns = {{"구분", "field"}};
    CHECK(read_one("구분,관리번호,세부사업,추진상황\n경제,1-1,가,완료\n", field).at("1-1").field == "경제");
    io::read_options bad = given();
    bad.columns = {{"사업 내용", "projet"}};
    CHECK(error_of(text, bad).rfind("unknown column name for header '사업 내용' (known: district, term, as_of, id", 0) == 0);
    // 추진실적 is the status only when nothing else is.
    CHECK(read_one("관리번호,세부사업,추진실적\n1-1,가,완료\n").at("1-1").status == status::completed);
    CHECK(read_one("관리번호,세부사업,추진상황,추진실적\n1-1,가,완료,설계 완료 후 착공\n").at("1-1").extra.at(0).second ==
          "설계 완료 후 착공");
  }

  TEST_CASE("a sheet's cells read by the same rules, errors named by cell") {
    io::table sheet{"book.xlsx", "2024Q1", {}};
    sheet.rows = {
        {"○○구 공약 추진실적", "", "", ""},
        {"관리번호", "세부사업", "주관부서", "추진상황"},
        {"1-1", "가", "기획실", "완료"},
        {"1-2", "나", "기획실"},  // a short row: its last cells are blank
        {"", "", "", ""},          // a blank row is a blank line
    };
    const auto e = [&] {
      try {
        (void)io::read_table(sheet, given());
      } catch (const error& x) {
        return std::string(x.what());
      }
      return std::string();
    }();
    CHECK(e == "book.xlsx:2024Q1!D4 (column '추진상황'): empty status label");
    sheet.rows[3].push_back("정상추진");
    const auto all = io::read_table(sheet, given());
    REQUIRE(all.size() == 1);
    CHECK(all[0].at("1-2").status == status::on_track);
    const auto problems = io::validate_table(sheet, given());
    REQUIRE_FALSE(problems.empty());
    CHECK(problems[0].message == "book.xlsx:2024Q1!1: a title row above the header, not data: skipped: '○○구 공약 추진실적'");
    CHECK(problems[0].where.sheet == "2024Q1");
  }

  TEST_CASE("workbooks given as CSV are named for what they are") {
    CHECK(error_of(std::string("PK\x03\x04rest-of-zip", 15)) ==
          "t.csv: this is a zip archive, likely an Excel workbook (.xlsx), not a CSV file: read it with "
          "pledgetrack.read_excel (the command line reads .xlsx itself), or save it as CSV: '\\x50\\x4B\\x03\\x04'");
    CHECK(error_of(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1more", 12)).find(
              "this is an Excel 97 workbook (.xls), not a CSV file: save it as .xlsx or CSV") != std::string::npos);
  }
}
