"""Runs the ``kzarchive`` command as a person or a script would.

By default in the test process (tests/cli/in_process.py makes each run as fresh
as a new process); ``Cli(root, in_process=False)``, ``Cli.popen`` and ``Terminal``
start the real command in a process of its own, for what only a process shows:
being killed or interrupted, a terminal, and what it leaves in its temp folder.
"""

from __future__ import annotations

import json
import os
import select
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.cli.in_process import run_main

PASSPHRASE = "correct horse battery staple"


@dataclass
class Result:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


class Cli:
    """One vault folder, one private temp folder, and a clean environment."""

    def __init__(self, root: Path, *, in_process: bool = True):
        self.root = root
        self.in_process = in_process
        self.vault = root / "vault"
        self.tmpdir = root / "tmp"
        self.tmpdir.mkdir(parents=True, exist_ok=True)
        self.recovery_code = ""
        self.fingerprint = ""
        base = {k: v for k, v in os.environ.items() if not k.startswith("KZARCHIVE_")}
        self.env = {
            **base,
            "KZARCHIVE_KDF_TARGET_MS": "50",
            "KZARCHIVE_VAULT": str(self.vault),
            "KZARCHIVE_PASSPHRASE": PASSPHRASE,
            # Nothing may land in the real temp or data folders of the machine.
            "TMPDIR": str(self.tmpdir),
            "XDG_DATA_HOME": str(root / "data-home"),
            "PYTHONDONTWRITEBYTECODE": "1",
        }

    def command(self, *args: str | Path) -> list[str]:
        return [sys.executable, "-m", "kzarchive.cli", *map(str, args)]

    def popen(self, *args: str | Path, env: dict[str, str] | None = None,
              **kwargs: Any) -> subprocess.Popen[bytes]:
        return subprocess.Popen(self.command(*args), env={**self.env, **(env or {})},
                                stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, **kwargs)

    def __call__(self, *args: str | Path, expect: int | None = 0, stdin: bytes | None = None,
                 env: dict[str, str | None] | None = None, timeout: float = 120) -> Result:
        """Runs the command; ``timeout`` bounds a process only (a run in the tests' own
        process cannot be stopped from outside without leaving it in an unknown state)."""
        merged = dict(self.env)
        for key, value in (env or {}).items():
            if value is None:
                merged.pop(key, None)
            else:
                merged[key] = value
        if self.in_process:
            ran = run_main([str(arg) for arg in args], merged, stdin or b"")
            code, out, err = ran.code, ran.out, ran.err
        else:
            done = subprocess.run(
                self.command(*args), env=merged, timeout=timeout, capture_output=True,
                input=stdin, stdin=None if stdin is not None else subprocess.DEVNULL)
            code, out, err = done.returncode, done.stdout, done.stderr
        result = Result(code, out.decode("utf-8"), err.decode("utf-8"))
        if expect is not None:
            assert result.code == expect, (
                f"kzarchive {' '.join(map(str, args))} exited {result.code}, expected {expect}\n"
                f"stdout: {result.out}\nstderr: {result.err}")
        return result

    def init(self) -> Cli:
        created = self("init", "--name", "Test group", "--json").json()
        self.recovery_code = created["recovery_code"]
        self.fingerprint = created["fingerprint"]
        return self


class Terminal:
    """The command on a pseudo-terminal of its own, as a person would run it."""

    def __init__(self, cli: Cli, *args: str | Path, ask_passphrase: bool = True):
        master, slave = os.openpty()
        env = {k: v for k, v in cli.env.items()
               if k != "KZARCHIVE_PASSPHRASE" or not ask_passphrase}
        # A new session: the command must not reach the terminal running the tests.
        self.process = subprocess.Popen(cli.command(*args), stdin=slave, stdout=slave,
                                        stderr=slave, env=env, start_new_session=True)
        os.close(slave)
        self.master = master
        self.transcript = b""
        self._seen = 0  # output up to here has been matched by read_until

    def read_until(self, text: str, timeout: float = 30) -> None:
        """Waits for ``text`` after what earlier calls matched (it may have come already)."""
        deadline = time.monotonic() + timeout
        wanted = text.encode()
        while (found := self.transcript.find(wanted, self._seen)) == -1:
            remaining = deadline - time.monotonic()
            assert remaining > 0, f"no {text!r} in {self.transcript!r}"
            ready, _, _ = select.select([self.master], [], [], remaining)
            if ready:
                try:
                    chunk = os.read(self.master, 4096)
                except OSError:
                    chunk = b""
                assert chunk, f"the command ended; no {text!r} in {self.transcript!r}"
                self.transcript += chunk
        self._seen = found + len(wanted)

    def type(self, line: str) -> None:
        os.write(self.master, line.encode() + b"\n")

    def finish(self, timeout: float = 60) -> int:
        code = self.process.wait(timeout)
        while True:
            try:
                chunk = os.read(self.master, 4096)
            except OSError:
                break
            if not chunk:
                break
            self.transcript += chunk
        os.close(self.master)
        return code
