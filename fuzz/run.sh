#!/bin/sh
# Runs a fuzz target for SECONDS in fork mode, so that a crash, a hang
# (-timeout) or a memory blow-up (-rss_limit_mb) in any input fails the run:
#
#   run.sh FUZZER SECONDS CORPUS_DIR [SEED_DIR...]
#
# New inputs go to CORPUS_DIR ("-" for a scratch folder removed afterwards);
# crash reproducers go to the folder the run started in.
set -e
fuzzer=$1
seconds=$2
corpus=$3
shift 3
if [ "$corpus" = "-" ]; then
  corpus=$(mktemp -d)
  trap 'rm -rf "$corpus"' EXIT
fi
mkdir -p "$corpus"
exec "$fuzzer" -fork=1 -ignore_crashes=0 -ignore_timeouts=0 -ignore_ooms=0 \
  -max_total_time="$seconds" -timeout=20 -rss_limit_mb=1024 -max_len=65536 \
  -print_final_stats=1 "$corpus" "$@"
