#!/usr/bin/env python3
"""Measures one running daemon for bench/scale.sh; prints one CSV fragment:
listening_ms,cpu_s_at_listening,setup_ms,all_run_ms,ready_ms,cpu_s_at_all_run,max_period_excess_s,set_s,rss_mib,body_kb,
om_gzip_kb,p50_ms,p99_ms,rss_after_wrk_mib,reload_reran

Times are from --launch-ms (the process launch). "never" when not reached within --limit seconds."""
import argparse
import os
import re
import subprocess
import time
import urllib.error
import urllib.request

PROMETHEUS_ACCEPT = ("application/openmetrics-text;version=1.0.0,application/openmetrics-text;"
                     "version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1")
LINE = re.compile(r'^(dx_collector_\w+)\{([^}]*)\} (\S+)$', re.M)


def get(url, timeout=5.0):
    try:
        with urllib.request.urlopen(url, timeout=timeout) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, b""
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return None, b""


def collector_series(body):
    """{family: {labels: value}} of the dx_collector_* self-metrics."""
    out = {}
    for name, labels, value in LINE.findall(body.decode()):
        out.setdefault(name, {})[labels] = float(value)
    return out


def cpu_s(pid):
    """User + system CPU seconds of the process so far: what the work costs, whatever the load."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rss_mib(pid):
    with open(f"/proc/{pid}/status") as f:
        return next(int(l.split()[1]) for l in f if l.startswith("VmRSS")) / 1024


def native_memory(pid, path, when):
    """Appends the JVM's Native Memory Tracking summary (needs -XX:NativeMemoryTracking=summary)."""
    out = subprocess.run(["jcmd", str(pid), "VM.native_memory", "summary"],
                         capture_output=True, text=True).stdout
    with open(path, "a") as f:
        f.write(f"=== {when} (RSS {rss_mib(pid):.0f} MiB)\n{out}\n")


def now_ms():
    return time.time() * 1000


def main():
    a = argparse.ArgumentParser()
    a.add_argument("--port", type=int, required=True)
    a.add_argument("--pid", type=int, required=True)
    a.add_argument("--launch-ms", type=float, required=True)
    a.add_argument("--log", required=True)
    a.add_argument("--collectors", type=int, required=True)
    a.add_argument("--window", type=float, default=75)
    a.add_argument("--limit", type=float, default=120)
    a.add_argument("--concurrency", type=int, default=4)
    a.add_argument("--nmt", help="write `jcmd PID VM.native_memory summary` here before and after wrk")
    o = a.parse_args()
    base = f"http://127.0.0.1:{o.port}"
    since = lambda: round(now_ms() - o.launch_ms)
    listening = setup = all_run = ready = "never"
    cpu_at_all_run = cpu_at_listening = "never"
    deadline = o.launch_ms + o.limit * 1000
    last_metrics = 0.0
    while now_ms() < deadline and "never" in (listening, setup, all_run, ready):
        if listening == "never" and get(base + "/-/healthy", 1)[0] == 200:
            listening = since()
            cpu_at_listening = f"{cpu_s(o.pid):.1f}"
        if setup == "never":
            with open(o.log, errors="replace") as f:
                if "listening on" in f.read():
                    setup = since()
        if listening != "never" and ready == "never" and get(base + "/-/ready", 1)[0] == 200:
            ready = since()
        if listening != "never" and all_run == "never" and now_ms() - last_metrics > 200:
            last_metrics = now_ms()
            status, body = get(base + "/metrics")
            if status == 200 and len(collector_series(body).get("dx_collector_success", {})) >= o.collectors:
                all_run = since()
                cpu_at_all_run = f"{cpu_s(o.pid):.1f}"
        time.sleep(0.02)

    # Schedule keeping: the longest gap between two runs of each collector, minus its period.
    periods = collector_series(get(base + "/metrics")[1]).get("dx_collector_interval_seconds", {})
    seen = {}
    excess = 0.0
    end = time.time() + o.window
    while o.window > 0 and time.time() < end:
        s = collector_series(get(base + "/metrics")[1])
        for labels, ts in s.get("dx_collector_last_success_timestamp_seconds", {}).items():
            runs = seen.setdefault(labels, [])
            if not runs or runs[-1] != ts:
                runs.append(ts)
        time.sleep(0.5)
    if o.window > 0:
        at_end = time.time()
        for labels, period in periods.items():
            runs = seen.get(labels, [])
            gaps = [b - a for a, b in zip(runs, runs[1:])] + [at_end - runs[-1] if runs else o.window]
            excess = max(excess, max(gaps) - period)
    final = get(base + "/metrics")[1]
    durations = collector_series(final).get("dx_collector_duration_seconds", {})
    set_s = sum(durations.values()) / o.concurrency
    rss = rss_mib(o.pid)
    if o.nmt:
        native_memory(o.pid, o.nmt, "before wrk")
    # The page as Prometheus gets it: OpenMetrics, gzipped (what goes over the wire per scrape).
    om = urllib.request.Request(base + "/metrics", headers={
        "Accept": PROMETHEUS_ACCEPT, "Accept-Encoding": "gzip"})
    with urllib.request.urlopen(om, timeout=10) as r:
        om_gzip = len(r.read())

    # Asked as Prometheus asks: OpenMetrics first, gzip.
    wrk = subprocess.run(["wrk", "-t2", "-c50", "-d10s", "--latency",
                          "-H", "Accept: " + PROMETHEUS_ACCEPT, "-H", "Accept-Encoding: gzip",
                          base + "/metrics"],
                         capture_output=True, text=True).stdout
    def pct(p):
        m = re.search(rf"^\s+{p}%\s+(\S+)$", wrk, re.M)
        if not m:
            return "?"
        v = m.group(1)
        unit = {"us": 0.001, "ms": 1, "s": 1000}[re.sub(r"[\d.]", "", v)]
        return f"{float(re.sub(r'[a-z]', '', v)) * unit:.2f}"
    p50, p99 = pct(50), pct(99)
    rss_wrk = rss_mib(o.pid)
    if o.nmt:
        native_memory(o.pid, o.nmt, "after wrk")

    # Reload of the unchanged file: a collector that runs again well before its period re-ran.
    before = collector_series(get(base + "/metrics")[1]).get("dx_collector_last_success_timestamp_seconds", {})
    req = urllib.request.Request(base + "/-/reload", method="POST")
    try:
        urllib.request.urlopen(req, timeout=60).read()
        time.sleep(3)
        after = collector_series(get(base + "/metrics")[1]).get("dx_collector_last_success_timestamp_seconds", {})
        reran = sum(1 for k, t in after.items() if k in before and 0 < t - before[k] < 0.8 * periods.get(k, 0))
    except (TimeoutError, OSError):
        reran = "reload>60s"

    print(f"{listening},{cpu_at_listening},{setup},{all_run},{ready},{cpu_at_all_run},{excess:.1f},{set_s:.1f},{rss:.0f},"
          f"{len(final) / 1000:.0f},{om_gzip / 1000:.0f},{p50},{p99},{rss_wrk:.0f},{reran}")


if __name__ == "__main__":
    main()
