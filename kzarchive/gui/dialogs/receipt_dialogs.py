"""Receipts in the app: "Make receipt…" after a bundle verified, "Add receipt…" in the menu.

Both run in the vault's worker (making one verifies the whole bundle again, so the
receipt states what was just checked), and both speak in the interface language: a
refusal is named by its reason, the core's English kept as the technical detail.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from kzarchive.archive import Archive
from kzarchive.bundle.receipt import FILE_SUFFIX, ReceiptDamaged, ReceiptRefused
from kzarchive.errors import KzError
from kzarchive.gui.dialogs.file_dialogs import choose_open_file, choose_save_file
from kzarchive.gui.dialogs.messages import error_text
from kzarchive.gui.noop import QT_TRANSLATE_NOOP
from kzarchive.gui.workers import Task
from kzarchive.service.receipts import AddedReceipt, MadeReceipt

if TYPE_CHECKING:
    from kzarchive.gui.controller import AppController

CONTEXT = "Receipts"

# ReceiptRefused's ``reason`` field, in plain words; {name} and {bundle_id} as given.
REFUSALS = {
    "other_vault": QT_TRANSLATE_NOOP(
        "Receipts", "This receipt was made for another vault: only the vault that sent the "
        "bundle can open it."),
    "unknown_signer": QT_TRANSLATE_NOOP(
        "Receipts", "This receipt is signed by someone who is not one of your partners."),
    "signer_mismatch": QT_TRANSLATE_NOOP(
        "Receipts", "This receipt names another partner than the one who signed it."),
    "unverified": QT_TRANSLATE_NOOP(
        "Receipts", "This receipt is signed by {name}, whose fingerprint you have not "
        "verified. Compare it with them, mark the contact verified, then add the receipt "
        "again."),
    "other_sender": QT_TRANSLATE_NOOP(
        "Receipts", "This receipt confirms a bundle that another vault sent, not this one."),
    "never_exported": QT_TRANSLATE_NOOP(
        "Receipts", "This vault never sent the bundle {bundle_id} that the receipt names."),
    "other_hash": QT_TRANSLATE_NOOP(
        "Receipts", "The partner received a different or altered bundle: the receipt names "
        "another bundle hash than the bundle {bundle_id} this vault sent. Send it again and "
        "ask for a new receipt."),
    "not_recipient": QT_TRANSLATE_NOOP(
        "Receipts", "The bundle {bundle_id} was not sent to {name}, who signed this receipt."),
    "different_receipt": QT_TRANSLATE_NOOP(
        "Receipts", "{name} already confirmed the bundle {bundle_id} with another receipt; "
        "the first one is kept."),
    "forwarded": QT_TRANSLATE_NOOP(
        "Receipts", "This bundle was made for other recipients and passed on to you: a "
        "receipt confirms a hand-off only to a recipient."),
}
NOTHING_RECORDED = QT_TRANSLATE_NOOP("Receipts", "Nothing was recorded.")
DAMAGED = QT_TRANSLATE_NOOP(
    "Receipts", "The receipt is damaged or was altered: its encryption, signature or content "
    "does not hold.")
DAMAGED_HINT = QT_TRANSLATE_NOOP(
    "Receipts", "Nothing was recorded. Ask the partner for a new receipt; do not trust this "
    "file.")


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def receipt_error_text(exc: KzError) -> tuple[str, str]:
    """(message, hint) for an error of making or adding a receipt, translated."""
    if isinstance(exc, ReceiptRefused):
        words = REFUSALS.get(str(exc.fields.get("reason", "")))
        if words is not None:
            fields = {"name": exc.fields.get("name", ""),
                      "bundle_id": exc.fields.get("bundle_id", "")}
            return _tr(words).format(**fields), _tr(NOTHING_RECORDED)
    if isinstance(exc, ReceiptDamaged):
        return _tr(DAMAGED), _tr(DAMAGED_HINT)
    return error_text(exc)


def show_receipt_error(parent: QWidget, title: str, exc: KzError) -> QMessageBox:
    message, hint = receipt_error_text(exc)
    box = QMessageBox(QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok,
                      parent)
    box.setInformativeText(hint)
    # The core's own words, to quote when asking for help.
    box.setDetailedText(exc.diagnostics())
    box.open()
    return box


def suggested_receipt_path(bundle: Path) -> Path:
    return bundle.with_name(f"{bundle.stem}-receipt{FILE_SUFFIX}")


def _filters() -> list[str]:
    return [QCoreApplication.translate("Receipts", "kzarchive receipts (*.kzr)"),
            QCoreApplication.translate("Receipts", "All files (*)")]


def choose_receipt_output(parent: QWidget, bundle: Path) -> Path | None:
    caption = QCoreApplication.translate("Receipts", "Save the receipt")
    return choose_save_file(parent, caption, suggested_receipt_path(bundle), _filters(),
                            FILE_SUFFIX.lstrip("."))


def start_making(controller: AppController, archive: Archive, bundle: Path, out: Path,
                 on_success: Callable[[MadeReceipt], None],
                 on_failure: Callable[[KzError], None]) -> Task:
    """Verifies the bundle again and writes the receipt, in the vault's worker."""
    return controller.vault_tasks.run(
        lambda progress, cancel: archive.receipts.make(bundle, out, progress=progress,
                                                       cancel=cancel),
        on_success=on_success, on_failure=on_failure)


def made_text(made: MadeReceipt) -> str:
    return QCoreApplication.translate(
        "Receipts", "Receipt for {name} saved as {file}. Send it to them: only their vault "
        "can open it.").format(name=made.sender_name, file=made.path.name)


def added_text(result: AddedReceipt) -> str:
    record = result.receipt
    who = record.partner_name or record.partner_fingerprint
    if result.already_recorded:
        return QCoreApplication.translate(
            "Receipts", "This receipt from {name} was added before; nothing changed.").format(
            name=who)
    return QCoreApplication.translate(
        "Receipts", "{name} confirmed that the bundle {bundle_id} arrived and verified. It "
        "is logged in the custody log of each incident the bundle carried.").format(
        name=who, bundle_id=record.bundle_id)


def add_receipt(controller: AppController, archive: Archive, parent: QWidget,
                on_added: Callable[[AddedReceipt], None]) -> Task | None:
    """Ask for a receipt file, check and keep it, then tell what it confirmed."""
    caption = QCoreApplication.translate("Receipts", "Add a partner's receipt")
    path = choose_open_file(parent, caption, Path.home(), _filters())
    if path is None:
        return None

    def added(result: AddedReceipt) -> None:
        if not archive.is_open:
            return
        box = QMessageBox(QMessageBox.Icon.Information,
                          QCoreApplication.translate("Receipts", "Receipt added"),
                          added_text(result), QMessageBox.StandardButton.Ok, parent)
        box.open()
        on_added(result)

    def failed(exc: KzError) -> None:
        if archive.is_open:
            show_receipt_error(
                parent, QCoreApplication.translate("Receipts", "Receipt not added"), exc)

    return controller.vault_tasks.run(lambda progress, cancel: archive.receipts.add(path),
                                      on_success=added, on_failure=failed)
