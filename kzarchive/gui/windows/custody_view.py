"""The custody log as people read it: what was done, when, to what, and whether the chain holds.

One view serves the incident's tab (its own chain, and the chains received from
partners with its evidence) and the whole vault's log (Vault menu).  Each entry's
link is checked here the way the core checks the log: the entry still hashes to
its recorded leaf, and it names the previous entry of its incident.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kzarchive.archive import Archive
from kzarchive.errors import KzError
from kzarchive.gui import labels
from kzarchive.gui.dialogs.messages import error_text
from kzarchive.gui.formatting import data_size, moment_text, moment_tooltip
from kzarchive.gui.noop import QT_TRANSLATE_NOOP
from kzarchive.gui.screen_fit import resize_within_screen
from kzarchive.gui.style import label
from kzarchive.gui.widgets.busy import BusyIndicator
from kzarchive.gui.workers import Task, TaskRunner
from kzarchive.service.custody_chain import LINK_ALTERED
from kzarchive.service.custody_chain import LINK_BROKEN as LINK_BROKEN
from kzarchive.service.custody_chain import LINK_OK as LINK_OK
from kzarchive.service.custody_chain import LINK_UNKNOWN as LINK_UNKNOWN
from kzarchive.service.custody_chain import chain_links as core_chain_links
from kzarchive.vault.custody import leaf_hash_of

ENTRY_KEYS = ("seq", "ts", "actor", "action", "incident_id", "item_id", "details",
              "incident_prev")

ACTIONS = {
    "vault.created": QT_TRANSLATE_NOOP("Custody", "Vault created"),
    "passphrase.changed": QT_TRANSLATE_NOOP("Custody", "Passphrase changed"),
    "keys.rotated": QT_TRANSLATE_NOOP("Custody", "Vault key replaced"),
    "recovery_code.changed": QT_TRANSLATE_NOOP("Custody", "Recovery code replaced"),
    "incident.created": QT_TRANSLATE_NOOP("Custody", "Incident created"),
    "incident.updated": QT_TRANSLATE_NOOP("Custody", "Incident changed"),
    "person.added": QT_TRANSLATE_NOOP("Custody", "Person added"),
    "person.updated": QT_TRANSLATE_NOOP("Custody", "Person changed"),
    "item.added": QT_TRANSLATE_NOOP("Custody", "Item added"),
    "item.derived": QT_TRANSLATE_NOOP("Custody", "Copy made of an item"),
    "item.extracted": QT_TRANSLATE_NOOP("Custody", "Item saved outside the vault"),
    "contact.added": QT_TRANSLATE_NOOP("Custody", "Contact added"),
    "contact.verified": QT_TRANSLATE_NOOP("Custody", "Contact verified"),
    "contact.removed": QT_TRANSLATE_NOOP("Custody", "Contact removed"),
    "bundle.exported": QT_TRANSLATE_NOOP("Custody", "Sent to partners"),
    "bundle.imported": QT_TRANSLATE_NOOP("Custody", "Received from a partner"),
    "bundle.received": QT_TRANSLATE_NOOP("Custody", "Partner confirmed receipt"),
    "bundle.receipt_made": QT_TRANSLATE_NOOP("Custody", "Receipt made for the sender"),
    "checkpoint.timestamped": QT_TRANSLATE_NOOP("Custody", "Custody log time-stamped"),
    "checkpoint.timestamp_verified": QT_TRANSLATE_NOOP("Custody",
                                                       "Time-stamp checked with a CA"),
    "report.written": QT_TRANSLATE_NOOP("Custody", "Report written"),
}

DETAIL_NAMES = {
    "fields": QT_TRANSLATE_NOOP("Custody", "Fields"),
    "sha256": QT_TRANSLATE_NOOP("Custody", "SHA-256"),
    "size": QT_TRANSLATE_NOOP("Custody", "Size"),
    "kind": QT_TRANSLATE_NOOP("Custody", "Kind"),
    "role": QT_TRANSLATE_NOOP("Custody", "Role"),
    "consent_given": QT_TRANSLATE_NOOP("Custody", "Consent given"),
    "derived_from": QT_TRANSLATE_NOOP("Custody", "Made from item"),
    "bundle_id": QT_TRANSLATE_NOOP("Custody", "Bundle"),
    "tag_manifest_sha256": QT_TRANSLATE_NOOP("Custody", "Bundle manifest SHA-256"),
    "recipients": QT_TRANSLATE_NOOP("Custody", "Recipients"),
    "sender": QT_TRANSLATE_NOOP("Custody", "Sender"),
    "items": QT_TRANSLATE_NOOP("Custody", "Items"),
    "fingerprint": QT_TRANSLATE_NOOP("Custody", "Fingerprint"),
    "age_recipient": QT_TRANSLATE_NOOP("Custody", "age key"),
    "name": QT_TRANSLATE_NOOP("Custody", "Name"),
    "partner": QT_TRANSLATE_NOOP("Custody", "Partner"),
    "verdict": QT_TRANSLATE_NOOP("Custody", "Result"),
    "files": QT_TRANSLATE_NOOP("Custody", "Files"),
    "files_verified": QT_TRANSLATE_NOOP("Custody", "Files verified"),
    "signed_at": QT_TRANSLATE_NOOP("Custody", "Signed"),
    "tree_size": QT_TRANSLATE_NOOP("Custody", "Entries covered"),
    "root": QT_TRANSLATE_NOOP("Custody", "Log root"),
    "gen_time": QT_TRANSLATE_NOOP("Custody", "Stamped time"),
    "authority": QT_TRANSLATE_NOOP("Custody", "Authority"),
    "chain": QT_TRANSLATE_NOOP("Custody", "Authority checked"),
    "token_sha256": QT_TRANSLATE_NOOP("Custody", "Time-stamp SHA-256"),
    "report_id": QT_TRANSLATE_NOOP("Custody", "Report"),
    "language": QT_TRANSLATE_NOOP("Custody", "Language"),
    "pages": QT_TRANSLATE_NOOP("Custody", "Pages"),
    "include_names": QT_TRANSLATE_NOOP("Custody", "Real names included"),
    "include_gps": QT_TRANSLATE_NOOP("Custody", "GPS positions included"),
}

FIELD_NAMES = {
    "title": QT_TRANSLATE_NOOP("Custody", "title"),
    "description": QT_TRANSLATE_NOOP("Custody", "description"),
    "occurred_start": QT_TRANSLATE_NOOP("Custody", "start date"),
    "occurred_end": QT_TRANSLATE_NOOP("Custody", "end date"),
    "date_precision": QT_TRANSLATE_NOOP("Custody", "date precision"),
    "place": QT_TRANSLATE_NOOP("Custody", "place"),
    "latitude": QT_TRANSLATE_NOOP("Custody", "latitude"),
    "longitude": QT_TRANSLATE_NOOP("Custody", "longitude"),
    "status": QT_TRANSLATE_NOOP("Custody", "status"),
    "violations": QT_TRANSLATE_NOOP("Custody", "violations"),
    "tags": QT_TRANSLATE_NOOP("Custody", "tags"),
    "role": QT_TRANSLATE_NOOP("Custody", "role"),
    "pseudonym": QT_TRANSLATE_NOOP("Custody", "pseudonym"),
    "real_name": QT_TRANSLATE_NOOP("Custody", "real name"),
    "consent_given": QT_TRANSLATE_NOOP("Custody", "consent"),
    "consent_scope": QT_TRANSLATE_NOOP("Custody", "consent scope"),
    "consent_date": QT_TRANSLATE_NOOP("Custody", "consent date"),
    "notes": QT_TRANSLATE_NOOP("Custody", "notes"),
}

# Details already shown in the "About" column.
_SUBJECT_KEYS = ("person_id", "contact_id")


YES = QT_TRANSLATE_NOOP("Custody", "yes")
NO = QT_TRANSLATE_NOOP("Custody", "no")
UNKNOWN_PARTNER = QT_TRANSLATE_NOOP("Custody", "Unknown partner")


def _tr(text: str) -> str:
    return QCoreApplication.translate("Custody", text)


def action_text(action: str) -> str:
    """An act in plain words; an act this version does not know keeps its key."""
    return _tr(ACTIONS[action]) if action in ACTIONS else action


def chain_links(entries: Sequence[Mapping[str, Any]]) -> list[str]:
    """For each entry (with its ``leaf_hash``), in log order: ok, broken or unknown.

    ``unknown``: the first entry shown of an incident names an earlier one that is
    not in the list (a partner sent only part of its chain).
    """
    leaves = [str(entry.get("leaf_hash")) for entry in entries]
    recomputed = [leaf_hash_of({key: entry.get(key) for key in ENTRY_KEYS}) for entry in entries]
    # An altered entry is shown as a broken link: the person sees where the chain fails.
    return [LINK_BROKEN if link == LINK_ALTERED else link
            for link in core_chain_links(entries, leaves, recomputed)]


def _short(value: str) -> str:
    """Hashes, ids, keys and fingerprints by their beginning (the tooltip has them whole)."""
    if len(value) > 16 and value.isalnum():
        return value[:12] + "…"
    return value


def _value_text(key: str, value: Any) -> str:
    if key == "fields" and isinstance(value, list):
        return ", ".join(_tr(FIELD_NAMES[f]) if f in FIELD_NAMES else str(f) for f in value)
    if key == "size" and isinstance(value, int):
        return data_size(value)
    if key == "kind":
        return labels.item_kind(str(value))
    if key == "role":
        return labels.role(str(value))
    if isinstance(value, bool):
        return _tr(YES) if value else _tr(NO)
    if key == "chain":
        return _tr(YES) if value == "verified" else _tr(NO)
    if isinstance(value, list):
        return str(len(value))
    if value is None:
        return "—"
    return _short(str(value))


def details_text(details: Mapping[str, Any]) -> str:
    parts = []
    for key, value in details.items():
        if key in _SUBJECT_KEYS:
            continue
        name = _tr(DETAIL_NAMES[key]) if key in DETAIL_NAMES else key
        parts.append(f"{name}: {_value_text(key, value)}")
    return "; ".join(parts)


@dataclass(frozen=True)
class CustodyRow:
    seq: int
    time: str
    action: str
    subject: str
    details: str
    raw_details: str
    link: str


class Subjects:
    """Names of what entries are about, looked up once each (ids of deleted things stay ids)."""

    def __init__(self, archive: Archive, with_incident: bool) -> None:
        self._archive = archive
        self._with_incident = with_incident
        self._cache: dict[tuple[str, str], str] = {}

    def _lookup(self, what: str, ident: str, find: Callable[[str], str]) -> str:
        key = (what, ident)
        if key not in self._cache:
            try:
                self._cache[key] = find(ident)
            except KzError:
                self._cache[key] = ident[:8]
        return self._cache[key]

    def of(self, entry: Mapping[str, Any]) -> str:
        archive, details = self._archive, entry.get("details") or {}
        parts = []
        if self._with_incident and entry.get("incident_id"):
            parts.append(self._lookup("incident", entry["incident_id"],
                                      lambda i: archive.get_incident(i).title))
        if entry.get("item_id"):
            parts.append(self._lookup("item", entry["item_id"],
                                      lambda i: archive.get_item(i).name))
        if details.get("person_id"):
            parts.append(self._lookup("person", details["person_id"],
                                      lambda i: archive.get_person(i).pseudonym))
        if details.get("contact_id"):
            parts.append(self._lookup("contact", details["contact_id"],
                                      lambda i: archive.get_contact(i).name))
        return " › ".join(parts)


def custody_rows(entries: Sequence[Mapping[str, Any]], subjects: Subjects) -> list[CustodyRow]:
    """Rows to show for entries in log order (plain data: built in a worker if many)."""
    rows = []
    for entry, link in zip(entries, chain_links(entries), strict=True):
        details = entry.get("details") or {}
        rows.append(CustodyRow(
            seq=int(entry.get("seq", 0)), time=str(entry.get("ts", "")),
            action=action_text(str(entry.get("action", ""))), subject=subjects.of(entry),
            details=details_text(details),
            raw_details=json.dumps(details, ensure_ascii=False, indent=1, sort_keys=True),
            link=link))
    return rows


@dataclass(frozen=True)
class CustodyData:
    own: list[CustodyRow]
    received: list[tuple[str, list[CustodyRow]]]  # (who sent it, rows)


def load_custody(archive: Archive, incident_id: str | None) -> CustodyData:
    """The incident's log and what partners sent with it, or the whole vault's log."""
    subjects = Subjects(archive, with_incident=incident_id is None)
    own = custody_rows([e.to_dict() for e in archive.custody_entries(incident_id)], subjects)
    received = []
    if incident_id is not None:
        names = {c.fingerprint: c.name for c in archive.list_contacts() if c.fingerprint}
        for origin, entries in archive.received_custody(incident_id):
            who = names.get(origin) or _tr(UNKNOWN_PARTNER)
            sender = f"{who} ({origin[:10]}…)" if origin else who
            received.append((sender, custody_rows(entries, subjects)))
    return CustodyData(own, received)


class CustodyView(QWidget):
    """Entries of this vault, then, if any, the entries received from partners.

    Long details are cut in the list; the entry selected is shown in full beneath it.
    """

    SEQ, TIME, ACT, CHAIN, ABOUT, DETAILS = range(6)

    def __init__(self, parent: QWidget | None = None, about_width: int = 120) -> None:
        super().__init__(parent)
        self.summary = label("", "muted")
        self.own_tree = self._tree(about_width)
        self.received_heading = label(self.tr("Received from partners with this incident"),
                                      "subheading")
        self.received_tree = self._tree(about_width)
        self.entry_label = label("")
        self.entry_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.own_tree, 3)
        layout.addWidget(self.received_heading)
        layout.addWidget(self.received_tree, 2)
        layout.addWidget(self.entry_label)
        self.show_data(CustodyData([], []))

    def _tree(self, about_width: int) -> QTreeWidget:
        tree = QTreeWidget()
        tree.setHeaderLabels([self.tr("No."), self.tr("Time"), self.tr("Act"),
                              self.tr("Chain"), self.tr("About"), self.tr("Details")])
        tree.setRootIsDecorated(False)
        tree.setAlternatingRowColors(True)
        tree.setUniformRowHeights(True)
        header = tree.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.ABOUT, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(self.DETAILS, QHeaderView.ResizeMode.Interactive)
        tree.setColumnWidth(self.ABOUT, about_width)
        tree.currentItemChanged.connect(self._current_changed)
        return tree

    def _current_changed(self, current: QTreeWidgetItem | None, *_previous: object) -> None:
        if current is None or current.childCount():
            self.entry_label.clear()
            return
        about = current.text(self.ABOUT)
        heading = f"{current.text(self.SEQ)}. {current.text(self.ACT)}"
        self.entry_label.setText("\n".join(filter(None, [
            f"{heading} — {about}" if about else heading, current.text(self.DETAILS)])))

    def link_text(self, link: str) -> str:
        if link == LINK_OK:
            return "✓ " + self.tr("intact")
        if link == LINK_BROKEN:
            return "✗ " + self.tr("broken")
        return "… " + self.tr("earlier entries not received")

    def _row(self, row: CustodyRow) -> QTreeWidgetItem:
        item = QTreeWidgetItem([str(row.seq), moment_text(row.time), row.action,
                                self.link_text(row.link), row.subject, row.details])
        item.setToolTip(self.TIME, moment_tooltip(row.time))
        item.setToolTip(self.DETAILS, row.raw_details)
        item.setToolTip(self.ABOUT, row.subject)
        item.setTextAlignment(self.SEQ, Qt.AlignmentFlag.AlignRight)
        if row.link == LINK_BROKEN:
            item.setForeground(self.CHAIN, Qt.GlobalColor.darkRed)
        return item

    def show_data(self, data: CustodyData) -> None:
        self.entry_label.clear()
        self.own_tree.clear()
        self.own_tree.addTopLevelItems([self._row(row) for row in data.own])
        self.received_tree.clear()
        for sender, rows in data.received:
            group = QTreeWidgetItem([self.tr("From {sender}").format(sender=sender)])
            group.setFirstColumnSpanned(True)
            group.addChildren([self._row(row) for row in rows])
            self.received_tree.addTopLevelItem(group)
            group.setExpanded(True)
        self.received_tree.setRootIsDecorated(bool(data.received))
        self.received_heading.setVisible(bool(data.received))
        self.received_tree.setVisible(bool(data.received))
        broken = [row.seq for row in data.own if row.link == LINK_BROKEN]
        if broken:
            self.summary.setText(self.tr("Entries: {n}. The chain is broken at entry {seq}.")
                                 .format(n=len(data.own), seq=broken[0]))
        else:
            self.summary.setText(self.tr("Entries: {n}. The chain is intact.")
                                 .format(n=len(data.own)))

    def entry_count(self) -> int:
        return self.own_tree.topLevelItemCount()

    def acts(self) -> list[str]:
        """The acts shown, in order (what a person reads in the Act column)."""
        rows = (self.own_tree.topLevelItem(i) for i in range(self.entry_count()))
        return [row.text(self.ACT) for row in rows if row is not None]


class CustodyWindow(QDialog):
    """The whole vault's custody log, loaded in the background."""

    def __init__(self, archive: Archive, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Custody log of the vault"))
        resize_within_screen(self, 1000, 600)
        self.view = CustodyView(about_width=360)
        self.busy = BusyIndicator()
        self.error = label("", "error")
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label(self.tr(
            "Every act on this vault, in order. Each entry is sealed with a hash of the one "
            "before it, so a changed or missing entry shows as a broken chain."), "muted"))
        layout.addWidget(self.view, 1)
        layout.addWidget(self.busy)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.archive, self.runner = archive, runner
        self._reading = False
        self._read_again = False
        self.reload()

    def reload(self) -> None:
        """Read the log again (the vault changed while this window is open)."""
        if self._reading:
            self._read_again = True  # the read under way may have missed the change
            return
        if not self.archive.is_open:
            return
        self._reading = True
        archive = self.archive
        task = Task(lambda progress, cancel: load_custody(archive, None))
        task.signals.succeeded.connect(self._loaded)
        task.signals.failed.connect(self._failed)
        self.busy.start(self.tr("Reading the custody log…"), task)
        self.runner.start(task)

    def _read_done(self) -> None:
        self._reading = False
        if self._read_again:
            self._read_again = False
            self.reload()

    def _loaded(self, data: CustodyData) -> None:
        self.view.show_data(data)
        self._read_done()

    def _failed(self, exc: KzError) -> None:
        self._read_done()
        message, hint = error_text(exc)
        self.error.setText(f"{message} {hint}".strip())
        self.error.show()
