"""Load pages over HTTP with wrk and report latency percentiles per page.

In: a base URL (a running server: gunicorn, DEBUG off), pages as {name: [paths]}, and
how long and how many connections. Out: one `PageFigures` per page: p50, p95, p99
(ms), requests a second, and errors (sockets: connect, read, write, timeout; and
responses that are not 2xx or 3xx). Each page runs on its own for `seconds`, after
a short untimed warm-up: wrk with `connections` keep-alive connections over
`threads` threads, each connection requesting the page's paths in turn from a
random start (several paths per page, so a cache of one response does not stand
in for the page).

wrk is a closed loop: a connection sends its next request when the last one is
answered, so latency includes waiting for a free worker; p95 at 20 connections
against W workers is about 20 / W times a request's own time when the CPUs are
the limit. Latencies come from wrk's own histogram (microseconds), read through
a Lua `done` hook that prints one JSON line. Needs the `wrk` binary on PATH
(Debian: `apt-get install wrk`). No figure here is asserted anywhere.
"""

import json
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

LUA = r"""
local paths = {%(paths)s}
local counter = 0
function setup(thread)
  thread:set("offset", counter)
  counter = counter + 7
end
function init(args)
  position = (offset or 0) %% #paths
end
function request()
  position = position %% #paths + 1
  return wrk.format("GET", paths[position])
end
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'FIGURES {"p50": %%f, "p95": %%f, "p99": %%f, "requests": %%d, "seconds": %%f, '
    .. '"socket_errors": %%d, "bad_status": %%d}\n',
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.requests, summary.duration / 1e6,
    e.connect + e.read + e.write + e.timeout, e.status))
end
"""


@dataclass(frozen=True)
class PageFigures:
    page: str
    paths: int
    p50_ms: float
    p95_ms: float
    p99_ms: float
    per_second: float
    requests: int
    errors: int

    def line(self):
        return (
            f"{self.page:<18} {self.p50_ms:8.1f} {self.p95_ms:8.1f} {self.p99_ms:8.1f} "
            f"{self.per_second:8.1f} {self.requests:8d} {self.errors:6d}   ({self.paths} paths)"
        )


HEADER = f"{'page':<18} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'req/s':>8} {'requests':>8} {'errors':>6}"


def lua_script(paths: list[str]) -> str:
    quoted = ", ".join(json.dumps(path) for path in paths)
    return LUA % {"paths": quoted}


def load_page(
    base_url: str,
    name: str,
    paths: list[str],
    seconds: int = 15,
    connections: int = 20,
    threads: int = 2,
    warmup: int = 2,
    timeout: int = 30,
) -> PageFigures:
    """Run wrk against one page's paths and read its figures."""
    wrk = shutil.which("wrk")
    if wrk is None:
        raise RuntimeError("wrk is not installed (apt-get install wrk)")
    with tempfile.TemporaryDirectory() as folder:
        script = Path(folder) / "paths.lua"
        script.write_text(lua_script(paths), encoding="utf-8")
        # wrk refuses more threads than connections ("--connections 1" for one client).
        threads = min(threads, connections)
        command = [wrk, f"-t{threads}", f"-c{connections}", f"--timeout={timeout}s", "-s", str(script)]
        if warmup:
            subprocess.run([*command, f"-d{warmup}s", base_url], capture_output=True, check=True)
        done = subprocess.run(
            [*command, f"-d{seconds}s", base_url], capture_output=True, text=True, check=True
        )
    line = next(line for line in done.stdout.splitlines() if line.startswith("FIGURES "))
    figures = json.loads(line.removeprefix("FIGURES "))
    return PageFigures(
        page=name,
        paths=len(paths),
        p50_ms=figures["p50"],
        p95_ms=figures["p95"],
        p99_ms=figures["p99"],
        per_second=figures["requests"] / figures["seconds"],
        requests=figures["requests"],
        errors=figures["socket_errors"] + figures["bad_status"],
    )
