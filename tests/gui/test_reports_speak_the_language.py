"""A Russian or Kazakh reader sees no English in the bundle report or the verify report.

Every cell of the checks and files tables and every label of the two dialogs is
scanned for words written only in Latin letters.  Allowed, and documented in
docs/decisions.md: hexadecimal ids, hashes and fingerprints, file names (a dot
and an extension), the data the test itself put in the vaults (titles and
names are the documenter's words, not the interface's), and a short list of
technical names.  Tooltips are not scanned: a technical failure keeps the
core's English words there, to be quoted when reporting a problem.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QTreeWidget, QWidget
from pytestqt.qtbot import QtBot

from kzarchive.archive import Archive
from kzarchive.gui.controller import AppController
from kzarchive.gui.dialogs.bundle_dialog import State
from kzarchive.gui.dialogs.verify_dialog import VerifyDialog
from kzarchive.gui.i18n import install_language
from kzarchive.gui.workers import TaskRunner
from tests.bundle.hostile_bundles import edit_document, forge, replace_file
from tests.gui.gui_helpers import PASSPHRASE
from tests.gui.partner_helpers import INCIDENT_TITLE, PARTNER_NAME, open_window
from tests.gui.test_custody_and_verify import flip_a_byte
from tests.gui.test_export_import import forward_to_b, open_bundle_dialog, pair  # noqa: F401
from tests.gui.test_hostile_bundle_dialog import _hostile

# Names of formats and tools that are the same in every language.
TECHNICAL_NAMES = {"SHA-256", "SHA", "age", "minisign", "kzarchive", "BagIt", "bagit.txt",
                   "bag-info.txt", "bag-info", "sender.pub", "vault.keys"}
# What the vaults of these tests hold: a documenter's words, shown as they were written.
USER_DATA = [INCIDENT_TITLE, PARTNER_NAME, "Unverified desk", "Third desk", "Witness A",
             "Aigerim Seitova", "Field notes"]
_HEX = re.compile(r"^[0-9a-fA-F:-]{8,}$")
_FILE_NAME = re.compile(r"^[\w.-]+\.[A-Za-z0-9]{1,5}$")
_LATIN = re.compile(r"[A-Za-z]")


def latin_words(text: str) -> list[str]:
    """The words of ``text`` written only in Latin letters that no rule above allows."""
    text = re.sub(r"<[^>]*>", " ", text)  # the banner is rich text
    for data in USER_DATA:
        text = text.replace(data, " ")
    found = []
    for word in re.split(r"[\s,;:()«»“”\"'!?…—/]+", text):
        word = word.strip(".")
        if not _LATIN.search(word) or re.search("[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]", word):
            continue
        if word in TECHNICAL_NAMES or _HEX.match(word) or _FILE_NAME.match(word):
            continue
        found.append(word)
    return found


def shown_texts(dialog: QWidget, trees: list[QTreeWidget]) -> list[str]:
    texts = [label.text() for label in dialog.findChildren(QLabel) if label.isVisibleTo(dialog)]
    for tree in trees:
        for row in range(tree.topLevelItemCount()):
            item = tree.topLevelItem(row)
            assert item is not None
            texts += [item.text(column) for column in range(tree.columnCount())]
    return texts


def english_in(dialog: QWidget, trees: list[QTreeWidget]) -> dict[str, list[str]]:
    return {text: words for text in shown_texts(dialog, trees) if (words := latin_words(text))}


@pytest.fixture(params=["ru", "kk"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    code: str = request.param
    install_language(code)
    yield code
    install_language("en")


def test_the_scan_finds_english_and_allows_what_is_technical() -> None:
    assert latin_words("Подпись: made by the verified contact") == ["made", "by", "the",
                                                                   "verified", "contact"]
    assert latin_words("Каждый байт совпадает с его SHA-256. 0f3a9c1d2e square.jpg") == []


def test_the_bundle_report_speaks_the_language_for_good_bad_hostile_forwarded_and_unverified(
    controller: AppController, qtbot: QtBot, pair: tuple[Path, Path, str],  # noqa: F811
    tmp_path: Path, language: str,
) -> None:
    path_a, path_b, incident = pair
    good = tmp_path / "good.kzb"
    with Archive.open(path_a, PASSPHRASE) as a, Archive.open(path_b, PASSPHRASE) as b:
        a.export_bundle([incident], [PARTNER_NAME], good)
        item = a.list_items(incident)[0].id
        unverified = forge(good, a, b, edit_document(lambda document: None),
                           tmp_path / "unverified.kzb")
        altered = tmp_path / "altered.kzb"
        altered.write_bytes(forge(good, a, b, replace_file(item, b"other", describe=False),
                                  ).read_bytes())
        hostile = forge(good, a, b, edit_document(_hostile), tmp_path / "hostile.kzb")
    truncated = tmp_path / "truncated.kzb"
    truncated.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    forwarded = forward_to_b(path_a, path_b, incident, tmp_path)  # B now verifies A
    window = open_window(controller, qtbot, path_b)
    archive = controller.archive
    assert archive is not None
    contact = next(c for c in archive.list_contacts() if c.name == "Field notes")
    with archive.transaction() as db:  # not yet verified, as before meeting in person
        db.execute("UPDATE contacts SET verified = 0, verified_at = NULL WHERE id = ?",
                   (contact.id,))

    def check(bundle: Path, state: State) -> None:
        dialog = open_bundle_dialog(window, qtbot, bundle)
        assert dialog.state is state, bundle.name
        assert dialog.checks.topLevelItemCount() > 0
        assert english_in(dialog, [dialog.checks, dialog.files]) == {}, bundle.name
        dialog.close()

    check(unverified, State.UNTRUSTED)
    archive.verify_contact("Field notes")
    check(truncated, State.BAD)
    check(good, State.GOOD)
    check(altered, State.BAD)
    check(hostile, State.BAD)
    check(forwarded, State.GOOD)


def test_the_verify_report_speaks_the_language_for_a_healthy_and_a_damaged_vault(
    controller: AppController, qtbot: QtBot, pair: tuple[Path, Path, str],  # noqa: F811
    language: str,
) -> None:
    path_a, _, incident = pair
    window = open_window(controller, qtbot, path_a)
    archive = controller.archive
    assert archive is not None
    runner = TaskRunner()

    def verify() -> VerifyDialog:
        dialog = VerifyDialog(archive, runner, window)
        qtbot.waitUntil(lambda: not dialog.running, timeout=10_000)
        assert dialog.rows
        return dialog

    healthy = verify()
    assert healthy.report is not None and healthy.report.ok
    assert english_in(healthy, []) == {}
    flip_a_byte(archive, archive.list_items(incident)[0].id)
    (archive.path / "blobs" / "ab").mkdir(exist_ok=True)
    (archive.path / "blobs" / "ab" / ("ab" * 32)).write_bytes(b"stray")
    damaged = verify()
    assert damaged.report is not None and len(damaged.report.failures) == 2
    assert english_in(damaged, []) == {}
