#!/usr/bin/env python3
"""Throughput and peak memory of `ridgelasso stats` on a CSV streamed from standard input.

A generated CSV (generate.c: ROWS rows, COLS features and a target, a pool of seeded random
rows; never written to disk) is piped into

  A  ridgelasso stats - --output /dev/null --parse-only   (the CSV reader alone, same pipeline)
  B  ridgelasso stats - --output S.rlstats                 (parse + SufficientStatistics)

interleaved A, B, A, B … for --rounds rounds. Each run's wall time and peak RSS come from
/usr/bin/time -v around ridgelasso alone (the generator runs beside it and is ~5x faster than
the parse). Reports the medians (min–max) of MB/s, the ratio B/A of each round, and the peak
RSS of B at --small-rows and ROWS (memory must not grow with the rows).

  python3 Benchmarks/stats-throughput/run.py --binary .build/release/ridgelasso

On a shared machine, run it under the lock the other jobs wait for, e.g.
  flock /tmp/ridgelasso-build.lock bash -c \
    'touch /tmp/ridgelasso-quiet; trap "rm -f /tmp/ridgelasso-quiet" EXIT; python3 Benchmarks/stats-throughput/run.py'
"""
import argparse, os, re, statistics, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def run(binary, generator, rows, cols, parse_only, output):
    extra = ["--parse-only"] if parse_only else []
    gen = subprocess.Popen([generator, str(rows), str(cols)], stdout=subprocess.PIPE)
    timed = subprocess.run(["/usr/bin/time", "-v", binary, "stats", "-", "--output", output] + extra,
                           stdin=gen.stdout, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    gen.stdout.close()
    gen.wait()
    if timed.returncode != 0 or gen.returncode != 0:
        sys.exit(f"run failed ({timed.returncode}, generator {gen.returncode}): {timed.stderr[-500:]}")
    text = timed.stderr
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", text).group(1)
    parts = [float(p) for p in wall.split(":")]
    seconds = parts[-1] + 60 * parts[-2] + (3600 * parts[-3] if len(parts) > 2 else 0)
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1))
    return seconds, rss


def spread(values):
    return f"{statistics.median(values):.3g} ({min(values):.3g}–{max(values):.3g})"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--binary", default=".build/release/ridgelasso")
    ap.add_argument("--rows", type=int, default=4_000_000)
    ap.add_argument("--small-rows", type=int, default=1_000_000)
    ap.add_argument("--cols", type=int, default=100)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    work = tempfile.mkdtemp(prefix="stats-throughput-")
    generator = os.path.join(work, "generate")
    subprocess.run(["cc", "-O2", "-o", generator, os.path.join(HERE, "generate.c")], check=True)
    size = 0
    with subprocess.Popen([generator, str(args.rows), str(args.cols)], stdout=subprocess.PIPE) as gen:
        while chunk := gen.stdout.read(1 << 22):
            size += len(chunk)
    output = os.path.join(work, "S.rlstats")
    parse, stats, ratios, rss = [], [], [], []
    for _ in range(args.rounds):
        a, _ = run(args.binary, generator, args.rows, args.cols, True, os.devnull)
        b, m = run(args.binary, generator, args.rows, args.cols, False, output)
        parse.append(size / a / 1e6)
        stats.append(size / b / 1e6)
        ratios.append(a / b)
        rss.append(m)
    small = [run(args.binary, generator, args.small_rows, args.cols, False, output)[1] for _ in range(2)]
    print(f"input: {args.rows} rows x {args.cols} features + target, {size / 1e6:.0f} MB from stdin; {args.rounds} interleaved rounds")
    print(f"| run | MB/s median (min–max) |\n|---|---|")
    print(f"| parse only (`--parse-only`) | {spread(parse)} |")
    print(f"| stats | {spread(stats)} |")
    print(f"\nstats / parse throughput per round: {', '.join(f'{r:.3f}' for r in ratios)} (median {statistics.median(ratios):.3f})")
    print(f"peak RSS of stats: {max(small) / 1024:.1f} MiB at {args.small_rows} rows, "
          f"{max(rss) / 1024:.1f} MiB at {args.rows} rows (ratio {max(rss) / max(small):.3f})")


if __name__ == "__main__":
    main()
