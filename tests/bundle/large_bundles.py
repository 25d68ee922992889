"""Hostile bundles of tens of megabytes, and ``kzarchive verify-bundle`` run on them.

Shared by tests/bundle/test_reader_memory.py and benchmarks/bench_reader_memory.py.
The control is a real export from a documenter's vault to a partner's; each
hostile bundle is that export with one JSON file replaced and signed again by
the documenter (a validly signed lie), or, for a stranger, the factory's bundle
signed by a key the partner does not know.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kzarchive.archive import Archive
from kzarchive.bundle import jsontext, layout
from kzarchive.crypto.identity import Identity
from kzarchive.errors import IntegrityError, UntrustedSigner
from tests.bundle.bundle_factory import (
    STRANGER,
    bundle_bytes,
    encrypted,
    make_spec,
    members_of,
    packed,
    plaintext_of,
    resign,
)

PASSPHRASE = "memory test passphrase, long enough"
MEMORY_LIMIT_MB = 300
HUGE = 60 * 1024 * 1024

Entries = dict[str, bytes | None]


@dataclass(frozen=True)
class Case:
    name: str
    path: Path
    exit_code: int
    says: str  # a phrase the command's output must contain


@dataclass(frozen=True)
class Setting:
    vault: Path  # the partner's vault
    identity: Identity  # the partner's
    sender: Identity  # the documenter's, a verified contact of the partner
    export: bytes  # a real bundle from the documenter to the partner


@dataclass(frozen=True)
class Run:
    exit_code: int
    peak_mb: float
    output: str


def partner_vault(folder: Path) -> Setting:
    """A documenter and a partner who verified each other, and a real export between them."""
    documenter, _code = Archive.create(folder / "documenter", PASSPHRASE, name="Documenter")
    partner_path = folder / "vault"
    partner, _code = Archive.create(partner_path, PASSPHRASE, name="Partner")
    with documenter, partner:
        for one, other, name in ((documenter, partner, "Partner"),
                                 (partner, documenter, "Documenter")):
            card = folder / f"{name}.kzcard"
            other.export_card(card)
            one.add_contact_card(card)
            one.verify_contact(name)
        incident = documenter.add_incident("Задержание журналиста")
        documenter.add_text(incident, "Я видел задержание у акимата.", witness="W-1")
        bundle = folder / "export.kzb"
        documenter.export_bundle([incident], ["Partner"], bundle)
        identity, sender = partner.identity, documenter.identity
    assert identity is not None and sender is not None
    return Setting(partner_path, identity, sender, bundle.read_bytes())


def _objects(size: int) -> bytes:
    """A JSON array of empty objects, ``size`` bytes long: 3 bytes per value."""
    count = (size - 2) // 3
    return b"[" + b"{}," * (count - 1) + b"{}]" + b" " * ((size - 2) % 3)


def _bundle(setting: Setting, stranger: bool, change: Callable[[Entries], None] | None) -> bytes:
    identity = setting.identity
    signer = STRANGER if stranger else setting.sender
    data = (bundle_bytes(make_spec(sender=STRANGER, partners=(identity,))) if stranger
            else setting.export)
    if change is None:
        return data
    root, entries = members_of(plaintext_of(data, identity))
    change(entries)
    resign(entries, signer)
    return encrypted(packed(root, entries), identity)


def _replace(path: str, content: bytes) -> Callable[[Entries], None]:
    def change(entries: Entries) -> None:
        entries[path] = content

    return change


def _at_the_value_cap(entries: Entries) -> None:
    """bundle.json just within the value budget: parsed whole, the custody files then not."""
    document = json.loads(entries[layout.BUNDLE_JSON] or b"")
    document["padding"] = [{}] * (jsontext.MAX_VALUES - 200)
    entries[layout.BUNDLE_JSON] = jsontext.pretty_json(document)


def write_cases(folder: Path, setting: Setting) -> list[Case]:
    """The control and the hostile bundles for the partner's vault, written to ``folder``."""
    made = [
        ("control", False, None, 0, "Everything holds"),
        ("60 MB JSON from a stranger", True, _replace(layout.BUNDLE_JSON, _objects(HUGE)),
         UntrustedSigner.exit_code, "not a verified contact"),
        ("60 MB JSON from the verified sender", False,
         _replace(layout.BUNDLE_JSON, _objects(HUGE)), IntegrityError.exit_code,
         f"more than the {layout.MAX_JSON_FILE}"),
        ("30 MB of JSON values from the verified sender", False,
         _replace(layout.BUNDLE_JSON, _objects(30 * 1024 * 1024)), IntegrityError.exit_code,
         "more JSON values than a bundle may"),
        ("bundle.json at the value cap from the verified sender", False, _at_the_value_cap,
         IntegrityError.exit_code, "more JSON values than a bundle may"),
    ]
    cases = []
    for number, (name, stranger, change, code, says) in enumerate(made):
        path = folder / f"case-{number}.kzb"
        path.write_bytes(_bundle(setting, stranger, change))
        cases.append(Case(name, path, code, says))
    return cases


# Runs the command and then writes the process's peak resident memory (VmHWM, in
# KiB) to the file named by the first argument.  ru_maxrss cannot be used: Linux
# carries the parent's size at fork over into the child's figure, and the parent
# here holds the hostile bundles it just built.
_MEASURED = """
import atexit, runpy, sys
peak_file = sys.argv.pop(1)
def report():
    with open("/proc/self/status", encoding="ascii") as status:
        peak = next(line.split()[1] for line in status if line.startswith("VmHWM:"))
    with open(peak_file, "w", encoding="ascii") as out:
        out.write(peak)
atexit.register(report)
sys.argv[0] = "kzarchive"
runpy.run_module("kzarchive.cli", run_name="__main__", alter_sys=True)
"""


def run_verify_bundle(vault: Path, bundle: Path, scratch: Path) -> Run:
    """``kzarchive verify-bundle`` in its own process; its exit code, peak memory and output."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("KZARCHIVE_")}
    scratch.mkdir(parents=True, exist_ok=True)
    env.update(KZARCHIVE_VAULT=str(vault), KZARCHIVE_PASSPHRASE=PASSPHRASE, TMPDIR=str(scratch))
    peak_file = scratch / "peak-kib"
    done = subprocess.run(
        [sys.executable, "-c", _MEASURED, str(peak_file), "verify-bundle", str(bundle)],
        env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        check=False, timeout=600,
    )
    peak_kib = int(peak_file.read_text(encoding="ascii"))
    peak_file.unlink()
    return Run(done.returncode, peak_kib / 1024, done.stdout.decode("utf-8", errors="replace"))
