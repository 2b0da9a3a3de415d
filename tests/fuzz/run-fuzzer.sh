#!/bin/sh
# run-fuzzer.sh FUZZER SEED_CORPUS WORK_CORPUS — runs one libFuzzer harness
# for SPIRE_FUZZ_SECONDS (default 60), or SPIRE_FUZZ_RUNS seeded mutations
# (the same every time), from its seed corpus, writing what it
# finds to WORK_CORPUS (in the build folder) and a crashing input next to
# it.  Exit 77 (skipped) when the harness was not built.
#
# SPDX-License-Identifier: GPL-3.0-or-later
fuzzer=$1 seeds=$2 work=$3
[ -x "$fuzzer" ] || { echo "no $fuzzer (needs -Dfuzzing=true and clang)"; exit 77; }
mkdir -p "$work" || exit 1
: "${ASAN_OPTIONS:=detect_leaks=1}"
: "${UBSAN_OPTIONS:=print_stacktrace=1:halt_on_error=1}"
export ASAN_OPTIONS UBSAN_OPTIONS
if [ -n "${SPIRE_FUZZ_RUNS:-}" ]; then
  # The same run every time: seeded, a fixed number of mutations.
  limit="-runs=$SPIRE_FUZZ_RUNS -seed=1"
else
  limit="-max_total_time=${SPIRE_FUZZ_SECONDS:-60}"
fi
# shellcheck disable=SC2086
exec "$fuzzer" $limit -timeout=25 -rss_limit_mb=2048 \
  -max_len=262144 -print_final_stats=1 -artifact_prefix="$work/" "$work" "$seeds"
