#!/usr/bin/python3
"""%check through a running kernel: executes an assignment notebook top to bottom with the installed
kernel (as a student would, cell by cell) and reads what its `%check` cell showed.

    JUPYTER_PATH=<prefix>/share/jupyter /usr/bin/python3 check_magic.py NOTEBOOK (--all-pass | --failing)

--all-pass: the instructor notebook; %check must report every visible test passing.
--failing:  a student release; the stubs throw "not implemented yet", so %check must report failing
            tests with that message, and the notebook must still run to the end.
Prints the %check table and "check magic OK", or what was wrong, and exits 0 or 1.
"""

import argparse
import re
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("notebook")
    parser.add_argument("--kernel", default="glassbox")
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--all-pass", action="store_true")
    mode.add_argument("--failing", action="store_true")
    args = parser.parse_args()

    path = Path(args.notebook)
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, kernel_name=args.kernel, timeout=300, startup_timeout=120, allow_errors=True,
                            resources={"metadata": {"path": str(path.parent)}})
    client.execute()

    check_cells = [c for c in nb.cells if c.cell_type == "code" and c.source.strip().startswith("%check")]
    if not check_cells:
        print(f"{path} has no %check cell")
        return 1
    text = ""
    for cell in check_cells:
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                print(f"%check raised {out.get('ename')}: {out.get('evalue')}")
                return 1
            if "data" in out and "text/plain" in out["data"]:
                text += out["data"]["text/plain"] + "\n"
            if "data" in out and "text/html" not in out["data"]:
                print(f"%check showed no HTML table: {list(out['data'])}")
                return 1
    print(text)
    m = re.search(r"(\d+) of (\d+) visible tests pass", text)
    if not m:
        print("no '<n> of <m> visible tests pass' line in the %check output")
        return 1
    passed, total = int(m.group(1)), int(m.group(2))
    if total == 0:
        print("%check ran no tests")
        return 1
    if args.all_pass and passed != total:
        print(f"the instructor solution passes only {passed} of {total} visible tests")
        return 1
    if args.failing:
        if passed == total:
            print("every visible test passes on the student release, whose stubs should fail")
            return 1
        if "not implemented yet" not in text:
            print("the failing tests do not say 'not implemented yet'")
            return 1
    print("check magic OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
