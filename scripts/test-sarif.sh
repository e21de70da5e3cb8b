#!/usr/bin/env bash
# `check --format sarif` against the official SARIF 2.1.0 JSON schema (sarif-2.1.0-rtm.5.json, the
# OASIS schema as Microsoft's SARIF SDK ships it in the npm package @microsoft/jest-sarif; its
# checksum is pinned here), validated with Python's jsonschema: one file, many files with one that
# cannot be read, HTML and Markdown. Also checks what GitHub code scanning needs of a result (a
# rule that exists, a line) and that the results are the concise format's findings, one for one.
# Needs the command line built (cargo build) and npm.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${HYPECHECK_BIN:-$root/target/debug/hypecheck}
schema_sha256=2d99159ae54a3eea97f81781cff48780548657c35949f4b7f25e99a2ba4de4f8
if ! command -v npm >/dev/null 2>&1; then
  if [ -n "${CI:-}" ]; then echo "test-sarif: npm is missing, so the SARIF schema cannot be fetched" >&2; exit 1; fi
  echo "SKIPPED: the SARIF schema test needs npm" >&2; exit 0
fi
python3 -m pip install -q --disable-pip-version-check --root-user-action=ignore "jsonschema>=4"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack -q --silent @microsoft/jest-sarif@1.0.0-beta.0 >/dev/null && tar xzf microsoft-jest-sarif-1.0.0-beta.0.tgz)
schema="$work/package/lib/schemas/sarif-2.1.0-rtm.5.json"
echo "$schema_sha256  $schema" | sha256sum -c --quiet -
cd "$root"
printf '\xff\xfe\x00\x00binary' > "$work/broken.txt"
# Exit 1 (findings at fail-on) and 2 (an unreadable file) are expected; the log is what counts.
"$bin" check --format sarif examples/exosomes-article.txt > "$work/one.sarif" || true
"$bin" check --format sarif tests/fixtures "$work/broken.txt" > "$work/many.sarif" 2> "$work/many.err" || true
"$bin" check --format concise tests/fixtures > "$work/many.concise" || true
# The example workflow's own steps (examples/github-actions/hypecheck.yml), run as Actions would
# in a checkout holding a hyped page: the SARIF step must succeed and write a valid log, the
# annotation step must fail the job with a line on the page.
python3 -m pip install -q --disable-pip-version-check --root-user-action=ignore pyyaml
mkdir -p "$work/bin" "$work/checkout"
ln -sf "$bin" "$work/bin/hypecheck"
printf '# Joints\n\nOur miracle stem cells cure arthritis, guaranteed and 100%% safe.\n' > "$work/checkout/hype.md"
python3 - "$root/examples/github-actions/hypecheck.yml" "$work" <<'PY'
import os, subprocess, sys, yaml
steps = yaml.safe_load(open(sys.argv[1]))["jobs"]["hypecheck"]["steps"]
work = sys.argv[2]
env = dict(os.environ, PATH=f"{work}/bin:" + os.environ["PATH"])
run = {s["name"]: s["run"] for s in steps if "run" in s and s["run"].startswith("hypecheck ")}
upload = [s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif")]
assert upload and upload[0]["with"]["sarif_file"] == "hypecheck.sarif", upload
sarif = subprocess.run(["bash", "-e", "-c", run["Findings as SARIF"]], cwd=f"{work}/checkout", env=env)
assert sarif.returncode == 0, "the SARIF step failed the job"
annotations = subprocess.run(["bash", "-e", "-c", run["Check the texts"]], cwd=f"{work}/checkout", env=env,
                             capture_output=True, text=True)
assert annotations.returncode == 1 and "file=hype.md,line=3" in annotations.stdout, annotations
os.rename(f"{work}/checkout/hypecheck.sarif", f"{work}/workflow.sarif")
PY
python3 - "$schema" "$work" <<'PY'
import json, sys, jsonschema
schema = json.load(open(sys.argv[1]))
work = sys.argv[2]
validator = jsonschema.Draft4Validator(schema)
for name in ["one.sarif", "many.sarif", "workflow.sarif"]:
    log = json.load(open(f"{work}/{name}"))
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    if errors:
        for e in errors[:10]:
            print(f"test-sarif: {name}: {'/'.join(map(str, e.path))}: {e.message}", file=sys.stderr)
        sys.exit(1)
    run = log["runs"][0]
    rules = [r["id"] for r in run["tool"]["driver"]["rules"]]
    for r in run["results"]:
        assert r["ruleId"] in rules and rules[r["ruleIndex"]] == r["ruleId"], r
        region = r["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1, r
many = json.load(open(f"{work}/many.sarif"))["runs"][0]
concise = [l for l in open(f"{work}/many.concise").read().splitlines() if l.strip()]
results = [f'{r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]}:'
           f'{r["locations"][0]["physicalLocation"]["region"]["startLine"]}:'
           f'{r["locations"][0]["physicalLocation"]["region"]["startColumn"]}: {r["ruleId"]}'
           for r in many["results"]]
expected = [" ".join(l.split(" ")[:2]) for l in concise]
assert results == expected, (len(results), len(expected), [p for p in zip(results, expected) if p[0] != p[1]][:3])
notes = many["invocations"][0]["toolExecutionNotifications"]
assert not many["invocations"][0]["executionSuccessful"] and len(notes) == 1, notes
assert notes[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith("broken.txt"), notes
workflow = json.load(open(f"{work}/workflow.sarif"))["runs"][0]["results"]
assert any(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "hype.md" for r in workflow), workflow
print(f"test-sarif: {len(many['results'])} results from {len(set(r.split(':')[0] for r in results))} files "
      "valid against the SARIF 2.1.0 schema, the same as the concise format; the unreadable file is a notification; "
      "the example workflow's steps write a valid log and fail on the hyped page: ok")
PY
