#!/bin/sh
# Runs a fuzz target for a few seconds on the seed folders, new inputs going
# to a scratch folder: run.sh FUZZER SECONDS SEED_DIR...
set -e
fuzzer=$1
seconds=$2
shift 2
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
"$fuzzer" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
  "$scratch" "$@"
