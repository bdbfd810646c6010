#!/usr/bin/env bash
# The fast pyperformance subset of `make test`: each benchmark script of pyperformance that
# gilvm runs today, once (no warm-up, one timed call), on every binary given, which must
# exit 0 and print its `ELAPSED` line. Several scripts check their own answer (hexiom,
# go's board, richards' task counts) and raise on a wrong one. Timings are not checked
# here: `make compare` (gilvm-compare --suite pyperformance) measures them.
#
#   tests/pyperformance_check.sh BENCHMARKS_DIR BINARY [ENV=VALUE ...] [-- BINARY ...]
#
# Slow benchmarks (async_tree*, 2to3, …) and those needing a module gilvm does not have
# (`_ssl`, `_sqlite3`, `_decimal`) are left out; PYPERF_CHECK_BENCHES="a b"
# runs another list (docs/benchmarking.md says which run).
set -u
dir=$1; shift
here=$(cd "$(dirname "$0")/.." && pwd)
benches=${PYPERF_CHECK_BENCHES:-"richards richards_super deltablue go hexiom chaos nqueens float nbody spectral_norm fannkuch meteor_contest pidigits unpack_sequence raytrace base64 pyflate logging argparse argparse_subparsers pickle_pure_python unpickle_pure_python pickle pickle_dict pickle_list unpickle unpickle_list xml_etree"}
failed=0
# A benchmark runs as pyperformance runs it: MANIFEST names its directory (`name <local>`:
# bm_<name>; a variant `name <local:base>`: bm_<base>) and its metafile (bm_<name>/pyproject.toml,
# or bm_<base>/bm_<name>.toml), whose `[tool.pyperformance] extra_opts` are the script's
# arguments (async_tree_io: `io`; pickle_pure_python: `--pure-python pickle`). A package the
# benchmark vendors for pip to install (bm_2to3/vendor/src) is put on the path instead, as if
# installed. Sets bdir, bopts (an array) and bpath.
resolve() {
  local name=$1 line meta base
  line=$(awk -v n="$name" '$1 == n && NF == 2 { print $2 }' "$dir/MANIFEST")
  case $line in
    "<local:"*) base=${line#<local:}; base=${base%>}; meta="$dir/bm_$base/bm_$name.toml" ;;
    *) base=$name; meta="$dir/bm_$name/pyproject.toml" ;;
  esac
  bdir="$dir/bm_$base"
  bopts=()
  if [ -f "$meta" ]; then
    read -r -a bopts <<<"$(sed -n 's/^extra_opts = \[\(.*\)\]/\1/p' "$meta" | tr -d '",')"
  fi
  bpath="$here/benches/pyperformance"
  [ -d "$bdir/vendor/src" ] && bpath="$bpath:$bdir/vendor/src"
}
run_one() {
  local b=$1; shift
  local out
  resolve "$b"
  out=$(cd "$bdir" && env PYTHONPATH="$bpath" GILVM_PYPERF_LOOPS=1 \
        GILVM_PYPERF_WARMUPS=0 "$@" timeout 300 "$bin" run_benchmark.py "${bopts[@]}" 2>&1)
  local rc=$?
  if [ $rc -ne 0 ] || ! grep -q '^ELAPSED ' <<<"$out"; then
    echo "FAIL $b on $bin $*: exit $rc"; tail -5 <<<"$out" | sed 's/^/    /'
    failed=$((failed + 1))
  else
    printf '  ok %-16s %s %s\n' "$b" "$(grep '^ELAPSED' <<<"$out" | cut -d' ' -f2 | tr '\n' ' ')" "$*"
  fi
}
while [ $# -gt 0 ]; do
  bin=$1; shift
  envs=()
  while [ $# -gt 0 ] && [ "$1" != -- ]; do envs+=("$1"); shift; done
  [ $# -gt 0 ] && shift
  echo "pyperformance subset on $bin ${envs[*]:-}"
  for b in $benches; do run_one "$b" "${envs[@]}"; done
done
if [ $failed -ne 0 ]; then echo "pyperformance subset: $failed failure(s)"; exit 1; fi
echo "pyperformance subset: all passed"
