#!/usr/bin/python3
"""Startup benchmark for an installed kernel (a benchmark, not a test: it prints figures).

    /usr/bin/python3 startup_bench.py [--kernel glassbox ...] [--launches 5] [--cells 50]

For each kernelspec, launches it --launches times from scratch and measures, as a notebook
front end sees it:
  ready   launch -> kernel_info_reply (the request is sent at launch and answered once the kernel listens)
  first   launch -> the execute_result of the first `1 + 1`
  cell    round trip of a trivial cell afterwards (execute_request -> execute_reply and idle),
          median over --cells cells
  cpu     CPU seconds the kernel process used from launch to the first result, and per trivial
          cell afterwards (from /proc; on a shared, busy machine this says more than wall time)
Prints the median of every figure next to the targets (ready < 1 s, first < 3 s, cell < 50 ms).
"""

import argparse
import os
import statistics
import sys
import time
from queue import Empty

from jupyter_client.manager import KernelManager

TARGETS = {"ready": 1.0, "first": 3.0, "cell": 0.050}


def wait_reply(kc, msg_id, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            msg = kc.get_shell_msg(timeout=max(0.01, deadline - time.monotonic()))
        except Empty:
            break
        if msg["parent_header"].get("msg_id") == msg_id:
            return msg
    raise TimeoutError(f"no reply to {msg_id} within {timeout} s")


def wait_idle(kc, msg_id, timeout, want_result=False):
    deadline = time.monotonic() + timeout
    result = None
    while time.monotonic() < deadline:
        try:
            msg = kc.get_iopub_msg(timeout=max(0.01, deadline - time.monotonic()))
        except Empty:
            break
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "execute_result":
            result = msg["content"]["data"].get("text/plain")
        if msg["msg_type"] == "error":
            raise RuntimeError(f"the cell failed: {msg['content'].get('ename')}: {msg['content'].get('evalue')}")
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            return result
    raise TimeoutError(f"no idle status for {msg_id} within {timeout} s")


def cpu_seconds(pid):
    """User + system CPU seconds of a process (Linux /proc), or nan."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return float("nan")


def one_launch(kernel, cells):
    km = KernelManager(kernel_name=kernel)
    t0 = time.monotonic()
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    try:
        info_id = kc.kernel_info()
        wait_reply(kc, info_id, 120)
        ready = time.monotonic() - t0
        msg_id = kc.execute("1 + 1")
        result = wait_idle(kc, msg_id, 120, want_result=True)
        first = time.monotonic() - t0
        cpu = cpu_seconds(km.provisioner.process.pid if getattr(km, "provisioner", None) else km.kernel.pid)
        if result != "2":
            raise RuntimeError(f"1 + 1 gave {result!r}")
        pid = km.provisioner.process.pid if getattr(km, "provisioner", None) else km.kernel.pid
        trips = []
        for _ in range(cells):
            t = time.monotonic()
            msg_id = kc.execute("1 + 1")
            wait_reply(kc, msg_id, 30)
            wait_idle(kc, msg_id, 30)
            trips.append(time.monotonic() - t)
        cell_cpu = (cpu_seconds(pid) - cpu) / max(1, cells)
        return ready, first, statistics.median(trips), cpu, cell_cpu
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=False)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kernel", action="append", help="kernelspec name (repeatable; default glassbox)")
    parser.add_argument("--launches", type=int, default=5)
    parser.add_argument("--cells", type=int, default=50)
    args = parser.parse_args()
    kernels = args.kernel or ["glassbox"]

    print(f"{'kernel':<20} {'launch->kernel_info':>20} {'launch->1+1 result':>20} {'trivial cell':>14} {'kernel CPU to 1+1':>18} {'CPU/cell':>9}")
    for kernel in kernels:
        runs = [one_launch(kernel, args.cells) for _ in range(args.launches)]
        ready = statistics.median(r[0] for r in runs)
        first = statistics.median(r[1] for r in runs)
        cell = statistics.median(r[2] for r in runs)
        cpu = statistics.median(r[3] for r in runs)
        cell_cpu = statistics.median(r[4] for r in runs)
        print(f"{kernel:<20} {ready:>18.3f} s {first:>18.3f} s {cell * 1000:>11.1f} ms {cpu:>16.2f} s {cell_cpu * 1000:>6.1f} ms"
              f"   (median of {args.launches} launches; cells: median of {args.cells})")
        for name, value in (("ready", ready), ("first", first), ("cell", cell)):
            if value > TARGETS[name]:
                print(f"  over target: {name} {value:.3f} s > {TARGETS[name]} s")
    try:
        print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    except OSError:
        pass
    print(f"targets: kernel_info < {TARGETS['ready']} s, first 1 + 1 < {TARGETS['first']} s, "
          f"trivial cell < {TARGETS['cell'] * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
