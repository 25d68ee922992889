"""The bundle's tar layer: deterministic pax output, and a reader that refuses anything unusual."""

from __future__ import annotations

import io
import tarfile
from collections.abc import Callable, Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kzarchive.bundle.tarstream import (
    BLOCK_SIZE,
    DIR_MODE,
    FILE_MODE,
    RECORD_SIZE,
    TAR_MTIME,
    StrictTarReader,
    TarWriter,
    check_path,
)
from kzarchive.errors import IntegrityError


def written(build: Callable[[TarWriter], object]) -> bytes:
    out = io.BytesIO()
    writer = TarWriter(out)
    build(writer)
    writer.close()
    return out.getvalue()


def simple_tar(writer: TarWriter) -> None:
    writer.add_directory("root")
    writer.add_file("root/a.txt", 5, [b"he", b"llo"])
    writer.add_directory("root/data")
    writer.add_file("root/data/empty", 0, [])


def read_all(data: bytes) -> list[tuple[str, bool, bytes]]:
    reader = StrictTarReader(io.BytesIO(data))
    return [(e.path, e.is_dir, b"".join(e.chunks())) for e in reader]


# --- writer -------------------------------------------------------------------------------


def test_the_written_stream_is_a_standard_tar_with_fixed_metadata() -> None:
    data = written(simple_tar)
    assert len(data) % RECORD_SIZE == 0
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:") as archive:
        members = archive.getmembers()
        assert [m.name for m in members] == ["root", "root/a.txt", "root/data", "root/data/empty"]
        for member in members:
            assert (member.mtime, member.uid, member.gid, member.uname, member.gname) == (
                TAR_MTIME, 0, 0, "", "",
            )
            assert member.mode == (DIR_MODE if member.isdir() else FILE_MODE)
        handle = archive.extractfile("root/a.txt")
        assert handle is not None and handle.read() == b"hello"


def test_the_writer_is_deterministic() -> None:
    assert written(simple_tar) == written(simple_tar)


def test_long_names_and_large_sizes_use_pax_headers() -> None:
    long_name = "root/" + "x" * 120

    def build(writer: TarWriter) -> None:
        writer.add_directory("root")
        writer.add_file(long_name, 3, [b"abc"])

    data = written(build)
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:") as archive:
        assert archive.getnames() == ["root", long_name]
    # A size above the 8 GiB ustar limit needs a pax "size" record; only the header is checked.
    sink = io.BytesIO()
    writer = TarWriter(sink)
    writer.add_directory("root")
    with pytest.raises(IntegrityError):
        writer.add_file("root/huge", 9 * 2**30, [b"short"])
    header = sink.getvalue()[BLOCK_SIZE:]
    member = tarfile.TarInfo.frombuf(header[2 * BLOCK_SIZE : 3 * BLOCK_SIZE], "utf-8", "strict")
    assert b"size=9663676416" in header[BLOCK_SIZE : 2 * BLOCK_SIZE]
    assert member.name == "root/huge"


@pytest.mark.parametrize(
    ("declared", "chunks"),
    [(5, [b"abcd"]), (5, [b"abc", b"def"]), (0, [b"x"]), (3, [b"", b"ab"])],
)
def test_content_of_another_size_than_declared_is_an_error(
    declared: int, chunks: list[bytes]
) -> None:
    writer = TarWriter(io.BytesIO())
    writer.add_directory("root")
    with pytest.raises(IntegrityError, match="bytes than the"):
        writer.add_file("root/f", declared, chunks)


def test_the_writer_refuses_what_the_reader_would_refuse() -> None:
    writer = TarWriter(io.BytesIO())
    writer.add_directory("root")
    writer.add_file("root/A.txt", 0, [])
    with pytest.raises(ValueError, match="duplicate"):
        writer.add_file("root/a.TXT", 0, [])
    with pytest.raises(ValueError, match="before its folder"):
        writer.add_file("root/sub/f", 0, [])
    for bad in ("/abs", "root/../x", "root/./x", "root//x", "root/é", "root/.hidden", "root/a b"):
        with pytest.raises(IntegrityError):
            writer.add_file(bad, 0, [])


def test_the_writer_streams_without_holding_content() -> None:
    produced = []

    def pieces() -> Iterator[bytes]:
        for index in range(8):
            produced.append(index)
            yield bytes([index]) * 1000

    class Sink:
        def __init__(self) -> None:
            self.seen: list[int] = []

        def write(self, data: bytes) -> None:
            # Each piece reaches the sink before the next one is produced.
            self.seen.append(len(produced))

    sink = Sink()
    writer = TarWriter(sink)
    writer.add_directory("root")
    writer.add_file("root/f", 8000, pieces())
    assert sink.seen[2:10] == list(range(1, 9))  # after the two headers


# --- reader: what it accepts ----------------------------------------------------------------


def test_the_reader_returns_what_the_writer_wrote() -> None:
    reader = StrictTarReader(io.BytesIO(written(simple_tar)))
    entries = [(e.path, e.is_dir, b"".join(e.chunks())) for e in reader]
    assert entries == [
        ("", True, b""), ("a.txt", False, b"hello"), ("data", True, b""),
        ("data/empty", False, b""),
    ]
    assert reader.root == "root"


def test_unread_content_is_skipped_and_stale_entries_refuse_to_read() -> None:
    reader = iter(StrictTarReader(io.BytesIO(written(simple_tar))))
    next(reader)
    first_file = next(reader)
    folder = next(reader)
    assert folder.path == "data"
    with pytest.raises(RuntimeError):
        next(first_file.chunks())


def test_read_all_refuses_an_entry_larger_than_its_limit_before_reading() -> None:
    reader = iter(StrictTarReader(io.BytesIO(written(simple_tar))))
    next(reader)
    with pytest.raises(IntegrityError, match="more than the 4 allowed"):
        next(reader).read_all(4)


# --- reader: crafted archives -----------------------------------------------------------------


def crafted(*members: tuple[tarfile.TarInfo, bytes | None], fmt: int = tarfile.PAX_FORMAT) -> bytes:
    """A tar made by the standard library, with headers as a hostile sender would set them."""
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w", format=fmt) as archive:
        for info, content in members:
            archive.addfile(info, io.BytesIO(content) if content is not None else None)
    return out.getvalue()


def info(
    name: str, kind: bytes = tarfile.REGTYPE, size: int = 0, **fields: object
) -> tarfile.TarInfo:
    member = tarfile.TarInfo(name)
    member.type = kind
    member.size = size
    member.mtime = TAR_MTIME
    member.mode = DIR_MODE if kind == tarfile.DIRTYPE else FILE_MODE
    member.uname = member.gname = ""
    for key, value in fields.items():
        setattr(member, key, value)
    return member


def root() -> tuple[tarfile.TarInfo, None]:
    return (info("root", tarfile.DIRTYPE), None)


def test_a_crafted_tar_in_the_written_form_is_accepted() -> None:
    # The control for the refusals below: only the one thing each changes is wrong.
    data = crafted(root(), (info("root/f", size=2), b"ok"))
    assert [e.path for e in StrictTarReader(io.BytesIO(data))] == ["", "f"]


@pytest.mark.parametrize(
    ("members", "reason"),
    [
        pytest.param([root(), (info("/etc/passwd", size=1), b"x")], "absolute", id="absolute"),
        pytest.param([root(), (info("root/../../evil", size=1), b"x")], r"'\.\.'", id="dotdot"),
        pytest.param([root(), (info("other/f", size=1), b"x")], "outside", id="outside-root"),
        pytest.param([root(), (info("f", size=1), b"x")], "outside", id="second-top-level"),
        pytest.param([(info("f", size=1), b"x")], "folder", id="no-root-folder"),
        pytest.param([root(), (info("root/l", tarfile.SYMTYPE, linkname="/etc/passwd"), None)],
                     "symbolic link", id="symlink"),
        pytest.param([root(), (info("root/h", tarfile.LNKTYPE, linkname="root"), None)],
                     "hard link", id="hardlink"),
        pytest.param([root(), (info("root/c", tarfile.CHRTYPE, devmajor=1, devminor=3), None)],
                     "character device", id="char-device"),
        pytest.param([root(), (info("root/b", tarfile.BLKTYPE, devmajor=8), None)],
                     "block device", id="block-device"),
        pytest.param([root(), (info("root/p", tarfile.FIFOTYPE), None)], "FIFO", id="fifo"),
        pytest.param([root(), (info("root/f", size=1), b"x"), (info("root/f", size=1), b"y")],
                     "twice", id="duplicate"),
        pytest.param([root(), (info("root/F", size=1), b"x"), (info("root/f", size=1), b"y")],
                     "twice", id="duplicate-by-case"),
        pytest.param([root(), (info("root/d/f", size=1), b"x")], "before its folder",
                     id="file-before-folder"),
        pytest.param([root(), (info("root/f", size=1), b"x"),
                      (info("root/f/g", size=1), b"y")], "before its folder",
                     id="file-used-as-folder"),
        pytest.param([root(), (info("root/naïve", size=1), b"x")], "ASCII", id="non-ascii"),
        pytest.param([root(), (info("root/.hidden", size=1), b"x")], "not allowed", id="hidden"),
        pytest.param([root(), (info("root/f", size=1, uid=1000), b"x")], "form kzarchive writes",
                     id="owner"),
        pytest.param([root(), (info("root/f", size=1, mtime=1_700_000_000), b"x")],
                     "form kzarchive writes", id="mtime"),
        pytest.param([root(), (info("root/f", size=1, mode=0o4755), b"x")],
                     "form kzarchive writes", id="setuid-mode"),
        pytest.param([root(), (info("root/f", size=1, pax_headers={"comment": "hi"}), b"x")],
                     "pax fields", id="extra-pax-field"),
        pytest.param([root(), (info("root/f", size=1, pax_headers={"linkpath": "/x"}), b"x")],
                     "pax fields", id="pax-linkpath"),
        pytest.param([root(), (info("root/f", tarfile.GNUTYPE_SPARSE, size=1), b"x")],
                     "sparse", id="sparse"),
    ],
)
def test_crafted_entries_are_refused(members: list[tuple[tarfile.TarInfo, bytes | None]],
                                     reason: str) -> None:
    with pytest.raises(IntegrityError, match=reason):
        read_all(crafted(*members))


def test_a_gnu_long_name_is_refused() -> None:
    data = crafted(root(), (info("root/" + "n" * 120, size=1), b"x"),
                   fmt=tarfile.GNU_FORMAT)
    with pytest.raises(IntegrityError):
        read_all(data)


def test_a_global_pax_header_is_refused() -> None:
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w", format=tarfile.PAX_FORMAT,
                      pax_headers={"comment": "global"}) as archive:
        archive.addfile(info("root", tarfile.DIRTYPE))
    with pytest.raises(IntegrityError, match="global pax"):
        read_all(out.getvalue())


def test_a_huge_pax_header_is_refused_without_allocating_it() -> None:
    # A pax header claiming 3 GiB of records: the reader refuses the read itself.
    header = info("root/././PaxHeaders/f", tarfile.XHDTYPE, size=3 * 2**30)
    start = written(lambda w: w.add_directory("root"))[:BLOCK_SIZE]
    data = start + header.tobuf(tarfile.USTAR_FORMAT)
    with pytest.raises(IntegrityError, match="larger than any bundle"):
        read_all(data + b"\0" * 4096)


@pytest.mark.parametrize("count", [3, 40, 5000])
def test_chained_extended_headers_are_refused_without_recursion_or_memory(count: int) -> None:
    record = b"13 path=root\n"
    start = written(lambda w: w.add_directory("root"))[:BLOCK_SIZE]
    chain = (info("root/PaxHeader", tarfile.XHDTYPE, size=len(record)).tobuf(tarfile.USTAR_FORMAT)
             + record.ljust(BLOCK_SIZE, b"\0")) * count
    with pytest.raises(IntegrityError):
        read_all(start + chain + written(lambda w: w.add_directory("root"))[BLOCK_SIZE:])


def test_undecodable_extended_header_values_are_refused() -> None:
    record = b"17 path=\xff\xfe\x80x\n"
    start = written(lambda w: w.add_directory("root"))[:BLOCK_SIZE]
    header = info("root/PaxHeader", tarfile.XHDTYPE, size=len(record)).tobuf(tarfile.USTAR_FORMAT)
    with pytest.raises(IntegrityError):
        read_all(start + header + record.ljust(BLOCK_SIZE, b"\0") + bytes(RECORD_SIZE))


def test_a_folder_with_content_is_refused() -> None:
    member = info("root/d", tarfile.DIRTYPE, size=512)
    with pytest.raises(IntegrityError, match="claims to have content"):
        read_all(crafted(root(), (member, b"\0" * 512)))


def test_trailing_data_after_the_archive_is_refused() -> None:
    data = written(simple_tar)
    with pytest.raises(IntegrityError, match="after the end"):
        read_all(data[:-1] + b"\x01")
    with pytest.raises(IntegrityError, match="end of the archive"):
        read_all(data + b"\0" * RECORD_SIZE)


def test_non_zero_padding_is_refused() -> None:
    data = bytearray(written(simple_tar))
    # root/a.txt holds 5 bytes: the rest of its block is padding.
    content_at = data.index(b"hello")
    data[content_at + 5] = 0x20
    with pytest.raises(IntegrityError, match="padding"):
        read_all(bytes(data))


def test_every_block_boundary_truncation_is_refused() -> None:
    data = written(simple_tar)
    for cut in range(0, len(data), BLOCK_SIZE):
        with pytest.raises(IntegrityError):
            read_all(data[:cut])
    with pytest.raises(IntegrityError):
        read_all(data[: 3 * BLOCK_SIZE + 2])


def test_a_damaged_header_is_not_mistaken_for_the_end() -> None:
    # tarfile alone treats a header with a bad checksum after the first one as the
    # end of the archive; the strict reader must refuse it instead.
    data = bytearray(written(simple_tar))
    data[2 * BLOCK_SIZE + 10] ^= 0x01  # inside the name field of root/data
    with pytest.raises(IntegrityError):
        read_all(bytes(data))


def test_an_empty_or_foreign_stream_is_refused() -> None:
    for data in (b"", b"\0" * RECORD_SIZE, b"not a tar at all" * 100):
        with pytest.raises(IntegrityError):
            read_all(data)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 6 * BLOCK_SIZE), st.integers(0, 255)), min_size=1,
                max_size=6))
def test_random_damage_only_ever_raises_integrity_errors(changes: list[tuple[int, int]]) -> None:
    data = bytearray(written(simple_tar))
    for position, value in changes:
        data[position] = value
    try:
        entries = read_all(bytes(data))
    except IntegrityError:
        return
    # Content is the bag's business (hashes); the archive's structure must be untouched.
    original = read_all(written(simple_tar))
    assert [(p, d, len(c)) for p, d, c in entries] == [(p, d, len(c)) for p, d, c in original]


@pytest.mark.parametrize(
    "path",
    ["", "/a", "a/", "a//b", "./a", "a/..", "a\\b", "a b", "é", "-rf", ".git", "a" * 129,
     "a/" * 600],
)
def test_unsafe_paths_are_refused(path: str) -> None:
    with pytest.raises(IntegrityError):
        check_path(path)
