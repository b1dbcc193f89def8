#!/usr/bin/env bash
# Builds the fuzz harness with libFuzzer + AddressSanitizer and runs it.
#   Fuzz/run.sh [seconds]      (default 600)
# Seed corpus: the catalog (ModelSpecs/*.yaml) and the configs in Tests/WorkloadTests/Fixtures/{configs,hf,hf-variants}.
# Crashes land in Fuzz/artifacts/; the working corpus in Fuzz/corpus/ (both git-ignored).
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-600}"
swift build -c debug --scratch-path ../.build-fuzz -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library --product FuzzSpecs
mkdir -p corpus artifacts
cp -n ../ModelSpecs/*.yaml corpus/ 2>/dev/null || true
find ../Tests/WorkloadTests/Fixtures/configs ../Tests/WorkloadTests/Fixtures/hf ../Tests/WorkloadTests/Fixtures/hf-variants -name '*.json' -exec cp -n {} corpus/ \; 2>/dev/null || true
exec ../.build-fuzz/debug/FuzzSpecs corpus -artifact_prefix=artifacts/ -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=4096
