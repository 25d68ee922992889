"""BagIt 1.0 (RFC 8493) tag files, as kzarchive writes and reads them.

The parsers accept a strict subset of the RFC, exactly the form the writers
produce: UTF-8 without a byte-order mark, every line ended by one LF (no CR, no
blank lines, no comments), no folded bag-info values, SHA-256 checksums in
lowercase hex.  Every tag file of a bundle is covered by the signed tag
manifest, so any other spelling can only come from an alteration; refusing it
keeps the parsers small and their behaviour obvious.

Manifest paths follow the RFC's rules: relative to the bag's folder, ``/`` as
separator, never absolute, never ``.`` or ``..``; LF, CR and ``%`` are
percent-encoded.  A payload manifest lists only files under ``data/``; a tag
manifest lists only files outside it and never a tag manifest.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from kzarchive.errors import IntegrityError

BAGIT_VERSION = "1.0"
BAGIT_TXT = b"BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"
_SHA256_HEX = re.compile(r"[0-9a-f]{64}")
_MANIFEST_LINE = re.compile(r"([0-9a-f]{64})[ \t]+(\S.*)")
_LABEL = re.compile(r"[^:\s](?:[^:\r\n]*[^:\s])?")
_OXUM = re.compile(r"(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)")


def _bad(name: str, reason: str) -> IntegrityError:
    return IntegrityError(what=f"{name} is not valid: {reason}")


def _lines(data: bytes, name: str) -> list[str]:
    if data.startswith(b"\xef\xbb\xbf"):
        raise _bad(name, "it starts with a byte-order mark")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise _bad(name, "it is not UTF-8 text") from None
    if "\r" in text:
        raise _bad(name, "it contains carriage returns (only LF line endings are used)")
    if not text:
        return []
    if not text.endswith("\n"):
        raise _bad(name, "its last line is not terminated")
    lines = text[:-1].split("\n")
    if any(not line for line in lines):
        raise _bad(name, "it contains a blank line")
    return lines


def is_sha256_hex(value: str) -> bool:
    return bool(_SHA256_HEX.fullmatch(value))


# --- bagit.txt ---------------------------------------------------------------


def parse_bagit_txt(data: bytes) -> None:
    """Raises unless ``data`` declares BagIt 1.0 with UTF-8 tag files."""
    lines = _lines(data, "bagit.txt")
    expected = ["BagIt-Version: 1.0", "Tag-File-Character-Encoding: UTF-8"]
    if lines != expected:
        raise _bad("bagit.txt", "it does not declare BagIt 1.0 with UTF-8 tag files")


# --- bag-info.txt --------------------------------------------------------------


@dataclass(frozen=True)
class TagElements:
    """The ordered label/value pairs of a tag file such as bag-info.txt."""

    elements: tuple[tuple[str, str], ...]

    def values(self, label: str) -> list[str]:
        """Every value of ``label``; labels compare without regard to case (RFC 8493)."""
        wanted = label.lower()
        return [value for name, value in self.elements if name.lower() == wanted]

    def single(self, label: str, name: str = "bag-info.txt") -> str:
        found = self.values(label)
        if len(found) != 1:
            raise _bad(name, f"it must have exactly one {label} (found {len(found)})")
        return found[0]


def _check_element(label: str, value: str) -> None:
    if not _LABEL.fullmatch(label):
        raise ValueError(f"invalid bag-info label {label!r}")
    if "\n" in value or "\r" in value or value != value.strip(" \t"):
        raise ValueError(f"invalid value for bag-info label {label!r}")


def format_tag_elements(elements: Iterable[tuple[str, str]]) -> bytes:
    lines = []
    for label, value in elements:
        _check_element(label, value)
        lines.append(f"{label}: {value}\n")
    return "".join(lines).encode("utf-8")


def parse_tag_elements(data: bytes, name: str = "bag-info.txt") -> TagElements:
    elements = []
    for line in _lines(data, name):
        if line[0] in " \t":
            raise _bad(name, "it contains a folded (continued) line")
        label, colon, value = line.partition(": ")
        if not colon or not _LABEL.fullmatch(label):
            raise _bad(name, "a line is not of the form 'Label: value'")
        if value != value.strip(" \t"):
            raise _bad(name, f"the value of {label} has surrounding white space")
        elements.append((label, value))
    return TagElements(tuple(elements))


def payload_oxum(sizes: Iterable[int]) -> str:
    """The Payload-Oxum value: total octets, a dot, the number of payload files."""
    total = count = 0
    for size in sizes:
        total += size
        count += 1
    return f"{total}.{count}"


def parse_payload_oxum(value: str) -> tuple[int, int]:
    match = _OXUM.fullmatch(value)
    if not match:
        raise _bad("bag-info.txt", "Payload-Oxum is not of the form OCTETS.FILES")
    return int(match.group(1)), int(match.group(2))


# --- manifests -----------------------------------------------------------------


def encode_path(path: str) -> str:
    """A path as a manifest writes it (RFC 8493 §2.1.3: %, LF and CR percent-encoded)."""
    return path.replace("%", "%25").replace("\n", "%0A").replace("\r", "%0D")


def decode_path(text: str) -> str:
    def replace(match: re.Match[str]) -> str:
        return {"%25": "%", "%0A": "\n", "%0D": "\r"}[match.group(0).upper()]

    return re.sub(r"%(?:25|0[aAdD])", replace, text)


def check_manifest_path(path: str, *, payload: bool) -> None:
    """Raises ValueError unless ``path`` is allowed in a payload or tag manifest."""
    if not path or path.startswith("/") or "\\" in path or "\0" in path:
        raise ValueError("absolute, empty or containing a backslash or NUL")
    if any(part in ("", ".", "..") for part in path.split("/")):
        raise ValueError("contains an empty, '.' or '..' part")
    if payload and not path.startswith("data/"):
        raise ValueError("a payload manifest lists only files under data/")
    if not payload and (path == "data" or path.startswith("data/")):
        raise ValueError("a tag manifest lists only files outside data/")
    if not payload and re.fullmatch(r"tagmanifest-[^/]+\.txt", path):
        raise ValueError("a tag manifest never lists a tag manifest")


def format_manifest(entries: Iterable[tuple[str, str]], *, payload: bool) -> bytes:
    """Lines ``<sha256>  <path>``: the same shape ``sha256sum -c`` reads."""
    lines = []
    seen: set[str] = set()
    for path, digest in entries:
        check_manifest_path(path, payload=payload)
        if not is_sha256_hex(digest):
            raise ValueError(f"not a lowercase SHA-256 hex digest: {digest!r}")
        if path in seen:
            raise ValueError(f"{path!r} listed twice")
        seen.add(path)
        lines.append(f"{digest}  {encode_path(path)}\n")
    return "".join(lines).encode("utf-8")


def parse_manifest(data: bytes, name: str, *, payload: bool) -> dict[str, str]:
    """Path → SHA-256 hex, in the manifest's order."""
    entries: dict[str, str] = {}
    for line in _lines(data, name):
        match = _MANIFEST_LINE.fullmatch(line)
        if not match:
            raise _bad(name, "a line is not '<sha256 in lowercase hex> <path>'")
        path = decode_path(match.group(2))
        try:
            check_manifest_path(path, payload=payload)
        except ValueError as error:
            raise _bad(name, f"the path {path[:80]!r} is not allowed: {error}") from None
        if path in entries:
            raise _bad(name, f"{path[:80]!r} is listed twice")
        entries[path] = match.group(1)
    return entries


def manifest_differences(
    listed: dict[str, str], found: dict[str, str]
) -> tuple[Sequence[str], Sequence[str], Sequence[str]]:
    """(missing, unexpected, altered) paths between a manifest and computed digests."""
    missing = [path for path in listed if path not in found]
    unexpected = [path for path in found if path not in listed]
    altered = [path for path in listed if path in found and found[path] != listed[path]]
    return missing, unexpected, altered
