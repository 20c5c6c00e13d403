#!/usr/bin/python3
"""A `jupyter console --kernel glassbox` session driven through a pseudo-terminal, as a student
types it: an expression, printing in a loop, a compile error, and the session still working
afterwards with the variables it had.

    JUPYTER_PATH=<prefix>/share/jupyter /usr/bin/python3 console_session.py [--kernel NAME] [--rich]

By default the console runs with --simple-prompt: every line is one cell. With --rich it runs in
its default prompt_toolkit mode, where Enter asks the kernel's is_complete whether the cell is
finished: a `for` loop typed over three lines must get a continuation prompt after its first line
and run as one cell after its closing brace. (The console gives up on is_complete for the rest of
the session when one answer takes longer than 1 s, and then waits for an empty line instead.)

Exits 0 when every step showed what it should, else prints the screen and exits 1.
"""

import argparse
import os
import re
import sys
import time

import pexpect

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][A-Z0-9]|\x1b[=>]|\r")


class Console:
    def __init__(self, kernel, timeout, rich=False):
        env = {**os.environ, "TERM": "xterm" if rich else "dumb"}
        mode = [] if rich else ["--simple-prompt"]
        self.child = pexpect.spawn("/usr/bin/jupyter",
                                   ["console", "--kernel", kernel, *mode,
                                    "--ZMQTerminalIPythonApp.confirm_exit=False"],
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
        self.child.sendline(line)

    def press(self, text):
        """Types text and Enter as a terminal sends it (carriage return), for the prompt_toolkit mode."""
        self.child.send(text + "\r")


def rich_session(console):
    """The default prompt_toolkit console: multi-line cells decided by the kernel's is_complete."""
    step = "the banner and first prompt"
    try:
        console.expect(r"Glassbox", timeout=120)
        console.expect(r"In \[1\]: ", timeout=120)

        step = "the first line of a loop gets a continuation prompt"
        console.press("for (int i = 1; i <= 3; i++) {")
        console.expect(r"\.\.\.: ")
        console.press('System.out.println("row " + i * 10);')
        console.expect(r"\.\.\.: ")

        step = "the closing brace runs the loop as one cell"
        console.press("}")
        console.expect(r"row 10\nrow 20\nrow 30")
        console.expect(r"In \[2\]: ")

        step = "a one-line expression runs at once"
        console.press("6 * 7")
        console.expect(r"Out\[2\]: 42\b")
        console.expect(r"In \[3\]: ")
        if "did not respond to an is_complete_request" in console.text:
            raise AssertionError("the console gave up waiting for is_complete")

        step = "leaving with Ctrl-D"
        console.child.sendeof()
        console.child.expect(pexpect.EOF, timeout=60)
        console.child.close()
    except AssertionError as e:
        return step, e
    return None, None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--kernel", default=os.environ.get("GLASSBOX_KERNEL", "glassbox"))
    parser.add_argument("--timeout", type=float, default=90)
    parser.add_argument("--rich", action="store_true", help="the default prompt_toolkit console, not --simple-prompt")
    args = parser.parse_args()

    console = Console(args.kernel, args.timeout, rich=args.rich)
    step = "start"
    if args.rich:
        step, error = rich_session(console)
        if error is None:
            print(console.text)
            print("console session OK")
            return 0
        return fail(console, step, error)
    try:
        step = "the banner and first prompt"
        console.expect(r"Glassbox", timeout=120)
        console.expect(r"In \[1\]: ", timeout=120)

        step = "1 + 1"
        console.type("1 + 1")
        console.expect(r"Out\[1\]: 2\b")
        console.expect(r"In \[2\]: ")

        step = "printing in a loop"
        console.type('for (int i = 1; i <= 3; i++) System.out.println("line " + i * 10);')
        console.expect(r"line 10\nline 20\nline 30")
        console.expect(r"In \[3\]: ")

        step = "a variable"
        console.type('String who = "console";')
        console.expect(r"In \[4\]: ")

        step = "a compile error"
        console.type('int broken = "text";')
        console.expect(r"incompatible types")
        console.expect(r"In \[5\]: ")

        step = "the session after the error"
        console.type("who.length() * 6")
        console.expect(r"Out\[5\]: 42\b")
        console.expect(r"In \[6\]: ")

        step = "leaving with Ctrl-D"
        console.child.sendeof()
        console.child.expect(pexpect.EOF, timeout=60)
        console.child.close()
    except AssertionError as e:
        return fail(console, step, e)
    print(console.text)
    print("console session OK")
    return 0


def fail(console, step, error):
    print(f"console session FAILED at {step}: {error}\n--- the console showed ---\n{console.text[-4000:]}")
    console.child.sendeof()  # let the console shut its kernel down
    try:
        console.child.expect(pexpect.EOF, timeout=20)
    except (pexpect.TIMEOUT, pexpect.EOF):
        pass
    console.child.terminate(force=True)
    return 1


if __name__ == "__main__":
    sys.exit(main())
