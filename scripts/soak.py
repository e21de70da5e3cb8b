#!/usr/bin/env python3
"""Soak test of `hypecheck serve` on loopback, bounded in time (issue 12).

Starts the release server on 127.0.0.1, warms it up with every kind of request, then runs two phases of
equal length: normal clients alone, and the same normal clients with hostile ones among them
(2 MB of one repeated word, a tag with 100,000 attributes, zero-width characters in every word,
wrong content types, broken JSON, bodies that never finish, clients that never read the answer).
It prints the latency of the normal requests in each phase and the server's memory, and fails
(exit 1) unless the normal requests' p99 in the mixed phase is within 2x of the normal-only phase
and the memory at the end is within 20 % of the memory after warm-up.

    scripts/soak.py [--seconds 600] [--bin target/release/hypecheck]

Standard library only; the server is stopped at the end whatever happens.
"""

import argparse
import http.client
import json
import multiprocessing
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def post(port, body, content_type="application/json", timeout=60):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("POST", "/api/v1/check", body=body, headers={"Content-Type": content_type})
        resp = conn.getresponse()
        resp.read()
        return resp.status
    finally:
        conn.close()


def hostile_bodies():
    big = json.dumps({"text": "cure " * 400_000})  # 2 MB
    attrs = json.dumps({"text": "<p " + " ".join(f'a{i}="x"' for i in range(100_000)) + ">Exosomes cure.</p>",
                        "input_format": "html"})
    hidden = json.dumps({"text": "Our mir\u200dacle cu\u00adre is FD\u0410-approved. " * 20_000})
    return [
        ("2 MB of one word", big.encode(), "application/json"),
        ("100,000 attributes", attrs.encode(), "application/json"),
        ("hidden characters", hidden.encode(), "application/json"),
        ("wrong content type", b"text=hello", "text/plain"),
        ("broken JSON", b'{"text": [1, 2', "application/json"),
    ]


def slow_and_deaf(port, stop):
    """A client that sends half a body and stalls, and one that posts and never reads."""
    while not stop.is_set():
        try:
            s = socket.create_connection(("127.0.0.1", port), timeout=5)
            s.sendall(b"POST /api/v1/check HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                      b"Content-Length: 100000\r\n\r\n{\"text\": \"")
            d = socket.create_connection(("127.0.0.1", port), timeout=5)
            body = json.dumps({"text": "cure " * 100_000}).encode()
            d.sendall(b"POST /api/v1/check HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                      + f"Content-Length: {len(body)}\r\n\r\n".encode() + body)
            stop.wait(3)
            s.close()
            d.close()
        except OSError:
            stop.wait(0.5)


def attack(port, seconds):
    """The hostile clients, run in a process of their own (as real attackers are): in the normal
    clients' process their Python work would hold the interpreter lock and slow the normal
    clients' own timing, which is not the server's doing. For the same reason the process runs at
    low CPU priority: on this one machine its own work (building and sending megabytes) would
    otherwise take CPU from the server and the normal clients, which real attackers' machines do
    not; what it makes the server do is still done at the server's priorities."""
    os.nice(10)
    stop = threading.Event()
    run_threads([threading.Thread(target=attacker, args=(port, stop), daemon=True),
                 threading.Thread(target=slow_and_deaf, args=(port, stop), daemon=True)], stop, seconds)


def run_threads(threads, stop, seconds):
    """Starts the threads, lets them run for `seconds`, then stops them and waits for them."""
    for t in threads:
        t.start()
    time.sleep(seconds)
    stop.set()
    for t in threads:
        t.join(timeout=70)


def attacker(port, stop):
    bodies = hostile_bodies()
    i = 0
    while not stop.is_set():
        _, body, ct = bodies[i % len(bodies)]
        i += 1
        try:
            post(port, body, ct)
        except OSError:
            pass


def run_clients(port, normal_body, seconds, hostile, latencies, errors):
    stop = threading.Event()
    threads = []

    def normal():
        while not stop.is_set():
            t0 = time.perf_counter()
            try:
                status = post(port, normal_body)
                if status == 200:
                    latencies.append(time.perf_counter() - t0)
                else:
                    errors.append(status)
            except OSError as e:
                errors.append(str(e))

    for _ in range(2):
        threads.append(threading.Thread(target=normal, daemon=True))
    attackers = multiprocessing.Process(target=attack, args=(port, seconds), daemon=True) if hostile else None
    if attackers:
        attackers.start()
    run_threads(threads, stop, seconds)
    if attackers:
        attackers.join(timeout=80)


def percentile(values, p):
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, int(p / 100 * len(values)))]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=int, default=600, help="total duration (default 600)")
    ap.add_argument("--bin", default=os.path.join(ROOT, "target/release/hypecheck"))
    args = ap.parse_args()
    if not os.path.exists(args.bin):
        subprocess.run(["cargo", "build", "--release", "-q", "-p", "hypecheck-cli"], cwd=ROOT, check=True)
    text = open(os.path.join(ROOT, "examples/exosomes-article.txt"), encoding="utf-8").read()[:10_000]
    normal_body = json.dumps({"text": text}).encode()
    server = subprocess.Popen([args.bin, "serve", "--addr", "127.0.0.1:0", "--timeout", "10"],
                              stderr=subprocess.PIPE, text=True)
    try:
        port = None
        deadline = time.time() + 20
        while time.time() < deadline and port is None:
            line = server.stderr.readline()
            m = re.search(r"http://127\.0\.0\.1:(\d+)", line or "")
            if m:
                port = int(m.group(1))
        if port is None:
            print("soak: the server did not start", file=sys.stderr)
            return 2
        threading.Thread(target=lambda: [None for _ in server.stderr], daemon=True).start()
        warm = max(10, args.seconds // 10)
        phase = (args.seconds - warm) // 2
        # Warm-up meets every shape once, so that memory the allocator keeps for the largest
        # answers counts as the baseline and only growth after it (a leak) fails the test.
        run_clients(port, normal_body, warm, True, [], [])
        time.sleep(2)
        rss_warm = rss_mb(server.pid)
        calm, calm_errors = [], []
        run_clients(port, normal_body, phase, False, calm, calm_errors)
        mixed, mixed_errors = [], []
        run_clients(port, normal_body, phase, True, mixed, mixed_errors)
        time.sleep(2)
        rss_end = rss_mb(server.pid)
        p99_calm, p99_mixed = percentile(calm, 99), percentile(mixed, 99)
        print(f"{'phase':<22}{'requests':>10}{'errors':>8}{'p50 ms':>9}{'p99 ms':>9}")
        for name, lat, err in (("normal only", calm, calm_errors), ("with hostile clients", mixed, mixed_errors)):
            print(f"{name:<22}{len(lat):>10}{len(err):>8}{percentile(lat, 50) * 1000:>9.0f}{percentile(lat, 99) * 1000:>9.0f}")
        print(f"server memory: {rss_warm:.0f} MB after warm-up, {rss_end:.0f} MB at the end")
        ok_latency = p99_mixed <= 2 * p99_calm
        ok_memory = rss_end <= 1.2 * rss_warm
        print(f"p99 with hostile clients {p99_mixed / p99_calm:.2f}x (limit 2x): {'ok' if ok_latency else 'FAIL'}")
        print(f"memory at the end {rss_end / rss_warm:.2f}x of warm-up (limit 1.2x): {'ok' if ok_memory else 'FAIL'}")
        return 0 if ok_latency and ok_memory else 1
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()


if __name__ == "__main__":
    sys.exit(main())
