#!/usr/bin/env bash
# Runs each cargo-fuzz target (fuzz/fuzz_targets) for SECONDS (default 10), seeded with the
# project's own inputs of its kind (the fixtures and the origin article, the knowledge base and the
# inputs fuzzing found before, the lexicons; the config target's seeds are in fuzz/corpus/config),
# and prints executions, coverage and corpus size. New inputs go to fuzz/corpus/<target>. A crash, a timeout (an input taking over 10 s) or more than 2 GB of memory
# fails the run. Needs the nightly toolchain and cargo-fuzz (`cargo install cargo-fuzz`); without
# them it says so and exits 0, so that CI can call it on any machine.
#   scripts/fuzz.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(ingest analysis kb_loader lexicon_loader config)
if ! rustup toolchain list 2>/dev/null | grep -q nightly || ! cargo +nightly fuzz --version >/dev/null 2>&1; then
  echo "fuzz: SKIPPED: needs the nightly toolchain and cargo-fuzz (rustup toolchain install nightly; cargo install cargo-fuzz)"
  exit 0
fi
cd fuzz
cargo +nightly fuzz build -O
printf '%-16s %12s %10s %10s %8s\n' target executions coverage features corpus
# Read-only seed directories per target (libFuzzer reads them after the writable corpus).
seeds() {
  case $1 in
    ingest | analysis) echo ../tests/fixtures ../examples ;;
    kb_loader) echo ../data/kb ../crates/hypecheck-kb/tests/regressions ;;
    lexicon_loader) echo ../data/lexicons ;;
    *) ;;
  esac
}
for t in "${targets[@]}"; do
  mkdir -p "corpus/$t"
  log=$(mktemp)
  # shellcheck disable=SC2046 # the seed directories are words
  if ! cargo +nightly fuzz run -O "$t" "corpus/$t" $(seeds "$t") -- -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 >"$log" 2>&1; then
    tail -40 "$log"
    echo "fuzz: $t FAILED (the input is in fuzz/artifacts/$t)"
    exit 1
  fi
  done_line=$(grep -E '^#[0-9]+.*(DONE|pulse|NEW|REDUCE|INITED)' "$log" | tail -1)
  execs=$(echo "$done_line" | awk '{print $1}' | tr -d '#')
  cov=$(echo "$done_line" | grep -oE 'cov: [0-9]+' | grep -oE '[0-9]+' || echo -)
  ft=$(echo "$done_line" | grep -oE 'ft: [0-9]+' | grep -oE '[0-9]+' || echo -)
  files=$(find "corpus/$t" -type f | wc -l)
  printf '%-16s %12s %10s %10s %8s\n' "$t" "$execs" "$cov" "$ft" "$files"
  rm -f "$log"
done
