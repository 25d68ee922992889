"""The RFC 6962 / RFC 9162 (section 2.1) Merkle tree over custody log leaves.

    leaf hash   SHA-256(0x00 || leaf data)
    node hash   SHA-256(0x01 || left || right)
    MTH({})     SHA-256("")
    MTH(D[n])   node hash of MTH(D[0:k]) and MTH(D[k:n]), k the largest power of two < n

Every function here works on leaf hashes, the form the custody log stores.
Proofs are lists of 32-byte hashes ordered from the leaf up, exactly as in RFC
9162, so any RFC 6962 implementation can check what kzarchive writes.

``MerkleTree`` keeps every level of one tree, so that the proofs for many
leaves cost a few list look-ups each instead of a walk over all leaves.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence

from kzarchive.errors import IntegrityError

HASH_SIZE = 32
EMPTY_ROOT = hashlib.sha256(b"").digest()


def leaf_hash(data: bytes) -> bytes:
    return hashlib.sha256(b"\x00" + data).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    return hashlib.sha256(b"\x01" + left + right).digest()


def root(leaf_hashes: Iterable[bytes]) -> bytes:
    """The tree head (MTH) over ``leaf_hashes``; memory grows with log n only."""
    frontier = Frontier()
    for leaf in leaf_hashes:
        frontier.add(leaf)
    return frontier.root()


class Frontier:
    """The right edge of a growing tree: its root after each added leaf, in log n memory."""

    def __init__(self) -> None:
        # Each entry is the root of a perfect subtree: sizes strictly decrease
        # from the bottom of the stack, like the binary digits of the count.
        self._perfect: list[tuple[int, bytes]] = []
        self.size = 0

    def add(self, leaf: bytes) -> None:
        _check_hash(leaf, "leaf hash")
        size, value = 1, leaf
        while self._perfect and self._perfect[-1][0] == size:
            left_size, left = self._perfect.pop()
            size, value = left_size + size, node_hash(left, value)
        self._perfect.append((size, value))
        self.size += 1

    def root(self) -> bytes:
        if not self._perfect:
            return EMPTY_ROOT
        value = self._perfect[-1][1]
        for _, left in reversed(self._perfect[:-1]):
            value = node_hash(left, value)
        return value


class MerkleTree:
    """All levels of one tree, for roots and proofs without re-hashing the leaves."""

    def __init__(self, leaf_hashes: Sequence[bytes]) -> None:
        level = list(leaf_hashes)
        for leaf in level:
            _check_hash(leaf, "leaf hash")
        # levels[j][i] is MTH of the leaves [i * 2**j, min((i + 1) * 2**j, size)):
        # a node without a right sibling is carried up unchanged, which is
        # exactly RFC 6962's split at the largest power of two.
        self._levels = [level]
        while len(level) > 1:
            paired = [node_hash(level[i], level[i + 1]) for i in range(0, len(level) - 1, 2)]
            if len(level) % 2:
                paired.append(level[-1])
            level = paired
            self._levels.append(level)

    @property
    def size(self) -> int:
        return len(self._levels[0])

    @property
    def root(self) -> bytes:
        return self._levels[-1][0] if self.size else EMPTY_ROOT

    def inclusion_proof(self, index: int) -> list[bytes]:
        """The audit path (RFC 9162 2.1.3.1) of the leaf at ``index``."""
        if not 0 <= index < self.size:
            raise ValueError(f"leaf index {index} is outside a tree of {self.size} leaves")
        proof = []
        for level in self._levels[:-1]:
            sibling = index ^ 1
            if sibling < len(level):
                proof.append(level[sibling])
            index >>= 1
        return proof

    def consistency_proof(self, old_size: int) -> list[bytes]:
        """The proof (RFC 9162 2.1.4.1) that the first ``old_size`` leaves are a prefix."""
        if not 0 < old_size <= self.size:
            raise ValueError(
                f"a consistency proof needs 0 < old size <= {self.size}, not {old_size}"
            )
        return self._subproof(old_size, 0, self.size, True)

    def _subproof(self, old_size: int, start: int, size: int, old_is_whole: bool) -> list[bytes]:
        # SUBPROOF(m, D[start:start+size], b) of RFC 6962 section 2.1.2.
        if old_size == size:
            return [] if old_is_whole else [self._subtree(start, size)]
        split = 1 << ((size - 1).bit_length() - 1)
        if old_size <= split:
            proof = self._subproof(old_size, start, split, old_is_whole)
            return [*proof, self._subtree(start + split, size - split)]
        proof = self._subproof(old_size - split, start + split, size - split, False)
        return [*proof, self._subtree(start, split)]

    def _subtree(self, start: int, size: int) -> bytes:
        # Only nodes of this tree are asked for: perfect subtrees, or the
        # right edge [start, self.size), whose start is aligned to its height.
        height = (size - 1).bit_length()
        return self._levels[height][start >> height]


def inclusion_proof(index: int, leaf_hashes: Sequence[bytes]) -> list[bytes]:
    return MerkleTree(leaf_hashes).inclusion_proof(index)


def inclusion_proofs(
    indices: Iterable[int], leaf_hashes: Sequence[bytes]
) -> dict[int, list[bytes]]:
    """Proofs for many leaves of one tree, hashing the leaves once."""
    tree = MerkleTree(leaf_hashes)
    return {index: tree.inclusion_proof(index) for index in indices}


def consistency_proof(old_size: int, leaf_hashes: Sequence[bytes]) -> list[bytes]:
    return MerkleTree(leaf_hashes).consistency_proof(old_size)


def verify_inclusion(
    leaf: bytes, index: int, tree_size: int, proof: Sequence[bytes], root: bytes
) -> None:
    """Checks that ``leaf`` (a leaf hash) is leaf ``index`` of the tree with head ``root``.

    RFC 9162 section 2.1.3.2.  Raises ``IntegrityError`` naming the failure.
    """
    _check_proof_input(proof, leaf=leaf, root=root)
    if not 0 <= index < tree_size:
        raise _proof_error(f"entry number {index} cannot be in a log of {tree_size} entries")
    position, last = index, tree_size - 1
    value = leaf
    for sibling in proof:
        if last == 0:
            raise _proof_error("the inclusion proof is longer than the log allows")
        if position & 1 or position == last:
            value = node_hash(sibling, value)
            while not position & 1 and position != 0:
                position >>= 1
                last >>= 1
        else:
            value = node_hash(value, sibling)
        position >>= 1
        last >>= 1
    if last != 0:
        raise _proof_error("the inclusion proof is shorter than the log requires")
    if value != root:
        raise _proof_error("the entry's inclusion proof does not lead to the expected log root")


def verify_consistency(
    old_size: int, new_size: int, old_root: bytes, new_root: bytes, proof: Sequence[bytes]
) -> None:
    """Checks that the log of ``old_size`` entries is a prefix of the one of ``new_size``.

    RFC 9162 section 2.1.4.2.  Raises ``IntegrityError`` naming the failure.
    """
    _check_proof_input(proof, old_root=old_root, new_root=new_root)
    if old_size <= 0 or new_size < old_size:
        raise _proof_error(
            f"a log of {old_size} entries cannot be compared with one of {new_size} entries"
        )
    if old_size == new_size:
        if proof:
            raise _proof_error("logs of the same size need an empty consistency proof")
        if old_root != new_root:
            raise _proof_error("two logs of the same size have different roots")
        return
    if not proof:
        raise _proof_error("the consistency proof is empty")
    path = list(proof)
    if old_size & (old_size - 1) == 0:
        # The old tree is a perfect subtree of the new one; its root starts the path.
        path.insert(0, old_root)
    position, last = old_size - 1, new_size - 1
    while position & 1:
        position >>= 1
        last >>= 1
    old_value = new_value = path[0]
    for sibling in path[1:]:
        if last == 0:
            raise _proof_error("the consistency proof is longer than the logs allow")
        if position & 1 or position == last:
            old_value = node_hash(sibling, old_value)
            new_value = node_hash(sibling, new_value)
            while not position & 1 and position != 0:
                position >>= 1
                last >>= 1
        else:
            new_value = node_hash(new_value, sibling)
        position >>= 1
        last >>= 1
    if last != 0:
        raise _proof_error("the consistency proof is shorter than the logs require")
    if old_value != old_root:
        raise _proof_error("the consistency proof does not match the earlier log root")
    if new_value != new_root:
        raise _proof_error("the consistency proof does not match the later log root")


def _check_hash(value: bytes, what: str) -> None:
    if not isinstance(value, bytes) or len(value) != HASH_SIZE:
        raise ValueError(f"a {what} is {HASH_SIZE} bytes")


def _check_proof_input(proof: Sequence[bytes], **hashes: bytes) -> None:
    for name, value in hashes.items():
        if len(value) != HASH_SIZE:
            raise _proof_error(f"the {name.replace('_', ' ')} is not a {HASH_SIZE}-byte hash")
    if any(len(element) != HASH_SIZE for element in proof):
        raise _proof_error(f"an element of the proof is not a {HASH_SIZE}-byte hash")


def _proof_error(what: str) -> IntegrityError:
    return IntegrityError(what=f"custody log proof: {what}")
