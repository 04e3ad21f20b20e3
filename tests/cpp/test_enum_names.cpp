#include <doctest/doctest.h>

#include <array>
#include <string>

#include "pledgetrack/enum_names.hpp"
#include "pledgetrack/pledgetrack.hpp"

using namespace pledgetrack;

namespace {

/// Every row's name parses back to its value and is what to_string gives.
template <class Enum, std::size_t N>
void check_round_trip(const std::array<enum_name<Enum>, N>& table) {
  for (const enum_name<Enum>& row : table) {
    CAPTURE(std::string(row.name));
    CHECK(to_string(row.value) == row.name);
    CHECK(parse_name(table, row.name, "value") == row.value);
  }
}

}  // namespace

TEST_SUITE("enum names") {
  TEST_CASE("each table names every value of its enum once, and names parse back") {
    // The sizes are the enumerators counted by hand in each enum's header.
    CHECK(basis_names.size() == 2);
    CHECK(measure_names.size() == 3);
    CHECK(rounding_names.size() == 3);
    CHECK(due_names.size() == 3);
    CHECK(scope_names.size() == 2);
    CHECK(period_kind_names.size() == 2);
    CHECK(transition_kind_names.size() == 7);
    CHECK(adjustment_kind_names.size() == 3);
    check_round_trip(basis_names);
    check_round_trip(measure_names);
    check_round_trip(rounding_names);
    check_round_trip(due_names);
    check_round_trip(scope_names);
    check_round_trip(period_kind_names);
    check_round_trip(transition_kind_names);
    check_round_trip(adjustment_kind_names);
  }

  TEST_CASE("an unknown name is a parse error listing the known ones in the table's order") {
    CHECK_THROWS_WITH_AS((void)parse_basis("pledges"), "unknown basis (known: project, pledge): 'pledges'",
                         parse_error);
    CHECK_THROWS_WITH_AS((void)parse_measure("mean"),
                         "unknown measure (known: status_share, weighted, mean_progress): 'mean'", parse_error);
    CHECK_THROWS_WITH_AS(
        (void)parse_name(transition_kind_names, "new", "transition kind"),
        "unknown transition kind (known: newly_complete, regression, improvement, other, added, removed, "
        "unchanged): 'new'",
        parse_error);
    // Names are exact: no case folding, no trimming.
    CHECK_THROWS_AS((void)parse_basis("Project"), parse_error);
    CHECK_THROWS_AS((void)parse_basis(" project"), parse_error);
    // The Korean period names are a table of their own.
    CHECK(parse_name(period_kind_names_ko, "반기", "period") == period_kind::half);
    CHECK(find_name(period_kind_names, "반기") == nullptr);
  }
}
