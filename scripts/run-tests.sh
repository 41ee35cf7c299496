#!/usr/bin/env bash
# Runs `swift test` and fails unless the run ended with Swift Testing's passing summary.
# Under Debian's reference LAPACK an illegal argument makes XERBLA end the process with status 0
# and no summary; such a run must never look green.
set -uo pipefail
log=$(mktemp)
trap 'rm -f "$log"' EXIT

# The suite runs under the OpenBLAS kernels that `ridgelasso` chooses for itself on this machine
# (it starts itself again with OPENBLAS_CORETYPE set when OpenBLAS fell back to generic kernels on
# a CPU it does not know), so a forced choice that computed wrong results fails the tests that
# assert real numbers. Where OpenBLAS detects its CPU, OPENBLAS_CORETYPE is set, or the BLAS is
# not OpenBLAS (make test-reference), nothing changes.
if ! swift build --product ridgelasso >"$log" 2>&1; then
  cat "$log" >&2
  echo "run-tests: building ridgelasso failed" >&2
  exit 1
fi
ridgelasso="$(swift build --show-bin-path)/ridgelasso"
core=$("$ridgelasso" blas --chosen-core) || { echo "run-tests: ridgelasso blas failed" >&2; exit 1; }
if [ -n "$core" ]; then
  export OPENBLAS_CORETYPE="$core"
fi
echo "run-tests: $("$ridgelasso" blas | head -n 1)"

swift test "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
if [ "$status" -ne 0 ]; then
  echo "run-tests: swift test exited with status $status" >&2
  exit "$status"
fi
if grep -qE 'Test run with [0-9]+ tests? .*failed' "$log"; then
  echo "run-tests: some tests failed" >&2
  exit 1
fi
if ! grep -qE 'Test run with [0-9]+ tests? .*passed' "$log"; then
  echo "run-tests: no passing summary was printed: the test process ended early" >&2
  exit 1
fi
if grep -qE 'On entry to [A-Z_]+ parameter number' "$log"; then
  echo "run-tests: LAPACK's XERBLA was reached (an illegal argument)" >&2
  exit 1
fi
