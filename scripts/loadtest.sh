#!/usr/bin/env bash
# Bounded load test of the HTTP API on loopback: starts `hypecheck serve` (release build) on
# 127.0.0.1, posts a ~10 KB text (the origin article plus the start of a clinic page) to
# POST /api/v1/check with wrk for a fixed time, prints req/s and latency percentiles, stops the
# server with SIGTERM. Needs wrk (Debian: apt-get install wrk).
#
#   scripts/loadtest.sh                 # 2 threads, 16 connections, 10 s
#   DURATION=5s CONNECTIONS=4 scripts/loadtest.sh
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${DURATION:-10s}
connections=${CONNECTIONS:-16}
threads=${THREADS:-2}

command -v wrk >/dev/null || { echo "loadtest: wrk is not installed (apt-get install wrk)" >&2; exit 2; }
bin=${HYPECHECK_BIN:-target/release/hypecheck}
[ -x "$bin" ] || cargo build --release -p hypecheck-cli

work=$(mktemp -d)
server_pid=
cleanup() {
  if [ -n "$server_pid" ]; then kill -TERM "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# ~10 KB of text, cut at a line boundary.
cat examples/exosomes-article.txt tests/fixtures/clinic-exosome-autism.txt \
  | LC_ALL=C awk '{ n += length($0) + 1; print } n >= 10240 { exit }' > "$work/text.txt"

"$bin" serve --addr 127.0.0.1:0 2> "$work/server.log" &
server_pid=$!
for _ in $(seq 100); do
  grep -q "serving on" "$work/server.log" 2>/dev/null && break
  sleep 0.1
done
url=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$work/server.log" | head -n1)
[ -n "$url" ] || { echo "loadtest: the server did not start" >&2; cat "$work/server.log" >&2; exit 1; }
echo "server: $url (pid $server_pid), $(nproc) CPUs; wrk -t$threads -c$connections -d$duration"

HYPECHECK_LOAD_TEXT="$work/text.txt" wrk -t"$threads" -c"$connections" -d"$duration" --latency \
  -s scripts/loadtest.lua "$url/api/v1/check"
