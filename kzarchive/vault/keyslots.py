"""``vault.keys``: the keyslots that wrap the vault master key (VMK).

The file holds no secret in clear.  Each slot wraps the VMK with AES-256-GCM under
a key-encryption key derived from the passphrase (Argon2id) or from the recovery
code (HKDF: the code is 125 random bits, so a slow KDF adds nothing).  A slot's AAD
binds it to this vault and to its own parameters.  A MAC under a VMK-derived key
covers the whole file, so that a change to a slot that was not used to open the
vault is still detected.  The file is written canonically and read strictly: any
other byte sequence is an alteration.

Everything read from the file is bounded before it is used: the Argon2id cost, the
salt, nonce and wrapped-key lengths, the file's own size.  An edited file gets an
``IntegrityError`` naming the field, never an out-of-memory or an unlock that hangs.

Version 2 of the file differs from version 1 only in what it promises: the vault
keeps a rollback anchor (``vault.head``), so a missing anchor is an alteration.
Both versions are read; version 2 is written.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import hmac
import json
import os
import secrets
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from kzarchive.crypto.kdf import (
    ACCEPTED_SALT_BYTES,
    Argon2Params,
    argon2id,
    hkdf,
    normalise_passphrase,
)
from kzarchive.errors import BadInput, IntegrityError, NewerFormat, WrongPassphrase
from kzarchive.util.canonical import canonical_json
from kzarchive.vault import private

FORMAT = "kzarchive-vault-keys"
VERSION = 2
READABLE_VERSIONS = (1, 2)
# The first version that promises a rollback anchor (vault.head).
ANCHORED_VERSION = 2
# A slot's AAD names the version its wrapping was made under; it stays 1 so that
# slots made by a version 1 file still unwrap after the file becomes version 2.
_SLOT_AAD_VERSION = 1
FILE_NAME = "vault.keys"
VMK_SIZE = 32
# A real file is about 1 KiB; anything far larger is not one, and is not read whole.
MAX_FILE_BYTES = 64 * 1024
_MAX_SLOTS = 8
_NONCE_BYTES = 12
_WRAPPED_BYTES = VMK_SIZE + 16  # the key and the GCM tag
_RECOVERY_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford base32
_RECOVERY_LENGTH = 25


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: Any, what: str) -> bytes:
    if not isinstance(text, str):
        raise IntegrityError(what=f"vault.keys: {what} is not text")
    try:
        data = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise IntegrityError(what=f"vault.keys: {what} is not valid base64") from None
    if _b64(data) != text:
        raise IntegrityError(what=f"vault.keys: {what} is not canonical base64")
    return data


def new_recovery_code() -> str:
    raw = "".join(secrets.choice(_RECOVERY_ALPHABET) for _ in range(_RECOVERY_LENGTH))
    return "-".join(raw[i : i + 5] for i in range(0, _RECOVERY_LENGTH, 5))


def normalise_recovery_code(code: str) -> bytes:
    """Accepts the code as people write it: any case, spaces or dashes, O for 0."""
    cleaned = code.upper().replace("-", "").replace(" ", "")
    cleaned = cleaned.replace("O", "0").replace("I", "1").replace("L", "1")
    if len(cleaned) != _RECOVERY_LENGTH or any(c not in _RECOVERY_ALPHABET for c in cleaned):
        raise BadInput(
            what="a recovery code has 25 letters and digits in five groups",
            hint="Type it exactly as it was written down at creation.",
        )
    return cleaned.encode("ascii")


@dataclass
class KeyFile:
    vault_id: str
    slots: list[dict[str, Any]] = field(default_factory=list)
    mac: str = ""
    version: int = VERSION

    @property
    def anchored(self) -> bool:
        """Whether this vault promises a rollback anchor, so that its absence is an attack."""
        return self.version >= ANCHORED_VERSION

    def _body(self) -> dict[str, Any]:
        return {"format": FORMAT, "version": self.version, "vault_id": self.vault_id,
                "keyslots": self.slots}

    def to_bytes(self) -> bytes:
        return canonical_json({**self._body(), "mac": self.mac}) + b"\n"

    # -- opening -----------------------------------------------------------------

    def unlock_with_passphrase(self, passphrase: str) -> bytes:
        with _malformed_is_damage():
            return self._unlock_with_passphrase(passphrase)

    def unlock_with_recovery(self, code: str) -> bytes:
        with _malformed_is_damage():
            return self._unlock_with_recovery(code)

    def _unlock_with_passphrase(self, passphrase: str) -> bytes:
        slot = self._slot("passphrase")
        kdf = slot["kdf"]
        if kdf["alg"] != "argon2id":
            raise IntegrityError(what="vault.keys: the passphrase slot names an unknown "
                                 "key derivation")
        params = Argon2Params(kdf["memory_kib"], kdf["iterations"], kdf["lanes"])
        problem = params.problem()
        if problem is not None:
            raise IntegrityError(what=f"vault.keys: the passphrase slot's Argon2id {problem}")
        salt = _salt(kdf)
        self._wrapped(slot)  # checked before the slow derivation, not after it
        kek = argon2id(normalise_passphrase(passphrase), salt, params)
        try:
            vmk = self._unwrap(slot, kek)
        except InvalidTag:
            raise WrongPassphrase() from None
        self.check_mac(vmk)
        return vmk

    def _unlock_with_recovery(self, code: str) -> bytes:
        slot = self._slot("recovery")
        if slot["kdf"]["alg"] != "hkdf-sha256":
            raise IntegrityError(what="vault.keys: the recovery slot names an unknown "
                                 "key derivation")
        kek = hkdf(normalise_recovery_code(code), "kzarchive/v1/recovery",
                   salt=_salt(slot["kdf"]))
        try:
            vmk = self._unwrap(slot, kek)
        except InvalidTag:
            raise WrongPassphrase(
                "The recovery code is not correct for this vault.",
                hint="Check each group of five against what was written down.",
            ) from None
        self.check_mac(vmk)
        return vmk

    def check_mac(self, vmk: bytes) -> None:
        expected = self._compute_mac(vmk)
        if not hmac.compare_digest(expected, self.mac):
            raise IntegrityError(what="vault.keys was altered (its checksum does not match)")

    # -- changing ------------------------------------------------------------------

    def set_passphrase(self, vmk: bytes, passphrase: str, params: Argon2Params) -> None:
        salt = os.urandom(16)
        kdf = {"alg": "argon2id", "salt": _b64(salt), "memory_kib": params.memory_kib,
               "iterations": params.iterations, "lanes": params.lanes}
        kek = argon2id(normalise_passphrase(passphrase), salt, params)
        self._put_slot({"type": "passphrase", "kdf": kdf}, kek, vmk)

    def set_recovery_code(self, vmk: bytes, code: str) -> None:
        salt = os.urandom(16)
        kek = hkdf(normalise_recovery_code(code), "kzarchive/v1/recovery", salt=salt)
        self._put_slot({"type": "recovery", "kdf": {"alg": "hkdf-sha256", "salt": _b64(salt)}},
                       kek, vmk)

    def save(self, folder: Path, vmk: bytes, name: str = FILE_NAME) -> None:
        self.version = VERSION
        self.mac = self._compute_mac(vmk)
        atomic_write(folder / name, self.to_bytes())

    # -- internals -----------------------------------------------------------------

    def _slot(self, kind: str) -> dict[str, Any]:
        found = [slot for slot in self.slots if slot.get("type") == kind]
        if len(found) > 1:
            raise IntegrityError(what=f"vault.keys has more than one {kind} keyslot")
        if not found:
            raise IntegrityError(what=f"vault.keys has no {kind} keyslot")
        return found[0]

    def _aad(self, slot: dict[str, Any]) -> bytes:
        bare = {k: v for k, v in slot.items() if k != "wrap"}
        bare["wrap"] = {k: v for k, v in slot.get("wrap", {}).items() if k != "ciphertext"}
        return canonical_json({"format": FORMAT, "version": _SLOT_AAD_VERSION,
                               "vault_id": self.vault_id, "slot": bare})

    def _wrapped(self, slot: dict[str, Any]) -> tuple[bytes, bytes]:
        """The slot's nonce and wrapped key, each of the one length they can have."""
        wrap = slot["wrap"]
        if wrap["alg"] != "aes-256-gcm":
            raise IntegrityError(what="vault.keys names an unknown key wrapping")
        nonce = _unb64(wrap["nonce"], "nonce")
        wrapped = _unb64(wrap["ciphertext"], "wrapped key")
        if len(nonce) != _NONCE_BYTES:
            raise IntegrityError(what=f"vault.keys: a nonce has {len(nonce)} bytes, "
                                 f"not {_NONCE_BYTES}")
        if len(wrapped) != _WRAPPED_BYTES:
            raise IntegrityError(what=f"vault.keys: a wrapped key has {len(wrapped)} bytes, "
                                 f"not {_WRAPPED_BYTES}")
        return nonce, wrapped

    def _put_slot(self, slot: dict[str, Any], kek: bytes, vmk: bytes) -> None:
        nonce = os.urandom(12)
        slot["wrap"] = {"alg": "aes-256-gcm", "nonce": _b64(nonce)}
        slot["wrap"]["ciphertext"] = _b64(AESGCM(kek).encrypt(nonce, vmk, self._aad(slot)))
        self.slots = [s for s in self.slots if s.get("type") != slot["type"]] + [slot]
        self.slots.sort(key=lambda s: str(s.get("type")))

    def _unwrap(self, slot: dict[str, Any], kek: bytes) -> bytes:
        nonce, wrapped = self._wrapped(slot)
        vmk = AESGCM(kek).decrypt(nonce, wrapped, self._aad(slot))
        if len(vmk) != VMK_SIZE:
            raise IntegrityError(what="vault.keys holds a key of the wrong size")
        return vmk

    def _compute_mac(self, vmk: bytes) -> str:
        key = hkdf(vmk, "kzarchive/v1/keyfile-mac")
        return hmac.new(key, canonical_json(self._body()), "sha256").hexdigest()


def _salt(kdf: dict[str, Any]) -> bytes:
    salt = _unb64(kdf["salt"], "salt")
    low, high = ACCEPTED_SALT_BYTES
    if not low <= len(salt) <= high:
        raise IntegrityError(what=f"vault.keys: a salt has {len(salt)} bytes, outside the "
                             f"accepted range {low}..{high}")
    return salt


@contextlib.contextmanager
def _malformed_is_damage() -> Iterator[None]:
    try:
        yield
    except (KeyError, TypeError, ValueError, AttributeError):
        raise IntegrityError(what="vault.keys is damaged (a keyslot is malformed)") from None


def load(folder: Path, name: str = FILE_NAME) -> KeyFile:
    path = folder / name
    with open(path, "rb") as handle:
        raw = handle.read(MAX_FILE_BYTES + 1)
    if len(raw) > MAX_FILE_BYTES:
        raise IntegrityError(what=f"vault.keys is damaged (larger than {MAX_FILE_BYTES} bytes)")
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise IntegrityError(what="vault.keys is damaged (not readable JSON)") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise IntegrityError(what="vault.keys is damaged (unknown format)")
    version = data.get("version")
    if isinstance(version, int) and version > VERSION:
        raise NewerFormat(what="vault", found=version, known=VERSION)
    if type(version) is not int or version not in READABLE_VERSIONS:
        raise IntegrityError(what="vault.keys is damaged (bad version)")
    try:
        if canonical_json(data) + b"\n" != raw:
            raise IntegrityError(what="vault.keys was altered (not in its canonical form)")
        keyfile = KeyFile(vault_id=data["vault_id"], slots=data["keyslots"], mac=data["mac"],
                          version=version)
    except (KeyError, TypeError):
        raise IntegrityError(what="vault.keys is damaged (missing fields)") from None
    if set(data) != {"format", "version", "vault_id", "keyslots", "mac"}:
        raise IntegrityError(what="vault.keys is damaged (unknown fields)")
    if (not isinstance(keyfile.slots, list) or len(keyfile.slots) > _MAX_SLOTS
            or not all(isinstance(s, dict) for s in keyfile.slots)):
        raise IntegrityError(what="vault.keys is damaged (bad keyslots)")
    if not isinstance(keyfile.vault_id, str) or not isinstance(keyfile.mac, str):
        raise IntegrityError(what="vault.keys is damaged (bad fields)")
    return keyfile


def atomic_write(path: Path, data: bytes) -> None:
    """Write, fsync, rename, fsync the folder: the old or the new file, never half."""
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    try:
        with private.create_file(tmp) as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    fsync_dir(path.parent)


def fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
