"""Compare the benchmarks of this checkout with those of an earlier commit, on the same machine.

Each benchmark runs on both trees in turn, ``--rounds`` times, and the best (lowest) figure of
each measured line is kept, which takes most of the noise of a busy machine out. A line that
got more than ``--tolerance`` percent slower is marked; the exit status is 1 when any is.

    .venv/bin/python bench/compare.py e011db5             # every benchmark, medium data
    .venv/bin/python bench/compare.py e011db5 --only bench_calendar.py --rounds 3

The earlier tree is checked out in a temporary git worktree with its own ``make setup``.
"""

import argparse
import re
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# Medium data: big enough to show a regression, small enough to run both trees twice.
ARGUMENTS = {
    "bench_relations.py": "--organisations 2000 --people 5000 --projects 300 --activities 3000 "
    "--interactions 1000 --repeat 10 --export-repeat 1",
    "bench_registry_pages.py": "--organisations 1000 --projects 500 --activities 10000 --repeat 10",
    "bench_calendar.py": "--public 2000 --others 8000 --repeat 5 --no-radicale",
    "bench_indicators.py": "--projects 1000 --activities 10000 --repeat 3",
    "bench_worst_rules.py": "--activities 2000 --copies 5 --repeat 5",
    "bench_personal_data.py": "--organisations 2000 --people 5000 --activities 5000 --repeat 3",
}
# "label   12.3 ms ..." or "label   1.44 s": the label, then the first figure.
FIGURE = re.compile(r"^(?P<label>[A-Za-z].*?)\s{2,}(?P<value>\d+(?:\.\d+)?)\s*(?P<unit>ms|s)?\b")
HEADERS = ("database", "data:", "sqlite", "measurement", "page ", "step ", "what ", "request")


def figures(output: str) -> dict[str, float]:
    found = {}
    for line in output.splitlines():
        match = FIGURE.match(line)
        if match and not line.startswith(HEADERS):
            value = float(match["value"]) * (1000 if match["unit"] == "s" else 1)
            found[match["label"].strip()] = value
    return found


def run(tree: Path, script: str) -> str:
    command = [str(tree / ".venv/bin/python"), f"bench/{script}", *ARGUMENTS[script].split()]
    done = subprocess.run(command, cwd=tree, capture_output=True, text=True, check=True)
    return done.stdout


def compare(old_tree: Path, scripts: list[str], rounds: int, tolerance: float) -> bool:
    slower = False
    for script in scripts:
        best: dict[str, dict[str, float]] = defaultdict(dict)
        for _round in range(rounds):
            for name, tree in (("old", old_tree), ("new", REPO)):
                for label, value in figures(run(tree, script)).items():
                    best[label][name] = min(value, best[label].get(name, value))
        print(f"== {script}")
        for label, values in best.items():
            if {"old", "new"} <= values.keys() and values["old"] > 0:
                change = 100 * (values["new"] - values["old"]) / values["old"]
                mark = "  <-- slower" if change > tolerance else ""
                slower = slower or bool(mark)
                old, new = values["old"], values["new"]
                print(f"  {label[:52]:52} {old:9.1f} {new:9.1f} {change:+6.0f}%{mark}")
    return slower


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ref", help="the earlier commit, e.g. e011db5 or main~10")
    parser.add_argument("--only", action="append", choices=sorted(ARGUMENTS))
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--tolerance", type=float, default=10.0, help="percent")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kennisstad-bench-") as temporary:
        old_tree = Path(temporary) / "old"
        subprocess.run(
            ["git", "worktree", "add", "-q", str(old_tree), options.ref], cwd=REPO, check=True
        )
        try:
            subprocess.run(["make", "-s", "setup"], cwd=old_tree, check=True, capture_output=True)
            scripts = options.only or sorted(ARGUMENTS)
            return 1 if compare(old_tree, scripts, options.rounds, options.tolerance) else 0
        finally:
            subprocess.run(
                ["git", "worktree", "remove", "--force", str(old_tree)], cwd=REPO, check=False
            )


if __name__ == "__main__":
    sys.exit(main())
