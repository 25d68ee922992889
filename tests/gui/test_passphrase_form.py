"""The one passphrase form, as the create and change-passphrase dialogs use it."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from kzarchive.gui.controller import AppController
from kzarchive.gui.dialogs.create_dialog import CreateVaultDialog
from kzarchive.gui.widgets.passphrase_form import PassphraseForm, passphrase_accepted
from tests.gui.test_create_vault import open_create_dialog

GOOD = "lanterns along the frozen river"


def test_the_form_is_ready_only_for_an_accepted_passphrase_typed_twice(qtbot: QtBot) -> None:
    form = PassphraseForm("Passphrase:")
    qtbot.addWidget(form)
    form.show()
    ready: list[bool] = []
    form.changed.connect(lambda: ready.append(form.is_ready()))
    qtbot.keyClicks(form.passphrase_edit, "short")
    qtbot.keyClicks(form.repeat_edit, "short")
    assert not passphrase_accepted("short") and not form.is_ready()
    assert form.strength_label.text().startswith("Too short")
    form.clear()
    qtbot.keyClicks(form.passphrase_edit, GOOD)
    qtbot.keyClicks(form.repeat_edit, GOOD[:-1])
    assert not form.is_ready() and form.match_label.isVisible()
    qtbot.keyClicks(form.repeat_edit, GOOD[-1])
    assert form.is_ready() and not form.match_label.isVisible()
    assert ready[-1] is True and form.passphrase() == GOOD
    form.show_passphrase.setChecked(True)
    assert form.passphrase_edit.echoMode() == form.repeat_edit.echoMode() == \
        form.passphrase_edit.EchoMode.Normal


def test_the_create_dialog_keeps_its_rows_in_reading_and_tab_order(
        controller: AppController, qtbot: QtBot) -> None:
    dialog = open_create_dialog(controller, qtbot)
    assert isinstance(dialog, CreateVaultDialog)
    assert dialog.passphrase_edit is dialog.passphrase_form.passphrase_edit
    form = dialog.passphrase_form.form
    rows = [form.itemAt(row, form.ItemRole.FieldRole) for row in range(form.rowCount())]
    assert rows[0] is not None and rows[0].widget() is dialog.name_edit
    assert rows[2] is not None and rows[2].widget() is dialog.passphrase_edit
    # Tab goes down the form as it reads: name, folder, then the passphrase.
    chain: list[QWidget] = [dialog.name_edit]
    while chain[-1] is not dialog.passphrase_edit and len(chain) < 20:
        following = chain[-1].nextInFocusChain()
        assert following is not None
        chain.append(following)
    assert chain[-1] is dialog.passphrase_edit
    assert dialog.location_edit in chain and dialog.create_button not in chain
