#include <doctest/doctest.h>

#include <sstream>
#include <type_traits>

#include "pledgetrack/model/status.hpp"
#include "pledgetrack/model/status_labels.hpp"

using namespace pledgetrack;

static_assert(std::is_trivially_copyable_v<status_set>);
static_assert(status_set{status::completed}.contains(status::completed));

TEST_SUITE("status") {
  TEST_CASE("every status has a KMC label, an English label and a name") {
    CHECK(label_ko(status::completed) == "완료");
    CHECK(label_ko(status::ongoing) == "이행후계속추진");
    CHECK(label_ko(status::on_track) == "정상추진");
    CHECK(label_ko(status::lagging) == "일부추진");
    CHECK(label_ko(status::on_hold) == "보류");
    CHECK(label_ko(status::dropped) == "폐기");
    CHECK(label_ko(status::not_due) == "기타");
    CHECK(label_en(status::on_track) == "On track");
    CHECK(to_string(status::not_due) == "not_due");
    CHECK(status_from_name("lagging") == status::lagging);
    CHECK_FALSE(status_from_name("late").has_value());
  }

  TEST_CASE("progress_rank orders statuses for regressions, and not_due has no rank") {
    CHECK(progress_rank(status::completed) == progress_rank(status::ongoing));
    CHECK(*progress_rank(status::ongoing) > *progress_rank(status::on_track));
    CHECK(*progress_rank(status::on_track) > *progress_rank(status::lagging));
    CHECK(*progress_rank(status::lagging) > *progress_rank(status::on_hold));
    CHECK(*progress_rank(status::on_hold) > *progress_rank(status::dropped));
    CHECK_FALSE(progress_rank(status::not_due).has_value());
  }

  TEST_CASE("status_set holds any subset") {
    status_set s{status::on_hold, status::dropped};
    CHECK(s.size() == 2);
    CHECK(s.contains(status::dropped));
    CHECK_FALSE(s.contains(status::completed));
    s.erase(status::dropped);
    CHECK(s == status_set{status::on_hold});
    std::ostringstream os;
    os << kmc_complete_statuses;
    CHECK(os.str() == "status_set{status::completed, status::ongoing}");
  }
}

TEST_SUITE("status labels") {
  const auto labels = status_labels::kmc();

  TEST_CASE("the KMC labels and their aliases parse") {
    CHECK(labels.parse("완료") == status::completed);
    CHECK(labels.parse("추진완료") == status::completed);
    CHECK(labels.parse("이행후계속추진") == status::ongoing);
    CHECK(labels.parse("이행 후 계속추진") == status::ongoing);
    CHECK(labels.parse("이행후 계속추진") == status::ongoing);
    CHECK(labels.parse("이행후계속") == status::ongoing);
    CHECK(labels.parse("계속추진") == status::ongoing);
    CHECK(labels.parse("추진중") == status::on_track);
    CHECK(labels.parse("정상") == status::on_track);
    for (const char* lagging : {"일부추진", "일부", "미흡", "부진", "지연"}) CHECK(labels.parse(lagging) == status::lagging);
    CHECK(labels.parse("추진보류") == status::on_hold);
    CHECK(labels.parse("보류") == status::on_hold);
    CHECK(labels.parse("추진불가") == status::dropped);
    CHECK(labels.parse("폐기") == status::dropped);
    CHECK(labels.parse("기타") == status::not_due);
    CHECK(labels.parse("시기미도래") == status::not_due);
    CHECK(labels.parse("기타(시기미도래)") == status::not_due);
  }

  TEST_CASE("justification spaces, NFD Hangul and identifier names do not matter") {
    CHECK(labels.parse("정 상 추 진") == status::on_track);
    CHECK(labels.parse(" 완 료 ") == status::completed);
    CHECK(labels.parse("\u110B\u116A\u11AB\u1105\u116D") == status::completed);  // 완료, NFD
    CHECK(labels.parse("on_track") == status::on_track);
    CHECK(labels.parse("On track") == status::on_track);
    CHECK(labels.parse("COMPLETED") == status::completed);
  }

  TEST_CASE("an unknown label is an error naming it and listing the known labels") {
    CHECK_THROWS_WITH_AS((void)labels.parse("진행완료?"),
                         "unknown status label (known: 완료, 이행후계속추진, 정상추진, 일부추진, 보류, 폐기, 기타, and "
                         "their aliases) (add your own with aliases= or --alias 추진완료=완료): '진행완료?'",
                         parse_error);
    CHECK_THROWS_AS((void)labels.parse(""), parse_error);
    CHECK_FALSE(labels.find("done-ish").has_value());
  }

  TEST_CASE("a caller can add and redirect aliases") {
    auto custom = status_labels::kmc();
    CHECK_THROWS_AS((void)custom.parse("추진 중(지연)"), parse_error);
    custom.add_alias("추진 중(지연)", status::lagging);
    CHECK(custom.parse("추진중(지연)") == status::lagging);
    custom.add_alias("정상", status::lagging);  // this source uses 정상 differently
    CHECK(custom.parse("정상") == status::lagging);
    CHECK_THROWS_AS(custom.add_alias("  ", status::lagging), parse_error);
  }
}
