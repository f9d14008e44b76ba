#!/usr/bin/env python3
"""The router's end of a serial line for the reaction benchmarks: one real pty per side under test.

A USB serial adapter is one tty; a socat pty *pair* adds a relay process (and its wake-ups) in the middle that
no user has. So this peer holds the master end of one pty per side (os.openpty), prints the slave paths the
sides open like any adapter, and for each trial writes a line on one master (sides alternate, so every side
sees the same machine load) and times with the monotonic clock until the expected reply byte arrives.

usage: pty-peer.py SIDES TRIALS WARMUP LINE WANT [PRELUDE]
  LINE, PRELUDE: Python string escapes allowed (\\r\\n); PRELUDE is written 5 ms before LINE (boot noise).
  stdout: {"ptys": [...]} first; then, after a line on stdin, {"sides": [[ms...], ...]} or {"error": ...}.
"""
import json, os, pty, select, sys, time, tty

sides, trials, warmup = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
esc = lambda s: s.encode('latin1').decode('unicode_escape').encode('latin1')
line, want = esc(sys.argv[4]), esc(sys.argv[5])
prelude = esc(sys.argv[6]) if len(sys.argv) > 6 else b''
pairs = [pty.openpty() for _ in range(sides)]
for _, s in pairs:
    tty.setraw(s)
print(json.dumps({"ptys": [os.ttyname(s) for _, s in pairs]}), flush=True)
sys.stdin.readline()
out = [[] for _ in range(sides)]
for i in range((trials + warmup) * sides):
    m = pairs[i % sides][0]
    while select.select([m], [], [], 0)[0]:  # drop anything left over (echoes, newlines)
        os.read(m, 4096)
    if prelude:
        os.write(m, prelude)
        time.sleep(0.005)
    t0 = time.perf_counter_ns()
    os.write(m, line)
    got = b''
    while want not in got:
        r, _, _ = select.select([m], [], [], 2)
        if not r:
            print(json.dumps({"error": "no reply within 2 s at trial %d (side %d)" % (i, i % sides)}), flush=True)
            sys.exit(1)
        got += os.read(m, 4096)
    if i >= warmup * sides:
        out[i % sides].append((time.perf_counter_ns() - t0) / 1e6)
    time.sleep(0.005 + (i % 7) / 1000)
print(json.dumps({"sides": out}), flush=True)
