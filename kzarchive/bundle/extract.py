"""Extracting a bundle as a plain BagIt folder, only once every check held.

This is an explicit extract: the person asked for the evidence in clear, in a
folder of their choice.  The files stream into a hidden temporary folder next
to the target; it becomes ``<into>/<bundle id>`` by one rename at the end, and
is removed on any failure or cancel, so a folder of that name only ever holds
a complete, verified bag.  Files and folders are private to the user (0600 and
0700, whatever the umask).

Every name written is one of the fixed names of the layout or
``data/files/<item id>.<ext>`` as ``layout.parse_payload_path`` accepts it (the
reader refuses any other entry); ``_inside`` checks that again before anything
is created, and no file is opened through a symbolic link.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from kzarchive.bundle import layout, stamps
from kzarchive.bundle.bundlejson import FileRecord
from kzarchive.bundle.layout import DATA, FILES
from kzarchive.bundle.reader import BundleReading
from kzarchive.bundle.report import BundleReport
from kzarchive.crypto.age import X25519Identity
from kzarchive.crypto.identity import PublicIdentity
from kzarchive.errors import BadInput, IntegrityError, from_os_error
from kzarchive.util import plainfiles
from kzarchive.util.progress import CancelToken, Progress

if TYPE_CHECKING:
    from cryptography import x509


@dataclass(frozen=True)
class Extracted:
    path: Path
    report: BundleReport


_LEADING_FILES = {path for path, is_dir in layout.LEADING_ENTRIES if not is_dir}


def _inside(staging: Path, relative: str) -> Path:
    """``staging / relative`` for a name of the layout; anything else is refused."""
    if (relative not in _LEADING_FILES and layout.parse_payload_path(relative) is None
            and stamps.parse_path(relative) is None):
        raise IntegrityError(what=f"the bundle names a file {relative[:80]!r} outside its layout")
    return staging / relative


def _write(path: Path, pieces: Iterator[bytes] | Sequence[bytes]) -> None:
    with plainfiles.create_private_file(path) as out:
        for piece in pieces:
            out.write(piece)
        out.flush()
        os.fsync(out.fileno())


def extract_verified(
    source: BinaryIO,
    identities: Sequence[X25519Identity],
    trusted_signers: Sequence[PublicIdentity],
    into: str | os.PathLike[str],
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
    *,
    accept_untrusted_signer: bool = False,
    own_fingerprint: str | None = None,
    accept_forwarded: bool = True,
    build_model: bool = False,
    tsa_roots: Sequence[x509.Certificate] = (),
) -> Extracted:
    """Reads, checks and extracts the bundle into a new folder ``<into>/<bundle id>``.

    Raises as ``read_bundle`` does, leaving nothing behind; ``BadInput`` when
    ``into`` is not a folder or already holds a folder of the bundle's name.  A
    forwarded bundle is extracted unless the caller says otherwise (it is not
    imported; the report's warning says it was forwarded).  ``build_model``
    checks the content as an import would (kzarchive/bundle/model.py) before any
    evidence streams, so a validly signed lie leaves no extracted folder either.
    """
    folder = Path(into)
    if not folder.is_dir():
        raise BadInput(what=f"{folder} is not a folder")
    staging = Path(tempfile.mkdtemp(prefix=".kzarchive-extract-", dir=folder))
    try:
        os.chmod(staging, plainfiles.FOLDER_MODE)
        for sub in (DATA, layout.CUSTODY, FILES):
            plainfiles.make_private_folder(staging / sub)

        def store_payload(record: FileRecord, chunks: Iterator[bytes]) -> None:
            _write(_inside(staging, record.path), chunks)

        def store_tag_file(path: str, data: bytes) -> None:
            if stamps.parse_path(path) is not None and not (staging / stamps.FOLDER).exists():
                plainfiles.make_private_folder(staging / stamps.FOLDER)
            _write(_inside(staging, path), [data])

        reading = BundleReading(
            identities,
            trusted_signers,
            store_payload,
            progress,
            cancel,
            accept_untrusted_signer,
            on_leading_file=store_tag_file,
            own_fingerprint=own_fingerprint,
            accept_forwarded=accept_forwarded,
            build_model=build_model,
            tsa_roots=tsa_roots,
        )
        report = reading.run(source)
        target = folder / (report.bundle_id or "")
        if not layout.is_id(report.bundle_id) or os.path.lexists(target):
            raise BadInput(what=f"{target} already exists; choose another folder")
        os.rename(staging, target)
    except BaseException as error:
        shutil.rmtree(staging, ignore_errors=True)
        if isinstance(error, OSError):
            raise from_os_error(error, "the extracted bundle does not fit on the disk", BadInput(
                what=f"cannot extract the bundle there ({error.strerror})")) from None
        raise
    return Extracted(target, report)
