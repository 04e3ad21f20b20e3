"""pt.evaluate: a corpus in one call, pinned on a small corpus written here whose
figures are worked out by hand in the comments."""

from __future__ import annotations

import pickle
from fractions import Fraction
from pathlib import Path

import pandas as pd
import pytest

import pledgetrack as pt

HEADER = "district,term,as_of,id,field,project,department,status\n"

# (district, as_of, [(id, field, department, status label)]); 다구's second file has an
# unknown status label (완성) and fails.
CORPUS = [
    # 가구 Q1: 완료 + 이행후계속추진 = 2 of 4 (50%); 이행률 (with 정상추진) 3 of 4.
    ("가구", "2024-03-31", [("1-1", "복지", "복지과", "완료"), ("1-2", "복지", "복지과", "이행후계속추진"),
                           ("2-1", "경제", "경제과", "정 상 추 진"), ("2-2", "경제", "경제과", "일부추진")]),
    # 가구 Q2: 2-1 정상추진 -> 이행후계속추진: 3 of 4, +25%p; 2-2 일부추진 -> 보류: a regression.
    ("가구", "2024-06-30", [("1-1", "복지", "복지과", "완료"), ("1-2", "복지", "복지과", "이행후계속추진"),
                           ("2-1", "경제", "경제과", "이행후계속추진"), ("2-2", "경제", "경제과", "보류")]),
    # 나구: 1 of 2 both quarters (0%p); 2-1 정상추진 -> 일부추진: a regression.
    ("나구", "2024-03-31", [("1-1", "복지", "복지과", "완료"), ("2-1", "경제", "경제과", "정상추진")]),
    ("나구", "2024-06-30", [("1-1", "복지", "복지과", "완료"), ("2-1", "경제", "경제과", "일부추진")]),
    # 다구 Q1: 2 of 3 = 66.67% (text 66.7%, half-up); Q2 fails.
    ("다구", "2024-03-31", [("1-1", "복지", "복지과", "완료"), ("1-2", "복지", "복지과", "완료"),
                           ("2-1", "경제", "경제과", "일부추진")]),
    ("다구", "2024-06-30", [("1-1", "복지", "복지과", "완성")]),
    # 라구 Q1 only: 1 of 4 = 25%; 폐기 stays in the denominator.
    ("라구", "2024-03-31", [("1-1", "복지", "복지과", "완료"), ("1-2", "복지", "복지과", "정상추진"),
                           ("2-1", "경제", "경제과", "정상추진"), ("2-2", "경제", "경제과", "폐기")]),
]


def write_corpus(root: Path) -> list[Path]:
    paths = []
    for district, as_of, rows in CORPUS:
        folder = root / district
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{as_of}.csv"
        lines = [f"{district},민선8기,{as_of},{i},{f},사업 {i},{d},{s}\n" for i, f, d, s in rows]
        path.write_text(HEADER + "".join(lines), encoding="utf-8-sig")
        paths.append(path)
    return paths


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    write_corpus(tmp_path / "data")
    return tmp_path / "data"


def evaluate_quietly(source, files: int = 7, **kwargs) -> pt.Evaluation:
    with pytest.warns(UserWarning, match=f"1 of {files} files failed"):
        return pt.evaluate(source, **kwargs)


def row(table: pd.DataFrame, district: str, as_of: str) -> pd.Series:
    match = table[(table["district"] == district) & (table["as_of"].astype(str) == as_of)]
    assert len(match) == 1, (district, as_of)
    return match.iloc[0]


def test_the_columns_are_the_documented_contract(corpus: Path) -> None:
    result = evaluate_quietly(corpus, criteria=["kmc", "implementation"])
    per_criteria = ["numerator", "denominator", "percent", "text", "change_pp", "rank"]
    assert list(result.table.columns) == (
        ["district", "term", "as_of", "period", "projects"]
        + ["completed", "ongoing", "on_track", "lagging", "on_hold", "dropped", "not_due"]
        + [f"kmc_{c}" for c in per_criteria]
        + [f"implementation_{c}" for c in per_criteria]
        + ["regressions"]
    )
    assert result.criteria == ["kmc", "implementation"]


def test_a_table_handed_out_is_the_caller_s_own(corpus: Path) -> None:
    # The evaluation keeps its table; what a caller does to the one it was given
    # (values, a column, a text changed in place) must not reach the next caller.
    result = evaluate_quietly(corpus)
    first = result.table
    first.loc[0, "kmc_numerator"] = 99
    first.loc[0, "district"] = "바뀐구"
    first["kmc_text"] = first["kmc_text"].str.replace("%", " percent")
    first["mine"] = 1
    second = result.table
    assert (second.loc[0, "district"], second.loc[0, "kmc_numerator"]) == ("가구", 2)  # 가구 Q1: 2 of 4
    assert second.loc[0, "kmc_text"] == "50.0%"
    assert "mine" not in second.columns
    assert second is not first


def test_rows_sorted_by_district_then_as_of_with_counts_and_exact_rates(corpus: Path) -> None:
    t = evaluate_quietly(corpus, criteria=["kmc", "implementation"]).table
    assert list(zip(t["district"], t["as_of"].astype(str))) == [
        ("가구", "2024-03-31"), ("가구", "2024-06-30"), ("나구", "2024-03-31"), ("나구", "2024-06-30"),
        ("다구", "2024-03-31"), ("라구", "2024-03-31"),
    ]
    a1 = row(t, "가구", "2024-03-31")
    assert (a1["term"], a1["period"], a1["projects"]) == (8, "2024Q1", 4)
    assert [a1[s] for s in ("completed", "ongoing", "on_track", "lagging", "on_hold", "dropped", "not_due")] == [
        1, 1, 1, 1, 0, 0, 0]  # the spaced label 정 상 추 진 is 정상추진
    assert (a1["kmc_numerator"], a1["kmc_denominator"], a1["kmc_percent"], a1["kmc_text"]) == (2, 4, 50.0, "50.0%")
    assert (a1["implementation_numerator"], a1["implementation_text"]) == (3, "75.0%")
    c1 = row(t, "다구", "2024-03-31")
    assert c1["kmc_text"] == "66.7%"  # 2/3 = 66.66…, half-up to one decimal
    assert c1["kmc_percent"] == pytest.approx(200 / 3)


def test_changes_are_exact_percentage_points_from_the_district_s_previous_snapshot(corpus: Path) -> None:
    t = evaluate_quietly(corpus, criteria=["kmc", "implementation"]).table
    assert row(t, "가구", "2024-03-31")["kmc_change_pp"] is None  # a district's first snapshot
    a2 = row(t, "가구", "2024-06-30")
    assert a2["kmc_change_pp"] == Fraction(25) and isinstance(a2["kmc_change_pp"], Fraction)
    assert a2["implementation_change_pp"] == 0  # 3 of 4 both quarters under 이행률
    assert row(t, "나구", "2024-06-30")["kmc_change_pp"] == 0
    assert row(t, "라구", "2024-03-31")["kmc_change_pp"] is None


def test_regressions_count_projects_that_moved_back(corpus: Path) -> None:
    t = evaluate_quietly(corpus).table
    assert pd.isna(row(t, "가구", "2024-03-31")["regressions"])
    assert row(t, "가구", "2024-06-30")["regressions"] == 1  # 2-2: 일부추진 -> 보류
    assert row(t, "나구", "2024-06-30")["regressions"] == 1  # 2-1: 정상추진 -> 일부추진


def test_ranks_within_the_period_ties_share_the_smallest_rank(corpus: Path) -> None:
    t = evaluate_quietly(corpus).table
    q1 = t[t["period"] == "2024Q1"].set_index("district")["kmc_rank"]
    # 다구 66.7% > 가구 50% = 나구 50% > 라구 25%: 1, 2, 2, 4.
    assert q1.to_dict() == {"다구": 1, "가구": 2, "나구": 2, "라구": 4}
    q2 = t[t["period"] == "2024Q2"].set_index("district")["kmc_rank"]
    assert q2.to_dict() == {"가구": 1, "나구": 2}  # 다구's Q2 file failed


def test_a_failing_file_is_listed_in_problems_with_a_warning(corpus: Path) -> None:
    result = evaluate_quietly(corpus)
    assert len(result.problems) == 1
    problem = result.problems[0]
    assert Path(problem.file) == corpus / "다구" / "2024-06-30.csv"
    assert "완성" in problem.message and "2024-06-30.csv" in problem.message
    assert len(result) == 6  # the other six snapshots are all there


def test_strict_raises_the_first_failure(corpus: Path) -> None:
    with pytest.raises(pt.PledgeError, match=r"다구.2024-06-30\.csv.*완성"):
        pt.evaluate(corpus, strict=True)


@pytest.mark.parametrize("by", ["field", ["field"]])
def test_by_field_adds_a_row_per_group_in_long_form(corpus: Path, by) -> None:
    t = evaluate_quietly(corpus, by=by).table
    assert list(t.columns[:6]) == ["district", "term", "as_of", "period", "dimension", "group"]
    a2 = t[(t["district"] == "가구") & (t["as_of"].astype(str) == "2024-06-30")]
    # The whole snapshot first, with empty dimension and group, then its fields in order.
    assert a2["dimension"].isna().tolist() == [True, False, False]
    assert a2["dimension"].tolist()[1:] == ["field", "field"]
    assert a2["group"].isna().tolist() == [True, False, False]
    assert a2["group"].tolist()[1:] == ["복지", "경제"]
    economy = a2.iloc[2]
    assert (economy["kmc_numerator"], economy["kmc_denominator"]) == (1, 2)
    assert economy["kmc_change_pp"] == Fraction(50)  # 0 of 2 -> 1 of 2
    assert len(t) == 6 * 3


def test_the_same_table_for_one_and_two_workers(corpus: Path) -> None:
    one = evaluate_quietly(corpus, workers=1, by="field", criteria=["kmc", "in_term"]).table
    two = evaluate_quietly(corpus, workers=2, by="field", criteria=["kmc", "in_term"]).table
    pd.testing.assert_frame_equal(one, two)


def test_a_district_folder_s_own_org_wins_over_the_shared_org(corpus: Path, tmp_path: Path) -> None:
    # 가구 has its own org (복지과 and 경제과 in two bureaus); the shared org puts both in 총괄국.
    (corpus / "가구" / "org.csv").write_text("부서,실국\n복지과,복지국\n경제과,경제국\n", encoding="utf-8")
    shared = tmp_path / "shared-org.csv"
    shared.write_text("department,bureau\n복지과,총괄국\n경제과,총괄국\n", encoding="utf-8")
    t = evaluate_quietly(corpus, by="bureau", org=shared).table
    groups = t[t["dimension"] == "bureau"].groupby("district")["group"].agg(lambda g: sorted(set(g)))
    assert groups.to_dict() == {"가구": ["경제국", "복지국"], "나구": ["총괄국"], "다구": ["총괄국"], "라구": ["총괄국"]}


def test_an_org_file_named_in_capitals_is_the_folder_s_org_and_two_are_an_error(corpus: Path) -> None:
    # ORG.csv is left out of the pledge files (as org.csv is), so it must be read as the org,
    # not dropped: 가구's departments then go to its own bureaus.
    (corpus / "가구" / "ORG.csv").write_text("부서,실국\n복지과,복지국\n경제과,경제국\n", encoding="utf-8")
    t = evaluate_quietly(corpus, by="bureau").table
    groups = sorted(set(t[(t["dimension"] == "bureau") & (t["district"] == "가구")]["group"]))
    assert groups == ["경제국", "복지국"]
    (corpus / "가구" / "org.csv").write_text("부서,실국\n복지과,복지국\n경제과,경제국\n", encoding="utf-8")
    with pytest.raises(pt.PledgeError, match="two org files in folder '.*가구': ORG.csv, org.csv"):
        pt.evaluate(corpus)


def test_a_folder_s_files_are_taken_component_by_component(tmp_path: Path) -> None:
    # "a" < "a-b" as folder names, though "a-" < "a/" as text: the problems come in that order.
    for folder in ("a", "a-b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "bad.csv").write_text("not,a,pledge,table\n", encoding="utf-8")
    with pytest.warns(UserWarning):
        e = pt.evaluate(tmp_path)
    assert [Path(p.file).parent.name for p in e.problems] == ["a", "a-b"]
    with pytest.warns(UserWarning):  # a glob's files too
        e = pt.evaluate(str(tmp_path / "*" / "bad.csv"))
    assert [Path(p.file).parent.name for p in e.problems] == ["a", "a-b"]


def test_sources_directory_glob_list_and_snapshots_agree(corpus: Path) -> None:
    from_dir = evaluate_quietly(corpus).table
    from_glob = evaluate_quietly(str(corpus / "*" / "*.csv")).table
    files = sorted(corpus.rglob("*.csv"), reverse=True)  # any order: the rows are sorted
    from_list = evaluate_quietly(files).table
    pd.testing.assert_frame_equal(from_dir, from_glob)
    pd.testing.assert_frame_equal(from_dir, from_list)
    good = [p for p in files if p.name != "2024-06-30.csv" or p.parent.name != "다구"]
    snapshots = pt.read_many(good)
    from_snapshots = pt.evaluate(snapshots).table
    pd.testing.assert_frame_equal(from_dir, from_snapshots)


def test_the_seed_example_evaluated_as_a_batch() -> None:
    t = pt.evaluate(pt.example_path("gwangju-seogu")).table
    assert t["as_of"].astype(str).tolist() == ["2023-12-31", "2024-03-31"]
    assert t["kmc_text"].tolist() == ["65.3%", "67.3%"]
    assert t["kmc_change_pp"].tolist() == [None, Fraction(100, 49)]  # 33/49 - 32/49 = 100/49 %p
    assert t["regressions"].tolist()[1] == 1  # 4-1-2: 이행후계속추진 -> 일부추진
    assert t["completed"].tolist() == [1, 1] and t["ongoing"].tolist() == [31, 32]


def test_evaluations_pickle_and_combine_into_the_whole(corpus: Path) -> None:
    whole = evaluate_quietly(corpus, by="field")
    assert pickle.loads(pickle.dumps(whole)) == whole
    first = pt.evaluate(sorted((corpus / "가구").glob("*.csv")), by="field")
    rest = evaluate_quietly([p for p in sorted(corpus.rglob("*.csv")) if p.parent.name != "가구"], 5, by="field")
    combined = pt.Evaluation.combine([rest, first])
    pd.testing.assert_frame_equal(combined.table, whole.table)
    with pytest.raises(pt.PledgeError, match="district '가구' is in parts 1 and 2"):
        pt.Evaluation.combine([first, first])


def test_an_evaluation_keeps_each_text_once_and_refuses_a_state_of_the_old_shape(corpus: Path) -> None:
    core = evaluate_quietly(corpus, by="field")._core
    # Sorted, each once; the groups start with the whole snapshot's "".
    assert core.districts == ["가구", "나구", "다구", "라구"]
    assert core.groups == ["", "경제", "복지"]
    pickle_format, state = core.__getstate__()
    # Before the tables, a state was (criteria, by, rows, problems, files), rows holding their texts.
    old = (pickle_format, (state[1], state[2], [], [], []))
    fresh = pt._core.BatchEvaluation.__new__(pt._core.BatchEvaluation)
    with pytest.raises(pt.PledgeError, match=r"cannot unpickle BatchEvaluation: a state of another format.*evaluate again"):
        fresh.__setstate__(old)


def test_bad_arguments_are_named() -> None:
    with pytest.raises(pt.PledgeError, match="unknown criteria preset.*'kcm'"):
        pt.evaluate(pt.example_path("gwangju-seogu"), criteria="kcm")
    with pytest.raises(ValueError, match="workers"):
        pt.evaluate(pt.example_path("gwangju-seogu"), workers=0)
    with pytest.raises(pt.PledgeError, match="no pledge files match"):
        pt.evaluate("/nonexistent/*.csv")
    assert pt.criteria_presets() == ["kmc", "implementation", "pledge", "mean_progress", "in_term"]


def test_progress_callable_sees_every_file(corpus: Path) -> None:
    seen: list[tuple[int, int]] = []
    evaluate_quietly(corpus, progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (7, 7)


def test_html_repr_names_the_districts_and_the_problems(corpus: Path) -> None:
    result = evaluate_quietly(corpus)
    html = result._repr_html_()
    assert "자치단체 4곳" in html and "가구" in html and "완성" in html
    assert repr(result) == "Evaluation(rows=6, districts=4, criteria=['kmc'], by=[], problems=1)"
    pd.testing.assert_frame_equal(result.to_frame(), result.table)


def test_the_dask_example_gives_exactly_the_table_of_one_machine(corpus: Path) -> None:
    distributed = pytest.importorskip("dask.distributed")
    import importlib.util

    example = Path(__file__).resolve().parents[2] / "examples" / "dask" / "evaluate_with_dask.py"
    spec = importlib.util.spec_from_file_location("evaluate_with_dask", example)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    (corpus / "가구" / "org.csv").write_text("부서,실국\n복지과,복지국\n경제과,경제국\n", encoding="utf-8")
    expected = evaluate_quietly(corpus, by="field", criteria=["kmc", "implementation"])
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, dashboard_address=None, processes=True
    ) as cluster, distributed.Client(cluster) as client:
        assert len(client.scheduler_info()["workers"]) == 2
        result = module.evaluate_with_dask(corpus, client, by="field", criteria=["kmc", "implementation"])
    pd.testing.assert_frame_equal(result.table, expected.table)
    assert [p.message for p in result.problems] == [p.message for p in expected.problems]


def test_cli_batch_writes_the_table_and_exits_1_when_a_file_failed(corpus: Path, tmp_path: Path, capsys) -> None:
    from pledgetrack.cli import main

    out = tmp_path / "table.csv"
    assert main(["batch", str(corpus), "-o", str(out), "--criteria", "kmc,implementation"]) == 1
    err = capsys.readouterr().err
    assert "다구" in err and "2024-06-30.csv" in err and "완성" in err
    table = pd.read_csv(out, dtype={"kmc_change_pp": str})
    expected = evaluate_quietly(corpus, criteria=["kmc", "implementation"]).table
    assert list(table.columns) == list(expected.columns)
    assert table["kmc_change_pp"].tolist()[1] == "25"  # exact, as text
    assert table["kmc_rank"].tolist() == [2, 1, 2, 2, 1, 4]


@pytest.mark.parametrize("suffix", [".json", ".xlsx", ".md"])
def test_cli_batch_formats_by_suffix(tmp_path: Path, suffix: str) -> None:
    from pledgetrack.cli import main

    out = tmp_path / f"table{suffix}"
    seed = str(pt.example_path("gwangju-seogu"))
    assert main(["batch", seed, "-o", str(out), "--by", "field", "--quiet"]) == 0
    if suffix == ".json":
        import json

        rows = json.loads(out.read_text(encoding="utf-8"))
        assert rows[0]["district"] == "광주광역시 서구" and rows[0]["kmc_text"] == "65.3%"
        assert len(rows) == 2 * (1 + 5)  # two snapshots, five fields each
    elif suffix == ".xlsx":
        frame = pd.read_excel(out)
        assert frame["kmc_text"].dropna().tolist()[:1] == ["65.3%"]
    else:
        text = out.read_text(encoding="utf-8")
        assert text.startswith("| district | term | as_of | period | dimension | group |")
        assert "| 67.3% |" in text


def test_cli_batch_usage_errors(tmp_path: Path) -> None:
    from pledgetrack.cli import main

    assert main(["batch", str(tmp_path / "missing")]) == 2
    assert main(["batch", str(pt.example_path("gwangju-seogu")), "-o", str(tmp_path / "t.txt")]) == 2


def test_batch_plots_draw_the_distribution_and_one_district_against_the_others(corpus: Path, tmp_path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    result = evaluate_quietly(corpus, by="field")
    ax = pt.plot_rate_distribution(result, "2024Q1")
    # 2024Q1: 다구 66.7, 가구 50, 나구 50, 라구 25 -> bars of 1 (25-30), 2 (50-55), 1 (65-70).
    heights = {round(p.get_x()): p.get_height() for p in ax.patches if p.get_height()}
    assert heights == {25: 1, 50: 2, 65: 1}
    assert "2024년" not in ax.get_title() and "2024Q1 공약이행완료율 분포 (자치단체 4곳)" == ax.get_title()
    ax.figure.savefig(tmp_path / "distribution.png")
    ax = pt.plot_district_vs_others(result, "가구")
    own = [line for line in ax.get_lines() if line.get_label() == "가구"][0]
    assert list(own.get_ydata()) == [50.0, 75.0]
    ax.figure.savefig(tmp_path / "district.png")
    with pytest.raises(ValueError, match="no district '없는구'"):
        pt.plot_district_vs_others(result, "없는구")


def test_an_org_file_with_a_district_column_serves_many_districts(corpus: Path, tmp_path: Path) -> None:
    orgs = tmp_path / "orgs.csv"
    # 나구 is not in it: its departments stay without a bureau (the files give none).
    orgs.write_text(
        "자치단체,부서,실국\n가구,복지과,복지국\n가구,경제과,경제국\n다구,복지과,행정국\n다구,경제과,행정국\n"
        "라구,복지과,라국\n라구,경제과,라국\n",
        encoding="cp949",
    )
    (corpus / "라구" / "org.csv").write_text("부서,실국\n복지과,자체국\n경제과,자체국\n", encoding="utf-8")
    t = evaluate_quietly(corpus, by="bureau", org=orgs).table
    groups = t[t["dimension"] == "bureau"].groupby("district")["group"].agg(lambda g: sorted(set(g)))
    # 라구's own org.csv wins over its rows in orgs.csv.
    assert groups.to_dict() == {"가구": ["경제국", "복지국"], "나구": [""], "다구": ["행정국"], "라구": ["자체국"]}


def test_cli_batch_takes_an_org_file_with_a_district_column(corpus: Path, tmp_path: Path, capsys) -> None:
    from pledgetrack.cli import main

    orgs = tmp_path / "orgs.csv"
    # 복지과 is in two bureaus, one per district: as one org for all, the file would be refused.
    orgs.write_text("자치단체,부서,실국\n가구,복지과,복지국\n가구,경제과,경제국\n나구,복지과,행정국\n나구,경제과,행정국\n", encoding="utf-8")
    out = tmp_path / "table.csv"
    assert main(["batch", str(corpus), "--by", "bureau", "--org", str(orgs), "-o", str(out), "--quiet"]) == 1
    table = pd.read_csv(out)
    assert sorted(table[(table["district"] == "가구") & (table["dimension"] == "bureau")]["group"].unique()) == [
        "경제국", "복지국"]
    assert "행정국" in set(table[table["district"] == "나구"]["group"])
