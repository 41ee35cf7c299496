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
executors import this module), then `tree_merge(sc, name, binary, partition_statistics(sc, name,
data, …))` with `name` the binary's file name, and `fit(binary, statistics, ["fit", …])`.

Requirements of the input: every CSV part has the same header line, numbers only in the rows.
Lines equal to the header (the header of each part) and blank lines are dropped, so a data row
identical to the header text would be dropped too; a numeric CSV has none. A bad row fails its
task with ridgelasso's one-line error in the executor's log; its line and row numbers count within
the partition, not the file.
"""
import argparse
import base64
import os
import subprocess
import sys
import tempfile

from pyspark import SparkContext, SparkFiles
from pyspark.rdd import RDD
from pyspark.serializers import UTF8Deserializer


def executor_binary(sc, name):
    """The path of the shipped binary `name` as the executors see it.

    `SparkFiles.get` answers for the process that calls it: on an executor it gives the file in
    the executor's working directory (`./ridgelasso` on a cluster, where `--files` and `addFile`
    put it), in local mode the driver's temporary directory, which the executors share. The piped
    command is built on the driver, so one executor is asked, once per application.
    """
    key = (sc.applicationId, name)
    if key not in _executor_binaries:
        _executor_binaries[key] = sc.parallelize([0], 1).map(lambda _: SparkFiles.get(name)).first()
    return _executor_binaries[key]


_executor_binaries = {}


def pipe_environment():
    """Added to the executor's environment for every `ridgelasso` process: one BLAS thread per
    process, since Spark already runs one task per core. (Libraries shipped beside the binary
    are found through `spark.executorEnv.LD_LIBRARY_PATH`, which the processes inherit.)"""
    return {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"}


# Run by bash for every partition. awk puts the header first, then the partition's lines without
# blank lines and without the header line each CSV part starts with (also behind a UTF-8 BOM);
# `ridgelasso stats` turns them into statistics, base64 puts those on one text line, because a
# pipe's output comes back as lines of text. `pipefail`: any failure is the command's exit status.
PIPE_SCRIPT = ("awk 'BEGIN { h = ENVIRON[\"RIDGELASSO_HEADER\"]; print h } "
               "NF && $0 != h && $0 != \"\\357\\273\\277\" h' "
               "| \"$0\" stats \"$@\" - --output - | base64 -w 0")


def partition_statistics(sc, name, data, target=None, weights=None, partitions=None):
    """One `.rlstats` part per partition of the CSV files under `data`: a JavaRDD of base64 lines.

    Every partition is piped through `ridgelasso stats -` as a small CSV of its own: the header
    line, then its rows. An empty partition sends the header alone and gives an empty part
    (W = 0), which merges as nothing.

    The lines never enter Python: this is Spark's own `RDD.pipe` on the JVM's RDD of lines
    (`sc._jsc.textFile`, pyspark's handle on the JavaSparkContext, the same call pyspark's
    `textFile` makes), which fails the task when the command exits non-zero (what pyspark's
    `RDD.pipe(checkCode=True)` does) and copies the command's standard error (ridgelasso's one
    line) to the executor's log. pyspark's `RDD.pipe` would first move every line through a
    Python worker, which costs more than the statistics themselves.
    """
    lines = sc._jsc.textFile(data, partitions or sc.defaultMinPartitions)
    header = lines.first().lstrip("\ufeff")
    options = [a for option, value in (("--target", target), ("--weights", weights)) if value for a in (option, value)]
    command = ["bash", "-o", "pipefail", "-c", PIPE_SCRIPT, executor_binary(sc, name), *options]
    return lines.pipe(command, dict(pipe_environment(), RIDGELASSO_HEADER=header))


def merge(binary, parts):
    """`ridgelasso merge` of `parts` (bytes, in this order) into one part (bytes)."""
    if len(parts) == 1:
        return parts[0]
    with tempfile.TemporaryDirectory(prefix="rlstats-") as directory:
        paths = []
        for k, part in enumerate(parts):
            paths.append(os.path.join(directory, f"part{k:06d}.rlstats"))
            with open(paths[-1], "wb") as f:
                f.write(part)
        done = subprocess.run([binary, "merge", *paths, "--output", "-"],
                              env=dict(os.environ, **pipe_environment()), capture_output=True)
    if done.returncode != 0:
        raise RuntimeError(f"ridgelasso merge failed: {done.stderr.decode(errors='replace').strip()}")
    return done.stdout


def tree_merge(sc, name, binary, encoded, fan_in=8):
    """Merges the parts of `partition_statistics` into one and returns its bytes on the driver.

    While more than `fan_in` parts remain, parts i·fan_in … i·fan_in + fan_in − 1 go to one
    executor task and are merged there in index order; the last ≤ `fan_in` parts are collected
    and merged on the driver (as `treeAggregate` ends). The tree and the order of every merge are
    fixed by the input's partitioning, so the same data split the same way gives the same bits,
    whatever the scheduling. `binary` is the driver's copy.
    """
    count = encoded.getNumPartitions()
    if count <= fan_in:
        return merge(binary, [base64.b64decode(line) for line in encoded.collect()])
    parts = (RDD(encoded, sc, UTF8Deserializer()).map(base64.b64decode)
             .mapPartitionsWithIndex(lambda i, lines: [(i, b) for b in lines]))
    while count > fan_in:
        count = -(-count // fan_in)
        parts = (parts.map(lambda item: (item[0] // fan_in, item))
                 .groupByKey(count, partitionFunc=lambda key: key)
                 .map(lambda group: (group[0], merge(SparkFiles.get(name), [b for _, b in sorted(group[1])]))))
    return merge(binary, [b for _, b in sorted(parts.collect())])


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
    name = os.path.basename(options.binary)
    if name not in {os.path.basename(f) for f in sc.getConf().get("spark.files", "").split(",") if f}:
        sc.addFile(os.path.abspath(options.binary))   # unless spark-submit --files shipped it already
    parts = partition_statistics(sc, name, options.data, options.target, options.weights, options.partitions)
    statistics = tree_merge(sc, name, options.binary, parts)
    if options.save_stats:
        with open(options.save_stats, "wb") as f:
            f.write(statistics)
    sys.stdout.write(fit(options.binary, statistics, arguments))


if __name__ == "__main__":
    main()
