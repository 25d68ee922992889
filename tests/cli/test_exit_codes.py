"""Every exit code an error can produce is documented in README "Exit codes"."""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path

import kzarchive
from kzarchive.errors import IntegrityError, KzError

README = Path(__file__).resolve().parents[2] / "README.md"


def documented_codes() -> dict[int, str]:
    text = README.read_text(encoding="utf-8")
    start = text.index("\n## Exit codes\n")
    end = text.find("\n## ", start + 1)
    rows = re.findall(r"^\| (\d+) \| (.*?) \|", text[start:end], re.MULTILINE)
    return {int(code): names for code, names in rows}


def all_error_classes() -> set[type[KzError]]:
    for module in pkgutil.walk_packages(kzarchive.__path__, "kzarchive."):
        if not module.name.startswith("kzarchive.gui") and not module.name.endswith("__main__"):
            importlib.import_module(module.name)
    found: set[type[KzError]] = set()
    pending: list[type[KzError]] = [KzError]
    while pending:
        cls = pending.pop()
        found.add(cls)
        pending.extend(cls.__subclasses__())
    return found


def test_every_exit_code_is_documented_with_the_errors_that_introduce_it() -> None:
    documented = documented_codes()
    for cls in all_error_classes():
        assert cls.exit_code in documented, f"{cls.__name__} exits {cls.exit_code}: undocumented"
        if "exit_code" in vars(cls):  # the class brings its own code: named in its row
            assert f"`{cls.__name__}`" in documented[cls.exit_code], cls.__name__


def test_success_usage_errors_and_interruption_are_documented() -> None:
    from kzarchive.cli.main import EXIT_INTERRUPTED, EXIT_UNEXPECTED

    documented = documented_codes()
    assert {0, 2, EXIT_UNEXPECTED, EXIT_INTERRUPTED} <= set(documented)
    in_use = {cls.exit_code for cls in all_error_classes()}
    assert set(documented) - {0, EXIT_INTERRUPTED} <= in_use


def test_receipt_errors_have_their_own_codes() -> None:
    """26 and 27 are the receipts' (README): scripts tell refused from damaged."""
    from kzarchive.bundle.receipt import ReceiptDamaged, ReceiptRefused

    documented = documented_codes()
    assert (ReceiptRefused.exit_code, ReceiptDamaged.exit_code) == (26, 27)
    assert "`ReceiptRefused`" in documented[26] and "`ReceiptDamaged`" in documented[27]
    assert issubclass(ReceiptDamaged, IntegrityError)
