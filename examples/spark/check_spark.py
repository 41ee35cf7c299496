"""`make test-spark`: the Spark job of ridgelasso_spark.py in local[2] mode against the
single-machine `ridgelasso fit` on the concatenated CSV.

Generated data (seeded): CSV parts of different lengths, one with a header and no rows (an empty
partition), a weight column and a feature offset by 1e6 (a timestamp-like column). Checked:
- ridge with and without intercept: coefficients and intercept within 1e-10 relative of the fit
  on the rows (both solve the same normal equations; only the summation order differs);
- elastic net (when this build's `fit --stats` has it): within 1e-8 relative, the coordinate
  descent stopping at a duality gap of 1e-12 relative on both sides;
- the tree of merges on the executors (fan-in 2) and the merge on the driver alone (fan-in 8)
  give the same fit to 1e-13;
- a bad row in one part fails the job: the piped command's exit status 1 fails its task.
Prints one line per check and the closing line `N passed, N failed`; exits 1 on any failure.
"""
import json
import os
import subprocess
import sys
import tempfile

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import ridgelasso_spark as job  # noqa: E402

HEADER = "x1,x2,x3,x4,t,w,y"


def rows(count, random):
    x = random.standard_normal((count, 4))
    t = 1e6 + random.uniform(0, 1000, count)
    w = random.uniform(0.5, 2.0, count)
    y = 3 + x @ [1.5, -2.0, 0.0, 0.25] + 0.01 * (t - 1e6) + 0.5 * random.standard_normal(count)
    return [",".join(repr(float(v)) for v in (*xi, ti, wi, yi)) for xi, ti, wi, yi in zip(x, t, w, y)]


def write_data(directory):
    random = np.random.default_rng(20240611)
    parts = [rows(n, random) for n in (1200, 0, 3100, 700, 2000)]
    data = os.path.join(directory, "parts")
    os.mkdir(data)
    for k, part in enumerate(parts):
        with open(os.path.join(data, f"part-{k:05d}.csv"), "w") as f:
            f.write("\n".join([HEADER, *part]) + "\n")
    whole = os.path.join(directory, "all.csv")
    with open(whole, "w") as f:
        f.write("\n".join([HEADER] + [r for part in parts for r in part]) + "\n")
    return data, whole


def ridgelasso(binary, arguments):
    done = subprocess.run([binary, *arguments], capture_output=True, text=True)
    return done.returncode, done.stdout, done.stderr.strip()


def relative_difference(a, b):
    """max |a − b| over coefficients and intercept, relative to the largest |b|."""
    x = np.array(a["coefficients"] + [a["intercept"]])
    y = np.array(b["coefficients"] + [b["intercept"]])
    return float(np.max(np.abs(x - y)) / np.max(np.abs(y)))


def main():
    binary = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else ".build/release/ridgelasso")
    from pyspark import SparkConf, SparkContext
    conf = (SparkConf().setMaster("local[2]").setAppName("ridgelasso-test-spark")
            .set("spark.ui.enabled", "false").set("spark.ui.showConsoleProgress", "false"))
    sc = SparkContext(conf=conf)
    sc.setLogLevel("ERROR")
    sc.addFile(binary)
    sc.addPyFile(job.__file__)   # the executors unpickle this module's functions by name
    name = os.path.basename(binary)
    passed = failed = 0

    def check(ok, what):
        nonlocal passed, failed
        passed, failed = passed + ok, failed + (not ok)
        print(f"{'ok  ' if ok else 'FAIL'} {what}", flush=True)

    with tempfile.TemporaryDirectory(prefix="ridgelasso-spark-") as directory:
        data, whole = write_data(directory)
        parts = job.partition_statistics(sc, name, data, target="y", weights="w")
        statistics = job.tree_merge(sc, name, binary, parts, fan_in=2)
        check(parts.getNumPartitions() >= 5, f"{parts.getNumPartitions()} partitions, one of them empty, merged in a tree of fan-in 2")
        wide = job.tree_merge(sc, name, binary, parts, fan_in=8)   # 5 parts: all merged on the driver
        ridge = ["fit", "--model", "ridge", "--alpha", "2.5"]
        difference = relative_difference(json.loads(job.fit(binary, wide, ridge)), json.loads(job.fit(binary, statistics, ridge)))
        check(difference <= 1e-13, f"the driver-only merge (fan-in 8) fits as the tree does: {difference:.1e} relative (≤ 1e-13)")
        header = json.loads(statistics[24:24 + int.from_bytes(statistics[12:16], "little")])
        check(header["rows"] == 7000 and header["weighted"], f"merged statistics hold {header['rows']} weighted rows")

        fits = [("ridge", ["--model", "ridge", "--alpha", "2.5"], 1e-10),
                ("ridge, no intercept", ["--model", "ridge", "--alpha", "2.5", "--no-intercept"], 1e-10),
                ("elastic net", ["--model", "elasticnet", "--alpha", "0.05", "--l1-ratio", "0.5", "--tol", "1e-12"], 1e-8)]
        for what, arguments, tolerance in fits:
            status, out, err = ridgelasso(binary, ["fit", *arguments, "--target", "y", "--weights", "w", whole])
            if status != 0:
                check(False, f"{what}: fit on the CSV failed: {err}")
                continue
            try:
                spark = json.loads(job.fit(binary, statistics, ["fit", *arguments]))
            except RuntimeError as error:
                if "--stats supports --model ridge only" in str(error):
                    print(f"skip {what} from statistics: not available in this build ({error})")
                    continue
                check(False, f"{what}: fit --stats failed: {error}")
                continue
            difference = relative_difference(spark, json.loads(out))
            check(difference <= tolerance, f"{what}: Spark pipeline vs fit on the rows, {difference:.1e} relative (≤ {tolerance:g})")

        bad = os.path.join(directory, "bad")
        os.mkdir(bad)
        with open(os.path.join(bad, "part-00000.csv"), "w") as f:
            f.write(f"{HEADER}\n1,2,3,4,5,1,6\n1,2,oops,4,5,1,6\n")
        sc.setLogLevel("OFF")   # the failing task's traceback; ridgelasso's own line still shows
        try:
            job.tree_merge(sc, name, binary, job.partition_statistics(sc, name, bad, target="y", weights="w"))
            check(False, "a bad row fails the job")
        except Exception as error:  # py4j wraps the executor's PySparkRuntimeError
            check("Subprocess exited with status 1" in str(error),
                  "a bad row fails the job (the piped command exited with status 1)")
        sc.setLogLevel("ERROR")
    sc.stop()
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
