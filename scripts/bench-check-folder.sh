#!/usr/bin/env bash
# `hypecheck check` on a 500-file docs folder with a team configuration (a benchmark, not a test):
# the 352 dev press releases of shared/data as Markdown pages and the fixtures (Markdown, HTML,
# text) repeated, in nested folders, with a .hypecheck.toml that ignores, raises a severity,
# overrides a folder and excludes one (so 500 files are checked); timed by hyperfine with one job
# and with two, concise output.
#
#   scripts/bench-check-folder.sh [RELEASES_JSONL]     (default: ../shared/data/hnr-releases/dev.jsonl)
set -euo pipefail
cd "$(dirname "$0")/.."
releases=${1:-../shared/data/hnr-releases/dev.jsonl}
command -v hyperfine >/dev/null || { echo "bench-check-folder: needs hyperfine (apt-get install hyperfine)" >&2; exit 2; }
cargo build --release -q -p hypecheck-cli
bin=$PWD/target/release/hypecheck
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$releases" "$work/docs" <<'PY'
import glob, json, os, sys
releases, docs = sys.argv[1], sys.argv[2]
fixtures = sorted(p for p in glob.glob("tests/fixtures/*") if p.rsplit(".", 1)[-1] in ("md", "html", "txt"))
pages = []
for line in open(releases, encoding="utf-8"):
    r = json.loads(line)
    pages.append(("md", "# " + (r.get("title") or "Release") + "\n\n" + r["text"]))
while len(pages) < 500:
    p = fixtures[len(pages) % len(fixtures)]
    pages.append((p.rsplit(".", 1)[-1], open(p, encoding="utf-8").read()))
for i, (ext, text) in enumerate(pages[:500]):
    folder = os.path.join(docs, ["press", "news", "clinic", "guides"][i % 4], f"part{i % 10}")
    os.makedirs(folder, exist_ok=True)
    open(os.path.join(folder, f"page{i:03}.{ext}"), "w", encoding="utf-8").write(text)
# Excluded: never checked.
os.makedirs(os.path.join(docs, "drafts"), exist_ok=True)
for i in range(50):
    open(os.path.join(docs, "drafts", f"draft{i}.md"), "w").write(pages[i][1])
open(os.path.join(docs, ".hypecheck.toml"), "w").write(
    'ignore = ["HC405"]\nexclude = ["drafts"]\nfail-on = "fail"\n\n[severity]\nHC401 = "fail"\n\n'
    '[[overrides]]\nfiles = ["press/**"]\nignore = ["HC502"]\n')
PY
files=$(find "$work/docs" -type f \( -name '*.md' -o -name '*.html' -o -name '*.txt' \) -not -path '*/drafts/*' | wc -l)
bytes=$(find "$work/docs" -type f -not -path '*/drafts/*' -not -name '.hypecheck.toml' -printf '%s\n' | awk '{s+=$1} END {print s}')
echo "docs folder: $files files checked, $bytes bytes, 50 excluded"
cd "$work/docs"
"$bin" check . --format concise > "$work/findings.txt" || true
echo "findings: $(wc -l < "$work/findings.txt") lines from $(cut -d: -f1 "$work/findings.txt" | sort -u | wc -l) files"
hyperfine --warmup 1 --runs 5 -i \
  -n "1 job" "$bin check . --format concise --jobs 1" \
  -n "2 jobs" "$bin check . --format concise --jobs 2"
