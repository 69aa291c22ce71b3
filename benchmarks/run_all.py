"""Every benchmark of the project, one after the other, each in its own process
(so that its time and peak memory are its own). Prints their figures; asserts
nothing. Full sizes take a while: matching up to 50k x 100k, the directory at
20k local governments x 100k people, the matching console at 5k x 5k.

    .venv/bin/python benchmarks/run_all.py [--quick]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

FULL = [
    ["benchmarks/matching/run.py"],
    ["benchmarks/directory/pages.py", "--local-governments", "20000", "--people", "100000"],
    ["benchmarks/exchanges/console.py", "--needs", "5000", "--offers", "5000"],
]
QUICK = [
    ["benchmarks/matching/run.py", "--sizes", "1000x1000"],
    ["benchmarks/directory/pages.py", "--local-governments", "2000", "--people", "10000"],
    ["benchmarks/exchanges/console.py", "--needs", "500", "--offers", "500"],
]


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--quick", action="store_true", help="small sizes, a few minutes")
    failed = 0
    for command in QUICK if options.parse_args().quick else FULL:
        print(f"\n$ python {' '.join(command)}", flush=True)
        # Our own scripts, run with this interpreter.
        failed += subprocess.run([sys.executable, *command], cwd=ROOT, check=False).returncode != 0  # noqa: S603
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
