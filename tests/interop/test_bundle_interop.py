"""A partner with only the standard tools can open and check a bundle (DESIGN.md, "Bundle").

    age -d -i partner-key.txt bundle.kzb | tar -x
    minisign -V -p <id>/sender.pub -m <id>/tagmanifest-sha256.txt
    bagit.py --validate <id>

Checked for the golden bundle of format version 1 and for one written now.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kzarchive.crypto.identity import ContactCard
from tests.bundle.bundle_factory import BUNDLE_ID, PARTNER, SENDER, bundle_bytes
from tests.bundle.make_bundle_golden import BUNDLE, PARTNER_KEY, SENDER_CARD
from tests.bundle.make_bundle_golden import BUNDLE_ID as GOLDEN_ID

TOOLS = ("age", "tar", "minisign")
BAGIT = Path(sys.executable).with_name("bagit.py")

pytestmark = [
    pytest.mark.interop,
    pytest.mark.skipif(
        any(shutil.which(tool) is None for tool in TOOLS) or not BAGIT.exists(),
        reason="needs the age, tar and minisign programs and bagit.py",
    ),
]


def run(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(a) for a in args], cwd=cwd, capture_output=True, text=True, timeout=120, check=False
    )


def age_into_tar(key: Path, bundle: Path, cwd: Path) -> tuple[int, int, bytes]:
    """``age -d -i key bundle | tar -x``: both exit codes and all they printed on stderr."""
    age = subprocess.Popen(
        ["age", "-d", "-i", str(key), str(bundle)], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    tar = subprocess.run(
        ["tar", "-x"], stdin=age.stdout, cwd=cwd, capture_output=True, timeout=120, check=False
    )
    assert age.stdout is not None and age.stderr is not None
    age.stdout.close()
    age_errors = age.stderr.read()
    return age.wait(timeout=120), tar.returncode, age_errors + tar.stdout + tar.stderr


@pytest.fixture(params=["golden", "fresh"])
def opened(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    """The bundle decrypted by age and unpacked by tar; returns the bag folder."""
    if request.param == "golden":
        bundle, key, bag_id = BUNDLE, PARTNER_KEY, GOLDEN_ID
    else:
        bundle, key, bag_id = tmp_path / "fresh.kzb", tmp_path / "key.txt", BUNDLE_ID
        bundle.write_bytes(bundle_bytes())
        key.write_text(PARTNER.age_identity.to_string() + "\n")
    work = tmp_path / "partner"
    work.mkdir()
    age_code, tar_code, printed = age_into_tar(key, bundle, work)
    assert (age_code, tar_code) == (0, 0), printed
    assert printed == b"", "age or tar printed warnings"
    return work / bag_id


def test_tar_extracts_exactly_the_bag(opened: Path) -> None:
    names = sorted(str(p.relative_to(opened)) for p in opened.rglob("*"))
    assert names[:6] == [
        "bag-info.txt", "bagit.txt", "data", "data/bundle.json", "data/custody",
        "data/custody/checkpoint.txt",
    ]
    assert "sender.pub" in names and "tagmanifest-sha256.txt.minisig" in names
    assert all(not p.is_symlink() for p in opened.rglob("*"))


def test_minisign_accepts_the_signature_of_the_tag_manifest(opened: Path) -> None:
    result = run("minisign", "-V", "-p", opened / "sender.pub",
                 "-m", opened / "tagmanifest-sha256.txt", cwd=opened.parent)
    assert result.returncode == 0, result.stderr
    assert "Trusted comment: kzarchive bundle " + opened.name in result.stdout


def test_minisign_accepts_the_custody_checkpoint(opened: Path) -> None:
    result = run("minisign", "-V", "-p", opened / "sender.pub",
                 "-m", opened / "data" / "custody" / "checkpoint.txt", cwd=opened.parent)
    assert result.returncode == 0, result.stderr


def test_minisign_refuses_an_altered_tag_manifest(opened: Path) -> None:
    manifest = opened / "tagmanifest-sha256.txt"
    manifest.write_bytes(manifest.read_bytes().replace(b"bagit.txt", b"bagit.TXT"))
    result = run("minisign", "-V", "-p", opened / "sender.pub", "-m", manifest, cwd=opened.parent)
    assert result.returncode != 0


def test_bagit_validates_the_bag(opened: Path) -> None:
    result = run(sys.executable, BAGIT, "--validate", opened, cwd=opened.parent)
    assert result.returncode == 0, result.stderr
    assert "is valid" in result.stderr


def test_bagit_refuses_an_altered_file(opened: Path) -> None:
    evidence = next((opened / "data" / "files").iterdir())
    evidence.write_bytes(evidence.read_bytes() + b"!")
    result = run(sys.executable, BAGIT, "--validate", opened, cwd=opened.parent)
    assert result.returncode != 0


def test_sha256sum_reads_the_manifest(opened: Path) -> None:
    if shutil.which("sha256sum") is None:
        pytest.skip("sha256sum is not installed")
    result = run("sha256sum", "--strict", "-c", "manifest-sha256.txt", cwd=opened)
    assert result.returncode == 0, result.stderr


def test_the_sender_key_in_the_bag_is_the_one_on_the_sender_s_card(opened: Path) -> None:
    sender = SENDER.public
    if opened.name != BUNDLE_ID:
        sender = ContactCard.from_text(SENDER_CARD.read_text(encoding="utf-8")).identity
    card_key = sender.minisign_public_key_base64
    assert (opened / "sender.pub").read_text().split("\n")[1] == card_key
