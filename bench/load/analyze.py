#!/usr/bin/env python3
"""Figures, results.md and charts of bench/load.sh; standard library only.

    analyze.py report OUT      results.md, OUT/<run>.png (gnuplot) from OUT/raw/<stack>/<run>/
    analyze.py line RUN_DIR    one line: what a run gave (printed by load.sh as it goes)
    analyze.py rate RUN_DIR    numbers per second in a run (load.sh calibrates fail-after with it)

A run directory holds (see bench/load.sh and record.lua):
    meta          key=value: stack, run, kind, users, window_s, client_timeout_s, ...
    events        "<ms> <event> [detail]": start, fault_start, fault_end, api_gone, api_restart, end
    resp.<n>      per wrk thread, one line per answer: "<ms> <outcome> <status> <latency us>"
                  outcome number|planned|other, or error = no answer (the connection broke)
    wrk-summary   wrk's totals: socket errors, duration, pending_us of requests never answered
    samples       h lines (health samples every 200 ms), p lines (threads, RSS, CPU every second)
    snapshots     the web before and after: threads, RSS, heap after a full GC, CPU ticks

Definitions (also written into results.md):
    latency       per answer, from request() to response() in wrk's thread (one connection per thread)
    timeouts      answers later than the client timeout, plus requests unanswered at the end for
                  longer than it
    socket errors wrk's connect + read + write errors
    fault window  fault_start..fault_end events; b: from the first DOWN of the API's /health/ready
                  (the bug struck) to the end of the run
    phases        pre: answered before the fault began; post: sent after it ended; fault: the rest
                  (every request in flight at some moment of the fault window)
    circuit open  t_open: the send time of the first fast answer (<= 100 ms) in the fault window from
                  which at least 90 % of the requests sent in the next second were answered fast too
                  (a client-side reading of the breaker). "while closing": fault-phase requests sent
                  before t_open (including those in flight when the fault began); "once open": sent at
                  or after t_open and before the fault's end
    recovery      first number: seconds from the fault's end to the first answer with a number;
                  steady: seconds from the fault's end to the end of the first whole second (counted
                  from the fault's end) with at least 80 % of the median numbers per second before
                  the fault (whole seconds from 1 s after the start to the fault's start)
"""
import glob
import math
import os
import statistics
import subprocess
import sys
from collections import Counter, defaultdict

STACKS = ("numbers", "peer")
FAULT_RUNS = ("b", "c", "d-stop", "f", "d-stall", "e-300", "e-1200", "e-3000")
HUNG_RUNS = ("d-stop", "d-stall")
RECOVERY_GOAL_RUNS = ("c", "d-stop", "d-stall")
RUN_TITLES = {
    "a": "healthy",
    "b": "b. the API's bug strikes mid-run",
    "c": "c. the API refuses connections (server stopped), then comes back",
    "d-stop": "d. the API hangs: JVM stopped with SIGSTOP, then SIGCONT",
    "d-stall": "d. the API hangs: a stand-in accepts and never answers",
    "e-300": "e. the API answers in 300 ms",
    "e-1200": "e. the API answers in 1,200 ms",
    "e-3000": "e. the API answers in 3,000 ms",
    "f": "f. saturation: 512 users, the API hung (SIGSTOP)",
}
KIND_TITLES = {"rng": "API GET /rng (direct)", "json": "web GET /api/number", "page": "web POST /"}
FAST_MS = 100
OPEN_SHARE = 0.9
STEADY_SHARE = 0.8


# --------------------------------------------------------------------------------------- loading
def read_kv(path):
    out = {}
    if os.path.exists(path):
        with open(path) as f:
            for line in f:
                line = line.strip()
                if "=" in line:
                    k, v = line.split("=", 1)
                    out[k] = v
    return out


def read_summary(path):
    out, pending = {}, []
    if os.path.exists(path):
        with open(path) as f:
            for line in f:
                if "=" not in line:
                    continue
                k, v = line.strip().split("=", 1)
                if k == "pending_us":
                    pending.append(int(v))
                else:
                    out[k] = float(v)
    out["pending"] = pending
    return out


def read_snapshots(path):
    snaps = {}
    if os.path.exists(path):
        with open(path) as f:
            for line in f:
                d = dict(p.split("=", 1) for p in line.split() if "=" in p)
                if "label" in d:
                    snaps[d["label"]] = d
    return snaps


class Run:
    def __init__(self, path):
        self.path = path
        self.meta = read_kv(os.path.join(path, "meta"))
        self.stack = self.meta.get("stack", "?")
        self.run = self.meta.get("run", os.path.basename(path))
        self.kind = self.meta.get("kind", "json")
        self.users = int(self.meta.get("users", 0))
        self.window = float(self.meta.get("window_s", 0))
        self.timeout_us = float(self.meta.get("client_timeout_s", 5)) * 1e6
        self.events = []
        ev = os.path.join(path, "events")
        if os.path.exists(ev):
            with open(ev) as f:
                for line in f:
                    parts = line.split(None, 2)
                    if len(parts) >= 2 and parts[0].isdigit():
                        self.events.append((int(parts[0]), parts[1], parts[2].strip() if len(parts) > 2 else ""))
        self.t0 = self.event("start") or 0
        self.answers = []   # (end ms, start ms, outcome, status, latency ms)
        self.noanswer = []  # (ms, waited ms)
        for fn in glob.glob(os.path.join(path, "resp.*")):
            with open(fn) as f:
                for line in f:
                    p = line.split()
                    if len(p) != 4:
                        continue
                    t, outcome, status, lat = int(p[0]), p[1], int(p[2]), int(p[3]) / 1000.0
                    if outcome == "error":
                        self.noanswer.append((t, lat))
                    else:
                        self.answers.append((t, t - lat, outcome, status, lat))
        self.answers.sort()
        self.summary = read_summary(os.path.join(path, "wrk-summary"))
        self.end = self.t0 + self.window * 1000
        if "end_us" in self.summary:
            self.end = self.summary["end_us"] / 1000
        self.health = defaultdict(list)  # name -> [(start ms, status, state, latency ms)]
        self.procs = defaultdict(list)   # name -> [(ms, threads, rss kB, ticks)]
        sm = os.path.join(path, "samples")
        if os.path.exists(sm):
            with open(sm) as f:
                for line in f:
                    p = line.split()
                    if len(p) == 6 and p[0] == "h":
                        self.health[p[2]].append((int(p[1]), int(p[3]), p[4], float(p[5])))
                    elif len(p) == 6 and p[0] == "p":
                        self.procs[p[2]].append((int(p[1]), int(p[3]), int(p[4]), int(p[5])))
        for v in self.health.values():
            v.sort()
        self.snaps = read_snapshots(os.path.join(path, "snapshots"))
        self.fault = self.fault_window()

    def event(self, name):
        for t, n, _ in self.events:
            if n == name:
                return t
        return None

    def fault_window(self):
        if self.run == "b":
            # the strike: the first DOWN of the API's readiness (it answers DOWN once broken for good)
            for t, status, state, _ in self.health.get("api_ready", []):
                if t >= self.t0 and state == "DOWN":
                    return (t, None)
            return None
        fs, fe = self.event("fault_start") or self.event("api_stop"), self.event("fault_end")
        if fs is None:
            return None
        return (fs, fe)


# ------------------------------------------------------------------------------------- figures
def pct(values, p):
    """Nearest-rank percentile of an unsorted list; None if empty."""
    if not values:
        return None
    s = sorted(values)
    k = max(0, min(len(s) - 1, math.ceil(p / 100.0 * len(s)) - 1))
    return s[k]


def latency_stats(lats):
    return {"p50": pct(lats, 50), "p90": pct(lats, 90), "p99": pct(lats, 99), "max": max(lats) if lats else None,
            "n": len(lats)}


def outcome_counts(answers, timeout_ms):
    c = Counter(a[2] for a in answers)
    others = Counter(a[3] for a in answers if a[2] == "other")
    late = sum(1 for a in answers if a[4] > timeout_ms)
    return {"number": c["number"], "planned": c["planned"], "other": c["other"], "other_statuses": others,
            "late": late}


def phase_of(run, answer):
    """pre: answered before the fault began; post: sent after it ended; fault: the rest (in flight during it)."""
    if not run.fault:
        return "all"
    fs, fe = run.fault
    if answer[0] < fs:
        return "pre"
    if fe is None or answer[1] < fe:
        return "fault"
    return "post"


def circuit_open_at(answers, fs, fe):
    """The send time of the first fast answer in [fs, fe) from which >= 90 % of the requests sent in the
    next second were fast too (at least 5 of them)."""
    sent = sorted((a[1], a[4]) for a in answers if fs <= a[1] < (fe if fe else float("inf")))
    n = len(sent)
    j = 0
    fast = 0
    for i in range(n):
        if j < i:
            j, fast = i, 0
        while j < n and sent[j][0] < sent[i][0] + 1000:
            fast += sent[j][1] <= FAST_MS
            j += 1
        count = j - i
        if sent[i][1] <= FAST_MS and count >= 5 and fast >= OPEN_SHARE * count:
            return sent[i][0]
        fast -= sent[i][1] <= FAST_MS
    return None


def health_stats(samples):
    states = Counter(s[2] for s in samples)
    lats = [s[3] for s in samples if s[2] != "NONE"]
    return {"UP": states["UP"], "DOWN": states["DOWN"], "NONE": states["NONE"], "n": len(samples),
            "p99": pct(lats, 99), "max": max(lats) if lats else None}


def figures(run):
    f = {}
    timeout_ms = run.timeout_us / 1000
    dur = run.summary.get("duration_us", run.window * 1e6) / 1e6 or run.window or 1
    ans = run.answers
    f["duration_s"] = dur
    f["answers"] = len(ans)
    f["rps"] = len(ans) / dur
    oc = outcome_counts(ans, timeout_ms)
    f.update(oc)
    f["numbers_ps"] = oc["number"] / dur
    f["lat"] = latency_stats([a[4] for a in ans])
    s = run.summary
    f["socket_errors"] = int(s.get("errors_connect", 0) + s.get("errors_read", 0) + s.get("errors_write", 0))
    f["socket_detail"] = "connect %d, read %d, write %d" % (s.get("errors_connect", 0), s.get("errors_read", 0),
                                                           s.get("errors_write", 0))
    f["noanswer_lines"] = len(run.noanswer)
    end_us = s.get("end_us", run.end * 1000)
    unanswered = [p for p in s.get("pending", []) if end_us - p > run.timeout_us]
    f["unanswered_at_end"] = len(unanswered)
    f["timeouts"] = oc["late"] + len(unanswered)
    # the machine: CPU busy over the run, and what the web and the API used of it
    ticks = [d.split() for t, n, d in run.events if n == "cpu_ticks"]
    if len(ticks) >= 2:
        busy = int(ticks[-1][0]) - int(ticks[0][0])
        total = int(ticks[-1][1]) - int(ticks[0][1])
        f["machine_busy_pct"] = 100.0 * busy / total if total else None
    try:
        f["background_cpu_pct"] = float(run.meta["background_cpu_pct"])
    except (KeyError, ValueError):
        pass
    # health
    for name in ("live", "ready", "api_ready"):
        f["h_" + name] = health_stats(run.health.get(name, []))
    # process
    b, a = run.snaps.get("before", {}), run.snaps.get("after", {})
    f["snap_before"], f["snap_after"] = b, a
    try:
        ticks = int(a["web_cpu_ticks"]) - int(b["web_cpu_ticks"])
        hz = os.sysconf("SC_CLK_TCK")
        f["web_cpu_s"] = ticks / hz
        f["web_cpu_ms_per_answer"] = ticks / hz * 1000 / len(ans) if ans else None
        if a.get("api_pid") == b.get("api_pid"):
            f["api_cpu_s"] = (int(a["api_cpu_ticks"]) - int(b["api_cpu_ticks"])) / hz
        else:
            f["api_cpu_s"] = "restarted"
    except (KeyError, ValueError):
        pass
    web = run.procs.get("web", [])
    if web:
        f["threads_max"] = max(p[1] for p in web)
        f["rss_max_kb"] = max(p[2] for p in web)
    # fault
    if run.fault:
        fs, fe = run.fault
        f["fault_start_s"] = (fs - run.t0) / 1000
        f["fault_end_s"] = (fe - run.t0) / 1000 if fe else None
        by_phase = defaultdict(list)
        for x in ans:
            by_phase[phase_of(run, x)].append(x)
        for ph in ("pre", "fault", "post"):
            xs = by_phase.get(ph, [])
            f[ph] = {"answers": len(xs), "lat": latency_stats([x[4] for x in xs]), **outcome_counts(xs, timeout_ms)}
        f["h_live_fault"] = health_stats([h for h in run.health.get("live", []) if h[0] >= fs and (fe is None or h[0] < fe)])
        f["h_ready_fault"] = health_stats([h for h in run.health.get("ready", []) if h[0] >= fs and (fe is None or h[0] < fe)])
        t_open = circuit_open_at(ans, fs, fe)
        f["open_after_s"] = (t_open - fs) / 1000 if t_open else None
        fault_answers = by_phase.get("fault", [])
        if t_open:
            closing = [x[4] for x in fault_answers if x[1] < t_open]
            opened = [x[4] for x in fault_answers if x[1] >= t_open]
        else:
            closing, opened = [x[4] for x in fault_answers], []
        f["closing"] = latency_stats(closing)
        f["open"] = latency_stats(opened)
        # recovery
        pre_bins = []
        k = 1
        while run.t0 + (k + 1) * 1000 <= fs:
            lo = run.t0 + k * 1000
            pre_bins.append(sum(1 for x in ans if x[2] == "number" and lo <= x[0] < lo + 1000))
            k += 1
        f["pre_numbers_median_ps"] = statistics.median(pre_bins) if pre_bins else None
        if fe:
            after = "> %.0f s" % max(0, (run.end - fe) / 1000)   # not within the rest of the run
            first = next((x[0] for x in ans if x[2] == "number" and x[0] >= fe), None)
            f["first_number_s"] = (first - fe) / 1000 if first else after
            f["steady_s"] = after if f["pre_numbers_median_ps"] else None
            med = f["pre_numbers_median_ps"]
            if med:
                k = 0
                while fe + (k + 1) * 1000 <= run.end:
                    lo = fe + k * 1000
                    cnt = sum(1 for x in ans if x[2] == "number" and lo <= x[0] < lo + 1000)
                    if cnt >= STEADY_SHARE * med:
                        f["steady_s"] = k + 1.0
                        break
                    k += 1
            if run.run == "c":
                gone, restart = run.event("api_gone"), run.event("api_restart")
                f["api_gone_s"] = (gone - run.t0) / 1000 if gone else None
                f["api_restart_s"] = (restart - run.t0) / 1000 if restart else None
                f["api_start_took_s"] = (fe - restart) / 1000 if restart else None
        else:
            b0, b1 = run.event("budget_burst"), run.event("budget_burst_end")
            f["burst_s"] = (b1 - b0) / 1000 if b0 and b1 else 0
            last = max((x[0] for x in ans if x[2] == "number"), default=None)
            f["last_number_s"] = (last - run.t0) / 1000 if last else None
    return f


def per_second(run):
    """Rows: second since start, p50 ms, p99 ms, number, planned, other, no answer, late (by completion)."""
    bins = defaultdict(list)
    for x in run.answers:
        bins[int((x[0] - run.t0) // 1000)].append(x)
    errs = Counter(int((t - run.t0) // 1000) for t, _ in run.noanswer)
    timeout_ms = run.timeout_us / 1000
    last = int(math.ceil((run.end - run.t0) / 1000))
    rows = []
    for sec in range(0, max(last, 1)):
        xs = bins.get(sec, [])
        lats = [x[4] for x in xs]
        c = Counter(x[2] for x in xs)
        late = sum(1 for x in xs if x[4] > timeout_ms)
        rows.append((sec, pct(lats, 50), pct(lats, 99), c["number"], c["planned"], c["other"], errs.get(sec, 0), late,
                     max(lats) if lats else None))
    return rows


# -------------------------------------------------------------------------------------- output
def fmt(v, unit="", digits=None):
    if v is None:
        return "n/a"
    if isinstance(v, str):
        return v
    if digits is None:
        av = abs(v)
        digits = 0 if av >= 100 or float(v).is_integer() else (1 if av >= 10 else (2 if av >= 1 else 3))
    s = f"{v:,.{digits}f}"
    return s + (" " + unit if unit else "")


def ratio(a, b):
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) and b:
        return f"{a / b:.2f}"
    return "n/a"


def line(run_dir):
    run = Run(run_dir)
    f = figures(run)
    lat = f["lat"]
    text = (f"{run.stack} {run.run}: {f['rps']:,.0f} answers/s, {f['numbers_ps']:,.0f} numbers/s; "
            f"number {f['number']}, planned {f['planned']}, other {f['other']}, socket errors {f['socket_errors']}, "
            f"timeouts {f['timeouts']}; p50 {fmt(lat['p50'], 'ms')}, p99 {fmt(lat['p99'], 'ms')}, max {fmt(lat['max'], 'ms')}")
    if run.fault:
        extra = [f"fault {fmt(f['fault_start_s'], digits=1)}-{fmt(f.get('fault_end_s'), digits=1)} s"]
        if f.get("open_after_s") is not None:
            extra.append(f"circuit open after {f['open_after_s']:.2f} s")
        if "first_number_s" in f:
            extra.append(f"first number {fmt(f['first_number_s'], 's')} after, steady {fmt(f['steady_s'], 's')}")
        extra.append(f"live DOWN/none {f['h_live']['DOWN']}/{f['h_live']['NONE']}")
        text += "; " + ", ".join(extra)
    elif run.run == "b":
        text += "; the bug did not strike within the run"
    print(text)


def rate(run_dir):
    run = Run(run_dir)
    f = figures(run)
    print(f"{f['numbers_ps']:.1f}")


class Table:
    def __init__(self):
        self.rows = []

    def add(self, scenario, metric, vals, unit="", digits=None, rat=True, text=None):
        """vals: {stack: number or str}."""
        n, p = vals.get("numbers"), vals.get("peer")
        cells = [fmt(n, unit, digits) if text is None else text.get("numbers", "n/a"),
                 fmt(p, unit, digits) if text is None else text.get("peer", "n/a")]
        self.rows.append((scenario, metric, cells[0], cells[1], ratio(n, p) if rat else ""))


def snap_mb(s, key):
    try:
        v = float(s[key])
        return v / 1024 if v >= 0 else None
    except (KeyError, ValueError):
        return None


def report(out):
    raw = os.path.join(out, "raw")
    runs = defaultdict(dict)   # run id -> stack -> (Run, figures)
    for stack in STACKS:
        for d in sorted(glob.glob(os.path.join(raw, stack, "*", "meta"))):
            r = Run(os.path.dirname(d))
            runs[r.run][stack] = (r, figures(r))
    machine = open(os.path.join(raw, "machine.txt")).read() if os.path.exists(os.path.join(raw, "machine.txt")) else ""
    minfo = dict(l.split(": ", 1) for l in machine.splitlines() if ": " in l)
    stacks_present = [s for s in STACKS if any(s in v for v in runs.values())]

    def order(rid):
        if rid.startswith("a-"):
            _, kind, users = rid.split("-")
            return (0, ["rng", "json", "page"].index(kind), int(users))
        return (1, FAULT_RUNS.index(rid) if rid in FAULT_RUNS else 99, 0)

    run_ids = sorted(runs, key=order)
    fig = Table()
    goals = []   # (scenario, goal, numbers value, peer value, ratio, verdict numbers, verdict peer)

    def val(rid, stack, fn):
        pair = runs.get(rid, {}).get(stack)
        if not pair:
            return None
        try:
            return fn(pair[1])
        except (KeyError, TypeError):
            return None

    def both(rid, fn):
        return {s: val(rid, s, fn) for s in STACKS}

    def verdict(check, a, b, who):
        if a is None:
            return "n/a"
        try:
            ok = check(a, b, who)
        except TypeError:   # a text such as "> 10 s": what was looked for did not happen
            ok = False
        return "n/a" if ok is None else ("PASS" if ok else "**MISS**")

    def goal(scenario, text, vals, check, unit="", digits=None, rat=True):
        n, p = vals.get("numbers"), vals.get("peer")
        goals.append((scenario, text, fmt(n, unit, digits), fmt(p, unit, digits), ratio(n, p) if rat else "",
                      verdict(check, n, p, "numbers"), verdict(check, p, n, "peer")))

    for rid in run_ids:
        pair = runs[rid]
        any_run = next(iter(pair.values()))[0]
        if rid.startswith("a-"):
            scen = f"a. {KIND_TITLES[any_run.kind]}, {any_run.users} users"
        else:
            scen = f"{RUN_TITLES.get(rid, rid)} ({any_run.users} users)"
        g = lambda fn: both(rid, fn)
        fig.add(scen, "answers per second", g(lambda f: f["rps"]))
        fig.add(scen, "numbers per second", g(lambda f: f["numbers_ps"]))
        for p in ("p50", "p90", "p99", "max"):
            fig.add(scen, f"latency {p}", g(lambda f, p=p: f["lat"][p]), "ms")
        fig.add(scen, "answers: number", g(lambda f: f["number"]), rat=False)
        fig.add(scen, "answers: planned 503 / unavailable page", g(lambda f: f["planned"]), rat=False)
        fig.add(scen, "answers: other", g(lambda f: f["other"]), rat=False,
                text={s: (f"{val(rid, s, lambda f: f['other'])}" +
                          (" (" + ", ".join(f"{k}: {v}" for k, v in sorted(val(rid, s, lambda f: f['other_statuses']).items())) + ")"
                           if val(rid, s, lambda f: f['other']) else "")) if s in pair else "n/a" for s in STACKS})
        fig.add(scen, "socket errors (wrk connect/read/write)", g(lambda f: f["socket_errors"]), rat=False)
        fig.add(scen, f"client timeouts (> {any_run.timeout_us / 1e6:.0f} s or unanswered)", g(lambda f: f["timeouts"]), rat=False)
        if any_run.kind != "rng":
            for name, label in (("live", "web /health/live"), ("ready", "web /health/ready")):
                fig.add(scen, f"{label} samples UP/DOWN/no answer", {}, rat=False,
                        text={s: ("%d/%d/%d" % tuple(val(rid, s, lambda f, n=name: f["h_" + n][k]) for k in ("UP", "DOWN", "NONE"))
                                  if s in pair else "n/a") for s in STACKS})
                fig.add(scen, f"{label} latency p99 / max", {}, rat=False,
                        text={s: (f"{fmt(val(rid, s, lambda f, n=name: f['h_' + n]['p99']), 'ms')} / "
                                  f"{fmt(val(rid, s, lambda f, n=name: f['h_' + n]['max']), 'ms')}" if s in pair else "n/a")
                              for s in STACKS})
            fig.add(scen, "web threads before / after (max during)", {}, rat=False,
                    text={s: (f"{val(rid, s, lambda f: f['snap_before']['threads'])} / {val(rid, s, lambda f: f['snap_after']['threads'])}"
                              f" ({val(rid, s, lambda f: f.get('threads_max'))})" if s in pair else "n/a") for s in STACKS})
            fig.add(scen, "web heap after GC before / after", {}, rat=False,
                    text={s: (f"{fmt(val(rid, s, lambda f: snap_mb(f['snap_before'], 'heap_used_kb')), 'MB', 1)} / "
                              f"{fmt(val(rid, s, lambda f: snap_mb(f['snap_after'], 'heap_used_kb')), 'MB', 1)}" if s in pair else "n/a")
                          for s in STACKS})
            fig.add(scen, "web RSS before / after", {}, rat=False,
                    text={s: (f"{fmt(val(rid, s, lambda f: snap_mb(f['snap_before'], 'rss_kb')), 'MB')} / "
                              f"{fmt(val(rid, s, lambda f: snap_mb(f['snap_after'], 'rss_kb')), 'MB')}" if s in pair else "n/a")
                          for s in STACKS})
            fig.add(scen, "web CPU per answer", g(lambda f: f.get("web_cpu_ms_per_answer")), "ms", 3)
        fig.add(scen, "CPU seconds used: web / API", {}, rat=False,
                text={s: (f"{fmt(val(rid, s, lambda f: f.get('web_cpu_s')), 's', 1)} / {fmt(val(rid, s, lambda f: f.get('api_cpu_s')), 's', 1)}"
                          if s in pair else "n/a") for s in STACKS})
        fig.add(scen, "machine busy during the run (all processes) / before it, idle", {}, rat=False,
                text={s: (f"{fmt(val(rid, s, lambda f: f.get('machine_busy_pct')), '%', 0)} / {fmt(val(rid, s, lambda f: f.get('background_cpu_pct')), '%', 0)}"
                          if s in pair else "n/a") for s in STACKS})
        if any_run.run in FAULT_RUNS:
            fig.add(scen, "fault window (s from the start)", {}, rat=False,
                    text={s: (f"{fmt(val(rid, s, lambda f: f['fault_start_s']), digits=1)} - "
                              f"{fmt(val(rid, s, lambda f: f['fault_end_s']), digits=1)}"
                              if val(rid, s, lambda f: f['fault_start_s']) is not None else
                              ("no strike" if s in pair else "n/a")) for s in STACKS})
            fig.add(scen, "during the fault: answers number/planned/other", {}, rat=False,
                    text={s: ("%s/%s/%s" % tuple(val(rid, s, lambda f, k=k: f["fault"][k]) for k in ("number", "planned", "other"))
                              if val(rid, s, lambda f: f["fault"]) else "n/a") for s in STACKS})
            fig.add(scen, "during the fault: latency p99", g(lambda f: f["fault"]["lat"]["p99"]), "ms")
            fig.add(scen, "during the fault: latency max", g(lambda f: f["fault"]["lat"]["max"]), "ms")
            fig.add(scen, "circuit open after (client reading)", g(lambda f: f["open_after_s"]), "s")
            fig.add(scen, "while closing: latency p99 / max", {}, rat=False,
                    text={s: f"{fmt(val(rid, s, lambda f: f['closing']['p99']), 'ms')} / {fmt(val(rid, s, lambda f: f['closing']['max']), 'ms')}"
                          for s in STACKS})
            fig.add(scen, "once open: latency p99", g(lambda f: f["open"]["p99"]), "ms")
            if rid == "b":
                fig.add(scen, "last number (s from the start)", g(lambda f: f["last_number_s"]), "s")
                fig.add(scen, "direct /rng burst to spend the budget (s)", g(lambda f: f.get("burst_s", 0)), "s", rat=False)
                fig.add(scen, "API fail-after (calls)", {s: (int(runs[rid][s][0].meta["api_fail_after"]) if s in pair and "api_fail_after" in runs[rid][s][0].meta else None) for s in STACKS}, rat=False)
            else:
                fig.add(scen, "after the fault: first number", g(lambda f: f["first_number_s"]), "s")
                fig.add(scen, "after the fault: steady (>= 80 % of numbers/s before)", g(lambda f: f["steady_s"]), "s")
                fig.add(scen, "numbers per second before the fault (median)", g(lambda f: f["pre_numbers_median_ps"]), rat=False)
            if rid == "c":
                fig.add(scen, "API start took (restart to first answer)", g(lambda f: f["api_start_took_s"]), "s")

    # memory at ready and at the end
    for label, title in (("ready", "web at ready (before any load)"), ("end", "web after the whole load run")):
        snaps = {}
        for s in STACKS:
            snaps[s] = read_snapshots(os.path.join(raw, s, "snapshots-ready")).get(label)
        fig.add(f"memory: {title}", "RSS", {s: snap_mb(snaps[s], "rss_kb") if snaps[s] else None for s in STACKS}, "MB")
        fig.add(f"memory: {title}", "heap after GC", {s: snap_mb(snaps[s], "heap_used_kb") if snaps[s] else None for s in STACKS}, "MB", 1)
        fig.add(f"memory: {title}", "threads", {s: int(snaps[s]["threads"]) if snaps[s] else None for s in STACKS})
        if label == "end":
            end_rss = {s: snap_mb(snaps[s], "rss_kb") if snaps[s] else None for s in STACKS}

    # goals: healthy
    for users in (32, 64, 128):
        for kind in ("json", "page"):
            rid = f"a-{kind}-{users}"
            if rid not in runs:
                continue
            goal(f"a. {KIND_TITLES[kind]}, {users} users", "zero 503s or unavailable pages with the API healthy",
                 both(rid, lambda f: f["planned"] + sum(v for k, v in f["other_statuses"].items() if k == 503)),
                 lambda a, b, who: (a == 0) if a is not None else None, rat=False)
        rid, api = f"a-json-{users}", f"a-rng-{users}"
        if rid in runs:
            web = both(rid, lambda f: f["numbers_ps"])
            direct = both(api, lambda f: f["numbers_ps"])
            share = {s: (web[s] / direct[s] if web[s] is not None and direct[s] else None) for s in STACKS}
            goal(f"a. web GET /api/number, {users} users", "numbers/s >= 0.5 x the API's direct /rng", share,
                 lambda a, b, who: (a >= 0.5) if a is not None else None, digits=2)
            goal(f"a. web GET /api/number, {users} users", "numbers/s >= 1.0 x peer", web,
                 lambda a, b, who: (a >= b) if (a is not None and b is not None and who == "numbers") else None)
            p99 = both(rid, lambda f: f["lat"]["p99"])
            goal(f"a. web GET /api/number, {users} users", "latency p99 <= peer's", p99,
                 lambda a, b, who: (a <= b) if (a is not None and b is not None and who == "numbers") else None, "ms")
    # goals: hung API
    for rid in HUNG_RUNS:
        if rid not in runs:
            continue
        scen = RUN_TITLES[rid]
        goal(scen, "while the circuit is closing: p99 <= 1.6 s", both(rid, lambda f: f["closing"]["p99"]),
             lambda a, b, who: (a <= 1600) if a is not None else None, "ms")
        goal(scen, "while the circuit is closing: max <= 2 s", both(rid, lambda f: f["closing"]["max"]),
             lambda a, b, who: (a <= 2000) if a is not None else None, "ms")
        goal(scen, "once open: p99 <= 10 ms", both(rid, lambda f: f["open"]["p99"]),
             lambda a, b, who: (a <= 10) if a is not None else False, "ms")
        goal(scen, "zero socket errors and client timeouts", both(rid, lambda f: f["socket_errors"] + f["timeouts"]),
             lambda a, b, who: (a == 0) if a is not None else None, rat=False)
    for rid in RECOVERY_GOAL_RUNS:
        if rid not in runs:
            continue
        goal(RUN_TITLES[rid], "first number <= 7 s after the API's return (breaker delay 5 s + 2 s)",
             both(rid, lambda f: f["first_number_s"]), lambda a, b, who: (a <= 7) if a is not None else False, "s")
    if "f" in runs:
        goal(RUN_TITLES["f"], "web /health/live p99 <= 50 ms", both("f", lambda f: f["h_live"]["p99"]),
             lambda a, b, who: (a <= 50) if a is not None else False, "ms")
        goal(RUN_TITLES["f"], "web /health/live never DOWN (nor unanswered)",
             both("f", lambda f: f["h_live"]["DOWN"] + f["h_live"]["NONE"]),
             lambda a, b, who: (a == 0) if a is not None else None, rat=False)

    goal("memory after the whole load run", "web RSS <= 1.2 x peer", end_rss,
         lambda a, b, who: (a <= 1.2 * b) if (a is not None and b and who == "numbers") else None, "MB")

    charts = draw_charts(out, runs)
    busy = [(pair[s][1].get("background_cpu_pct"), rid, s) for rid, pair in runs.items() for s in pair]
    busy = [b for b in busy if b[0] is not None]
    minfo["background"] = max(busy) if busy else None
    write_md(out, minfo, stacks_present, fig, goals, charts)


def draw_charts(out, runs):
    data_dir = os.path.join(out, "raw", "charts")
    os.makedirs(data_dir, exist_ok=True)
    made = []
    for rid in FAULT_RUNS:
        if rid not in runs:
            continue
        stacks = [s for s in STACKS if s in runs[rid]]
        panels = []
        for s in stacks:
            r, f = runs[rid][s]
            dat = os.path.join(data_dir, f"{rid}-{s}.dat")
            with open(dat, "w") as fh:
                fh.write("# sec p50_ms p99_ms number planned other noanswer late | cumulative for the stack | max_ms\n")
                for sec, p50, p99, n, pl, ot, er, late, mx in per_second(r):
                    fh.write(f"{sec + 0.5} {p50 if p50 is not None else 'NaN'} {p99 if p99 is not None else 'NaN'} "
                             f"{n} {pl} {ot} {er} {late} {n} {n + pl} {n + pl + ot} {n + pl + ot + er} "
                             f"{mx if mx is not None else 'NaN'}\n")
            hdat = os.path.join(data_dir, f"{rid}-{s}-health.dat")
            with open(hdat, "w") as fh:
                fh.write("# t_s latency_ms state(1 UP, 2 DOWN, 3 none) name\n")
                for name in ("live", "ready"):
                    for t, status, state, lat in r.health.get(name, []):
                        code = {"UP": 1, "DOWN": 2, "NONE": 3}[state]
                        fh.write(f"{(t - r.t0) / 1000:.2f} {max(lat, 0.1):.1f} {code} {name}\n")
                    fh.write("\n\n")
            marks = [((t - r.t0) / 1000, {"api_stop": "stop issued", "api_restart": "start issued",
                                                   "budget_burst": "direct /rng burst", "budget_burst_end": "burst end"}[n])
                     for t, n, _ in r.events if n in ("api_stop", "api_restart", "budget_burst", "budget_burst_end")]
            fs = f.get("fault_start_s")
            fe = f.get("fault_end_s") if f.get("fault_end_s") is not None else (r.end - r.t0) / 1000
            panels.append((s, r, dat, hdat, fs, fe, marks))
        if not panels:
            continue
        png = os.path.join(out, f"{rid}.png")
        gp = os.path.join(data_dir, f"{rid}.gp")
        cols = len(panels)
        lines = [f'set terminal pngcairo size {700 * cols},900 font "sans,9"',
                 f'set output "{png}"',
                 f'set multiplot layout 3,{cols} columnsfirst title "{RUN_TITLES.get(rid, rid)}: fault window shaded"',
                 'set grid', 'set key top right opaque box font ",8"', 'set xlabel "seconds since the start of the run"']
        for s, r, dat, hdat, fs, fe, marks in panels:
            xmax = math.ceil((r.end - r.t0) / 1000)
            lines.append("unset arrow; unset label")
            for i, (x, text) in enumerate(marks):
                lines.append(f'set arrow from {x:.2f},graph 0 to {x:.2f},graph 1 nohead dt 2 lc rgb "#555555"')
                lines.append(f'set label "{text}" at {x:.2f},graph {0.95 - 0.07 * i} offset 0.5,0 font ",8"')
            rect = (f'set object 1 rect from {fs},graph 0 to {fe},graph 1 behind fc rgb "#f4c7c3" fs solid 0.5 noborder'
                    if fs is not None else 'unset object 1')
            lines += [f'set xrange [0:{xmax}]', rect,
                      f'set title "{s}: latency of the answers completed in each second"', 'set logscale y', 'set ylabel "ms"',
                      'set yrange [0.1:*]',
                      f'plot "{dat}" using 1:2 with linespoints pt 7 ps 0.4 lc rgb "#1f5fbf" title "p50", '
                      f'"" using 1:3 with linespoints pt 7 ps 0.4 lc rgb "#d62728" title "p99", '
                      f'"" using 1:13 with points pt 1 ps 0.6 lc rgb "#555555" title "max"',
                      'unset logscale y', 'set yrange [0:*]',
                      f'set title "{s}: outcomes per second (stacked)"', 'set ylabel "answers / s"',
                      'set style fill solid 0.8 noborder', 'set boxwidth 0.9 relative',
                      f'plot "{dat}" using 1:12 with boxes lc rgb "#000000" title "no answer (socket error)", '
                      f'"" using 1:11 with boxes lc rgb "#ff7f0e" title "other", '
                      f'"" using 1:10 with boxes lc rgb "#d62728" title "planned 503", '
                      f'"" using 1:9 with boxes lc rgb "#2ca02c" title "number", '
                      f'"" using 1:($8 > 0 ? $8 : NaN) with points pt 9 ps 1 lc rgb "#7f00ff" title "late (> timeout)"',
                      f'set title "{s}: web health samples every 200 ms (x = no answer in 2 s)"', 'set logscale y',
                      'set ylabel "ms"', 'set yrange [0.1:5000]',
                      f'plot "{hdat}" index 0 using 1:($3 == 1 ? $2 : NaN) with points pt 7 ps 0.4 lc rgb "#2ca02c" title "live UP", '
                      f'"" index 0 using 1:($3 == 2 ? $2 : NaN) with points pt 7 ps 0.7 lc rgb "#d62728" title "live DOWN", '
                      f'"" index 0 using 1:($3 == 3 ? 2000 : NaN) with points pt 2 ps 0.8 lc rgb "#000000" title "live none", '
                      f'"" index 1 using 1:($3 == 1 ? $2 : NaN) with points pt 6 ps 0.4 lc rgb "#17becf" title "ready UP", '
                      f'"" index 1 using 1:($3 == 2 ? $2 : NaN) with points pt 6 ps 0.7 lc rgb "#ff7f0e" title "ready DOWN"',
                      'unset logscale y', 'set yrange [*:*]']
        lines.append("unset multiplot")
        with open(gp, "w") as fh:
            fh.write("\n".join(lines) + "\n")
        res = subprocess.run(["gnuplot", gp], capture_output=True, text=True, timeout=120)
        if res.returncode == 0 and os.path.exists(png):
            made.append((rid, os.path.basename(png)))
        else:
            sys.stderr.write(f"analyze: gnuplot failed for {rid}: {res.stderr[-500:]}\n")
    return made


def write_md(out, minfo, stacks, fig, goals, charts):
    path = os.path.join(out, "results.md")
    with open(path, "w") as fh:
        fh.write("# Load and fault benchmark: numbers (Open Liberty) vs peer (Spring Boot + Resilience4j)\n\n")
        fh.write(f"- Machine: {minfo.get('cpu', '?')} CPUs, {minfo.get('memory', '?')}, {minfo.get('host', '?')}\n")
        fh.write(f"- Date: {minfo.get('date', '?')}; mode: {minfo.get('mode', '?')}; runs: {minfo.get('runs', '?')}\n")
        fh.write(f"- JVM: {minfo.get('java', '?')}, {minfo.get('heap', '?')} for all four JVMs; load: {minfo.get('wrk', 'wrk')}, "
                 "one connection per wrk thread, client timeout 5 s, loopback\n")
        fh.write(f"- Code: git {minfo.get('git', '?')}; numbers-api {minfo.get('numbers-api', '?')}; "
                 f"numbers-web {minfo.get('numbers-web', '?')}\n")
        fh.write(f"- Stacks measured: {', '.join(stacks) or 'none'}")
        if "peer" not in stacks:
            fh.write(" (**the peer is missing: no ratios**)")
        bg = minfo.get("background")
        if bg:
            fh.write(f"\n- Background CPU (the machine's use in the 1 s before each run, with this benchmark idle): "
                     f"at most {bg[0]:.0f} % (before {bg[1]} on {bg[2]})")
            if bg[0] > 15:
                fh.write(" -- **something else was using the CPU: the figures are disturbed**")
        fh.write("\n- Ratios are numbers / peer (for latency, below 1 is better; for throughput, above 1).\n\n")
        fh.write("## Goals\n\n| scenario | goal | numbers | peer | ratio | numbers | peer |\n|---|---|---|---|---|---|---|\n")
        for row in goals:
            fh.write("| " + " | ".join(row) + " |\n")
        fh.write("\n## All figures\n\n| scenario | metric | numbers | peer | ratio numbers/peer |\n|---|---|---|---|---|\n")
        for row in fig.rows:
            fh.write("| " + " | ".join(row) + " |\n")
        if charts:
            fh.write("\n## Charts\n\nPer second: latency p50/p99 (lines) and max (crosses), log scale, of the answers completed in that second, "
                     "the answers by outcome (stacked), and the web's health samples; the fault window is shaded.\n\n")
            for rid, png in charts:
                fh.write(f"### {RUN_TITLES.get(rid, rid)}\n\n![{rid}]({png})\n\n")
        fh.write("\n## How the figures are computed\n\n")
        doc = __doc__.split("Definitions (also written into results.md):", 1)[1]
        fh.write("```\n" + doc.strip("\n") + "\n```\n")
    print(path)


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in ("report", "line", "rate"):
        sys.exit(__doc__)
    {"report": report, "line": line, "rate": rate}[sys.argv[1]](sys.argv[2])


if __name__ == "__main__":
    main()
