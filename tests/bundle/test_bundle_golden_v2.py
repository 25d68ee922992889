"""The golden bundle of format version 2 (trusted time) still opens and says the same."""

from __future__ import annotations

import io
import json
import subprocess
from pathlib import Path

import pytest

from kzarchive.bundle import BundleError, read_bundle, stamps
from kzarchive.crypto import tsp
from kzarchive.crypto.age import X25519Identity, parse_identity_file
from kzarchive.crypto.identity import ContactCard, PublicIdentity
from tests.bundle.bundle_factory import members_of, plaintext_of
from tests.bundle.make_bundle_golden import PARTNER, PARTNER_KEY, SENDER_CARD
from tests.bundle.make_bundle_golden_v2 import BUNDLE, EXPECTED, TSA_CA


@pytest.fixture(scope="module")
def keys() -> tuple[list[X25519Identity], PublicIdentity]:
    sender = ContactCard.from_text(SENDER_CARD.read_text(encoding="utf-8")).identity
    return parse_identity_file(PARTNER_KEY.read_text()), sender


def test_the_golden_stamped_bundle_reads_with_its_trusted_time(
        keys: tuple[list[X25519Identity], PublicIdentity]) -> None:
    expected = json.loads(EXPECTED.read_text())
    identities, sender = keys
    report = read_bundle(io.BytesIO(BUNDLE.read_bytes()), identities, [sender])
    assert report.ok and report.bundle_id == expected["bundle_id"]
    [stamp] = report.stamps
    assert (stamp.tree_size, stamp.gen_time, stamp.authority, stamp.status) == (
        expected["stamped_size"], expected["gen_time"], expected["authority"], tsp.UNCHECKED)
    [line] = report.trusted_times
    assert (line.incident_id, line.items_covered, line.items_total) == (
        expected["incident"], 3, 3)
    roots = tsp.load_ca_file(TSA_CA.read_bytes())
    verified = read_bundle(io.BytesIO(BUNDLE.read_bytes()), identities, [sender],
                           tsa_roots=roots)
    assert verified.trusted_times[0].status == tsp.VERIFIED
    assert (report.bundle_json or {})["format_version"] == 2


def test_openssl_verifies_the_golden_token(tmp_path: Path) -> None:
    _root, files = members_of(plaintext_of(BUNDLE.read_bytes(), PARTNER))
    size = json.loads(EXPECTED.read_text())["stamped_size"]
    text, _signature, token = stamps.paths(size)
    (tmp_path / "stamp.txt").write_bytes(files[text] or b"")
    (tmp_path / "stamp.tsr").write_bytes(files[token] or b"")
    done = subprocess.run(["openssl", "ts", "-verify", "-in", tmp_path / "stamp.tsr", "-data",
                           tmp_path / "stamp.txt", "-CAfile", TSA_CA],
                          capture_output=True, timeout=60, check=False)
    assert done.returncode == 0 and b"OK" in done.stdout


def test_one_changed_byte_of_the_golden_stamped_bundle_is_refused(
        keys: tuple[list[X25519Identity], PublicIdentity]) -> None:
    identities, sender = keys
    changed = bytearray(BUNDLE.read_bytes())
    changed[len(changed) // 2] ^= 0x01
    with pytest.raises(BundleError):
        read_bundle(io.BytesIO(bytes(changed)), identities, [sender])
