"""Screenshots of partners, export, open bundle, settings, passphrase and panic wipe.

Called by ``tools/screenshots.py`` with the demo vault open in the main window.
Two throw-away partner vaults in the stand-in home folder send bundles to the
demo vault: one verified (GOOD), one unknown (SIGNER NOT VERIFIED), and a
damaged copy shows BAD.  Running it again (the next language) reuses them.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

PARTNER_PASSPHRASE = "partner office by the river"
Save = Callable[[object, Path, str], None]
Wait = Callable[..., None]


def _partner_vault(home: Path, folder: str, name: str, demo: Any) -> Path:
    """A partner's vault that knows the demo vault's card; made once."""
    from kzarchive.archive import Archive

    path = home / folder
    if Archive.is_vault(path):
        return path
    card = home / f"{folder}.kzcard"
    demo.export_card(home / "demo.kzcard")
    archive, _code = Archive.create(path, PARTNER_PASSPHRASE, name=name)
    with archive:
        incident = archive.add_incident("Statement collected in Aktobe", place="Aktobe",
                                        occurred_start="2022-01-08")
        archive.add_text(incident, "Written for the screenshots.", kind="testimony")
        archive.add_contact_card(home / "demo.kzcard")
        archive.export_card(card)
    return path


def _bundles(home: Path, demo: Any) -> tuple[Path, Path, Path]:
    """(good, from an unknown signer, damaged), for the demo vault."""
    from kzarchive.archive import Archive

    # Each language has a demo vault of its own, and each gets its own partners.
    home = home / f"exchange-{demo.vault_id}"
    home.mkdir(exist_ok=True)
    good, unknown, damaged = (home / "from-legal-aid.kzb", home / "from-unknown.kzb",
                              home / "damaged.kzb")
    if good.exists():
        return good, unknown, damaged
    partner = _partner_vault(home, "legal-aid-vault", "Legal aid centre", demo)
    stranger = _partner_vault(home, "unknown-vault", "Unknown sender", demo)
    demo.add_contact_card(home / "legal-aid-vault.kzcard")
    demo.verify_contact("Legal aid centre")
    demo.add_contact_card(home / "unknown-vault.kzcard")
    for path, target in ((partner, good), (stranger, unknown)):
        with Archive.open(path, PARTNER_PASSPHRASE) as archive:
            archive.verify_contact(demo.name or "kzarchive")
            incidents = [i.id for i in archive.list_incidents()]
            archive.export_bundle(incidents, [archive.list_contacts()[0].id], target)
    raw = bytearray(good.read_bytes())
    raw[len(raw) // 2] ^= 0x40
    damaged.write_bytes(bytes(raw))
    demo.add_contact_age("UN rapporteur office",
                         "age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p")
    return good, unknown, damaged


def shoot_exchange(controller: Any, window: Any, out: Path, prefix: str,
                   save: Save, wait: Wait) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QWizard

    from kzarchive.gui.dialogs.bundle_dialog import BundleDialog, State
    from kzarchive.gui.dialogs.export_wizard import ExportWizard
    from kzarchive.gui.dialogs.panic import PanicWipeDialog
    from kzarchive.gui.dialogs.passphrase_dialog import ChangePassphraseDialog
    from kzarchive.gui.dialogs.settings_dialog import SettingsDialog
    from kzarchive.gui.windows.partners import CompareDialog, PartnersWindow

    home = Path(os.environ["HOME"])
    archive = controller.archive
    # Each language has its own demo vault: its partners and their bundles are its own.
    exchange_home = home / f"exchange-{archive.path.name}"
    exchange_home.mkdir(exist_ok=True)
    good, unknown, damaged = _bundles(exchange_home, archive)

    partners = PartnersWindow(archive, window)
    partners.show()
    save(partners, out, prefix + "partners")
    partners.add_age_button.click()
    save(partners.child_dialog, out, prefix + "partners-add-age")
    partners.child_dialog.reject()
    partners.contacts.setCurrentItem(partners.contacts.topLevelItem(0))
    partners.rename_button.click()
    save(partners.child_dialog, out, prefix + "partners-rename")
    partners.child_dialog.reject()
    compare = CompareDialog(archive, archive.get_contact("UN rapporteur office"), partners)
    compare.show()
    save(compare, out, prefix + "partners-compare-age")
    compare.close()
    compare = CompareDialog(archive, archive.get_contact("Unknown sender"), partners)
    compare.show()
    save(compare, out, prefix + "partners-compare")
    compare.close()
    partners.close()

    with_photo = [i.id for i in archive.list_incidents() if archive.items_with_gps([i.id])]
    wizard = ExportWizard(controller, archive, with_photo[:1], window)
    wizard.show()
    wait(lambda: wizard.incidents_page.list.count() > 1)
    save(wizard, out, prefix + "export-incidents")
    wizard.next()
    wizard.recipients_page.list.item(0).setCheckState(Qt.CheckState.Checked)
    save(wizard, out, prefix + "export-recipients")
    wizard.next()
    wizard.options_page.originals.setChecked(True)
    save(wizard, out, prefix + "export-options-gps-warning")
    wizard.options_page.originals.setChecked(False)
    wizard.next()
    wizard.target_page.path_edit.setText(f"~/bundle-{prefix}demo.kzb")
    (home / f"bundle-{prefix}demo.kzb").unlink(missing_ok=True)
    save(wizard, out, prefix + "export-target")
    wizard.button(QWizard.WizardButton.NextButton).click()
    wait(lambda: wizard.currentId() == ExportWizard.SUMMARY)
    save(wizard, out, prefix + "export-summary")
    wizard.close()

    for bundle, name in ((good, "good"), (unknown, "signer-not-verified"), (damaged, "bad")):
        dialog = BundleDialog(controller, archive, bundle, lambda ids: None, window)
        dialog.show()
        wait(lambda dialog=dialog: dialog.state is not State.VERIFYING)
        save(dialog, out, prefix + "bundle-" + name)
        dialog.close()

    for make, name in (
        (lambda: SettingsDialog(controller, window), "settings"),
        (lambda: ChangePassphraseDialog(controller, archive, after_recovery=True,
                                        parent=window), "passphrase-after-recovery"),
        (lambda: PanicWipeDialog(controller, window), "panic-wipe"),
    ):
        dialog = make()
        dialog.show()
        save(dialog, out, prefix + name)
        dialog.close()
