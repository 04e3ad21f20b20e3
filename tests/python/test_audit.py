"""pt.audit and `pledgetrack audit`: the seed's published figures, each rule on a case from real
tallies, the inputs (rows, counts, stated CSV/JSON/dicts), the outputs and the exit codes.
Expected values are worked out by hand in the comments."""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path

import pytest

import pledgetrack as pt
from pledgetrack.cli import main

from conftest import REPO

AUDIT_DATA = REPO / "tests" / "data" / "audit"
SEED_STATED = AUDIT_DATA / "seed.csv"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def only(data, figure: dict, **kwargs) -> pt.Finding:
    return pt.audit(data, [figure], **kwargs).findings[0]


# -- the seed -------------------------------------------------------------------------------


@pytest.mark.parametrize("stated", ["seed.csv", "seed.json"])
def test_the_seeds_published_figures_all_agree_or_are_explained(q1, q4, stated):
    a = pt.audit(q1, AUDIT_DATA / stated, previous=q4)
    assert len(a.findings) == 40
    assert a.unexplained == []
    # 30.7% and the two printings of the change in %: explained, still listed as discrepancies.
    assert [(f.stated, f.rule) for f in a.discrepancies] == [
        ("2.0%↑", "percent_for_points"),
        ("30.7%", "forced_to_100"),
        ("2.0% 상승", "percent_for_points"),
    ]


def test_the_seeds_30_7_is_a_residual_forced_into_on_track(q1):
    # 15/49 = 30.612…% -> 30.6 by any rounding; 100 − 67.3 − 2.0 = 30.7.
    a = pt.audit(
        q1,
        [
            {"figure": "share", "value": "67.3%", "status": "완료+이행후계속추진"},
            {"figure": "share", "value": "30.7%", "status": "정상추진"},
            {"figure": "share", "value": "2.0%", "status": "일부추진"},
        ],
        lang="en",
    )
    f = a.findings[1]
    assert (f.verdict, f.rule, f.computed, f.computed_text) == ("explained", "forced_to_100", Fraction(1500, 49), "30.6%")
    assert f.detail == (
        "15/49 = 30.61% → 30.6%; printed 30.7%: 30.7 = 100 − 67.3 − 2.0 "
        "(the residual put into On track so that the shares sum to 100)"
    )


@pytest.mark.parametrize("printed", ["2.0%", "2.0%↑"])
def test_the_seeds_2_0_percent_is_a_change_in_points(q1, q4, printed):
    # A change in % is relative: 33/32 − 1 = 3.125% -> 3.1%; in %p 100/49 = 2.04 -> 2.0.
    f = only(q1, {"figure": "change", "value": printed}, previous=q4)
    assert (f.verdict, f.rule, f.computed_text) == ("explained", "percent_for_points", "+3.1%")
    assert "67.35% − 65.31% = +2.04%p → 2.0" in f.detail
    assert only(q1, {"figure": "change", "value": "+2.0%p"}, previous=q4).verdict == "agree"


# -- the rules, on counts only -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("counts", "printed", "computed"),
    [
        ({"완료": 43, "일부추진": 47}, "47.7%", "47.8%"),  # 43/90 = 47.78%
        ({"완료": 49, "정상": 121}, "28%", "29%"),  # 49/170 = 28.82%: truncated to a whole percent
    ],
)
def test_truncation(counts, printed, computed):
    f = only(counts, {"figure": "rate", "value": printed})
    assert (f.verdict, f.rule, f.computed_text) == ("explained", "truncation", computed)


def test_a_total_made_by_adding_rounded_parts():
    # 225/1,791 = 12.5628% -> 12.56, 602/1,791 = 33.6125% -> 33.61, sum 46.17; 827/1,791 = 46.1753% -> 46.18.
    a = pt.audit(
        {pt.Status.COMPLETED: 225, "이행후계속추진": 602, "정상추진": 964},
        [
            {"figure": "share", "value": "12.56%", "status": "완료"},
            {"figure": "share", "value": "33.61%", "status": "이행후계속추진"},
            {"figure": "total", "value": "46.17%", "status": "완료+이행후계속추진"},
        ],
    )
    assert [f.verdict for f in a.findings] == ["agree", "agree", "explained"]
    total = a.findings[2]
    assert (total.rule, total.computed_text) == ("sum_of_rounded_parts", "46.18%")
    assert "46.17 = 12.56 + 33.61" in total.detail


def test_the_previous_quarters_figure_carried_over():
    # 54/79 = 68.35% -> 68.4; the previous 53/79 = 67.09% -> 67.1.
    f = only(
        {"완료": 54, "정상추진": 20, "일부추진": 5},
        {"figure": "rate", "value": "67.1%"},
        previous={"완료": 53, "정상추진": 21, "일부추진": 5},
    )
    assert (f.verdict, f.rule, f.computed_text) == ("explained", "carried_over", "68.4%")


def test_eighty_percent_for_70_projects_is_unexplained(capsys, tmp_path):
    # KMC 36/70 = 51.4%, 이행률 70/70 = 100%: nothing gives 80.0.
    f = only({"완료": 36, "정상추진": 34}, {"figure": "rate", "value": "80.0%"}, lang="en")
    assert (f.verdict, f.rule, f.computed_text) == ("unexplained", None, "51.4%")
    assert "only counts were given" in f.detail


def test_two_rules_combined_are_a_list_of_two():
    # 이행률 43/47 = 91.489% -> 91.5 half up, 91.4 truncated.
    f = only({"완료": 10, "정상추진": 33, "일부추진": 4}, {"figure": "rate", "value": "91.4%"})
    assert f.rule == ["truncation", "definition"]


def test_a_subgroup_and_a_nearby_count(q1):
    # The rate of 행복·문화 (6 projects, 1 complete: 16.67% -> 16.7) printed as the headline.
    f = only(q1, {"figure": "rate", "value": "16.7%"})
    assert f.rule == "definition"
    assert "분야 행복·문화" in f.detail
    # 34/49 = 69.39% -> 69.4: one more in the numerator than the data's 33.
    g = only(q1, {"figure": "rate", "value": "69.4%"}, lang="en")
    assert g.rule == "nearby_count"
    assert "one project more in the numerator (34 for 33)" in g.detail


# -- inputs --------------------------------------------------------------------------------------


def test_counts_from_a_status_count_csv(tmp_path):
    counts = tmp_path / "counts.csv"
    counts.write_text("status,count\n완료,43\n일부추진,47\n", encoding="utf-8")
    assert only(counts, {"figure": "rate", "value": "47.7%"}).rule == "truncation"


def test_a_stated_dict_with_an_unknown_key_or_a_float_is_refused(q1):
    with pytest.raises(pt.PledgeError, match=r"stated\[0\]: unknown key .*'colour'"):
        pt.audit(q1, [{"figure": "rate", "value": "67.3%", "colour": "red"}])
    with pytest.raises(pt.PledgeError, match=r"give 'value' as printed, in quotes"):
        pt.audit(q1, [{"figure": "rate", "value": 67.3}])
    with pytest.raises(pt.PledgeError, match=r"stated\[1\] \(column 'value'\): not a printed figure"):
        pt.audit(q1, [{"figure": "rate", "value": "67.3%"}, {"figure": "rate", "value": "약 67%"}])
    with pytest.raises(pt.PledgeError, match="a combined column cannot be split"):
        pt.audit({"완료+이행후계속추진": 33}, [{"figure": "rate", "value": "67.3%"}])


def test_a_stated_csv_error_names_file_line_and_column(q1, tmp_path):
    bad = tmp_path / "stated.csv"
    bad.write_text("figure,value,status\nrate,67.3%,\nshare,30.7%,정상추징\n", encoding="utf-8")
    with pytest.raises(pt.PledgeError, match=r"stated\.csv:3:3 \(column 'status'\): unknown status label.*'정상추징'"):
        pt.audit(q1, bad)


# -- outputs --------------------------------------------------------------------------------------


def test_the_frame_and_the_html_view(q1, q4):
    a = pt.audit(q1, SEED_STATED, previous=q4)
    frame = a.to_frame()
    assert len(frame) == 40
    assert list(frame.columns[:3]) == ["figure", "subject", "status"]
    row = frame[frame["stated"] == "30.7%"].iloc[0]
    assert (row["verdict"], row["rule"], row["computed"]) == ("explained", "forced_to_100", Fraction(1500, 49))
    html = a._repr_html_()
    assert "<table" in html and "설명됨" in html and "합계 100 맞춤" in html
    assert a.to_dict("en")["counts"] == {"figures": 40, "agree": 37, "explained": 3, "unexplained": 0}
    assert repr(a) == "Audit(figures=40, agree=37, explained=3, unexplained=0)"


def test_text_from_data_is_escaped_in_html_and_markdown():
    a = pt.audit({"완료": 1}, [{"figure": "rate", "value": "100.0%", "label": "<script>x</script>"}])
    assert "<script>" not in a._repr_html_()
    assert "<script>" not in a.to_markdown()


# -- the command line -----------------------------------------------------------------------------


def test_cli_audits_the_seed(capsys, example_dir):
    status, out, err = run(
        capsys, "audit", str(example_dir / "2024-03-31.csv"), str(SEED_STATED),
        "--previous", str(example_dir / "2023-12-31.csv"),
    )  # fmt: skip
    assert status == 0, err
    assert "40개 수치: 일치 37, 설명됨 3, 설명 안 됨 0" in out
    assert "합계 100 맞춤" in out


def test_cli_takes_the_previous_snapshot_from_a_directory(capsys, example_dir):
    status, out, _ = run(capsys, "audit", str(example_dir), str(AUDIT_DATA / "seed.json"), "--format", "json")
    assert status == 0
    assert json.loads(out)["counts"]["unexplained"] == 0


def test_cli_exits_1_when_a_figure_is_unexplained(capsys, tmp_path):
    counts = tmp_path / "counts.csv"
    counts.write_text("추진상황,건수\n완료,36\n정상추진,34\n", encoding="utf-8")
    stated = tmp_path / "stated.json"
    stated.write_text(json.dumps([{"figure": "rate", "value": "80.0%"}]), encoding="utf-8")
    status, out, err = run(capsys, "audit", str(counts), str(stated), "--lang", "en", "--format", "md")
    assert status == 1
    # The stated text comes from the user, so it is escaped ("80." could start a Markdown list).
    assert "| KMC completion rate | 80\\.0% | 51.4% | unexplained | - | 36/70 = 51.43% → 51.4%; printed 80.0%: no rule" in out
    assert err.strip() == "pledgetrack: error: 1 of 1 figure unexplained"


def test_cli_writes_html(capsys, tmp_path, example_dir):
    out_file = tmp_path / "audit.html"
    status, _, _ = run(
        capsys, "audit", str(example_dir / "2024-03-31.csv"), str(SEED_STATED), "-o", str(out_file)
    )
    # Without --previous, the previous figures and the changes cannot be computed: unexplained.
    assert status == 1
    html = out_file.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "직전 시점 자료가 주어지지 않음" in html


def test_the_report_gains_an_audit_section(capsys, example_dir):
    data = str(example_dir / "2024-03-31.csv")
    previous = str(example_dir / "2023-12-31.csv")
    status, plain, _ = run(capsys, "report", data, "--previous", previous, "--format", "md")
    assert status == 0
    status, out, _ = run(capsys, "report", data, "--previous", previous, "--format", "md", "--published", str(SEED_STATED))
    assert status == 0
    # The report as it was, then the section with the three figures that differ.
    assert out.startswith(plain.rstrip("\n") + "\n\n## 공표 보고서와 다른 수치\n")
    section = out[len(plain):]
    assert section.count("설명됨") == 4  # the summary line and three rows
    assert "| 일치 |" not in section
    status, out, _ = run(capsys, "report", data, "--previous", previous, "--format", "json", "--published", str(SEED_STATED))
    assert status == 0
    report = json.loads(out)
    assert report["audit"]["counts"] == {"figures": 40, "agree": 37, "explained": 3, "unexplained": 0}
    status, out, _ = run(capsys, "report", data, "--previous", previous, "--format", "html", "--published", str(SEED_STATED))
    assert status == 0
    assert '<section class="audit"><h2>공표 보고서와 다른 수치</h2>' in out and out.rstrip().endswith("</html>")


def test_pt_report_with_published_figures_has_the_same_section_as_the_command_line(q1, q4):
    plain = pt.report(q1, q4)
    made = pt.report(q1, q4, published=SEED_STATED)
    assert plain.audit is None
    assert made.audit is not None and len(made.audit) == 40 and not made.audit.unexplained
    # The report as it was, then the section: the same text the command line prints.
    assert made.to_markdown().startswith(plain.to_markdown().rstrip("\n") + "\n\n## 공표 보고서와 다른 수치\n")
    assert made.to_markdown() == plain.to_markdown().rstrip("\n") + "\n\n" + made.audit.differences("md")
    assert json.loads(made.to_json())["audit"]["counts"]["explained"] == 3
    assert json.loads(made.to_json()).keys() - {"audit"} == json.loads(plain.to_json()).keys()
    assert '<section class="audit">' in made.to_html()
    with pytest.raises(ValueError, match="not xlsx"):
        made.render("xlsx")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["audit", "missing.csv", "stated.csv"], "no such file or directory: 'missing.csv'"),
        (["audit", "{data}", "stated.csv", "--format", "xlsx"], "invalid choice"),
    ],
)
def test_cli_usage_errors(capsys, example_dir, argv, message):
    argv = [a.replace("{data}", str(example_dir / "2024-03-31.csv")) for a in argv]
    status, _, err = run(capsys, *argv)
    assert status == 2
    assert message in err
