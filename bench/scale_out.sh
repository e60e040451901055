#!/bin/sh
# Articles a second with 1, 2 and 4 workers (palmyra worker --threads 1)
# coding the corpora of ../shared/corpus from NATS JetStream into one
# PostgreSQL database, with where each worker's time went. Starts its own
# throwaway PostgreSQL cluster and nats-server in a temporary folder.
#
#   sh bench/scale_out.sh build/palmyra [WORKERS...]
#
# Each count runs REPEAT times (default 3); the median run is reported.
set -eu
PALMYRA=$(readlink -f "${1:-build/palmyra}")
shift || true
COUNTS=${*:-1 2 4}
SHARED=${PALMYRA_SHARED_DIR:-$(dirname "$0")/../../shared}
CORPUS="$SHARED/corpus/bbc.jsonl $SHARED/corpus/guardian_syria.jsonl"
for f in $CORPUS; do
  [ -f "$f" ] || { echo "skipped: $f is absent (../shared/corpus)"; exit 0; }
done
PGBIN=/usr/lib/postgresql/15/bin
command -v nats-server >/dev/null && [ -x $PGBIN/initdb ] ||
  { echo "skipped: PostgreSQL 15 or nats-server is not installed (make setup)"; exit 0; }

DIR=$(mktemp -d /tmp/palmyra_scale_out_bench.XXXXXX)
AS=""
if [ "$(id -u)" = 0 ]; then chown postgres "$DIR"; AS="runuser -u postgres --"; fi
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
PGPORT=$(free_port)
NATSPORT=$(free_port)
cleanup() {
  [ -n "${NATS_PID:-}" ] && kill "$NATS_PID" 2>/dev/null || true
  $AS $PGBIN/pg_ctl -D "$DIR/pg" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$DIR"
}
trap cleanup EXIT
$AS $PGBIN/initdb -D "$DIR/pg" -A trust -U postgres >/dev/null
$AS $PGBIN/pg_ctl -D "$DIR/pg" -w -l "$DIR/pg.log" \
  -o "-p $PGPORT -k $DIR -c listen_addresses=''" start >/dev/null
mkdir -p "$DIR/nats" && chmod 777 "$DIR/nats"
nats-server -js -a 127.0.0.1 -p "$NATSPORT" -sd "$DIR/nats" -l "$DIR/nats.log" &
NATS_PID=$!
sleep 1
SERVER="host=$DIR port=$PGPORT user=postgres"
ARTICLES=$(cat $CORPUS | wc -l)
echo "$(nproc) cores; $ARTICLES articles ($CORPUS); one PostgreSQL 15, one nats-server"
echo "workers  seconds  articles/s  speed-up   (per worker: coding / queue / database seconds)"
BASE=""
REPEAT=${REPEAT:-3}
run=0
for n in $COUNTS; do
 results=""
 r=0
 while [ $r -lt "$REPEAT" ]; do
  r=$((r + 1))
  run=$((run + 1))
  psql "$SERVER dbname=postgres" -qc "CREATE DATABASE bench$run" >/dev/null
  PG="$SERVER dbname=bench$run"
  # The schema first, so that the run measures coding and storing alone.
  "$PALMYRA" code -q --pg "$PG" "$(dirname "$0")/../examples/mali_convoy.txt"
  "$PALMYRA" enqueue -q --nats "nats://127.0.0.1:$NATSPORT" --stream "B$run" \
    --subject "b$run.articles" $CORPUS
  start=$(date +%s.%N)
  i=0
  pids=""
  while [ $i -lt "$n" ]; do
    "$PALMYRA" worker --nats "nats://127.0.0.1:$NATSPORT" --stream "B$run" \
      --subject "b$run.articles" --pg "$PG" --threads 1 --drain ${WORKER_FLAGS:-} \
      2>"$DIR/worker$run.$i.log" &
    pids="$pids $!"
    i=$((i + 1))
  done
  for pid in $pids; do wait "$pid"; done
  end=$(date +%s.%N)
  seconds=$(echo "$end - $start" | bc -l)
  split=$(sed -n 's/.*time: coding \([0-9.]*\) s, queue \([0-9.]*\) s, database \([0-9.]*\) s.*/\1\/\2\/\3/p' \
    "$DIR"/worker$run.*.log | tr '\n' ' ')
  results="$results$seconds $split
"
 done
 # The median run.
 median=$(printf "%s" "$results" | sort -n | sed -n "$(( (REPEAT + 1) / 2 ))p")
 seconds=${median%% *}
 split=${median#* }
 rate=$(echo "$ARTICLES / $seconds" | bc -l)
 [ -z "$BASE" ] && BASE=$rate
 printf "%7d  %7.2f  %10.0f  %8.2fx   %s\n" "$n" "$seconds" "$rate" \
   "$(echo "$rate / $BASE" | bc -l)" "$split"
done
