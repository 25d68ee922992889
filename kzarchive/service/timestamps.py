"""Trusted time: RFC 3161 time-stamps over checkpoints of the custody log.

The app never goes online.  ``request`` writes a small ``.tsq`` over the current
signed checkpoint (SHA-256 of the checkpoint's exact text); the documenter carries
it to a connected machine, posts it to an authority of their choice, and brings
the ``.tsr`` back to ``add``, which accepts it only as the answer to a request this
vault made (imprint, nonce, status) and, with a CA, checks signature and chain.

A stamp over the checkpoint of size n proves that the first n log entries existed
no later than the stamped time: every entry with ``seq <= n`` is covered.
"""

from __future__ import annotations

import builtins
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kzarchive.bundle.stamps import StampExport
from kzarchive.crypto import merkle, tsp
from kzarchive.errors import BadInput, MissingFile, TimestampRefused, UntrustedAuthority
from kzarchive.service.models import Record
from kzarchive.service.session import VaultSession
from kzarchive.util.canonical import utc_timestamp

ACTION_TIMESTAMPED = "checkpoint.timestamped"
ACTION_STAMP_VERIFIED = "checkpoint.timestamp_verified"

# What a person runs to send a request; defined with the protocol (crypto.tsp), where
# the command line's help finds it without loading this service.
CURL_COMMAND = tsp.CURL_COMMAND


@dataclass(frozen=True)
class StampRequest(Record):
    tree_size: int
    root: str
    nonce: str
    path: str


@dataclass(frozen=True)
class Stamp(Record):
    """One stored time-stamp: the checkpoint it covers and what the authority said."""

    id: int
    tree_size: int
    root: str
    checkpoint_text: str
    checkpoint_signature: str
    gen_time: str
    authority: str
    chain_status: str  # tsp.VERIFIED or tsp.UNCHECKED
    added: str
    token: bytes
    certificates: bytes  # PEM, as the reply carried them

    def covers(self, seq: int) -> bool:
        return seq <= self.tree_size


_STAMP_QUERY = (
    "SELECT s.id, s.tree_size, c.root, c.text, c.signature, s.gen_time, s.authority, "
    "s.chain_status, s.added, s.token, s.certificates FROM checkpoint_stamps s "
    "JOIN checkpoints c ON c.size = s.tree_size")


class Timestamps:
    """The time-stamps of one open vault (``archive.timestamps``)."""

    def __init__(self, session: VaultSession):
        self._session = session

    def request(self, out_path: Path | str) -> StampRequest:
        """Writes a request over the current checkpoint (made anew if the log grew)."""
        checkpoint = self._session.make_checkpoint()
        made = tsp.make_request(checkpoint.text.encode())
        out = Path(out_path)
        with self._session.transaction() as db:
            db.execute("INSERT INTO stamp_requests (nonce, tree_size, created) VALUES (?, ?, ?)",
                       (str(made.nonce), checkpoint.size, utc_timestamp()))
            out.write_bytes(made.der)
        return StampRequest(checkpoint.size, checkpoint.root.hex(), str(made.nonce), str(out))

    def add(self, reply_path: Path | str, ca_path: Path | str | None = None) -> Stamp:
        """Stores the authority's reply to one of this vault's requests.

        Raises MissingFile, TimestampRefused (not an answer to a request of this vault:
        other data, other nonce, not granted, malformed), UntrustedAuthority (``ca_path``
        given and the signature or chain does not check), BadInput (already stored).
        """
        reply = _read(Path(reply_path), tsp.MAX_REPLY_BYTES)
        roots = tsp.load_ca_file(_read(Path(ca_path), tsp.MAX_CA_BYTES)) if ca_path else None
        nonce = tsp.reply_nonce(reply)
        with self._session.read() as db:
            if db.execute("SELECT 1 FROM checkpoint_stamps WHERE token = ?",
                          (reply,)).fetchone():
                raise BadInput(what="this time-stamp reply is already stored")
            row = db.execute(
                "SELECT r.tree_size, c.text FROM stamp_requests r "
                "JOIN checkpoints c ON c.size = r.tree_size WHERE r.nonce = ?",
                (str(nonce),)).fetchone() if nonce is not None else None
        if row is None:
            raise TimestampRefused(
                what="it answers no request of this vault (no request has its nonce)")
        tree_size, text = int(row[0]), str(row[1])
        token = tsp.check_reply(reply, text.encode(), nonce, roots)
        return self._store(tree_size, token)

    def check(self, ca_path: Path | str) -> builtins.list[Stamp]:
        """Checks the stamps kept as not yet checked against the CA in ``ca_path``; those
        whose signature and chain hold become verified (and are logged).  Returns them.

        Raises MissingFile, UntrustedAuthority (an unreadable CA file).  A stamp that does
        not check against this CA stays as it was: it may be another authority's.
        """
        roots = tsp.load_ca_file(_read(Path(ca_path), tsp.MAX_CA_BYTES))
        verified = []
        for stamp in self.list():
            if stamp.chain_status == tsp.VERIFIED:
                continue
            try:
                tsp.check_reply(stamp.token, stamp.checkpoint_text.encode(), None, roots)
            except (TimestampRefused, UntrustedAuthority):
                continue
            with self._session.transaction() as db:
                db.execute("UPDATE checkpoint_stamps SET chain_status = ? WHERE id = ?",
                           (tsp.VERIFIED, stamp.id))
                self._session.append_log(ACTION_STAMP_VERIFIED, details={
                    "tree_size": stamp.tree_size, "chain": tsp.VERIFIED,
                    "token_sha256": hashlib.sha256(stamp.token).hexdigest()})
            verified.append(self.get(stamp.id))
        return verified

    def _store(self, tree_size: int, token: tsp.Token) -> Stamp:
        added = utc_timestamp()
        with self._session.transaction() as db:
            cursor = db.execute(
                "INSERT INTO checkpoint_stamps (tree_size, token, gen_time, authority, "
                "certificates, chain_status, added) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (tree_size, token.der, token.gen_time, token.authority,
                 tsp.certificates_pem(token.certificates), token.status, added))
            stamp_id = int(cursor.lastrowid or 0)
            db.execute("DELETE FROM stamp_requests WHERE nonce = ?", (str(token.nonce),))
            root = db.execute("SELECT root FROM checkpoints WHERE size = ?",
                              (tree_size,)).fetchone()[0]
            self._session.append_log(ACTION_TIMESTAMPED, details={
                "tree_size": tree_size, "root": root, "gen_time": token.gen_time,
                "authority": token.authority, "chain": token.status,
                "token_sha256": hashlib.sha256(token.der).hexdigest(),
            })
        return self.get(stamp_id)

    def get(self, stamp_id: int) -> Stamp:
        with self._session.read() as db:
            row = db.execute(_STAMP_QUERY + " WHERE s.id = ?", (stamp_id,)).fetchone()
        if row is None:
            raise BadInput(what=f"no time-stamp number {stamp_id}")
        return _stamp(row)

    def list(self) -> list[Stamp]:
        """Every stored stamp, the earliest checkpoint first."""
        with self._session.read() as db:
            rows = db.execute(_STAMP_QUERY + " ORDER BY s.tree_size, s.gen_time, s.id").fetchall()
        return [_stamp(row) for row in rows]

    def pending_requests(self) -> int:
        with self._session.read() as db:
            return int(db.execute("SELECT count(*) FROM stamp_requests").fetchone()[0])

    def earliest_covering(self, seqs: Iterable[int]) -> dict[int, Stamp]:
        """For each log entry number, the stamp with the earliest time that covers it."""
        return earliest_covering(self.list(), seqs)

    def trusted_times(self, incident_id: str) -> dict[str, Stamp]:
        """Per item of the incident, the earliest stamp that covers its intake entry
        (``item.added`` or ``item.derived``); items not yet stamped are absent."""
        with self._session.read() as db:
            rows = db.execute(
                "SELECT item_id, min(seq) FROM custody WHERE incident_id = ? AND item_id "
                "IS NOT NULL AND action IN ('item.added', 'item.derived') GROUP BY item_id",
                (incident_id,)).fetchall()
        by_seq = self.earliest_covering(int(row[1]) for row in rows)
        return {str(item): by_seq[int(seq)] for item, seq in rows if int(seq) in by_seq}

    def for_export(self, seqs: Iterable[int]) -> builtins.list[Stamp]:
        """The stamps a bundle carries: for each exported entry the earliest that covers
        it, each stamp once, in tree order."""
        chosen = {stamp.id: stamp for stamp in self.earliest_covering(seqs).values()}
        return sorted(chosen.values(), key=lambda stamp: (stamp.tree_size, stamp.id))


    def export_stamps(self, seqs: Iterable[int],
                      checkpoint_size: int) -> builtins.list[StampExport]:
        """What a bundle whose checkpoint has ``checkpoint_size`` entries carries for the
        exported entries ``seqs``: each stamp with its consistency proof to that tree."""
        chosen = [s for s in self.for_export(seqs) if s.tree_size <= checkpoint_size]
        if not chosen:
            return []
        with self._session.read() as db:
            leaves = [bytes.fromhex(row[0]) for row in db.execute(
                "SELECT leaf_hash FROM custody WHERE seq <= ? ORDER BY seq", (checkpoint_size,))]
        tree = merkle.MerkleTree(leaves)
        return [StampExport(s.checkpoint_text, s.checkpoint_signature, s.token,
                            tree.consistency_proof(s.tree_size)) for s in chosen]


def earliest_covering(stamps: Iterable[Stamp], seqs: Iterable[int]) -> dict[int, Stamp]:
    ordered = sorted(stamps, key=lambda stamp: (stamp.gen_time, stamp.tree_size, stamp.id))
    found: dict[int, Stamp] = {}
    for seq in set(seqs):
        for stamp in ordered:
            if stamp.covers(seq):
                found[seq] = stamp
                break
    return found


def stamp_json(stamp: Stamp) -> dict[str, object]:
    """The ``timestamp list --json`` shape (README "JSON output")."""
    return {
        "id": stamp.id, "tree_size": stamp.tree_size, "root": stamp.root,
        "gen_time": stamp.gen_time, "authority": stamp.authority,
        "chain_status": stamp.chain_status, "added": stamp.added,
        "token_sha256": hashlib.sha256(stamp.token).hexdigest(),
    }


def _read(path: Path, limit: int) -> bytes:
    try:
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except FileNotFoundError:
        raise MissingFile(path=path) from None
    if len(data) > limit:
        raise BadInput(what=f"{path.name} is larger than {limit} bytes: not a time-stamp file")
    return data


def _stamp(row: Any) -> Stamp:
    return Stamp(int(row[0]), int(row[1]), str(row[2]), str(row[3]), str(row[4]),
                 str(row[5]), str(row[6]), str(row[7]), str(row[8]), bytes(row[9]),
                 bytes(row[10]))


__all__ = ["ACTION_STAMP_VERIFIED", "ACTION_TIMESTAMPED", "CURL_COMMAND", "Stamp",
           "StampRequest", "Timestamps", "earliest_covering", "stamp_json"]
