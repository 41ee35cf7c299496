#!/usr/bin/env python3
"""RidgeLasso under different OpenBLAS kernels, interleaved.

OpenBLAS reads OPENBLAS_CORETYPE once, when it loads, so each kernel setting needs its own
process. This script runs `ridgelasso-benchmark --task blas-kernels` (dgemm, dsyrk, exact ridge,
the lasso rows of the scikit-learn comparison) and two `ridgelasso` commands on a generated CSV
once per setting, alternating the settings in every round (A, B, C, A, B, C, ...), so that load
on a shared machine hits every setting alike. It reports per row the median time of each
setting with its range, and the median (and range) of the per-round ratios to a baseline.

Settings (--settings picks some, in this order):
  prescott   OPENBLAS_CORETYPE=Prescott: the generic kernels OpenBLAS 0.3.21 falls back to on a
             CPU it does not know (what such a machine ran before RidgeLasso chose)
  fallback   OPENBLAS_CORETYPE unset, and RidgeLasso told that OpenBLAS detected Prescott
             (RIDGELASSO_KERNELS_ASSUME_DETECTED): the executables start themselves again with
             the kernels they choose, as on a machine where the fallback really happens
  detected   OPENBLAS_CORETYPE unset, RIDGELASSO_KERNELS=detected: OpenBLAS's own detection
  skylakex   OPENBLAS_CORETYPE=SkylakeX
  haswell    OPENBLAS_CORETYPE=Haswell

Usage (release build first: swift build -c release):
  python3 Benchmarks/compare/kernels_compare.py [--rounds 5] [--repeats 3] [--quick]
      [--settings prescott,fallback,detected,skylakex,haswell] [--baseline skylakex]
      [--markdown FILE.md]
"""
import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time

SETTINGS = {
    "prescott": {"OPENBLAS_CORETYPE": "Prescott"},
    "fallback": {"RIDGELASSO_KERNELS_ASSUME_DETECTED": "Prescott"},
    "detected": {"RIDGELASSO_KERNELS": "detected"},
    "skylakex": {"OPENBLAS_CORETYPE": "SkylakeX"},
    "haswell": {"OPENBLAS_CORETYPE": "Haswell"},
}
STEERING = ["OPENBLAS_CORETYPE", "RIDGELASSO_KERNELS", "RIDGELASSO_KERNELS_ASSUME_DETECTED",
            "RIDGELASSO_KERNELS_REPLACED"]


def environment(setting):
    env = {k: v for k, v in os.environ.items() if k not in STEERING}
    env.update(SETTINGS[setting])
    return env


def run(command, env):
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"kernels_compare: {' '.join(command)} failed: {result.stderr.strip()}")
    return result.stdout


def write_csv(path, rows, columns, seed=5):
    """AR(1) features (rho 0.5), 20 true coefficients, noise 2: the comparison's kind of data."""
    rng = random.Random(seed)
    beta = [0.0] * columns
    for t in range(min(20, columns)):
        beta[(t * columns) // 20] = rng.choice([-1.0, 1.0])
    innovation = (1 - 0.25) ** 0.5
    with open(path, "w") as f:
        f.write(",".join(f"x{j}" for j in range(columns)) + ",y\n")
        for _ in range(rows):
            x = [rng.gauss(0, 1)]
            for _ in range(1, columns):
                x.append(0.5 * x[-1] + innovation * rng.gauss(0, 1))
            y = 3 + sum(b * v for b, v in zip(beta, x) if b) + 2 * rng.gauss(0, 1)
            f.write(",".join(f"{v:.17g}" for v in x) + f",{y:.17g}\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--repeats", type=int, default=3, help="timings per process (median)")
    parser.add_argument("--quick", action="store_true", help="sizes divided by 10")
    parser.add_argument("--settings", default="prescott,fallback,detected,skylakex,haswell")
    parser.add_argument("--baseline", default="skylakex")
    parser.add_argument("--bin", default=".build/release")
    parser.add_argument("--markdown", help="also write the table as Markdown to this file")
    args = parser.parse_args()
    settings = args.settings.split(",")
    for s in settings:
        if s not in SETTINGS:
            sys.exit(f"kernels_compare: unknown setting {s}; known: {', '.join(SETTINGS)}")
    if args.baseline not in settings:
        sys.exit(f"kernels_compare: the baseline {args.baseline} is not among --settings")
    bench = os.path.join(args.bin, "ridgelasso-benchmark")
    cli = os.path.join(args.bin, "ridgelasso")

    print(run([cli, "--version"], environment("detected")).strip())
    for s in settings:
        summary = run([cli, "blas"], environment(s)).splitlines()[0]
        print(f"{s:9s} {summary}")

    rows_n, cols = (2000, 50) if args.quick else (20000, 100)
    scratch = tempfile.mkdtemp(prefix="kernels-compare-")
    data = os.path.join(scratch, "ar1.csv")
    write_csv(data, rows_n, cols)
    cli_rows = {
        f"CLI fit ridge {rows_n}×{cols} CSV": [cli, "fit", "--model", "ridge", "--alpha", "1", data],
        f"CLI path lasso {rows_n}×{cols} CSV": [cli, "path", "--model", "lasso", data],
    }

    times = {}  # (row, setting) -> [seconds per round]
    order = []
    for r in range(args.rounds):
        for s in settings:
            env = environment(s)
            command = [bench, "--task", "blas-kernels", "--repeats", str(args.repeats)]
            if args.quick:
                command.insert(1, "--quick")
            for line in run(command, env).splitlines():
                if line.startswith("row\t"):
                    _, name, seconds = line.split("\t")
                    times.setdefault((name, s), []).append(float(seconds))
                    if name not in order:
                        order.append(name)
            for name, command in cli_rows.items():
                samples = []
                for _ in range(args.repeats):
                    start = time.perf_counter()
                    run(command, env)
                    samples.append(time.perf_counter() - start)
                times.setdefault((name, s), []).append(statistics.median(samples))
                if name not in order:
                    order.append(name)
        print(f"round {r + 1}/{args.rounds} done", file=sys.stderr)
    os.remove(data)
    os.rmdir(scratch)

    def fmt(seconds):
        return f"{seconds * 1e3:.1f} ms" if seconds < 1 else f"{seconds:.3f} s"

    header = ["row"] + [f"{s} median (range)" for s in settings] + \
        [f"{s}/{args.baseline} median (range)" for s in settings if s != args.baseline]
    lines = [header]
    for name in order:
        cells = [name]
        for s in settings:
            v = times[(name, s)]
            cells.append(f"{fmt(statistics.median(v))} ({fmt(min(v))}–{fmt(max(v))})")
        base = times[(name, args.baseline)]
        for s in settings:
            if s == args.baseline:
                continue
            ratios = [a / b for a, b in zip(times[(name, s)], base)]
            cells.append(f"{statistics.median(ratios):.2f} ({min(ratios):.2f}–{max(ratios):.2f})")
        lines.append(cells)
    widths = [max(len(row[i]) for row in lines) for i in range(len(header))]
    print(f"\n{args.rounds} interleaved rounds, each a median of {args.repeats} in one process")
    for row in lines:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths)))
    if args.markdown:
        text = "| " + " | ".join(header) + " |\n|" + "---|" * len(header) + "\n"
        text += "".join("| " + " | ".join(row) + " |\n" for row in lines[1:])
        temporary = args.markdown + ".tmp"
        with open(temporary, "w") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(temporary, args.markdown)


if __name__ == "__main__":
    main()
