"""Writing and reading bundles: what a partner gets, and every way it can be refused."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from typing import Any

import pytest

from kzarchive.bundle import (
    BundleError,
    BundleReport,
    FileRecord,
    PayloadFile,
    PayloadMismatch,
    Status,
    UntrustedBundleSigner,
    read_bundle,
    write_bundle,
)
from kzarchive.bundle import bagit as bagit_files
from kzarchive.crypto.age import NoMatchingIdentity
from kzarchive.crypto.identity import Identity
from kzarchive.errors import BadInput, Cancelled, DiskFull, IntegrityError, NewerFormat
from kzarchive.util.progress import CancelToken
from tests.bundle.bundle_factory import (
    BUNDLE_ID,
    CREATED,
    DEFAULT_FILES,
    PARTNER,
    SENDER,
    STRANGER,
    altered_bundle,
    bundle_bytes,
    custody_entries,
    custody_export,
    encrypted,
    fixed_identity,
    make_spec,
    members_of,
    payload,
    plaintext_of,
    remanifest,
    resign,
    sha256_hex,
)

Entries = dict[str, bytes | None]


class Collector:
    """An on_payload that keeps what it is given, as an import into the vault would."""

    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}
        self.errors: dict[str, Exception] = {}

    def __call__(self, record: FileRecord, chunks: Iterator[bytes]) -> None:
        pieces = []
        try:
            for chunk in chunks:
                pieces.append(chunk)
        except PayloadMismatch as error:
            self.errors[record.item_id] = error
            raise
        self.files[record.item_id] = b"".join(pieces)


def read(
    data: bytes,
    identity: Identity = PARTNER,
    trusted: tuple[Identity, ...] = (SENDER,),
    collector: Collector | None = None,
    **options: Any,
) -> BundleReport:
    return read_bundle(
        io.BytesIO(data), [identity.age_identity], [t.public for t in trusted], collector,
        **options,
    )


def failed_report(data: bytes, collector: Collector | None = None) -> BundleReport:
    with pytest.raises(BundleError) as caught:
        read(data, collector=collector)
    return caught.value.report


def check(report: BundleReport, name: str) -> Status:
    return next(c.status for c in report.checks if c.name == name)


# --- what a partner gets -------------------------------------------------------------------


def test_round_trip_hands_out_every_file_and_the_description() -> None:
    collector = Collector()
    report = read(bundle_bytes(), collector=collector)
    assert report.ok and report.intact
    assert collector.files == {item: data for item, (_, data) in DEFAULT_FILES.items()}
    assert report.bundle_id == BUNDLE_ID
    assert report.payload_bytes == sum(len(data) for _, data in DEFAULT_FILES.values())
    document = report.bundle_json
    assert document is not None
    assert document["incidents"][0]["title"] == "Incident 0 — détention"
    assert (document["format"], document["format_version"]) == ("kzarchive-bundle", 1)
    assert (document["created"], document["sender"]) == (CREATED, SENDER.fingerprint)
    assert [f["path"] for f in document["files"]] == [
        "data/files/a1b2c3d4e5f60718.jpg", "data/files/0f1e2d3c4b5a6978.txt",
        "data/files/9988776655443322",
    ]
    assert report.signer is not None and report.signer.trusted
    assert report.signer.fingerprint == SENDER.fingerprint
    assert report.checkpoint is not None and report.checkpoint.size == len(report.custody_entries)
    assert report.custody_entries[0]["action"] == "vault.created"
    assert all(c.status is Status.OK for c in report.checks)
    assert {c.name for c in report.checks} >= {
        "signature", "tag manifest", "manifest", "bundle.json", "bag-info.txt",
        "custody entries", "custody chains", "custody checkpoint", "custody proofs",
        "Payload-Oxum", "decryption and archive",
    }
    assert [f.status for f in report.files] == [Status.OK] * 3


def test_bag_info_names_sender_recipients_and_payload() -> None:
    _, entries = members_of(plaintext_of(bundle_bytes()))
    info = bagit_files.parse_tag_elements(entries["bag-info.txt"] or b"")
    assert info.single("External-Identifier") == BUNDLE_ID
    assert info.single("Bagging-Date") == CREATED[:10]
    assert info.single("KZ-Sender-Fingerprint") == SENDER.fingerprint
    assert info.single("KZ-Sender-Age-Recipient") == SENDER.public.age_recipient
    assert info.values("KZ-Recipient-Fingerprints") == [PARTNER.fingerprint]
    octets, count = bagit_files.parse_payload_oxum(info.single("Payload-Oxum"))
    data_files = [v for k, v in entries.items() if k.startswith("data/") and v is not None]
    assert (octets, count) == (sum(len(v) for v in data_files), len(data_files))


def test_the_sender_can_open_their_own_bundle_and_strangers_cannot() -> None:
    data = bundle_bytes()
    assert read(data, identity=SENDER).ok
    with pytest.raises(NoMatchingIdentity):
        read(data, identity=STRANGER)


def test_the_bundle_opens_for_each_partner_and_the_sender() -> None:
    data = bundle_bytes(make_spec(partners=(PARTNER, STRANGER, SENDER, PARTNER)))
    for identity in (PARTNER, STRANGER, SENDER):
        assert read(data, identity=identity).ok


def test_the_header_does_not_tell_how_many_can_open_the_bundle() -> None:
    def header(partners: tuple[Identity, ...]) -> bytes:
        data = bundle_bytes(make_spec(partners=partners))
        return data[: data.index(b"\n---")]

    alone, one, three = header(()), header((PARTNER,)), header((PARTNER, STRANGER, SENDER))
    assert alone.count(b"\n-> X25519 ") == one.count(b"\n-> X25519 ") == 4
    assert three.count(b"\n-> X25519 ") == 4 and len(alone) == len(one) == len(three)
    five = (PARTNER, STRANGER, fixed_identity("a"), fixed_identity("b"), fixed_identity("c"))
    assert header(five).count(b"\n-> X25519 ") == 8


def test_an_empty_bundle_round_trips() -> None:
    report = read(bundle_bytes(make_spec(files={})))
    assert report.ok and report.files == []


def test_a_reader_that_stops_early_still_gets_every_file_verified() -> None:
    taken: list[bytes] = []

    def first_chunk_only(record: FileRecord, chunks: Iterator[bytes]) -> None:
        taken.append(next(chunks, b""))

    report = read_bundle(
        io.BytesIO(bundle_bytes()), [PARTNER.age_identity], [SENDER.public], first_chunk_only
    )
    assert [f.status for f in report.files] == [Status.OK] * 3
    assert len(taken) == 3


def test_errors_of_the_caller_pass_through_unchanged() -> None:
    def disk_full(record: FileRecord, chunks: Iterator[bytes]) -> None:
        raise DiskFull(what="the vault's disk")

    with pytest.raises(DiskFull):
        read_bundle(io.BytesIO(bundle_bytes()), [PARTNER.age_identity], [SENDER.public], disk_full)


def test_progress_counts_evidence_bytes_up_to_the_total() -> None:
    seen: list[tuple[int, int]] = []
    big = {"aaaa000000000001": ("bin", bytes(range(256)) * 1000)}
    data = bundle_bytes(make_spec(files=big))
    read_bundle(
        io.BytesIO(data), [PARTNER.age_identity], [SENDER.public],
        progress=lambda d, t: seen.append((d, t)),
    )
    assert seen[-1] == (256_000, 256_000)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)

    written: list[tuple[int, int]] = []
    write_bundle(make_spec(files=big), io.BytesIO(), progress=lambda d, t: written.append((d, t)))
    assert written[-1] == (256_000, 256_000)


# --- who signed -------------------------------------------------------------------------------


def test_a_bundle_of_an_unverified_signer_is_read_only_up_to_the_signature() -> None:
    data = bundle_bytes(make_spec(sender=STRANGER))
    collector = Collector()
    with pytest.raises(UntrustedBundleSigner) as caught:
        read(data, collector=collector)
    report = caught.value.report
    assert not report.intact and not report.ok and not report.failures
    assert report.signer is not None and not report.signer.trusted
    assert report.signer.fingerprint == STRANGER.fingerprint
    assert STRANGER.fingerprint in caught.value.message
    assert check(report, "signature") is Status.UNTRUSTED
    assert check(report, "tag manifest") is Status.OK
    # Nothing the stranger wrote beyond the tag files was parsed or checked.
    assert report.stopped is not None and "not a verified contact" in report.stopped
    assert report.bundle_json is None and report.custody_entries == [] and report.files == []
    assert collector.files == {}  # nothing handed out before the person accepted the signer

    accepted = read(data, collector=collector, accept_untrusted_signer=True)
    assert accepted.intact and not accepted.ok
    assert set(collector.files) == set(DEFAULT_FILES)


def test_without_any_verified_contact_every_signer_is_untrusted() -> None:
    with pytest.raises(UntrustedBundleSigner):
        read(bundle_bytes(), trusted=())


def test_a_signature_by_another_key_does_not_verify() -> None:
    def sign_with_stranger(entries: Entries) -> None:
        resign(entries, STRANGER)

    collector = Collector()
    report = failed_report(altered_bundle(sign_with_stranger), collector)
    assert check(report, "signature") is Status.FAILED
    assert report.signer is None
    assert collector.files == {}


def test_a_stranger_who_re_signs_as_themselves_is_caught_by_the_sender_fields() -> None:
    # sender.pub replaced and the tag manifest re-signed, but bag-info still names
    # the real sender: the keys and the fingerprint no longer belong together.
    def impersonate(entries: Entries) -> None:
        entries["sender.pub"] = STRANGER.public.minisign_public_key().to_file_text().encode()
        resign(entries, STRANGER)

    report = failed_report(altered_bundle(impersonate))
    assert check(report, "signature") is Status.FAILED


def test_a_signature_for_another_bundle_is_refused() -> None:
    def other_comment(entries: Entries) -> None:
        resign(entries, SENDER, f"kzarchive bundle kzb-other; signed {CREATED}; sender "
               f"{SENDER.fingerprint}")

    report = failed_report(altered_bundle(other_comment))
    assert check(report, "signature") is Status.FAILED


def test_the_unsigned_comment_of_the_signature_cannot_change_unseen() -> None:
    def new_comment(entries: Entries) -> None:
        signature = entries["tagmanifest-sha256.txt.minisig"] or b""
        entries["tagmanifest-sha256.txt.minisig"] = signature.replace(b"from kzarchive", b"X")

    assert check(failed_report(altered_bundle(new_comment)), "signature") is Status.FAILED


# --- altered content ----------------------------------------------------------------------------


def test_an_altered_file_is_named_and_the_others_still_verify() -> None:
    target = "data/files/a1b2c3d4e5f60718.jpg"

    def flip(entries: Entries) -> None:
        content = bytearray(entries[target] or b"")
        content[100] ^= 0x20
        entries[target] = bytes(content)

    collector = Collector()
    # A bundle signed by an untrusted key and accepted would deliver; here the
    # signature holds, the file does not.
    report = failed_report(altered_bundle(flip), collector)
    results = {f.path: f.status for f in report.files}
    assert results[target] is Status.FAILED
    assert list(results.values()).count(Status.OK) == 2
    assert all(c.ok for c in report.checks if c.name != "Payload-Oxum")


def test_a_file_altered_after_the_signature_held_fails_in_the_callers_hands() -> None:
    # The payload is changed but everything before it holds: the caller receives
    # the bytes and the iterator raises at the end, so the caller can discard them.
    target = "data/files/0f1e2d3c4b5a6978.txt"

    def flip(entries: Entries) -> None:
        entries[target] = (entries[target] or b"").replace(b"witness", b"Witness")

    collector = Collector()
    with pytest.raises(BundleError) as caught:
        read(altered_bundle(flip), collector=collector)
    assert "0f1e2d3c4b5a6978" in collector.errors
    assert "0f1e2d3c4b5a6978" not in collector.files
    assert set(collector.files) == {"a1b2c3d4e5f60718", "9988776655443322"}
    assert "0f1e2d3c4b5a6978" in caught.value.message


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ("longer", "bytes"),
        ("missing", "missing"),
    ],
)
def test_payload_sizes_and_presence_are_checked(change: str, expected: str) -> None:
    target = "data/files/a1b2c3d4e5f60718.jpg"

    def edit(entries: Entries) -> None:
        if change == "longer":
            entries[target] = (entries[target] or b"") + b"!"
        else:
            del entries[target]

    report = failed_report(altered_bundle(edit))
    failed = [f for f in report.files if f.status is Status.FAILED]
    assert [f.path for f in failed] == [target]
    assert expected in failed[0].detail
    assert check(report, "Payload-Oxum") is Status.FAILED


def test_a_file_the_bundle_does_not_describe_stops_reading() -> None:
    def smuggle(entries: Entries) -> None:
        entries["data/files/ffff000000000000.exe"] = b"MZ"

    report = failed_report(altered_bundle(smuggle))
    assert report.stopped is not None and "not a file this bundle describes" in report.stopped


def test_an_altered_bundle_json_is_caught_by_the_manifest() -> None:
    def rename(entries: Entries) -> None:
        entries["data/bundle.json"] = (entries["data/bundle.json"] or b"").replace(
            b"original name 0", b"original name X"
        )

    report = failed_report(altered_bundle(rename))
    assert check(report, "manifest") is Status.FAILED
    assert check(report, "signature") is Status.OK


def test_an_altered_tag_file_is_caught_by_the_tag_manifest() -> None:
    def edit(entries: Entries) -> None:
        entries["bag-info.txt"] = (entries["bag-info.txt"] or b"").replace(
            b"kzarchive 0", b"kzarchive 9"
        )

    report = failed_report(altered_bundle(edit))
    assert check(report, "tag manifest") is Status.FAILED


def test_manifests_recomputed_without_the_key_break_the_signature() -> None:
    def edit(entries: Entries) -> None:
        entries["data/files/0f1e2d3c4b5a6978.txt"] = b"a different testimony\n"
        remanifest(entries)

    report = failed_report(altered_bundle(edit))
    assert check(report, "signature") is Status.FAILED


# --- custody, as a sender's damaged vault might export it ----------------------------------------


def test_a_missing_custody_entry_breaks_the_chain_even_when_signed() -> None:
    def drop_entry(entries: Entries) -> None:
        lines = (entries["data/custody/entries.jsonl"] or b"").split(b"\n")
        entries["data/custody/entries.jsonl"] = b"\n".join(lines[:3] + lines[4:])
        resign(entries, SENDER)

    report = failed_report(altered_bundle(drop_entry))
    assert check(report, "custody chains") is Status.FAILED
    assert check(report, "custody proofs") is Status.FAILED
    assert check(report, "signature") is Status.OK


def test_an_altered_custody_entry_is_named() -> None:
    def edit(entries: Entries) -> None:
        entries["data/custody/entries.jsonl"] = (
            entries["data/custody/entries.jsonl"] or b""
        ).replace(b'"incident.updated"', b'"incident.deleted"', 1)
        resign(entries, SENDER)

    report = failed_report(altered_bundle(edit))
    assert check(report, "custody entries") is Status.FAILED


def test_a_checkpoint_signed_by_another_key_is_refused() -> None:
    spec = make_spec()
    foreign = custody_export(STRANGER, list(spec.custody.entries))

    def swap(entries: Entries) -> None:
        entries["data/custody/checkpoint.txt.minisig"] = foreign.checkpoint_signature.encode()
        resign(entries, SENDER)

    report = failed_report(altered_bundle(swap))
    assert check(report, "custody checkpoint") is Status.FAILED


def test_proofs_for_another_log_are_refused() -> None:
    def edit(entries: Entries) -> None:
        proofs = json.loads(entries["data/custody/proofs.json"] or b"")
        proofs["proofs"][1]["audit_path"][0] = "00" * 32
        entries["data/custody/proofs.json"] = (json.dumps(proofs, indent=2) + "\n").encode()
        resign(entries, SENDER)

    report = failed_report(altered_bundle(edit))
    assert check(report, "custody proofs") is Status.FAILED


# --- versions -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("version", "expected"),
    [("3", NewerFormat), ("10", NewerFormat), ("²", BundleError), ("01", BundleError),
     ("1.1", BundleError), ("0", BundleError)],
)
def test_the_format_version_is_checked_first(version: str, expected: type[Exception]) -> None:
    def bump(entries: Entries) -> None:
        entries["bag-info.txt"] = (entries["bag-info.txt"] or b"").replace(
            b"KZ-Format-Version: 1", f"KZ-Format-Version: {version}".encode()
        )
        resign(entries, SENDER)

    with pytest.raises(expected):
        read(altered_bundle(bump))


def test_a_plain_tar_is_not_a_bundle() -> None:
    with pytest.raises(BundleError):
        read(encrypted(b"\0" * 10240))
    with pytest.raises(BundleError):
        read(b"this is not an age file\n")


# --- the writer ---------------------------------------------------------------------------------


def test_content_that_changed_in_the_vault_stops_the_export() -> None:
    spec = make_spec()
    wrong = PayloadFile("a1b2c3d4e5f60718", "jpg", 4, sha256_hex(b"abcd"), lambda: [b"abce"])
    bad = type(spec)(**{**spec.__dict__, "files": [wrong]})
    with pytest.raises(IntegrityError, match="no longer matches"):
        write_bundle(bad, io.BytesIO())
    short = PayloadFile("a1b2c3d4e5f60718", "jpg", 5, sha256_hex(b"abcd"), lambda: [b"abcd"])
    with pytest.raises(IntegrityError, match="bytes than the 5 recorded"):
        write_bundle(type(spec)(**{**spec.__dict__, "files": [short]}), io.BytesIO())


@pytest.mark.parametrize(
    "change",
    ["bundle-id", "item-id", "extension", "duplicate", "reserved", "float", "fingerprint",
     "created", "digest"],
)
def test_the_writer_refuses_an_invalid_spec(change: str) -> None:
    spec = make_spec()
    fields = dict(spec.__dict__)
    one = payload("a1b2c3d4e5f60718", "jpg", b"x")
    if change == "bundle-id":
        fields["bundle_id"] = "../evil"
    elif change == "item-id":
        fields["files"] = [payload("a/b", "jpg", b"x")]
    elif change == "extension":
        fields["files"] = [payload("a1b2c3d4e5f60718", "JPG", b"x")]
    elif change == "duplicate":
        fields["files"] = [one, payload("A1B2C3D4E5F60718", "txt", b"y")]
    elif change == "reserved":
        fields["bundle_json"] = {"files": []}
    elif change == "float":
        fields["bundle_json"] = {"latitude": 12.5}
    elif change == "fingerprint":
        fields["recipient_fingerprints"] = ["12345"]
    elif change == "created":
        fields["created"] = "yesterday"
    else:
        fields["files"] = [PayloadFile("a1b2c3d4e5f60718", "jpg", 1, "ABC", lambda: [b"x"])]
    with pytest.raises(BadInput):
        write_bundle(type(spec)(**fields), io.BytesIO())


def test_the_writer_refuses_a_broken_custody_log() -> None:
    spec = make_spec()
    entries = custody_entries(SENDER.fingerprint, ["inc-a"], ["i1", "i2"])
    export = custody_export(SENDER, entries)
    gap = type(export)(entries[:2] + entries[3:], export.checkpoint_text,
                       export.checkpoint_signature, export.proofs)
    with pytest.raises(IntegrityError, match="chain"):
        write_bundle(type(spec)(**{**spec.__dict__, "custody": gap}), io.BytesIO())
    foreign = custody_export(STRANGER, entries)
    with pytest.raises(IntegrityError):
        write_bundle(type(spec)(**{**spec.__dict__, "custody": foreign}), io.BytesIO())


def test_cancel_stops_writing_and_reading() -> None:
    token = CancelToken()
    big = {"aaaa000000000001": ("bin", bytes(300_000))}

    def cancel_midway(done: int, total: int) -> None:
        if done > 100_000:
            token.cancel()

    with pytest.raises(Cancelled):
        write_bundle(make_spec(files=big), io.BytesIO(), cancel_midway, token)
    token = CancelToken()
    with pytest.raises(Cancelled):
        read_bundle(io.BytesIO(bundle_bytes(make_spec(files=big))), [PARTNER.age_identity],
                    [SENDER.public], Collector(), cancel_midway, token)
