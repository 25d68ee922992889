"""Makes tests/golden/vault-v1: a small vault of format version 1, checked in.

``vault-v1/vault/`` is the vault folder as kzarchive left it; ``vault-v1/expected.json``
records what it holds.

Run once, when format version 1 is released, from the repository root:

    .venv/bin/python tests/golden/make_vault_v1.py

and never again for this version: the files it wrote are the proof that every
later kzarchive still opens a version-1 vault (tests/vault/test_acceptance_golden.py).
The vault holds one incident, one testimony and one file; keys and ids are random,
so expected.json records them next to the known content.  The key derivation uses
the minimum parameters (64 MiB, one pass) so that the test opens it quickly.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
TARGET = HERE / "vault-v1"
PASSPHRASE = "golden vault v1 — пароль"
TESTIMONY = (
    "Меня задержали 5 января у здания акимата. Трое в штатском посадили меня в "
    "микроавтобус без номеров.\nҚамауда екі күн болдым.\n"
)
FILE_NAME = "снимок-001.bin"
FILE_SIZE = 150_000  # three encryption chunks, the last one partial
INCIDENT: dict[str, Any] = {
    "title": "Задержание журналиста у акимата",
    "description": "Журналиста газеты задержали во время акции протеста.",
    "occurred_start": "2022-01-05",
    "occurred_end": "2022-01-07",
    "date_precision": "day",
    "place": "Алматы",
    "latitude": "43.238949",
    "longitude": "76.889709",
    "violations": ["arbitrary-detention", "attack-on-journalist"],
    "tags": ["январь-2022"],
    "status": "reviewed",
}


def file_content() -> bytes:
    """Known bytes that anyone can regenerate: SHA-256 in counter mode."""
    blocks = (hashlib.sha256(f"kzarchive golden vault v1 {n}".encode()).digest()
              for n in range(FILE_SIZE // 32 + 1))
    return b"".join(blocks)[:FILE_SIZE]


def make(folder: Path) -> dict[str, object]:
    # The smallest parameters the floor allows: calibration to 1 ms stops at them.
    os.environ["KZARCHIVE_KDF_TARGET_MS"] = "1"
    from kzarchive.archive import Archive

    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir()
    work = folder / "vault"
    source = folder / FILE_NAME
    source.write_bytes(file_content())
    try:
        archive, recovery_code = Archive.create(work, PASSPHRASE, name="Golden v1")
        with archive:
            incident_id = archive.add_incident(**INCIDENT)
            person_id = archive.add_person(incident_id, "witness", "W-1", consent_given=True,
                                           consent_scope="partners", consent_date="2022-01-09")
            testimony = archive.add_text(incident_id, TESTIMONY, witness="W-1", language="ru")
            photo = archive.attach_file(incident_id, source, kind="photo", note="из окна")
            archive.make_checkpoint()
            expected: dict[str, object] = {
                "passphrase": PASSPHRASE,
                "recovery_code": recovery_code,
                "vault_id": archive.vault_id,
                "fingerprint": archive.fingerprint,
                "incident_id": incident_id,
                "person_id": person_id,
                "incident": INCIDENT,
                "items": {
                    testimony.id: {"kind": "testimony", "name": testimony.name,
                                   "size": testimony.size, "sha256": testimony.sha256,
                                   "witness": "W-1"},
                    photo.id: {"kind": "photo", "name": FILE_NAME, "size": photo.size,
                               "sha256": photo.sha256, "witness": None},
                },
                "custody_actions": [e.action for e in archive.custody_entries()],
                "leaf_hashes": [e.leaf_hash for e in archive.custody_entries()],
            }
    finally:
        source.unlink()
    # The lock file belongs to a running process, not to the vault.
    (work / "vault.lock").unlink(missing_ok=True)
    (folder / "expected.json").write_text(
        json.dumps(expected, ensure_ascii=False, indent=2, sort_keys=True) + "\n",
        encoding="utf-8")
    return expected


if __name__ == "__main__":
    sys.path.insert(0, str(HERE.parents[1]))
    made = make(TARGET)
    print(f"wrote {TARGET} (vault {made['vault_id']})")
