"""Makes tests/golden/blob-v2: vault blobs of format 2 (padded), checked in.

Run once, when blob format 2 is released, from the repository root:

    .venv/bin/python tests/golden/make_blob_v2.py

and never again: the files it wrote pin the format (tests/vault/test_blob_format.py).
The plaintext is built here from the description in docs/formats.md ("Vault blobs"),
not with kzarchive's writer, so the test proves that the two agree:

    content || zero bytes || "KZBLOBv2" || len(content) as 8 bytes big-endian,
    padded to padme(len(content) + 16) bytes in all,

then encrypted as an age v1 STREAM payload (pinned by tests/crypto/golden) under a
fixed file key and nonce.
"""

from __future__ import annotations

import hashlib
import io
import json
from pathlib import Path

from kzarchive.crypto.stream import PayloadWriter

TARGET = Path(__file__).resolve().parent / "blob-v2"
FILE_KEY = bytes(range(0x10, 0x20))
NONCE = bytes(range(0xA0, 0xB0))
TEXT = "Показания свидетеля W-1: задержан 5 января у здания акимата.\n".encode()
CHUNKS_SIZE = 150_000


def counter_bytes(size: int) -> bytes:
    """Known bytes that anyone can regenerate: SHA-256 in counter mode."""
    blocks = (hashlib.sha256(f"kzarchive golden blob v2 {n}".encode()).digest()
              for n in range(size // 32 + 1))
    return b"".join(blocks)[:size]


# No bytes; a short text (one chunk); three chunks, the last one partial.
CONTENTS = {"empty": b"", "text": TEXT, "chunks": counter_bytes(CHUNKS_SIZE)}


def padme(length: int) -> int:
    """Padmé as its paper states it: E = floor(log2 L), S = floor(log2 E) + 1, and the
    last E - S bits of L rounded up."""
    if length < 2:
        return length
    e = length.bit_length() - 1
    s = e.bit_length()
    mask = (1 << (e - s)) - 1
    return (length + mask) & ~mask


def plaintext(content: bytes) -> bytes:
    total = padme(len(content) + 16)
    trailer = b"KZBLOBv2" + len(content).to_bytes(8, "big")
    return content + bytes(total - len(content) - 16) + trailer


def main() -> None:
    TARGET.mkdir(exist_ok=True)
    blobs: dict[str, dict[str, object]] = {}
    for name, content in CONTENTS.items():
        sink = io.BytesIO()
        writer = PayloadWriter(FILE_KEY, sink, nonce=NONCE)
        padded = plaintext(content)
        writer.write(padded)
        writer.finish()
        (TARGET / f"{name}.blob").write_bytes(sink.getvalue())
        blobs[name] = {
            "size": len(content), "sha256": hashlib.sha256(content).hexdigest(),
            "padded_size": len(padded), "file_size": len(sink.getvalue()),
            "file_sha256": hashlib.sha256(sink.getvalue()).hexdigest()}
    expected = {"file_key": FILE_KEY.hex(), "nonce": NONCE.hex(), "blobs": blobs}
    (TARGET / "expected.json").write_text(json.dumps(expected, indent=2) + "\n",
                                          encoding="utf-8")


if __name__ == "__main__":
    main()
