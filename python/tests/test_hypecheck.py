"""The Python package as a user calls it: the same report as the command line, errors that say
why, many texts in parallel, and the scan records that Spark writes."""

import gzip
import json
import pathlib
import subprocess
import threading

import pytest

import hypecheck

ROOT = pathlib.Path(__file__).resolve().parents[2]
SEED = (ROOT / "examples" / "exosomes-article.txt").read_text(encoding="utf-8")


def command_line():
    """The hypecheck binary to compare with: HYPECHECK_BIN, else a release or debug build; with CI
    set, its absence fails rather than skips."""
    import os

    candidates = [os.environ.get("HYPECHECK_BIN"), ROOT / "target/release/hypecheck", ROOT / "target/debug/hypecheck"]
    for candidate in candidates:
        if candidate and pathlib.Path(candidate).exists():
            return pathlib.Path(candidate)
    if os.environ.get("CI"):
        pytest.fail("no hypecheck binary to compare with (cargo build)")
    pytest.skip("the command line is not built (cargo build)")


HYPE = (
    "Turmeric capsules reverse arthritis. This miracle supplement repairs your joints within weeks, "
    "guaranteed and completely safe."
)


def test_version_is_the_packages():
    assert hypecheck.__version__.count(".") == 2


def test_check_returns_the_json_report():
    report = hypecheck.check(HYPE)
    assert report["schema_version"] == "2.0"
    assert report["questions"]["language"]["verdict"] == "fail"
    assert report["findings"], "the findings come with the report"
    finding = report["findings"][0]
    assert HYPE[finding["span"]["start"] : finding["span"]["end"]] == finding["excerpt"]


def test_the_seed_article_is_judged_sober_as_on_the_command_line():
    report = hypecheck.check(SEED)
    assert report["grade"]["letter"] in ("A", "B")
    cli = command_line()
    if cli:
        out = subprocess.run(
            [str(cli), "check", "-", "--format", "json"], input=SEED.encode(), capture_output=True, check=True
        )
        from_cli = json.loads(out.stdout)
        assert from_cli["grade"] == report["grade"]
        assert from_cli["questions"] == report["questions"]


def test_options_are_honoured():
    german = hypecheck.Checker(report_lang="de").check(HYPE)
    assert german["report_language"] == "de"
    html = hypecheck.check(f"<p>{HYPE}</p>", input_format="html")
    assert html["input"]["format"] == "html"
    assert hypecheck.Checker("rules").tier == "rules"
    with pytest.raises(ValueError, match="tier"):
        hypecheck.Checker("turbo")
    with pytest.raises(ValueError, match="lang"):
        hypecheck.check(HYPE, lang="fr")


def test_a_text_that_cannot_be_analysed_raises_with_its_kind():
    with pytest.raises(hypecheck.InputError) as caught:
        hypecheck.check("   \n ")
    assert caught.value.kind == "only_whitespace"
    with pytest.raises(hypecheck.InputError) as caught:
        hypecheck.check(b"\x00\x01binary")
    assert caught.value.kind == "binary"
    with pytest.raises(TypeError):
        hypecheck.check(42)


def test_check_many_answers_every_text_in_order():
    checker = hypecheck.Checker(jobs=2)
    texts = [HYPE, "", SEED] * 20
    reports = checker.check_many(texts)
    assert len(reports) == 60
    for text, report in zip(texts, reports):
        if text:
            assert report == checker.check(text)
        else:
            assert report["error"]["kind"] == "empty"


def test_check_many_releases_the_gil():
    checker = hypecheck.Checker(jobs=1)
    ticks = []
    stop = threading.Event()

    def tick():
        while not stop.is_set():
            ticks.append(1)
            stop.wait(0.001)

    t = threading.Thread(target=tick)
    t.start()
    checker.check_many([SEED] * 200)
    stop.set()
    t.join()
    assert len(ticks) > 5, "another Python thread ran while the texts were checked"


def test_scan_records_match_the_command_line_scan(tmp_path):
    docs = [
        {"id": "a", "url": "https://www.clinic.example/x", "text": HYPE},
        {"id": "b", "text": SEED},
        {"id": "c", "text": ""},
        {"id": "d"},
    ]
    records = hypecheck.Checker().scan(docs)
    assert [r["id"] for r in records] == ["a", "b", "c", "d"]
    assert records[0]["domain"] == "clinic.example"
    assert records[0]["language"] == "fail"
    assert (records[2]["status"], records[2]["error_kind"]) == ("error", "empty")
    assert records[3]["error_kind"] == "document"
    cli = command_line()
    corpus = tmp_path / "docs.jsonl"
    corpus.write_text("".join(json.dumps(d) + "\n" for d in docs[:3]))
    out = tmp_path / "out.jsonl"
    subprocess.run([str(cli), "scan", str(corpus), "-o", str(out), "-q"], check=True)
    from_cli = [json.loads(line) for line in out.read_text().splitlines()]
    for mine, theirs in zip(records, from_cli):
        for column in ("id", "status", "grade", "score", "evidence", "approval", "risks", "language", "criteria", "findings"):
            assert mine[column] == theirs[column], column


def _warc(records):
    out = b""
    for kind, uri, block in records:
        block = block.encode()
        head = (
            f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{kind}-{uri}>\r\n"
            f"WARC-Target-URI: {uri}\r\nContent-Length: {len(block)}\r\n\r\n"
        )
        out += gzip.compress(head.encode() + block + b"\r\n\r\n")
    return out


def test_scan_files_gives_the_command_lines_records_exactly(tmp_path):
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "a.jsonl").write_text(
        json.dumps({"id": "a1", "text": HYPE}) + "\nnot json\n" + json.dumps({"text": SEED}) + "\n"
    )
    page = f"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>{HYPE}</p>"
    (corpus / "crawl.warc.gz").write_bytes(
        _warc([("request", "http://shop.example/", "GET / HTTP/1.1\r\n\r\n"), ("response", "http://shop.example/", page)])
    )
    (corpus / "b.txt").write_text(HYPE)
    records = hypecheck.Checker(jobs=2).scan_files([str(corpus)])
    got = list(records)
    assert records.not_documents == 1
    assert [r["seq"] for r in got] == [0, 1, 2, 3, 4]
    assert got[1]["error_kind"] == "jsonl_line"
    assert got[4]["domain"] == "shop.example"
    cli = command_line()
    out = tmp_path / "out.jsonl"
    subprocess.run([str(cli), "scan", str(corpus), "-o", str(out), "-q"], check=True)
    assert got == [json.loads(line) for line in out.read_text().splitlines()]
    with pytest.raises(ValueError, match="cannot read"):
        hypecheck.Checker().scan_files([str(tmp_path / "missing")])
