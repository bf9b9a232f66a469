"""Run one command in a fresh process and write its resource use as JSON.

    python bench/_measure.py OUT.json -m MODULE [ARGS ...]    # runs the module in this process
    python bench/_measure.py OUT.json -- COMMAND [ARGS ...]   # runs a subprocess

Module mode (used for `mkdocs build`): the module runs inside this process, so `self` is the
Python build itself and `children` is everything it started and waited for (Pagefind, the image
worker pool). A fresh process per measurement keeps ru_maxrss (a high-water mark) honest.
The JSON holds wall seconds, user/sys CPU seconds and peak RSS (MB) of self and of children,
and the exit status.
"""

from __future__ import annotations

import json
import resource
import runpy
import subprocess
import sys
import time


def _usage(who: int) -> dict[str, float]:
    usage = resource.getrusage(who)
    return {
        "user_s": usage.ru_utime,
        "sys_s": usage.ru_stime,
        "cpu_s": usage.ru_utime + usage.ru_stime,
        "maxrss_mb": usage.ru_maxrss / 1024,  # Linux reports kB
    }


def main() -> int:
    out = sys.argv[1]
    mode = sys.argv[2]
    args = sys.argv[3:]
    before_self = _usage(resource.RUSAGE_SELF)
    started = time.perf_counter()
    if mode == "-m":
        module, *rest = args
        sys.argv = [module, *rest]
        try:
            runpy.run_module(module, run_name="__main__", alter_sys=True)
            status = 0
        except SystemExit as stop:
            code = stop.code
            status = code if isinstance(code, int) else (0 if code is None else 1)
    elif mode == "--":
        status = subprocess.run(args, check=False).returncode
    else:
        raise SystemExit(f"unknown mode {mode!r}")
    wall = time.perf_counter() - started
    own = _usage(resource.RUSAGE_SELF)
    for key in ("user_s", "sys_s", "cpu_s"):
        own[key] -= before_self[key]  # leave out this wrapper's own start-up
    children = _usage(resource.RUSAGE_CHILDREN)
    result = {
        "status": status,
        "wall_s": wall,
        "self": own,
        "children": children,
        "cpu_s": own["cpu_s"] + children["cpu_s"],
        "peak_rss_mb": max(own["maxrss_mb"], children["maxrss_mb"]),
    }
    with open(out, "w", encoding="utf-8") as handle:
        json.dump(result, handle, indent=2)
    return status


if __name__ == "__main__":
    sys.exit(main())
