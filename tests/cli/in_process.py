"""Runs ``kzarchive.cli.main.main(argv)`` in the test process as if it were a new process.

Starting Python and importing the CLI costs far more than most commands take, so
the CLI tests call ``main`` directly.  For that to test what a person gets, each
run sees only what a fresh process would:

- exactly the given environment (``os.environ`` is made equal to it, ``tempfile`` reads
  ``TMPDIR`` again), and the working folder, umask, signal handlers, ``sys.argv``
  and logging set-up of the tests are put back afterwards, whatever the command did;
- standard input, output and error are new byte streams with UTF-8 text on top
  (``isatty()`` is false), both at the Python level and at file descriptors 0, 1
  and 2, so that output written by C code is caught as well;
- ``sys.exit`` becomes an exit code as the interpreter would make it;
- a command that leaves a thread running, or that changes the module-level state
  of the ``kzarchive`` package (a cache, a rebound global), fails the test: the next
  run would not start afresh.

What cannot be made fresh in one process is left to tests that start one
explicitly (cli_runner.Cli(in_process=False), .popen, Terminal): killing and
interrupting, a real terminal, what is imported, and SQLite's temp folder, which
SQLite reads from ``TMPDIR`` only once per process.  Warnings are left to pytest,
which shows them (a fresh process would hide most).
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import signal
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from types import ModuleType
from typing import BinaryIO

# Those the interpreter lets a program replace.
_SIGNALS = sorted(signal.valid_signals() - {signal.SIGKILL, signal.SIGSTOP})
_MUTABLE = (dict, list, set, bytearray)

ModuleState = dict[str, dict[str, tuple[int, int | None]]]


@dataclass(frozen=True)
class Outcome:
    code: int
    out: bytes
    err: bytes


def run_main(argv: Sequence[str], env: Mapping[str, str], stdin: bytes = b"") -> Outcome:
    """Runs the command line on ``argv`` with ``env`` as its whole environment."""
    from kzarchive.cli import main as cli_main

    state = _module_state()
    threads = set(threading.enumerate())
    with _fresh_process(env, stdin, ["kzarchive", *argv]) as streams:
        code = _exit_code(lambda: cli_main.main(list(argv)))
    leftover = [t.name for t in set(threading.enumerate()) - threads if t.is_alive()]
    assert not leftover, f"kzarchive {' '.join(argv)} left threads running: {leftover}"
    changed = _changed_modules(state, _module_state())
    assert not changed, (f"kzarchive {' '.join(argv)} changed module-level state of "
                         f"{changed}; the next command would not start afresh")
    return Outcome(code, streams.out, streams.err)


def _exit_code(command: Callable[[], int]) -> int:
    """What the process would exit with: ``sys.exit(command())``."""
    try:
        code: object = command()
    except SystemExit as exc:
        code = exc.code
    if code is None:
        return 0
    if isinstance(code, int):
        return code & 0xFF
    print(code, file=sys.stderr)  # sys.exit("text") prints it and exits 1
    return 1


class _Streams:
    """New standard streams, at the Python level and at file descriptors 0-2."""

    def __init__(self, stdin: bytes, fd_out: BinaryIO, fd_err: BinaryIO):
        self._out, self._err = io.BytesIO(), io.BytesIO()
        # What a fresh interpreter makes of pipes: UTF-8, "\n" lines, stderr line-buffered.
        self.stdin = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8", newline="\n")
        self.stdout = io.TextIOWrapper(self._out, encoding="utf-8", newline="\n")
        self.stderr = io.TextIOWrapper(self._err, encoding="utf-8", errors="backslashreplace",
                                       newline="\n", line_buffering=True)
        self._fd_out, self._fd_err = fd_out, fd_err
        self._saved_fds: list[int] = []
        self.out = self.err = b""

    def redirect_fds(self) -> None:
        null = os.open(os.devnull, os.O_RDONLY)
        try:
            for fd, target in ((0, null), (1, self._fd_out.fileno()), (2, self._fd_err.fileno())):
                self._saved_fds.append(os.dup(fd))
                os.dup2(target, fd)
        finally:
            os.close(null)

    def restore_fds(self) -> None:
        for fd, saved in enumerate(self._saved_fds):
            os.dup2(saved, fd)
            os.close(saved)
        self._saved_fds.clear()

    def collect(self) -> None:
        """What was written: through Python first, then straight to the descriptors
        (the order between the two is not kept)."""
        for stream in (self.stdout, self.stderr):
            with contextlib.suppress(ValueError):  # closed by the command
                stream.flush()
        self._fd_out.seek(0)
        self._fd_err.seek(0)
        self.out = self._out.getvalue() + self._fd_out.read()
        self.err = self._err.getvalue() + self._fd_err.read()


@contextlib.contextmanager
def _fresh_process(env: Mapping[str, str], stdin: bytes,
                   argv: list[str]) -> Iterator[_Streams]:
    saved_env = dict(os.environ)
    saved_cwd = os.getcwd()
    saved_umask = os.umask(0o022)
    os.umask(saved_umask)
    saved_signals = {number: signal.getsignal(number) for number in _SIGNALS}
    saved_std = sys.stdin, sys.stdout, sys.stderr
    saved_argv = sys.argv
    saved_tempdir = tempfile.tempdir
    root = logging.getLogger()
    saved_logging = root.handlers[:], root.level, logging.root.manager.disable
    for stream in saved_std:
        with contextlib.suppress(ValueError, OSError):
            stream.flush()
    with tempfile.TemporaryFile() as fd_out, tempfile.TemporaryFile() as fd_err:
        streams = _Streams(stdin, fd_out, fd_err)
        try:
            _set_environment(env)
            tempfile.tempdir = None
            # A fresh interpreter has no handlers: warnings go to stderr (logging.lastResort).
            root.handlers = []
            root.setLevel(logging.WARNING)
            logging.disable(logging.NOTSET)
            sys.argv = argv
            streams.redirect_fds()
            sys.stdin, sys.stdout, sys.stderr = streams.stdin, streams.stdout, streams.stderr
            yield streams
        finally:
            sys.stdin, sys.stdout, sys.stderr = saved_std
            streams.restore_fds()
            sys.argv = saved_argv
            root.handlers = saved_logging[0]
            root.setLevel(saved_logging[1])
            logging.disable(saved_logging[2])
            tempfile.tempdir = saved_tempdir
            for number, handler in saved_signals.items():
                if handler is not None and signal.getsignal(number) is not handler:
                    signal.signal(number, handler)
            os.umask(saved_umask)
            os.chdir(saved_cwd)
            _set_environment(saved_env)
            streams.collect()


def _set_environment(wanted: Mapping[str, str]) -> None:
    # Only what differs: other threads (Qt's, after the GUI tests) may call getenv, and
    # every setenv or unsetenv may move the C environment under them.
    for name in [name for name in os.environ if name not in wanted]:
        del os.environ[name]
    for name, value in wanted.items():
        if os.environ.get(name) != value:
            os.environ[name] = value


def _kzarchive_modules() -> list[ModuleType]:
    return [module for name, module in list(sys.modules.items())
            if (name == "kzarchive" or name.startswith("kzarchive."))
            and not name.startswith("kzarchive.gui") and module is not None]


def _module_state() -> ModuleState:
    """Per module, what each global is bound to and how large a mutable one is."""
    return {module.__name__: {
        name: (id(value), len(value) if isinstance(value, _MUTABLE) else None)
        for name, value in vars(module).items()
        # A submodule imported for the first time is bound in its package: not state.
        if not name.startswith("__") and not isinstance(value, ModuleType)}
        for module in _kzarchive_modules()}


def _changed_modules(before: ModuleState, after: ModuleState) -> list[str]:
    # Modules first imported by the command are new, not changed.
    return sorted(name for name, names in before.items() if after.get(name, names) != names)
