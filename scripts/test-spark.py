"""The Spark example against `hypecheck scan`: on the shipped examples and fixtures plus a
generated corpus of a few thousand documents (JSONL shards and a Common Crawl-style WARC), run
examples/spark/scan.py with local[2] and assert N documents in, N records out, with the same
columns as the command line's records (joined by source; files mode) and the same verdicts
(joined by id; lines mode).

    python3 scripts/test-spark.py [--documents 3000] [--hypecheck target/debug/hypecheck]
"""

import argparse
import gzip
import json
import pathlib
import random
import shutil
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[1]
COLUMNS = ["id", "source", "url", "domain", "status", "error_kind", "error", "bytes", "format", "text_language",
           "grade", "score", "evidence", "approval", "risks", "language", "compliance_found", "criteria",
           "findings", "warnings"]

HYPE = ["{product} reverses {disease} within weeks, guaranteed.", "Our {product} is completely safe and natural.",
        "Patients say {product} cured their {disease}.", "A breakthrough: {product} repairs damaged tissue."]
SOBER = ["A randomised trial in {n} adults found that {product} reduced {disease} symptoms slightly.",
         "Side effects included nausea and headache in {k} of {n} participants.",
         "The study was small and funded by the manufacturer; larger trials are needed.",
         "{product} is not approved by the FDA for {disease}."]
PRODUCTS = ["turmeric capsules", "stem cell injections", "exosome therapy", "the new drug", "a herbal tea"]
DISEASES = ["arthritis", "migraine", "dementia", "back pain", "hair loss"]


def document(rng, i):
    templates = rng.sample(HYPE if i % 2 else SOBER, 2) + rng.sample(SOBER + HYPE, 1)
    values = {"product": rng.choice(PRODUCTS), "disease": rng.choice(DISEASES), "n": rng.randint(20, 900),
              "k": rng.randint(1, 19)}
    return " ".join(t.format(**values) for t in templates).capitalize()


def corpus(root, documents):
    rng = random.Random(7)
    (root / "examples").mkdir(parents=True)
    for source in [ROOT / "examples", ROOT / "tests" / "fixtures"]:
        for path in sorted(source.glob("*")):
            if path.is_file():
                shutil.copy(path, root / "examples" / path.name)
    shards = 4
    per_shard = documents // shards
    for s in range(shards):
        lines = []
        for i in range(per_shard):
            n = s * per_shard + i
            lines.append(json.dumps({"id": f"doc-{n}", "url": f"https://site{n % 17}.example/p/{n}",
                                     "text": document(rng, n)}))
        if s == 0:
            lines.insert(5, "this line is not JSON")
        (root / f"shard-{s}.jsonl").write_text("\n".join(lines) + "\n")
    warc = b""
    for n in range(60):
        uri = f"http://crawl{n % 5}.example/{n}"
        page = f"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><p>{document(rng, n)}</p></html>"
        for kind, block in [("request", f"GET /{n} HTTP/1.1\r\n\r\n"), ("response", page)]:
            block = block.encode()
            head = (f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{kind}-{n}>\r\n"
                    f"WARC-Target-URI: {uri}\r\nContent-Length: {len(block)}\r\n\r\n").encode()
            warc += gzip.compress(head + block + b"\r\n\r\n")
    (root / "crawl.warc.gz").write_bytes(warc)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=3000)
    parser.add_argument("--hypecheck", default=None)
    args = parser.parse_args()
    cli = args.hypecheck or next(
        (str(p) for p in [ROOT / "target/release/hypecheck", ROOT / "target/debug/hypecheck"] if p.exists()), None)
    if cli is None:
        sys.exit("test-spark: build the command line first (cargo build)")
    from pyspark.sql import SparkSession

    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        data = tmp / "corpus"
        corpus(data, args.documents)
        inputs = sorted(str(p) for p in data.iterdir())
        subprocess.run([cli, "scan", *inputs, "-o", str(tmp / "cli.jsonl"), "-q"], check=True)
        from_cli = [json.loads(line) for line in (tmp / "cli.jsonl").read_text().splitlines()]
        submit = shutil.which("spark-submit") or sys.exit("test-spark: spark-submit not found (pip install pyspark)")
        example = str(ROOT / "examples/spark/scan.py")
        for mode, paths in [("files", inputs), ("lines", sorted(str(p) for p in data.glob("*.jsonl")))]:
            out = tmp / f"{mode}.parquet"
            subprocess.run([submit, "--master", "local[2]", example, "--mode", mode, "--out", str(out), *paths],
                           check=True)
        spark = SparkSession.builder.master("local[1]").appName("hypecheck-spark-test").getOrCreate()
        files = [r.asDict(recursive=True) for r in spark.read.parquet(str(tmp / "files.parquet")).collect()]
        lines = [r.asDict(recursive=True) for r in spark.read.parquet(str(tmp / "lines.parquet")).collect()]
        spark.stop()

    assert len(files) == len(from_cli), f"files mode: {len(from_cli)} documents in, {len(files)} records out"
    by_source = {r["source"]: r for r in files}
    assert len(by_source) == len(files), "every source once"
    for theirs in from_cli:
        mine = by_source[theirs["source"]]
        for column in COLUMNS:
            assert mine[column] == theirs[column], (theirs["source"], column, mine[column], theirs[column])
    jsonl_documents = [r for r in from_cli if ".jsonl:" in r["source"]]
    assert len(lines) == len(jsonl_documents), f"lines mode: {len(jsonl_documents)} lines in, {len(lines)} out"
    cli_by_id = {r["id"]: r for r in jsonl_documents if r["status"] == "ok"}
    compared = 0
    for mine in lines:
        theirs = cli_by_id.get(mine["id"])
        if theirs is None:
            assert mine["error_kind"] == "jsonl_line", mine
            continue
        for column in ["grade", "score", "evidence", "approval", "risks", "language", "criteria", "findings"]:
            assert mine[column] == theirs[column], (mine["id"], column)
        compared += 1
    errors = sum(r["status"] == "error" for r in files)
    print(f"test-spark: {len(from_cli)} documents in; files mode {len(files)} records out ({errors} errors), "
          f"every column as hypecheck scan's; lines mode {len(lines)} records, {compared} verdicts compared: ok")


if __name__ == "__main__":
    main()
