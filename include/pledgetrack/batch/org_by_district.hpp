// One org file for many districts: a researcher's corpus spans hundreds of
// governments, each with its own departments and bureaus, often kept in one
// table with a district column (자치단체).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "pledgetrack/io/encoding.hpp"
#include "pledgetrack/model/organization.hpp"

namespace pledgetrack::batch {

/// The org of each district in an org file with a district column (district,
/// 자치단체, 자치단체명 or 지자체), in order of first appearance: each made of
/// that district's rows exactly as io::read_org_csv makes an org, and its
/// errors name the file's own lines. Nothing when the file has no district
/// column: it is then one org for every district (io::read_org_csv).
///
///     자치단체,부서,실국
///     가구,복지과,복지국
///     나구,복지과,행정국        -> {"가구": …, "나구": …}
[[nodiscard]] std::optional<std::vector<std::pair<std::string, organization>>> read_org_csv_by_district(
    const std::string& path, std::optional<io::encoding> forced = {});
[[nodiscard]] std::optional<std::vector<std::pair<std::string, organization>>> read_org_csv_by_district_bytes(
    std::string_view bytes, const std::string& name, std::optional<io::encoding> forced = {});

}  // namespace pledgetrack::batch
