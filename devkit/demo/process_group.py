"""Process groups of children started with ``start_new_session=True``.

A tool such as ``npx agentsplayground`` runs as npx → npm → node, and Chromium forks helpers;
signalling only the direct child would leave the rest running. The leader's pid is the group
id, so these helpers take that pid.
"""

from __future__ import annotations

import contextlib
import os
import signal
from pathlib import Path


def process_group_alive(pgid: int) -> bool:
    """Whether a process group still has a live (non-zombie) member."""
    proc = Path("/proc")
    if not proc.is_dir():
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:
            return True
        return True
    for entry in proc.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # pid (comm) state ppid pgrp ...; comm may contain spaces and parentheses.
        fields = stat[stat.rfind(")") + 2 :].split()
        if len(fields) >= 3 and int(fields[2]) == pgid and fields[0] != "Z":
            return True
    return False


def signal_process_group(pgid: int, sig: signal.Signals) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pgid, sig)
