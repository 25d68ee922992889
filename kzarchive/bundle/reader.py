"""Reading a bundle: decrypt, check everything while it streams, hand out plain data.

The order of the tar stream makes one pass enough, and the order of the checks
is that nothing is parsed before it is authenticated (docs/bundle-format.md,
"What the reader checks, in order"):

1. The tag files and the signature come first, each refused unread above its
   size limit.  Only the small ones are parsed on arrival (bagit.txt,
   bag-info.txt, the tag manifest: a few lines each).
2. The signature over the tag manifest is checked against the verified
   contacts' keys (``sender.pub`` inside the bundle is only used to say who
   signed when the signer is not one of them), in the prehashed "ED" form only;
   every label naming the sender must name the signing key.  Then the tag
   manifest against bag-info.txt, the payload manifest and sender.pub.  When
   either fails, reading stops.
3. The payload manifest is parsed, and the recipients compared with this vault
   (a bundle for others is "forwarded").  When the signer is not a verified
   contact and the caller did not accept an unverified signer, reading stops
   here with ``UntrustedBundleSigner``: the JSON files are never parsed.  A
   forwarded bundle the caller did not accept stops here too.
4. bundle.json and each custody file must match its hash in the signed
   manifest before it is parsed, within the value budget of ``jsontext``;
   then the custody chains, checkpoint and inclusion proofs are checked
   against each other.
5. Only then do the evidence files stream by, each hashed on the way and
   compared with the manifest.

Evidence is handed to ``on_payload`` only when everything before it held and
the signer is trusted (or the caller accepted an unverified signer).  Even
then it is provisional until ``read_bundle`` returns: the iterator raises
``PayloadMismatch`` at its end when the bytes did not match, and a caller that
stores evidence must discard all of it when ``read_bundle`` raises.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, BinaryIO, NoReturn

from kzarchive.bundle import bagit, bundlejson, custody, layout, stamps
from kzarchive.bundle.bundlejson import BundleDescription, FileRecord
from kzarchive.bundle.fields import is_fingerprint
from kzarchive.bundle.jsontext import JsonBudget
from kzarchive.bundle.model import (
    VerifiedBundle,
    build_model,
    content_summary,
    upstream_summary,
)
from kzarchive.bundle.report import (
    BundleError,
    BundleReport,
    Check,
    FileResult,
    ForwardedBundleNotAccepted,
    SignerInfo,
    Status,
    UntrustedBundleSigner,
)
from kzarchive.bundle.tarstream import StrictTarReader, TarEntry
from kzarchive.crypto import minisign, tsp
from kzarchive.crypto.age import X25519Identity, X25519Recipient, open_decrypting_reader
from kzarchive.crypto.identity import PublicIdentity
from kzarchive.errors import BadInput, IntegrityError, NewerFormat
from kzarchive.service.report import ERROR, PROBLEMS
from kzarchive.util.progress import CancelToken, Progress

if TYPE_CHECKING:
    from cryptography import x509

OnPayload = Callable[[FileRecord, Iterator[bytes]], None]
OnLeadingFile = Callable[[str, bytes], None]


class PayloadMismatch(IntegrityError):
    message_template = "The file {path} of the bundle does not match its recorded hash."


class _Stop(Exception):
    """Reading cannot go on; the report says why."""


class _ConsumerError(Exception):
    """An exception of ``on_payload`` itself, passed on to the caller unchanged."""

    def __init__(self, error: BaseException):
        super().__init__()
        self.error = error


class VerifyingChunks:
    """The content of one evidence file; raises ``PayloadMismatch`` at the end if altered."""

    def __init__(self, entry: TarEntry, record: FileRecord, on_bytes: Callable[[int], None]):
        self._chunks = entry.chunks()
        self._record = record
        self._hasher = hashlib.sha256()
        self._on_bytes = on_bytes
        self.error: PayloadMismatch | None = None
        self.source_error: BaseException | None = None
        self.finished = False

    def __iter__(self) -> Iterator[bytes]:
        return self

    def __next__(self) -> bytes:
        if self.finished:
            raise StopIteration
        try:
            chunk = next(self._chunks)
            self._hasher.update(chunk)
            self._on_bytes(len(chunk))
        except StopIteration:
            self.finished = True
            if self._hasher.hexdigest() != self._record.sha256:
                self.error = PayloadMismatch(path=self._record.path)
                raise self.error from None
            raise
        except BaseException as error:
            # Damage or a cancel met while the caller iterates: the caller must let
            # it through, and reading reports it as its own.
            self.source_error = error
            raise
        return chunk

    def drain(self) -> None:
        try:
            for _ in self:
                pass
        except PayloadMismatch as error:
            if error is not self.error:
                raise


class BundleReading:
    def __init__(
        self,
        identities: Sequence[X25519Identity],
        trusted_signers: Sequence[PublicIdentity],
        on_payload: OnPayload | None,
        progress: Progress | None,
        cancel: CancelToken | None,
        accept_untrusted_signer: bool,
        on_leading_file: OnLeadingFile | None = None,
        *,
        own_fingerprint: str | None = None,
        accept_forwarded: bool = False,
        build_model: bool = False,
        tsa_roots: Sequence[x509.Certificate] = (),
    ):
        """``own_fingerprint``: the reading vault's, to tell a forwarded bundle (None: no check).
        ``tsa_roots``: CA certificates of time-stamping authorities the reader trusts."""
        self.identities = identities
        self.trusted = trusted_signers
        self.on_payload = on_payload
        self.progress = progress
        self.cancel = cancel
        self.accept_untrusted = accept_untrusted_signer
        self.on_leading_file = on_leading_file
        self.own_fingerprint = own_fingerprint
        self.accept_forwarded = accept_forwarded
        self.budget = JsonBudget()
        self.leading_bytes = 0
        self.build_model = build_model
        # The verified content (kzarchive/bundle/model.py), when asked for and all held.
        self.model: VerifiedBundle | None = None
        self.report = BundleReport()
        self.files: dict[str, bytes] = {}
        self.bag_info = bagit.TagElements(())
        self.manifest: dict[str, str] = {}
        self.tag_manifest: dict[str, str] = {}
        self.description: BundleDescription | None = None
        self.done = 0
        self.total = 0
        self.tsa_roots = tuple(tsa_roots)
        # The stamp files, in stream order, and proofs.json's consistency proofs.
        self.stamp_paths: list[str] = []
        self.consistency: object = None

    # --- the whole run ------------------------------------------------------------

    def run(self, source: BinaryIO) -> BundleReport:
        report = self.report
        try:
            try:
                plaintext = open_decrypting_reader(self.identities, source)
            except IntegrityError as error:
                self._stop("decryption and archive", _what(error))
            tar = StrictTarReader(plaintext)
            entries = iter(tar)
            description = self._read_leading(entries, tar)
            self._verify_content(description)
            sizes = self._read_payloads(entries, description)
        except _Stop:
            raise BundleError(report, report.stopped or "reading stopped") from None
        except _ConsumerError as wrapper:
            raise wrapper.error from None
        except IntegrityError as error:
            report.stopped, report.stopped_kind = _what(error), ERROR
            report.add("decryption and archive", False, report.stopped, ERROR)
            raise BundleError(report, report.stopped) from None
        report.add(
            "decryption and archive",
            True,
            "every encrypted piece authenticated and the archive is complete and well-formed",
            "archive.complete",
        )
        self._check_completeness(description, sizes)
        return self._conclude()

    def _conclude(self) -> BundleReport:
        report = self.report
        if report.failures:
            first = report.failures[0]
            where = first.name if isinstance(first, Check) else first.path
            raise BundleError(report, f"{where}: {first.detail}")
        # An unverified signer not accepted, or a forwarded bundle, stopped in _authenticate.
        return report

    def _stop(self, name: str, detail: str, kind: str = ERROR, **params: Any) -> NoReturn:
        self.report.add(name, False, detail, kind, **params)
        self.report.stopped = detail
        self.report.stopped_kind, self.report.stopped_params = kind, params
        raise _Stop

    def _halt(self, detail: str, kind: str) -> NoReturn:
        """Stops after a failure already in the report."""
        self.report.stopped, self.report.stopped_kind = detail, kind
        raise _Stop

    # --- tag files, description and custody -------------------------------------------

    def _read_leading(self, entries: Iterator[TarEntry], tar: StrictTarReader) -> BundleDescription:
        expected = [("", True), *layout.LEADING_ENTRIES]
        for path, is_dir in expected:
            entry = next(entries, None)
            if entry is None:
                self._stop("archive", f"the bundle ends before {path or 'its folder'}",
                           "archive.ends", path=path)
            if (path == layout.FILES and entry.path == stamps.FOLDER and entry.is_dir
                    and self._format_version() >= layout.FORMAT_VERSION_STAMPS):
                entry = self._read_stamps(entries)
            if entry.path != path or entry.is_dir != is_dir:
                wanted = path or "the bundle folder"
                self._stop("archive", f"expected {wanted}, found {entry.path!r}",
                           "archive.unexpected", path=path, found=entry.path)
            if not path:
                if not layout.is_id(tar.root):
                    self._stop("archive", "the bundle's folder name is not a bundle id",
                               "archive.root")
                self.report.bundle_id = tar.root
            if is_dir:
                continue
            self._read_file(entry, path, layout.LEADING_FILE_LIMITS.get(path,
                                                                        layout.MAX_SMALL_FILE))
        if self.description is None:  # pragma: no cover - bundle.json is always read above
            self._stop("bundle.json", "missing")
        self._check_manifest(self.description)
        return self.description

    def _read_file(self, entry: TarEntry, path: str, limit: int) -> None:
        if entry.size > limit:
            self._stop(path, f"it is {entry.size} bytes, more than the {limit} a bundle "
                       "may hold; it was not read", "file.too_big", size=entry.size,
                       limit=limit)
        self.leading_bytes += entry.size
        if self.leading_bytes > layout.MAX_LEADING_TOTAL:
            self._stop(path, "the bundle's tag, description and custody files together are "
                       f"more than the {layout.MAX_LEADING_TOTAL} bytes a bundle may hold; "
                       "it was not read", "leading.too_big", limit=layout.MAX_LEADING_TOTAL)
        data = entry.read_all(limit)
        self.files[path] = data
        if self.on_leading_file is not None:
            self.on_leading_file(path, data)
        self._after(path, data)

    def _read_stamps(self, entries: Iterator[TarEntry]) -> TarEntry:
        """The stamp files after proofs.json; returns the entry that follows them.

        Each stamp's three files come in the order of ``stamps.SUFFIXES``, the stamps
        by increasing tree size; anything else in the folder stops reading."""
        last_size, last_suffix = 0, len(stamps.SUFFIXES) - 1
        for entry in entries:
            parsed = stamps.parse_path(entry.path) if not entry.is_dir else None
            if parsed is None:
                if last_suffix != len(stamps.SUFFIXES) - 1 or not self.stamp_paths:
                    self._stop("archive", "the stamps folder holds an incomplete stamp",
                               "archive.unexpected", path=stamps.FOLDER, found=entry.path)
                self._check_stamps()
                return entry
            size, suffix = parsed
            index = stamps.SUFFIXES.index(suffix)
            follows = (size == last_size and index == last_suffix + 1) or (
                size > last_size and index == 0 and last_suffix == len(stamps.SUFFIXES) - 1)
            if not follows or len(self.stamp_paths) >= 3 * stamps.MAX_STAMPS:
                self._stop("archive", f"unexpected {entry.path!r} in the stamps folder",
                           "archive.unexpected", path=stamps.FOLDER, found=entry.path)
            last_size, last_suffix = size, index
            self.stamp_paths.append(entry.path)
            self._read_file(entry, entry.path, stamps.LIMITS[suffix])
        self._stop("archive", f"the bundle ends before {layout.FILES}", "archive.ends",
                   path=layout.FILES)

    def _check_stamps(self) -> None:
        report = self.report
        checkpoint, signer = report.checkpoint, report.signer
        custody_held = not any(c.name.startswith("custody") and c.status is Status.FAILED
                               for c in report.checks)
        if checkpoint is None or signer is None or not custody_held:
            report.add("trusted time", False, "the stamps were not checked: the custody "
                       "files did not hold", "stamps.not_checked")
            return
        try:
            checked = stamps.check_stamps(
                self.files, stamps.parse_consistency(self.consistency),
                minisign.PublicKey.from_string(signer.minisign_public_key), checkpoint,
                self.tsa_roots)
        except IntegrityError as error:
            report.add("trusted time", False, _what(error), ERROR)
            return
        report.stamps = checked
        report.trusted_times = stamps.trusted_times(report.custody_entries, checked)
        for stamp in checked:
            verified = stamp.status == tsp.VERIFIED
            report.add(
                "time-stamp", True,
                f"the log at {stamp.tree_size} entries existed by {stamp.gen_time} "
                f"({stamp.authority}; "
                + ("verified against an authority you trust)" if verified
                   else "not yet checked against a trusted authority)"),
                "stamp.verified" if verified else "stamp.unchecked",
                size=stamp.tree_size, time=stamp.gen_time, authority=stamp.authority)
        for found in report.trusted_times:
            verified = found.status == tsp.VERIFIED
            check = report.add(
                "trusted time",
                True,
                f"incident {found.incident_id}: {found.items_covered} of {found.items_total} "
                f"item(s) existed by {found.gen_time} ({found.authority}"
                + ("" if verified else ", not yet checked against a trusted authority") + ")",
                "trusted_time.verified" if verified else "trusted_time.unchecked",
                incident=found.incident_id, time=found.gen_time, authority=found.authority,
                covered=found.items_covered, total=found.items_total)
            if not verified:
                check.status = Status.WARNING

    def _after(self, path: str, data: bytes) -> None:
        """Checks that can be made as soon as ``path`` has been read."""
        if path in layout.DESCRIPTION_FILES or path in self.stamp_paths:
            self._require_signed_hash(path, data)
        try:
            if path == layout.BAGIT_TXT:
                bagit.parse_bagit_txt(data)
            elif path == layout.BAG_INFO_TXT:
                self._read_bag_info(data)
            elif path == layout.TAG_MANIFEST:
                self.tag_manifest = bagit.parse_manifest(data, layout.TAG_MANIFEST, payload=False)
                self.report.tag_manifest_sha256 = _sha256(data)
            elif path == layout.SENDER_PUB:
                self._authenticate()
            elif path == layout.BUNDLE_JSON:
                self._read_description(data)
            elif path == layout.PROOFS:
                self._check_custody()
        except IntegrityError as error:
            self._stop(path, _what(error))

    def _authenticate(self) -> None:
        """Signature and tag manifest; then what the signed tag files say, or a stop."""
        self._check_signature()
        self._check_tag_manifest()
        report = self.report
        failed = {c.name for c in report.checks if c.status is Status.FAILED}
        if report.signer is None or failed & {"signature", "tag manifest"}:
            self._halt("the bag's own files are not authenticated by a valid signature; "
                       "nothing else was read", "stop.unauthenticated")
        try:
            self.manifest = bagit.parse_manifest(
                self.files[layout.MANIFEST], layout.MANIFEST, payload=True
            )
        except IntegrityError as error:
            self._stop("manifest", _what(error))
        self._check_recipients()
        signer = report.signer
        if not signer.trusted and not self.accept_untrusted:
            who = signer.fingerprint or f"the minisign key {signer.key_id}"
            report.stopped = (
                "the signer is not a verified contact: bundle.json, the custody files and "
                "the evidence files were not read (they are checked once the signer is accepted)"
            )
            report.stopped_kind = "stop.untrusted"
            raise UntrustedBundleSigner(report, who)
        if report.forwarded and not self.accept_forwarded:
            report.stopped = (
                "the bundle is addressed to other recipients (forwarded): it was not read "
                "further (it is checked once the forwarded bundle is accepted)"
            )
            report.stopped_kind = "stop.forwarded"
            raise ForwardedBundleNotAccepted(report, signer.fingerprint or signer.key_id)

    def _check_recipients(self) -> None:
        recipients = self.bag_info.values(layout.LABEL_RECIPIENTS)
        self.report.recipients = list(recipients)
        if self.own_fingerprint is None:
            return
        self.report.forwarded = self.own_fingerprint not in recipients
        if not self.report.forwarded:
            self.report.add("recipients", True, "the bundle is addressed to this vault",
                            "recipients.this_vault")
            return
        check = self.report.add(
            "recipients",
            True,
            f"the bundle is not addressed to this vault: its signer made it for "
            f"{len(recipients)} other recipient(s), and it was passed on (forwarded)",
            "recipients.forwarded", count=len(recipients),
        )
        check.status = Status.WARNING

    def _require_signed_hash(self, path: str, data: bytes) -> None:
        """bundle.json and the custody files are parsed only once the signed manifest vouches."""
        listed = self.manifest.get(path)
        if listed is None:
            self._stop("manifest", f"{path} is not listed; it was not read",
                       "manifest.unlisted", path=path)
        if listed != _sha256(data):
            self._stop("manifest", f"{path} was altered (it does not match the signed "
                       "manifest); it was not read", "manifest.altered", path=path)

    def _read_bag_info(self, data: bytes) -> None:
        info = bagit.parse_tag_elements(data)
        self.report.bag_info = list(info.elements)
        version = info.single(layout.LABEL_FORMAT)
        if not re.fullmatch(r"[1-9][0-9]{0,5}", version):
            raise IntegrityError(what="bag-info.txt: KZ-Format-Version is not a version number")
        if int(version) > layout.FORMAT_VERSION:
            raise NewerFormat(what="bundle", found=int(version), known=layout.FORMAT_VERSION)
        problems = _bag_info_problems(info, self._root_id())
        self.bag_info = info
        self.report.add(
            "bag-info.txt",
            not problems,
            "; ".join(problems) or "the bag's description is complete and consistent",
            PROBLEMS if problems else "bag_info.ok",
        )
        bagit.parse_payload_oxum(info.single(layout.LABEL_OXUM))

    def _format_version(self) -> int:
        values = self.bag_info.values(layout.LABEL_FORMAT)
        return int(values[0]) if values and re.fullmatch(r"[1-9][0-9]{0,5}", values[0]) else 0

    def _root_id(self) -> str:
        return self.report.bundle_id or ""

    def _check_signature(self) -> None:
        signature = self.files[layout.SIGNATURE]
        tag_manifest = self.files[layout.TAG_MANIFEST]
        if not _is_kzarchive_signature_text(signature):
            # minisign leaves its first line unsigned and tolerates other line
            # endings; kzarchive writes one form only, so nothing can change unseen.
            self.report.add("signature", False, "the signature file is not in kzarchive's form",
                            "signature.form")
            return
        claimed = _claimed_sender(self.bag_info, self.files[layout.SENDER_PUB])
        signer: PublicIdentity | None = None
        comment: str | None = None
        for contact in self.trusted:
            try:
                comment = contact.minisign_public_key().verify(
                    signature, tag_manifest, prehashed_only=True
                )
            except minisign.WrongSigningKey:
                continue
            except minisign.SignatureError as error:
                self.report.add("signature", False, _what(error), ERROR)
                return
            signer = contact
            break
        if signer is None and claimed is None:
            self.report.add(
                "signature",
                False,
                "it was not made by a verified contact, and the bundle does not "
                "say validly who made it (sender.pub or the sender's keys are invalid)",
                "signature.no_sender",
            )
            return
        if signer is None and claimed is not None:
            try:
                comment = claimed.minisign_public_key().verify(
                    signature, tag_manifest, prehashed_only=True
                )
            except minisign.SignatureError as error:
                self.report.add("signature", False, _what(error), ERROR)
                return
        if comment is not None:
            self._record_signer(signer, claimed, comment)

    def _record_signer(
        self, signer: PublicIdentity | None, claimed: PublicIdentity | None, comment: str
    ) -> None:
        identity = signer or claimed
        if identity is None:  # pragma: no cover - the caller verified with one of them
            return
        key = identity.minisign_public_key()
        self.report.signer = SignerInfo(
            key.key_id_hex, key.to_base64(), identity.fingerprint, signer is not None
        )
        parsed = layout.parse_trusted_comment(comment)
        if parsed is None:
            self.report.add("signature", False, "the signed comment is not a kzarchive bundle's",
                            "signature.comment")
            return
        bundle_id, created, fingerprint = parsed
        if bundle_id != self._root_id() or [created] != self.bag_info.values(layout.LABEL_CREATED):
            self.report.add("signature", False, "the signature was made for another bundle",
                            "signature.other_bundle")
            return
        # Every label that names the sender must name the key that signed; a valid
        # signature proves who signed, not that the labels tell the truth.
        wrong = []
        if claimed != identity:
            wrong.append(f"{layout.SENDER_PUB} and {layout.LABEL_SENDER_AGE}")
        if self.bag_info.values(layout.LABEL_SENDER) != [identity.fingerprint]:
            wrong.append(layout.LABEL_SENDER)
        if fingerprint != identity.fingerprint:
            wrong.append("the signed comment")
        if wrong:
            self.report.add(
                "signature",
                False,
                f"the sender named by {', '.join(wrong)} is not the key that signed the bundle",
                "signature.wrong_sender", labels=wrong,
            )
            return
        if signer is None:
            check = self.report.add(
                "signature",
                True,
                f"valid, but made by a key that is not a verified contact "
                f"(fingerprint {identity.fingerprint})",
                "signature.unverified", fingerprint=identity.fingerprint,
            )
            check.status = Status.UNTRUSTED
        else:
            self.report.add(
                "signature", True, f"made by the verified contact {identity.fingerprint}",
                "signature.verified", fingerprint=identity.fingerprint,
            )

    def _check_tag_manifest(self) -> None:
        listed = self.tag_manifest
        problems = []
        if list(listed) != list(layout.TAG_MANIFEST_FILES):
            problems.append("it does not list exactly " + ", ".join(layout.TAG_MANIFEST_FILES))
        for path, digest in listed.items():
            if path in self.files and _sha256(self.files[path]) != digest:
                problems.append(f"{path} was altered")
        self.report.add(
            "tag manifest",
            not problems,
            "; ".join(problems) or "bagit.txt, bag-info.txt, the manifest and sender.pub match",
            PROBLEMS if problems else "tag_manifest.ok",
        )

    def _read_description(self, data: bytes) -> None:
        description = bundlejson.parse(data, self.budget)
        self.description = description
        self.report.bundle_json = description.document
        problems = []
        signer = self.report.signer
        if signer is None or description.sender != signer.fingerprint:
            problems.append("its sender is not the key that signed the bundle")
        if description.bundle_id != self._root_id():
            problems.append("it names another bundle id")
        if [description.created] != self.bag_info.values(layout.LABEL_CREATED):
            problems.append("its time differs from bag-info.txt")
        if [description.sender] != self.bag_info.values(layout.LABEL_SENDER):
            problems.append("its sender differs from bag-info.txt")
        self.report.add(
            "bundle.json",
            not problems,
            "; ".join(problems) or f"describes {len(description.files)} evidence file(s)",
            PROBLEMS if problems else "bundle_json.ok", files=len(description.files),
        )

    def _check_custody(self) -> None:
        report = self.report
        try:
            entries = custody.parse_entries(self.files[layout.ENTRIES], self.budget)
            custody.check_entries(entries)
            report.custody_entries = entries
            report.add("custody entries", True, f"{len(entries)} entries, each matching its hash",
                       "custody.entries", count=len(entries))
        except IntegrityError as error:
            report.add("custody entries", False, _what(error), ERROR)
            return
        try:
            custody.check_chains(entries)
            report.add("custody chains", True, "every incident's chain is unbroken",
                       "custody.chains")
        except IntegrityError as error:
            report.add("custody chains", False, _what(error), ERROR)
        try:
            checkpoint = custody.parse_checkpoint(self.files[layout.CHECKPOINT])
            report.checkpoint = checkpoint
            self._check_checkpoint_signature()
        except IntegrityError as error:
            report.add("custody checkpoint", False, _what(error), ERROR)
            return
        try:
            tree_size, proofs, self.consistency = custody.parse_proofs_document(
                self.files[layout.PROOFS], self.budget)
            custody.check_proofs(entries, tree_size, proofs, checkpoint)
            report.add(
                "custody proofs", True, f"every entry is in the signed log of {checkpoint.size}",
                "custody.proofs", size=checkpoint.size,
            )
        except IntegrityError as error:
            report.add("custody proofs", False, _what(error), ERROR)

    def _check_checkpoint_signature(self) -> None:
        signer = self.report.signer
        if signer is None:
            raise IntegrityError(
                what="its signature cannot be checked: the bundle's signer is unknown"
            )
        key = minisign.PublicKey.from_string(signer.minisign_public_key)
        key.verify(
            self.files[layout.CHECKPOINT_SIGNATURE],
            self.files[layout.CHECKPOINT],
            prehashed_only=True,
        )
        self.report.add("custody checkpoint", True, "signed by the bundle's signer",
                        "checkpoint.signed")

    def _check_manifest(self, description: BundleDescription) -> None:
        listed = self.manifest
        described = [*layout.DESCRIPTION_FILES, *self.stamp_paths]
        if self.consistency is not None and not self.stamp_paths:
            self.report.add("trusted time", False, "proofs.json has consistency proofs but the "
                            "bundle carries no stamps", "stamps.unexpected_proofs")
        expected = {path: _sha256(self.files[path]) for path in described}
        expected.update((record.path, record.sha256) for record in description.files)
        missing, unexpected, altered = bagit.manifest_differences(listed, expected)
        problems = [f"{path} is not listed" for path in unexpected]
        problems += [f"{path} is listed but not described in bundle.json" for path in missing]
        problems += [
            f"{path} was altered" if path in described
            else f"{path} has another hash in bundle.json"
            for path in altered
        ]
        self.report.add(
            "manifest",
            not problems,
            "; ".join(problems[:5])
            or "bundle.json, the custody files and every evidence file are listed",
            PROBLEMS if problems else "manifest.ok",
        )

    def _verify_content(self, description: BundleDescription) -> None:
        """Builds the verified model before any evidence streams (only for an accepted signer)."""
        signer = self.report.signer
        accepted = signer is not None and (signer.trusted or self.accept_untrusted)
        if not self.build_model or self.report.failures or not accepted or signer is None:
            return
        try:
            self.model = build_model(
                description.document, description.files, signer.fingerprint or "",
                signer.minisign_public_key, self.bag_info.single(layout.LABEL_SENDER_AGE),
                self.report.custody_entries, self.files)
        except IntegrityError as error:
            self._stop("bundle content", _what(error))
        self.model = dataclasses.replace(self.model,
                                         trusted_times=tuple(self.report.trusted_times))
        model = self.model
        self.report.verified = model
        self.report.add("bundle content", True, content_summary(model), "content.ok",
                        incidents=len(model.incidents), people=len(model.people),
                        items=len(model.items))
        for chain in model.upstream:
            self.report.add("upstream custody", True, upstream_summary(chain),
                            "upstream.complete" if chain.complete else "upstream.unproven",
                            entries=len(chain.entries), origin=chain.origin)

    # --- evidence files ---------------------------------------------------------------

    def _read_payloads(
        self, entries: Iterator[TarEntry], description: BundleDescription
    ) -> dict[str, int]:
        records = {record.path: record for record in description.files}
        self.total = sum(record.size for record in description.files)
        deliver = (
            self.on_payload is not None
            and not self.report.failures
            and self.report.signer is not None
            and (self.report.signer.trusted or self.accept_untrusted)
        )
        sizes: dict[str, int] = {}
        for entry in entries:
            if self.cancel is not None:
                self.cancel.check()
            record = records.get(entry.path)
            if entry.is_dir or record is None or entry.path in sizes:
                self._stop("archive", f"{entry.path!r} is not a file this bundle describes",
                           "archive.extra", path=entry.path)
            sizes[entry.path] = entry.size
            if entry.size != record.size:
                self._file(record, False, f"is {entry.size} bytes, {record.size} were recorded",
                           "file.size", size=entry.size, recorded=record.size)
                continue
            chunks = VerifyingChunks(entry, record, self._count)
            if deliver and self.on_payload is not None:
                try:
                    self.on_payload(record, chunks)
                except Exception as error:
                    if error is chunks.source_error:
                        raise
                    if error is not chunks.error:
                        raise _ConsumerError(error) from error
            chunks.drain()
            if chunks.error is None:
                self._file(record, True, "every byte matches its SHA-256", "file.ok")
            else:
                self._file(record, False, "its content does not match its SHA-256 (altered)",
                           "file.altered")
        return sizes

    def _count(self, size: int) -> None:
        self.done += size
        if self.cancel is not None:
            self.cancel.check()
        if self.progress is not None:
            self.progress(self.done, max(self.total, self.done))

    def _file(self, record: FileRecord, ok: bool, detail: str, kind: str,
              **params: Any) -> None:
        self.report.files.append(
            FileResult(
                record.item_id,
                record.path,
                record.size,
                record.sha256,
                Status.OK if ok else Status.FAILED,
                detail,
                kind,
                params,
            )
        )
        self.report.payload_bytes += record.size if ok else 0

    def _check_completeness(self, description: BundleDescription, sizes: dict[str, int]) -> None:
        for record in description.files:
            if record.path not in sizes:
                self._file(record, False, "is missing from the bundle", "file.missing")
        described = [*layout.DESCRIPTION_FILES, *self.stamp_paths]
        octets = sum(len(self.files[path]) for path in described)
        octets += sum(sizes.values())
        count = len(described) + len(sizes)
        declared = bagit.parse_payload_oxum(self.bag_info.single(layout.LABEL_OXUM))
        self.report.add(
            "Payload-Oxum",
            declared == (octets, count),
            f"{count} files and {octets} bytes"
            + ("" if declared == (octets, count) else f", but bag-info.txt says {declared[1]} "
               f"files and {declared[0]} bytes"),
            "oxum.ok" if declared == (octets, count) else "oxum.mismatch",
            files=count, bytes=octets, declared_files=declared[1], declared_bytes=declared[0],
        )


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _what(error: Exception) -> str:
    if isinstance(error, IntegrityError) and "what" in error.fields:
        return str(error.fields["what"])
    return str(error)


def _bag_info_problems(info: bagit.TagElements, bundle_id: str) -> list[str]:
    problems = []
    known = {*layout.SINGLE_LABELS, layout.LABEL_RECIPIENTS}
    unknown = sorted({label for label, _ in info.elements if label not in known})
    if unknown:
        problems.append("unknown labels " + ", ".join(unknown))
    for label in layout.SINGLE_LABELS:
        if len(info.values(label)) != 1:
            problems.append(f"{label} must appear exactly once")
    if problems:
        return problems
    created = info.single(layout.LABEL_CREATED)
    if not layout.is_timestamp(created) or info.single(layout.LABEL_DATE) != created[:10]:
        problems.append("KZ-Created or Bagging-Date is invalid")
    if info.single(layout.LABEL_IDENTIFIER) != bundle_id:
        problems.append("External-Identifier is not the bundle's folder name")
    for fingerprint in [info.single(layout.LABEL_SENDER), *info.values(layout.LABEL_RECIPIENTS)]:
        if not is_fingerprint(fingerprint):
            problems.append(f"{fingerprint[:80]!r} is not a fingerprint")
    return problems


def _is_kzarchive_signature_text(data: bytes) -> bool:
    lines = data.split(b"\n")
    first = f"untrusted comment: {minisign.DEFAULT_UNTRUSTED_COMMENT}".encode()
    return (
        len(lines) == 5
        and lines[0] == first
        and lines[2].startswith(b"trusted comment: ")
        and lines[4] == b""
        and b"\r" not in data
    )


def _claimed_sender(info: bagit.TagElements, sender_pub: bytes) -> PublicIdentity | None:
    """The identity sender.pub and KZ-Sender-Age-Recipient describe, if both are valid."""
    try:
        key = minisign.PublicKey.from_string(sender_pub.decode("ascii"))
        recipient = X25519Recipient.from_string(info.single(layout.LABEL_SENDER_AGE))
        return PublicIdentity(key.ed25519_public, recipient.public_bytes())
    except (BadInput, IntegrityError, UnicodeDecodeError, ValueError):
        return None


def read_bundle(
    source: BinaryIO,
    identities: Sequence[X25519Identity],
    trusted_signers: Sequence[PublicIdentity],
    on_payload: OnPayload | None = None,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
    *,
    accept_untrusted_signer: bool = False,
    own_fingerprint: str | None = None,
    accept_forwarded: bool = False,
    tsa_roots: Sequence[x509.Certificate] = (),
) -> BundleReport:
    """Decrypts and checks the bundle in ``source``; returns the report when all held.

    ``trusted_signers`` are the verified contacts.  Raises ``BundleError`` when a
    check failed, ``UntrustedBundleSigner`` when the signature holds but the
    signer is not a verified contact (unless ``accept_untrusted_signer``, after
    the person was warned; without it bundle.json and the custody files are not
    read), ``ForwardedBundleNotAccepted`` when ``own_fingerprint`` is not among
    the recipients (unless ``accept_forwarded``), ``NoMatchingIdentity`` when
    none of ``identities`` opens it, ``NewerFormat`` for a later format
    version, ``Cancelled`` on cancel.
    """
    reading = BundleReading(
        identities,
        trusted_signers,
        on_payload,
        progress,
        cancel,
        accept_untrusted_signer,
        own_fingerprint=own_fingerprint,
        accept_forwarded=accept_forwarded,
        tsa_roots=tsa_roots,
    )
    return reading.run(source)
