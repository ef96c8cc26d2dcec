#!/usr/bin/env python3
"""Helper of bench/lifecycle.sh (standard library only).

    lifecycle.py hc-argv JSON        the HEALTHCHECK's command as NUL-separated argv for docker exec
    lifecycle.py hc-desc JSON        "interval 5s, timeout 3s, start period 60s, retries 3"
    lifecycle.py period LOGJSON      mean gap between the starts of the health log's checks, in s
    lifecycle.py report DIR          DIR/raw.csv and DIR/meta.txt -> DIR/results.md (also printed)

JSON is `docker inspect -f '{{json .Config.Healthcheck}}' IMAGE`; LOGJSON is
`docker inspect -f '{{json .State.Health.Log}}' CONTAINER`.
"""
import csv
import datetime
import json
import statistics
import sys

STACKS = ("old", "new")

# (metric, label, decimals, ratio?) in table order; labels say the unit
ROWS = [
    ("build_s", "build: both images, `docker compose build` (s; depends on Docker's cache)", 1, False),
    ("floor_s", "1. floor: `docker run` → API `/health/ready` 200 (s)", 2, True),
    ("healthy_s", "2. `docker run` → API `healthy` (s)", 2, True),
    ("compose_api_s", "3. `compose up -d` → API healthy (s)", 2, True),
    ("compose_web_s", "3. `compose up -d` → web healthy (s)", 2, True),
    ("compose_both_s", "3. `compose up -d` → both healthy (s)", 2, True),
    ("compose_over_floor", "3. both healthy ÷ floor median (×)", 2, True),
    ("compose_web_restarts", "3. web RestartCount when both healthy", 0, False),
    ("bug_unhealthy_s", "4. bug → API `unhealthy` (s)", 2, True),
    ("bug_stopped_s", "4. bug → broken API stopped (FinishedAt) (s)", 2, True),
    ("bug_serving_s", "4. bug → fresh API serves `/rng` 200 (s)", 2, True),
    ("bug_fresh_start_s", "4. fresh API: StartedAt → serving (s)", 2, True),
    ("bug_api_restarts", "4. API RestartCount once serving again", 0, False),
    ("idle_hc_pct", "5. idle API CPU with health checks (% of one core)", 3, True),
    ("idle_nohc_pct", "5. idle API CPU without (`--no-healthcheck`, `MP_HEALTH_CHECK_INTERVAL=0`) (% of one core)", 3, True),
    ("idle_diff_pct", "5. health checking's cost: with − without (% of one core)", 3, True),
    ("idle_check_period_s", "5. seen period between checks (health log) (s)", 2, True),
    ("idle_per_check_ms", "5. health checking's cost per check (ms CPU)", 1, True),
    ("tick_ms", "6. CPU per tick, 20 × `docker exec` of the HEALTHCHECK, net of idle (ms)", 1, True),
    ("tick_noop_ms", "6. CPU per no-op `docker exec … true`, net of idle (ms)", 1, True),
    ("tick_wall_ms", "6. wall time per exec'd tick (ms)", 0, True),
]


def duration(ns):
    if not ns:
        return "default"
    s = ns / 1e9
    return f"{s:g}s"


def hc_desc(raw):
    hc = json.loads(raw) if raw.strip() not in ("", "null") else None
    if not hc or not hc.get("Test") or hc["Test"][0] == "NONE":
        return "none"
    test = hc["Test"]
    cmd = " ".join(test[1:]) if test[0] == "CMD" else test[1] if len(test) > 1 else ""
    parts = [f"interval {duration(hc.get('Interval'))}", f"timeout {duration(hc.get('Timeout'))}",
             f"start period {duration(hc.get('StartPeriod'))}", f"retries {hc.get('Retries') or 'default'}"]
    if hc.get("StartInterval"):
        parts.append(f"start interval {duration(hc['StartInterval'])}")
    return ", ".join(parts) + f"; {test[0]} {cmd}"


def hc_argv(raw):
    hc = json.loads(raw) if raw.strip() not in ("", "null") else None
    test = (hc or {}).get("Test") or []
    if not test or test[0] == "NONE":
        sys.exit(3)
    if test[0] == "CMD":
        argv = test[1:]
    elif test[0] == "CMD-SHELL":
        argv = ["/bin/sh", "-c", test[1]]
    else:
        sys.exit(3)
    sys.stdout.write("\0".join(argv) + "\0")


def period(raw):
    log = json.loads(raw) if raw.strip() not in ("", "null") else None
    starts = []
    for entry in log or []:
        text = entry.get("Start", "")
        # Go's RFC 3339 with nanoseconds; Python takes microseconds
        head, _, rest = text.partition(".")
        frac, zone = "", "Z"
        for i, ch in enumerate(rest):
            if not ch.isdigit():
                frac, zone = rest[:i], rest[i:]
                break
        else:
            frac = rest
        zone = "+00:00" if zone == "Z" else zone
        try:
            starts.append(datetime.datetime.fromisoformat(f"{head}.{(frac + '000000')[:6]}{zone}"))
        except ValueError:
            pass
    starts.sort()
    if len(starts) < 2:
        print("")
        return
    gaps = [(b - a).total_seconds() for a, b in zip(starts, starts[1:])]
    print(f"{statistics.mean(gaps):.3f}")


def fmt(v, d):
    return f"{v:.{d}f}"


def cell(values, d):
    if not values:
        return "—"
    med = statistics.median(values)
    if len(values) == 1:
        return fmt(med, d)
    return f"{fmt(med, d)} ({fmt(min(values), d)}–{fmt(max(values), d)})"


def report(out):
    meta = []
    with open(f"{out}/meta.txt", encoding="utf-8") as f:
        for line in f:
            key, _, value = line.rstrip("\n").partition(": ")
            meta.append((key, value))
    m = dict(meta)
    values = {}          # (metric, stack) -> [values in run order]
    try:
        with open(f"{out}/raw.csv", encoding="utf-8") as f:
            for row in csv.DictReader(f):
                if row["value"] == "":
                    continue
                values.setdefault((row["metric"], row["stack"]), []).append(float(row["value"]))
    except FileNotFoundError:
        pass
    # derived: compose up to both healthy over the floor median of the same stack
    for s in STACKS:
        floor = values.get(("floor_s", s))
        both = values.get(("compose_both_s", s))
        if floor and both:
            fm = statistics.median(floor)
            values[("compose_over_floor", s)] = [b / fm for b in both]

    lines = ["# Container lifecycle: old vs new", ""]
    for key in ("date", "machine", "old", "new", "runs", "idle seconds", "stages", "base images",
                "images", "healthcheck old", "healthcheck new", "other containers at start", "load at end"):
        if key in m:
            value = m[key]
            if key.startswith("healthcheck "):
                value = f"`{value}`"
            lines.append(f"- {key}: {value}")
    lines += ["", "| figure | old: median (min–max) | new: median (min–max) | new/old |", "|---|---|---|---|"]
    for metric, label, d, ratio in ROWS:
        old = values.get((metric, "old"), [])
        new = values.get((metric, "new"), [])
        if not old and not new:
            continue
        r = "—"
        if ratio and old and new and statistics.median(old) != 0:
            r = f"{statistics.median(new) / statistics.median(old):.2f}"
        lines.append(f"| {label} | {cell(old, d)} | {cell(new, d)} | {r} |")
        if metric == "idle_per_check_ms" and ("hc old" in m or "hc new" in m):
            lines.append(f"| 5. API image HEALTHCHECK | {m.get('hc old', '—')} | {m.get('hc new', '—')} | |")
    if ("hc old" in m or "hc new" in m) and not any(k[0] == "idle_per_check_ms" for k in values):
        lines.append(f"| API image HEALTHCHECK | {m.get('hc old', '—')} | {m.get('hc new', '—')} | |")
    lines.append("")
    notes = [
        "Times are wall-clock seconds from just before the command (`docker run`, `docker compose up -d`) or "
        "from the first non-200 of `/rng` (the bug); n = runs, old and new measured alternately.",
    ]
    if any(k[0].startswith("idle") for k in values):
        notes.append("Idle CPU: the container's cgroup CPU time over the idle window, four API containers "
                     "idling at once (old/new × with/without the image's HEALTHCHECK); per check = the "
                     "difference ÷ (window ÷ seen period). 'Without' also turns the server's file-based health "
                     "off (MP_HEALTH_CHECK_INTERVAL=0), so its self-checks count as health checking's cost.")
    if any(k[0].startswith("tick") for k in values):
        notes.append("Tick: the container's cgroup CPU delta over 20 execs ÷ 20, its idle rate just before "
                     "subtracted (raw values in raw.csv). It holds the exec'd process, the server answering it and "
                     "the part of each exec that runc runs inside the container (the no-op row), as for "
                     "Docker's own checks; dockerd, containerd and the shim are outside it.")
    for n in notes:
        lines += [n, ""]
    if lines[-1] == "":
        lines.pop()
    stages = [(k[len("stage "):], v) for k, v in meta if k.startswith("stage ")]
    if stages:
        lines += ["", "Stage durations: " + ", ".join(f"{k} {v}" for k, v in stages) + "."]
    text = "\n".join(lines) + "\n"
    with open(f"{out}/results.md", "w", encoding="utf-8") as f:
        f.write(text)
    sys.stdout.write(text)


def main(argv):
    if len(argv) != 3 or argv[1] not in ("hc-argv", "hc-desc", "period", "report"):
        sys.stderr.write(__doc__)
        return 2
    cmd, arg = argv[1], argv[2]
    if cmd == "hc-argv":
        hc_argv(arg)
    elif cmd == "hc-desc":
        print(hc_desc(arg))
    elif cmd == "period":
        period(arg)
    else:
        report(arg)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
