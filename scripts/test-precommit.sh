#!/usr/bin/env bash
# The pre-commit hook (.pre-commit-hooks.yaml) as a user meets it: pre-commit from PyPI runs it
# with `try-repo` against a temporary git repository; a hyped page must stop the commit with a
# path:line:col finding, a sober one must pass. Needs the command line built (cargo build).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${HYPECHECK_BIN:-$root/target/debug/hypecheck}
python3 -m pip install -q --disable-pip-version-check --root-user-action=ignore pre-commit
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/bin" "$work/repo"
ln -s "$bin" "$work/bin/hypecheck"
export PATH="$work/bin:$PATH"
cd "$work/repo"
git init -q .
git config user.email ci@example.org
git config user.name ci
printf '# Joints\n\nOur miracle stem cells cure arthritis, guaranteed and 100%% safe.\n' > hype.md
cp "$root/examples/exosomes-article.txt" sober.md
git add hype.md sober.md
if out=$(pre-commit try-repo "$root" hypecheck --files hype.md 2>&1); then
  echo "test-precommit: the hyped page passed the hook" >&2; echo "$out" >&2; exit 1
fi
grep -q "hype.md:3:" <<<"$out" || { echo "test-precommit: no finding at hype.md:3" >&2; echo "$out" >&2; exit 1; }
pre-commit try-repo "$root" hypecheck --files sober.md >/dev/null || {
  echo "test-precommit: the sober article failed the hook" >&2; exit 1; }
echo "test-precommit: the hook stops a hyped page (hype.md:3) and passes the origin article: ok"
