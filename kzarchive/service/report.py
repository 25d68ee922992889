"""One report model for vault verification and bundle checking.

A check keeps two faces of one result: ``detail``, the English sentence the CLI
prints (its text and JSON are a public contract, so they stay as they were), and
``kind`` with ``subject`` and ``params``, the same result as data.  Every
interface that speaks another language renders ``kind`` and ``params`` and
never parses ``detail``.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any


class Status(enum.Enum):
    OK = "ok"
    FAILED = "failed"
    UNTRUSTED = "untrusted"  # the signature holds, but not under a verified contact's key
    WARNING = "warning"  # holds, but the person should know (a forwarded bundle)


@dataclass
class Check:
    """One check: what was checked (``name``), how it went, and why, as text and as data.

    ``kind`` names the sentence ``detail`` says (for instance ``"custody.count"``);
    ``subject`` is the id of what was checked when it is one of many (an item, a
    stored file, a bundle path); ``params`` are the values the sentence names.
    A failure caused by an error from deeper down has the kind ``ERROR``, and
    one that lists problems with a file's fields the kind ``PROBLEMS``: their
    cause is technical (names of labels and files) and stays in ``detail``.
    """

    name: str
    status: Status
    detail: str
    kind: str = ""
    subject: str | None = None
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.status is Status.OK


ERROR = "error"  # the kind of a failure whose cause is an error message from deeper down
PROBLEMS = "problems"  # a failure whose detail lists what is wrong with a format's fields


@dataclass
class Report:
    """The checks made, in order; a failure anywhere makes the report not ``ok``."""

    checks: list[Check] = field(default_factory=list)

    def add(self, name: str, ok: bool, detail: str = "", kind: str = "",
            subject: str | None = None, **params: Any) -> Check:
        check = Check(name, Status.OK if ok else Status.FAILED, detail, kind, subject, params)
        self.checks.append(check)
        return check

    @property
    def failed_checks(self) -> list[Check]:
        return [check for check in self.checks if check.status is Status.FAILED]
