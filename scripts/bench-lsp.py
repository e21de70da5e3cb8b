#!/usr/bin/env python3
"""How fast `hypecheck lsp` answers an edit: the time from sending a didChange of a 50 KB Markdown
file to receiving its diagnostics, over many edits (each a word typed at a different place), fast
tier unless --rules or --deep is passed through. Prints median, 95th percentile and maximum.

    cargo build --release && scripts/bench-lsp.py [--bin target/release/hypecheck] [--size 50000] [--edits 200]
"""
import argparse, glob, json, os, statistics, subprocess, sys, time

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ap = argparse.ArgumentParser()
ap.add_argument("--bin", default=os.path.join(root, "target/release/hypecheck"))
ap.add_argument("--size", type=int, default=50_000)
ap.add_argument("--edits", type=int, default=200)
args, extra = ap.parse_known_args()

# A realistic page: the project's Markdown fixtures and the origin article, repeated to the size.
parts = [open(p, encoding="utf-8").read() for p in sorted(glob.glob(os.path.join(root, "tests/fixtures/*.md")))]
parts.append(open(os.path.join(root, "examples/exosomes-article.txt"), encoding="utf-8").read())
text = ""
while len(text.encode()) < args.size:
    text += "\n\n".join(parts) + "\n\n"
text = text.encode()[: args.size].decode("utf-8", "ignore")

server = subprocess.Popen([args.bin, "lsp", *extra], stdin=subprocess.PIPE, stdout=subprocess.PIPE)

def send(message):
    body = json.dumps(message).encode()
    server.stdin.write(b"Content-Length: %d\r\n\r\n%s" % (len(body), body))
    server.stdin.flush()

def receive():
    length = None
    while True:
        line = server.stdout.readline()
        if not line:
            sys.exit("bench-lsp: the server closed its output")
        line = line.strip()
        if not line:
            break
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":")[1])
    return json.loads(server.stdout.read(length))

def wait(pred):
    while True:
        m = receive()
        if pred(m):
            return m

uri = "file:///tmp/bench-lsp/page.md"
send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"processId": None, "capabilities": {}}})
wait(lambda m: m.get("id") == 1)
send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
send({"jsonrpc": "2.0", "method": "textDocument/didOpen",
      "params": {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}}})
first = wait(lambda m: m.get("method") == "textDocument/publishDiagnostics")
times = []
for version in range(2, args.edits + 2):
    at = (version * 7919) % len(text)
    while at < len(text) and text[at] not in " \n":
        at += 1
    edited = text[:at] + " miracle" + text[at:]
    start = time.perf_counter()
    send({"jsonrpc": "2.0", "method": "textDocument/didChange",
          "params": {"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": edited}]}})
    wait(lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"].get("version") == version)
    times.append((time.perf_counter() - start) * 1000)
send({"jsonrpc": "2.0", "id": 2, "method": "shutdown", "params": None})
wait(lambda m: m.get("id") == 2)
send({"jsonrpc": "2.0", "method": "exit", "params": None})
server.wait(timeout=10)
times.sort()
p95 = times[int(0.95 * (len(times) - 1))]
print(f"bench-lsp: {len(text.encode())} bytes of Markdown, {len(first['params']['diagnostics'])} diagnostics, "
      f"{len(times)} edits: median {statistics.median(times):.1f} ms, p95 {p95:.1f} ms, max {times[-1]:.1f} ms")
