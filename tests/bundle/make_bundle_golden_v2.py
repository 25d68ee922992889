"""Writes the golden bundle of format version 2 (trusted time) into tests/bundle/golden/.

    .venv/bin/python -m tests.bundle.make_bundle_golden_v2 [--refresh]

The content and keys are those of the version 1 golden bundle; in addition the
sender's checkpoint of 5 entries carries an RFC 3161 time-stamp from a test
authority made with ``openssl`` (its CA certificate is kept next to the bundle),
and the bundle's checkpoint is that of 7 entries, so the bundle carries a
consistency proof from 5 to 7.  Like the version 1 bundle, it is made once and
kept: later kzarchive versions must still read it.
"""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import sys
import tempfile
from pathlib import Path

from kzarchive.bundle import write_bundle
from kzarchive.bundle.stamps import StampExport
from kzarchive.crypto import merkle, minisign, tsp
from kzarchive.vault.custody import checkpoint_text
from tests.bundle.make_bundle_golden import (
    GOLDEN,
    INCIDENT,
    SENDER,
    VAULT_ID,
    custody,
    golden_spec,
)
from tests.timestamps.local_tsa import LocalTsa

BUNDLE = GOLDEN / "bundle-v2-stamped.kzb"
TSA_CA = GOLDEN / "bundle-v2-tsa-ca.pem"
EXPECTED = GOLDEN / "bundle-v2-expected.json"
STAMPED_SIZE = 5


def stamped(folder: Path) -> tuple[StampExport, str]:
    export = custody()
    leaves = [bytes.fromhex(entry["leaf_hash"]) for entry in export.entries]
    tree = merkle.MerkleTree(leaves)
    text = checkpoint_text(VAULT_ID, STAMPED_SIZE, merkle.root(leaves[:STAMPED_SIZE]))
    signature = minisign.sign(SENDER.signing_key, text.encode(),
                              f"kzarchive checkpoint {VAULT_ID} {STAMPED_SIZE}")
    authority = LocalTsa(folder / "tsa", name="Golden TSA")
    request = folder / "stamp.tsq"
    request.write_bytes(tsp.make_request(text.encode()).der)
    token = authority.reply(request, folder / "stamp.tsr").read_bytes()
    shutil.copyfile(authority.ca_pem, TSA_CA)
    gen_time = tsp.check_reply(token, text.encode(), None).gen_time
    return StampExport(text, signature, token, tree.consistency_proof(STAMPED_SIZE)), gen_time


def main() -> None:
    if BUNDLE.exists() and "--refresh" not in sys.argv[1:]:
        print(f"{BUNDLE} exists; nothing written (use --refresh to replace it)")
        return
    with tempfile.TemporaryDirectory() as folder:
        stamp, gen_time = stamped(Path(folder))
    spec = golden_spec()
    spec = type(spec)(**{**spec.__dict__, "bundle_id": "kzb-20250601-0123456789abcdf2",
                         "stamps": [stamp]})
    out = io.BytesIO()
    write_bundle(spec, out)
    BUNDLE.write_bytes(out.getvalue())
    EXPECTED.write_text(json.dumps({
        "bundle_id": spec.bundle_id, "incident": INCIDENT, "stamped_size": STAMPED_SIZE,
        "gen_time": gen_time, "authority": "CN=Golden TSA",
        "token_sha256": hashlib.sha256(stamp.token).hexdigest(),
    }, indent=2, sort_keys=True) + "\n")
    print(f"wrote {BUNDLE}")


if __name__ == "__main__":
    main()
