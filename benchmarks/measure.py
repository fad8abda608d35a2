"""What the benchmark scripts share: reading this process's peak memory."""

from __future__ import annotations

import resource


def peak_mb() -> float:
    """Peak resident memory of this process in MB (VmHWM: unlike ru_maxrss, it starts afresh at exec)."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
