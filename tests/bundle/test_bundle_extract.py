"""Extracting a verified bundle as a folder, and never writing anything for a bad one."""

from __future__ import annotations

import errno
import io
import os
import stat
import tarfile
from pathlib import Path

import bagit
import pytest

from kzarchive.bundle import BundleError, UntrustedBundleSigner, extract_verified
from kzarchive.bundle.tarstream import TAR_MTIME, entry_header
from kzarchive.errors import BadInput, DiskFull
from tests.bundle.bundle_factory import (
    BUNDLE_ID,
    DEFAULT_FILES,
    PARTNER,
    SENDER,
    STRANGER,
    altered_bundle,
    bundle_bytes,
    encrypted,
    make_spec,
    members_of,
    plaintext_of,
)


def extract(data: bytes, into: Path, accept_untrusted_signer: bool = False) -> Path:
    result = extract_verified(
        io.BytesIO(data), [PARTNER.age_identity], [SENDER.public], into,
        accept_untrusted_signer=accept_untrusted_signer,
    )
    assert result.report.ok or accept_untrusted_signer
    return result.path


def tree(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


@pytest.fixture
def sandbox(tmp_path: Path) -> Path:
    """A folder whose only child is the extraction target; anything else appearing is a leak."""
    (tmp_path / "into").mkdir()
    return tmp_path


def test_the_extracted_folder_is_a_valid_bag_with_private_permissions(sandbox: Path) -> None:
    path = extract(bundle_bytes(), sandbox / "into")
    assert path == sandbox / "into" / BUNDLE_ID
    assert tree(sandbox / "into") == [BUNDLE_ID, *(f"{BUNDLE_ID}/{p}" for p in tree(path))]
    for item, (extension, data) in DEFAULT_FILES.items():
        name = f"{item}.{extension}" if extension else item
        assert (path / "data" / "files" / name).read_bytes() == data
    bag = bagit.Bag(str(path))
    bag.validate()
    assert bag.info["External-Identifier"] == BUNDLE_ID
    assert stat.S_IMODE(path.stat().st_mode) == 0o700
    assert stat.S_IMODE((path / "bag-info.txt").stat().st_mode) == 0o600
    assert stat.S_IMODE((path / "data/files/9988776655443322").stat().st_mode) == 0o600


def test_an_empty_bundle_extracts_with_its_files_folder(sandbox: Path) -> None:
    path = extract(bundle_bytes(make_spec(files={})), sandbox / "into")
    assert (path / "data" / "files").is_dir()
    bagit.Bag(str(path)).validate()


def test_an_altered_bundle_leaves_nothing_behind(sandbox: Path) -> None:
    def flip(entries: dict[str, bytes | None]) -> None:
        entries["data/files/a1b2c3d4e5f60718.jpg"] = b"\0" * 960

    with pytest.raises(BundleError):
        extract(altered_bundle(flip), sandbox / "into")
    assert tree(sandbox) == ["into"]


def test_an_unverified_signer_leaves_nothing_behind_unless_accepted(sandbox: Path) -> None:
    data = bundle_bytes(make_spec(sender=STRANGER))
    with pytest.raises(UntrustedBundleSigner):
        extract(data, sandbox / "into")
    assert tree(sandbox) == ["into"]
    path = extract(data, sandbox / "into", accept_untrusted_signer=True)
    assert (path / "data" / "bundle.json").is_file()


def test_an_existing_folder_is_never_overwritten(sandbox: Path) -> None:
    existing = sandbox / "into" / BUNDLE_ID
    existing.mkdir()
    (existing / "keep.txt").write_text("mine")
    with pytest.raises(BadInput, match="already exists"):
        extract(bundle_bytes(), sandbox / "into")
    assert tree(sandbox / "into") == [BUNDLE_ID, f"{BUNDLE_ID}/keep.txt"]


def test_a_full_disk_is_reported_and_leaves_nothing_behind(
    sandbox: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    class FullDisk(io.FileIO):
        def write(self, data: bytes) -> int:  # type: ignore[override]
            if len(data) > 500:
                raise OSError(errno.ENOSPC, "No space left on device")
            return super().write(data)

    monkeypatch.setattr("kzarchive.bundle.extract.os.fdopen", lambda fd, mode: FullDisk(fd, mode))
    with pytest.raises(DiskFull):
        extract(bundle_bytes(), sandbox / "into")
    assert tree(sandbox) == ["into"]


def test_the_target_must_be_a_folder(sandbox: Path) -> None:
    with pytest.raises(BadInput):
        extract(bundle_bytes(), sandbox / "missing")
    assert tree(sandbox) == ["into"]


# --- crafted archives: the bundle's own entries, with one hostile entry added ------------------


def hostile(member: tarfile.TarInfo, content: bytes = b"", after: str = "data/files") -> bytes:
    """The real bundle's plaintext, rewritten by tarfile with ``member`` inserted."""
    root, entries = members_of(plaintext_of(bundle_bytes()))
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w", format=tarfile.PAX_FORMAT) as archive:

        def add(name: str, data: bytes | None) -> None:
            info = tarfile.TarInfo(name)
            info.mtime, info.uname, info.gname = TAR_MTIME, "", ""
            if data is None:
                info.type, info.mode = tarfile.DIRTYPE, 0o755
                archive.addfile(info)
            else:
                info.size, info.mode = len(data), 0o644
                archive.addfile(info, io.BytesIO(data))

        add(root, None)
        for path, data in entries.items():
            add(f"{root}/{path}", data)
            if path == after:
                member.mtime = TAR_MTIME
                archive.addfile(member, io.BytesIO(content) if member.isfile() else None)
    return encrypted(out.getvalue())


def member(
    name: str, kind: bytes = tarfile.REGTYPE, size: int = 0, **fields: object
) -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.type, info.size = kind, size
    for key, value in fields.items():
        setattr(info, key, value)
    return info


@pytest.mark.parametrize(
    ("crafted", "reason"),
    [
        pytest.param(lambda: hostile(member("../evil.txt", size=4), b"evil"), "'..'",
                     id="dotdot-escape"),
        pytest.param(lambda: hostile(member(f"{BUNDLE_ID}/data/files/../../../evil.txt", size=4),
                                     b"evil"), "'..'", id="dotdot-inside"),
        pytest.param(lambda: hostile(member("/tmp/evil.txt", size=4), b"evil"), "absolute",
                     id="absolute"),
        pytest.param(lambda: hostile(member(f"{BUNDLE_ID}/data/files/link.jpg", tarfile.SYMTYPE,
                                            linkname="/etc/passwd")), "symbolic link",
                     id="symlink"),
        pytest.param(lambda: hostile(member(f"{BUNDLE_ID}/data/files/hard.jpg", tarfile.LNKTYPE,
                                            linkname=f"{BUNDLE_ID}/bagit.txt")), "hard link",
                     id="hardlink"),
        pytest.param(lambda: hostile(member(f"{BUNDLE_ID}/data/files/dev", tarfile.CHRTYPE,
                                            devmajor=1, devminor=3)), "device", id="device"),
        pytest.param(lambda: hostile(member(f"{BUNDLE_ID}/data/files/fifo", tarfile.FIFOTYPE)),
                     "FIFO", id="fifo"),
        pytest.param(lambda: hostile(member(f"{BUNDLE_ID}/bagit.txt", size=4), b"evil"),
                     "twice", id="duplicate"),
        pytest.param(lambda: hostile(member(f"{BUNDLE_ID}/data/files/A1B2C3D4E5F60718.jpg",
                                            size=4), b"evil",
                                     after="data/files/a1b2c3d4e5f60718.jpg"),
                     "twice", id="duplicate-by-case"),
        pytest.param(lambda: hostile(member(f"{BUNDLE_ID}/extra.txt", size=4), b"evil",
                                     after="bagit.txt"), "form kzarchive writes|expected",
                     id="not-in-layout"),
    ],
)
def test_crafted_archives_are_refused_and_nothing_is_written(
    sandbox: Path, crafted: object, reason: str
) -> None:
    data = crafted()  # type: ignore[operator]
    with pytest.raises(BundleError, match=reason):
        extract(data, sandbox / "into")
    assert tree(sandbox) == ["into"]
    assert not Path("/tmp/evil.txt").exists()


def test_an_oversized_tag_file_is_refused_before_it_is_read(sandbox: Path) -> None:
    # A canonical header claiming 100 MiB for bag-info.txt, and no content.
    root, entries = members_of(plaintext_of(bundle_bytes()))
    plain = (
        entry_header(root, True, 0)
        + entry_header(f"{root}/bagit.txt", False, len(entries["bagit.txt"] or b""))
        + (entries["bagit.txt"] or b"").ljust(512, b"\0")
        + entry_header(f"{root}/bag-info.txt", False, 100 * 2**20)
        + bytes(2048)
    )
    with pytest.raises(BundleError, match="more than the"):
        extract(encrypted(plain), sandbox / "into")
    assert tree(sandbox) == ["into"]


def test_nothing_is_written_outside_the_target_even_for_a_valid_bundle(sandbox: Path) -> None:
    before = set(os.listdir(sandbox))
    extract(bundle_bytes(), sandbox / "into")
    assert set(os.listdir(sandbox)) == before
    assert os.listdir(sandbox / "into") == [BUNDLE_ID]
