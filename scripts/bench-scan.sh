#!/usr/bin/env bash
# Throughput and memory of `hypecheck scan` (a benchmark, not a test): the 352 dev press releases
# of shared/data repeated to about 19 MB of JSONL plus the HTML and text fixtures, scanned with
# one job and with all, fast tier and rules alone, timed by hyperfine (the single matching pass
# over the same kind of text is measured by `cargo bench -p hypecheck-core --bench check`); then the peak memory of a
# scan of about 1 GB (`/usr/bin/time -v`), which must not grow with the number of documents.
#
#   scripts/bench-scan.sh [RELEASES_JSONL] [GB]     (defaults: ../shared/data/hnr-releases/dev.jsonl, 1)
set -euo pipefail
cd "$(dirname "$0")/.."
releases=${1:-../shared/data/hnr-releases/dev.jsonl}
gigabytes=${2:-1}
command -v hyperfine >/dev/null || { echo "bench-scan: needs hyperfine (apt-get install hyperfine)" >&2; exit 2; }
cargo build --release -q -p hypecheck-cli
bin=target/release/hypecheck
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/corpus"
for _ in $(seq 10); do cat "$releases"; done > "$work/corpus/releases.jsonl"
cp tests/fixtures/*.html tests/fixtures/*.txt tests/fixtures/*.md "$work/corpus/"
bytes=$(du -sb "$work/corpus" | cut -f1)
echo "corpus: $(ls "$work/corpus" | wc -l) files, $bytes bytes"
hyperfine --warmup 1 --runs 5 --export-json "$work/times.json" \
  -n "fast, 1 job" "$bin scan $work/corpus -o $work/out.jsonl --overwrite -q --jobs 1" \
  -n "fast, all jobs" "$bin scan $work/corpus -o $work/out.jsonl --overwrite -q" \
  -n "rules, 1 job" "$bin scan $work/corpus -o $work/out.jsonl --overwrite -q --jobs 1 --rules"
python3 - "$work/times.json" "$bytes" <<'PY'
import json, sys
times, size = json.load(open(sys.argv[1])), int(sys.argv[2])
for r in times["results"][:3]:
    print(f"{r['command']:<16} {size / r['mean'] / 1e6:6.1f} MB/s  (mean {r['mean']:.2f} s ± {r['stddev']:.2f})")
PY
# Memory over a large scan: the releases repeated to about GB gigabytes.
copies=$(( gigabytes * 1000000000 / $(stat -c %s "$releases") + 1 ))
for _ in $(seq "$copies"); do cat "$releases"; done > "$work/big.jsonl"
echo "large scan: $(stat -c %s "$work/big.jsonl") bytes"
/usr/bin/time -v "$bin" scan "$work/big.jsonl" -o "$work/big-out.jsonl" --overwrite 2> "$work/time.txt" || true
grep -E "documents:|read:|Maximum resident|Elapsed" "$work/time.txt"
