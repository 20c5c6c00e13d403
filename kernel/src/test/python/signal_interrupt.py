#!/usr/bin/python3
"""Interrupt by signal: with a kernelspec installed with --interrupt-mode=signal, Jupyter interrupts
by sending SIGINT to the kernel process (not an interrupt_request). A `while (true) { }` cell must
stop with an "Interrupted" error within two seconds, and the variables defined before must survive.

    JUPYTER_PATH=<prefix>/share/jupyter /usr/bin/python3 signal_interrupt.py --kernel NAME

Prints "signal interrupt OK" and exits 0, else says what went wrong and exits 1.
"""

import argparse
import sys
import time

import jupyter_client


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--kernel", required=True)
    args = parser.parse_args()

    km, kc = jupyter_client.manager.start_new_kernel(kernel_name=args.kernel, startup_timeout=120)
    try:
        if km.kernel_spec.interrupt_mode != "signal":
            print(f"the kernelspec's interrupt_mode is {km.kernel_spec.interrupt_mode!r}, not 'signal'")
            return 1
        kc.execute_interactive("int kept = 41;", timeout=120)
        msg_id = kc.execute("while (true) { }")
        time.sleep(2)   # let the loop start
        started = time.monotonic()
        km.interrupt_kernel()   # SIGINT, because of interrupt_mode
        while True:
            reply = kc.get_shell_msg(timeout=30)
            if reply["parent_header"].get("msg_id") == msg_id:
                break
        seconds = time.monotonic() - started
        content = reply["content"]
        print(f"execute_reply {content['status']} {content.get('ename')} {seconds:.2f} s after SIGINT")
        if content["status"] != "error" or content.get("ename") != "Interrupted":
            print(f"expected an Interrupted error, got {content}")
            return 1
        if seconds > 2:
            print(f"the interrupt took {seconds:.2f} s (more than 2 s)")
            return 1
        results = []
        kc.execute_interactive("kept + 1", timeout=60,
                               output_hook=lambda m: results.append(m["content"].get("data", {}).get("text/plain"))
                               if m["msg_type"] == "execute_result" else None)
        if results != ["42"]:
            print(f"after the interrupt, kept + 1 gave {results}, not ['42']")
            return 1
        print("signal interrupt OK")
        return 0
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


if __name__ == "__main__":
    sys.exit(main())
