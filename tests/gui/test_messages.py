"""Errors reach the person translated, with the core's details filled in."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from kzarchive import errors
from kzarchive.gui.dialogs.messages import error_html, error_text
from kzarchive.gui.i18n import install_language


@pytest.fixture()
def russian(qapp: QApplication) -> Iterator[None]:
    assert install_language("ru") == "ru"
    yield
    install_language("en")


def test_english_messages_name_the_problem_and_the_way_out(qapp: QApplication) -> None:
    install_language("en")
    message, hint = error_text(errors.WrongPassphrase())
    assert message == "The passphrase is not correct for this vault."
    assert "recovery code" in hint
    message, _ = error_text(errors.NotAVault(path="/media/usb/stuff"))
    assert message.endswith("/media/usb/stuff")


def test_russian_messages_are_translated_and_keep_their_fields(russian: None) -> None:
    message, hint = error_text(errors.WrongPassphrase())
    assert message == "Неверная парольная фраза для этого хранилища."
    assert "кода восстановления" in hint
    message, _ = error_text(errors.NotAVault(path="/media/usb/stuff"))
    assert "/media/usb/stuff" in message and "хранилище" in message


def test_unlisted_errors_keep_the_core_words_and_a_bare_error_gets_generic_words(
    qapp: QApplication,
) -> None:
    install_language("en")
    assert error_text(errors.NotFound(what="incident", ident="ab12")) == (
        "No incident with id ab12.", "List what exists with the 'list' commands.")
    assert error_text(errors.KzError())[0] == "Something went wrong."


def test_html_form_escapes_what_the_core_reported(qapp: QApplication) -> None:
    install_language("en")
    html = error_html(errors.NotAVault(path="<b>odd</b>"))
    assert "&lt;b&gt;odd&lt;/b&gt;" in html
