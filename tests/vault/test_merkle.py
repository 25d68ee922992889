"""RFC 6962 Merkle tree: known answers, proofs against the RFC's own definitions, tampering."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kzarchive.crypto import merkle
from kzarchive.crypto.merkle import MerkleTree
from kzarchive.errors import IntegrityError

# Known answers from transparency-dev/merkle (the Certificate Transparency test
# data), commit 417fb0c314750d94e53942e9f92e79b6d35915db:
# testonly/constants.go (LeafInputs, RootHashes) and cmd/proofgen/main.go
# (inclusionProofs, consistencyProofs; its leaf indices are 1-based, here 0-based).
KAT_LEAF_INPUTS = [
    bytes.fromhex(h)
    for h in [
        "",
        "00",
        "10",
        "2021",
        "3031",
        "40414243",
        "5051525354555657",
        "606162636465666768696a6b6c6d6e6f",
    ]
]
KAT_ROOTS = [
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
]
KAT_INCLUSION = [  # (leaf index, tree size, audit path)
    (0, 1, []),
    (
        0,
        8,
        [
            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
        ],
    ),
    (
        5,
        8,
        [
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        ],
    ),
    (2, 3, ["fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"]),
    (
        1,
        5,
        [
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
        ],
    ),
]
KAT_CONSISTENCY = [  # (old size, new size, proof)
    (1, 1, []),
    (
        1,
        8,
        [
            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
        ],
    ),
    (
        6,
        8,
        [
            "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        ],
    ),
    (
        2,
        5,
        [
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
        ],
    ),
    (
        6,
        7,
        [
            "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
            "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        ],
    ),
]
KAT_LEAVES = [merkle.leaf_hash(data) for data in KAT_LEAF_INPUTS]


def unhex(hashes: Sequence[str]) -> list[bytes]:
    return [bytes.fromhex(h) for h in hashes]


def leaves_for(size: int) -> list[bytes]:
    return [merkle.leaf_hash(b"entry %d" % i) for i in range(size)]


def flip(value: bytes, bit: int) -> bytes:
    changed = bytearray(value)
    changed[bit // 8] ^= 1 << (bit % 8)
    return bytes(changed)


# --- RFC 6962 section 2.1, written as the RFC defines it (recursive, slow) ----------------


def largest_power_of_two_below(n: int) -> int:
    k = 1
    while k * 2 < n:
        k *= 2
    return k


def rfc_mth(leaves: Sequence[bytes]) -> bytes:
    if not leaves:
        return hashlib.sha256(b"").digest()
    if len(leaves) == 1:
        return leaves[0]
    k = largest_power_of_two_below(len(leaves))
    return merkle.node_hash(rfc_mth(leaves[:k]), rfc_mth(leaves[k:]))


def rfc_path(m: int, leaves: Sequence[bytes]) -> list[bytes]:
    if len(leaves) == 1:
        return []
    k = largest_power_of_two_below(len(leaves))
    if m < k:
        return [*rfc_path(m, leaves[:k]), rfc_mth(leaves[k:])]
    return [*rfc_path(m - k, leaves[k:]), rfc_mth(leaves[:k])]


def rfc_subproof(m: int, leaves: Sequence[bytes], whole: bool) -> list[bytes]:
    n = len(leaves)
    if m == n:
        return [] if whole else [rfc_mth(leaves)]
    k = largest_power_of_two_below(n)
    if m <= k:
        return [*rfc_subproof(m, leaves[:k], whole), rfc_mth(leaves[k:])]
    return [*rfc_subproof(m - k, leaves[k:], False), rfc_mth(leaves[:k])]


# --- known answers ----------------------------------------------------------------------------


def test_hashes_are_domain_separated_as_rfc_6962() -> None:
    assert merkle.leaf_hash(b"") == hashlib.sha256(b"\x00").digest()
    assert (
        merkle.node_hash(b"L" * 32, b"R" * 32)
        == hashlib.sha256(b"\x01" + b"L" * 32 + b"R" * 32).digest()
    )


@pytest.mark.parametrize("size", range(len(KAT_ROOTS)))
def test_known_roots(size: int) -> None:
    expected = bytes.fromhex(KAT_ROOTS[size])
    assert merkle.root(KAT_LEAVES[:size]) == expected
    assert MerkleTree(KAT_LEAVES[:size]).root == expected


@pytest.mark.parametrize(("index", "size", "path"), KAT_INCLUSION)
def test_known_inclusion_proofs(index: int, size: int, path: list[str]) -> None:
    leaves = KAT_LEAVES[:size]
    assert merkle.inclusion_proof(index, leaves) == unhex(path)
    root = bytes.fromhex(KAT_ROOTS[size])
    merkle.verify_inclusion(KAT_LEAVES[index], index, size, unhex(path), root)


@pytest.mark.parametrize(("old_size", "new_size", "path"), KAT_CONSISTENCY)
def test_known_consistency_proofs(old_size: int, new_size: int, path: list[str]) -> None:
    assert merkle.consistency_proof(old_size, KAT_LEAVES[:new_size]) == unhex(path)
    old_root, new_root = bytes.fromhex(KAT_ROOTS[old_size]), bytes.fromhex(KAT_ROOTS[new_size])
    merkle.verify_consistency(old_size, new_size, old_root, new_root, unhex(path))


# --- against the RFC's definitions, exhaustively for small trees ----------------------------


def test_every_proof_of_every_small_tree_matches_the_rfc_and_verifies() -> None:
    for size in range(1, 65):
        leaves = leaves_for(size)
        tree = MerkleTree(leaves)
        assert tree.root == merkle.root(leaves) == rfc_mth(leaves)
        for index in range(size):
            proof = tree.inclusion_proof(index)
            assert proof == rfc_path(index, leaves)
            merkle.verify_inclusion(leaves[index], index, size, proof, tree.root)
        for old_size in range(1, size + 1):
            proof = tree.consistency_proof(old_size)
            assert proof == rfc_subproof(old_size, leaves, True)
            merkle.verify_consistency(old_size, size, rfc_mth(leaves[:old_size]), tree.root, proof)


def test_root_accepts_a_stream_of_leaves() -> None:
    assert merkle.root(iter(leaves_for(37))) == rfc_mth(leaves_for(37))


def test_inclusion_proofs_for_many_leaves_in_one_pass() -> None:
    leaves = leaves_for(23)
    proofs = merkle.inclusion_proofs([0, 7, 22], leaves)
    assert proofs == {i: rfc_path(i, leaves) for i in (0, 7, 22)}


# --- tampering (hypothesis) -----------------------------------------------------------------


@st.composite
def tree_and_leaf(draw: st.DrawFn) -> tuple[list[bytes], int]:
    size = draw(st.integers(min_value=1, max_value=64))
    return leaves_for(size), draw(st.integers(min_value=0, max_value=size - 1))


@settings(max_examples=300, deadline=None)
@given(tree_and_leaf(), st.data())
def test_any_altered_inclusion_input_fails(
    case: tuple[list[bytes], int], data: st.DataObject
) -> None:
    leaves, index = case
    size, tree = len(leaves), MerkleTree(leaves)
    proof, root = tree.inclusion_proof(index), tree.root
    bit = data.draw(st.integers(min_value=0, max_value=255))
    with pytest.raises(IntegrityError):
        merkle.verify_inclusion(leaves[index], index, size, proof, flip(root, bit))
    with pytest.raises(IntegrityError):
        merkle.verify_inclusion(flip(leaves[index], bit), index, size, proof, root)
    if proof:
        element = data.draw(st.integers(min_value=0, max_value=len(proof) - 1))
        altered = [*proof[:element], flip(proof[element], bit), *proof[element + 1 :]]
        with pytest.raises(IntegrityError):
            merkle.verify_inclusion(leaves[index], index, size, altered, root)
        with pytest.raises(IntegrityError):
            merkle.verify_inclusion(leaves[index], index, size, proof[:-1], root)
    with pytest.raises(IntegrityError):
        merkle.verify_inclusion(leaves[index], index, size, [*proof, root], root)
    other = data.draw(st.integers(min_value=-1, max_value=size).filter(lambda i: i != index))
    with pytest.raises(IntegrityError):
        merkle.verify_inclusion(leaves[index], other, size, proof, root)


@st.composite
def two_sizes(draw: st.DrawFn) -> tuple[int, int]:
    new_size = draw(st.integers(min_value=2, max_value=64))
    return draw(st.integers(min_value=1, max_value=new_size - 1)), new_size


@settings(max_examples=300, deadline=None)
@given(two_sizes(), st.data())
def test_any_altered_consistency_input_fails(sizes: tuple[int, int], data: st.DataObject) -> None:
    old_size, new_size = sizes
    leaves = leaves_for(new_size)
    tree = MerkleTree(leaves)
    old_root, new_root = merkle.root(leaves[:old_size]), tree.root
    proof = tree.consistency_proof(old_size)
    bit = data.draw(st.integers(min_value=0, max_value=255))
    element = data.draw(st.integers(min_value=0, max_value=len(proof) - 1))
    altered = [*proof[:element], flip(proof[element], bit), *proof[element + 1 :]]
    for bad_old, bad_new, bad_proof in (
        (flip(old_root, bit), new_root, proof),
        (old_root, flip(new_root, bit), proof),
        (old_root, new_root, altered),
        (old_root, new_root, proof[:-1]),
        (old_root, new_root, [*proof, new_root]),
        (new_root, old_root, proof),
    ):
        with pytest.raises(IntegrityError):
            merkle.verify_consistency(old_size, new_size, bad_old, bad_new, bad_proof)
    # The log did not keep its first entries: a rewritten history is caught.
    rewritten = MerkleTree([merkle.leaf_hash(b"forged"), *leaves[1:]])
    with pytest.raises(IntegrityError):
        merkle.verify_consistency(
            old_size, new_size, old_root, rewritten.root, rewritten.consistency_proof(old_size)
        )


# --- edges ----------------------------------------------------------------------------------


def test_consistency_size_rules() -> None:
    leaves = leaves_for(5)
    root5, root3 = merkle.root(leaves), merkle.root(leaves[:3])
    merkle.verify_consistency(5, 5, root5, root5, [])
    for old_size, new_size, old_root, new_root, proof in (
        (5, 5, root5, root5, [root5]),  # equal sizes need an empty proof
        (5, 5, root3, root5, []),  # equal sizes need equal roots
        (0, 5, merkle.EMPTY_ROOT, root5, []),  # from an empty log proves nothing (RFC 9162)
        (0, 0, merkle.EMPTY_ROOT, merkle.EMPTY_ROOT, []),
        (5, 3, root5, root3, []),  # a log never shrinks
        (3, 5, root3, root5, []),  # different sizes need a proof
    ):
        with pytest.raises(IntegrityError):
            merkle.verify_consistency(old_size, new_size, old_root, new_root, proof)


def test_malformed_proof_inputs_are_integrity_errors() -> None:
    leaves = leaves_for(4)
    tree = MerkleTree(leaves)
    proof = tree.inclusion_proof(1)
    for leaf, index, size, bad_proof, root in (
        (leaves[1], 1, 4, [proof[0][:31], proof[1]], tree.root),
        (leaves[1][:31], 1, 4, proof, tree.root),
        (leaves[1], 1, 4, proof, tree.root + b"\x00"),
        (leaves[1], 1, 0, [], merkle.EMPTY_ROOT),
        (leaves[1], 4, 4, proof, tree.root),
    ):
        with pytest.raises(IntegrityError):
            merkle.verify_inclusion(leaf, index, size, bad_proof, root)


def test_proof_length_must_fit_the_claimed_log_size() -> None:
    # Hashes that would chain to the root anyway: only the size rule refuses them.
    leaves = leaves_for(2)
    two = MerkleTree(leaves)
    with pytest.raises(IntegrityError, match="longer"):
        merkle.verify_inclusion(leaves[0], 0, 1, two.inclusion_proof(0), two.root)
    with pytest.raises(IntegrityError, match="shorter"):
        merkle.verify_inclusion(two.root, 0, 2, [], two.root)
    with pytest.raises(IntegrityError, match="longer"):
        merkle.verify_consistency(1, 2, leaves[0], two.root, [leaves[1], leaves[1]])
    with pytest.raises(IntegrityError, match="shorter"):
        merkle.verify_consistency(1, 3, leaves[0], two.root, [leaves[1]])


def test_proof_generation_refuses_impossible_requests() -> None:
    tree = MerkleTree(leaves_for(4))
    for index in (-1, 4):
        with pytest.raises(ValueError):
            tree.inclusion_proof(index)
    for old_size in (0, 5):
        with pytest.raises(ValueError):
            tree.consistency_proof(old_size)
    with pytest.raises(ValueError):
        MerkleTree([b"short"])
    with pytest.raises(ValueError):
        merkle.root([b"short"])
    assert MerkleTree([]).root == merkle.EMPTY_ROOT == hashlib.sha256(b"").digest()


# --- scale -----------------------------------------------------------------------------------


def test_large_log_root_and_proofs_are_fast() -> None:
    leaves = leaves_for(100_000)
    started = time.perf_counter()
    root = merkle.root(leaves)
    assert time.perf_counter() - started < 1.0
    started = time.perf_counter()
    proofs = merkle.inclusion_proofs(range(0, 100_000, 7), leaves)
    assert time.perf_counter() - started < 2.0
    assert len(proofs) == len(range(0, 100_000, 7))
    for index in (0, 65_534, 65_541, 99_995):
        merkle.verify_inclusion(leaves[index], index, 100_000, proofs[index], root)
    old_root = merkle.root(leaves[:70_001])
    proof = merkle.consistency_proof(70_001, leaves)
    merkle.verify_consistency(70_001, 100_000, old_root, root, proof)


def test_the_frontier_gives_the_root_of_every_prefix() -> None:
    leaves = [merkle.leaf_hash(bytes([i])) for i in range(70)]
    frontier = merkle.Frontier()
    assert frontier.root() == merkle.EMPTY_ROOT
    for count, leaf in enumerate(leaves, start=1):
        frontier.add(leaf)
        assert (frontier.size, frontier.root()) == (count, merkle.MerkleTree(leaves[:count]).root)
