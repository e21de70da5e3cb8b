#!/usr/bin/env bash
# Time and peak memory of `hypecheck check --format json` on hostile input shapes of about 16 MB
# (issue 12's target: at most 2 s and 300 MB per 16 MB of input), one run each, printed as a table.
#   scripts/bench-hostile.sh [MB]     (default 16)
set -euo pipefail
cd "$(dirname "$0")/.."
mb=${1:-16}
cargo build --release -q -p hypecheck-cli
bin=$PWD/target/release/hypecheck
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 - "$tmp" "$mb" <<'PY'
import sys, os
d, mb = sys.argv[1], int(sys.argv[2])
n = mb * 1024 * 1024
def write(name, s):
    open(os.path.join(d, name), 'w', encoding='utf-8').write(s)
write('attributes.html', '<html><body><p ' + ' '.join('a%d="x"' % i for i in range(n // 13)) + '>Exosomes cure arthritis.</p></body></html>')
write('cure-lines.txt', 'cure\n' * (n // 5))
write('cure-words.txt', 'cure ' * (n // 5))
write('hype-sentences.txt', 'Our miracle exosomes cure arthritis, guaranteed and risk-free!\n' * (n // 63))
write('nesting.html', '<div>' * (n // 10) + 'Exosomes cure arthritis.' + '</div>' * (n // 10))
write('entities.html', '<p>' + '&amp;&lt;&#x41;&nbsp;' * (n // 22) + '</p>')
write('long-token.txt', 'a' * n + ' cure.')
write('table.html', '<table>' + '<tr><td>cure</td><td>miracle</td></tr>' * (n // 40) + '</table>')
write('zero-width.txt', ('mir\u200dacle cu\u00adre FD\u0410-approved. ' * (n // 40)))
write('mixed-languages.txt', ('Exosomes cure arthritis. Exosomen heilen Arthrose und sind sicher. ' * (n // 70)))
PY
printf '%-22s %10s %10s %10s %12s\n' input MB seconds "peak MB" "report KB"
for f in "$tmp"/*.txt "$tmp"/*.html; do
  name=$(basename "$f")
  size=$(stat -c %s "$f")
  out=$( { /usr/bin/time -f '%e %M' "$bin" check "$f" --format json --max-bytes $((size + 1)) > "$tmp/report.json" || true; } 2>&1 | tail -1)
  report=$(stat -c %s "$tmp/report.json")
  printf '%-22s %10.1f %10s %10d %12d\n' "$name" "$(awk -v s="$size" 'BEGIN{print s/1048576}')" "${out% *}" "$(( ${out#* } / 1024 ))" "$((report / 1024))"
done
