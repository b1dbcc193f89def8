#!/usr/bin/env bash
# Builds the fuzz harness with libFuzzer + AddressSanitizer and runs it.
#   Fuzz/run.sh [seconds] [libFuzzer flags…]      (default 600 s; e.g. Fuzz/run.sh 0 -runs=1000000)
#   FUZZ_CONFIGURATION=release Fuzz/run.sh …      (optimised build: several times more executions per second)
# Seed corpus: the catalog (ModelSpecs/*.yaml), the configs in Tests/WorkloadTests/Fixtures/{configs,hf,hf-variants}
# and Fuzz/Seeds (a host profile, a tiny GGUF file). Every input is tried as a model file AND as a host profile.
# Crashes land in Fuzz/artifacts/; the working corpus in Fuzz/corpus/ (both git-ignored).
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-600}"
shift || true
configuration="${FUZZ_CONFIGURATION:-debug}"
# The sanitizer flags reach every module, build tools included: the catalog-embedding plugin's tool
# cannot link beside libFuzzer's main, so the fuzz build leaves the catalog out (Package.swift).
export LLMCOST_FUZZ_BUILD=1
swift build -c "$configuration" --scratch-path ../.build-fuzz -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library --product FuzzSpecs
mkdir -p corpus artifacts
cp -n ../ModelSpecs/*.yaml Seeds/* corpus/ 2>/dev/null || true
find ../Tests/WorkloadTests/Fixtures/configs ../Tests/WorkloadTests/Fixtures/hf ../Tests/WorkloadTests/Fixtures/hf-variants -name '*.json' -exec cp -n {} corpus/ \; 2>/dev/null || true
exec "../.build-fuzz/$configuration/FuzzSpecs" corpus -artifact_prefix=artifacts/ -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=4096 "$@"
