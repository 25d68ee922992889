"""Content Credentials (C2PA): the signed provenance some cameras, phones
(ProofMode) and newsroom tools embed in photos and videos, read and validated
offline with the maintained ``c2pa-python`` library.

What is returned is plain data for the item's metadata: who signed, with which
tool, what was done (actions), what it was made from (ingredients) and the
validation state.  The library never fetches anything: remote manifests and
OCSP are switched off and no network host is allowed, so an internet shutdown
changes nothing and no server learns which picture a documenter holds.  The
original bytes are only read, through a view that cannot write or close them.

A valid signature proves that the manifest and the pixels are as the holder
of the signing certificate left them, not that what the manifest says is true,
nor who that holder is: with no trust list configured (the default, offline)
the signer is reported as untrusted.  See docs/media.md, "Content Credentials".
"""

from __future__ import annotations

import functools
import json
import os
import re
from dataclasses import dataclass, field
from typing import Any, Literal

from kzarchive.errors import KzError
from kzarchive.media.streams import Stream, UnclosableReader
from kzarchive.media.types import normalise_mime

State = Literal["valid", "invalid", "none", "remote"]

# Manifest text comes from whoever made the file: bounded and stripped of
# control characters before it is stored or shown.
_MAX_TEXT = 300
_MAX_LIST = 100
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")

# Failure codes that mean the manifest cannot be read at all.
UNREADABLE = "kzarchive.manifest.unreadable"

OFFLINE_SETTINGS: dict[str, Any] = {
    "verify": {
        "remote_manifest_fetch": False,
        "ocsp_fetch": False,
        "verify_after_reading": True,
        "verify_trust": True,
    },
    "core": {"allowed_network_hosts": []},
}


@dataclass(frozen=True)
class Action:
    action: str
    software_agent: str = ""
    when: str = ""
    digital_source_type: str = ""

    def to_record(self) -> dict[str, str]:
        return {
            "action": self.action,
            "software_agent": self.software_agent,
            "when": self.when,
            "digital_source_type": self.digital_source_type,
        }


@dataclass(frozen=True)
class Ingredient:
    """What the file was made from; ``signed`` when it had credentials of its own."""

    title: str
    format: str = ""
    relationship: str = ""
    signed: bool = False

    def to_record(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "format": self.format,
            "relationship": self.relationship,
            "signed": self.signed,
        }


@dataclass(frozen=True)
class ContentCredentials:
    """The active manifest of a file, as far as it could be read and checked.

    ``state``: ``valid`` (signature and content hashes check out), ``invalid``
    (``failures`` names the C2PA status codes, e.g. ``assertion.dataHash.mismatch``
    for pixels changed after signing), ``none`` (no manifest), or ``remote``
    (the file points to a manifest elsewhere, which is not fetched).
    ``trusted`` is true only when the signer's chain ends in a configured
    trust anchor; ``failures`` then lists ``signingCredential.untrusted`` too
    when it does not, which alone does not make a manifest invalid.
    """

    state: State
    trusted: bool = False
    failures: tuple[str, ...] = ()
    signer: str = ""
    issuer: str = ""
    signed_at: str = ""
    claim_generator: str = ""
    title: str = ""
    actions: tuple[Action, ...] = ()
    ingredients: tuple[Ingredient, ...] = ()
    remote_url: str = ""
    note: str = field(default="")

    def to_record(self) -> dict[str, Any]:
        """Canonical-JSON-ready form for the item's metadata (strings, no floats)."""
        return {
            "state": self.state,
            "trusted": self.trusted,
            "failures": list(self.failures),
            "signer": self.signer,
            "issuer": self.issuer,
            "signed_at": self.signed_at,
            "claim_generator": self.claim_generator,
            "title": self.title,
            "actions": [a.to_record() for a in self.actions],
            "ingredients": [i.to_record() for i in self.ingredients],
            "remote_url": self.remote_url,
            "note": self.note,
        }


NONE = ContentCredentials("none")


def supported(mime: str) -> bool:
    """Whether the C2PA library can look for a manifest in this type of file."""
    return normalise_mime(mime) in _supported_types()


@functools.cache
def _supported_types() -> frozenset[str]:
    # What the installed library reads does not change while it runs.  The library (a
    # native one, loaded with ctypes) is imported here and below, on first use: most
    # commands never look at a picture's credentials.
    import c2pa

    return frozenset(t for t in c2pa.Reader.get_supported_mime_types() if "/" in t)


def read_credentials(
    stream: Stream, mime: str, trust_anchors_pem: str | None = None
) -> ContentCredentials:
    """Find, validate and summarise a file's C2PA manifest, entirely offline.

    Never raises for what is inside the file: a damaged or hostile manifest is
    ``invalid`` with the reason.  Only a failure of the stream itself (the
    vault's ``IntegrityError``) is raised.  ``trust_anchors_pem`` adds root
    certificates whose signers count as trusted.
    """
    import c2pa

    mime = normalise_mime(mime)
    if not supported(mime):
        return NONE
    if mime == "image/jpeg" and _jpeg_has_no_manifest(stream):
        return NONE
    settings = json.loads(json.dumps(OFFLINE_SETTINGS))
    if trust_anchors_pem:
        settings["trust"] = {"user_anchors": trust_anchors_pem}
    view = _WatchedReader(stream)
    view.seek(0, os.SEEK_SET)
    try:
        with (
            c2pa.Context.from_dict(settings) as context,
            c2pa.Reader(mime, view, context=context) as reader,
        ):
            store = json.loads(reader.json())
            state = reader.get_validation_state()
            results = reader.get_validation_results() or {}
    except KzError:
        raise
    except c2pa.C2paError as error:
        if view.failure is not None:
            # The library turns a failing read into its own error; the vault's
            # own failure (an altered blob) must reach the caller as it is.
            raise view.failure from error
        return _from_error(error)
    finally:
        view.close()
    return _summarise(store, state, results)


# JPEG markers without a length field: TEM and the restart markers.
_STANDALONE = {0x01, *range(0xD0, 0xD8)}
_APP1, _APP11, _SOS = 0xE1, 0xEB, 0xDA
# The headers of a JPEG hold a few EXIF and XMP blocks; past this, the library decides.
_HEADER_LIMIT = 1024 * 1024


def _jpeg_has_no_manifest(stream: Stream) -> bool:
    """Whether a JPEG surely holds no manifest, from its marker segments alone.

    A manifest in a JPEG is carried in APP11 segments, a pointer to a remote one in
    the XMP (APP1, ``dcterms:provenance``), both before the image data.  Most photos
    have neither, and this walk of their headers spares the library reading the
    whole file.  Whatever is unexpected (a broken segment, no image data, very large
    headers) answers False: the library then looks, as for any other file.
    """
    stream.seek(0)
    try:
        if stream.read(2) != b"\xff\xd8":
            return False
        offset = 2
        while offset < _HEADER_LIMIT:
            head = stream.read(2)
            if len(head) < 2 or head[0] != 0xFF:
                return False
            marker = head[1]
            if marker == 0xFF:  # a fill byte before the marker
                stream.seek(offset + 1)
                offset += 1
                continue
            if marker in _STANDALONE:
                offset += 2
                continue
            if marker == _SOS:
                return True
            length_bytes = stream.read(2)
            if len(length_bytes) < 2:
                return False
            length = int.from_bytes(length_bytes, "big")
            if length < 2 or marker == _APP11:
                return False
            if marker == _APP1:
                body = stream.read(length - 2)
                if len(body) != length - 2 or b"provenance" in body:
                    return False
            offset += 2 + length
            stream.seek(offset)
        return False
    finally:
        stream.seek(0)


class _WatchedReader(UnclosableReader):
    """Keeps the stream's own ``KzError``, which the native library would swallow."""

    def __init__(self, stream: Stream) -> None:
        super().__init__(stream)
        self.failure: KzError | None = None

    def read(self, size: int | None = -1, /) -> bytes:
        try:
            return super().read(size)
        except KzError as error:
            self.failure = error
            raise

    def readinto(self, buffer: memoryview | bytearray) -> int:  # type: ignore[override]
        try:
            return super().readinto(buffer)
        except KzError as error:
            self.failure = error
            raise

    def seek(self, offset: int, whence: int = os.SEEK_SET, /) -> int:
        try:
            return super().seek(offset, whence)
        except KzError as error:
            self.failure = error
            raise


def _from_error(error: Exception) -> ContentCredentials:
    message = str(error)
    kind = message.split(":", 1)[0].strip()
    if kind == "ManifestNotFound":
        return NONE
    if kind in ("Remote", "RemoteManifest"):
        url = message.rsplit(" ", 1)[-1] if "url" in message else ""
        return ContentCredentials(
            "remote",
            remote_url=_text(url),
            note="the file's credentials are kept elsewhere and are not fetched (offline)",
        )
    return ContentCredentials(
        "invalid",
        failures=(UNREADABLE,),
        note=_text(f"the manifest cannot be read: {message}"),
    )


def _summarise(store: Any, state: Any, results: Any) -> ContentCredentials:
    if not isinstance(store, dict):
        return ContentCredentials("invalid", failures=(UNREADABLE,))
    manifests = store.get("manifests")
    label = store.get("active_manifest")
    manifest = manifests.get(label) if isinstance(manifests, dict) else None
    if not isinstance(manifest, dict):
        return ContentCredentials(
            "invalid", failures=(UNREADABLE,), note="the file has no active manifest"
        )
    failures = _failure_codes(results)
    signature = manifest.get("signature_info")
    signature = signature if isinstance(signature, dict) else {}
    return ContentCredentials(
        state="invalid" if state == "Invalid" else "valid",
        trusted=state == "Trusted",
        failures=failures,
        signer=_text(signature.get("common_name")),
        issuer=_text(signature.get("issuer")),
        signed_at=_text(signature.get("time")),
        claim_generator=_generator(manifest),
        title=_text(manifest.get("title")),
        actions=_actions(manifest),
        ingredients=_ingredients(manifest),
    )


def _failure_codes(results: Any) -> tuple[str, ...]:
    codes: list[str] = []
    active = results.get("activeManifest") if isinstance(results, dict) else None
    entries = active.get("failure") if isinstance(active, dict) else None
    for entry in entries if isinstance(entries, list) else []:
        code = _text(entry.get("code")) if isinstance(entry, dict) else ""
        if code and code not in codes:
            codes.append(code)
    return tuple(codes[:_MAX_LIST])


def _generator(manifest: dict[str, Any]) -> str:
    infos = manifest.get("claim_generator_info")
    if isinstance(infos, list) and infos and isinstance(infos[0], dict):
        name, version = _text(infos[0].get("name")), _text(infos[0].get("version"))
        return _text(f"{name} {version}".strip())
    return _text(manifest.get("claim_generator"))


def _actions(manifest: dict[str, Any]) -> tuple[Action, ...]:
    found: list[Action] = []
    assertions = manifest.get("assertions")
    for assertion in assertions if isinstance(assertions, list) else []:
        if not isinstance(assertion, dict):
            continue
        if not str(assertion.get("label", "")).startswith("c2pa.actions"):
            continue
        data = assertion.get("data")
        actions = data.get("actions") if isinstance(data, dict) else None
        for entry in actions if isinstance(actions, list) else []:
            if not isinstance(entry, dict) or len(found) >= _MAX_LIST:
                continue
            agent = entry.get("softwareAgent")
            if isinstance(agent, dict):
                agent = agent.get("name")
            found.append(
                Action(
                    action=_text(entry.get("action")),
                    software_agent=_text(agent),
                    when=_text(entry.get("when")),
                    digital_source_type=_text(entry.get("digitalSourceType")),
                )
            )
    return tuple(found)


def _ingredients(manifest: dict[str, Any]) -> tuple[Ingredient, ...]:
    entries = manifest.get("ingredients")
    found: list[Ingredient] = []
    for entry in entries if isinstance(entries, list) else []:
        if isinstance(entry, dict) and len(found) < _MAX_LIST:
            found.append(
                Ingredient(
                    title=_text(entry.get("title")),
                    format=_text(entry.get("format")),
                    relationship=_text(entry.get("relationship")),
                    signed=bool(_text(entry.get("active_manifest"))),
                )
            )
    return tuple(found)


def _text(value: object) -> str:
    if not isinstance(value, str):
        return ""
    return _CONTROL.sub("", value).strip()[:_MAX_TEXT]
