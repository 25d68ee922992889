"""Hostile bundles against the reader: who signed, for whom, and what is parsed.

Each test starts from a legitimate bundle that verifies (the control, checked
first) and makes exactly one change; where the point is a validly signed lie,
the bundle is signed again with the sender's real key.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterator

import pytest

from kzarchive.bundle import (
    BundleError,
    BundleReport,
    FileRecord,
    ForwardedBundleNotAccepted,
    Status,
    UntrustedBundleSigner,
    jsontext,
    layout,
    read_bundle,
)
from kzarchive.crypto import minisign
from kzarchive.crypto.identity import Identity, PublicIdentity
from kzarchive.errors import ForwardedBundle, UntrustedSigner
from tests.bundle.bundle_factory import (
    BUNDLE_ID,
    CREATED,
    DEFAULT_FILES,
    PARTNER,
    SENDER,
    STRANGER,
    altered_bundle,
    bundle_bytes,
    encrypted,
    legacy_signature,
    make_spec,
    members_of,
    plaintext_of,
    resign,
)

Entries = dict[str, bytes | None]


class Collector:
    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}

    def __call__(self, record: FileRecord, chunks: Iterator[bytes]) -> None:
        self.files[record.item_id] = b"".join(chunks)


def read(
    data: bytes,
    *,
    trusted: tuple[PublicIdentity, ...] = (SENDER.public,),
    collector: Collector | None = None,
    accept_untrusted_signer: bool = False,
    accept_forwarded: bool = False,
) -> BundleReport:
    return read_bundle(
        io.BytesIO(data),
        [PARTNER.age_identity],
        list(trusted),
        collector,
        accept_untrusted_signer=accept_untrusted_signer,
        own_fingerprint=PARTNER.fingerprint,
        accept_forwarded=accept_forwarded,
    )


def refused(data: bytes, **options: bool) -> BundleReport:
    with pytest.raises(BundleError) as caught:
        read(data, **options)  # type: ignore[arg-type]
    return caught.value.report


def status(report: BundleReport, name: str) -> Status | None:
    found = [check.status for check in report.checks if check.name == name]
    return found[-1] if found else None


def detail(report: BundleReport, name: str) -> str:
    return " ".join(check.detail for check in report.checks if check.name == name)


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the JSON texts that reached the parser (its bounding scan comes first)."""
    names: list[str] = []
    original = jsontext.JsonBudget.charge

    def charge(self: jsontext.JsonBudget, data: bytes, name: str) -> None:
        names.append(name)
        original(self, data, name)

    monkeypatch.setattr(jsontext.JsonBudget, "charge", charge)
    return names


def set_label(label: str, value: str) -> Callable[[Entries], None]:
    def change(entries: Entries) -> None:
        lines = (entries[layout.BAG_INFO_TXT] or b"").decode().split("\n")
        prefix = f"{label}: "
        edited = [prefix + value if line.startswith(prefix) else line for line in lines]
        assert edited != lines
        entries[layout.BAG_INFO_TXT] = "\n".join(edited).encode()

    return change


def signed_by(identity: Identity, change: Callable[[Entries], None]) -> Callable[[Entries], None]:
    def both(entries: Entries) -> None:
        change(entries)
        resign(entries, identity)

    return both


def test_the_control_bundle_verifies_and_is_addressed_to_this_vault(parsed: list[str]) -> None:
    collector = Collector()
    report = read(bundle_bytes(), collector=collector)
    assert report.ok and report.forwarded is False
    assert status(report, "recipients") is Status.OK
    assert report.recipients == [PARTNER.fingerprint]
    assert set(collector.files) == set(DEFAULT_FILES)
    assert {"bundle.json", "proofs.json"} <= set(parsed)


# --- rule 7: the labels describe the signer -------------------------------------------------


@pytest.mark.parametrize(
    ("label", "value"),
    [
        (layout.LABEL_SENDER, STRANGER.fingerprint),
        (layout.LABEL_SENDER_AGE, STRANGER.age_identity.recipient().to_string()),
    ],
    ids=["sender-fingerprint", "sender-age-recipient"],
)
def test_a_sender_label_naming_another_key_fails_even_when_validly_signed(
    label: str, value: str, parsed: list[str]
) -> None:
    data = altered_bundle(signed_by(SENDER, set_label(label, value)))
    parsed.clear()
    report = refused(data)
    assert status(report, "signature") is Status.FAILED
    assert label in detail(report, "signature") and "not the key that signed" in detail(
        report, "signature"
    )
    assert report.bundle_json is None and parsed == []


def test_a_signed_comment_naming_another_sender_fails() -> None:
    comment = layout.trusted_comment(BUNDLE_ID, CREATED, STRANGER.fingerprint)

    def change(entries: Entries) -> None:
        resign(entries, SENDER, comment)

    report = refused(altered_bundle(change))
    assert "the signed comment" in detail(report, "signature")


def test_a_bundle_json_sender_naming_another_key_fails_even_when_validly_signed() -> None:
    def change(entries: Entries) -> None:
        document = json.loads(entries[layout.BUNDLE_JSON] or b"")
        document["sender"] = STRANGER.fingerprint
        entries[layout.BUNDLE_JSON] = jsontext.pretty_json(document)

    report = refused(altered_bundle(signed_by(SENDER, change)))
    assert status(report, "signature") is Status.OK
    assert status(report, "bundle.json") is Status.FAILED
    assert "its sender is not the key that signed" in detail(report, "bundle.json")


def test_a_stranger_claiming_to_be_a_verified_contact_fails_even_when_accepted() -> None:
    # The stranger signs with their own key but names the verified sender in bag-info.txt.
    strangers = bundle_bytes(make_spec(sender=STRANGER))
    lie = altered_bundle(signed_by(STRANGER, set_label(layout.LABEL_SENDER, SENDER.fingerprint)),
                         strangers)
    read(strangers, accept_untrusted_signer=True)  # the control: accepted, it verifies
    for accept in (False, True):
        report = refused(lie, accept_untrusted_signer=accept)
        assert layout.LABEL_SENDER in detail(report, "signature")
        assert report.signer is not None and not report.signer.trusted


# --- rule 7: forwarded bundles ----------------------------------------------------------------


def forwarded() -> bytes:
    """Made by the verified sender for a third party, who passed it on to the partner."""
    made_for_another = bundle_bytes(make_spec(partners=(STRANGER,)))
    return encrypted(plaintext_of(made_for_another, STRANGER), PARTNER)


def test_a_forwarded_bundle_is_refused_unless_accepted(parsed: list[str]) -> None:
    data = forwarded()
    collector = Collector()
    parsed.clear()
    with pytest.raises(ForwardedBundleNotAccepted) as caught:
        read(data, collector=collector)
    assert isinstance(caught.value, ForwardedBundle)
    assert caught.value.exit_code == 16
    assert caught.value.exit_code not in {UntrustedSigner.exit_code, BundleError.exit_code}
    report = caught.value.report
    assert report.forwarded is True and report.recipients == [STRANGER.fingerprint]
    assert status(report, "recipients") is Status.WARNING
    assert not report.failures and report.stopped is not None
    assert collector.files == {} and parsed == []

    accepted = read(data, collector=collector, accept_forwarded=True)
    assert accepted.ok and accepted.forwarded is True
    assert status(accepted, "recipients") is Status.WARNING
    assert set(collector.files) == set(DEFAULT_FILES)


def test_a_relay_cannot_add_itself_to_the_recipients() -> None:
    made_for_another = bundle_bytes(make_spec(partners=(STRANGER,)))
    data = altered_bundle(
        set_label(layout.LABEL_RECIPIENTS, PARTNER.fingerprint),
        encrypted(plaintext_of(made_for_another, STRANGER), PARTNER),
    )
    report = refused(data, accept_forwarded=True)
    assert status(report, "tag manifest") is Status.FAILED


def test_an_unverified_signer_is_asked_about_before_a_forwarded_bundle() -> None:
    made = bundle_bytes(make_spec(sender=STRANGER, partners=(SENDER,)))
    data = encrypted(plaintext_of(made, SENDER), PARTNER)
    with pytest.raises(UntrustedBundleSigner) as caught:
        read(data)
    assert caught.value.report.forwarded is True  # the warning is in the same report
    with pytest.raises(ForwardedBundleNotAccepted):
        read(data, accept_untrusted_signer=True)
    assert read(data, accept_untrusted_signer=True, accept_forwarded=True).intact


# --- rule 7: only the prehashed ED form ---------------------------------------------------------


def test_a_legacy_ed_bundle_signature_is_refused_naming_why(parsed: list[str]) -> None:
    def change(entries: Entries) -> None:
        tag_manifest = entries[layout.TAG_MANIFEST] or b""
        comment = layout.trusted_comment(BUNDLE_ID, CREATED, SENDER.fingerprint)
        entries[layout.SIGNATURE] = legacy_signature(SENDER, tag_manifest, comment)
        # Valid in itself: minisign -V would accept it.
        minisign.public_key_for(SENDER.signing_key).verify(entries[layout.SIGNATURE] or b"",
                                                           tag_manifest)

    data = altered_bundle(change)
    parsed.clear()
    report = refused(data)
    assert status(report, "signature") is Status.FAILED
    assert 'legacy algorithm "Ed"' in detail(report, "signature")
    assert parsed == []


def test_a_legacy_ed_checkpoint_signature_is_refused() -> None:
    def change(entries: Entries) -> None:
        checkpoint = entries[layout.CHECKPOINT] or b""
        old = (entries[layout.CHECKPOINT_SIGNATURE] or b"").decode().split("\n")[2]
        comment = old.removeprefix("trusted comment: ")
        entries[layout.CHECKPOINT_SIGNATURE] = legacy_signature(SENDER, checkpoint, comment)
        resign(entries, SENDER)

    report = refused(altered_bundle(change))
    assert status(report, "custody checkpoint") is Status.FAILED
    assert "legacy" in detail(report, "custody checkpoint")


# --- rule 8: nothing unauthenticated is parsed ---------------------------------------------------

MANY_OBJECTS = b"[" + b"{}," * (jsontext.MAX_VALUES + 10) + b"{}]\n"


def replace_file(path: str, data: bytes) -> Callable[[Entries], None]:
    def change(entries: Entries) -> None:
        entries[path] = data

    return change


def test_a_strangers_bundle_json_is_never_parsed(parsed: list[str]) -> None:
    strangers = bundle_bytes(make_spec(sender=STRANGER))
    read(strangers, accept_untrusted_signer=True)  # the control verifies once accepted
    parsed.clear()
    hostile = altered_bundle(signed_by(STRANGER, replace_file(layout.BUNDLE_JSON, MANY_OBJECTS)),
                             strangers)
    parsed.clear()
    with pytest.raises(UntrustedBundleSigner) as caught:
        read(hostile)
    report = caught.value.report
    assert parsed == []
    assert report.bundle_json is None and report.custody_entries == []
    assert report.stopped is not None and "not a verified contact" in report.stopped
    # Accepted, the same bundle is parsed, and the caps refuse it.
    parsed.clear()
    report = refused(hostile, accept_untrusted_signer=True)
    assert parsed == ["bundle.json"]
    assert "more JSON values than a bundle may" in detail(report, "data/bundle.json")


def test_json_altered_after_signing_is_not_parsed(parsed: list[str]) -> None:
    data = altered_bundle(replace_file(layout.BUNDLE_JSON, MANY_OBJECTS))
    parsed.clear()
    report = refused(data)
    assert status(report, "manifest") is Status.FAILED
    assert "data/bundle.json was altered" in detail(report, "manifest")
    assert parsed == []


def test_a_signature_that_fails_stops_before_any_json() -> None:
    def change(entries: Entries) -> None:
        resign(entries, STRANGER)  # a stranger's signature over the sender's labels

    report = refused(altered_bundle(change), accept_untrusted_signer=True)
    assert status(report, "signature") is Status.FAILED
    assert report.bundle_json is None and report.stopped is not None


def test_a_trusted_senders_oversized_json_is_refused_before_it_is_read(
    parsed: list[str],
) -> None:
    huge = b'{"padding": "' + b"x" * (layout.MAX_JSON_FILE + 1) + b'"}\n'
    data = altered_bundle(signed_by(SENDER, replace_file(layout.BUNDLE_JSON, huge)))
    parsed.clear()
    report = refused(data)
    assert f"more than the {layout.MAX_JSON_FILE}" in detail(report, "data/bundle.json")
    assert parsed == []


@pytest.mark.parametrize(
    ("path", "text", "reason", "check"),
    [
        (layout.BUNDLE_JSON, MANY_OBJECTS, "more JSON values", "data/bundle.json"),
        (layout.BUNDLE_JSON, b"[" * 100_000 + b"]" * 100_000, "nests deeper than 32",
         "data/bundle.json"),
        (layout.PROOFS, b'{"hash": "sha256", "tree_size": 1, "proofs": '
         + MANY_OBJECTS.rstrip() + b"}\n", "more JSON values", "custody proofs"),
        (layout.ENTRIES, b"[" * 40 + b"]" * 40 + b"\n", "nests deeper", "custody entries"),
    ],
    ids=["values", "depth", "proofs-values", "entries-depth"],
)
def test_a_trusted_senders_hostile_json_is_refused_by_the_caps(
    path: str, text: bytes, reason: str, check: str
) -> None:
    report = refused(altered_bundle(signed_by(SENDER, replace_file(path, text))))
    assert reason in detail(report, check)
    assert report.signer is not None and report.signer.trusted


def test_the_value_budget_is_shared_by_all_json_files_of_a_bundle() -> None:
    # bundle.json alone stays just under the cap; with the custody files it does not.
    _, entries = members_of(plaintext_of(bundle_bytes()))
    original = entries[layout.BUNDLE_JSON] or b""
    counted = jsontext.JsonBudget()
    counted.charge(original, "bundle.json")
    used = counted.total - counted.values_left
    document = json.loads(original)
    document["padding"] = [{}] * (jsontext.MAX_VALUES - 5 - used - 2)  # a key and a list too
    text = jsontext.pretty_json(document)
    alone = jsontext.JsonBudget()
    alone.charge(text, "bundle.json")
    assert alone.values_left == 5
    report = refused(altered_bundle(signed_by(SENDER, replace_file(layout.BUNDLE_JSON, text))))
    assert status(report, "bundle.json") is Status.OK
    assert "more JSON values" in detail(report, "custody entries")


def test_the_writer_does_not_make_a_bundle_that_readers_refuse() -> None:
    from kzarchive.bundle import write_bundle
    from kzarchive.errors import BadInput

    content = {"vault_id": "v", "padding": [{}] * jsontext.MAX_VALUES}
    with pytest.raises(BadInput, match="larger than a reader accepts") as caught:
        write_bundle(make_spec(content=content), io.BytesIO())
    assert "Export fewer incidents" in caught.value.hint
