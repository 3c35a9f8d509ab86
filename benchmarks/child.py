"""Run a command in a child process and measure it: what benchmarks of whole commands share.

`measured(args, env)` runs `args` (in the project folder, with `env`) and returns a
`Measured`: exit status, wall seconds, CPU seconds, peak resident memory (MiB) and the
lines it printed (stdout and stderr together). The memory and CPU are that child's own
(wait4), so neither the benchmark's process nor an earlier child counts.
"""

import os
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Measured:
    status: int
    wall: float
    cpu: float
    peak_mib: float
    lines: list

    def __str__(self):
        return (
            f"{self.wall:.1f} s wall, {self.cpu:.1f} s CPU, peak RSS {self.peak_mib:,.0f} MiB "
            f"(exit {self.status})"
        )


def measured(args, env=None):
    with tempfile.TemporaryFile("w+") as printed:
        started = time.monotonic()
        child = subprocess.Popen(args, cwd=PROJECT, env=env, stdout=printed, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.monotonic() - started
        printed.seek(0)
        lines = printed.read().strip().splitlines()
    return Measured(
        os.waitstatus_to_exitcode(status),
        wall,
        usage.ru_utime + usage.ru_stime,
        usage.ru_maxrss / 1024,
        lines,
    )
