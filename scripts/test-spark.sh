#!/usr/bin/env bash
# `make test-spark`: the Spark example (examples/spark) in local[2] mode against the
# single-machine fit. Installs, quietly and only when missing, what `make test` never needs:
#   Java 17 (Debian's openjdk-17-jre-headless) when no `java` is on PATH,
#   pyspark (PyPI, the version pinned below; 4.x runs on Java 17 and later).
set -euo pipefail
PYSPARK_VERSION=4.0.1
PYTHON=${PYTHON:-python3}
cd "$(dirname "$0")/.."

sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
if ! command -v java >/dev/null 2>&1; then
  echo "test-spark: installing openjdk-17-jre-headless" >&2
  log=$(mktemp)
  if ! { DEBIAN_FRONTEND=noninteractive $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
         $sudo apt-get install -y -qq --no-install-recommends openjdk-17-jre-headless; } >"$log" 2>&1; then
    cat "$log" >&2; rm -f "$log"; echo "test-spark: apt-get failed for openjdk-17-jre-headless" >&2; exit 1
  fi
  rm -f "$log"
fi
if [ "$("$PYTHON" -c 'import pyspark; print(pyspark.__version__)' 2>/dev/null)" != "$PYSPARK_VERSION" ]; then
  echo "test-spark: installing pyspark==$PYSPARK_VERSION with pip" >&2
  "$PYTHON" -m pip install --quiet --disable-pip-version-check --root-user-action=ignore "pyspark==$PYSPARK_VERSION" numpy >/dev/null
fi

# Spark binds to the loopback interface only (and stops warning about the host name).
export SPARK_LOCAL_IP=${SPARK_LOCAL_IP:-127.0.0.1}
${SWIFT:-swift} build -c release --product ridgelasso >/dev/null
exec "$PYTHON" examples/spark/check_spark.py .build/release/ridgelasso
