"""Screenshots of the daily work on an incident: details, people, texts, custody, verify.

Called by ``tools/screenshots.py`` with the demo vault open in the main window.
Nothing is saved: edits are undone and dialogs cancelled, so later screenshots
see the demo vault as built.  The damaged-item screenshot flips one byte of a
stored file and flips it back right after.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

Save = Callable[[object, Path, str], None]
Wait = Callable[..., None]



def almaty_incident(language: str) -> str:
    """The clashes on the central square of Almaty (with a photo), as titled in the demo
    vault of ``language``: each language has its own."""
    from kzarchive.demo import load_demo_data

    return str(load_demo_data(language).incidents[1]["title"])


def _select(window: Any, title: str, wait: Wait) -> None:
    window.search_edit.setText("")
    window.run_search()
    wait(lambda: window.model.rowCount() > 1)
    proxy = window.proxy
    window.table.selectRow(next(r for r in range(proxy.rowCount())
                                if proxy.index(r, 0).data() == title))
    wait(lambda: window.detail.title_label.text() == title)


def _flip_photo_byte(archive: Any) -> None:
    item = next(i for s in archive.list_incidents() for i in archive.list_items(s.id)
                if i.kind == "photo")
    path = archive.blobs.path(archive.evidence.blob_of(item.id).id)
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))


def shoot_evidence(controller: Any, window: Any, out: Path, prefix: str,
                   save: Save, wait: Wait) -> None:
    from kzarchive.gui.widgets.incident_editor import NewIncidentDialog

    archive = controller.archive
    detail = window.detail
    _select(window, almaty_incident(controller.language), wait)

    detail.tabs.setCurrentIndex(detail.DETAILS_TAB)
    # An unsaved edit, in the language of the screen.
    edited_tags = {"en": "Republic Square, evening", "ru": "площадь Республики, вечер",
                   "kk": "Республика алаңы, кеш"}
    detail.editor.form.tags_edit.setText(edited_tags.get(controller.language,
                                                         edited_tags["en"]))
    save(window, out, prefix + "main-details-editing")
    detail.editor.undo()

    detail.tabs.setCurrentIndex(detail.PEOPLE_TAB)
    people = detail.people
    if people.people:
        people.people_list.setCurrentItem(people.people_list.topLevelItem(0))
    save(window, out, prefix + "main-people")
    people.add_button.click()
    dialog = people.dialog
    dialog.pseudonym_edit.setText("Свидетель Д-4")
    dialog.real_name_edit.setText("Written for the screenshots")
    dialog.consent_box.setChecked(True)
    dialog.scope_edit.setText("reports, no photos")
    dialog.consent_date_edit.setText("2022-01-12")
    save(dialog, out, prefix + "person-dialog")
    dialog.reject()

    detail.tabs.setCurrentIndex(detail.ITEMS_TAB)
    evidence = detail.evidence
    evidence.testimony_button.click()
    texts = evidence.text_dialog
    texts.text_edit.setPlainText(
        "Мы стояли у здания акимата около пяти вечера. Со стороны проспекта подошли "
        "военные грузовики…\n\n(Written for the screenshots.)")
    texts.set_language("ru")
    texts.witness_box.setCurrentIndex(min(1, texts.witness_box.count() - 1))
    save(texts, out, prefix + "testimony-dialog")
    texts.reject()

    detail.tabs.setCurrentIndex(detail.CUSTODY_TAB)
    save(window, out, prefix + "main-custody")

    log = window.show_custody_log()
    wait(lambda: log.view.entry_count() > 0)
    save(log, out, prefix + "custody-log")
    log.close()

    check = window.verify_vault()
    wait(lambda: not check.running)
    save(check, out, prefix + "verify-vault")
    check.close()
    _flip_photo_byte(archive)
    try:
        check = window.verify_vault()
        wait(lambda: not check.running)
        save(check, out, prefix + "verify-vault-damaged")
        check.close()
    finally:
        _flip_photo_byte(archive)

    new = NewIncidentDialog(archive, window)
    new.form.title_edit.setText("Задержание у здания акимата Талдыкоргана")
    new.form.start_edit.setText("2022-01-06")
    new.form.place_edit.setText("Талдыкорган")
    new.show()
    save(new, out, prefix + "new-incident")
    new.reject()
    detail.tabs.setCurrentIndex(detail.DETAILS_TAB)
