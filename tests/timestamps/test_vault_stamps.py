"""The vault side of trusted time: request, reply, add, list, and hostile replies."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from rfc3161_client import decode_timestamp_response

from kzarchive.archive import Archive
from kzarchive.crypto import tsp
from kzarchive.errors import BadInput, TimestampRefused, UntrustedAuthority
from kzarchive.service.timestamps import ACTION_TIMESTAMPED
from tests.timestamps.local_tsa import LocalTsa


def stamp_once(archive: Archive, tsa: LocalTsa, work: Path, ca: Path | None = None,
               name: str = "stamp") -> Path:
    request = archive.timestamps.request(work / f"{name}.tsq")
    reply = tsa.reply(Path(request.path), work / f"{name}.tsr")
    archive.timestamps.add(reply, ca)
    return reply


def test_request_covers_the_exact_checkpoint_text(archive: Archive, work: Path) -> None:
    incident = archive.add_incident("Detention at the border")
    made = archive.timestamps.request(work / "stamp.tsq")
    with archive.read() as db:
        text, size = db.execute("SELECT text, size FROM checkpoints ORDER BY size DESC"
                                ).fetchone()
        logged = db.execute("SELECT count(*) FROM custody").fetchone()[0]
    assert made.tree_size == size == logged
    assert text.startswith(f"kzarchive/{archive.vault_id}\n{size}\n")
    der = (work / "stamp.tsq").read_bytes()
    # The request names SHA-256 of the checkpoint bytes: found as is in its DER.
    assert hashlib.sha256(text.encode()).digest() in der
    assert str(made.nonce) and archive.timestamps.pending_requests() == 1
    assert incident


def test_a_new_checkpoint_is_made_when_the_log_grew(archive: Archive, work: Path) -> None:
    first = archive.timestamps.request(work / "a.tsq")
    archive.add_incident("Later incident")
    second = archive.timestamps.request(work / "b.tsq")
    assert second.tree_size > first.tree_size
    assert second.root != first.root


def test_reply_is_added_listed_and_logged(archive: Archive, tsa: LocalTsa, work: Path) -> None:
    archive.add_incident("Detention")
    request = archive.timestamps.request(work / "stamp.tsq")
    reply = tsa.reply(Path(request.path), work / "stamp.tsr")
    stamp = archive.timestamps.add(reply)
    assert stamp.tree_size == request.tree_size and stamp.root == request.root
    assert stamp.chain_status == tsp.UNCHECKED
    assert stamp.authority == "CN=Test TSA"
    assert stamp.token == reply.read_bytes()
    assert b"BEGIN CERTIFICATE" in stamp.certificates  # kept for long-term validation
    assert archive.timestamps.list() == [stamp]
    assert archive.timestamps.pending_requests() == 0
    logged = archive.custody_entries()[-1]
    assert logged.action == ACTION_TIMESTAMPED
    assert logged.details["tree_size"] == request.tree_size
    assert logged.details["token_sha256"] == hashlib.sha256(reply.read_bytes()).hexdigest()


def test_the_same_reply_cannot_be_added_twice(archive: Archive, tsa: LocalTsa,
                                              work: Path) -> None:
    reply = stamp_once(archive, tsa, work)
    with pytest.raises(BadInput, match="already stored"):
        archive.timestamps.add(reply)


def test_with_the_ca_the_chain_is_verified(archive: Archive, tsa: LocalTsa, work: Path) -> None:
    stamp_once(archive, tsa, work, ca=tsa.ca_pem)
    assert [s.chain_status for s in archive.timestamps.list()] == [tsp.VERIFIED]


def test_a_ca_that_did_not_issue_the_authority_is_refused(
        archive: Archive, tsa: LocalTsa, other_tsa: LocalTsa, work: Path) -> None:
    request = archive.timestamps.request(work / "stamp.tsq")
    reply = tsa.reply(Path(request.path), work / "stamp.tsr")
    with pytest.raises(UntrustedAuthority):
        archive.timestamps.add(reply, other_tsa.ca_pem)
    assert archive.timestamps.list() == []
    assert archive.timestamps.pending_requests() == 1  # the right CA may still come


def test_a_reply_to_another_request_is_refused(archive: Archive, tsa: LocalTsa,
                                               work: Path) -> None:
    archive.timestamps.request(work / "stamp.tsq")
    (work / "other.txt").write_bytes(b"not this vault's checkpoint\n")
    query = tsa.query(work / "other.txt", work / "other.tsq")
    reply = tsa.reply(query, work / "other.tsr")
    with pytest.raises(TimestampRefused, match="no request"):
        archive.timestamps.add(reply)
    assert archive.timestamps.list() == []


def test_a_reply_with_the_nonce_over_other_data_is_refused(
        archive: Archive, tsa: LocalTsa, work: Path) -> None:
    made = archive.timestamps.request(work / "stamp.tsq")
    (work / "other.txt").write_bytes(b"other data\n")
    reply = tsa.reply(tsa.query(work / "other.txt", work / "other.tsq"), work / "other.tsr")
    nonce = decode_timestamp_response(reply.read_bytes()).tst_info.nonce
    # As if this vault had asked with that nonce: only the imprint is left to differ.
    with archive.transaction() as db:
        db.execute("INSERT INTO stamp_requests (nonce, tree_size, created) VALUES (?, ?, ?)",
                   (str(nonce), made.tree_size, "2026-01-01T00:00:00Z"))
    with pytest.raises(TimestampRefused, match="other data"):
        archive.timestamps.add(reply)


def test_a_refused_request_is_refused(archive: Archive, tsa: LocalTsa, work: Path) -> None:
    request = archive.timestamps.request(work / "stamp.tsq")
    reply = tsa.reply(Path(request.path), work / "stamp.tsr", digests="sha512")
    with pytest.raises(TimestampRefused, match="did not grant"):
        archive.timestamps.add(reply)


def test_not_a_reply_is_refused(archive: Archive, work: Path) -> None:
    archive.timestamps.request(work / "stamp.tsq")
    for junk in (b"", b"\x30\x03\x02\x01\x00", b"hello", (work / "stamp.tsq").read_bytes()):
        (work / "junk.tsr").write_bytes(junk)
        with pytest.raises(TimestampRefused):
            archive.timestamps.add(work / "junk.tsr")


def test_every_altered_byte_of_a_reply_is_refused_with_the_ca(
        archive: Archive, tsa: LocalTsa, work: Path) -> None:
    request = archive.timestamps.request(work / "stamp.tsq")
    good = tsa.reply(Path(request.path), work / "stamp.tsr").read_bytes()
    with archive.read() as db:
        text = db.execute("SELECT text FROM checkpoints WHERE size = ?",
                          (request.tree_size,)).fetchone()[0].encode()
    roots = tsp.load_ca_file(tsa.ca_pem.read_bytes())
    nonce = int(request.nonce)
    token = tsp.check_reply(good, text, nonce, roots)
    assert token.status == tsp.VERIFIED
    signed_fields = (token.gen_time, token.authority, token.serial, token.nonce)
    passed = []
    for index in range(len(good)):
        altered = bytearray(good)
        altered[index] ^= 0x01
        try:
            kept = tsp.check_reply(bytes(altered), text, nonce, roots)
        except (TimestampRefused, UntrustedAuthority):
            continue
        # CMS leaves a few fields outside the signature (the SignedData and
        # SignerInfo versions, the signature algorithm's identifier): a change there
        # may pass, but then nothing the token asserts has changed.
        assert (kept.gen_time, kept.authority, kept.serial, kept.nonce) == signed_fields
        passed.append(index)
    assert len(passed) < 16, passed
    for cut in range(0, len(good), 7):
        with pytest.raises(TimestampRefused):
            tsp.check_reply(good[:cut], text, nonce, roots)


def test_stamps_cover_the_entries_before_them(archive: Archive, tsa: LocalTsa,
                                              work: Path) -> None:
    first_incident = archive.add_incident("Early")
    stamp_once(archive, tsa, work, name="one")
    second_incident = archive.add_incident("Late")
    assert archive.timestamps.trusted_times(first_incident) == {}
    early = archive.timestamps.list()[0]
    seqs = {e.seq for e in archive.custody_entries(first_incident)}
    later = {e.seq for e in archive.custody_entries(second_incident)}
    covering = archive.timestamps.earliest_covering(seqs | later)
    assert all(covering[s] == early for s in seqs)
    assert not later & set(covering)


def test_a_stamp_kept_unchecked_is_verified_later_with_the_ca(
        archive: Archive, tsa: LocalTsa, other_tsa: LocalTsa, work: Path) -> None:
    stamp_once(archive, tsa, work)
    assert archive.timestamps.check(other_tsa.ca_pem) == []
    assert archive.timestamps.list()[0].chain_status == tsp.UNCHECKED
    [verified] = archive.timestamps.check(tsa.ca_pem)
    assert verified.chain_status == tsp.VERIFIED
    assert archive.custody_entries()[-1].action == "checkpoint.timestamp_verified"
    assert archive.timestamps.check(tsa.ca_pem) == []  # nothing left to check
