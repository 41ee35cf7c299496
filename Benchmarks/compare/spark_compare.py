"""RidgeLasso's Spark pipeline (examples/spark) against Spark MLlib's LinearRegression, in one
local[2] Spark application, on the same CSV parts: correct digits against the exact solution, and
wall time from the CSV directory to the coefficients.

    swift build -c release --product ridgelasso
    python3 Benchmarks/compare/spark_compare.py [--rows 60000] [--repeats 5] [--output FILE.md]

Installs pyspark (PyPI, the version make test-spark pins) and Java 17 (Debian) when missing.

The problems are identical. MLlib's normal-equation solver (WeightedLeastSquares, called with
standardizeLabel = true) minimizes, with standardization = false, δ the population standard
deviation of y, λ = regParam and a = elasticNetParam,

    1/(2n) ‖y − Xw − b‖² + λ a ‖w‖₁ + (λ (1 − a) / δ) / 2 ‖w‖²

(the label is scaled by 1/δ inside and the L2 weight is not scaled back, as in glmnet). So:
- ridge (a = 0) is RidgeLasso's ‖y − Xw − b‖² + α‖w‖² with α = nλ/δ;
- elastic net is RidgeLasso's (scikit-learn's) 1/(2n)‖y − Xw − b‖² + α r‖w‖₁ + α(1 − r)/2 ‖w‖²
  with α r = λ a and α (1 − r) = λ (1 − a)/δ.

The exact solution: the CSV's decimal strings are parsed to float64, then everything is exact
rational arithmetic on those values (Python integers and fractions): the centered Gram matrix
and Xᵀy, the ridge system, and the elastic net's linear system on its active set with signs taken
from an approximate fit and then certified by the exact KKT conditions. Digits =
−log10(max_j |w_j − w*_j| / max_j |w*_j|), capped at 16.

Feature columns are offset by 0, 1e4, 1e6 and 1e8 (timestamps sit near 1.7e9, years near 2e3);
y is not offset. Times are medians over interleaved rounds (RidgeLasso ridge, MLlib ridge,
RidgeLasso elastic net, MLlib elastic net, then again), with the spread and the paired ratios.
"""
import argparse
import json
import math
import os
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from fractions import Fraction

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(ROOT, "examples", "spark"))
from interleave import ensure_installed, interleaved, ratio_summary, format_ratio, release_binary  # noqa: E402


def pinned_pyspark():
    """`pyspark==V` with V the version scripts/test-spark.sh pins, so both install the same."""
    with open(os.path.join(ROOT, "scripts", "test-spark.sh")) as f:
        version = next(line.split("=", 1)[1].strip() for line in f if line.startswith("PYSPARK_VERSION="))
    return f"pyspark=={version}"


P = 12
OFFSETS = [0.0, 1e4, 1e6, 1e8]
REG = 0.05          # MLlib regParam λ
EN_MIX = 0.5        # MLlib elasticNetParam a


def generate(directory, rows, offset, parts, seed=7):
    """CSV parts x1…x12,y: features N(0, s_j²) + offset, s_j from 0.5 to 3; y linear in the
    centered features with four zero coefficients, plus noise. Returns the directory."""
    import numpy as np
    random = np.random.default_rng(seed)
    scales = np.linspace(0.5, 3.0, P)
    z = random.standard_normal((rows, P)) * scales
    beta = np.array([1.5, -2.0, 0.0, 0.8, 0.0, -1.2, 0.6, 0.0, 2.2, -0.7, 0.0, 1.0])
    y = 4.0 + z @ beta + random.standard_normal(rows)
    x = z + offset
    path = os.path.join(directory, f"offset-{offset:g}")
    os.makedirs(path, exist_ok=True)
    header = ",".join([f"x{j + 1}" for j in range(P)] + ["y"])
    bounds = [round(k * rows / parts) for k in range(parts + 1)]
    for k in range(parts):
        with open(os.path.join(path, f"part-{k:05d}.csv"), "w") as f:
            f.write(header + "\n")
            for i in range(bounds[k], bounds[k + 1]):
                f.write(",".join(repr(float(v)) for v in x[i]) + "," + repr(float(y[i])) + "\n")
    return path


def read_parts(path):
    """The float64 rows of every part, in file order, as read back from the decimal text."""
    rows = []
    for name in sorted(os.listdir(path)):
        with open(os.path.join(path, name)) as f:
            next(f)
            rows.extend([float(v) for v in line.split(",")] for line in f if line.strip())
    return rows


class ExactProblem:
    """Centered Gram matrix G = XcᵀXc, c = Xcᵀyc and Σyc² of float64 data, exactly (Fractions)."""

    def __init__(self, rows):
        n, d = len(rows), len(rows[0])
        # Each column as integers times 2^e_j (exact: every float64 is an integer times a power of 2).
        exps = [min(math.frexp(r[j])[1] - 53 for r in rows if r[j] != 0) for j in range(d)]
        cols = [[int(Fraction(r[j]) / Fraction(2) ** exps[j]) for r in rows] for j in range(d)]
        sums = [sum(c) for c in cols]
        self.n = n

        def centered(j, k):
            s = sum(a * b for a, b in zip(cols[j], cols[k]))
            return Fraction(s * n - sums[j] * sums[k], n) * Fraction(2) ** (exps[j] + exps[k])

        self.G = [[None] * (d - 1) for _ in range(d - 1)]
        for j in range(d - 1):
            for k in range(j, d - 1):
                self.G[j][k] = self.G[k][j] = centered(j, k)
        self.c = [centered(j, d - 1) for j in range(d - 1)]
        self.yy = centered(d - 1, d - 1)
        self.label_sd = math.sqrt(self.yy / n)   # δ: population standard deviation of y

    @staticmethod
    def solve(A, b):
        """Gaussian elimination in exact arithmetic."""
        m = len(b)
        M = [list(A[i]) + [b[i]] for i in range(m)]
        for col in range(m):
            pivot = next(r for r in range(col, m) if M[r][col] != 0)
            M[col], M[pivot] = M[pivot], M[col]
            for r in range(m):
                if r != col and M[r][col] != 0:
                    f = M[r][col] / M[col][col]
                    M[r] = [a - f * c for a, c in zip(M[r], M[col])]
        return [M[i][m] / M[i][i] for i in range(m)]

    def ridge(self, alpha):
        """argmin ‖yc − Xc w‖² + α‖w‖², exactly."""
        a = Fraction(alpha)
        return self.solve([[g + (a if i == j else 0) for j, g in enumerate(row)] for i, row in enumerate(self.G)], self.c)

    def elastic_net(self, alpha, l1_ratio):
        """argmin 1/(2n)‖yc − Xc w‖² + α r‖w‖₁ + α(1−r)/2 ‖w‖², exactly: the linear system on the
        active set and signs of a float64 coordinate descent on the exact G/n and c/n, certified
        by the exact KKT conditions (None when they fail)."""
        n = self.n
        G = [[float(g / n) for g in row] for row in self.G]
        c = [float(v / n) for v in self.c]
        approximate = [0.0] * len(c)
        for _ in range(20000):
            largest = 0.0
            for j in range(len(c)):
                z = c[j] - sum(G[j][k] * approximate[k] for k in range(len(c)) if k != j)
                new = math.copysign(max(abs(z) - alpha * l1_ratio, 0.0), z) / (G[j][j] + alpha * (1 - l1_ratio))
                largest, approximate[j] = max(largest, abs(new - approximate[j])), new
            if largest < 1e-15:
                break
        n, l1, l2 = self.n, Fraction(alpha) * Fraction(l1_ratio), Fraction(alpha) * (1 - Fraction(l1_ratio))
        active = [j for j, v in enumerate(approximate) if v != 0]
        signs = {j: 1 if approximate[j] > 0 else -1 for j in active}
        A = [[self.G[i][j] / n + (l2 if i == j else 0) for j in active] for i in active]
        b = [self.c[i] / n - l1 * signs[i] for i in active]
        w = [Fraction(0)] * len(self.c)
        for j, v in zip(active, self.solve(A, b)):
            w[j] = v
        for j in range(len(w)):
            gradient = self.c[j] / n - sum(self.G[j][k] * w[k] for k in active) / n - l2 * w[j]
            if j in signs and (w[j] * signs[j] <= 0 or gradient != l1 * signs[j]):
                return None
            if j not in signs and abs(gradient) > l1:
                return None
        return w


def digits(w, exact):
    """Correct digits of `w` as text: −log10(max error / max |w*|), capped at 16; "none" with the
    error's size when it exceeds the coefficients themselves."""
    scale = max(abs(float(v)) for v in exact)
    error = max(abs(float(Fraction(a) - b)) for a, b in zip(w, exact)) / scale
    d = 16.0 if error == 0 else min(16.0, -math.log10(error))
    return f"{d:.1f}" if d >= 0 else f"none (error {error:.0e} × max abs w*)"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=60000)
    parser.add_argument("--parts", type=int, default=4)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--output", help="also write the report (markdown) to this file")
    parser.add_argument("--binary", help="the ridgelasso executable (default: this checkout's release build)")
    options = parser.parse_args()

    if subprocess.run(["sh", "-c", "command -v java"], capture_output=True).returncode != 0:
        ensure_installed(debian=["openjdk-17-jre-headless"])
    ensure_installed(python=[("pyspark", pinned_pyspark()), ("numpy", "numpy")])
    binary = os.path.abspath(options.binary) if options.binary else release_binary("ridgelasso")
    if binary is None:
        sys.exit("spark_compare: build ridgelasso first: swift build -c release --product ridgelasso")
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")   # loopback only
    import pyspark
    from pyspark import SparkConf
    from pyspark.sql import SparkSession
    from pyspark.sql.types import StructType, StructField, DoubleType
    from pyspark.ml.feature import VectorAssembler
    from pyspark.ml.regression import LinearRegression
    import ridgelasso_spark as job

    spark = (SparkSession.builder.config(conf=SparkConf().setMaster("local[2]").setAppName("spark-compare")
             .set("spark.ui.enabled", "false").set("spark.ui.showConsoleProgress", "false")).getOrCreate())
    sc = spark.sparkContext
    sc.setLogLevel("ERROR")
    sc.addFile(binary)
    sc.addPyFile(job.__file__)   # the executors unpickle this module's functions by name
    name = os.path.basename(binary)
    schema = StructType([StructField(f"x{j + 1}", DoubleType()) for j in range(P)] + [StructField("y", DoubleType())])
    features = [f"x{j + 1}" for j in range(P)]

    def ridgelasso_fit(path, arguments):
        statistics_ = job.tree_merge(sc, name, binary, job.partition_statistics(sc, name, path, target="y"))
        return json.loads(job.fit(binary, statistics_, ["fit", *arguments]))["coefficients"]

    def mllib_fit(path, reg, mix):
        frame = VectorAssembler(inputCols=features, outputCol="features").transform(
            spark.read.csv(path, header=True, schema=schema))
        model = LinearRegression(solver="normal", regParam=reg, elasticNetParam=mix, standardization=False,
                                 fitIntercept=True, maxIter=1000, tol=1e-12, labelCol="y").fit(frame)
        return list(model.coefficients.toArray())

    def attempt(fn, *args):
        try:
            return fn(*args), None
        except Exception as error:   # a missing command, MLlib's own failure: reported, not fatal
            return None, str(error).strip().splitlines()[0][:160]

    report = []
    log = lambda text: print(text, file=sys.stderr, flush=True)
    with tempfile.TemporaryDirectory(prefix="spark-compare-") as directory:
        rows_digits = []
        timing_path = timing_args = None
        for offset in OFFSETS:
            path = generate(directory, options.rows, offset, options.parts)
            log(f"offset {offset:g}: exact reference")
            exact = ExactProblem(read_parts(path))
            n, delta = exact.n, exact.label_sd
            ridge_alpha = n * REG / delta
            en_alpha = REG * EN_MIX + REG * (1 - EN_MIX) / delta
            en_ratio = REG * EN_MIX / en_alpha
            ridge_args = ["--model", "ridge", "--alpha", repr(ridge_alpha)]
            en_args = ["--model", "elasticnet", "--alpha", repr(en_alpha), "--l1-ratio", repr(en_ratio), "--tol", "1e-14"]
            w_ridge = exact.ridge(ridge_alpha)
            row = ["0" if offset == 0 else f"1e{round(math.log10(offset))}"]
            ours, error = attempt(ridgelasso_fit, path, ridge_args)
            row.append(digits(ours, w_ridge) if ours else f"failed: {error}")
            theirs, error = attempt(mllib_fit, path, REG, 0.0)
            row.append(digits(theirs, w_ridge) if theirs else f"failed: {error}")
            ours_en, error_en = attempt(ridgelasso_fit, path, en_args)
            theirs_en, error_mllib_en = attempt(mllib_fit, path, REG, EN_MIX)
            w_en = exact.elastic_net(en_alpha, en_ratio)
            if w_en is None:
                row += ["no certified reference", "no certified reference"]
            else:
                row.append(digits(ours_en, w_en) if ours_en else
                           "not available in this build" if "ridge only" in (error_en or "") else f"failed: {error_en}")
                row.append(digits(theirs_en, w_en) if theirs_en else f"failed: {error_mllib_en}")
            rows_digits.append(row)
            log(f"offset {offset:g}: {row}")
            timing_path, timing_args = path, (ridge_args, en_args, ours_en is not None)

        sides = [("RidgeLasso ridge", lambda: timed(ridgelasso_fit, timing_path, timing_args[0])),
                 ("MLlib ridge", lambda: timed(mllib_fit, timing_path, REG, 0.0))]
        if timing_args[2]:
            sides.append(("RidgeLasso elastic net", lambda: timed(ridgelasso_fit, timing_path, timing_args[1])))
        sides.append(("MLlib elastic net", lambda: timed(mllib_fit, timing_path, REG, EN_MIX)))
        for _, fn in sides:   # warm-up: JIT, file cache, the binary's first load
            fn()
        times = interleaved(sides, options.repeats, log=log)

    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    version = subprocess.run([binary, "--version"], capture_output=True, text=True).stdout.strip().splitlines()
    report.append(f"# {time.strftime('%Y-%m-%d', time.gmtime())}, {os.cpu_count()} cores; RidgeLasso: "
                  + "; ".join(version[:2]))
    report.append(f"# pyspark {pyspark.__version__}, {java}, local[2]; {options.rows} rows × {P} features "
                  f"in {options.parts} CSV parts; regParam λ = {REG}, elasticNetParam = {EN_MIX}")
    report.append("")
    report.append("Correct digits of the coefficients against the exact solution (−log10 max error / max |w*|):")
    report.append("")
    report.append("| feature offset | RidgeLasso ridge | MLlib ridge (normal) | RidgeLasso elastic net | MLlib elastic net (normal, OWL-QN) |")
    report.append("|---|---|---|---|---|")
    report += ["| " + " | ".join(r) + " |" for r in rows_digits]
    report.append("")
    report.append(f"Wall time from the CSV parts to the coefficients (offset 1e8; {options.repeats} interleaved rounds; "
                  "median, min–max):")
    report.append("")
    report.append("| side | median s | min–max s |")
    report.append("|---|---|---|")
    for side, values in times.items():
        report.append(f"| {side} | {statistics.median(values):.2f} | {min(values):.2f}–{max(values):.2f} |")
    report.append("")
    for ours, theirs in (("RidgeLasso ridge", "MLlib ridge"), ("RidgeLasso elastic net", "MLlib elastic net")):
        if ours in times:
            report.append(f"- {ours} / {theirs}, paired ratio: {format_ratio(ratio_summary(times, ours, theirs))}")
    if "RidgeLasso elastic net" not in times:
        report.append("- RidgeLasso elastic net from statistics: not available in this build")
    text = "\n".join(report) + "\n"
    print(text)
    if options.output:
        with open(options.output, "w") as f:
            f.write(f"Command: `{' '.join(shlex.quote(a) for a in ['python3', 'Benchmarks/compare/spark_compare.py'] + sys.argv[1:])}`\n\n")
            f.write(text)
    spark.stop()


def timed(fn, *args):
    start = time.perf_counter()
    fn(*args)
    return time.perf_counter() - start


if __name__ == "__main__":
    main()
