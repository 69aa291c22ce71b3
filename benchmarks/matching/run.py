"""Reproduce the matching figures: quality on the development set, then `bench` at
1k x 1k, 10k x 10k and 50k x 100k, each size in its own process (so that its peak
memory is its own).  Prints everything and a summary table; asserts nothing.

    .venv/bin/python benchmarks/matching/run.py [--dev ../shared/bench/matching/dev.json]
        [--sizes 1000x1000,10000x10000,50000x100000] [--out results.txt]
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DEV = ROOT.parent / "shared" / "bench" / "matching" / "dev.json"
COMMAND = [sys.executable, "-m", "peerlearn.matching.cli"]


def run(arguments: list[str]) -> str:
    started = time.perf_counter()
    # Our own CLI, run with this interpreter; the arguments are ours too.
    completed = subprocess.run(  # noqa: S603
        COMMAND + arguments, capture_output=True, text=True, check=False, cwd=ROOT
    )
    output = completed.stdout + completed.stderr
    elapsed = time.perf_counter() - started
    return f"$ peerlearn-match {' '.join(arguments)}   ({elapsed:.0f} s)\n{output}"


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--dev", type=Path, default=DEFAULT_DEV)
    options.add_argument("--sizes", default="1000x1000,10000x10000,50000x100000")
    options.add_argument("--out", type=Path, default=None)
    arguments = options.parse_args()
    reports: list[str] = []
    if arguments.dev.exists():
        reports.append(run(["evaluate", str(arguments.dev), "--baseline"]))
        print(reports[-1], flush=True)
    summary = ["needs x offers | end-to-end wall s | cpu s | peak MB | LSA ratio"]
    for size in arguments.sizes.split(","):
        needs, offers = size.split("x")
        reports.append(run(["bench", "--needs", needs, "--offers", offers]))
        print(reports[-1], flush=True)
        end = re.search(r"END TO END.*?\s+([\d.]+)\s+([\d.]+)\s+(\d+)", reports[-1])
        ratio = re.search(r"ratio to linear_sum_assignment ([\d.]+)x", reports[-1])
        if end:
            summary.append(
                f"{int(needs):,} x {int(offers):,} | {end.group(1)} | {end.group(2)} | "
                f"{end.group(3)} | {ratio.group(1) if ratio else '-'}"
            )
    print("\n".join(summary))
    if arguments.out:
        arguments.out.write_text(
            "\n\n".join([*reports, "\n".join(summary)]) + "\n", encoding="utf-8"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
