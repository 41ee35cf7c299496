#!/usr/bin/env bash
# Builds the libFuzzer targets (swiftc -sanitize=fuzzer,address) under .build-fuzz/ and runs each
# for FUZZ_SECONDS (default 60) on its corpus: the committed seeds in Fuzz/Corpus/TARGET/ plus
# what earlier runs found, kept in .build-fuzz/corpus/TARGET/. Crashing inputs go to
# .build-fuzz/artifacts/TARGET/. Not part of `make test`; SwiftPM never builds these files.
#
#   scripts/fuzz.sh              build and run every target
#   scripts/fuzz.sh build        build only
#   scripts/fuzz.sh run TARGET   run one target (already built)
set -euo pipefail
cd "$(dirname "$0")/.."
FUZZ_SECONDS=${FUZZ_SECONDS:-60}
OUT=.build-fuzz
TARGETS=(csv-memory csv-file csv-source model-json svmlight)
SWIFTC=${SWIFTC:-swiftc}
FLAGS=(-sanitize=fuzzer,address -parse-as-library -O -g -package-name RidgeLasso -I "$OUT" -I Sources/CLAPACK)

build() {
  mkdir -p "$OUT"
  # The library modules, instrumented, as static libraries with their .swiftmodule files.
  "$SWIFTC" "${FLAGS[@]}" -emit-library -static -emit-module -module-name LinearAlgebra \
    -o "$OUT/libLinearAlgebra.a" -emit-module-path "$OUT/LinearAlgebra.swiftmodule" Sources/LinearAlgebra/*.swift
  "$SWIFTC" "${FLAGS[@]}" -enable-testing -emit-library -static -emit-module -module-name RidgeLassoCSV \
    -o "$OUT/libRidgeLassoCSV.a" -emit-module-path "$OUT/RidgeLassoCSV.swiftmodule" $(find Sources/RidgeLassoCSV -name '*.swift' | sort)
  local libs=(-L "$OUT" -lRidgeLassoCSV -lLinearAlgebra -llapack -lblas)
  "$SWIFTC" "${FLAGS[@]}" -module-name CSVMemoryFuzz -o "$OUT/csv-memory" \
    Fuzz/Targets/CSVMemoryFuzz.swift Fuzz/Targets/CSVFuzzCheck.swift "${libs[@]}"
  "$SWIFTC" "${FLAGS[@]}" -module-name CSVFileFuzz -o "$OUT/csv-file" \
    Fuzz/Targets/CSVFileFuzz.swift Fuzz/Targets/CSVFuzzCheck.swift "${libs[@]}"
  "$SWIFTC" "${FLAGS[@]}" -module-name CSVSourceFuzz -o "$OUT/csv-source" \
    Fuzz/Targets/CSVSourceFuzz.swift Fuzz/Targets/CSVFuzzCheck.swift "${libs[@]}"
  "$SWIFTC" "${FLAGS[@]}" -module-name SVMLightFuzz -o "$OUT/svmlight" \
    Fuzz/Targets/SVMLightFuzz.swift Fuzz/Targets/CSVFuzzCheck.swift "${libs[@]}"
  "$SWIFTC" "${FLAGS[@]}" -module-name ModelFileFuzz -o "$OUT/model-json" \
    Fuzz/Targets/ModelFileFuzz.swift Fuzz/Targets/QuotedShim.swift \
    Sources/RidgeLassoCLI/ModelFile.swift Sources/RidgeLassoCLI/JSONValue.swift Sources/RidgeLassoCLI/CLIError.swift \
    "${libs[@]}"
}

run() {
  local target=$1
  mkdir -p "$OUT/corpus/$target" "$OUT/artifacts/$target"
  # The first directory receives new inputs; the committed seeds are only read.
  # Swift's own crash reporter would fight AddressSanitizer's for the same signals.
  SWIFT_BACKTRACE=enable=no "$OUT/$target" "$OUT/corpus/$target" "Fuzz/Corpus/$target" \
    -max_total_time="$FUZZ_SECONDS" -max_len=8192 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$OUT/artifacts/$target/"
}

# The linker's notes about AddressSanitizer's local symbols are noise.
quiet_build() { build 2> >(grep -v "Cannot export local symbol" >&2); }

case "${1:-all}" in
  build) quiet_build ;;
  run) run "$2" ;;
  all) quiet_build; for t in "${TARGETS[@]}"; do run "$t"; done ;;
  *) echo "usage: $0 [build | run TARGET | all]" >&2; exit 2 ;;
esac
