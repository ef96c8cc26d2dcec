#!/usr/bin/env python3
"""Samples health endpoints and processes while bench/load.sh runs load; standard library only.

    sampler.py --out FILE --duration S [--interval 0.2] [--timeout 2]
               [--url NAME=http://127.0.0.1:PORT/path ...] [--pid NAME=PID ...]

Every INTERVAL seconds each URL is fetched in its own thread (so a hung endpoint does not delay the next
sample), with TIMEOUT seconds for the whole exchange. One line per sample:

    h <start ms> <name> <status or 0 if no answer> <UP|DOWN|NONE> <latency ms>

UP = 200, DOWN = any other status (MicroProfile Health and Spring answer 503 when DOWN), NONE = no answer
within TIMEOUT (or refused). Every second, per PID, from /proc:

    p <ms> <name> <threads> <rss kB> <utime+stime ticks>

Bounded: stops after DURATION seconds or on SIGTERM (plus at most TIMEOUT for the last probes).
Loopback URLs only.
"""
import argparse
import http.client
import signal
import sys
import threading
import time
import urllib.parse


def probe(url, timeout, name, lines, lock):
    start = time.time()
    parts = urllib.parse.urlsplit(url)
    status, state = 0, "NONE"
    try:
        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
        try:
            conn.request("GET", parts.path or "/", headers={"Connection": "close"})
            resp = conn.getresponse()
            resp.read()
            status = resp.status
            state = "UP" if status == 200 else "DOWN"
        finally:
            conn.close()
    except Exception:  # refused, reset, timed out: no answer
        pass
    took = (time.time() - start) * 1000
    if took > timeout * 1000 and status:
        status, state = 0, "NONE"  # the answer came after the deadline: count it as none
    with lock:
        lines.append("h %d %s %d %s %.1f\n" % (start * 1000, name, status, state, took))


def proc(pid):
    threads = rss = 0
    with open("/proc/%s/status" % pid) as f:
        for line in f:
            if line.startswith("Threads:"):
                threads = int(line.split()[1])
            elif line.startswith("VmRSS:"):
                rss = int(line.split()[1])
    with open("/proc/%s/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    ticks = int(fields[11]) + int(fields[12])
    return threads, rss, ticks


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--duration", type=float, required=True)
    ap.add_argument("--interval", type=float, default=0.2)
    ap.add_argument("--timeout", type=float, default=2.0)
    ap.add_argument("--url", action="append", default=[])
    ap.add_argument("--pid", action="append", default=[])
    a = ap.parse_args()
    urls = [u.split("=", 1) for u in a.url]
    for _, u in urls:
        host = urllib.parse.urlsplit(u).hostname
        if host not in ("127.0.0.1", "localhost", "::1"):
            sys.exit("sampler: loopback URLs only, not %s" % u)
    pids = [p.split("=", 1) for p in a.pid]
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    lines, lock = [], threading.Lock()
    workers = []
    start = time.time()
    end = start + min(a.duration, 3600)
    tick = 0
    next_proc = start
    with open(a.out, "w") as out:
        while True:
            due = start + tick * a.interval
            if due >= end or stop.is_set():
                break
            pause = due - time.time()
            if pause > 0 and stop.wait(pause):
                break
            for name, url in urls:
                t = threading.Thread(target=probe, args=(url, a.timeout, name, lines, lock), daemon=True)
                t.start()
                workers.append(t)
            if time.time() >= next_proc:
                for name, pid in pids:
                    try:
                        th, rss, ticks = proc(pid)
                        with lock:
                            lines.append("p %d %s %d %d %d\n" % (time.time() * 1000, name, th, rss, ticks))
                    except OSError:
                        pass
                next_proc += 1.0
            tick += 1
            workers = [w for w in workers if w.is_alive()]
            with lock:
                out.writelines(lines)
                lines.clear()
            out.flush()
        deadline = time.time() + a.timeout + 0.5
        for w in workers:
            w.join(max(0.0, deadline - time.time()))
        with lock:
            out.writelines(lines)


if __name__ == "__main__":
    main()
