import json
import subprocess
import sys
from pathlib import Path

import pytest

from peerlearn.matching.cli import main
from tests.matching.test_benchmark_format import document


@pytest.fixture
def small_file(tmp_path: Path) -> Path:
    path = tmp_path / "small.json"
    path.write_text(json.dumps(document()), encoding="utf-8")
    return path


def test_rank_prints_offers_best_first_with_components(
    small_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["rank", str(small_file), "--top", "3"]) == 0
    ranking = json.loads(capsys.readouterr().out)
    first = ranking["n1"][0]
    assert first["offer"] == "o1" and 0 <= first["score"] <= 1
    assert set(first["components"]) >= {"topic", "text", "concepts", "equivalence"}
    assert "shared language: Arabic" in first["explanation"]


@pytest.mark.parametrize("solver", ["optimal", "fair", "clusters"])
def test_assign_prints_matches_unmatched_and_objective(
    small_file: Path, capsys: pytest.CaptureFixture[str], solver: str
) -> None:
    assert main(["assign", str(small_file), "--solver", solver]) == 0
    result = json.loads(capsys.readouterr().out)
    assert [(m["need"], m["offer"]) for m in result["matches"]] == [("n1", "o1")]
    assert result["unmatched"] == [] and result["objective"] > 0


def test_evaluate_ends_with_the_summary_line(
    small_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["evaluate", str(small_file), "--baseline"]) == 0
    last = capsys.readouterr().out.strip().splitlines()[-1]
    assert last == "MRR=1.000 P@1=1.000 nDCG@5=1.000 assignment=1.000"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "malformed JSON at line 1"),
        (
            json.dumps({**document(), "needs": [{**document()["needs"][0], "languages": []}]}),
            "need n1: field 'languages'",
        ),
        (
            json.dumps({**document(), "offers": [{**document()["offers"][0], "capacity": -2}]}),
            "offer o1: field 'capacity'",
        ),
        (
            json.dumps({**document(), "needs": [{**document()["needs"][0], "topics": ["x.y"]}]}),
            "need n1: field 'topics': unknown topic code 'x.y'",
        ),
    ],
)
def test_bad_input_is_one_line_and_exit_status_two(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, message: str
) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    assert main(["assign", str(path)]) == 2
    error = capsys.readouterr().err
    assert message in error and error.count("\n") == 1


def test_bench_measures_stages_and_baselines(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["bench", "--needs", "60", "--offers", "80", "--loop-size", "40"]) == 0
    output = capsys.readouterr().out
    for expected in (
        "text:",
        "assignment (optimal)",
        "END TO END",
        "linear_sum_assignment",
        "Python loop",
    ):
        assert expected in output


def test_the_engine_never_imports_django() -> None:
    code = (
        "import sys, peerlearn.matching, peerlearn.matching.cli, peerlearn.matching.bench, "
        "peerlearn.matching.evaluation; "
        "sys.exit(any(name == 'django' or name.startswith('django.') for name in sys.modules))"
    )
    # The interpreter running the tests, with a fixed program: nothing untrusted.
    completed = subprocess.run([sys.executable, "-c", code], check=False)  # noqa: S603
    assert completed.returncode == 0
