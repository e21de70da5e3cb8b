"""Scan documents with Apache Spark and the hypecheck Python package; write Parquet with the
columns of `hypecheck scan` (one row per document, an error row for one that cannot be read).

Two ways to read:
  --mode files  (default) each task reads whole files by path with hypecheck's own readers
                (files, directories, JSONL, WARC/WET, gzip or not): the same records, ids and
                sources as `hypecheck scan`. The paths must be readable by every executor (a
                local run, or storage mounted on every node).
  --mode lines  Spark reads JSONL itself (any Hadoop filesystem: hdfs://, s3a://, ...) and each
                line is checked; give documents an id field to join the results.

One hypecheck.Checker per partition (mapPartitions): the knowledge base and models are loaded
once per task, and each task checks its documents on its own threads with the GIL released.

    spark-submit --master local[2] examples/spark/scan.py --out results.parquet corpus/
"""

import argparse
import glob
import json
import os
import sys

from pyspark.sql import SparkSession
from pyspark.sql import types as T

STRING_COLUMNS = ["id", "source", "url", "domain", "status", "error_kind", "error"]
SCHEMA = T.StructType(
    [T.StructField("seq", T.LongType())]
    + [T.StructField(name, T.StringType()) for name in STRING_COLUMNS]
    + [
        T.StructField("bytes", T.LongType()),
        T.StructField("format", T.StringType()),
        T.StructField("text_language", T.StringType()),
        T.StructField("grade", T.StringType()),
        T.StructField("score", T.LongType()),
        T.StructField("evidence", T.StringType()),
        T.StructField("approval", T.StringType()),
        T.StructField("risks", T.StringType()),
        T.StructField("language", T.StringType()),
        T.StructField("compliance_found", T.BooleanType()),
        T.StructField("criteria", T.MapType(T.StringType(), T.StringType())),
        T.StructField("findings", T.MapType(T.StringType(), T.LongType())),
        T.StructField("warnings", T.LongType()),
        # The whole report as JSON text, with --full.
        T.StructField("report", T.StringType()),
    ]
)


def as_row(record):
    """A record of hypecheck (a dict) in the schema's column order."""
    report = record.get("report")
    values = dict(record, report=None if report is None else json.dumps(report))
    return tuple(values.get(field.name) for field in SCHEMA.fields)


def scan_file_partition(paths, options):
    import hypecheck

    paths = list(paths)
    if not paths:
        return
    checker = hypecheck.Checker(tier=options["tier"], jobs=options["jobs"])
    records = checker.scan_files(
        paths,
        text_field=options["text_field"],
        id_field=options["id_field"],
        url_field=options["url_field"],
        full=options["full"],
    )
    for record in records:
        yield as_row(record)


def scan_line_partition(lines, options):
    import hypecheck

    checker = hypecheck.Checker(tier=options["tier"], jobs=options["jobs"])
    batch = []

    def flush():
        for record in checker.scan(batch, text_field=options["text_field"], id_field=options["id_field"],
                                   url_field=options["url_field"], full=options["full"]):
            yield as_row(record)
        batch.clear()

    for row in lines:
        line = row.value
        if not line.strip():
            continue
        try:
            document = json.loads(line)
            problem = None if isinstance(document, dict) else "the line is JSON but not an object"
        except ValueError as e:
            problem = f"the line is not JSON: {e}"
        if problem:
            # Still a record, as `hypecheck scan` writes one for such a line.
            yield as_row({"seq": None, "id": line[:80], "source": line[:80], "status": "error",
                          "error_kind": "jsonl_line", "error": problem, "bytes": 0})
            continue
        batch.append(document)
        if len(batch) >= 512:
            yield from flush()
    yield from flush()


def files_of(inputs):
    """The inputs as paths on the driver: a directory stays whole (hypecheck walks it), globs
    are expanded."""
    paths = []
    for name in inputs:
        matches = sorted(glob.glob(name)) or [name]
        paths.extend(matches)
    missing = [p for p in paths if not os.path.exists(p)]
    if missing:
        sys.exit(f"scan.py: cannot read {', '.join(missing)}")
    return paths


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("inputs", nargs="+", help="files, directories or globs (JSONL, WARC/WET, text, HTML)")
    parser.add_argument("--out", required=True, help="the Parquet directory to write")
    parser.add_argument("--mode", choices=["files", "lines"], default="files")
    parser.add_argument("--tier", choices=["fast", "rules"], default="fast")
    parser.add_argument("--text-field", default="text")
    parser.add_argument("--id-field", default="id")
    parser.add_argument("--url-field", default="url")
    parser.add_argument("--full", action="store_true", help="add the whole report (JSON text)")
    parser.add_argument("--partitions", type=int, default=None, help="tasks (default: one per file, files mode)")
    parser.add_argument("--jobs", type=int, default=1, help="threads per task (default 1: Spark runs one task per core)")
    args = parser.parse_args(argv)
    options = {
        "tier": args.tier,
        "text_field": args.text_field,
        "id_field": args.id_field,
        "url_field": args.url_field,
        "full": args.full,
        "jobs": args.jobs,
    }
    spark = SparkSession.builder.appName("hypecheck-scan").getOrCreate()
    spark.sparkContext.setLogLevel("WARN")
    if args.mode == "files":
        paths = files_of(args.inputs)
        slices = args.partitions or max(1, len(paths))
        rows = spark.sparkContext.parallelize(paths, slices).mapPartitions(
            lambda part: scan_file_partition(part, options)
        )
    else:
        lines = spark.read.text(args.inputs)
        if args.partitions:
            lines = lines.repartition(args.partitions)
        rows = lines.rdd.mapPartitions(lambda part: scan_line_partition(part, options))
    frame = spark.createDataFrame(rows, SCHEMA)
    frame.write.mode("overwrite").parquet(args.out)
    written = spark.read.parquet(args.out)
    total = written.count()
    errors = written.filter(written.status == "error").count()
    print(f"scan.py: {total} records ({errors} errors) written to {args.out}")
    spark.stop()


if __name__ == "__main__":
    main()
