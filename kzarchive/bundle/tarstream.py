"""Tar streams for bundles: a deterministic pax writer and a strict streaming reader.

The writer emits POSIX pax archives that hold regular files and directories
only, every entry with the same fixed metadata (mtime, owner 0/0, no user or
group names, mode 0644 or 0755), so a bundle's tar reveals nothing but what its
files contain and is byte-for-byte reproducible.  It never seeks: the sink is
usually the age encryptor.

The reader is the first code to see a bundle's decrypted bytes, and at that
moment nothing is authenticated yet: anybody can encrypt a crafted tar to a
partner's public key.  It therefore refuses, before handing out a single byte
of content, every entry that is not a plain file or folder, every name that is
not a short relative ASCII path inside one top-level folder, duplicates (also
those that differ only in letter case, which collide on Windows and macOS),
and anything after the end of the archive but its zero padding.  Beyond that,
every header must be byte for byte the one the writer produces for that name
and size, and all padding must be zero: no byte of the stream can change
without the reader noticing, even where tar itself would not care.

The standard library parses the headers; this module adds the policy and
feeds ``tarfile`` through a forward-only window that caps every single read,
so a hostile header cannot make it allocate more than a small, fixed amount of
memory.
"""

from __future__ import annotations

import re
import tarfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol, cast

from kzarchive.errors import IntegrityError, KzError
from kzarchive.util.pipeline import read_full

TAR_MTIME = 946_684_800
"""2000-01-01T00:00:00Z: fixed, in the past for every clock, and after 1980 (zip tools)."""

FILE_MODE = 0o644
DIR_MODE = 0o755
BLOCK_SIZE = tarfile.BLOCKSIZE
RECORD_SIZE = tarfile.RECORDSIZE
READ_PIECE = 64 * 1024
# What the writer emits before one entry's content is a block or two; this bounds
# the memory a chain of crafted extended headers could take.
MAX_HEADER = 16 * 1024
MAX_PATH_LENGTH = 1024
_ALLOWED_PAX_KEYS = frozenset({"path", "size"})
_COMPONENT = re.compile(r"[A-Za-z0-9_][A-Za-z0-9._-]{0,127}")
_KIND_NAMES = {
    tarfile.SYMTYPE: "a symbolic link",
    tarfile.LNKTYPE: "a hard link",
    tarfile.CHRTYPE: "a character device",
    tarfile.BLKTYPE: "a block device",
    tarfile.FIFOTYPE: "a FIFO (named pipe)",
    tarfile.CONTTYPE: "a contiguous file",
    tarfile.GNUTYPE_SPARSE: "a sparse file",
}


class Writable(Protocol):
    def write(self, data: bytes, /) -> object: ...


class Readable(Protocol):
    def read(self, size: int, /) -> bytes: ...


def _refuse(reason: str) -> IntegrityError:
    return IntegrityError(what=f"the bundle's archive is not acceptable: {reason}")


def check_path(path: str) -> None:
    """Raises unless ``path`` is a relative ASCII path of safe, plain components."""
    if not path or len(path) > MAX_PATH_LENGTH or not path.isascii():
        raise _refuse(f"the name {path[:80]!r} is empty, too long or not plain ASCII")
    if path.startswith("/"):
        raise _refuse(f"the name {path[:80]!r} is an absolute path")
    for part in path.split("/"):
        if part in ("", ".", ".."):
            raise _refuse(f"the name {path[:80]!r} contains an empty, '.' or '..' part")
        if not _COMPONENT.fullmatch(part):
            raise _refuse(f"the name {path[:80]!r} contains characters that are not allowed")


def _parent(path: str) -> str:
    return path.rpartition("/")[0]


def entry_header(name: str, is_dir: bool, size: int) -> bytes:
    """The exact header bytes (pax extended header included, when needed) of an entry."""
    info = tarfile.TarInfo(name)
    info.type = tarfile.DIRTYPE if is_dir else tarfile.REGTYPE
    info.mode = DIR_MODE if is_dir else FILE_MODE
    info.size = size
    info.mtime = TAR_MTIME
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    return info.tobuf(tarfile.PAX_FORMAT, "utf-8", "strict")


class TarWriter:
    """Writes a pax tar stream into ``sink`` without ever seeking.

    Directories must be added before what they contain; names are checked with
    the same rules the reader applies, so the writer cannot produce an archive
    the reader refuses.
    """

    def __init__(self, sink: Writable):
        self._sink = sink
        self._written = 0
        self._seen: set[str] = set()
        self._directories: set[str] = set()
        self._closed = False

    def _emit(self, data: bytes) -> None:
        self._sink.write(data)
        self._written += len(data)

    def _header(self, name: str, is_dir: bool, size: int) -> bytes:
        check_path(name)
        key = name.lower()
        if key in self._seen:
            raise ValueError(f"duplicate tar entry {name!r}")
        parent = _parent(name)
        if parent and parent.lower() not in self._directories:
            raise ValueError(f"tar entry {name!r} comes before its folder")
        self._seen.add(key)
        if is_dir:
            self._directories.add(key)
        return entry_header(name, is_dir, size)

    def add_directory(self, name: str) -> None:
        self._check_open()
        self._emit(self._header(name, True, 0))

    def add_file(self, name: str, size: int, chunks: Iterable[bytes]) -> None:
        """Writes one regular file whose content ``chunks`` must be exactly ``size`` bytes.

        A different amount raises ``IntegrityError``; the stream is then unusable
        and the caller must abandon it.
        """
        self._check_open()
        if size < 0:
            raise ValueError("a file size cannot be negative")
        self._emit(self._header(name, False, size))
        written = 0
        for chunk in chunks:
            written += len(chunk)
            if written > size:
                break
            if chunk:
                self._emit(bytes(chunk))
        if written != size:
            raise IntegrityError(
                what=f"{name}: the content has {'more' if written > size else 'fewer'} "
                f"bytes than the {size} recorded"
            )
        remainder = size % BLOCK_SIZE
        if remainder:
            self._emit(b"\0" * (BLOCK_SIZE - remainder))

    def close(self) -> None:
        """Ends the archive: two zero blocks, then zeros up to a whole record."""
        self._check_open()
        self._emit(b"\0" * (2 * BLOCK_SIZE))
        remainder = self._written % RECORD_SIZE
        if remainder:
            self._emit(b"\0" * (RECORD_SIZE - remainder))
        self._closed = True

    def _check_open(self) -> None:
        if self._closed:
            raise ValueError("the tar stream is already closed")


class _ForwardWindow:
    """The file object ``tarfile`` reads through: forward-only, every read capped."""

    def __init__(self, source: Readable):
        self._source = source
        self.position = 0
        self._captured: bytearray | None = None

    def read(self, size: int = -1) -> bytes:
        if size is None or size < 0 or size > READ_PIECE:
            # tarfile asks for a header's full length in one read; a crafted pax or
            # long-name header could otherwise make it allocate gigabytes.
            raise _refuse("a header is larger than any bundle ever needs")
        data = read_full(self._source, size)
        self.position += len(data)
        if self._captured is not None:
            self._captured += data
            if len(self._captured) > MAX_HEADER:
                raise _refuse("an entry has more header data than any bundle ever needs")
        return data

    def begin_capture(self) -> None:
        self._captured = bytearray()

    def end_capture(self) -> bytes:
        captured, self._captured = bytes(self._captured or b""), None
        return captured

    def tell(self) -> int:
        return self.position

    def seek(self, offset: int, whence: int = 0) -> int:
        if whence != 0 or offset < self.position:
            raise _refuse("the archive would need to be read backwards")
        while self.position < offset:
            if not self.read(min(READ_PIECE, offset - self.position)):
                break
        return self.position


@dataclass
class TarEntry:
    """One entry of the archive; ``path`` is relative to the top-level folder."""

    path: str
    is_dir: bool
    size: int
    _window: _ForwardWindow = field(repr=False)
    _remaining: int = field(init=False, repr=False)
    _active: bool = field(default=True, repr=False)

    def __post_init__(self) -> None:
        self._remaining = self.size

    def chunks(self, piece: int = READ_PIECE) -> Iterator[bytes]:
        """Yields the content in pieces of at most ``piece`` bytes."""
        piece = min(piece, READ_PIECE)
        while True:
            if not self._active:
                raise RuntimeError("the archive has moved past this entry")
            if self._remaining <= 0:
                return
            data = self._window.read(min(piece, self._remaining))
            if not data:
                raise IntegrityError(what="the bundle ends in the middle of a file (truncated)")
            self._remaining -= len(data)
            yield data

    def read_all(self, limit: int) -> bytes:
        """The whole content, refused before reading when it is larger than ``limit``."""
        if self.size > limit:
            raise _refuse(f"{self.path} is {self.size} bytes, more than the {limit} allowed")
        return b"".join(self.chunks())

    def skip(self) -> None:
        for _ in self.chunks():
            pass


class StrictTarReader:
    """Iterates over a tar stream's entries, refusing anything unsafe or unusual.

    The first entry must be the single top-level folder (``root``); every later
    entry lies inside it and comes after its own parent folder.  Content of an
    entry must be read (or is skipped) before the next entry is returned.  After
    the last entry the reader consumes the source to its end, so a decryptor
    underneath gets to authenticate the final chunk.
    """

    def __init__(self, source: Readable):
        self._window = _ForwardWindow(source)
        self.root: str | None = None
        self._seen: set[str] = set()
        self._directories: set[str] = set()

    def __iter__(self) -> Iterator[TarEntry]:
        window = self._window
        window.begin_capture()
        try:
            archive = tarfile.TarFile(fileobj=window, mode="r", encoding="utf-8")  # type: ignore[arg-type]
        except KzError:
            raise
        except Exception:
            # tarfile meets hostile headers with many kinds of exception (and deep
            # recursion for chained extended headers); all mean the same here.
            raise _refuse("it is not a tar archive, or it is damaged") from None
        previous: TarEntry | None = None
        while True:
            if previous is not None:
                previous.skip()
                previous._active = False
                if window.read(-previous.size % BLOCK_SIZE).strip(b"\0"):
                    raise _refuse(f"the padding after {previous.path or 'an entry'} is not zero")
                window.begin_capture()
            try:
                member = archive.next()
            except KzError:
                raise
            except Exception:
                raise _refuse("an entry header is damaged") from None
            header = window.end_capture()
            if member is None:
                if header != b"\0" * BLOCK_SIZE:
                    raise _refuse("it is truncated or an entry header is damaged")
                break
            cast(Any, archive).members.clear()  # tarfile would keep every header
            if archive.pax_headers:
                raise _refuse("it carries global pax headers")
            previous = self._admit(member, header)
            yield previous
        self._finish()

    def _admit(self, member: tarfile.TarInfo, header: bytes) -> TarEntry:
        if member.type not in (tarfile.REGTYPE, tarfile.AREGTYPE, tarfile.DIRTYPE):
            kind = _KIND_NAMES.get(member.type, "an entry of an unknown kind")
            raise _refuse(
                f"{member.name[:80]!r} is {kind}; only plain files and folders are allowed"
            )
        unexpected = set(member.pax_headers) - _ALLOWED_PAX_KEYS
        if unexpected:
            raise _refuse(f"{member.name[:80]!r} has unexpected pax fields")
        name = member.name
        check_path(name)
        is_dir = member.isdir()
        if is_dir and member.size != 0:
            raise _refuse(f"the folder {name!r} claims to have content")
        if member.offset_data != self._window.position:
            raise _refuse("an entry header is inconsistent")
        if header != entry_header(name, is_dir, member.size):
            # Owner, time, mode, padding of fields: anything not exactly as written.
            raise _refuse(f"the header of {name!r} is not in the form kzarchive writes")
        key = name.lower()
        if self.root is None:
            if not is_dir or "/" in name:
                raise _refuse("it does not start with the bundle's folder")
            self.root = name
        elif _parent(name) == "" or key in self._seen:
            raise _refuse(
                f"{name!r} appears twice"
                if key in self._seen
                else f"{name!r} lies outside the bundle's folder"
            )
        elif _parent(key) not in self._directories:
            raise _refuse(f"{name!r} comes before its folder, or lies outside the bundle")
        self._seen.add(key)
        if is_dir:
            self._directories.add(key)
        relative = name[len(self.root) + 1 :] if name != self.root else ""
        return TarEntry(relative, is_dir, member.size, self._window)

    def _finish(self) -> None:
        trailer = 0
        while data := self._window.read(READ_PIECE):
            if data.strip(b"\0"):
                raise _refuse("there is data after the end of the archive")
            trailer += len(data)
        whole_records = self._window.position % RECORD_SIZE == 0
        if not BLOCK_SIZE <= trailer < BLOCK_SIZE + RECORD_SIZE or not whole_records:
            raise _refuse("the end of the archive is malformed")
        if self.root is None:
            raise _refuse("it is empty")
