#!/usr/bin/env bash
# Runs `swift test` and fails unless the run ended with Swift Testing's passing summary.
# Under Debian's reference LAPACK an illegal argument makes XERBLA end the process with status 0
# and no summary; such a run must never look green.
set -uo pipefail
log=$(mktemp)
trap 'rm -f "$log"' EXIT
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
