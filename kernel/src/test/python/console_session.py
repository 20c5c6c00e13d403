#!/usr/bin/python3
"""A `jupyter console --kernel glassbox` session driven through a pseudo-terminal, as a student
types it: an expression, a multi-line loop (the console asks the kernel's is_complete whether to
continue the cell), a compile error, and the session still working afterwards.

    JUPYTER_PATH=<prefix>/share/jupyter /usr/bin/python3 console_session.py [--kernel NAME]

Exits 0 when every step showed what it should, else prints the screen and exits 1.
"""

import argparse
import os
import re
import sys
import time

import pexpect

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][A-Z0-9]|\r")


class Console:
    def __init__(self, kernel, timeout):
        env = {**os.environ, "TERM": "xterm", "PROMPT_TOOLKIT_NO_CPR": "1"}
        self.child = pexpect.spawn("/usr/bin/jupyter",
                                   ["console", "--kernel", kernel, "--ZMQTerminalIPythonApp.confirm_exit=False",
                                    # the first is_complete may wait for the kernel's warm-up
                                    "--ZMQTerminalInteractiveShell.kernel_is_complete_timeout=30"],
                                   encoding="utf-8", env=env, dimensions=(50, 200), timeout=timeout)
        self.text = ""
        self.pos = 0
        self.timeout = timeout

    def expect(self, pattern, timeout=None):
        """Waits until the screen text (ANSI codes removed) after the last match matches pattern."""
        deadline = time.monotonic() + (timeout or self.timeout)
        rx = re.compile(pattern)
        while True:
            m = rx.search(self.text, self.pos)
            if m:
                self.pos = m.end()
                return m
            if time.monotonic() > deadline:
                raise AssertionError(f"waited {timeout or self.timeout} s for {pattern!r}")
            try:
                self.text += ANSI.sub("", self.child.read_nonblocking(65536, timeout=0.2))
            except pexpect.TIMEOUT:
                pass
            except pexpect.EOF:
                raise AssertionError(f"the console ended while waiting for {pattern!r}")

    def type(self, line):
        self.child.send(line + "\r")


def wait_until_warm(started, timeout=120):
    """Waits until the console's kernel answers is_complete with a real verdict.

    The kernel answers kernel_info at once and warms JShell up in the background; until then
    is_complete says "unknown" after a wait. jupyter console 6.4 calls is_complete inside its
    Enter key handler and breaks ("generator already executing") when the answer takes longer
    than prompt_toolkit's 0.5 s key timeout, so a student who types during the warm-up sees that.
    This test types once the kernel is warm; it asks through the console's own connection file
    (a side client's is_complete changes nothing in the session).
    """
    from jupyter_client import BlockingKernelClient
    from jupyter_core.paths import jupyter_runtime_dir
    runtime = jupyter_runtime_dir()
    files = [os.path.join(runtime, f) for f in os.listdir(runtime) if f.startswith("kernel-") and f.endswith(".json")]
    files = [f for f in files if os.path.getmtime(f) >= started - 1]
    if not files:
        raise AssertionError(f"no connection file of the console's kernel in {runtime}")
    client = BlockingKernelClient(connection_file=max(files, key=os.path.getmtime))
    client.load_connection_file()
    client.start_channels()
    try:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            msg_id = client.is_complete("1 + 1")
            reply = client.get_shell_msg(timeout=30)
            if reply["parent_header"].get("msg_id") == msg_id and reply["content"]["status"] == "complete":
                return
            time.sleep(0.2)
        raise AssertionError(f"the kernel did not become ready within {timeout} s")
    finally:
        client.stop_channels()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--kernel", default=os.environ.get("GLASSBOX_KERNEL", "glassbox"))
    parser.add_argument("--timeout", type=float, default=60)
    args = parser.parse_args()

    started = time.time()
    console = Console(args.kernel, args.timeout)
    step = "start"
    try:
        step = "the first prompt"
        console.expect(r"In \[1\]: ", timeout=120)
        wait_until_warm(started)
        step = "1 + 1"
        console.type("1 + 1")
        console.expect(r"Out\[1\]: 2\b")
        console.expect(r"In \[2\]: ")

        step = "a loop typed over three lines"
        console.type("for (int i = 1; i <= 3; i++) {")
        console.expect(r"\.\.\.: ")  # the kernel said: incomplete, keep typing
        console.type("    System.out.println(\"line \" + i * 10);")
        console.expect(r"\.\.\.: ")
        console.type("}")
        console.expect(r"line 10\nline 20\nline 30")
        console.expect(r"In \[3\]: ")

        step = "a compile error"
        console.type("int broken = \"text\";")
        console.expect(r"incompatible types")
        console.expect(r"In \[4\]: ")

        step = "the session after the error"
        console.type("String who = \"console\"; who.length()")
        console.expect(r"Out\[4\]: 7\b")
        console.expect(r"In \[5\]: ")

        step = "leaving with Ctrl-D"
        console.child.sendeof()
        console.child.expect(pexpect.EOF, timeout=30)
        console.child.close()
    except AssertionError as e:
        print(f"console session FAILED at {step}: {e}\n--- the console showed ---\n{console.text[-4000:]}")
        console.child.sendeof()  # let the console shut its kernel down
        try:
            console.child.expect(pexpect.EOF, timeout=20)
        except (pexpect.TIMEOUT, pexpect.EOF):
            pass
        console.child.terminate(force=True)
        return 1
    print(console.text)
    print("console session OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
