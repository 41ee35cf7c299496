"""Interleaved timing for the comparison scripts in this directory.

On a shared or loaded machine a burst of load that lands while one side runs all its repeats
makes that side look slow. So every script here times the sides in alternation: round 1 runs
RidgeLasso, then each anchor once; round 2 the same; and so on (A, B, C, A, B, C, ...). Each round
gives one paired ratio t_RidgeLasso / t_anchor, taken under the same load, and the report is the
median of those ratios with their spread (min-max) over the rounds, beside each side's median time.

Each side is a function returning the seconds of one run, already warmed up (the first call to a
process-backed side includes its warm-up inside that process, untimed). Long-lived helper
processes (RidgeLasso's `ridgelasso-benchmark --task serve`, an R session running glmnet) answer
one timing per request line, so no side pays for process start-up or data loading in its time.
"""
import os
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def ensure_installed(python=(), debian=()):
    """Installs, quietly, what a comparison uses and the machine lacks: Python modules with pip
    (python: pairs of module name and PyPI name) and Debian packages with apt-get (as root, or
    through sudo). The tests never need any of them; only these scripts do."""
    import importlib.util
    missing = [package for module, package in python if importlib.util.find_spec(module) is None]
    if missing:
        print(f"# installing {' '.join(missing)} with pip", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", *missing], check=True,
                       stdout=subprocess.DEVNULL)
    absent = [p for p in debian if subprocess.run(
        ["dpkg-query", "-W", "-f=${db:Status-Status}", p], capture_output=True, text=True).stdout != "installed"]
    if absent:
        sudo = [] if os.geteuid() == 0 else ["sudo"]
        print(f"# installing {' '.join(absent)} with apt-get", file=sys.stderr)
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        subprocess.run(sudo + ["apt-get", "update", "-qq"], check=True, env=env, stdout=subprocess.DEVNULL)
        subprocess.run(sudo + ["apt-get", "install", "-y", "-qq", "--no-install-recommends", *absent],
                       check=True, env=env, stdout=subprocess.DEVNULL)


def interleaved(sides, repeats, log=None):
    """Runs every side once per round, in the order given, for `repeats` rounds.

    sides: list of (name, fn), fn() -> seconds of one run. Returns {name: [seconds per round]}.
    """
    times = {name: [] for name, _ in sides}
    for r in range(repeats):
        for name, fn in sides:
            t = fn()
            times[name].append(t)
            if log:
                log(f"round {r + 1}/{repeats}: {name} {t:.4f} s")
    return times


def ratio_summary(times, base, other):
    """(median, min, max) of the paired ratios times[base][r] / times[other][r]."""
    ratios = [b / o for b, o in zip(times[base], times[other]) if o > 0]
    if not ratios:
        return None
    return statistics.median(ratios), min(ratios), max(ratios)


def format_ratio(summary):
    """`0.42 (0.38-0.51)`: the median paired ratio and its spread; `-` when there is none."""
    if summary is None:
        return "-"
    m, lo, hi = summary
    return f"{m:.2f} ({lo:.2f}-{hi:.2f})"


class LineServer:
    """A process that answers one line per request line; used for RidgeLasso's timing server
    and for persistent R sessions."""

    def __init__(self, command, **kwargs):
        self.command = command
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                                        bufsize=1, **kwargs)

    def ask(self, request):
        self.process.stdin.write(request + "\n")
        self.process.stdin.flush()
        reply = self.process.stdout.readline().strip()
        if not reply or reply.startswith("error"):
            raise RuntimeError(f"{self.command[0]}: {reply or 'no reply'} (request: {request})")
        return reply

    def close(self):
        try:
            self.process.stdin.close()
        except OSError:
            pass
        rest = self.process.stdout.read()
        self.process.wait()
        return rest


def release_binary(name):
    """The release build of `name` in this checkout, or None."""
    path = os.path.join(ROOT, ".build", "release", name)
    return path if os.path.isfile(path) and os.access(path, os.X_OK) else None


def blas_header(ridgelasso=None, r=False, out=sys.stdout):
    """Prints which BLAS each side runs: numpy/scikit-learn (threadpoolctl, installed with pip if
    missing and possible, else numpy's build configuration), RidgeLasso (`ridgelasso --version`,
    when the binary exists and knows the option) and, with r=True, R's BLAS and LAPACK."""
    import numpy  # noqa: F401  (threadpoolctl only sees libraries already loaded)
    try:
        ensure_installed(python=[("threadpoolctl", "threadpoolctl")])
        import threadpoolctl
    except (ImportError, subprocess.CalledProcessError, OSError):
        threadpoolctl = None   # no pip or no network: fall back to numpy's configuration
    described = False
    if threadpoolctl is not None:
        for info in threadpoolctl.threadpool_info():
            if info.get("user_api") == "blas":
                print(f"# numpy BLAS: {info.get('filepath')} ({info.get('internal_api')} {info.get('version')}, "
                      f"core {info.get('architecture')}, {info.get('num_threads')} threads)", file=out)
                described = True
    if not described:
        try:
            blas = numpy.show_config(mode="dicts")["Build Dependencies"]["blas"]
            print(f"# numpy BLAS (build configuration): {blas.get('name')} {blas.get('version')}", file=out)
        except Exception:
            print("# numpy BLAS: unknown (no threadpoolctl, no numpy build configuration)", file=out)
    print(f"# OPENBLAS_CORETYPE={os.environ.get('OPENBLAS_CORETYPE', '(unset)')}", file=out)
    exe = ridgelasso or release_binary("ridgelasso")
    if exe and os.path.isfile(exe):
        v = subprocess.run([exe, "--version"], capture_output=True, text=True)
        if v.returncode == 0 and v.stdout.strip():
            for line in v.stdout.strip().splitlines():
                print(f"# RidgeLasso: {line}", file=out)
        else:
            print(f"# RidgeLasso: {exe} --version is not available in this build", file=out)
    else:
        print("# RidgeLasso: no release ridgelasso binary (swift build -c release) to ask for --version", file=out)
    if r:
        v = subprocess.run(["Rscript", "-e", 'cat(extSoftVersion()[["BLAS"]], La_library(), sep = " | ")'],
                           capture_output=True, text=True)
        print(f"# R BLAS | LAPACK: {v.stdout.strip() or 'R not available'}", file=out)
