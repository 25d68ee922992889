"""A command run in the test process behaves as in a process of its own, and leaves the
tests' process as it found it (tests/cli/in_process.py)."""

from __future__ import annotations

import logging
import os
import signal
import sys
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from types import FrameType

import pytest

from kzarchive.cli import main as cli_main
from kzarchive.media import types as media_types
from tests.cli.cli_runner import Cli
from tests.cli.in_process import run_main

Main = Callable[[list[str]], int]


def replace_main(monkeypatch: pytest.MonkeyPatch, fake: Main) -> None:
    monkeypatch.setattr(cli_main, "main", fake)


@pytest.fixture(scope="module")
def shared_vault(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One vault for the comparisons: each compares two runs of one command on it."""
    root = tmp_path_factory.mktemp("shared")
    Cli(root).init()
    return root


@pytest.mark.parametrize("args", [
    ["--version"],
    [],  # a usage error
    ["incident", "list", "--bogus"],
    ["incident", "list", "--json"],
    ["identity", "--json"],
    ["log"],
    ["verify", "--json"],
    ["testimony", "add", "0123456789abcdef", "--text-file", "-"],
    ["incident", "show", "ffff"],
])
def test_the_same_command_gives_the_same_result_in_a_process(
        shared_vault: Path, args: list[str]) -> None:
    in_process = Cli(shared_vault)(*args, expect=None, stdin="Показания".encode())
    in_a_process = Cli(shared_vault, in_process=False)(*args, expect=None,
                                                      stdin="Показания".encode())
    assert in_process == in_a_process


@pytest.mark.parametrize("env", [{"KZARCHIVE_PASSPHRASE": None}, {"KZARCHIVE_VAULT": None}])
def test_the_same_error_without_a_passphrase_or_a_vault_in_a_process(
        shared_vault: Path, env: dict[str, str | None]) -> None:
    in_process = Cli(shared_vault)("incident", "list", env=env, expect=None)
    in_a_process = Cli(shared_vault, in_process=False)("incident", "list", env=env, expect=None)
    assert in_process == in_a_process
    assert in_process.code != 0 and in_process.err.startswith("kzarchive: ")


def test_the_command_sees_only_its_own_environment_streams_and_exit(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("KZARCHIVE_OUTSIDE", "the tests' own")

    def fake(argv: list[str]) -> int:
        assert argv == ["one", "два"] and sys.argv == ["kzarchive", "one", "два"]
        assert dict(os.environ) == {"TMPDIR": str(tmp_path)}
        assert os.environ["TMPDIR"] == str(tmp_path) == tempfile.gettempdir()
        assert not (sys.stdin.isatty() or sys.stdout.isatty() or sys.stderr.isatty())
        assert not any(os.isatty(fd) for fd in (0, 1, 2))
        assert os.read(0, 10) == b""  # descriptor 0 is empty, like /dev/null
        print(f"read {sys.stdin.buffer.read().decode('utf-8')}")
        sys.stdout.flush()  # text is buffered before the bytes under it, as in a process
        sys.stdout.buffer.write(b"\xff raw bytes\n")
        print("текст", file=sys.stderr)
        os.write(2, b"from C code\n")
        logging.getLogger("kzarchive.example").warning("a logged warning")
        sys.exit(5)

    replace_main(monkeypatch, fake)
    ran = run_main(["one", "два"], {"TMPDIR": str(tmp_path)}, stdin="на входе".encode())
    assert ran.code == 5
    assert ran.out == "read на входе\n".encode() + b"\xff raw bytes\n"
    assert ran.err == "текст\na logged warning\nfrom C code\n".encode()
    assert os.environ["KZARCHIVE_OUTSIDE"] == "the tests' own"


def test_what_the_command_changes_in_the_process_is_put_back(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    root = logging.getLogger()
    before = (dict(os.environ), os.getcwd(), signal.getsignal(signal.SIGTERM),
              signal.getsignal(signal.SIGINT), root.handlers[:], root.level,
              sys.stdin, sys.stdout, sys.stderr, sys.argv, tempfile.tempdir)
    umask = os.umask(0o022)
    os.umask(umask)

    def handler(number: int, frame: FrameType | None) -> None:
        raise AssertionError("never called")

    def fake(argv: list[str]) -> int:
        os.environ["KZARCHIVE_LEAKED"] = "1"
        os.chdir(tmp_path)
        os.umask(0o777)
        signal.signal(signal.SIGTERM, handler)
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        logging.basicConfig(level=logging.DEBUG)
        tempfile.tempdir = str(tmp_path)
        return 0

    replace_main(monkeypatch, fake)
    assert run_main([], dict(os.environ)).code == 0
    after = (dict(os.environ), os.getcwd(), signal.getsignal(signal.SIGTERM),
             signal.getsignal(signal.SIGINT), root.handlers[:], root.level,
             sys.stdin, sys.stdout, sys.stderr, sys.argv, tempfile.tempdir)
    assert after == before
    assert os.umask(umask) == umask


@pytest.mark.parametrize(("exit_with", "code", "err"), [
    (None, 0, b""), (0, 0, b""), (3, 3, b""), (256 + 7, 7, b""),
    ("a message", 1, b"a message\n")])
def test_sys_exit_becomes_the_code_the_interpreter_would_give(
        monkeypatch: pytest.MonkeyPatch, exit_with: int | str | None, code: int,
        err: bytes) -> None:
    def fake(argv: list[str]) -> int:
        sys.exit(exit_with)

    replace_main(monkeypatch, fake)
    ran = run_main([], dict(os.environ))
    assert (ran.code, ran.err) == (code, err)


def test_a_command_that_changes_module_level_state_fails_the_test(
        monkeypatch: pytest.MonkeyPatch) -> None:
    def fake(argv: list[str]) -> int:
        media_types._ALIASES["application/x-cached"] = "application/octet-stream"
        return 0

    replace_main(monkeypatch, fake)
    try:
        with pytest.raises(AssertionError, match=r"kzarchive\.media\.types"):
            run_main(["list"], dict(os.environ))
    finally:
        media_types._ALIASES.pop("application/x-cached", None)


def test_a_command_that_leaves_a_thread_running_fails_the_test(
        monkeypatch: pytest.MonkeyPatch) -> None:
    release = threading.Event()
    thread = threading.Thread(target=release.wait, name="left-behind")

    def fake(argv: list[str]) -> int:
        thread.start()
        return 0

    replace_main(monkeypatch, fake)
    try:
        with pytest.raises(AssertionError, match="left-behind"):
            run_main(["attach"], dict(os.environ))
    finally:
        release.set()
        thread.join()
