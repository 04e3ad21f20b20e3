// The CSV reader on the bundled example, its variants (tests/data/variants,
// made by make_variants.py with Python's codecs) and hand-written bad files.
#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "pledgetrack/io/csv.hpp"
#include "pledgetrack/pledgetrack.hpp"
#include "seed_fixture.hpp"

using namespace pledgetrack;

namespace {

const std::string example_dir = std::string(PLEDGETRACK_SOURCE_DIR) + "/examples/data/gwangju-seogu/";
const std::string variants_dir = std::string(PLEDGETRACK_SOURCE_DIR) + "/tests/data/variants/";

snapshot read_one(const std::string& path, const io::read_options& options = {}) {
  auto all = io::read_csv(path, options);
  REQUIRE(all.size() == 1);
  return std::move(all.front());
}

std::vector<snapshot> read_text(const std::string& text, const io::read_options& options = {}) {
  return io::read_csv_bytes(text, "hand.csv", options);
}

/// Reads the bundled example whole and with `lean`, checks that each of its
/// 49 projects keeps its id and that the KMC rate is the same (33 of 49),
/// and calls check(whole, lean) for each project.
template <class Check>
void read_example_both_ways(const io::read_options& lean, Check check) {
  const snapshot whole = read_one(example_dir + "2024-03-31.csv");
  const snapshot read = read_one(example_dir + "2024-03-31.csv", lean);
  REQUIRE(read.size() == 49);
  REQUIRE(whole.size() == 49);
  for (std::size_t i = 0; i < whole.size(); ++i) {
    CHECK(read.projects()[i].id == whole.projects()[i].id);
    check(whole.projects()[i], read.projects()[i]);
  }
  CHECK(completion_rate(read, criteria::kmc()) == completion_rate(whole, criteria::kmc()));
}

// The error message of reading `text`, or "" if it read.
std::string error_of(const std::string& text, const io::read_options& options = {}) {
  try {
    (void)read_text(text, options);
  } catch (const error& e) {
    return e.what();
  }
  return "";
}

const std::string header = "district,term,as_of,id,field,pledge,project,department,bureau,status\n";
const std::string row_prefix = "광주광역시 서구,민선8기,2024-03-31,";

}  // namespace

TEST_SUITE("csv reader") {
  TEST_CASE("the bundled example gives the seed's figures") {
    const snapshot s = read_one(example_dir + "2024-03-31.csv");
    CHECK(s.district() == "광주광역시 서구");
    CHECK(s.term() == 8);
    CHECK(s.as_of() == date(2024, 3, 31));
    CHECK(s.size() == 49);
    const status_counts c = count_statuses(s);
    CHECK(c[status::completed] == 1);
    CHECK(c[status::ongoing] == 32);
    CHECK(c[status::on_track] == 15);
    CHECK(c[status::lagging] == 1);
    CHECK(completion_rate(s, criteria::kmc()).to_string() == "67.3%");
    // The raw label is kept beside the status.
    CHECK(s.at("2-3-3").raw_status == "정 상 추 진");
    CHECK(s.at("2-3-3").status == status::on_track);
    CHECK(s.at("4-1-2").is_adjustment_candidate());
    CHECK(s.at("4-1-4").is_adjustment_candidate());
    CHECK_FALSE(s.at("4-1-1").is_adjustment_candidate());

    const snapshot before = read_one(example_dir + "2023-12-31.csv");
    CHECK(completion_rate(before, criteria::kmc()).to_string() == "65.3%");
    CHECK(completion_rate(before, criteria::kmc()).numerator() == fraction(32));
  }

  TEST_CASE("the example agrees with the projects typed by hand from the seed") {
    const snapshot from_csv = read_one(example_dir + "2024-03-31.csv");
    const snapshot by_hand = seed::snapshot_2024q1();
    REQUIRE(from_csv.size() == by_hand.size());
    for (const project& p : by_hand) {
      const project& q = from_csv.at(p.id);
      CHECK(q.field == p.field);
      CHECK(q.department == p.department);
      CHECK(q.bureau == p.bureau);
      CHECK(q.status == p.status);
    }
  }

  TEST_CASE("the org file gives the bureaus in the seed's column order") {
    const organization org = io::read_org_csv(example_dir + "org.csv");
    CHECK(org.bureaus() == std::vector<std::string>(std::begin(seed::bureaus), std::end(seed::bureaus)));
    CHECK(org.departments().size() == 25);
    CHECK(org.bureau_of("치매안심센터") == "보건소");
    CHECK(org.bureau_of("보건소 건강증진과") == "보건소");  // a sub-unit after its parent
    CHECK_FALSE(org.bureau_of("없는과").has_value());
  }

  TEST_CASE("a snapshot read with an org keeps the org's bureau order, copies and adjustments keep it, equality ignores it") {
    io::read_options with_org;
    with_org.org = io::read_org_csv(example_dir + "org.csv");
    const snapshot plain = read_one(example_dir + "2024-03-31.csv");
    const snapshot ordered = read_one(example_dir + "2024-03-31.csv", with_org);
    CHECK(plain.bureau_order().empty());
    // seed::bureaus is the column order of the report's first table, typed from the seed.
    CHECK(ordered.bureau_order() == std::vector<std::string>(std::begin(seed::bureaus), std::end(seed::bureaus)));
    CHECK(ordered == plain);  // the same data, shown in another order
    const snapshot copy = ordered;
    CHECK(copy.bureau_order() == ordered.bureau_order());
    adjustment_list adjustments;
    CHECK(adjustments.apply(ordered).bureau_order() == ordered.bureau_order());
  }

  TEST_CASE("re-encoded and reshaped copies read to the same snapshot") {
    const snapshot expected = read_one(example_dir + "2024-03-31.csv");
    SUBCASE("CP949 with Korean headers") {
      io::read_options o;
      CHECK(read_one(variants_dir + "cp949-korean-headers.csv") == expected);
      o.encoding = io::encoding::cp949;  // forced gives the same
      CHECK(read_one(variants_dir + "cp949-korean-headers.csv", o) == expected);
    }
    SUBCASE("UTF-16 with a BOM, tab-delimited, CRLF (Excel's Unicode text)") {
      CHECK(read_one(variants_dir + "utf16-tab.txt") == expected);
    }
    SUBCASE("NFD Hangul, CRLF, labels with spaces") {
      const snapshot s = read_one(variants_dir + "nfd-crlf-spaced.csv");
      REQUIRE(s.size() == expected.size());
      for (const project& p : expected) {
        const project& q = s.at(p.id);
        CHECK(q.status == p.status);
        CHECK(q.title == p.title);  // composed back to NFC
        CHECK(q.department == p.department);
        CHECK(q.raw_status != p.raw_status.substr(0, 0));  // the raw label, spaces and all, is kept
      }
      CHECK(s.at("1-2").raw_status == "이 행 후 계 속");
    }
    SUBCASE("one column per status holding a mark") {
      const snapshot s = read_one(variants_dir + "marks.csv");
      REQUIRE(s.size() == expected.size());
      for (const project& p : expected) {
        project q = s.at(p.id);
        CHECK(q.raw_status == label_ko(p.status));  // the marked column's header
        q.raw_status = p.raw_status;
        CHECK(q == p);
      }
    }
  }

  TEST_CASE("district, term and as_of can come from the caller, and the term from the date") {
    const std::string text = "관리번호,세부사업,추진상황\n1-1,사업 하나,완료\n1-2,사업 둘,추진중\n";
    io::read_options o;
    o.district = "보령시";
    o.as_of = date(2024, 6, 30);
    const auto all = read_text(text, o);
    REQUIRE(all.size() == 1);
    CHECK(all[0].district() == "보령시");
    CHECK(all[0].term() == 8);  // 2024-06-30 lies in 민선8기
    CHECK(all[0].at("1-2").status == status::on_track);
  }

  TEST_CASE("the open-data API's column names are read (계룡시)") {
    const std::string text =
        "MANAGE_NO,PPLDG_BSNS_NM,PRTN_DEPT,PRTN_SITTN\n"
        "1-1,스마트 교통체계 구축,교통과,정상추진\n"
        "1-2,청년 창업 공간 조성,경제과,완료\n";
    io::read_options o;
    o.district = "충청남도 계룡시";
    o.as_of = date(2024, 6, 30);
    const auto all = read_text(text, o);
    REQUIRE(all.size() == 1);
    REQUIRE(all[0].size() == 2);
    const project& p = all[0].at("1-1");
    CHECK(p.title == "스마트 교통체계 구축");
    CHECK(p.department == "교통과");
    CHECK(p.status == status::on_track);
    CHECK(all[0].at("1-2").status == status::completed);
    CHECK(p.extra.empty());
  }

  TEST_CASE("one file can hold several snapshots") {
    const std::string text = header + row_prefix + "1-1,f,p,사업,부서,국,완료\n" +
                             "광주광역시 서구,민선8기,2023-12-31,1-1,f,p,사업,부서,국,정상추진\n" +
                             "전라남도 보성군,민선8기,2024-03-31,1-1,f,p,사업,부서,국,보류\n" + row_prefix +
                             "1-2,f,p,사업,부서,국,완료\n";
    const auto all = read_text(text);
    REQUIRE(all.size() == 3);
    CHECK(all[0].as_of() == date(2024, 3, 31));
    CHECK(all[0].size() == 2);
    CHECK(all[1].as_of() == date(2023, 12, 31));
    CHECK(all[2].district() == "전라남도 보성군");
  }

  TEST_CASE("rows read into the memory of projects handed over keep nothing of theirs") {
    // A sink that copies the snapshot and leaves it lets the reader read the
    // next rows into its projects (their strings keep their room), and a
    // scratch carries them to the next file. The first file's first and last
    // snapshots fill every text a project has, long enough to be on the
    // heap, its second leaves the optional ones blank; the second file has
    // none of the optional columns: nothing of the rows before may show.
    const std::string rich =
        "district,term,as_of,id,field,pledge,project,department,bureau,status,progress,due,note,adjustment,memo\n"
        "광주광역시 서구,민선8기,2023-12-31,1-1,경제 활력 분야 가나다,일자리 만드는 공약 가나다,"
        "청년 창업 지원 사업 가나다라마,일자리창업지원과 가나다,문화경제국 가나다,이행후계속추진,80,임기내,"
        "비고 비고 비고 비고,조정 사유 조정 사유,메모 메모 메모 메모\n"
        "광주광역시 서구,민선8기,2024-03-31,1-1,경제,공약,사업,부서,국,정상추진,,,,,\n"
        "광주광역시 서구,민선8기,2024-06-30,1-1,경제 활력 분야 가나다,일자리 만드는 공약 가나다,"
        "청년 창업 지원 사업 가나다라마,일자리창업지원과 가나다,문화경제국 가나다,완료,100,임기후,"
        "비고 비고 비고 비고,조정 사유 조정 사유,메모 메모 메모 메모\n";
    const std::string plain = header + row_prefix + "2-1,f,p,사업,부서,국,정상추진\n" + row_prefix +
                              "2-2,,,다른 사업,다른 부서,,보류\n";
    std::vector<snapshot> copies;
    const io::snapshot_sink copy = [&](std::size_t k, snapshot&& s) {
      copies.resize(k);
      copies.push_back(s);  // a copy: `s` stays with the reader
    };
    io::read_scratch scratch;
    io::read_csv_bytes_each(rich, "rich.csv", {}, copy, scratch);
    CHECK(copies == read_text(rich));
    CHECK_FALSE(scratch.projects.empty());  // the last snapshot's projects, kept for the next file
    copies.clear();
    io::read_csv_bytes_each(plain, "plain.csv", {}, copy, scratch);
    const std::vector<snapshot> expected = read_text(plain);
    CHECK(copies == expected);
    REQUIRE(copies.size() == 1);
    const project& p = copies[0].at("2-2");
    CHECK(p.title == "다른 사업");
    CHECK(p.note.empty());
    CHECK(p.adjustment.empty());
    CHECK(p.extra.empty());
    CHECK_FALSE(p.progress);
    CHECK(p.due == due::unknown);
  }

  TEST_CASE("read_csv_bytes_each hands over each snapshot once its rows are over") {
    // Three snapshots, each in one run of rows: handed over as 0, 1, 2, each
    // before the next one's rows are read (the callback sees it whole).
    const std::string contiguous = header + row_prefix + "1-1,f,p,사업,부서,국,완료\n" + row_prefix +
                                   "1-2,f,p,사업,부서,국,보류\n" +
                                   "광주광역시 서구,민선8기,2023-12-31,1-1,f,p,사업,부서,국,정상추진\n" +
                                   "전라남도 보성군,민선8기,2024-03-31,1-1,f,p,사업,부서,국,보류\n";
    std::vector<std::size_t> order;
    std::vector<snapshot> kept;
    const io::snapshot_sink keep = [&](std::size_t k, snapshot&& s) {
      order.push_back(k);
      kept.resize(k);
      kept.push_back(std::move(s));
    };
    io::read_csv_bytes_each(contiguous, "hand.csv", {}, keep);
    CHECK(order == std::vector<std::size_t>{0, 1, 2});
    CHECK(kept == read_text(contiguous));
    REQUIRE(kept.size() == 3);
    CHECK(kept[0].size() == 2);
    CHECK(kept[0].at("1-2").status == status::on_hold);
    CHECK(kept[2].district() == "전라남도 보성군");

    // The example of "one file can hold several snapshots": its last row goes
    // back to the first snapshot, after 0 and 1 were handed over; the file is
    // read again whole, and k starts over: 0, 1, then 0, 1, 2.
    const std::string interleaved = header + row_prefix + "1-1,f,p,사업,부서,국,완료\n" +
                                    "광주광역시 서구,민선8기,2023-12-31,1-1,f,p,사업,부서,국,정상추진\n" +
                                    "전라남도 보성군,민선8기,2024-03-31,1-1,f,p,사업,부서,국,보류\n" + row_prefix +
                                    "1-2,f,p,사업,부서,국,완료\n";
    order.clear();
    kept.clear();
    io::read_csv_bytes_each(interleaved, "hand.csv", {}, keep);
    CHECK(order == std::vector<std::size_t>{0, 1, 0, 1, 2});
    CHECK(kept == read_text(interleaved));
    REQUIRE(kept.size() == 3);
    CHECK(kept[0].size() == 2);

    // An error after snapshots were handed over is thrown as read_csv throws
    // it: in the snapshot being read (line 6 repeats line 5's id), and in one
    // handed over (line 6 repeats line 2's: found when the file is read again).
    const std::string in_the_last = contiguous + "전라남도 보성군,민선8기,2024-03-31,1-1,f,p,사업,부서,국,보류\n";
    const std::string in_the_first = contiguous + row_prefix + "1-1,f,p,사업,부서,국,보류\n";
    CHECK_THROWS_WITH_AS(io::read_csv_bytes_each(in_the_last, "hand.csv", {}, keep),
                         "hand.csv:6:4 (column 'id'): duplicate project id (first on line 5): '1-1'", error);
    CHECK_THROWS_WITH_AS(io::read_csv_bytes_each(in_the_first, "hand.csv", {}, keep),
                         "hand.csv:6:4 (column 'id'): duplicate project id (first on line 2): '1-1'", error);
  }

  TEST_CASE("dates in the forms reports use") {
    for (const char* d : {"2024-03-31", "2024.3.31", "2024. 3. 31.", "20240331"}) {
      const auto all = read_text(header + "광주광역시 서구,민선8기," + d + ",1-1,f,p,사업,부서,국,완료\n");
      CHECK(all.at(0).as_of() == date(2024, 3, 31));
    }
  }

  TEST_CASE("optional columns: progress, due, note, scope, adjustment, and extra columns kept") {
    const std::string text =
        "district,term,as_of,id,project,status,progress,due,note,scope,adjustment,담당자\n" + row_prefix +
        "1-1,사업,정상추진,87.5%,임기내,메모,in,,홍길동\n" + row_prefix + "1-2,사업,정상추진,,after_term,,제외,사유,\n";
    const snapshot s = read_text(text).at(0);
    CHECK(s.at("1-1").progress == fraction(175, 2));
    CHECK(s.at("1-1").due == due::in_term);
    CHECK(s.at("1-1").note == "메모");
    CHECK(s.at("1-1").extra == std::vector<std::pair<std::string, std::string>>{{"담당자", "홍길동"}});
    CHECK_FALSE(s.at("1-2").progress.has_value());
    CHECK(s.at("1-2").due == due::after_term);
    CHECK(s.at("1-2").scope == scope::removed);
    CHECK(s.at("1-2").adjustment == "사유");
    CHECK(completion_rate(s, criteria::kmc()).denominator() == 1);  // the removed project left it
  }

  TEST_CASE("without descriptions, rows are checked as in a full read and only the texts that count are kept") {
    io::read_options lean;
    lean.keep_descriptions = false;
    // The bundled example: every figure the same, the pledge names, titles,
    // notes and labels as written left empty (the statuses are read).
    read_example_both_ways(lean, [](const project& a, const project& b) {
      CHECK(std::tie(b.field, b.department, b.bureau, b.status, b.progress, b.due, b.scope) ==
            std::tie(a.field, a.department, a.bureau, a.status, a.progress, a.due, a.scope));
      CHECK((b.pledge.empty() && b.title.empty() && b.note.empty() && b.raw_status.empty()));
    });
    // Optional columns: the adjustment counts and stays; the note and extra columns go.
    const std::string optional =
        "district,term,as_of,id,project,status,note,adjustment,담당자\n" + row_prefix + "1-1,사업,정상추진,메모,사유,홍길동\n";
    const snapshot with_optional = read_text(optional, lean).at(0);
    const project& p = with_optional.at("1-1");
    CHECK(p.adjustment == "사유");
    CHECK(p.note.empty());
    CHECK(p.extra.empty());
    // The same errors: an empty title (spaces only), an unknown label.
    CHECK(error_of(header + row_prefix + "1-1,f,p,  ,부서,국,완료\n", lean) ==
          "hand.csv:2:7 (column 'project'): empty project title");
    CHECK(error_of(header + row_prefix + "1-1,f,p,  ,부서,국,완료\n") ==
          "hand.csv:2:7 (column 'project'): empty project title");
    const std::string unknown_label = error_of(header + row_prefix + "1-1,f,p,사업,부서,국,진행완료\n", lean);
    CHECK(unknown_label.find("hand.csv:2:10 (column 'status'): unknown status label") == 0);
    CHECK(unknown_label == error_of(header + row_prefix + "1-1,f,p,사업,부서,국,진행완료\n"));
    CHECK(error_of(header + row_prefix + "1-1,f,p,'=,부서,국,완료\n", lean).empty());  // a title of "=" is one
    // Labels as tables write them (NFD Hangul and spaced labels, one column
    // per status with a mark, CP949): the same statuses and scopes without
    // the labels kept; an empty label, a removal and an apostrophe as before.
    for (const char* variant : {"nfd-crlf-spaced.csv", "marks.csv", "cp949-korean-headers.csv"}) {
      CAPTURE(variant);
      const snapshot whole = read_one(variants_dir + variant);
      const snapshot bare = read_one(variants_dir + variant, lean);
      REQUIRE(bare.size() == whole.size());
      for (const project& p : whole) {
        CHECK(bare.at(p.id).status == p.status);
        CHECK(bare.at(p.id).scope == p.scope);
        CHECK(bare.at(p.id).raw_status.empty());
      }
    }
    CHECK(error_of(header + row_prefix + "1-1,f,p,사업,부서,국, \n", lean) ==
          "hand.csv:2:10 (column 'status'): empty status label");
    const snapshot removed = read_text(header + row_prefix + "1-1,f,p,사업,부서,국,삭 제\n", lean).at(0);
    CHECK(removed.at("1-1").scope == scope::removed);
    CHECK(removed.at("1-1").status == status::dropped);
    // The writer's apostrophe comes off a label too: "'=완료" is the label "=완료", unknown either way.
    const std::string apostrophe = header + row_prefix + "1-1,f,p,사업,부서,국,'=완료\n";
    CHECK(error_of(apostrophe, lean).find("unknown status label") != std::string::npos);
    CHECK(error_of(apostrophe, lean) == error_of(apostrophe));
  }

  TEST_CASE("without fields and departments, the rest reads the same, and an org keeps departments") {
    io::read_options lean;
    lean.keep_field = false;
    lean.keep_departments = false;
    read_example_both_ways(lean, [](const project& a, const project& b) {
      CHECK(std::tie(b.pledge, b.title, b.status, b.raw_status, b.progress, b.due, b.scope, b.note) ==
            std::tie(a.pledge, a.title, a.status, a.raw_status, a.progress, a.due, a.scope, a.note));
      CHECK((b.field.empty() && b.department.empty() && b.bureau.empty()));
    });
    const snapshot full = read_one(example_dir + "2024-03-31.csv");
    // Each option alone.
    lean.keep_departments = true;
    const snapshot no_field = read_one(example_dir + "2024-03-31.csv", lean);
    CHECK(no_field.projects()[0].field.empty());
    CHECK(no_field.projects()[0].department == full.projects()[0].department);
    CHECK(no_field.projects()[0].bureau == full.projects()[0].bureau);
    lean.keep_field = true;
    lean.keep_departments = false;
    const snapshot no_department = read_one(example_dir + "2024-03-31.csv", lean);
    CHECK(no_department.projects()[0].field == full.projects()[0].field);
    CHECK(no_department.projects()[0].department.empty());
    // An org checks every department, so it keeps them: the same departments
    // and bureaus as a full read with the org, and the same error for one
    // the org does not know.
    io::read_options with_org;
    with_org.org = io::read_org_csv(example_dir + "org.csv");
    io::read_options lean_with_org = with_org;
    lean_with_org.keep_departments = false;
    const snapshot a = read_one(example_dir + "2024-03-31.csv", with_org);
    const snapshot b = read_one(example_dir + "2024-03-31.csv", lean_with_org);
    for (std::size_t i = 0; i < a.size(); ++i)
      CHECK(std::tie(b.projects()[i].department, b.projects()[i].bureau) ==
            std::tie(a.projects()[i].department, a.projects()[i].bureau));
    const std::string unknown = header + row_prefix + "1-1,f,p,사업,없는과,,완료\n";
    CHECK(error_of(unknown, lean_with_org).find("department not in the org file") != std::string::npos);
    CHECK(error_of(unknown, lean_with_org) == error_of(unknown, with_org));
  }

  TEST_CASE("the org fills empty bureaus and maps renamed departments") {
    organization org;
    org.add("일자리창업지원과", "문화경제국");
    org.add_rename("일자리경제과", "일자리창업지원과");
    io::read_options o;
    o.org = org;
    const std::string text = header + row_prefix + "1-1,f,p,사업,일자리경제과,,완료\n";
    const snapshot s = read_text(text, o).at(0);
    CHECK(s.at("1-1").department == "일자리창업지원과");
    CHECK(s.at("1-1").bureau == "문화경제국");
    CHECK(org.renames() == std::vector<std::pair<std::string, std::string>>{{"일자리경제과", "일자리창업지원과"}});
    organization chained = org;  // a chain of renames is followed, a cycle is an error
    chained.add_rename("경제일자리과", "일자리경제과");
    CHECK(chained.current_name("경제일자리과") == "일자리창업지원과");
    chained.add_rename("일자리창업지원과", "경제일자리과");
    CHECK_THROWS_AS((void)chained.current_name("경제일자리과"), data_error);
    CHECK(error_of(header + row_prefix + "1-1,f,p,사업,없는과,,완료\n", o) ==
          "hand.csv:2:8 (column 'department'): department not in the org file, and the row gives no bureau: '없는과'");
  }
}

TEST_SUITE("csv reader errors") {
  TEST_CASE("each bad file gets an error naming file, line, column and text") {
    CHECK(error_of(header + row_prefix + "1-1,f,p,사업,부서,국,진행완료\n") ==
          "hand.csv:2:10 (column 'status'): unknown status label (known: 완료, 이행후계속추진, 정상추진, 일부추진, 보류, "
          "폐기, 기타, and their aliases) (add your own with aliases= or --alias 추진완료=완료): '진행완료'");
    CHECK(error_of(header + row_prefix + "1-1,f,p,사업,부서,국,완료\n" + row_prefix + "1-1,f,p,사업,부서,국,완료\n") ==
          "hand.csv:3:4 (column 'id'): duplicate project id (first on line 2): '1-1'");
    CHECK(error_of(header + "광주광역시 서구,민선8기,2024-02-30,1-1,f,p,사업,부서,국,완료\n") ==
          "hand.csv:2:3 (column 'as_of'): impossible date: '2024-02-30'");
    CHECK(error_of(header + row_prefix + "1-1,f,p,사업,부서,국\n") ==
          "hand.csv:2:9 (column 'bureau'): expected 10 fields as in the header, found 9: '국'");
    // A file whose only row is a total row has no project to read.
    CHECK(error_of(header + row_prefix + "합계,f,p,사업,부서,국,완료\n") ==
          "hand.csv:1: no project rows: every row below the header is a heading, subtotal or total row");
    CHECK(error_of(header + row_prefix + "소 계,f,p,사업,부서,국,완료\n") ==
          "hand.csv:1: no project rows: every row below the header is a heading, subtotal or total row");
    CHECK(error_of("") == "hand.csv:1: empty file: no header row, no text at all");
    CHECK(error_of(header) == "hand.csv:1: header but no data rows below it (the header starts with 'district')");
    CHECK(error_of("district,term,as_of,project,status\nx,8,2024-03-31,p,완료\n") ==
          "hand.csv:1: missing required column id (관리번호); accepted headers: id, 관리번호, 번호, 구분, MANAGE_NO; "
          "map a header of yours with columns={'사업 내용': 'id'} or --column '사업 내용=id'; the file's headers are: "
          "'district, term, as_of, project, status'");
    CHECK(error_of(header + row_prefix + "1-1,f,p,\"사업,부서,국,완료\n").find("hand.csv:2:7") == 0);
    CHECK(error_of(std::string("district,id\n\xFF\xFE\xFD\x80,1\n")).find("hand.csv:") == 0);
  }

  TEST_CASE("duplicate headers and conflicting status columns are refused") {
    CHECK(error_of("id,관리번호,project,status,district,as_of\n") ==
          "hand.csv:1:2 (column '관리번호'): duplicate column: 'id' (column 1) and this one both mean id: '관리번호'");
    CHECK(error_of("id,project,status,완료,district,as_of\n1,p,완료,○,x,2024-03-31\n").find("both a status column") !=
          std::string::npos);
  }

  TEST_CASE("mark columns need exactly one mark") {
    const std::string h = "district,as_of,id,project,완료,정상추진\n";
    CHECK(error_of(h + "x,2024-03-31,1-1,p,,\n") == "hand.csv:2: no status marked in any status column: '1-1'");
    CHECK(error_of(h + "x,2024-03-31,1-1,p,○,○\n") ==
          "hand.csv:2:6 (column '정상추진'): a second status marked (first: '완료'): '○'");
    CHECK(error_of(h + "x,2024-03-31,1-1,p,예,\n") ==
          "hand.csv:2:5 (column '완료'): not a status mark (○ O ● V ✓ 해당됨 mark a status; 해당안됨 미해당 X × - 0 or empty leave it unmarked): '예'");
  }

  TEST_CASE("progress, due and scope values are checked") {
    const std::string h = "district,as_of,id,project,status,progress,due,scope\n";
    CHECK(error_of(h + "x,2024-03-31,1-1,p,완료,101,,\n") ==
          "hand.csv:2:6 (column 'progress'): progress must lie in 0..100: '101'");
    CHECK(error_of(h + "x,2024-03-31,1-1,p,완료,-5,,\n") ==
          "hand.csv:2:6 (column 'progress'): not a progress percentage (0-100): '-5'");
    CHECK(error_of(h + "x,2024-03-31,1-1,p,완료,,내년,\n").find("hand.csv:2:7 (column 'due'): unknown due value") == 0);
    CHECK(error_of(h + "x,2024-03-31,1-1,p,완료,,,maybe\n").find("hand.csv:2:8 (column 'scope')") == 0);
  }

  TEST_CASE("validate returns every problem at once, and reading stops at the first") {
    const std::string text = header + row_prefix + "1-1,f,p,사업,부서,국,진행완료\n" + row_prefix +
                             "1-2,f,p,사업,부서,국,완료\n" + row_prefix + "1-3,f,p,사업,부서,국,완료됨\n" + row_prefix +
                             "1-2,f,p,사업,부서,국,완료\n";
    const auto problems = io::validate_csv_bytes(text, "hand.csv");
    REQUIRE(problems.size() == 3);
    CHECK(problems[0].where.line == 2);
    CHECK(problems[0].where.column_name == "status");
    CHECK(problems[1].where.line == 4);
    // 완료됨 is three jamo from 완료, more than a typo of a label that short.
    CHECK(problems[1].message.rfind("hand.csv:4:10 (column 'status'): unknown status label", 0) == 0);
    CHECK(problems[2].where.line == 5);
    for (const auto& p : problems) CHECK(p.severity == io::severity::error);
  }

  TEST_CASE("the bundled example reads with no error, and its two blank pledge names are warnings") {
    // The seed prints no name for pledge 1-1 (projects 1-1-1 and 1-1-2): the
    // blanks cannot be filled from a row of the same pledge, so they stay
    // blank and validate says so.
    const auto problems = io::validate_csv(example_dir + "2024-03-31.csv");
    REQUIRE(problems.size() == 2);
    for (const auto& p : problems) {
      CHECK(p.severity == io::severity::warning);
      CHECK(p.where.column_name == "pledge");
    }
    CHECK(problems[0].where.line == 2);
    CHECK(problems[1].where.line == 3);
  }
}

TEST_SUITE("csv writer") {
  TEST_CASE("read, write, read gives equal snapshots and the same extra columns") {
    const auto original = io::read_csv(example_dir + "2024-03-31.csv");
    std::ostringstream out;
    io::write_csv(out, original);
    const std::string written = out.str();
    CHECK(written.rfind("\xEF\xBB\xBF", 0) == 0);  // a BOM for Korean Excel
    CHECK(io::read_csv_bytes(written, "written.csv") == original);

    const std::string with_extra = "district,as_of,id,project,status,담당자,progress\nx,2024-03-31,1-1,p,완료,홍길동,50\n";
    const auto extra = read_text(with_extra);
    std::ostringstream out2;
    io::write_csv(out2, extra);
    CHECK(io::read_csv_bytes(out2.str(), "w.csv") == extra);
    CHECK(out2.str().find(",adjustment,담당자\n") != std::string::npos);
  }

  TEST_CASE("formula-like cells are neutralised and read back unchanged") {
    const std::string text = "district,as_of,id,project,status,note\nx,2024-03-31,1-1,\"=HYPERLINK(\"\"http://x\"\")\",완료,@SUM(A1)\n";
    const auto s = read_text(text);
    CHECK(s[0].at("1-1").title == "=HYPERLINK(\"http://x\")");
    std::ostringstream out;
    io::write_csv(out, s);
    CHECK(out.str().find(",\"'=HYPERLINK(\"\"http://x\"\")\",") != std::string::npos);
    CHECK(out.str().find(",'@SUM(A1),") != std::string::npos);
    CHECK(io::read_csv_bytes(out.str(), "w.csv") == s);
  }

  TEST_CASE("texts that already start with apostrophes survive write and read") {
    for (const char* note : {"'=x", "''@y", "'plain", "'", "-", "it's", "=1+1"}) {
      CAPTURE(note);
      snapshot s("x", 8, date(2024, 3, 31));
      project p;
      p.id = project_id::parse("1-1");
      p.title = "p";
      p.raw_status = "완료";
      p.status = status::completed;
      p.note = note;
      s.add(p);
      std::ostringstream out;
      io::write_csv(out, {s});
      CHECK(io::read_csv_bytes(out.str(), "w.csv").at(0).at("1-1").note == note);
    }
    // As written by hand: "'=x" means the text "=x" (the writer's own escape).
    CHECK(read_text("district,as_of,id,project,status,note\nx,2024-03-31,1-1,p,완료,'=x\n")[0].at("1-1").note == "=x");
  }

  TEST_CASE("write to a file is atomic and leaves no temporary behind") {
    const auto original = io::read_csv(example_dir + "2023-12-31.csv");
    const std::string path = std::string(PLEDGETRACK_BINARY_DIR) + "/written-2023-12-31.csv";
    io::write_csv(path, original);
    CHECK(io::read_csv(path) == original);
    const std::string missing = std::string(PLEDGETRACK_BINARY_DIR) + "/no/such/dir/x.csv";
    CHECK_THROWS_WITH_AS(io::write_csv(missing, original),
                         ("cannot write '" + missing + "': no such file or directory").c_str(), write_error);
  }
}
