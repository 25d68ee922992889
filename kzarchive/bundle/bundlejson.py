"""``data/bundle.json``: what the bundle holds, in one JSON document.

The format fixes six top-level fields; everything else (incidents, items,
people, the vault id...) is the exporter's content and passes through
unchanged:

    format          "kzarchive-bundle"
    format_version  1
    bundle_id       the bundle's id (its folder name)
    created         time of signing, YYYY-MM-DDTHH:MM:SSZ
    sender          the sender's 60-digit fingerprint
    files           one object per evidence file, in stream order:
                    {"item_id", "path": "data/files/<item id>.<ext>", "size", "sha256"}
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from kzarchive.bundle import layout
from kzarchive.bundle.bagit import is_sha256_hex
from kzarchive.bundle.jsontext import JsonBudget, pretty_json, strict_json
from kzarchive.errors import IntegrityError, NewerFormat

RESERVED_FIELDS = ("format", "format_version", "bundle_id", "created", "sender", "files")
_FILE_FIELDS = {"item_id", "path", "size", "sha256"}


@dataclass(frozen=True)
class FileRecord:
    item_id: str
    extension: str
    size: int
    sha256: str

    @property
    def path(self) -> str:
        return layout.payload_path(self.item_id, self.extension)

    def to_json(self) -> dict[str, Any]:
        return {
            "item_id": self.item_id,
            "path": self.path,
            "size": self.size,
            "sha256": self.sha256,
        }


@dataclass(frozen=True)
class BundleDescription:
    document: dict[str, Any]
    bundle_id: str
    created: str
    sender: str
    files: tuple[FileRecord, ...]


def build(
    content: Mapping[str, Any],
    bundle_id: str,
    created: str,
    sender: str,
    files: Sequence[FileRecord],
    format_version: int = layout.FORMAT_VERSION_PLAIN,
) -> bytes:
    clash = sorted(set(content) & set(RESERVED_FIELDS))
    if clash:
        raise ValueError(f"bundle.json content may not set the format's fields {clash}")
    document = dict(content)
    document.update(
        format=layout.FORMAT_NAME,
        format_version=format_version,
        bundle_id=bundle_id,
        created=created,
        sender=sender,
        files=[record.to_json() for record in files],
    )
    return pretty_json(document)


def _bad(what: str) -> IntegrityError:
    return IntegrityError(what=f"bundle.json: {what}")


def parse(data: bytes, budget: JsonBudget | None = None) -> BundleDescription:
    document = strict_json(data, "bundle.json", budget)
    if not isinstance(document, dict):
        raise _bad("it is not a JSON object")
    if document.get("format") != layout.FORMAT_NAME:
        raise _bad("it does not describe a kzarchive bundle")
    version = document.get("format_version")
    if type(version) is not int or version < 1:
        raise _bad("its format version is missing or invalid")
    if version > layout.FORMAT_VERSION:
        raise NewerFormat(what="bundle", found=version, known=layout.FORMAT_VERSION)
    bundle_id, created, sender = (document.get(k) for k in ("bundle_id", "created", "sender"))
    if not layout.is_id(bundle_id) or not layout.is_timestamp(created):
        raise _bad("bundle_id or created is missing or invalid")
    if not isinstance(sender, str):
        raise _bad("sender is missing")
    listed = document.get("files")
    if not isinstance(listed, list):
        raise _bad("files is missing")
    files = []
    seen: set[str] = set()
    for entry in listed:
        files.append(_file_record(entry))
        key = files[-1].item_id.lower()
        if key in seen:
            raise _bad(f"item {files[-1].item_id} has more than one file")
        seen.add(key)
    return BundleDescription(document, bundle_id, created, sender, tuple(files))


def _file_record(entry: object) -> FileRecord:
    if not isinstance(entry, dict) or set(entry) != _FILE_FIELDS:
        raise _bad("an entry of files does not have exactly item_id, path, size and sha256")
    name = layout.parse_payload_path(entry["path"]) if isinstance(entry["path"], str) else None
    if name is None or name.item_id != entry["item_id"]:
        raise _bad(f"the path of a file is not data/files/<item id>.<ext>: {entry['path']!r:.80}")
    size, digest = entry["size"], entry["sha256"]
    valid_digest = isinstance(digest, str) and is_sha256_hex(digest)
    if type(size) is not int or size < 0 or not valid_digest:
        raise _bad(f"the size or sha256 of {entry['path']} is invalid")
    return FileRecord(name.item_id, name.extension, size, digest)
