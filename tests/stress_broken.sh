#!/usr/bin/env bash
# Shows that the stress suite catches a lost update: runs tests/stress/list_atomic_ops.py on
# a free-threaded build compiled with the test-only feature `broken-list-extend` (list.extend
# and `lst += other` read the list in one critical section and write it back in another, the
# bug of issue 15). Passes when the program fails with the lost-update assertion in at least
# one of up to $RUNS runs; fails if the broken build passes them all (the suite would then
# be unable to catch the bug it exists for).
set -u
BIN=${1:?usage: stress_broken.sh path/to/broken/gilvm}
RUNS=${RUNS:-10}
PROG="$(dirname "$0")/stress/list_atomic_ops.py"
for i in $(seq 1 "$RUNS"); do
  out=$(PYTHON_GIL=0 timeout 60 "$BIN" "$PROG" 2>&1)
  rc=$?
  if [ $rc -ne 0 ] && grep -q "AssertionError: case_.*items, expected" <<<"$out"; then
    echo "stress-broken: run $i of the broken build failed as it must:"
    grep "AssertionError" <<<"$out" | tail -1
    exit 0
  fi
  if [ $rc -ne 0 ]; then
    echo "stress-broken: run $i failed, but not with a lost update (exit $rc):"
    echo "$out" | tail -5
    exit 1
  fi
done
echo "stress-broken: the broken build passed $RUNS runs: the stress suite does not catch the bug"
exit 1
