"""Where the command line gets passphrases and recovery codes from.

On a terminal they are asked for without echo.  Scripts give them in a file or an
environment variable; a command-line argument is not offered, because it would be
visible to every user of the machine (``ps``) and kept in the shell history.
"""

from __future__ import annotations

import getpass
import os
import sys
from collections.abc import Callable
from pathlib import Path

from kzarchive.errors import BadInput, MissingFile

ENV_PASSPHRASE = "KZARCHIVE_PASSPHRASE"
ENV_NEW_PASSPHRASE = "KZARCHIVE_NEW_PASSPHRASE"
ENV_RECOVERY_CODE = "KZARCHIVE_RECOVERY_CODE"

# A secret file holds one line; anything far larger is a wrong path, not a passphrase.
_MAX_SECRET_FILE = 4096
PROMPT_ATTEMPTS = 3

Prompt = Callable[[str], str]


class NoTerminal(BadInput):
    message_template = "No {what} given, and there is no terminal to ask for it."
    hint_template = "Give it with {option} FILE or in the environment variable {variable}."


def has_terminal() -> bool:
    return sys.stdin.isatty()


def _ask(prompt: str) -> str:
    return getpass.getpass(prompt, stream=sys.stderr)


def read_secret_file(path: str | Path) -> str:
    """The first line of ``path``, without its line ending."""
    try:
        with open(path, "rb") as handle:
            raw = handle.read(_MAX_SECRET_FILE + 1)
    except FileNotFoundError:
        raise MissingFile(path=path) from None
    except OSError as exc:
        raise BadInput(what=f"cannot read {path}: {exc.strerror}") from None
    if len(raw) > _MAX_SECRET_FILE:
        raise BadInput(what=f"{path} is too large to hold a passphrase or recovery code")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise BadInput(what=f"{path} is not UTF-8 text") from None
    line = text.removeprefix("\ufeff").split("\n", 1)[0].removesuffix("\r")
    if not line:
        raise BadInput(what=f"the first line of {path} is empty")
    return line


class SecretSource:
    """One secret (a passphrase or a code): from a file, the environment or a prompt."""

    def __init__(self, what: str, file: str | None, option: str, variable: str,
                 ask: Prompt = _ask):
        self.what = what
        self.file = file
        self.option = option
        self.variable = variable
        self._ask = ask

    @property
    def interactive(self) -> bool:
        return self.file is None and not os.environ.get(self.variable) and has_terminal()

    def get(self, prompt: str) -> str:
        """The secret, once (to open something; a wrong one is caught by the caller)."""
        given = self._given()
        if given is not None:
            return given
        answer = self._ask(prompt)
        if not answer:
            raise BadInput(what=f"no {self.what} was typed")
        return answer

    def get_new(self, prompt: str) -> str:
        """A new secret: typed twice on a terminal so that a typo cannot lock a vault."""
        given = self._given()
        if given is not None:
            return given
        for _ in range(PROMPT_ATTEMPTS):
            first = self._ask(prompt)
            if not first:
                raise BadInput(what=f"no {self.what} was typed")
            if self._ask("Type it again: ") == first:
                return first
            print("The two entries differ; try again.", file=sys.stderr)
        raise BadInput(what=f"the {self.what} was typed differently twice",
                       hint="Nothing was changed. Run the command again.")

    def _given(self) -> str | None:
        if self.file is not None:
            return read_secret_file(self.file)
        from_env = os.environ.get(self.variable)
        if from_env:
            return from_env
        if not has_terminal():
            raise NoTerminal(what=self.what, option=self.option, variable=self.variable)
        return None


def passphrase_source(file: str | None) -> SecretSource:
    return SecretSource("passphrase", file, "--passphrase-file", ENV_PASSPHRASE)


def new_passphrase_source(file: str | None) -> SecretSource:
    return SecretSource("new passphrase", file, "--new-passphrase-file", ENV_NEW_PASSPHRASE)


def recovery_code_source(file: str | None) -> SecretSource:
    return SecretSource("recovery code", file, "--recovery-code-file", ENV_RECOVERY_CODE)
