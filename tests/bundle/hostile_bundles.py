"""Validly signed lies: real bundles from real vaults, changed and signed again.

Each helper takes a bundle a vault exported, lets a test change exactly one
thing in it (bundle.json, a custody file, an evidence file), then fixes every
hash the sender would have fixed (manifests, Payload-Oxum) and signs it again
with the sender's own key, so that it passes every signature and hash check
and reaches the checks of what the bundle says.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PIL import Image

from kzarchive.archive import Archive, ExportOptions
from kzarchive.bundle.jsontext import pretty_json
from tests.bundle.bundle_factory import encrypted, members_of, packed, plaintext_of, resign
from tests.connection import connection_of

Files = dict[str, bytes | None]
BUNDLE_JSON = "data/bundle.json"


@dataclass
class Parties:
    documenter: Archive
    partner: Archive
    second: Archive
    folder: Path

    def all(self) -> Iterator[Archive]:
        yield from (self.documenter, self.partner, self.second)


def make_parties(folder: Path, passphrase: str) -> Parties:
    vaults = []
    for name in ("Documenter", "Partner", "Second partner"):
        vault, _code = Archive.create(folder / name.replace(" ", "-"), passphrase, name=name)
        vault.export_card(folder / f"{name}.card")
        vaults.append(vault)
    parties = Parties(vaults[0], vaults[1], vaults[2], folder)
    for who, whom in (("Documenter", "Partner"), ("Partner", "Documenter"),
                      ("Partner", "Second partner"), ("Second partner", "Partner"),
                      ("Second partner", "Documenter"), ("Documenter", "Second partner")):
        vault = {"Documenter": parties.documenter, "Partner": parties.partner,
                 "Second partner": parties.second}[who]
        vault.add_contact_card(folder / f"{whom}.card")
        vault.verify_contact(whom)
    return parties


def add_evidence(archive: Archive, folder: Path, title: str = "Задержание журналиста") -> str:
    """An incident with a person, a photo, a document and a testimony."""
    incident = archive.add_incident(title, violations=["arbitrary-detention"])
    archive.add_person(incident, "witness", "Свидетель А")
    photo = folder / f"photo-{incident}.png"
    Image.new("RGB", (40, 30), (20, 120, 200)).save(photo)
    document = folder / f"report-{incident}.pdf"
    document.write_bytes(b"%PDF-1.4\n" + hashlib.sha256(incident.encode()).digest() * 500)
    archive.attach_file(incident, photo)
    archive.attach_file(incident, document)
    archive.add_text(incident, "Я видел задержание у акимата.", witness="Свидетель 1")
    return incident


def export(sender: Archive, incident: str, to: str, path: Path) -> Path:
    sender.export_bundle([incident], [to], path, ExportOptions(originals=True))
    return path


def forge(path: Path, sender: Archive, recipient: Archive, change: Callable[[Files], None],
          out: Path | None = None) -> Path:
    """The bundle at ``path`` after ``change``, re-hashed and signed again by ``sender``."""
    root, files = members_of(plaintext_of(path.read_bytes(), recipient.own_identity()))
    change(files)
    octets = sum(len(data) for name, data in files.items()
                 if data is not None and name.startswith("data/"))
    count = sum(1 for name, data in files.items() if data is not None and name.startswith("data/"))
    files["bag-info.txt"] = re.sub(
        rb"Payload-Oxum: [0-9]+\.[0-9]+", f"Payload-Oxum: {octets}.{count}".encode(),
        files["bag-info.txt"] or b"")
    resign(files, sender.own_identity())
    target = out or path.with_name(path.stem + "-forged.kzb")
    target.write_bytes(encrypted(packed(root, files), recipient.own_identity()))
    return target


def edit_document(change: Callable[[dict[str, Any]], None]) -> Callable[[Files], None]:
    """A change of bundle.json only."""

    def apply(files: Files) -> None:
        document = json.loads(files[BUNDLE_JSON] or b"{}")
        change(document)
        files[BUNDLE_JSON] = pretty_json(document)

    return apply


def replace_file(item_id: str, content: bytes, *, describe: bool) -> Callable[[Files], None]:
    """Another content for one evidence file; ``describe`` also fixes bundle.json's hashes."""

    def apply(files: Files) -> None:
        name = next(n for n in files if n.startswith(f"data/files/{item_id}"))
        files[name] = content
        if not describe:
            return
        digest = hashlib.sha256(content).hexdigest()
        document = json.loads(files[BUNDLE_JSON] or b"{}")
        for record in document["files"]:
            if record["item_id"] == item_id:
                record.update(sha256=digest, size=len(content))
        for record in document["items"]:
            if record["id"] == item_id:
                record.update(file_sha256=digest, file_size=len(content),
                              original_sha256=digest, size=len(content))
        files[BUNDLE_JSON] = pretty_json(document)

    return apply


def item_record(document: dict[str, Any], name_suffix: str) -> dict[str, Any]:
    return next(r for r in document["items"] if str(r["name"]).endswith(name_suffix))


def vault_state(archive: Archive) -> tuple[Any, ...]:
    """Everything an import could change, to show that a refused one changed nothing."""
    db = connection_of(archive)
    tables = ("incidents", "items", "people", "blobs", "custody", "received_custody",
              "foreign_custody", "imported_bundles")
    rows = [db.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall() for table in tables]
    return (*rows, frozenset(archive.blobs.all_ids()))


def png_bytes(colour: tuple[int, int, int]) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 30), colour).save(out, format="PNG")
    return out.getvalue()
