#!/usr/bin/python3
"""Execute course notebooks through an installed Jupyter kernel and report how long every cell took.

    /usr/bin/python3 kernel/src/test/notebooks/run_notebooks.py [PATH ...] [options]

PATH is a notebook or a folder searched recursively (default: notebooks/ at the repository root,
assignments included; .ipynb_checkpoints are skipped). Every notebook runs top to bottom in a
fresh kernel started from the installed kernelspec (--kernel, default glassbox), with the
notebook's folder as working directory. A notebook fails when a cell produces an error output
(except cells tagged `raises-exception`, which are meant to fail) or a cell runs longer than
--cell-timeout seconds (default 120).

Notebooks are never modified unless --write is given: authors use it to store fresh outputs in
the committed notebooks; CI must not. --output-dir DIR writes the executed copies there instead.

Prints a table of notebooks (cells, seconds, kernel CPU seconds, slowest cell, status) and exits 1
when any failed. The kernel's CPU seconds (user + system, all its threads, read from /proc) tell how
heavy a notebook is even on a busy machine, where wall-clock seconds stretch.
With no notebooks to run it says so and exits 0.
"""

import argparse
import os
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

REPO = Path(__file__).resolve().parents[4]


def find_notebooks(paths):
    found = []
    for path in paths:
        path = Path(path)
        if path.is_file():
            found.append(path)
        elif path.is_dir():
            found.extend(p for p in sorted(path.rglob("*.ipynb")) if ".ipynb_checkpoints" not in p.parts)
        else:
            sys.exit(f"run_notebooks: {path} does not exist")
    return found


def error_text(output):
    import re
    tb = "\n".join(output.get("traceback", [])) or f"{output.get('ename')}: {output.get('evalue')}"
    return re.sub(r"\x1b\[[0-9;]*m", "", tb)


def kernel_cpu_seconds(client):
    """CPU seconds (user + system) the kernel process has used so far, or None where unknown."""
    try:
        pid = client.km.provisioner.process.pid
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        ticks = os.sysconf("SC_CLK_TCK")
        return (int(fields[11]) + int(fields[12])) / ticks
    except Exception:
        return None


def run_notebook(path, args):
    """Runs one notebook; returns a dict with timings, status and the error (if any)."""
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, kernel_name=args.kernel, timeout=int(args.cell_timeout + 0.999),
                            startup_timeout=int(args.startup_timeout), allow_errors=True,
                            record_timing=True, resources={"metadata": {"path": str(path.parent)}})
    result = {"path": path, "cells": 0, "seconds": 0.0, "slowest": (None, 0.0), "status": "ok", "error": None,
              "times": [], "cpu": None}
    started = time.monotonic()
    try:
        with client.setup_kernel():
            for index, cell in enumerate(nb.cells):
                if cell.cell_type != "code":
                    continue
                t0 = time.monotonic()
                c0 = kernel_cpu_seconds(client)
                try:
                    client.execute_cell(cell, index)
                except CellTimeoutError:
                    result["status"] = "FAIL"
                    result["error"] = f"cell {index} ran longer than {args.cell_timeout:g} s"
                    break
                seconds = time.monotonic() - t0
                c1 = kernel_cpu_seconds(client)
                cpu = c1 - c0 if c0 is not None and c1 is not None else None
                if c1 is not None:
                    result["cpu"] = c1
                result["cells"] += 1
                result["times"].append((index, seconds, cpu))
                if seconds > result["slowest"][1]:
                    result["slowest"] = (index, seconds)
                if seconds > args.cell_timeout:
                    result["status"] = "FAIL"
                    result["error"] = f"cell {index} took {seconds:.1f} s (limit {args.cell_timeout:g} s)"
                    break
                errors = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
                if errors and "raises-exception" not in cell.get("metadata", {}).get("tags", []):
                    result["status"] = "FAIL"
                    result["error"] = f"cell {index} raised an error:\n{''.join(cell.source)[:400]}\n---\n" + error_text(errors[0])
                    break
    except (DeadKernelError, CellExecutionError, RuntimeError, TimeoutError) as e:
        result["status"] = "FAIL"
        result["error"] = f"{type(e).__name__}: {e}"
    result["seconds"] = time.monotonic() - started

    if args.write and result["status"] == "ok":
        nbformat.write(nb, path)
    if args.output_dir:
        base = Path(args.output_dir)
        try:
            rel = path.resolve().relative_to(REPO)
        except ValueError:
            rel = Path(path.name)
        target = base / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, target)
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", help="notebooks or folders (default: notebooks/)")
    parser.add_argument("--kernel", default="glassbox", help="kernelspec name (default: glassbox)")
    parser.add_argument("--cell-timeout", type=float, default=120, help="seconds a cell may take (default: 120)")
    parser.add_argument("--startup-timeout", type=float, default=120, help="seconds for the kernel to start")
    parser.add_argument("--write", action="store_true",
                        help="store the outputs in the notebooks themselves (authors only; never in CI)")
    parser.add_argument("--output-dir", help="write executed copies under this folder")
    parser.add_argument("--cell-times", action="store_true", help="also list every cell's time")
    args = parser.parse_args()

    if args.write and os.environ.get("CI"):
        sys.exit("run_notebooks: --write is refused when CI is set: CI never modifies notebooks")

    paths = args.paths or [REPO / "notebooks"]
    if not args.paths and not (REPO / "notebooks").is_dir():
        print("run_notebooks: there is no notebooks/ folder yet; nothing to run")
        return 0
    notebooks = find_notebooks(paths)
    if not notebooks:
        print(f"run_notebooks: no notebooks under {', '.join(map(str, paths))}; nothing to run")
        return 0

    results = []
    for path in notebooks:
        print(f"running {path} ...", flush=True)
        result = run_notebook(path, args)
        results.append(result)
        print(f"  {result['status']} in {result['seconds']:.1f} s", flush=True)
        if result["error"]:
            print("  " + result["error"].replace("\n", "\n  "), flush=True)
        if args.cell_times:
            for index, seconds, cpu in result["times"]:
                cpu_text = f"  {cpu:7.2f} s CPU" if cpu is not None else ""
                print(f"    cell {index:3d}  {seconds:7.2f} s{cpu_text}")

    def name(p):
        try:
            return str(Path(p).resolve().relative_to(REPO))
        except ValueError:
            return str(p)

    width = max(len(name(r["path"])) for r in results)
    print()
    print(f"{'notebook':<{width}}  {'cells':>5}  {'seconds':>8}  {'CPU s':>7}  {'slowest cell':>14}  status")
    for r in results:
        idx, secs = r["slowest"]
        slowest = f"#{idx} {secs:.1f} s" if idx is not None else "-"
        cpu = f"{r['cpu']:.1f}" if r["cpu"] is not None else "-"
        print(f"{name(r['path']):<{width}}  {r['cells']:>5}  {r['seconds']:>8.1f}  {cpu:>7}  {slowest:>14}  {r['status']}")
    total = sum(r["seconds"] for r in results)
    failed = [r for r in results if r["status"] != "ok"]
    total_cpu = sum(r["cpu"] or 0 for r in results)
    print(f"{len(results)} notebooks, {total:.1f} s in all (kernel CPU {total_cpu:.1f} s), {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
