"""Fit a RidgeLasso model to a directory of CSV parts with Spark, exactly.

Each Spark partition is piped through `ridgelasso stats -`, which turns its rows into mergeable
sufficient statistics (weighted means and centered co-moments, docs/rlstats.md); the parts are
merged in a tree on the executors with `ridgelasso merge`, and the driver fits from the one
merged part with `ridgelasso fit --stats`. Only O(p²) bytes per partition leave the executors,
and the answer equals the single-machine fit on the concatenated rows to rounding.

    spark-submit --files /path/to/ridgelasso examples/spark/ridgelasso_spark.py \\
        --binary /path/to/ridgelasso --target y DATA_DIR -- fit --model ridge --alpha 1

prints the fit's JSON on standard output. Everything after `--` is handed to `ridgelasso` with
`--stats S` appended (default: `fit --model ridge --alpha 1`).

From another driver program: `sc.addFile(binary)`, `sc.addPyFile("ridgelasso_spark.py")` (the
executors import this module), then `tree_merge(name, partition_statistics(sc, name, data, …))`
and `fit(binary, statistics, ["fit", …])`.

Requirements of the input: every CSV part has the same header line, numbers only in the rows.
Lines equal to the header (the header of each part) and blank lines are dropped, so a data row
identical to the header text would be dropped too; a numeric CSV has none. A bad row fails its
task with ridgelasso's one-line error in the executor's log; its line and row numbers count within
the partition, not the file.
"""
import argparse
import base64
import itertools
import os
import shlex
import subprocess
import sys
import tempfile

from pyspark import SparkContext, SparkFiles

def executor_binary(sc, name):
    """The path of the shipped binary `name` as the executors see it.

    `SparkFiles.get` answers for the process that calls it: on an executor it gives the file in
    the executor's working directory (`./ridgelasso` on a cluster, where `--files` and `addFile`
    put it), in local mode the driver's temporary directory, which the executors share.
    `RDD.pipe` takes its command as a string built on the driver, so one executor is asked once.
    """
    return sc.parallelize([0], 1).map(lambda _: SparkFiles.get(name)).first()


def pipe_environment():
    """The piped command's whole environment (`RDD.pipe` inherits nothing): a search path for
    bash and base64, and one BLAS thread per process, since Spark already runs one task per core.
    `LD_LIBRARY_PATH` is passed on for workers that get OpenBLAS/LAPACK shipped beside the binary."""
    env = {"PATH": "/usr/local/bin:/usr/bin:/bin", "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"}
    if "LD_LIBRARY_PATH" in os.environ:
        env["LD_LIBRARY_PATH"] = os.environ["LD_LIBRARY_PATH"]
    return env


def partition_statistics(sc, name, data, target=None, weights=None, partitions=None):
    """One `.rlstats` part per partition of the CSV files under `data`, as an RDD of
    (partition index, bytes).

    Every partition is fed to `ridgelasso stats -` as a small CSV of its own: the header line,
    then its rows. An empty partition sends the header alone and gives an empty part (W = 0),
    which merges as nothing. `RDD.pipe` reads the command's standard output as text lines, so
    the binary statistics travel base64-encoded on one line; `pipefail` keeps a failure of
    `ridgelasso` (a bad row, an unknown column) a non-zero exit, which `checkCode=True` turns
    into a failed task, with ridgelasso's one-line error in the executor's log.
    """
    lines = sc.textFile(data, minPartitions=partitions) if partitions else sc.textFile(data)
    header = lines.first().lstrip("\ufeff")

    def with_header(rows):
        return itertools.chain([header], (r for r in rows if r.strip() and r.lstrip("\ufeff") != header))

    options = [a for name_, value in (("--target", target), ("--weights", weights)) if value for a in (name_, value)]
    script = '"$0" stats "$@" - --output - | base64 -w 0'
    command = shlex.join(["bash", "-o", "pipefail", "-c", script, executor_binary(sc, name), *options])
    encoded = lines.mapPartitions(with_header).pipe(command, env=pipe_environment(), checkCode=True)
    return encoded.map(base64.b64decode).mapPartitionsWithIndex(lambda i, parts: [(i, b) for b in parts])


def merge(name, parts):
    """`ridgelasso merge` of `parts` (bytes, in this order) into one part, on an executor."""
    if len(parts) == 1:
        return parts[0]
    with tempfile.TemporaryDirectory(prefix="rlstats-") as directory:
        paths = []
        for k, part in enumerate(parts):
            paths.append(os.path.join(directory, f"part{k:06d}.rlstats"))
            with open(paths[-1], "wb") as f:
                f.write(part)
        done = subprocess.run([SparkFiles.get(name), "merge", *paths, "--output", "-"],
                              env=pipe_environment(), capture_output=True)
    if done.returncode != 0:
        raise RuntimeError(f"ridgelasso merge failed: {done.stderr.decode(errors='replace').strip()}")
    return done.stdout


def tree_merge(name, parts, fan_in=8):
    """Merges an RDD of (index, `.rlstats` bytes) into one part, in a tree of `fan_in`-way
    merges on the executors, and returns its bytes on the driver.

    Level by level, parts i·fan_in … i·fan_in + fan_in − 1 go to task i and are merged in index
    order, so the tree and the order of every merge are fixed by the input's partitioning: the
    same data split the same way gives the same bits, whatever the scheduling. The first level
    runs with the full parallelism of the statistics (one task per input partition).
    """
    count = parts.getNumPartitions()
    while count > 1:
        count = -(-count // fan_in)
        parts = (parts.map(lambda item: (item[0] // fan_in, item))
                 .groupByKey(count, partitionFunc=lambda key: key)
                 .map(lambda group: (group[0], merge(name, [b for _, b in sorted(group[1])]))))
    merged = parts.collect()
    if len(merged) != 1:
        raise RuntimeError(f"the merge left {len(merged)} parts instead of one")
    return merged[0][1]


def fit(binary, statistics, arguments):
    """Runs `ridgelasso ARGUMENTS --stats S` on the driver with the merged statistics; returns
    its standard output (the fit's JSON). Raises with ridgelasso's one-line error on failure."""
    with tempfile.NamedTemporaryFile(suffix=".rlstats") as f:
        f.write(statistics)
        f.flush()
        done = subprocess.run([binary, *arguments, "--stats", f.name], capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(done.stderr.strip())
    return done.stdout


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    split = argv.index("--") if "--" in argv else len(argv)
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", help="a CSV file, a directory of CSV parts, or a glob (any path textFile reads)")
    parser.add_argument("--binary", required=True, help="the ridgelasso executable on the driver (shipped with addFile)")
    parser.add_argument("--target", help="the response column (default: the last)")
    parser.add_argument("--weights", help="a column of sample weights")
    parser.add_argument("--partitions", type=int, help="minimum number of partitions to read the data into")
    parser.add_argument("--save-stats", metavar="S.rlstats", help="also keep the merged statistics in this file")
    options = parser.parse_args(argv[:split])
    arguments = argv[split + 1:] or ["fit", "--model", "ridge", "--alpha", "1"]

    sc = SparkContext.getOrCreate()
    sc.addFile(os.path.abspath(options.binary))
    name = os.path.basename(options.binary)
    parts = partition_statistics(sc, name, options.data, options.target, options.weights, options.partitions)
    statistics = tree_merge(name, parts)
    if options.save_stats:
        with open(options.save_stats, "wb") as f:
            f.write(statistics)
    sys.stdout.write(fit(options.binary, statistics, arguments))


if __name__ == "__main__":
    main()
