// The whole of pledgetrack's C++ API in one include.
#pragma once

#include "pledgetrack/version.hpp"
#include "pledgetrack/error.hpp"

#include "pledgetrack/model/status.hpp"
#include "pledgetrack/model/status_labels.hpp"
#include "pledgetrack/model/project_id.hpp"
#include "pledgetrack/model/id_index.hpp"
#include "pledgetrack/model/project.hpp"
#include "pledgetrack/model/snapshot.hpp"

#include "pledgetrack/rates/fraction.hpp"
#include "pledgetrack/rates/rounding.hpp"
#include "pledgetrack/rates/criteria.hpp"
#include "pledgetrack/rates/rate.hpp"
#include "pledgetrack/rates/counts.hpp"
#include "pledgetrack/rates/completion.hpp"
#include "pledgetrack/rates/grouping.hpp"
#include "pledgetrack/rates/crosstab.hpp"

#include "pledgetrack/model/date.hpp"
#include "pledgetrack/time/period.hpp"
#include "pledgetrack/time/term.hpp"

#include "pledgetrack/history/comparison.hpp"
#include "pledgetrack/history/history.hpp"
#include "pledgetrack/history/adjustments.hpp"
#include "pledgetrack/history/pace.hpp"

#include "pledgetrack/report/language.hpp"
#include "pledgetrack/report/shares.hpp"
#include "pledgetrack/report/display_width.hpp"
#include "pledgetrack/report/escape.hpp"
#include "pledgetrack/report/quarterly_report.hpp"
#include "pledgetrack/report/wording.hpp"
#include "pledgetrack/report/render.hpp"

#include "pledgetrack/audit/printed_value.hpp"
#include "pledgetrack/audit/stated_figure.hpp"
#include "pledgetrack/audit/audit_data.hpp"
#include "pledgetrack/audit/finding.hpp"
#include "pledgetrack/audit/audit.hpp"
#include "pledgetrack/audit/wording.hpp"

#include "pledgetrack/published/report_text.hpp"
#include "pledgetrack/published/correction.hpp"
#include "pledgetrack/published/first_table.hpp"
#include "pledgetrack/published/department_match.hpp"
#include "pledgetrack/published/published_report.hpp"
#include "pledgetrack/published/audit_published.hpp"
