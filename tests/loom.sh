#!/usr/bin/env bash
# Runs the loom models of the concurrency core (`make loom`, `make loom-deep`).
#   tests/loom.sh N      explore with at most N preemptions per execution (LOOM_MAX_PREEMPTIONS)
#   tests/loom.sh deep   no preemption bound (every interleaving loom's reduction keeps)
# Builds the models with RUSTFLAGS="--cfg loom" into target/loom (so normal builds are not
# invalidated) and fails unless at least LOOM_EXPECTED tests ran and passed: without
# `--cfg loom` the model files compile to nothing, and a run that executes no model must
# not pass. See docs/verification.md.
set -euo pipefail
cd "$(dirname "$0")/.."

bound=${1:-2}
expected=${LOOM_EXPECTED:-53}
if [ "$bound" = deep ]; then
    unset LOOM_MAX_PREEMPTIONS
    label="no preemption bound"
else
    export LOOM_MAX_PREEMPTIONS=$bound
    label="LOOM_MAX_PREEMPTIONS=$bound"
fi
mkdir -p target/loom
log=target/loom/loom-$bound.log
start=$(date +%s)
set +e
RUSTFLAGS="--cfg loom" RUST_BACKTRACE=0 ${CARGO:-cargo} test -p gilvm-sync -p gilvm-object \
    --features free-threading --profile loom --target-dir target/loom --test 'loom_*' \
    -- --test-threads=1 --nocapture >"$log" 2>&1
status=$?
set -e
secs=$(( $(date +%s) - start ))
# The tests, the executions each model explored, and what loom reported for each broken
# variant (the first line of its panic message).
awk '/^test / { sub(/ ok$/, ""); print } /panicked at/ { getline m; print "    found: " m }' "$log"
passed=$(awk '/^test result:/ { for (i = 1; i <= NF; i++) if ($i ~ /^passed;?$/) s += $(i - 1) } END { print s + 0 }' "$log")
failed=$(awk '/^test result:/ { for (i = 1; i <= NF; i++) if ($i ~ /^failed;?$/) s += $(i - 1) } END { print s + 0 }' "$log")
models=$(grep -c '^test model_' "$log" || true)
broken=$(grep -cE '^test (broken|hazard)_' "$log" || true)
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ]; then
    tail -n 40 "$log"
    echo "loom: FAILED ($failed failed; full log in $log)"
    exit 1
fi
if [ "$passed" -lt "$expected" ]; then
    echo "loom: only $passed tests ran, expected at least $expected (was --cfg loom applied?)"
    exit 1
fi
echo "loom: $passed passed, 0 failed: $models models checked, $broken broken variants found ($label, ${secs}s including the build)"
