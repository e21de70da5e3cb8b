#!/usr/bin/env bash
# The Python package, the pre-commit hook, the SARIF schema test and the Spark example: builds and installs the package (pip, maturin), runs
# its tests, then the Spark test (scripts/test-spark.py: local[2], a generated corpus of a few
# thousand documents) when Java is present. With CI set, a missing Java fails instead of skipping.
set -euo pipefail
cd "$(dirname "$0")/.."
pip_install() { python3 -m pip install -q --disable-pip-version-check --root-user-action=ignore "$@"; }
# The tests compare with the command line: the debug build `cargo test` made, wherever the target
# directory is (CARGO_TARGET_DIR respected).
cargo build -q --locked -p hypecheck-cli
target=$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')
export HYPECHECK_BIN="$target/debug/hypecheck"
pip_install ./python pytest
python3 -m pytest -q python/tests
# The pre-commit hook, run by pre-commit itself against a temporary repository.
scripts/test-precommit.sh
# The SARIF output against the official schema.
scripts/test-sarif.sh
if command -v java >/dev/null 2>&1; then
  pip_install "pyspark>=4,<5"
  python3 scripts/test-spark.py --hypecheck "$HYPECHECK_BIN"
elif [ -n "${CI:-}" ]; then
  echo "test-python: Java is missing, so the Spark example cannot run (apt-get install openjdk-17-jre-headless)" >&2
  exit 1
else
  echo "SKIPPED: the Spark test needs Java 17 (apt-get install openjdk-17-jre-headless)" >&2
fi
