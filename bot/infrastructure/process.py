"""Process hygiene for `navigator run`: die with the parent, never linger.

`make run` is the parent of the server; if make is killed with SIGTERM it does not pass
the signal on, so the kernel is asked to send it to us when the parent goes away.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import signal
import sys

PR_SET_PDEATHSIG = 1


def terminate_with_parent() -> None:
    if not sys.platform.startswith("linux"):
        return
    libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
    libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
