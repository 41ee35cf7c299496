#!/usr/bin/env bash
# Installs, quietly and idempotently, the Debian packages RidgeLasso needs:
#   libblas-dev, liblapack-dev  (link time: libblas.so with CBLAS, liblapack.so)
#   libopenblas0-pthread        (run time: optimized BLAS/LAPACK through Debian's alternatives)
# Does nothing when they are already there. Needs root (or sudo) only when something is missing.
set -euo pipefail
packages=(libblas-dev liblapack-dev libopenblas0-pthread)
missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null | grep -qx installed; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
    echo "install-deps: missing ${missing[*]} and not root; install them with apt-get" >&2; exit 1
  fi
fi
echo "install-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! { $sudo apt-get update -qq && \
       $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >"$log" 2>&1; then
  cat "$log" >&2
  echo "install-deps: apt-get failed for ${missing[*]}" >&2
  exit 1
fi
