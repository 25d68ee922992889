"""Writing a bundle: sign the bag, then encrypt it, in one streaming pass.

Everything small (tag files, bundle.json, custody files) is built in memory
first, so that the tag manifest can be signed before the first byte is
written; the tar stream then carries the tag files and the signature ahead of
the evidence files, and a reader checks the signature before it streams any
evidence.  Evidence files are read once, from the vault, straight into the
encryptor: their SHA-256 is known in advance (the vault recorded it at intake)
and is checked again on the way through, so a file that changed in the vault
aborts the export instead of being sent with a hash that does not match.
Nothing is written in clear, and memory does not grow with the files' sizes.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

import kzarchive
from kzarchive.bundle import bagit, bundlejson, custody, layout, stamps
from kzarchive.bundle.bundlejson import FileRecord
from kzarchive.bundle.jsontext import MAX_DEPTH, MAX_VALUES, JsonBudget, JsonTooLarge
from kzarchive.bundle.tarstream import TarWriter
from kzarchive.crypto import minisign
from kzarchive.crypto.age import AgeWriter, X25519Identity, X25519Recipient
from kzarchive.crypto.identity import Identity, normalize_fingerprint
from kzarchive.errors import BadInput, IntegrityError, from_os_error
from kzarchive.util.canonical import utc_timestamp
from kzarchive.util.pipeline import BackgroundSink
from kzarchive.util.progress import CancelToken, Progress

RECIPIENT_BLOCK = 4


@dataclass(frozen=True)
class PayloadFile:
    """One evidence file: its recorded size and SHA-256, and a way to read it.

    ``open_chunks`` is called once, while the bundle is written, and must
    return the content as an iterable of byte pieces (from the encrypted vault).

    ``authenticated`` says the pieces come from authenticated storage whose
    SHA-256 was computed in the same pass that stored them (the vault's blobs:
    every chunk carries a Poly1305 tag, so a changed byte cannot come out);
    hashing them again would only repeat that proof, at the cost of the slowest
    step of an export.  Other payloads (sanitized copies) are rehashed.
    """

    item_id: str
    extension: str
    size: int
    sha256: str
    open_chunks: Callable[[], Iterable[bytes]] = field(repr=False)
    authenticated: bool = False

    @property
    def record(self) -> FileRecord:
        return FileRecord(self.item_id, self.extension, self.size, self.sha256)


@dataclass(frozen=True)
class CustodyExport:
    """The custody data of the exported incidents.

    ``entries`` are the log entries as dicts with their ``leaf_hash``, in
    ``seq`` order; ``checkpoint_text`` and ``checkpoint_signature`` are a
    checkpoint signed by the sender's vault; ``proofs`` maps each entry's leaf
    index (``seq - 1``) to its audit path in that checkpoint's tree, as
    ``kzarchive.crypto.merkle.inclusion_proofs`` returns it.
    """

    entries: Sequence[Mapping[str, Any]]
    checkpoint_text: str
    checkpoint_signature: str
    proofs: Mapping[int, Sequence[bytes]]


@dataclass(frozen=True)
class BundleSpec:
    """All a bundle holds.  ``recipients`` are the partners' age keys; the
    sender's own key is always added.  ``recipient_fingerprints`` names the
    partners who are contacts, for bag-info.txt.  ``bundle_json`` is the
    exporter's content of data/bundle.json (incidents, items, people...)."""

    bundle_id: str
    sender: Identity
    recipients: Sequence[X25519Recipient]
    recipient_fingerprints: Sequence[str]
    bundle_json: Mapping[str, Any]
    custody: CustodyExport
    files: Sequence[PayloadFile]
    created: str | None = None
    # Time-stamped checkpoints covering the exported entries (kzarchive/bundle/stamps.py).
    stamps: Sequence[stamps.StampExport] = ()


@dataclass(frozen=True)
class WrittenBundle:
    """What the custody log records about an export."""

    bundle_id: str
    created: str
    tag_manifest_sha256: str
    payload_octets: int
    payload_files: int


@dataclass(frozen=True)
class _Prepared:
    leading: dict[str, bytes]
    created: str
    tag_manifest_sha256: str
    payload_octets: int
    payload_files: int


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _check_spec(spec: BundleSpec, created: str) -> None:
    if not layout.is_id(spec.bundle_id):
        raise BadInput(what="the bundle id must be 1 to 64 ASCII letters, digits, '-' or '_'")
    if not layout.is_timestamp(created):
        raise BadInput(what="the bundle time must be written YYYY-MM-DDTHH:MM:SSZ")
    seen: set[str] = set()
    for payload in spec.files:
        if not layout.is_id(payload.item_id) or not layout.is_extension(payload.extension):
            raise BadInput(what=f"item id or extension not usable in a bundle: {payload.item_id!r}")
        if payload.size < 0 or not bagit.is_sha256_hex(payload.sha256):
            raise BadInput(what=f"item {payload.item_id} has an invalid size or SHA-256")
        if payload.item_id.lower() in seen:
            raise BadInput(what=f"item {payload.item_id} is listed twice")
        seen.add(payload.item_id.lower())
    for fingerprint in spec.recipient_fingerprints:
        if normalize_fingerprint(fingerprint) != fingerprint:
            raise BadInput(what="a recipient fingerprint is not written as 12 groups of 5 digits")


def _custody_files(spec: BundleSpec) -> dict[str, bytes]:
    """The custody files, after the same checks a reader makes (a vault bug stops here)."""
    data = spec.custody
    entries = [dict(entry) for entry in data.entries]
    checkpoint_bytes = data.checkpoint_text.encode("utf-8")
    custody.check_entries(entries)
    custody.check_chains(entries)
    checkpoint = custody.parse_checkpoint(checkpoint_bytes)
    own_key = spec.sender.public.minisign_public_key()
    own_key.verify(data.checkpoint_signature, checkpoint_bytes)
    try:
        proofs = custody.encode_proofs(entries, data.proofs, checkpoint.size,
                                       stamps.encode_consistency(spec.stamps))
    except ValueError as error:
        raise IntegrityError(what=f"custody log: {error}") from None
    tree_size, parsed, consistency = custody.parse_proofs_document(proofs)
    custody.check_proofs(entries, tree_size, parsed, checkpoint)
    stamp_files = stamps.files_of(spec.stamps)
    if stamp_files:
        stamps.check_stamps(stamp_files, stamps.parse_consistency(consistency), own_key,
                            checkpoint)
    return {
        layout.ENTRIES: custody.encode_entries(entries),
        layout.CHECKPOINT: checkpoint_bytes,
        layout.CHECKPOINT_SIGNATURE: data.checkpoint_signature.encode("utf-8"),
        layout.PROOFS: proofs,
        **stamp_files,
    }


def _limit(path: str) -> int:
    parsed = stamps.parse_path(path)
    if parsed is not None:
        return stamps.LIMITS[parsed[1]]
    return layout.LEADING_FILE_LIMITS.get(path, layout.MAX_SMALL_FILE)


def _prepare(spec: BundleSpec) -> _Prepared:
    created = spec.created or utc_timestamp()
    _check_spec(spec, created)
    sender = spec.sender.fingerprint
    records = [payload.record for payload in spec.files]
    version = layout.FORMAT_VERSION_STAMPS if spec.stamps else layout.FORMAT_VERSION_PLAIN
    try:
        description = bundlejson.build(spec.bundle_json, spec.bundle_id, created, sender,
                                       records, version)
    except (TypeError, ValueError) as error:
        raise BadInput(what=f"the bundle description cannot be written: {error}") from None
    try:
        data_files = {layout.BUNDLE_JSON: description, **_custody_files(spec)}
    except JsonTooLarge:
        raise _too_large(_JSON_LIMITS) from None
    described = [*layout.DESCRIPTION_FILES, *(p for p in data_files if stamps.parse_path(p))]
    manifest = bagit.format_manifest(
        [(path, _sha256(data_files[path])) for path in described]
        + [(record.path, record.sha256) for record in records],
        payload=True,
    )
    sizes = [len(data_files[path]) for path in described]
    sizes += [record.size for record in records]
    bag_info = bagit.format_tag_elements(
        [
            (layout.LABEL_AGENT, f"kzarchive {kzarchive.__version__}"),
            (layout.LABEL_DATE, created[:10]),
            (layout.LABEL_IDENTIFIER, spec.bundle_id),
            (layout.LABEL_OXUM, bagit.payload_oxum(sizes)),
            (layout.LABEL_FORMAT, str(version)),
            (layout.LABEL_CREATED, created),
            (layout.LABEL_SENDER, sender),
            (layout.LABEL_SENDER_AGE, spec.sender.public.age_recipient),
        ]
        + [(layout.LABEL_RECIPIENTS, fingerprint) for fingerprint in spec.recipient_fingerprints]
    )
    sender_pub = spec.sender.public.minisign_public_key().to_file_text(
        f"kzarchive sender {sender}"
    )
    tag_files = {
        layout.BAGIT_TXT: bagit.BAGIT_TXT,
        layout.BAG_INFO_TXT: bag_info,
        layout.MANIFEST: manifest,
        layout.SENDER_PUB: sender_pub.encode("ascii"),
    }
    tag_manifest = bagit.format_manifest(
        [(path, _sha256(tag_files[path])) for path in layout.TAG_MANIFEST_FILES], payload=False
    )
    comment = layout.trusted_comment(spec.bundle_id, created, sender)
    signature = minisign.sign(spec.sender.signing_key, tag_manifest, comment)
    leading = {
        **tag_files,
        layout.TAG_MANIFEST: tag_manifest,
        layout.SIGNATURE: signature.encode("utf-8"),
        **data_files,
    }
    _check_reader_limits(leading)
    return _Prepared(leading, created, _sha256(tag_manifest), sum(sizes), len(sizes))


_JSON_LIMITS = (
    f"more than {MAX_VALUES:,} JSON values in its description and custody files, "
    f"or JSON nested deeper than {MAX_DEPTH} levels"
)


def _too_large(detail: str) -> BadInput:
    return BadInput(
        what=f"the bundle would be larger than a reader accepts ({detail})",
        hint="Export fewer incidents or items at a time, in several bundles.",
    )


def _check_reader_limits(leading: dict[str, bytes]) -> None:
    """A bundle that every reader would refuse (docs/bundle-format.md, "Limits") is not made."""
    for path, data in leading.items():
        if len(data) > _limit(path):
            raise _too_large(f"{path} would be {len(data)} bytes")
    if sum(len(data) for data in leading.values()) > layout.MAX_LEADING_TOTAL:
        raise _too_large("its description and custody files together")
    budget = JsonBudget()
    try:
        budget.charge(leading[layout.BUNDLE_JSON], "bundle.json")
        for line in leading[layout.ENTRIES].splitlines():
            budget.charge(line, "entries.jsonl")
        budget.charge(leading[layout.PROOFS], "proofs.json")
    except JsonTooLarge:
        raise _too_large(_JSON_LIMITS) from None


def _recipients(spec: BundleSpec) -> list[X25519Recipient]:
    """The sender, each partner once, then decoys up to a multiple of RECIPIENT_BLOCK.

    A decoy is a fresh key whose secret is thrown away: its stanza looks like any
    other, so the header no longer tells how many people can open the bundle.
    """
    own = spec.sender.age_identity.recipient()
    others = [recipient for recipient in spec.recipients if recipient != own]
    recipients = [own, *dict.fromkeys(others)]
    while len(recipients) % RECIPIENT_BLOCK:
        recipients.append(X25519Identity.generate().recipient())
    return recipients


def _checked_chunks(
    payload: PayloadFile, counter: list[int], total: int, progress: Progress | None,
    cancel: CancelToken | None,
) -> Iterator[bytes]:
    hasher = None if payload.authenticated else hashlib.sha256()
    for chunk in payload.open_chunks():
        if cancel is not None:
            cancel.check()
        if hasher is not None:
            hasher.update(chunk)
        counter[0] += len(chunk)
        if progress is not None:
            progress(counter[0], total)
        yield chunk
    if hasher is not None and hasher.hexdigest() != payload.sha256:
        raise IntegrityError(
            what=f"the stored content of item {payload.item_id} no longer matches the hash "
            "recorded when it was added; the export was stopped"
        )


def write_bundle(
    spec: BundleSpec,
    sink: BinaryIO,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
) -> WrittenBundle:
    """Writes the bundle as an age file into ``sink``.

    On any exception the sink holds an incomplete file that no reader accepts
    (the age stream lacks its final chunk); the caller discards it.
    """
    prepared = _prepare(spec)
    total = sum(payload.size for payload in spec.files)
    counter = [0]
    encryptor = AgeWriter(_recipients(spec), sink)
    tar = TarWriter(encryptor)
    root = spec.bundle_id
    tar.add_directory(root)
    stamp_files = [path for path in prepared.leading if stamps.parse_path(path)]
    for path, is_dir in layout.LEADING_ENTRIES:
        if path == layout.FILES and stamp_files:
            # Only a bundle with stamps has this folder: one without is as before.
            tar.add_directory(f"{root}/{stamps.FOLDER}")
            for stamp_path in stamp_files:
                data = prepared.leading[stamp_path]
                tar.add_file(f"{root}/{stamp_path}", len(data), [data])
        if is_dir:
            tar.add_directory(f"{root}/{path}")
        else:
            data = prepared.leading[path]
            tar.add_file(f"{root}/{path}", len(data), [data])
    for payload in spec.files:
        if cancel is not None:
            cancel.check()
        chunks = _checked_chunks(payload, counter, total, progress, cancel)
        tar.add_file(f"{root}/{payload.record.path}", payload.size, chunks)
    tar.close()
    encryptor.finish()
    return WrittenBundle(
        spec.bundle_id,
        prepared.created,
        prepared.tag_manifest_sha256,
        prepared.payload_octets,
        prepared.payload_files,
    )


def _fsync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def write_bundle_file(
    spec: BundleSpec,
    path: str | os.PathLike[str],
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
    *,
    overwrite: bool = False,
) -> WrittenBundle:
    """Writes the bundle to ``path``, which appears only once it is complete.

    The bytes go to a hidden temporary file in the same folder (they are
    ciphertext), which is synced and renamed at the end; after a failure or a
    cancel it is removed and ``path`` is untouched.
    """
    target = Path(path)
    folder = target.parent
    if not folder.is_dir():
        raise BadInput(what=f"the folder {folder} does not exist")
    if target.exists() and not overwrite:
        raise BadInput(what=f"{target.name} already exists; choose another name")
    descriptor, temporary = tempfile.mkstemp(prefix=".kzb-", suffix=".partial", dir=folder)
    try:
        with os.fdopen(descriptor, "wb") as out:
            sink = BackgroundSink(out)  # the writes overlap the encryption
            try:
                written = write_bundle(spec, sink, progress, cancel)  # type: ignore[arg-type]
            finally:
                sink.close()
            out.flush()
            os.fsync(out.fileno())
        if target.exists() and not overwrite:
            raise BadInput(what=f"{target.name} appeared meanwhile; choose another name")
        os.replace(temporary, target)
        _fsync_folder(folder)
    except BaseException as error:
        with suppress(OSError):
            os.unlink(temporary)
        if isinstance(error, OSError):
            raise from_os_error(error, "the bundle does not fit on the target disk", BadInput(
                what=f"the bundle cannot be written there ({error.strerror})")) from None
        raise
    return written
